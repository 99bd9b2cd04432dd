"""Callbacks of the global strategy page: thin adapters around the analytics.

Flow: the controls -> `resolve_filters` (validated against what the data offers)
-> the filter spec in `GS_SPEC` and the URL query string -> one render callback
per view, each reading the sales aggregate (DuckDB-aggregated totals, never fact
rows) from the server-side cache keyed by the spec. Only the spec travels
through the browser, never data.
"""

from __future__ import annotations

from dataclasses import asdict

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, dcc, html, no_update
from dash.exceptions import PreventUpdate

from analytics.deviation import deviation
from analytics.filters import Choices, choices
from analytics.heatmap import heatmap
from analytics.markets import market_totals
from analytics.momentum import market_model_units
from analytics.priority import priority, stock_cover
from analytics.recommend import KINDS, recommend
from analytics.sales import SOURCES
from analytics.top10 import top10
from analytics.trend import monthly_series
from app import figures, ids, services, url_state
from app.figures import global_strategy as gs_figures
from app.i18n import dropdown_labels, market_label, t
from app.i18n.global_strategy import render, render_deviation
from app.inputs import (
    ClickData,
    Clicks,
    DataVersionStore,
    GsControls,
    GsSpec,
    Lang,
    Number,
    ProblemRecord,
    StockRow,
    WeightId,
)
from callbacks.common import trigger_kind
from callbacks.registry import for_page

callback = for_page("global_strategy")

LIST_LIMIT = 10  # models per "strong" / "untapped" list (the table has them all)


def _state(spec: GsSpec | None) -> url_state.PageState:
    if not spec:
        raise PreventUpdate
    return url_state.PageState.from_store(spec)


def _sales(state: url_state.PageState):
    return services.sales(state.sales_filter())


def _totals(state: url_state.PageState):
    """Market x model totals of the filter (aggregated in DuckDB)."""
    return market_model_units(_sales(state))


def _clicked(click: ClickData | None) -> str:
    points = (click or {}).get("points") or []
    value = points[0].get("customdata") if points else None
    if isinstance(value, list):
        value = value[0] if value else None
    if not value:
        raise PreventUpdate
    return str(value)


# --- filters -----------------------------------------------------------------------


@callback(
    output={
        "source": Output(ids.GS_SOURCE, "options"),
        "brand": Output(ids.GS_BRAND, "options"),
        "market": Output(ids.GS_MARKET, "options"),
        "markets": Output(ids.GS_HEATMAP_MARKETS, "options"),
        "period_from": Output(ids.GS_PERIOD_FROM, "options"),
        "period_to": Output(ids.GS_PERIOD_TO, "options"),
        "vehicle_types": Output(ids.GS_VEHICLE_TYPES, "options"),
        "powertrains": Output(ids.GS_POWERTRAINS, "options"),
        "measure": Output(ids.GS_HEATMAP_MEASURE, "options"),
        "placeholders": [
            Output(i, "placeholder")
            for i in (ids.GS_VEHICLE_TYPES, ids.GS_POWERTRAINS, ids.GS_HEATMAP_MARKETS)
        ],
        "labels": [
            Output(i, "labels")
            for i in (ids.GS_VEHICLE_TYPES, ids.GS_POWERTRAINS, ids.GS_HEATMAP_MARKETS)
        ],
    },
    inputs={
        "source": Input(ids.GS_SOURCE, "value"),
        "brand": Input(ids.GS_BRAND, "value"),
        "lang": Input(ids.LANG_STORE, "data"),
    },
    memo=True,
)
def filter_choices(source: str | None, brand: str | None, lang: Lang) -> dict:
    """The options of every filter: what the data has for this source and brand."""
    state, _ = url_state.from_controls(source=source, brand=brand)
    try:
        available = choices(services.choices(state.choices_filter()))
    except services.WarehouseMissing:
        available = Choices()
    markets = [{"label": market_label(m, lang), "value": m} for m in available.markets]
    months = [{"label": m, "value": m} for m in available.months]
    return {
        "source": [{"label": t(f"source.{s}", lang), "value": s} for s in SOURCES],
        "brand": [{"label": t(f"brand.{b}", lang), "value": b} for b in ("all", "Hyundai", "Kia")],
        "market": markets,
        "markets": markets,
        "period_from": [{"label": t("gs.period.start", lang), "value": url_state.ANY}] + months,
        "period_to": [{"label": t("gs.period.end", lang), "value": url_state.ANY}] + months,
        "vehicle_types": [{"label": v, "value": v} for v in available.vehicle_types],
        "powertrains": [{"label": v, "value": v} for v in available.powertrains],
        "measure": [{"label": t(f"gs.measure.{m}", lang), "value": m} for m in url_state.MEASURES],
        "placeholders": [t("gs.any", lang)] * 3,
        "labels": [dropdown_labels(lang)] * 3,
    }


