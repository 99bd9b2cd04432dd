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
APP_TITLES = "app-titles"  # dcc.Store: the tab title in each language
APP_GRID_LOCALE = "app-grid-locale"  # dcc.Store: AG Grid's texts in each language
APP_LANG_APPLIED = "app-lang-applied"  # dcc.Store: the language <html lang> was set to
MAIN = "app-main"
INPUT_ALERT = "app-input-alert"  # refused input / unreadable warehouse (callbacks.registry)
SESSION_BAR = "app-session"  # who is signed in (or demo mode) and the sign-out button

# live data: the shell polls the warehouse's data version; views take it as an Input
DATA_VERSION = "app-data-version"  # dcc.Store: {"key": ..., "label": ...} of the warehouse file
DATA_VERSION_POLL = "app-data-version-poll"  # dcc.Interval
DATA_VERSION_BADGE = "app-data-version-badge"
FIRST_START = "app-first-start"  # "준비 중 … %" while the first start trains and forecasts

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
GS_THRESHOLD_FEEDBACK = "gs-threshold-feedback"  # the allowed range, shown when out of it
GS_DEVIATION_BAR = "gs-deviation-bar"
GS_DEVIATION_STRONG = "gs-deviation-strong"
GS_DEVIATION_UNTAPPED = "gs-deviation-untapped"
GS_DEVIATION_TABLE = "gs-deviation-table"

GS_HEATMAP_MARKETS = "gs-heatmap-markets"
GS_HEATMAP_TOP_N = "gs-heatmap-top-n"
GS_HEATMAP_TOP_N_FEEDBACK = "gs-heatmap-top-n-feedback"
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
DEALER_REGION = "dealer-region"  # region filter (지역 view); narrows every other section

DEALER_SEGMENT_BAR = "dealer-segment-bar"
DEALER_RFM_GRID = "dealer-rfm-grid"
DEALER_SEGMENT_TABLE = "dealer-segment-table"
DEALER_SEGMENT_ACTIONS = "dealer-segment-actions"
DEALER_SEGMENT_NAMING = "dealer-segment-naming"  # each name's condition, measured values
DEALER_SEGMENT_PACKAGE = "dealer-segment-package"  # agreement with the R rfm package

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

DEALER_PROSPECTS = "dealer-prospects"  # prospects registered at the counter (not purchases)
DEALER_CUSTOMERS_GRID = "dealer-customers-grid"
DEALER_CUSTOMERS_EXPORT = "dealer-customers-export"

# the dealer page's 지역 (region) view: preferences by region (layouts/region.py)
REGION_HINT = "region-hint"
REGION_HEATMAP = "region-heatmap"  # region x body type shares; a click picks the region
REGION_HEATMAP_NOTE = "region-heatmap-note"
REGION_SELECTED = "region-selected"  # which region narrows the page, with a clear button
REGION_CLEAR = "region-clear"
REGION_UNKNOWN = "region-unknown"  # customers whose address gives no region
REGION_INSIGHTS = "region-insights"
REGION_TABLE = "region-table"  # top body type and model per region

# --- customer-prediction page (/predict) ------------------------------------
# (section owned by the prediction page; keep `predict-` prefixes)
PREDICT_LOOKUP_INPUT = "predict-lookup-input"  # phone, e-mail or user id of a returning customer
PREDICT_LOOKUP_SUBMIT = "predict-lookup-submit"
PREDICT_LOOKUP_RESULT = "predict-lookup-result"
PREDICT_URL = "predict-url"  # the page's own Location (refresh=False): brand <-> query string
PREDICT_STATUS = "predict-status"  # artifacts missing or refused: what to run
PREDICT_INPUT = "predict-input"  # dcc.Store: the last accepted form (inputs, never results)
PREDICT_FORM_ALERT = "predict-form-alert"  # "the form was rejected" summary

