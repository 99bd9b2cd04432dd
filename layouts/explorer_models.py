"""Market explorer, models (/explorer/models): domestic vs export sales by model over time,
the top models per year, the mix by body type and powertrain (from the model catalogue),
EV and hybrid share, two models compared, seasonality classes. Filled by
`callbacks.explorer_models`."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from app import explorer_state, ids
from app.i18n import t
from app.url_state import ANY
from layouts.components import card, field, loading
from layouts.explorer import as_table, graph, page_frame, start

PAGE = "models"


def layout(**query: str) -> html.Div:
    state, problems = start(PAGE, query)
    extra = [
        field(
            "exp.flow",
            dbc.RadioItems(
                id=ids.explorer(PAGE, ids.EXP_FLOW),
                value=state.flow,
                inline=True,
                options=[{"label": t(f"exp.flow.{f}"), "value": f} for f in explorer_state.FLOWS],
            ),
            ids.explorer(PAGE, ids.EXP_FLOW),
            {"xs": 12, "md": 6, "xl": 4},
        ),
        field(
            "exp.top",
            dbc.Input(
                id=ids.explorer(PAGE, ids.EXP_TOP),
                type="number",
                min=explorer_state.TOP_MIN,
                max=explorer_state.TOP_MAX,
                step=1,
                value=state.top_n,
                debounce=True,
            ),
            ids.explorer(PAGE, ids.EXP_TOP),
            {"xs": 6, "md": 3, "xl": 2},
        ),
        field(
            "exp.compare",
            dbc.Select(
                id=ids.explorer(PAGE, ids.EXP_COMPARE), value=state.compare or ANY, options=[]
            ),
            ids.explorer(PAGE, ids.EXP_COMPARE),
            {"xs": 6, "md": 3, "xl": 3},
        ),
    ]
    body = [
        card(
            "exp.models.top",
            [graph(PAGE, ids.EXP_TOP_BAR, "exp.models.top"), as_table(PAGE, ids.EXP_TOP_TABLE)],
        ),
        card(
            "exp.models.flows",
            [graph(PAGE, ids.EXP_FLOWS, "exp.models.flows"), as_table(PAGE, ids.EXP_FLOWS_TABLE)],
        ),
        card(
            "exp.models.mix",
            [
                dbc.Row(
                    [
                        dbc.Col(graph(PAGE, ids.EXP_BODY_MIX, "fig.exp.body_mix"), xs=12, lg=6),
                        dbc.Col(graph(PAGE, ids.EXP_POWER_MIX, "fig.exp.power_mix"), xs=12, lg=6),
                    ],
                    className="g-3",
                ),
                as_table(PAGE, ids.EXP_MIX_TABLE),
            ],
            hint_key="exp.models.mix_hint",
        ),
        card(
            "exp.models.electrified",
            [
                graph(PAGE, ids.EXP_ELECTRIFIED, "exp.models.electrified"),
                as_table(PAGE, ids.EXP_ELECTRIFIED_TABLE),
            ],
        ),
        card(
            "exp.models.comparison",
            [
                loading(html.P(id=ids.explorer(PAGE, ids.EXP_COMPARISON_TEXT))),
                graph(PAGE, ids.EXP_COMPARISON, "exp.models.comparison"),
                as_table(PAGE, ids.EXP_COMPARISON_TABLE),
            ],
        ),
        card(
            "exp.models.seasonality",
            [loading(html.Div(id=ids.explorer(PAGE, ids.EXP_SEASONALITY_TABLE)))],
            hint_key="exp.models.seasonality_hint",
        ),
    ]
    return page_frame(state, problems, body, extra)
