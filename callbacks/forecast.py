"""Callbacks of the forecast page: thin adapters around `analytics.forecast.view`.

Flow: brand, flow, market and model/plant selects -> `choose_series` (resolved
against the newest stored run) -> the spec in FC_SPEC (run id, series id and the
series' names; never data) and the URL query string -> one render callback per
section, each reading the stored frames from the server-side memo of
`app.services` (keyed by data version, run and series).

Before the first `carsight forecast` there is no run: FC_STATUS says which command
to run and every section shows its empty state.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
import polars as pl
from dash import Input, Output, State, dcc, html, no_update
from dash.exceptions import PreventUpdate

from analytics.forecast import view as fv
from app import figures, ids, services
from app.figures.forecast import accuracy_table, forecast_chart
from app.i18n import market_label, t
from app.i18n.forecast import flow_label, model_label, rule_label, summary_sentence
from app.inputs import Clicks, FcControls, FcSpec, Lang, ProblemRecord
from app.url_state import Problem
from callbacks.common import trigger_kind
from callbacks.registry import for_page

callback = for_page("forecast")

SELECTS = ("brand", "flow", "market", "item")


# --- data access (app.services; memoised per data version) -----------------------------------


def _stored_run() -> dict | None:
    """The newest stored run as a dict; None when there is none (or no warehouse)."""
    try:
        runs = services.forecast_runs()
    except services.Unavailable:
        return None
    return runs.row(0, named=True) if runs.height else None


def _latest_run() -> dict | None:
    """The newest stored run, when it was computed from the data the warehouse holds now."""
    if not services.results_current("forecast"):
        return None
    return _stored_run()


def _series(run_id: str) -> pl.DataFrame:
    return services.forecast_series(run_id=run_id)


def _spec(spec: FcSpec | None) -> dict:
    if not spec:
        raise PreventUpdate
    return spec


def _frames(spec: dict) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(history, forecasts, backtest) of the spec's series; empty frames without one."""
    return services.forecast_frames(
        run_id=spec.get("run_id"), series_id=spec.get("series_id"), names=spec.get("names") or {}
    )


def _metrics(spec: dict) -> pl.DataFrame:
    return services.forecast_metrics(run_id=spec.get("run_id"))


def _search(names: dict, scope: str | None, band: str | None, backtest: bool | None) -> str:
    query = {**names}
    if scope and scope != fv.SCOPES[0]:
        query["scope"] = scope
    if band and band != fv.MODELS[0]:
        query["band"] = band
    if backtest:
        query["backtest"] = "1"
    return "?" + urlencode(query)


# --- series picker -----------------------------------------------------------------------------


def _options(pick: fv.Pick, lang: str) -> dict[str, list[dict]]:
    def item(model: str | None, plant: str | None) -> str:
        if model is None and plant is None:
            return t("fc.item.total", lang)
        parts = [model] if model else []
        if plant:
            parts.append(t("fc.item.plant", lang, plant=plant))
        return " · ".join(parts)

    return {
        "brand": [{"label": t(f"brand.{b}", lang), "value": b} for b in pick.brands],
        "flow": [{"label": flow_label(f, lang), "value": f} for f in pick.flows],
        "market": [
            {
                "label": t("fc.market.total", lang) if m is None else market_label(m, lang),
                "value": m or fv.TOTAL,
            }
            for m in pick.markets
        ],
        "item": [{"label": item(m, p), "value": fv.item_value(m, p)} for m, p in pick.items],
    }


@callback(
    output={
        "options": {k: Output(getattr(ids, f"FC_{k.upper()}"), "options") for k in SELECTS},
        "values": {k: Output(getattr(ids, f"FC_{k.upper()}"), "value") for k in SELECTS},
        "spec": Output(ids.FC_SPEC, "data"),
        "search": Output(ids.FC_URL, "search"),
        "url_problems": Output(ids.FC_URL_PROBLEMS, "data"),
    },
    inputs={
        "controls": {k: Input(getattr(ids, f"FC_{k.upper()}"), "value") for k in SELECTS},
        "scope": State(ids.FC_SCOPE, "value"),
        "band": State(ids.FC_BAND, "value"),
        "backtest": State(ids.FC_BACKTEST, "value"),
        "lang": Input(ids.LANG_STORE, "data"),
        "url_problems": State(ids.FC_URL_PROBLEMS, "data"),
    },
)
def choose_series(
    controls: FcControls,
    scope: str | None,
    band: str | None,
    backtest: bool | None,
    lang: Lang,
    url_problems: list[ProblemRecord] | None,
) -> dict:
    """Selects -> the stored series they name (each level falls back to its default),
    the options of every select, the spec and the URL. Values the run lacks in the
    opened link join the URL alert; later fallbacks (e.g. a model missing in the new
    market) are silent, the select simply shows what is shown."""
    trigger = trigger_kind()
    run = _latest_run()
    if run is None:
        return {
            "options": {k: [] for k in SELECTS},
            "values": {k: no_update for k in SELECTS},
            "spec": {"run_id": None},
            "search": no_update,
            "url_problems": no_update,
        }
    model, plant = fv.parse_item(controls.get("item"))
    market = controls.get("market")
    pick = fv.pick_series(
        _series(run["run_id"]),
        brand=controls.get("brand"),
        flow=controls.get("flow"),
        market=None if market in (None, fv.TOTAL) else market,
        model=model,
        plant=plant,
    )
    problems = no_update
    if trigger == "initial":
        problems = [
            *(url_problems or []),
            *(asdict(Problem(p, v, "unavailable")) for p, v in pick.problems),
        ]
    return {
        "options": _options(pick, lang),
        "values": {
            "brand": pick.brand,
            "flow": pick.flow,
            "market": pick.market or fv.TOTAL,
            "item": fv.item_value(pick.model, pick.plant),
        },
        "spec": {"run_id": run["run_id"], "series_id": pick.series_id, "names": pick.query()},
        "search": _search(pick.query(), scope, band, backtest) if trigger == "user" else no_update,
        "url_problems": problems,
    }