# form controls, each with its inline message (<control>-feedback)
PREDICT_BRAND = "predict-brand"
PREDICT_GENDER = "predict-gender"
PREDICT_GENDER_FEEDBACK = "predict-gender-feedback"
PREDICT_AGE = "predict-age"
PREDICT_AGE_FEEDBACK = "predict-age-feedback"
PREDICT_BIRTH_DATE = "predict-birth-date"
PREDICT_BIRTH_DATE_FEEDBACK = "predict-birth-date-feedback"
PREDICT_MARKET = "predict-market"
PREDICT_MARKET_FEEDBACK = "predict-market-feedback"
PREDICT_VEHICLE_CLASS = "predict-vehicle-class"
PREDICT_VEHICLE_CLASS_FEEDBACK = "predict-vehicle-class-feedback"
PREDICT_MODEL = "predict-model"  # model of interest (optional)
PREDICT_MODEL_FEEDBACK = "predict-model-feedback"
PREDICT_ECO = "predict-eco"
PREDICT_ECO_FEEDBACK = "predict-eco-feedback"
PREDICT_BUDGET = "predict-budget"
PREDICT_BUDGET_HINT = "predict-budget-hint"  # the typed budget with thousands separators
PREDICT_BUDGET_FEEDBACK = "predict-budget-feedback"
PREDICT_PAYMENT = "predict-payment"
PREDICT_PAYMENT_FEEDBACK = "predict-payment-feedback"
PREDICT_CHANNEL = "predict-channel"
PREDICT_CHANNEL_FEEDBACK = "predict-channel-feedback"
PREDICT_PURCHASE_COUNT = "predict-purchase-count"
PREDICT_PURCHASE_COUNT_FEEDBACK = "predict-purchase-count-feedback"
PREDICT_SUBMIT = "predict-submit"

PREDICT_RESULT = "predict-result"  # segment, type, persona, recommendation cards

PREDICT_CARD_TOGGLE = "predict-card-toggle"  # model card panel (collapsible)
PREDICT_CARD_COLLAPSE = "predict-card-collapse"
PREDICT_CARD_BODY = "predict-card-body"

# registration (shown after a prediction)
PREDICT_REG_COLLAPSE = "predict-reg-collapse"
PREDICT_REG_NAME = "predict-reg-name"
PREDICT_REG_NAME_FEEDBACK = "predict-reg-name-feedback"
PREDICT_REG_PHONE = "predict-reg-phone"
PREDICT_REG_PHONE_FEEDBACK = "predict-reg-phone-feedback"
PREDICT_REG_EMAIL = "predict-reg-email"
PREDICT_REG_EMAIL_FEEDBACK = "predict-reg-email-feedback"
PREDICT_REG_ADDRESS = "predict-reg-address"
PREDICT_REG_ADDRESS_FEEDBACK = "predict-reg-address-feedback"
PREDICT_REG_USER_ID = "predict-reg-user-id"
PREDICT_REG_USER_ID_FEEDBACK = "predict-reg-user-id-feedback"
PREDICT_REG_SIGNUP_DATE = "predict-reg-signup-date"
PREDICT_REG_SIGNUP_DATE_FEEDBACK = "predict-reg-signup-date-feedback"
PREDICT_REG_SUBMIT = "predict-reg-submit"
PREDICT_REG_RESULT = "predict-reg-result"  # confirmation with the customer id, or refusal

# --- forecast page (/forecast) -------------------------------------------------
# (section owned by the forecast page; keep `fc-` prefixes)
FC_URL = "fc-url"  # the page's own Location (refresh=False): series <-> query string
FC_SPEC = "fc-spec"  # dcc.Store: run id + series id + scope (never data)
FC_URL_PROBLEMS = "fc-url-problems"  # dcc.Store: URL parameters that were refused
FC_URL_ALERT = "fc-url-alert"
FC_STATUS = "fc-status"  # no-run / no-data message and the run line

FC_BRAND = "fc-brand"
FC_FLOW = "fc-flow"
FC_MARKET = "fc-market"
FC_ITEM = "fc-item"  # model or plant within the market ('*' = the market's total)

