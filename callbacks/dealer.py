"""Callbacks of the dealer page: thin adapters around `analytics.insights`.

Flow: brand, market and period controls -> `resolve_filters` -> the filter spec
in DEALER_SPEC and the URL query string -> one render callback per section,
each reading the brand's dealer frame from the server-side cache (keyed by
warehouse file and brand) and filtering it by the spec. Only the spec travels
through the browser, never data or PII.

Before `carsight train` the trained columns are null: every section then shows
the empty state and DEALER_STATUS says which command to run.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
import polars as pl
from dash import Input, Output, State, html, no_update
from dash.exceptions import PreventUpdate

from analytics import insights
from analytics.artifacts import LoadedSegmentation
from analytics.prospects import prospect_table
from analytics.region import region_order
from analytics.segments import clusters
from app import figures, ids, services
from app.figures import dealer as dealer_figures
from app.i18n import market_label, t
from app.i18n.dealer import body_label, gender_label, powertrain_label, render, segment_label
from app.i18n.region import region_options
from app.inputs import ClickData, Clicks, DealerSpec, Lang
from callbacks.common import trigger_kind
from callbacks.registry import for_page

callback = for_page("dealer")

ANY = "all"

GRID_COLUMNS = (
    "customer_id",
    "market",
    "model",
    "segment",
    "cluster",
    "persona",
    "age",
    "gender",
    "purchase_date",
    "amount_krw",
    "purchase_count",
    "phone",
    "email",
    "address",
)
SUMMARY_FRACTIONS = (
    "female_share",
    "eco_share",
    "online_share",
    "revenue_share",
    "top_model_share",
    "top_segment_share",
)


# --- data access (app.services caches it per data version and brand) ------------------------


def _customers(brand: str) -> pl.DataFrame:
    """The brand's dealer frame; empty when the warehouse or its trained tables are missing."""
    try:
        return services.dealer_customers(brand)
    except services.Unavailable:
        return pl.DataFrame()


def is_trained(frame: pl.DataFrame) -> bool:
    return "segment" in frame.columns and frame.get_column("segment").is_not_null().any()


def _manifest(brand: str) -> dict | None:
    return services.segmentation_manifest(brand)


def _models(brand: str) -> LoadedSegmentation | None:
    return services.segmentation_models(brand)


def results_current(brand: str) -> bool:
    """The trained tables and the brand's models both come from the data held now."""
    return services.results_current("trained") and services.model_current(brand)


def _spec_brand(spec: DealerSpec | None) -> str:
    if not spec:
        raise PreventUpdate
    return spec["brand"]


def spec_filter(spec: DealerSpec) -> dict:
    """`analytics.insights.filter_customers` keywords of a filter spec (market, purchase
    years, region)."""
    start, end = spec.get("from"), spec.get("to")
    return {
        "market": spec.get("market"),
        "period_from": dt.date(int(start), 1, 1) if start else None,
        "period_to": dt.date(int(end), 12, 31) if end else None,
        "region": spec.get("region"),
    }


def _frame(spec: DealerSpec | None) -> pl.DataFrame:
    """The spec's customers (market, purchase years, region); empty when not trained, or
    trained on other data than the warehouse holds now."""
    brand = _spec_brand(spec)
    frame = _customers(brand)
    if not is_trained(frame) or not results_current(brand):
        return frame.clear() if frame.columns else frame
    return insights.filter_customers(frame, **spec_filter(spec))  # type: ignore[arg-type]


def _personas(brand: str, lang: str) -> dict[int, str]:
    """Cluster -> persona name in `lang` (from the verified manifest)."""
    manifest = _manifest(brand) or {}
    profiles = (manifest.get("clusters") or {}).get("profiles") or []
    return {
        int(p["cluster"]): p.get(f"persona_{lang}") or p.get("persona_ko", "") for p in profiles
    }