@callback(
    Output(ids.FC_URL, "search", allow_duplicate=True),
    Input(ids.FC_SCOPE, "value"),
    Input(ids.FC_BAND, "value"),
    Input(ids.FC_BACKTEST, "value"),
    State(ids.FC_SPEC, "data"),
    prevent_initial_call=True,
)
def view_url(
    scope: str | None, band: str | None, backtest: bool | None, spec: FcSpec | None
) -> str:
    """Scope, band and backtest changes go into the link too (the series is unchanged)."""
    if not spec or not spec.get("names"):
        raise PreventUpdate
    return _search(spec["names"], scope, band, backtest)


def _problem_text(problem: dict, lang: str) -> str:
    if problem.get("kind") == "unavailable":
        return t(
            "fc.url.unavailable",
            lang,
            param=problem["param"],
            value=problem["value"],
            fallback=t("url.default", lang),
        )
    return Problem(**problem).message(lang)


@callback(
    Output(ids.FC_URL_ALERT, "children"),
    Input(ids.FC_URL_PROBLEMS, "data"),
    Input(ids.LANG_STORE, "data"),
)
def show_url_problems(problems: list[ProblemRecord] | None, lang: Lang):
    """The URL parameters the page could not use, named, with what is shown instead."""
    if not problems:
        return None
    return dbc.Alert(
        html.Ul([html.Li(_problem_text(p, lang)) for p in problems], className="mb-0"),
        color="warning",
        dismissable=True,
        className="py-2",
    )


@callback(
    Output(ids.FC_STATUS, "children"), Input(ids.FC_SPEC, "data"), Input(ids.LANG_STORE, "data")
)
def render_status(spec: FcSpec | None, lang: Lang):
    """The run shown (or how to create one) and the chosen series' facts."""
    spec = _spec(spec)
    run = _latest_run()
    if not spec.get("run_id") or run is None:
        if _stored_run() is not None and not services.results_current("forecast"):
            return dbc.Alert(t("fc.stale", lang), color="warning", className="cs-fc-empty")
        return dbc.Alert(t("fc.no_run", lang), color="warning", className="cs-fc-empty")
    row = fv.series_row(_series(spec["run_id"]), spec.get("series_id"))
    lines = [
        html.Span(
            t(
                "fc.run",
                lang,
                run_id=run["run_id"],
                finished=f"{run['finished_at']:%Y-%m-%d %H:%M}" if run["finished_at"] else "—",
                n_series=run["n_series"],
                horizon=run["horizon"],
                seconds=run["seconds"] or 0,
            )
        )
    ]
    if row is not None:
        chosen = model_label(row["chosen_model"] or "—", lang)
        rule = rule_label(row.get("selection_rule"), lang)
        lines += [
            html.Br(),
            html.Span(
                t(
                    "fc.series_info",
                    lang,
                    n_months=row["n_months"],
                    first=f"{row['first_ds']:%Y-%m}" if row["first_ds"] else "—",
                    last=f"{row['last_ds']:%Y-%m}" if row["last_ds"] else "—",
                    chosen=f"{chosen} ({rule})" if rule else chosen,
                )
            ),
        ]
    return html.P(lines, className="small text-muted mb-3")