@callback(
    output={
        "spec": Output(ids.GS_SPEC, "data"),
        "search": Output(ids.GS_URL, "search"),
        "market": Output(ids.GS_MARKET, "value"),
        "markets": Output(ids.GS_HEATMAP_MARKETS, "value"),
        "period_from": Output(ids.GS_PERIOD_FROM, "value"),
        "period_to": Output(ids.GS_PERIOD_TO, "value"),
        "vehicle_types": Output(ids.GS_VEHICLE_TYPES, "value"),
        "powertrains": Output(ids.GS_POWERTRAINS, "value"),
        "alert": Output(ids.GS_FILTER_ALERT, "children"),
        "url_problems": Output(ids.GS_URL_PROBLEMS, "data"),
        "threshold_invalid": Output(ids.GS_THRESHOLD, "invalid"),
        "threshold_feedback": Output(ids.GS_THRESHOLD_FEEDBACK, "children"),
        "top_n_invalid": Output(ids.GS_HEATMAP_TOP_N, "invalid"),
        "top_n_feedback": Output(ids.GS_HEATMAP_TOP_N_FEEDBACK, "children"),
    },
    inputs={
        "controls": {
            "source": Input(ids.GS_SOURCE, "value"),
            "brand": Input(ids.GS_BRAND, "value"),
            "period_from": Input(ids.GS_PERIOD_FROM, "value"),
            "period_to": Input(ids.GS_PERIOD_TO, "value"),
            "vehicle_types": Input(ids.GS_VEHICLE_TYPES, "value"),
            "powertrains": Input(ids.GS_POWERTRAINS, "value"),
            "market": Input(ids.GS_MARKET, "value"),
            "markets": Input(ids.GS_HEATMAP_MARKETS, "value"),
            "top_n": Input(ids.GS_HEATMAP_TOP_N, "value"),
            "measure": Input(ids.GS_HEATMAP_MEASURE, "value"),
            "threshold": Input(ids.GS_THRESHOLD, "value"),
            "model": Input(ids.GS_MODEL, "value"),
        },
        "weights": Input(ids.gs_weight(ALL), "value"),
        "weight_ids": State(ids.gs_weight(ALL), "id"),
        "url_problems": State(ids.GS_URL_PROBLEMS, "data"),
        "lang": Input(ids.LANG_STORE, "data"),
        "data_version": Input(ids.DATA_VERSION, "data"),
        "previous": State(ids.GS_SPEC, "data"),
    },
)
def resolve_filters(
    controls: GsControls,
    weights: list[Number],
    weight_ids: list[WeightId],
    url_problems: list[ProblemRecord] | None,
    lang: Lang,
    data_version: DataVersionStore | None = None,
    previous: GsSpec | None = None,
) -> dict:
    """Controls -> the validated filter spec, the URL, corrected control values and
    an alert naming any value that was replaced.

    On the first call the controls hold the opened link's values, so a value the
    data lacks is a problem of the link: it joins the URL alert, which stays up. A
    number out of its range (threshold, top-N) marks its field invalid with the allowed
    range, and the views keep the last valid value instead of silently using the default.
    """
    trigger = trigger_kind()
    named = {wid["name"]: w for wid, w in zip(weight_ids or [], weights or [], strict=False)}
    state, problems = url_state.from_controls(**controls, weights=named)
    state, ranges = url_state.keep_valid_numbers(state, problems, previous=previous)
    if trigger == "user":  # the field itself says what is wrong (and nothing fell back)
        problems = [p for p in problems if p.param not in ranges]
    try:
        available = choices(services.choices(state.choices_filter()))
    except services.WarehouseMissing as exc:
        alert = dbc.Alert(t("input.unavailable", lang, detail=exc), color="warning")
        return {
            **dict.fromkeys(
                (
                    "threshold_invalid",
                    "threshold_feedback",
                    "top_n_invalid",
                    "top_n_feedback",
                    "spec",
                    "search",
                    "market",
                    "markets",
                    "period_from",
                    "period_to",
                    "vehicle_types",
                    "powertrains",
                    "url_problems",
                ),
                no_update,
            ),
            "alert": alert,
        }
    state, unavailable = url_state.resolve(state, available)
    problems += unavailable
    if trigger == "initial":
        url_problems = [*(url_problems or []), *(asdict(p) for p in problems)]
    return {
        "spec": {
            **state.to_store(),
            "heatmap_markets": url_state.heatmap_markets(state, available),
            # a new warehouse version changes the spec, so every view re-renders
            "data_version": (data_version or {}).get("key"),
        },
        "search": url_state.to_search(state) if trigger == "user" else no_update,
        "market": state.market or url_state.ANY,
        "markets": url_state.heatmap_markets(state, available),
        "period_from": state.period_from or url_state.ANY,
        "period_to": state.period_to or url_state.ANY,
        "vehicle_types": list(state.vehicle_types),
        "powertrains": list(state.powertrains),
        "alert": _alert(problems, lang) if trigger == "user" else None,
        "url_problems": url_problems if trigger == "initial" else no_update,
        **_range_feedback(ranges, lang),
    }


