"""The dealer page (딜러): RFM segments, customer types, insights, drill-down, customers.

The layout is a function of the URL query string (brand, market, from, to, region):
controls start at the values the link carries, so a copied link reopens the
same view. Every chart, table and sentence is filled by `callbacks.dealer`;
the browser holds only the filter spec.
"""

from __future__ import annotations

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import dcc, html

from app import ids, services
from app.i18n import label, t
from layouts.components import card, field, filter_card, graph, loading
from layouts.region import region_filter, region_section

ANY = "all"


def initial_filters(query: dict[str, str]) -> dict[str, str]:
    """Control values from the query string; unknown or malformed values fall back to
    the defaults (the callbacks check markets and years against the data)."""
    brand = services.brand_or_own(query.get("brand"))  # a dealer: always their own brand
    years = {
        k: v for k in ("from", "to") if (v := str(query.get(k) or "")).isdigit() and len(v) == 4
    }
    return {
        "brand": brand,
        "market": str(query.get("market") or ANY),
        "from": years.get("from", ANY),
        "to": years.get("to", ANY),
        "region": str(query.get("region") or ANY)[:50],
    }


def layout(**query: str) -> html.Div:
    state = initial_filters(query)
    return html.Div(
        [
            dcc.Location(id=ids.DEALER_URL, refresh=False),
            dcc.Store(id=ids.DEALER_SPEC),
            html.H1(label("dealer.title"), className="h3 mb-3"),
            _filters(state),
            loading(html.Div(id=ids.DEALER_STATUS, role="status")),
            _segments_section(),
            _clusters_section(),
            _insights_section(),
            _drilldown_section(),
            _customers_section(),
            _prospects_section(),
            region_section(),
        ],
        className="cs-page",
    )


def _filters(state: dict[str, str]) -> dbc.Card:
    width = {"xs": 6, "md": 3, "xl": 2}
    fields = [
        field(
            "dealer.brand",
            dbc.RadioItems(
                id=ids.DEALER_BRAND,
                value=state["brand"],
                inline=True,
                options=[{"label": t(f"brand.{b}"), "value": b} for b in services.brands()],
            ),
            ids.DEALER_BRAND,
            {"xs": 12, "md": 3, "xl": 3},
        ),
        field(
            "dealer.market",
            dbc.Select(
                id=ids.DEALER_MARKET,
                value=state["market"],
                options=[{"label": t("dealer.all_markets"), "value": ANY}],
            ),
            ids.DEALER_MARKET,
            width,
        ),
        field(
            "dealer.period_from",
            dbc.Select(
                id=ids.DEALER_PERIOD_FROM,
                value=state["from"],
                options=[{"label": t("gs.period.start"), "value": ANY}],
            ),
            ids.DEALER_PERIOD_FROM,
            width,
        ),
        field(
            "dealer.period_to",
            dbc.Select(
                id=ids.DEALER_PERIOD_TO,
                value=state["to"],
                options=[{"label": t("gs.period.end"), "value": ANY}],
            ),
            ids.DEALER_PERIOD_TO,
            width,
        ),
        region_filter(state["region"], width),
    ]
    return filter_card(fields, hint_key="dealer.copy_hint", hint_xl=12)


def _segments_section() -> dbc.Card:
    return card(
        "dealer.segments.title",
        [
            dbc.Row(
                [
                    dbc.Col(graph(ids.DEALER_SEGMENT_BAR, "fig.segments.title"), xs=12, lg=6),
                    dbc.Col(graph(ids.DEALER_RFM_GRID, "fig.rfm.title"), xs=12, lg=6),
                ],
                className="g-3",
            ),
            loading(html.Div(id=ids.DEALER_SEGMENT_TABLE)),
            html.H3(label("dealer.segments.actions"), className="h6 mt-3"),
            loading(html.Ul(id=ids.DEALER_SEGMENT_ACTIONS, className="cs-list")),
            html.H3(label("dealer.naming.title"), className="h6 mt-3"),
            loading(html.Div(id=ids.DEALER_SEGMENT_NAMING)),
            html.H3(label("dealer.package.title"), className="h6 mt-3"),
            loading(html.Div(id=ids.DEALER_SEGMENT_PACKAGE)),
        ],
        hint_key="dealer.segments.hint",
    )


def _clusters_section() -> dbc.Card:
    return card(
        "dealer.clusters.title",
        [
            loading(html.P(id=ids.DEALER_CLUSTER_QUALITY, className="small fw-semibold")),
            dbc.Row(
                [
                    dbc.Col(graph(ids.DEALER_K_CURVES, "fig.k.title"), xs=12, lg=6),
                    dbc.Col(graph(ids.DEALER_CLUSTER_SIZES, "fig.clusters.title"), xs=12, lg=6),
                ],
                className="g-3",
            ),
            loading(html.Div(id=ids.DEALER_CLUSTER_CARDS)),
            graph(ids.DEALER_PCA, "fig.pca.title"),
        ],
        hint_key="dealer.clusters.hint",
    )


def _insights_section() -> dbc.Card:
    return card(
        "dealer.insights.title",
        [
            graph(ids.DEALER_MODEL_CLUSTER, "view.model_cluster"),
            loading(html.Div(id=ids.DEALER_MODEL_CLUSTER_TEXT)),
            html.Hr(),
            loading(html.Div(id=ids.DEALER_INSIGHTS)),
        ],
        hint_key="dealer.insights.hint",
    )


def _drilldown_section() -> dbc.Card:
    width = {"xs": 12, "md": 4, "xl": 3}
    controls = dbc.Row(
        [
            field(
                "dealer.drill.market",
                dbc.Select(id=ids.DEALER_DRILL_MARKET, options=[]),
                ids.DEALER_DRILL_MARKET,
                width,
            ),
            field(
                "dealer.drill.model",
                dbc.Select(id=ids.DEALER_DRILL_MODEL, options=[]),
                ids.DEALER_DRILL_MODEL,
                width,
            ),
        ],
        className="g-3",
    )
    return card("dealer.drill.title", [controls, loading(html.Div(id=ids.DEALER_DRILLDOWN))])


def _customers_section() -> dbc.Card:
    grid = dag.AgGrid(
        id=ids.DEALER_CUSTOMERS_GRID,
        rowData=[],
        columnDefs=[],
        defaultColDef={"sortable": True, "filter": True, "resizable": True},
        dashGridOptions={
            "pagination": True,
            "paginationPageSize": 20,
            "paginationPageSizeSelector": False,
            # AG Grid's own texts (pager, filters) in the page's language, looked up when
            # drawn (assets/dashAgGridFunctions.js; the table is the shell's grid locale)
            "getLocaleText": {"function": "localeText(params)"},
        },
        csvExportParams={
            "fileName": "carsight-dealer-customers.csv",
            # formula-like text escaped (assets/dashAgGridFunctions.js, OWASP's rule)
            "processCellCallback": {"function": "escapeFormula(params)"},
        },
        style={"height": "640px"},
    )
    return card(
        "dealer.customers.title",
        [
            dbc.Button(
                label("dealer.export"),
                id=ids.DEALER_CUSTOMERS_EXPORT,
                size="sm",
                color="secondary",
                outline=True,
                className="mb-2",
            ),
            loading(grid),
        ],
        hint_key="dealer.customers.hint",
    )


def _prospects_section() -> dbc.Card:
    return card(
        "dealer.prospects.title",
        [loading(html.Div(id=ids.DEALER_PROSPECTS))],
        hint_key="dealer.prospects.hint",
    )