FC_MODELS = "fc-models"  # checklist: which models' forecasts are drawn
FC_BAND = "fc-band"  # the model whose 80% band, summary and quarter table are shown
FC_BACKTEST = "fc-backtest"  # switch: backtest forecasts vs actuals
FC_CHART = "fc-chart"
FC_CHART_TABLE = "fc-chart-table"
FC_SUMMARY = "fc-summary"

FC_SCOPE = "fc-scope"  # metrics scope: latest_cutoff | all_cutoffs
FC_METRICS_TABLE = "fc-metrics-table"

FC_QUARTER_TABLE = "fc-quarter-table"
FC_QUARTER_DOWNLOAD = "fc-quarter-download"
FC_QUARTER_DOWNLOAD_BUTTON = "fc-quarter-download-button"

FC_LEADERBOARD_TABLE = "fc-leaderboard-table"

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


# --- automation page (/automation) -------------------------------------------
AUTO_REPORT_BRAND = "auto-report-brand"
AUTO_REPORT_MARKET = "auto-report-market"
AUTO_REPORT_SOURCE = "auto-report-source"
AUTO_REPORT_FROM = "auto-report-from"
AUTO_REPORT_TO = "auto-report-to"
AUTO_REPORT_FORMATS = "auto-report-formats"
AUTO_REPORT_BUILD = "auto-report-build"
AUTO_REPORT_STATUS = "auto-report-status"
AUTO_REPORT_DOWNLOAD_HTML = "auto-report-download-html"
AUTO_REPORT_DOWNLOAD_PDF = "auto-report-download-pdf"
AUTO_REPORT_DOWNLOAD_XLSX = "auto-report-download-xlsx"

AUTO_CAMPAIGN_BRAND = "auto-campaign-brand"
AUTO_CAMPAIGN_TARGET = "auto-campaign-target"  # segment | cluster
AUTO_CAMPAIGN_SEGMENT = "auto-campaign-segment"
AUTO_CAMPAIGN_CLUSTER = "auto-campaign-cluster"
AUTO_CAMPAIGN_MARKET = "auto-campaign-market"
AUTO_CAMPAIGN_OFFER = "auto-campaign-offer"
AUTO_CAMPAIGN_DRY_RUN = "auto-campaign-dry-run"
AUTO_CAMPAIGN_PREVIEW = "auto-campaign-preview"
AUTO_CAMPAIGN_PREVIEWED = "auto-campaign-previewed"  # dcc.Store: the spec last previewed
AUTO_CAMPAIGN_SUMMARY = "auto-campaign-summary"  # recipient count and the sample message
AUTO_CAMPAIGN_SEND = "auto-campaign-send"
AUTO_CAMPAIGN_RESULT = "auto-campaign-result"

AUTO_MAIL_LOG = "auto-mail-log"
AUTO_MAIL_LOG_REFRESH = "auto-mail-log-refresh"
AUTO_SCHEDULES = "auto-schedules"

AUTO_UPLOAD = "auto-upload"
AUTO_UPLOAD_RESULT = "auto-upload-result"

# the prediction page's result e-mail (after registration)
PREDICT_RESULT_MAIL = "predict-result-mail"
PREDICT_RESULT_MAIL_RESULT = "predict-result-mail-result"

# --- unsubscribe page (/unsubscribe?token=...) -------------------------------
UNSUB_TOKEN = "unsub-token"  # dcc.Store: the token of the link
UNSUB_CONFIRM = "unsub-confirm"
UNSUB_RESULT = "unsub-result"


# --- market explorer (/explorer/<page>) ----------------------------------------------
# Six pages share one set of roles; each component id is `explorer(page, role)`, a dict
# id {"type": "exp-<role>", "page": <page>}, so the callbacks every page shares match
# any page (MATCH on "page") and the ids of two pages never collide.
EXPLORER_PAGES = ("exports", "models", "plants", "retail", "competitors", "sources")