@callback(
    Output(ids.FC_MODELS, "options"),
    Output(ids.FC_MODELS, "value"),
    Output(ids.FC_BAND, "options"),
    Output(ids.FC_BAND, "value"),
    Output(ids.FC_SCOPE, "options"),
    Input(ids.FC_SPEC, "data"),
    Input(ids.LANG_STORE, "data"),
    Input(ids.FC_BAND, "value"),
    State(ids.FC_MODELS, "value"),
)
def model_choices(spec: FcSpec | None, lang: Lang, band: str | None, shown: list[str] | None):
    """The series' models for the checklist and the band select; keeps valid choices
    and always shows the band model's line with its band."""
    spec = _spec(spec)
    _history, forecasts, _backtest = _frames(spec)
    models = fv.models_of(forecasts)
    row = fv.series_row(_series(spec["run_id"]), spec["series_id"]) if models else None
    chosen = (row or {}).get("chosen_model")
    options = [
        {
            "label": model_label(m, lang)
            + (f" ({model_label(chosen, lang)})" if m == "selected" and chosen else ""),
            "value": m,
        }
        for m in models
    ]
    new_band = band if band in models or not models else models[0]
    kept = [m for m in shown or [] if m in models]
    visible = kept or [m for m in ("selected", "seasonal_naive") if m in models] or models[:1]
    if new_band and new_band not in visible:
        visible = [m for m in models if m in visible or m == new_band]
    return (
        options,
        visible if visible != shown else no_update,
        options,
        new_band if new_band != band else no_update,
        [{"label": t(f"fc.scope.{s}", lang), "value": s} for s in fv.SCOPES],
    )


# --- views ------------------------------------------------------------------------------------


@callback(
    Output(ids.FC_CHART, "figure"),
    Output(ids.FC_SUMMARY, "children"),
    Output(ids.FC_CHART_TABLE, "children"),
    Input(ids.FC_SPEC, "data"),
    Input(ids.FC_MODELS, "value"),
    Input(ids.FC_BAND, "value"),
    Input(ids.FC_BACKTEST, "value"),
    Input(ids.LANG_STORE, "data"),
)
def render_chart(
    spec: FcSpec | None,
    shown: list[str] | None,
    band: str | None,
    backtest: bool | None,
    lang: Lang,
):
    """History, the models' forecasts, the band model's 80% interval and backtest,
    the generated summary and the chart's data as a table."""
    spec = _spec(spec)
    history, forecasts, backtest_rows = _frames(spec)
    title = t("fc.chart.title", lang)
    if forecasts.is_empty() and history.is_empty():
        key = "fc.no_run" if not spec.get("run_id") else "fc.no_data"
        return (
            figures.empty_figure(lang, title=title, height=420),
            html.P(t(key, lang), className="text-muted fst-italic"),
            figures.empty_table(lang),
        )
    band = band or fv.MODELS[0]
    title = f"{title} — {_series_title(spec, lang)}"
    unvalidated = fv.unvalidated_from(fv.series_row(_series(spec["run_id"]), spec["series_id"]))
    if unvalidated and (forecasts.is_empty() or forecasts["ds"].max() < unvalidated[0]):
        unvalidated = None
    figure = forecast_chart(
        fv.history_with_gaps(history),
        forecasts,
        fv.backtest_of(backtest_rows, model_name=band),
        title=title,
        visible=shown or [],
        band_model=band,
        show_backtest=bool(backtest),
        lang=lang,
        unvalidated=unvalidated,
    )
    pooled = fv.pooled_metrics(
        fv.metrics_table(_metrics(spec), series_id=spec["series_id"], scope="latest_cutoff")
    )
    mase = dict(pooled.select("model_name", "mase").iter_rows())
    sentences = summary_sentence(
        fv.forecast_summary(history, forecasts, model_name=band),
        lang,
        mase=mase.get(band),
        naive_mase=mase.get(fv.BASELINE),
        typical_error=fv.typical_error(
            _metrics(spec), series_id=spec["series_id"], model_name=band
        ),
        unvalidated=unvalidated,
    )
    table = fv.chart_table(history, forecasts, band_model=band)
    return (
        figure,
        html.P(" ".join(sentences), className="mb-2 cs-insight"),
        figures.data_table(table, lang=lang, page_size=12),
    )


def _series_title(spec: dict, lang: str) -> str:
    names = spec.get("names") or {}
    parts = [t(f"brand.{names.get('brand')}", lang), flow_label(names.get("flow", ""), lang)]
    if names.get("market"):
        parts.append(market_label(names["market"], lang))
    elif not names.get("model") and not names.get("plant"):
        parts.append(t("fc.market.total", lang))
    parts += [names[k] for k in ("model", "plant") if names.get(k)]
    return " · ".join(parts)


