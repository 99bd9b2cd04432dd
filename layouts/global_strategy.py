"""The global export strategy page (home page).

The layout is a function of the URL query string: controls start at the
values the link carries (`app.url_state.parse`), so a copied link reopens the
same view. Data-dependent choices (markets, months, types) and every chart are
filled by `callbacks.global_strategy`. Static texts follow the language toggle.
"""

from __future__ import annotations

from dataclasses import asdict

import dash_bootstrap_components as dbc
from dash import dcc, html

from analytics.sales import SOURCES
from app import figures, ids, url_state
from app.i18n import dropdown_labels, label, market_label, t
from layouts.components import card, field, filter_card, graph, loading


def layout(**query: str) -> html.Div:
    state, problems = url_state.parse(query)
    return html.Div(
        [
            dcc.Location(id=ids.GS_URL, refresh=False),
            dcc.Store(id=ids.GS_SPEC),
            dcc.Store(id=ids.GS_URL_PROBLEMS, data=[asdict(p) for p in problems]),
            html.H1(label("gs.title"), className="h3 mb-3"),
            html.Div(id=ids.GS_URL_ALERT, role="status"),
            html.Div(id=ids.GS_FILTER_ALERT, role="status"),
            _filters(state),
            _markets_section(),
            _top10_section(state),
            _deviation_section(state),
            _heatmap_section(state),
            _recommend_section(),
            _priority_section(state),
        ],
        className="cs-page",
    )


def _as_table(table_id: str, part: str) -> html.Details:
    return html.Details(
        [
            html.Summary(label("gs.as_table", part=part), className="small"),
            loading(html.Div(id=table_id)),
        ],
        className="mt-1",
    )


def _dropdown(control_id: str, values, *, labels=None) -> dcc.Dropdown:
    """A multi-select that starts with the link's values *as its options*: a dcc.Dropdown
    drops every value its options lack, so with no options yet a copied link's markets,
    powertrains or types reopened as "all". `callbacks.global_strategy.filter_choices`
    then offers everything the data has."""
    values = None if values is None else list(values)
    return dcc.Dropdown(
        id=control_id,
        options=[{"label": labels(v) if labels else v, "value": v} for v in values or ()],
        value=values,
        multi=True,
        placeholder=t("gs.any"),
        labels=dropdown_labels(),
        className="cs-dropdown",
    )


def _initial(value: str | None, labels=None) -> list[dict]:
    """A select's first options: the link's value, until the data's choices arrive."""
    return [] if value is None else [{"label": labels(value) if labels else value, "value": value}]


def _filters(state: url_state.PageState) -> dbc.Card:
    select = dbc.Select
    fields = [
        field(
            "gs.source",
            select(
                id=ids.GS_SOURCE,
                value=state.source,
                options=[{"label": t(f"source.{s}"), "value": s} for s in SOURCES],
            ),
            ids.GS_SOURCE,
            {"xs": 12, "md": 6, "xl": 3},
        ),
        field(
            "gs.brand",
            dbc.RadioItems(
                id=ids.GS_BRAND,
                value=state.brand,
                inline=True,
                options=[{"label": t(f"brand.{b}"), "value": b} for b in ("all", "Hyundai", "Kia")],
            ),
            ids.GS_BRAND,
            {"xs": 12, "md": 6, "xl": 3},
        ),
        field(
            "gs.market",
            select(
                id=ids.GS_MARKET,
                value=state.market or url_state.ANY,
                options=_initial(state.market, market_label),
                class_name="fw-semibold",
            ),
            ids.GS_MARKET,
            {"xs": 12, "md": 6, "xl": 2},
        ),
        field(
            "gs.period_from",
            select(
                id=ids.GS_PERIOD_FROM,
                value=state.period_from or url_state.ANY,
                options=[{"label": t("gs.period.start"), "value": url_state.ANY}]
                + _initial(state.period_from),
            ),
            ids.GS_PERIOD_FROM,
            {"xs": 6, "md": 3, "xl": 2},
        ),
        field(
            "gs.period_to",
            select(
                id=ids.GS_PERIOD_TO,
                value=state.period_to or url_state.ANY,
                options=[{"label": t("gs.period.end"), "value": url_state.ANY}]
                + _initial(state.period_to),
            ),
            ids.GS_PERIOD_TO,
            {"xs": 6, "md": 3, "xl": 2},
        ),
        field(
            "gs.vehicle_types",
            _dropdown(ids.GS_VEHICLE_TYPES, state.vehicle_types),
            ids.GS_VEHICLE_TYPES,
            {"xs": 12, "md": 6, "xl": 4},
        ),
        field(
            "gs.powertrains",
            _dropdown(ids.GS_POWERTRAINS, state.powertrains),
            ids.GS_POWERTRAINS,
            {"xs": 12, "md": 6, "xl": 4},
        ),
    ]
    return filter_card(fields, hint_key="gs.copy_hint", hint_xl=4)


def _markets_section() -> dbc.Card:
    return card(
        "gs.markets.title",
        [
            graph(ids.GS_MARKET_BAR, "fig.markets.title"),
            _as_table(ids.GS_MARKET_TABLE, "markets"),
        ],
        hint_key="gs.markets.hint",
    )


