"""The forecast page (수요 예측): stored forecasts, backtests and the leaderboard.

The layout is a function of the URL query string (brand, flow, market, model or
plant, plus scope, band and backtest): controls start at the values the link carries,
so a copied link reopens the same view. Values the page cannot use are named in an
alert (`parse_query` here for the form of a value, `callbacks.forecast` for values the
stored run lacks). Every chart, table and sentence is filled by `callbacks.forecast`
from results `carsight forecast` stored in the warehouse; nothing is computed here.
"""

from __future__ import annotations

from dataclasses import asdict

import dash_bootstrap_components as dbc
from dash import dcc, html

from analytics.forecast.view import MODELS, SCOPES, TOTAL, item_value
from app import ids
from app.i18n import label, t
from app.url_state import Problem
from layouts.components import card, field, figure, filter_card, loading

PARAMS = ("brand", "flow", "market", "model", "plant", "scope", "band", "backtest")
DEFAULT_VISIBLE = ("selected", "seasonal_naive")
# The mode bar only offers the PNG download (the chart's picture, not the data).
CHART_CONFIG = {
    "displayModeBar": True, "displaylogo": False, "responsive": True,
    "modeBarButtonsToRemove": ["zoom2d", "pan2d", "select2d", "lasso2d", "zoomIn2d",
                               "zoomOut2d", "autoScale2d", "resetScale2d"],
    "toImageButtonOptions": {"format": "png", "filename": "carsight-forecast", "scale": 2},
}  # fmt: skip


def parse_query(query: dict) -> tuple[dict, list[Problem]]:
    """Control values from the query string and the parameters refused (unknown names,
    repeated values, a scope, band or backtest value that does not exist). Whether the
    stored run has the brand, flow, market, model or plant is checked by the callbacks."""
    problems = [Problem(k, "", "unknown") for k in query if k not in PARAMS]
    values: dict[str, str | None] = {}
    for name in PARAMS:
        raw = query.get(name)
        items = [raw] if isinstance(raw, str) else list(raw or [])
        items = [str(v).strip() for v in items if str(v).strip()]
        if len(items) > 1:
            problems.append(Problem(name, ",".join(items)))
        values[name] = items[0] if len(items) == 1 else None
    for name, allowed in (("scope", SCOPES), ("band", MODELS), ("backtest", ("0", "1"))):
        if values[name] is not None and values[name] not in allowed:
            problems.append(Problem(name, str(values[name])))
            values[name] = None
    state = {
        "brand": values["brand"],
        "flow": values["flow"],
        "market": values["market"] or TOTAL,
        "item": item_value(values["model"], values["plant"]),
        "scope": values["scope"] or SCOPES[0],
        "band": values["band"] or MODELS[0],
        "backtest": values["backtest"] == "1",
    }
    return state, problems


def layout(**query: str) -> html.Div:
    state, problems = parse_query(query)
    return html.Div(
        [
            dcc.Location(id=ids.FC_URL, refresh=False),
            dcc.Store(id=ids.FC_SPEC),
            dcc.Store(id=ids.FC_URL_PROBLEMS, data=[asdict(p) for p in problems]),
            html.H1(label("fc.title"), className="h3 mb-3"),
            html.Div(id=ids.FC_URL_ALERT, role="status"),
            _filters(state),
            loading(html.Div(id=ids.FC_STATUS, role="status")),
            _chart_section(state),
            _metrics_section(state),
            _quarters_section(),
            _leaderboard_section(),
        ],
        className="cs-page cs-forecast",
    )


def _select(control_id: str, value: str | None) -> dbc.Select:
    # A native <select>: keyboard-accessible without extra work (arrows, type-ahead).
    return dbc.Select(id=control_id, value=value, options=[])


def _filters(state: dict) -> dbc.Card:
    width = {"xs": 12, "md": 6, "xl": 2}
    fields = [
        field("fc.brand", _select(ids.FC_BRAND, state["brand"]), ids.FC_BRAND, width),
        field("fc.flow", _select(ids.FC_FLOW, state["flow"]), ids.FC_FLOW, width),
        field("fc.market", _select(ids.FC_MARKET, state["market"]), ids.FC_MARKET, width),
        field("fc.item", _select(ids.FC_ITEM, state["item"]), ids.FC_ITEM, width),
    ]
    return filter_card(fields, hint_key="fc.copy_hint", hint_xl=4)


def _as_table(table_id: str, key: str = "fc.as_table", part: str = "") -> html.Details:
    return html.Details(
        [html.Summary(label(key, part=part), className="small"), loading(html.Div(id=table_id))],
        className="mt-1",
    )


def _chart_section(state: dict) -> dbc.Card:
    controls = dbc.Row(
        [
            field(
                "fc.models",
                dbc.Checklist(
                    id=ids.FC_MODELS,
                    options=[],
                    value=list(DEFAULT_VISIBLE),
                    inline=True,
                ),
                ids.FC_MODELS,
                {"xs": 12, "lg": 6},
            ),
            field(
                "fc.band",
                dbc.Select(
                    id=ids.FC_BAND,
                    value=state["band"],
                    options=[{"label": t(f"fc.model.{m}"), "value": m} for m in MODELS],
                ),
                ids.FC_BAND,
                {"xs": 12, "md": 6, "lg": 3},
            ),
            dbc.Col(
                dbc.Switch(id=ids.FC_BACKTEST, value=state["backtest"], label=label("fc.backtest")),
                xs=12,
                md=6,
                lg=3,
                className="d-flex align-items-end mb-2",
            ),
        ],
        className="g-3",
    )
    graph = figure(
        loading(
            dcc.Graph(
                id=ids.FC_CHART,
                config=CHART_CONFIG,
                className="cs-graph",
                style={"height": "460px"},
            )
        ),
        "fc.chart.title",
        ids.FC_CHART,
    )
    return card(
        "fc.chart.title",
        [
            controls,
            graph,
            html.P(label("fc.png_hint"), className="small text-muted mb-2"),
            html.H3(label("fc.summary.title"), className="h6 mt-2"),
            loading(html.Div(id=ids.FC_SUMMARY, className="cs-forecast-summary")),
            _as_table(ids.FC_CHART_TABLE, part="chart"),
        ],
        hint_key="fc.chart.hint",
    )


def _metrics_section(state: dict) -> dbc.Card:
    scope = dbc.RadioItems(
        id=ids.FC_SCOPE,
        value=state["scope"],
        inline=True,
        options=[{"label": t(f"fc.scope.{s}"), "value": s} for s in SCOPES],
    )
    return card(
        "fc.metrics.title",
        [
            dbc.Row(field("fc.scope", scope, ids.FC_SCOPE, {"xs": 12}), className="g-3"),
            loading(html.Div(id=ids.FC_METRICS_TABLE)),
        ],
        hint_key="fc.metrics.hint",
    )


def _quarters_section() -> dbc.Card:
    return card(
        "fc.quarters.title",
        [
            dbc.Button(
                label("fc.download_csv"),
                id=ids.FC_QUARTER_DOWNLOAD_BUTTON,
                size="sm",
                color="secondary",
                outline=True,
                className="mb-2",
            ),
            dcc.Download(id=ids.FC_QUARTER_DOWNLOAD),
            loading(html.Div(id=ids.FC_QUARTER_TABLE)),
        ],
        hint_key="fc.quarters.hint",
    )


def _leaderboard_section() -> dbc.Card:
    return card(
        "fc.leaderboard.title",
        [loading(html.Div(id=ids.FC_LEADERBOARD_TABLE))],
        hint_key="fc.leaderboard.hint",
    )
