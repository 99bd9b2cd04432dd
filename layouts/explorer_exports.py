"""Market explorer, exports by region (/explorer/exports): monthly exports per region,
share, year-over-year change, region x year and region x month tables, seasonality.
Filled by `callbacks.explorer_exports`."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from app import ids
from app.i18n import label
from layouts.components import card, loading
from layouts.explorer import as_table, graph, page_frame, start

PAGE = "exports"


def layout(**query: str) -> html.Div:
    state, problems = start(PAGE, query)
    return page_frame(
        state,
        problems,
        [
            card(
                "exp.exports.lines",
                [graph(PAGE, ids.EXP_LINES, "exp.exports.lines")],
            ),
            dbc.Row(
                [
                    dbc.Col(
                        card(
                            "exp.exports.share",
                            [
                                graph(PAGE, ids.EXP_SHARE, "exp.exports.share"),
                                as_table(PAGE, ids.EXP_SHARE_TABLE),
                            ],
                        ),
                        xs=12,
                        lg=6,
                    ),
                    dbc.Col(
                        card(
                            "exp.exports.yoy",
                            [
                                graph(PAGE, ids.EXP_YOY, "exp.exports.yoy"),
                                as_table(PAGE, ids.EXP_YOY_TABLE),
                            ],
                        ),
                        xs=12,
                        lg=6,
                    ),
                ],
                className="g-0 gx-lg-3",
            ),
            card(
                "exp.exports.tables",
                [
                    html.H3(label("exp.exports.year_table"), className="h6"),
                    loading(html.Div(id=ids.explorer(PAGE, ids.EXP_YEAR_TABLE))),
                    html.H3(label("exp.exports.month_table"), className="h6 mt-3"),
                    loading(html.Div(id=ids.explorer(PAGE, ids.EXP_MONTH_TABLE))),
                ],
            ),
            card(
                "exp.exports.heatmap",
                [
                    graph(PAGE, ids.EXP_HEATMAP, "exp.exports.heatmap"),
                    as_table(PAGE, ids.EXP_HEATMAP_TABLE),
                ],
                hint_key="exp.exports.heatmap_hint",
            ),
        ],
    )