def _top10_section(state: url_state.PageState) -> dbc.Card:
    return card(
        "gs.top10.title",
        [
            dbc.Row(
                [
                    dbc.Col(graph(ids.GS_TOP10_BAR, "gs.top10.title"), xs=12, lg=7),
                    dbc.Col(graph(ids.GS_TOP10_PIE, "gs.top10.title"), xs=12, lg=5),
                ],
                className="g-3",
            ),
            _as_table(ids.GS_TOP10_TABLE, "top10"),
            html.Hr(),
            dbc.Row(
                field(
                    "gs.model",
                    dbc.Select(
                        id=ids.GS_MODEL,
                        value=state.model or url_state.ANY,
                        options=[{"label": t("gs.model.top"), "value": url_state.ANY}]
                        + _initial(state.model),
                    ),
                    ids.GS_MODEL,
                    {"xs": 12, "md": 6, "xl": 3},
                ),
            ),
            graph(ids.GS_TREND, "gs.trend.title"),
            _as_table(ids.GS_TREND_TABLE, "trend"),
        ],
        hint_key="gs.top10.hint",
    )


def _deviation_section(state: url_state.PageState) -> dbc.Card:
    threshold = dbc.Input(
        id=ids.GS_THRESHOLD,
        type="number",
        min=0,
        max=url_state.THRESHOLD_MAX,
        step=0.5,
        value=state.threshold_pp,
        debounce=True,
    )
    lists = [
        html.H3(label("deviation.strong.title"), className="h6 mt-2"),
        loading(html.Ul(id=ids.GS_DEVIATION_STRONG, className="cs-list")),
        html.H3(label("deviation.untapped.title"), className="h6 mt-3"),
        loading(html.Ul(id=ids.GS_DEVIATION_UNTAPPED, className="cs-list")),
    ]
    return card(
        "gs.deviation.title",
        [
            dbc.Row(
                field(
                    "gs.threshold",
                    [threshold, dbc.FormFeedback(id=ids.GS_THRESHOLD_FEEDBACK, type="invalid")],
                    ids.GS_THRESHOLD,
                    {"xs": 12, "md": 6, "xl": 4},
                )
            ),
            dbc.Row(
                [
                    dbc.Col(graph(ids.GS_DEVIATION_BAR, "gs.deviation.title"), xs=12, lg=7),
                    dbc.Col(lists, xs=12, lg=5),
                ],
                className="g-3",
            ),
            _as_table(ids.GS_DEVIATION_TABLE, "deviation"),
        ],
        hint_key="gs.deviation.hint",
    )


def _heatmap_section(state: url_state.PageState) -> dbc.Card:
    controls = dbc.Row(
        [
            field(
                "gs.heatmap.markets",
                _dropdown(
                    ids.GS_HEATMAP_MARKETS,
                    # None: every market (the callback fills them in); []: none chosen
                    state.markets if (state.markets or state.no_markets) else None,
                    labels=market_label,
                ),
                ids.GS_HEATMAP_MARKETS,
                {"xs": 12, "md": 12, "xl": 6},
            ),
            field(
                "gs.heatmap.top_n",
                [
                    dbc.Input(
                        id=ids.GS_HEATMAP_TOP_N,
                        type="number",
                        min=url_state.TOP_N_MIN,
                        max=url_state.TOP_N_MAX,
                        step=1,
                        value=state.top_n,
                        debounce=True,
                    ),
                    dbc.FormFeedback(id=ids.GS_HEATMAP_TOP_N_FEEDBACK, type="invalid"),
                ],
                ids.GS_HEATMAP_TOP_N,
                {"xs": 4, "md": 3, "xl": 2},
            ),
            field(
                "gs.heatmap.measure",
                dbc.RadioItems(
                    id=ids.GS_HEATMAP_MEASURE,
                    value=state.measure,
                    inline=True,
                    options=[
                        {"label": t(f"gs.measure.{m}"), "value": m} for m in url_state.MEASURES
                    ],
                ),
                ids.GS_HEATMAP_MEASURE,
                {"xs": 8, "md": 5, "xl": 4},
            ),
        ],
        className="g-3",
    )
    table = [
        dbc.Button(
            label("gs.download_csv"),
            id=ids.GS_HEATMAP_DOWNLOAD_BUTTON,
            size="sm",
            color="secondary",
            outline=True,
            className="mb-2",
        ),
        dcc.Download(id=ids.GS_HEATMAP_DOWNLOAD),
        loading(html.Div(id=ids.GS_HEATMAP_TABLE)),
    ]
    return card(
        "gs.heatmap.title",
        [
            controls,
            dbc.Row(
                [
                    dbc.Col(graph(ids.GS_HEATMAP, "gs.heatmap.title"), xs=12, lg=7),
                    dbc.Col(table, xs=12, lg=5),
                ],
                className="g-3",
            ),
        ],
    )


def _recommend_section() -> dbc.Card:
    return card("gs.recommend.title", [loading(html.Div(id=ids.GS_RECOMMENDATIONS))])


def _priority_section(state: url_state.PageState) -> dbc.Card:
    weights = state.weight_map()
    inputs = [
        field(
            f"priority.{name}",
            dbc.Input(
                id=ids.gs_weight(name),
                type="number",
                min=0,
                max=100,
                step=0.05,
                value=weights.get(name, 0.0),
                debounce=True,
            ),
            ids.gs_weight(name),
            {"xs": 4, "md": 2},
        )
        for name in weights
    ]
    return card(
        "gs.priority.title",
        [
            html.H3(label("priority.weights"), className="h6"),
            dbc.Row(inputs, className="g-3"),
            loading(html.Div(id=ids.GS_PRIORITY_TABLE, className="mt-2")),
            html.H3(label("stock.title"), className="h6 mt-4"),
            html.P(label("gs.stock.hint"), className="small text-muted"),
            loading(html.Div(dash_stock_table(), className="cs-stock")),
        ],
        hint_key="gs.priority.hint",
    )


def dash_stock_table():
    """The editable stock-per-model table; rows are filled by a callback."""
    from dash import dash_table

    return dash_table.DataTable(
        id=ids.GS_STOCK_TABLE,
        data=[],
        columns=[],
        editable=True,
        page_size=15,
        sort_action="none",
        **figures.TABLE_STYLE,
    )