def _shown(frame: pl.DataFrame, brand: str, lang: str) -> pl.DataFrame:
    """`frame` with its data words in `lang`: personas (stored in Korean) from the
    manifest's names by cluster, segment names, markets and M/F (English mode showed
    '40대 · 실속형' and '일반'; Korean mode showed 'Middle East/Africa' and 'M')."""
    personas = _personas(brand, lang)
    columns = []
    if "persona" in frame.columns and "cluster" in frame.columns and personas:
        columns.append(
            pl.col("cluster").replace_strict(personas, default=pl.col("persona")).alias("persona")
        )
    for name in ("segment", "top_segment", "predicted_segment"):
        if name in frame.columns:
            words = {
                v: segment_label(v, lang) for v in frame.get_column(name).drop_nulls().unique()
            }
            columns.append(pl.col(name).replace_strict(words, default=None, return_dtype=pl.Utf8))
    for name, label_of in (("market", market_label), ("gender", gender_label)):
        if name in frame.columns:
            words = {v: label_of(v, lang) for v in frame.get_column(name).drop_nulls().unique()}
            columns.append(pl.col(name).replace_strict(words, default=None, return_dtype=pl.Utf8))
    return frame.with_columns(columns) if columns else frame


def _sentences(found: list, lang: str) -> list:
    if not found:
        return [html.P(t("empty", lang), className="text-muted fst-italic")]
    out = []
    for insight in found:
        out.append(
            html.P(
                [
                    html.Span(render(insight, lang)),
                    html.Br(),
                    html.Small(
                        [
                            html.Strong(t("dealer.suggestion", lang)),
                            render(insight, lang, part="action"),
                        ],
                        className="text-success",
                    ),
                ],
                className="mb-2 cs-insight",
            )
        )
    return out


# --- filters ---------------------------------------------------------------------------------


@callback(
    Output(ids.DEALER_MARKET, "options"),
    Output(ids.DEALER_PERIOD_FROM, "options"),
    Output(ids.DEALER_PERIOD_TO, "options"),
    Output(ids.DEALER_BRAND, "options"),
    Output(ids.DEALER_REGION, "options"),
    Input(ids.DEALER_BRAND, "value"),
    Input(ids.LANG_STORE, "data"),
    memo=True,
)
def filter_choices(brand: str | None, lang: Lang):
    """Markets, purchase years and regions the brand's customers have, plus 전체 / open
    ends."""
    frame = _customers(services.brand_or_own(brand))
    markets = (
        sorted(frame.get_column("market").drop_nulls().unique().to_list()) if frame.height else []
    )
    years = (
        sorted(frame.get_column("purchase_date").drop_nulls().dt.year().unique().to_list())
        if frame.height
        else []
    )
    year_options = [{"label": str(y), "value": str(y)} for y in years]
    return (
        [{"label": t("dealer.all_markets", lang), "value": ANY}]
        + [{"label": market_label(m, lang), "value": m} for m in markets],
        [{"label": t("gs.period.start", lang), "value": ANY}] + year_options,
        [{"label": t("gs.period.end", lang), "value": ANY}] + year_options,
        [{"label": t(f"brand.{b}", lang), "value": b} for b in services.brands()],
        region_options(
            region_order(frame).get_column("region").to_list() if frame.height else [],
            lang,
        ),
    )


