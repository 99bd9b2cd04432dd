"""Market explorer, overseas retail (/explorer/retail): Kia's local sales per market and
Hyundai's EU retail: monthly trend per market with its peak and low months, volatility,
markets compared on one index, the powertrain mix per market and the EV share year over
year. Filled by `callbacks.explorer_retail`."""

from __future__ import annotations

from dash import dcc, html

from app import ids
from app.i18n import dropdown_labels, t
from layouts.components import card, field
from layouts.explorer import as_table, graph, page_frame, start

PAGE = "retail"


def layout(**query: str) -> html.Div:
    state, problems = start(PAGE, query)
    picks = dcc.Dropdown(
        id=ids.explorer(PAGE, ids.EXP_PICKS),
        options=[{"label": p, "value": p} for p in state.picks],
        value=list(state.picks),
        multi=True,
        placeholder=t("exp.all"),
        labels=dropdown_labels(),
        className="cs-dropdown",
    )
    extra = [field("exp.picks.retail", picks, ids.explorer(PAGE, ids.EXP_PICKS), {"xs": 12})]
    body = [
        card(
            "exp.retail.trend",
            [graph(PAGE, ids.EXP_TREND, "exp.retail.trend"), as_table(PAGE, ids.EXP_TREND_TABLE)],
        ),
        card(
            "exp.retail.volatility",
            [
                graph(PAGE, ids.EXP_VOLATILITY, "exp.retail.volatility"),
                as_table(PAGE, ids.EXP_VOLATILITY_TABLE),
            ],
            hint_key="exp.models.seasonality_hint",
        ),
        card(
            "exp.retail.compare",
            [
                graph(PAGE, ids.EXP_INDEXED, "exp.retail.compare"),
                as_table(PAGE, ids.EXP_INDEXED_TABLE),
            ],
        ),
        card(
            "exp.retail.mix",
            [
                graph(PAGE, ids.EXP_RETAIL_MIX, "exp.retail.mix"),
                as_table(PAGE, ids.EXP_RETAIL_MIX_TABLE),
            ],
            hint_key="exp.models.mix_hint",
        ),
        card(
            "exp.retail.ev",
            [graph(PAGE, ids.EXP_EV, "exp.retail.ev"), as_table(PAGE, ids.EXP_EV_TABLE)],
            hint_key="exp.retail.ev_hint",
        ),
    ]
    return page_frame(state, problems, body, extra)
