"""Component IDs: named constants in `<view>-<role>` form, shared by layouts and callbacks.

Views: `app` (the shell), `data` (data page), `gs` (global strategy page),
`dealer` (dealer page), `predict` (customer prediction), `fc` (forecast page),
`soon` (coming-soon pages). Repeated widgets get dict IDs from the factories at the
bottom, for `MATCH`/`ALL` callbacks.
"""

# --- app shell ---------------------------------------------------------------
LANG_STORE = "app-lang"
LANG_TOGGLE = "app-lang-toggle"
URL = "app-url"
SHELL = "app-shell"
MAIN = "app-main"

# --- data page ---------------------------------------------------------------
DATA_SUMMARY = "data-summary"
DATA_QUALITY_TABLE = "data-quality-table"
DATA_LOAD_LOG_TABLE = "data-load-log-table"

# --- global strategy page -----------------------------------------------------
GS_URL = "gs-url"  # the page's own Location (refresh=False): filter state <-> query string
GS_SPEC = "gs-spec"  # dcc.Store: the resolved filter spec (never data)
GS_URL_PROBLEMS = "gs-url-problems"  # dcc.Store: URL parameters that were refused
GS_URL_ALERT = "gs-url-alert"
GS_FILTER_ALERT = "gs-filter-alert"

GS_SOURCE = "gs-source"
GS_BRAND = "gs-brand"
GS_PERIOD_FROM = "gs-period-from"
GS_PERIOD_TO = "gs-period-to"
GS_VEHICLE_TYPES = "gs-vehicle-types"
GS_POWERTRAINS = "gs-powertrains"
GS_MARKET = "gs-market"

GS_MARKET_BAR = "gs-market-bar"
GS_MARKET_TABLE = "gs-market-table"

GS_TOP10_BAR = "gs-top10-bar"
GS_TOP10_PIE = "gs-top10-pie"
GS_TOP10_TABLE = "gs-top10-table"

GS_MODEL = "gs-model"  # the model whose trend is shown and highlighted in the heatmap
GS_TREND = "gs-trend"
GS_TREND_TABLE = "gs-trend-table"

GS_THRESHOLD = "gs-threshold"
GS_DEVIATION_BAR = "gs-deviation-bar"
GS_DEVIATION_STRONG = "gs-deviation-strong"
GS_DEVIATION_UNTAPPED = "gs-deviation-untapped"
GS_DEVIATION_TABLE = "gs-deviation-table"

GS_HEATMAP_MARKETS = "gs-heatmap-markets"
GS_HEATMAP_TOP_N = "gs-heatmap-top-n"
GS_HEATMAP_MEASURE = "gs-heatmap-measure"
GS_HEATMAP = "gs-heatmap"
GS_HEATMAP_TABLE = "gs-heatmap-table"
GS_HEATMAP_DOWNLOAD = "gs-heatmap-download"
GS_HEATMAP_DOWNLOAD_BUTTON = "gs-heatmap-download-button"

GS_RECOMMENDATIONS = "gs-recommendations"

GS_PRIORITY_TABLE = "gs-priority-table"
GS_STOCK_TABLE = "gs-stock-table"

# --- dealer page ----------------------------------------------------------------
DEALER_URL = "dealer-url"  # the page's own Location (refresh=False): filters <-> query string
DEALER_SPEC = "dealer-spec"  # dcc.Store: the filter spec (brand, market, period; never data)
DEALER_STATUS = "dealer-status"  # not-trained / no-data message

DEALER_BRAND = "dealer-brand"
DEALER_MARKET = "dealer-market"
DEALER_PERIOD_FROM = "dealer-period-from"
DEALER_PERIOD_TO = "dealer-period-to"

DEALER_SEGMENT_BAR = "dealer-segment-bar"
DEALER_RFM_GRID = "dealer-rfm-grid"
DEALER_SEGMENT_TABLE = "dealer-segment-table"
DEALER_SEGMENT_ACTIONS = "dealer-segment-actions"

DEALER_K_CURVES = "dealer-k-curves"
DEALER_CLUSTER_SIZES = "dealer-cluster-sizes"
DEALER_CLUSTER_QUALITY = "dealer-cluster-quality"
DEALER_CLUSTER_CARDS = "dealer-cluster-cards"
DEALER_PCA = "dealer-pca"  # customers on two principal components, coloured by cluster

DEALER_MODEL_CLUSTER = "dealer-model-cluster"
DEALER_MODEL_CLUSTER_TEXT = "dealer-model-cluster-text"
DEALER_INSIGHTS = "dealer-insights"  # the other insight views (charts + sentences)

DEALER_DRILL_MARKET = "dealer-drill-market"
DEALER_DRILL_MODEL = "dealer-drill-model"
DEALER_DRILLDOWN = "dealer-drilldown"

DEALER_CUSTOMERS_GRID = "dealer-customers-grid"
DEALER_CUSTOMERS_EXPORT = "dealer-customers-export"

# --- customer-prediction page (/predict) ------------------------------------
# (section owned by the prediction page; keep `predict-` prefixes)

# --- forecast page (/forecast) -------------------------------------------------
# (section owned by the forecast page; keep `fc-` prefixes)

# --- dict-ID factories ---------------------------------------------------------
TEXT_TYPE = "app-text"
GS_WEIGHT_TYPE = "gs-weight"


def text(key: str, part: str = "") -> dict[str, str]:
    """A static text shown in the current language: its catalogue `key` (plus `part`
    when the same key appears twice on a page)."""
    return {"type": TEXT_TYPE, "key": key, "part": part}


def gs_weight(name: str) -> dict[str, str]:
    """The weight input of one production-priority component (volume, momentum, ...)."""
    return {"type": GS_WEIGHT_TYPE, "name": name}