def _range_feedback(ranges: dict[str, tuple[float, float]], lang: str) -> dict:
    """`invalid` and the allowed range of each number field out of its range."""
    out = {}
    for name, param in (("threshold", "threshold"), ("top_n", "top")):
        bounds = ranges.get(param)
        out[f"{name}_invalid"] = bounds is not None
        out[f"{name}_feedback"] = (
            t("input.range", lang, low=f"{bounds[0]:g}", high=f"{bounds[1]:g}") if bounds else ""
        )
    return out


def _alert(problems: list[url_state.Problem], lang: str):
    if not problems:
        return None
    return dbc.Alert(
        html.Ul([html.Li(p.message(lang)) for p in problems], className="mb-0"),
        color="warning",
        dismissable=True,
        className="py-2",
    )


@callback(
    Output(ids.GS_URL_ALERT, "children"),
    Input(ids.GS_URL_PROBLEMS, "data"),
    Input(ids.LANG_STORE, "data"),
)
def show_url_problems(problems: list[ProblemRecord] | None, lang: Lang):
    """The URL parameters the page could not use, named, with what is shown instead."""
    return _alert([url_state.Problem(**p) for p in problems or []], lang)


# --- cross-filtering -------------------------------------------------------------------


@callback(
    Output(ids.GS_MARKET, "value", allow_duplicate=True),
    Input(ids.GS_MARKET_BAR, "clickData"),
    prevent_initial_call=True,
)
def focus_market_from_click(click: ClickData | None) -> str:
    """A click on a market bar makes that market the focus market."""
    return _clicked(click)


@callback(
    Output(ids.GS_MODEL, "value", allow_duplicate=True),
    Input(ids.GS_TOP10_BAR, "clickData"),
    prevent_initial_call=True,
)
def model_from_bar_click(click: ClickData | None) -> str:
    """A click on a top-10 bar picks the model for the trend and the heatmap highlight."""
    return _clicked(click)


@callback(
    Output(ids.GS_MODEL, "value", allow_duplicate=True),
    Input(ids.GS_TOP10_PIE, "clickData"),
    prevent_initial_call=True,
)
def model_from_pie_click(click: ClickData | None) -> str:
    return _clicked(click)


# --- views ---------------------------------------------------------------------------