@callback(
    Output(ids.FC_METRICS_TABLE, "children"),
    Input(ids.FC_SPEC, "data"),
    Input(ids.FC_SCOPE, "value"),
    Input(ids.LANG_STORE, "data"),
)
def render_metrics(spec: FcSpec | None, scope: str | None, lang: Lang):
    """MASE, sMAPE, MAPE and coverage per model, pooled and per horizon."""
    spec = _spec(spec)
    if not spec.get("series_id"):
        return figures.empty_table(lang)
    table = fv.metrics_table(
        _metrics(spec),
        series_id=spec["series_id"],
        scope=scope if scope in fv.SCOPES else fv.SCOPES[0],
    )
    labels = {"model_name": "fc.model"}
    return [
        html.H3(t("fc.metrics.pooled", lang), className="h6"),
        accuracy_table(
            fv.pooled_metrics(table),
            lang=lang,
            value_labels=labels,
            fraction_columns=("coverage80",),
        ),
        html.H3(t("fc.metrics.by_horizon", lang), className="h6 mt-3"),
        accuracy_table(fv.horizon_table(table), lang=lang, value_labels=labels),
        html.H3(t("fc.metrics.coverage_by_horizon", lang), className="h6 mt-3"),
        accuracy_table(
            fv.horizon_table(table, metric="coverage80"), lang=lang, value_labels=labels
        ),
        html.H3(t("fc.metrics.width_by_horizon", lang), className="h6 mt-3"),
        accuracy_table(fv.horizon_table(table, metric="width80"), lang=lang, value_labels=labels),
    ]


@callback(
    Output(ids.FC_QUARTER_TABLE, "children"),
    Input(ids.FC_SPEC, "data"),
    Input(ids.FC_BAND, "value"),
    Input(ids.LANG_STORE, "data"),
)
def render_quarters(spec: FcSpec | None, band: str | None, lang: Lang):
    """The band model's forecast, lower and upper per quarter."""
    spec = _spec(spec)
    _history, forecasts, _backtest = _frames(spec)
    return figures.data_table(
        fv.quarter_table(
            forecasts, model_name=band or fv.MODELS[0], validated=_validated_until(spec)
        ),
        lang=lang,
        export=False,  # the card's own CSV button downloads this table
    )


def _validated_until(spec: dict) -> dt.date | None:
    """The last month the backtest validated for the spec's series (None: not stored)."""
    if not spec.get("run_id") or not spec.get("series_id"):
        return None
    return fv.validated_until(fv.series_row(_series(spec["run_id"]), spec["series_id"]))


@callback(
    Output(ids.FC_QUARTER_DOWNLOAD, "data"),
    Input(ids.FC_QUARTER_DOWNLOAD_BUTTON, "n_clicks"),
    State(ids.FC_SPEC, "data"),
    State(ids.FC_BAND, "value"),
    prevent_initial_call=True,
)
def download_quarters(n_clicks: Clicks, spec: FcSpec | None, band: str | None):
    """The quarter table as CSV (machine-readable column names, vehicles)."""
    if not n_clicks:
        raise PreventUpdate
    spec = _spec(spec)
    _history, forecasts, _backtest = _frames(spec)
    band = band or fv.MODELS[0]
    table = fv.quarter_table(forecasts, model_name=band, validated=_validated_until(spec))
    names = spec.get("names") or {}
    stem = "-".join(str(v) for v in names.values()).replace(" ", "_").replace("/", "_")
    table = table.with_columns(
        pl.lit(spec.get("series_id")).alias("series_id"), pl.lit(band).alias("model_name")
    )
    return dcc.send_string(services.csv_text(table), f"carsight-forecast-quarters-{stem}.csv")


@callback(
    Output(ids.FC_LEADERBOARD_TABLE, "children"),
    Input(ids.FC_SPEC, "data"),
    Input(ids.FC_SCOPE, "value"),
    Input(ids.LANG_STORE, "data"),
)
def render_leaderboard(spec: FcSpec | None, scope: str | None, lang: Lang):
    """Median MASE and series won per model, for every flow and overall."""
    spec = _spec(spec)
    scope = scope if scope in fv.SCOPES else fv.SCOPES[0]
    metrics = _metrics(spec)
    board = fv.leaderboard(metrics, scope=scope)
    labels = {"model_name": "fc.model", "flow": "fc.flow"}
    flow = (spec.get("names") or {}).get("flow")
    intervals = fv.flow_interval_table(metrics, flow=flow or "", scope=scope)
    return [
        accuracy_table(
            board,
            lang=lang,
            page_size=15,
            value_labels=labels,
            fraction_columns=("coverage80", "beats_naive"),
        ),
        html.H3(t("fc.leaderboard.intervals", lang), className="h6 mt-3"),
        html.H4(t("fc.metrics.coverage_by_horizon", lang), className="h6 small mt-2"),
        accuracy_table(
            fv.horizon_table(intervals, metric="coverage80"), lang=lang, value_labels=labels
        ),
        html.H4(t("fc.metrics.width_by_horizon", lang), className="h6 small mt-2"),
        accuracy_table(
            fv.horizon_table(intervals, metric="width80"), lang=lang, value_labels=labels
        ),
    ]