@callback(
    Output(ids.DEALER_SPEC, "data"),
    Output(ids.DEALER_URL, "search"),
    Input(ids.DEALER_BRAND, "value"),
    Input(ids.DEALER_MARKET, "value"),
    Input(ids.DEALER_PERIOD_FROM, "value"),
    Input(ids.DEALER_PERIOD_TO, "value"),
    Input(ids.DEALER_REGION, "value"),
)
def resolve_filters(
    brand: str | None,
    market: str | None,
    start: str | None,
    end: str | None,
    region: str | None = None,
):
    """Controls -> the filter spec (a market, year or region the data lacks means 전체)
    and the URL."""
    brand = services.brand_or_own(brand)
    frame = _customers(brand)
    markets = set(frame.get_column("market").drop_nulls().to_list()) if frame.height else set()
    regions = set(frame.get_column("region").drop_nulls().to_list()) if frame.height else set()
    spec = {
        "brand": brand,
        "market": market if market in markets else None,
        "from": start if start and start.isdigit() else None,
        "to": end if end and end.isdigit() else None,
        "region": region if region in regions else None,
    }
    query = {
        "brand": brand,
        "market": spec["market"],
        "from": spec["from"],
        "to": spec["to"],
        "region": spec["region"],
    }
    search = "?" + urlencode({k: v for k, v in query.items() if v})
    return spec, search if trigger_kind() == "user" else no_update


