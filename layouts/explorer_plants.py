"""Market explorer, plants (/explorer/plants): totals by plant, the monthly trend per plant
of the chosen models, domestic vs export per plant, models made in one plant only and
each model's plant concentration. Filled by `callbacks.explorer_plants`."""

from __future__ import annotations

from dash import dcc, html

from app import ids
from app.i18n import dropdown_labels, t
from layouts.components import card, field, loading
from layouts.explorer import as_table, graph, page_frame, start

PAGE = "plants"


def layout(**query: str) -> html.Div:
    state, problems = start(PAGE, query)
    picks = dcc.Dropdown(
        id=ids.explorer(PAGE, ids.EXP_PICKS),
        options=[{"label": p, "value": p} for p in state.picks],
        value=list(state.picks),
        multi=True,
        placeholder=t("fig.exp.all_models"),
        labels=dropdown_labels(),
        className="cs-dropdown",
    )
    extra = [field("exp.picks.plants", picks, ids.explorer(PAGE, ids.EXP_PICKS), {"xs": 12})]
    body = [
        card(
            "exp.plants.totals",
            [
                graph(PAGE, ids.EXP_TOTALS, "exp.plants.totals"),
                as_table(PAGE, ids.EXP_TOTALS_TABLE),
            ],
        ),
        card(
            "exp.plants.trend",
            [graph(PAGE, ids.EXP_TREND, "exp.plants.trend"), as_table(PAGE, ids.EXP_TREND_TABLE)],
        ),
        card(
            "exp.plants.ratio",
            [graph(PAGE, ids.EXP_RATIO, "exp.plants.ratio"), as_table(PAGE, ids.EXP_RATIO_TABLE)],
            hint_key="exp.plants.ratio_hint",
        ),
        card(
            "exp.plants.concentration",
            [
                graph(PAGE, ids.EXP_CONCENTRATION, "exp.plants.concentration"),
                as_table(PAGE, ids.EXP_CONCENTRATION_TABLE),
            ],
            hint_key="exp.plants.concentration_hint",
        ),
        card(
            "exp.plants.single",
            [loading(html.Div(id=ids.explorer(PAGE, ids.EXP_SINGLE_TABLE)))],
        ),
    ]
    return page_frame(state, problems, body, extra)