@callback(
    Output(ids.GS_MARKET_BAR, "figure"),
    Output(ids.GS_MARKET_TABLE, "children"),
    Input(ids.GS_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    memo=True,
)
def render_markets(spec: GsSpec | None, lang: Lang):
    state = _state(spec)
    totals = market_totals(_sales(state).months)
    return (
        gs_figures.market_bar(totals, focus=state.market, lang=lang),
        figures.data_table(totals, lang=lang),
    )


@callback(
    Output(ids.GS_TOP10_BAR, "figure"),
    Output(ids.GS_TOP10_PIE, "figure"),
    Output(ids.GS_TOP10_TABLE, "children"),
    Output(ids.GS_MODEL, "options"),
    Input(ids.GS_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    memo=True,
)
def render_top10(spec: GsSpec | None, lang: Lang):
    state = _state(spec)
    frame = top10(_totals(state), market=state.market or "")
    models = frame.get_column("model").to_list()
    if state.model and state.model not in models:
        models.append(state.model)
    options = [{"label": t("gs.model.top", lang), "value": url_state.ANY}] + [
        {"label": m, "value": m} for m in models
    ]
    return (
        gs_figures.top10_bar(
            frame, market=state.market, lang=lang, selected=state.model, brand=state.brand
        ),
        gs_figures.top10_pie(frame, market=state.market, lang=lang),
        figures.data_table(frame, lang=lang),
        options,
    )


@callback(
    Output(ids.GS_TREND, "figure"),
    Output(ids.GS_TREND_TABLE, "children"),
    Input(ids.GS_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    memo=True,
)
def render_trend(spec: GsSpec | None, lang: Lang):
    """Monthly units of the chosen model (default: the top model) in the focus market."""
    state = _state(spec)
    sales = _sales(state)
    model = state.model or next(
        iter(top10(market_model_units(sales), market=state.market or "", n=1).get_column("model")),
        None,
    )
    model_months = (
        services.trend(state.sales_filter(), market=state.market, model=model)
        if state.market and model
        else None
    )
    series = monthly_series(sales, model_months, market=state.market)
    return (
        gs_figures.trend_line(series, model=model, market=state.market, lang=lang),
        figures.data_table(series, lang=lang, page_size=12),
    )


@callback(
    Output(ids.GS_DEVIATION_BAR, "figure"),
    Output(ids.GS_DEVIATION_STRONG, "children"),
    Output(ids.GS_DEVIATION_UNTAPPED, "children"),
    Output(ids.GS_DEVIATION_TABLE, "children"),
    Input(ids.GS_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    memo=True,
)
def render_deviation_view(spec: GsSpec | None, lang: Lang):
    state = _state(spec)
    totals = _totals(state)
    if totals.get_column("market").n_unique() == 1:  # e.g. eu_retail: Western Europe only
        note = t("gs.deviation.one_market", lang)
        return (
            figures.empty_figure(lang, title=t("gs.deviation.title", lang), text=note),
            [html.Li(note, className="text-muted")],
            [],
            html.P(note, className="text-muted my-3"),
        )
    frame = deviation(totals, market=state.market or "", threshold_pp=state.threshold_pp)
    strong = frame.filter(status="strong").head(LIST_LIMIT).to_dicts()
    untapped = frame.filter(status="untapped").reverse().head(LIST_LIMIT).to_dicts()

    def items(rows: list[dict]) -> list[html.Li]:
        if not rows:
            return [html.Li(t("gs.none_listed", lang), className="text-muted")]
        return [html.Li(render_deviation(row, lang)) for row in rows]

    return (
        gs_figures.deviation_bar(
            frame, market=state.market, threshold_pp=state.threshold_pp, lang=lang
        ),
        items(strong) if not frame.is_empty() else [html.Li(t("empty", lang))],
        items(untapped) if not frame.is_empty() else [],
        figures.data_table(frame, lang=lang),
    )


def _heatmap_frame(spec: GsSpec | None):
    state = _state(spec)
    markets = spec.get("heatmap_markets") if spec else None
    if not markets:  # no data for this source and brand, or every market deselected
        return state, None
    return state, heatmap(_totals(state), markets=markets, top_n=state.top_n, measure=state.measure)  # type: ignore[arg-type]


@callback(
    Output(ids.GS_HEATMAP, "figure"),
    Output(ids.GS_HEATMAP_TABLE, "children"),
    Input(ids.GS_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    memo=True,
)
def render_heatmap(spec: GsSpec | None, lang: Lang):
    state, frame = _heatmap_frame(spec)
    if frame is None:
        pick = t("gs.heatmap.pick", lang) if state.no_markets else None
        return (
            figures.empty_figure(
                lang, title=t(f"fig.heatmap.title.{state.measure}", lang, n=state.top_n), text=pick
            ),
            html.P(pick, className="text-muted my-3") if pick else figures.empty_table(lang),
        )
    fractions = frame.columns[1:] if state.measure == "share" else ()
    return (
        gs_figures.heatmap_figure(
            frame, measure=state.measure, top_n=state.top_n, lang=lang, selected=state.model
        ),
        # the card's own CSV button downloads this table: no second button
        figures.data_table(frame, lang=lang, fraction_columns=fractions, export=False),
    )


@callback(
    Output(ids.GS_HEATMAP_DOWNLOAD, "data"),
    Input(ids.GS_HEATMAP_DOWNLOAD_BUTTON, "n_clicks"),
    State(ids.GS_SPEC, "data"),
    prevent_initial_call=True,
)
def download_heatmap(n_clicks: Clicks, spec: GsSpec | None) -> dict:
    """The heatmap's cross table as CSV (values as on screen: units, or share 0-1)."""
    if not n_clicks:
        raise PreventUpdate
    state, frame = _heatmap_frame(spec)
    if frame is None:
        raise PreventUpdate
    return dcc.send_string(
        services.csv_text(frame), f"carsight-heatmap-{state.measure}.csv", type="text/csv"
    )


@callback(
    Output(ids.GS_RECOMMENDATIONS, "children"),
    Input(ids.GS_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    memo=True,
)
def render_recommendations(spec: GsSpec | None, lang: Lang):
    state = _state(spec)
    if not state.market:
        return figures.empty_table(lang)
    rivals, ours = services.competitor_context(state.sales_filter(), market=state.market)
    recs = recommend(
        _sales(state),
        market=state.market,
        threshold_pp=state.threshold_pp,
        competitors=rivals,
        our_units=ours,
    )
    if not recs:
        return html.P(t("rec.none", lang), className="text-muted")
    blocks = []
    for kind in KINDS:
        sentences = [html.Li(render(r, lang)) for r in recs if r.kind == kind]
        if sentences:
            blocks += [
                html.H3(t(f"rec.{kind}.title", lang), className="h6 mt-2"),
                html.Ul(sentences, className="cs-list"),
            ]
    return blocks


@callback(
    Output(ids.GS_PRIORITY_TABLE, "children"),
    Input(ids.GS_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    memo=True,
)
def render_priority(spec: GsSpec | None, lang: Lang):
    state = _state(spec)
    frame = priority(_sales(state), market=state.market or "", weights=state.weight_map())
    return figures.data_table(frame, lang=lang)


@callback(
    Output(ids.GS_STOCK_TABLE, "data"),
    Output(ids.GS_STOCK_TABLE, "columns"),
    Input(ids.GS_SPEC, "data"),
    Input(ids.GS_STOCK_TABLE, "data_timestamp"),
    Input(ids.LANG_STORE, "data"),
    State(ids.GS_STOCK_TABLE, "data"),
)
def plan_stock(spec: GsSpec | None, _edited: int | None, lang: Lang, rows: list[StockRow] | None):
    """One row per model of the focus market; typing a stock figure gives its weeks of
    cover and status. Entered figures survive a change of filters (by model name)."""
    state = _state(spec)
    sales = _sales(state)
    entered = {
        r["model"]: int(r["stock"])
        for r in rows or []
        if isinstance(r.get("stock"), int | float) and r["stock"] >= 0
    }
    models = top10(market_model_units(sales), market=state.market or "", n=1_000).select("model")
    frame = models.join(
        stock_cover(sales, market=state.market or "", stock=entered), on="model", how="left"
    )
    return (
        figures.table_rows(frame, lang=lang, value_labels={"status": "stock"}),
        figures.table_columns(frame, lang=lang, editable=["stock"]),
    )
