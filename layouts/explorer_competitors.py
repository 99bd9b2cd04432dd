"""Market explorer, competitors (/explorer/competitors): the competitor file's best-selling
models per market and year, our share among them, and for each competitor model our
closest counter-model with its numbers and the reason. Filled by
`callbacks.explorer_competitors`."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from app import ids
from app.url_state import ANY
from layouts.components import card, field, loading
from layouts.explorer import as_table, graph, page_frame, start

PAGE = "competitors"


def layout(**query: str) -> html.Div:
    state, problems = start(PAGE, query)
    year = dbc.Select(
        id=ids.explorer(PAGE, ids.EXP_YEAR),
        value=str(state.year) if state.year else ANY,
        options=[],
    )
    extra = [field("exp.year", year, ids.explorer(PAGE, ids.EXP_YEAR), {"xs": 6, "md": 3, "xl": 2})]
    body = [
        card(
            "exp.competitors.share",
            [
                graph(PAGE, ids.EXP_OUR_SHARE, "exp.competitors.share"),
                as_table(PAGE, ids.EXP_OUR_SHARE_TABLE),
            ],
        ),
        card(
            "exp.competitors.brands",
            [
                graph(PAGE, ids.EXP_BRANDS, "exp.competitors.brands"),
                as_table(PAGE, ids.EXP_MODELS_TABLE),
            ],
        ),
        card(
            "exp.competitors.counters",
            [
                loading(html.Ul(id=ids.explorer(PAGE, ids.EXP_COUNTERS), className="cs-list")),
                as_table(PAGE, ids.EXP_COUNTERS_TABLE),
            ],
        ),
    ]
    return page_frame(state, problems, body, extra)