@callback(
    Output(ids.DEALER_STATUS, "children"),
    Input(ids.DEALER_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    memo=True,
)
def render_status(spec: DealerSpec | None, lang: Lang):
    """Tells the user to run `carsight train` when the trained tables are missing or come
    from other data than the warehouse holds now."""
    brand = _spec_brand(spec)
    trained = is_trained(_customers(brand))
    if trained and not results_current(brand):
        return dbc.Alert(t("dealer.stale", lang), color="warning")
    if not trained:
        return dbc.Alert(t("dealer.not_trained", lang), color="warning")
    problem = services.segmentation_problem(brand)
    if problem is not None:
        return dbc.Alert(t("dealer.artifacts_problem", lang, detail=problem), color="warning")
    if _frame(spec).is_empty():
        return dbc.Alert(t("empty", lang), color="secondary")
    return None


# --- 1. segments --------------------------------------------------------------------------


@callback(
    Output(ids.DEALER_SEGMENT_BAR, "figure"),
    Output(ids.DEALER_RFM_GRID, "figure"),
    Output(ids.DEALER_SEGMENT_TABLE, "children"),
    Output(ids.DEALER_SEGMENT_ACTIONS, "children"),
    Output(ids.DEALER_SEGMENT_NAMING, "children"),
    Output(ids.DEALER_SEGMENT_PACKAGE, "children"),
    Input(ids.DEALER_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    memo=True,
)
def render_segments(spec: DealerSpec | None, lang: Lang):
    """The selection's segments and actions; the run's naming and rfm-package tables."""
    frame = _frame(spec)
    rfm_info = (_manifest(_spec_brand(spec)) or {}).get("rfm") or {}
    naming, package = (
        dealer_figures.naming_view(rfm_info, lang),
        dealer_figures.package_view(rfm_info, lang),
    )
    if frame.is_empty():
        empty = figures.empty_figure(lang)
        return empty, empty, figures.empty_table(lang), [], naming, package
    summary = insights.segment_summary(frame)
    actions = insights.segment_actions(summary)
    return (
        dealer_figures.segment_bar(summary, lang=lang),
        dealer_figures.rfm_heatmap(insights.rfm_grid(frame), lang=lang),
        figures.data_table(
            summary,
            lang=lang,
            value_labels={"segment": "segment"},
            fraction_columns=("customer_share", "revenue_share"),
        ),
        [html.Li(render(a, lang) + " → " + render(a, lang, part="action")) for a in actions],
        naming,
        package,
    )


# --- 2. clusters ----------------------------------------------------------------------------


@callback(
    Output(ids.DEALER_CLUSTER_QUALITY, "children"),
    Output(ids.DEALER_K_CURVES, "figure"),
    Output(ids.DEALER_CLUSTER_SIZES, "figure"),
    Output(ids.DEALER_CLUSTER_CARDS, "children"),
    Input(ids.DEALER_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    memo=True,
)
def render_clusters(spec: DealerSpec | None, lang: Lang):
    """Quality metrics and K curves of the trained model; sizes and cards of the selection."""
    brand = _spec_brand(spec)
    frame, manifest = _frame(spec), _manifest(brand)
    if frame.is_empty() or manifest is None:
        empty = figures.empty_figure(lang)
        return None, empty, empty, figures.empty_table(lang)
    fit = manifest["clusters"]
    quality = t(
        "dealer.quality",
        lang,
        k=fit["chosen_k"],
        silhouette=fit["silhouette"],
        ari_mean=fit["stability"]["ari_mean"],
        ari_min=fit["stability"]["ari_min"],
        version=manifest["version"],
    )
    personas = _personas(brand, lang)
    summary = insights.cluster_summary(frame)
    return (
        quality,
        dealer_figures.k_curves(
            pl.DataFrame(fit["metrics"]), chosen_k=int(fit["chosen_k"]), lang=lang
        ),
        dealer_figures.cluster_bar(insights.cluster_sizes(frame), lang=lang, personas=personas),
        dbc.Row(
            [
                dbc.Col(dealer_figures.cluster_card(row, personas, fit, lang), xs=12, md=6, xl=4)
                for row in summary.to_dicts()
            ],
            className="g-3",
        ),
    )


@callback(
    Output(ids.DEALER_PCA, "figure"),
    Input(ids.DEALER_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    memo=True,
)
def render_pca(spec: DealerSpec | None, lang: Lang):
    """The selection's customers on two principal components, coloured by cluster."""
    brand = _spec_brand(spec)
    frame, models = _frame(spec), _models(brand)
    if frame.is_empty() or models is None:
        return figures.empty_figure(lang, title=t("fig.pca.title", lang))
    projection = clusters.pca_projection(frame, models=models)
    return dealer_figures.dealer_pca(
        projection.points,
        explained=projection.explained,
        lang=lang,
        personas=_personas(brand, lang),
    )


# --- 3. insights ----------------------------------------------------------------------------


@callback(
    Output(ids.DEALER_MODEL_CLUSTER, "figure"),
    Output(ids.DEALER_MODEL_CLUSTER_TEXT, "children"),
    Input(ids.DEALER_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    memo=True,
)
def render_model_cluster(spec: DealerSpec | None, lang: Lang):
    frame = _frame(spec)
    return (
        dealer_figures.model_cluster_bar(insights.model_by_cluster(frame), lang=lang)
        if not frame.is_empty()
        else figures.empty_figure(lang),
        _sentences(
            insights.view_insights("model_cluster", frame) if not frame.is_empty() else [], lang
        ),
    )


def _view_figure(view: str, frame: pl.DataFrame, lang: str):
    title = t(f"view.{view}", lang)
    age = {a: t("persona.age", lang, age=a) for a in range(0, 110, 10)}
    cluster = {c: t("persona.cluster", lang, cluster=c) for c in range(1, 31)}
    if view == "gender":
        table = insights.gender_mix(frame)
        labels = {g: gender_label(g, lang) for g in table.get_column("gender").unique()}
        return dealer_figures.share_bar(
            table,
            x="cluster",
            colour="gender",
            title=title,
            lang=lang,
            x_labels=cluster,
            colour_labels=labels,
        )
    if view == "age":
        return dealer_figures.share_bar(
            insights.age_distribution(frame),
            x="cluster",
            colour="age_band",
            title=title,
            lang=lang,
            x_labels=cluster,
            colour_labels=age,
        )
    if view == "amount_frequency":
        return dealer_figures.cluster_value_bar(
            insights.amount_frequency(frame),
            value="amount_krw_mean",
            title=title,
            lang=lang,
            scale=1e6,
        )
    if view == "segment_cluster":
        table = insights.segment_by_cluster(frame)
        labels = {s: segment_label(s, lang) for s in table.get_column("segment").unique()}
        return dealer_figures.share_bar(
            table,
            x="cluster",
            colour="segment",
            title=title,
            lang=lang,
            x_labels=cluster,
            colour_labels=labels,
        )
    if view == "body_market":
        table = insights.body_type_by_market(frame)
        return dealer_figures.share_bar(
            table,
            x="market",
            colour="body_type",
            title=title,
            lang=lang,
            x_labels={m: market_label(m, lang) for m in table.get_column("market").unique()},
            colour_labels={b: body_label(b, lang) for b in table.get_column("body_type").unique()},
        )
    table = insights.powertrain_by_age(frame)
    return dealer_figures.share_bar(
        table,
        x="age_band",
        colour="powertrain",
        title=title,
        lang=lang,
        x_labels=age,
        colour_labels={
            p: powertrain_label(p, lang) for p in table.get_column("powertrain").unique()
        },
    )


CHART_VIEWS = (
    "gender",
    "age",
    "amount_frequency",
    "segment_cluster",
    "body_market",
    "powertrain_age",
)


@callback(
    Output(ids.DEALER_INSIGHTS, "children"),
    Input(ids.DEALER_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    memo=True,
)
def render_insights(spec: DealerSpec | None, lang: Lang):
    """Every other insight view: its chart, its generated insight and suggestion."""
    frame = _frame(spec)
    if frame.is_empty():
        return figures.empty_table(lang)
    cols = [
        dbc.Col(
            [
                figures.chart(_view_figure(view, frame, lang)),
                *_sentences(insights.view_insights(view, frame), lang),
            ],
            xs=12,
            lg=6,
            className=f"cs-view cs-view-{view}",
        )
        for view in CHART_VIEWS
    ]
    summary = _shown(insights.cluster_summary(frame), _spec_brand(spec), lang)
    return [
        dbc.Row(cols, className="g-3"),
        html.H3(t("view.summary", lang), className="h6 mt-3"),
        figures.data_table(
            summary,
            lang=lang,
            fraction_columns=SUMMARY_FRACTIONS,
        ),
        *_sentences(insights.view_insights("summary", frame), lang),
    ]


# --- 4. drill-down ----------------------------------------------------------------------------


@callback(
    Output(ids.DEALER_DRILL_MARKET, "options"),
    Output(ids.DEALER_DRILL_MARKET, "value"),
    Input(ids.DEALER_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    State(ids.DEALER_DRILL_MARKET, "value"),
    memo=True,
)
def drill_markets(spec: DealerSpec | None, lang: Lang, current: str | None):
    """The filter's market, or (for 전체) the current pick or the market with most buyers."""
    frame = _frame({**(spec or {}), "market": None} if spec else None)
    if frame.is_empty():
        return [], None
    counts = frame.group_by("market").len().sort(["len", "market"], descending=[True, False])
    markets = [m for m in counts.get_column("market").to_list() if m]
    value = spec.get("market") or (current if current in markets else markets[0])  # type: ignore[union-attr]
    return [{"label": market_label(m, lang), "value": m} for m in markets], value


@callback(
    Output(ids.DEALER_DRILL_MODEL, "options"),
    Output(ids.DEALER_DRILL_MODEL, "value"),
    Input(ids.DEALER_DRILL_MARKET, "value"),
    State(ids.DEALER_SPEC, "data"),
    State(ids.DEALER_DRILL_MODEL, "value"),
    memo=True,
)
def drill_models(market: str | None, spec: DealerSpec | None, current: str | None):
    """Models bought in the drill-down market, most buyers first; keeps the current model."""
    if not market:
        raise PreventUpdate
    frame = _frame({**(spec or {}), "market": market} if spec else None)
    if frame.is_empty():
        return [], None
    counts = frame.group_by("model").len().sort(["len", "model"], descending=[True, False])
    models = [m for m in counts.get_column("model").to_list() if m]
    value = current if current in models else (models[0] if models else None)
    return [{"label": m, "value": m} for m in models], value


@callback(
    Output(ids.DEALER_DRILL_MODEL, "value", allow_duplicate=True),
    Input(ids.DEALER_MODEL_CLUSTER, "clickData"),
    prevent_initial_call=True,
)
def model_from_click(click: ClickData | None) -> str:
    """A click on a model x cluster bar opens that model's drill-down."""
    points = (click or {}).get("points") or []
    model = points[0].get("customdata") if points else None
    if not model:
        raise PreventUpdate
    return str(model)


@callback(
    Output(ids.DEALER_DRILLDOWN, "children"),
    Input(ids.DEALER_DRILL_MARKET, "value"),
    Input(ids.DEALER_DRILL_MODEL, "value"),
    Input(ids.LANG_STORE, "data"),
    State(ids.DEALER_SPEC, "data"),
    memo=True,
)
def render_drilldown(market: str | None, model: str | None, lang: Lang, spec: DealerSpec | None):
    """Which clusters buy `model` in `market`, with shares and the suggested campaign."""
    if not spec:
        raise PreventUpdate
    if not market or not model:
        return html.P(t("dealer.drill.pick", lang), className="text-muted")
    table, insight = insights.drilldown(
        _frame({**spec, "market": None}), market=market, model=model
    )
    if insight is None:
        return figures.empty_table(lang)
    return [
        figures.chart(
            dealer_figures.drilldown_bar(table, market=market, model=model, lang=lang),
            className="cs-drill-graph",
        ),
        *_sentences([insight], lang),
        figures.data_table(_shown(table, _spec_brand(spec), lang), lang=lang),
    ]


# --- 5. customers -------------------------------------------------------------------------------


@callback(
    Output(ids.DEALER_CUSTOMERS_GRID, "rowData"),
    Output(ids.DEALER_CUSTOMERS_GRID, "columnDefs"),
    Input(ids.DEALER_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    memo=True,
)
def render_customers(spec: DealerSpec | None, lang: Lang):
    """The selection's customers under pseudonymous ids; phone, e-mail and address masked
    unless the user may see them (app.services.dealer_contacts)."""
    frame = _frame(spec)
    columns = [{"field": c, "headerName": t(f"col.{c}", lang)} for c in GRID_COLUMNS]
    if frame.is_empty():
        return [], columns
    rows = (
        frame.join(services.dealer_contacts(spec["brand"]), on="customer_id", how="left")  # type: ignore[index]
        .select(GRID_COLUMNS)
        .with_columns(pl.col("purchase_date").cast(pl.Utf8))
    )
    return _shown(rows, _spec_brand(spec), lang).to_dicts(), columns


@callback(
    Output(ids.DEALER_CUSTOMERS_GRID, "exportDataAsCsv"),
    Input(ids.DEALER_CUSTOMERS_EXPORT, "n_clicks"),
    prevent_initial_call=True,
)
def export_customers(n_clicks: Clicks) -> bool:
    """CSV of the grid as shown (masked contacts), made in the browser."""
    if not n_clicks:
        raise PreventUpdate
    return True


# --- 6. prospects -------------------------------------------------------------------------------


@callback(
    Output(ids.DEALER_PROSPECTS, "children"),
    Input(ids.DEALER_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
)
def render_prospects(spec: DealerSpec | None, lang: Lang):
    """Prospects registered at the counter (live from the operational store): count,
    list, segment (신규 by definition) and predicted value tier. They are not customers:
    no purchase, no segment counts."""
    brand = _spec_brand(spec)
    found = services.prospects(brand, market=spec.get("market"))  # type: ignore[union-attr]
    if found.is_empty():
        return html.P(t("dealer.prospects.none", lang), className="text-muted")
    table = prospect_table(found)
    return [
        html.P(t("dealer.prospects.count", lang, count=found.height), className="fw-semibold"),
        figures.data_table(
            table,
            lang=lang,
            value_labels={"predicted_segment": "segment", "predicted_tier": "tier"},
            fraction_columns=("tier_probability",),
        ),
    ]
