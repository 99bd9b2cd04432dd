"""What the six market-explorer pages share: the page frame (its URL location, spec
store, title, alerts and the brand / period / focus controls), the insight list, charts
with a PNG download and tables under "표로 보기".

Each page's layout (`layouts/explorer_<page>.py`) is a function of the URL query
string: controls start at the values the link carries (`app.explorer_state.parse`), so
a copied link reopens the same view. Options that depend on the data and every chart
are filled by the page's callbacks.
"""

from __future__ import annotations

from dataclasses import asdict

import dash_bootstrap_components as dbc
from dash import dcc, html

from app import ids
from app.explorer_state import ExplorerState, parse
from app.i18n import label, t
from app.url_state import ANY, Problem
from layouts.components import card, field, figure, loading


def chart_config(page: str, role: str) -> dict:
    """dcc.Graph config: the mode bar offers only the PNG download of the chart."""
    return {
        "displayModeBar": True,
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": [
            "zoom2d",
            "pan2d",
            "select2d",
            "lasso2d",
            "zoomIn2d",
            "zoomOut2d",
            "autoScale2d",
            "resetScale2d",
            "toggleSpikelines",
            "hoverClosestCartesian",
            "hoverCompareCartesian",
            "sendDataToCloud",
            "editInChartStudio",
        ],  # fmt: skip
        # nothing leaves the machine: no "Share chart" (plotly's cloud) button
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "toImageButtonOptions": {
            "format": "png",
            "filename": f"carsight-explorer-{page}-{role}",
            "scale": 2,
        },
    }


def graph(page: str, role: str, label_key: str) -> html.Div:
    """A chart for screen readers (`layouts.components.figure`); the table below it has
    its data."""
    chart = dcc.Graph(
        id=ids.explorer(page, role),
        config=chart_config(page, role),
        className="cs-graph cs-explorer-graph",
    )
    return figure(loading(chart), label_key, f"{page}-{role}-name")


def as_table(page: str, role: str) -> html.Details:
    """A chart's table, folded: its text alternative and CSV download."""
    return html.Details(
        [
            html.Summary(label("gs.as_table", part=f"{page}-{role}"), className="small"),
            loading(html.Div(id=ids.explorer(page, role))),
        ],
        className="mt-1",
    )


def _select(page: str, role: str, value: str | None) -> dbc.Select:
    return dbc.Select(id=ids.explorer(page, role), value=value or ANY, options=[])


def controls(state: ExplorerState, extra: list | None = None) -> dbc.Card:
    """Brand, period and focus (what a chart click picks), then the page's own controls."""
    page = state.page
    width = {"xs": 12, "md": 6, "xl": 3}
    fields = [
        field(
            "exp.brand",
            dbc.RadioItems(
                id=ids.explorer(page, ids.EXP_BRAND),
                value=state.brand,
                inline=True,
                options=[
                    {"label": t("exp.brand.all" if b == "all" else f"brand.{b}"), "value": b}
                    for b in ("all", "Hyundai", "Kia")
                ],
            ),
            ids.explorer(page, ids.EXP_BRAND),
            width,
        ),
        field(
            "exp.from",
            _select(page, ids.EXP_FROM, state.period_from),
            ids.explorer(page, ids.EXP_FROM),
            {"xs": 6, "md": 3, "xl": 2},
        ),
        field(
            "exp.to",
            _select(page, ids.EXP_TO, state.period_to),
            ids.explorer(page, ids.EXP_TO),
            {"xs": 6, "md": 3, "xl": 2},
        ),
        field(
            f"exp.focus.{page}",
            _select(page, ids.EXP_FOCUS, state.focus),
            ids.explorer(page, ids.EXP_FOCUS),
            {"xs": 12, "md": 6, "xl": 5 if page == "sources" else 3},
        ),
        *(extra or []),
    ]
    notes = dbc.Col(
        [
            html.P(label("exp.both_note"), className="small text-muted mb-1"),
            html.P(label("gs.copy_hint", part=page), className="small text-muted mb-0"),
        ],
        xs=12,
    )
    return dbc.Card(
        dbc.CardBody(dbc.Row([*fields, notes], className="g-3")),
        className="mb-3 shadow-sm cs-filters",
    )


def page_frame(state: ExplorerState, problems: list[Problem], body: list, extra=None) -> html.Div:
    """The page: its Location, spec store, title, intro, alerts, controls, insights, body."""
    page = state.page
    return html.Div(
        [
            dcc.Location(id=ids.explorer(page, ids.EXP_URL), refresh=False),
            dcc.Store(id=ids.explorer(page, ids.EXP_SPEC)),
            dcc.Store(
                id=ids.explorer(page, ids.EXP_URL_PROBLEMS), data=[asdict(p) for p in problems]
            ),
            html.H1(label(f"exp.{page}.title"), className="h3 mb-1"),
            html.P(label(f"exp.{page}.intro"), className="text-muted small mb-1"),
            html.P(
                [label("exp.downloads"), " ", label("exp.cross_filter")],
                className="text-muted small mb-3",
            ),
            html.Div(id=ids.explorer(page, ids.EXP_URL_ALERT), role="status"),
            html.Div(id=ids.explorer(page, ids.EXP_FILTER_ALERT), role="status"),
            controls(state, extra),
            card(
                "exp.insights",
                [loading(html.Ul(id=ids.explorer(page, ids.EXP_INSIGHTS), className="cs-list"))],
            ),
            *body,
        ],
        className="cs-page cs-explorer",
    )


def start(page: str, query: dict) -> tuple[ExplorerState, list[Problem]]:
    """The page's state from its query string (problems are shown by the callbacks)."""
    return parse(page, query)