# roles every page has
EXP_URL = "url"  # the page's own Location (refresh=False): filter state <-> query string
EXP_SPEC = "spec"  # dcc.Store: the resolved filter spec (never data)
EXP_URL_PROBLEMS = "url-problems"  # dcc.Store: URL parameters that were refused
EXP_URL_ALERT = "url-alert"
EXP_FILTER_ALERT = "filter-alert"
EXP_BRAND = "brand"
EXP_FROM = "from"
EXP_TO = "to"
EXP_FOCUS = "focus"  # region / model / plant / market / file: what a chart click picks
EXP_INSIGHTS = "insights"  # the generated sentences of the page

# roles of one page each
EXP_COMPARE = "compare"  # models: the second model
EXP_FLOW = "flow"  # models: both | domestic | export
EXP_TOP = "top"  # models: top-N per year
EXP_PICKS = "picks"  # plants: models of the trend; retail: markets compared
EXP_YEAR = "year"  # competitors
EXP_DOWNLOAD = "download"  # dcc.Download of a page's CSV
EXP_DOWNLOAD_BUTTON = "download-button"

# charts and tables (a chart's table is its text alternative and CSV export)
EXP_LINES = "lines"
EXP_SHARE = "share"
EXP_SHARE_TABLE = "share-table"
EXP_YOY = "yoy"
EXP_YOY_TABLE = "yoy-table"
EXP_YEAR_TABLE = "year-table"
EXP_MONTH_TABLE = "month-table"
EXP_HEATMAP = "heatmap"
EXP_HEATMAP_TABLE = "heatmap-table"
EXP_FLOWS = "flows"
EXP_FLOWS_TABLE = "flows-table"
EXP_TOP_BAR = "top-bar"
EXP_TOP_TABLE = "top-table"
EXP_BODY_MIX = "body-mix"
EXP_POWER_MIX = "power-mix"
EXP_MIX_TABLE = "mix-table"
EXP_ELECTRIFIED = "electrified"
EXP_ELECTRIFIED_TABLE = "electrified-table"
EXP_COMPARISON = "comparison"
EXP_COMPARISON_TEXT = "comparison-text"
EXP_COMPARISON_TABLE = "comparison-table"
EXP_SEASONALITY_TABLE = "seasonality-table"
EXP_TOTALS = "totals"
EXP_TOTALS_TABLE = "totals-table"
EXP_TREND = "trend"
EXP_TREND_TABLE = "trend-table"
EXP_RATIO = "ratio"
EXP_RATIO_TABLE = "ratio-table"
EXP_SINGLE_TABLE = "single-table"
EXP_CONCENTRATION = "concentration"
EXP_CONCENTRATION_TABLE = "concentration-table"
EXP_VOLATILITY_TABLE = "volatility-table"
EXP_INDEXED = "indexed"
EXP_INDEXED_TABLE = "indexed-table"
EXP_RETAIL_MIX = "retail-mix"
EXP_RETAIL_MIX_TABLE = "retail-mix-table"
EXP_EV = "ev"
EXP_VOLATILITY = "volatility"
EXP_EV_TABLE = "ev-table"
EXP_BRANDS = "brands"
EXP_MODELS_TABLE = "models-table"
EXP_OUR_SHARE = "our-share"
EXP_OUR_SHARE_TABLE = "our-share-table"
EXP_COUNTERS = "counters"
EXP_COUNTERS_TABLE = "counters-table"
EXP_FILES_TABLE = "files-table"
EXP_FILE_LOG = "file-log"
EXP_FILE_QUALITY = "file-quality"
EXP_REJECTS_TABLE = "rejects-table"
EXP_GRID = "grid"
EXP_GRID_BOX = "grid-box"  # holds the grid of the file shown (one grid id per file view)
EXP_DOWNLOAD_NOTE = "download-note"


def explorer(page: str, role: str) -> dict[str, str]:
    """The id of an explorer component: `role` (one of the EXP_ constants) on `page`."""
    return {"type": f"exp-{role}", "page": page}


def explorer_grid(view: str) -> dict[str, str]:
    """The source grid of one file view (file, kind and period): a new view is a new grid,
    so its rows are asked for afresh (the grid's infinite row model keeps its pages)."""
    return {"type": f"exp-{EXP_GRID}", "page": "sources", "view": view}
