"""Component IDs: named constants in `<view>-<role>` form, shared by layouts and callbacks."""

LANG_STORE = "app-lang"
LANG_TOGGLE = "app-lang-toggle"
URL = "app-url"

DATA_SUMMARY = "data-summary"
DATA_QUALITY_TABLE = "data-quality-table"
DATA_LOAD_LOG_TABLE = "data-load-log-table"
