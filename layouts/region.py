"""The dealer page's 지역 (region) view: body type and model preferences by region.

Filled by `callbacks.region` from the dealer filter (brand, market, period); the
region filter (`region_filter`) sits with the dealer filters, and a click on a
heatmap row sets it, narrowing every other dealer section to that region.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from app import ids
from app.i18n import label, t
from layouts.components import card, field, graph, loading

ANY = "all"


def region_filter(value: str, width: dict) -> dbc.Col:
    """The 지역 select of the dealer filter card (options come from the data)."""
    return field(
        "region.filter",
        dbc.Select(
            id=ids.DEALER_REGION,
            value=value,
            options=[{"label": t("region.all"), "value": ANY}],
        ),
        ids.DEALER_REGION,
        width,
    )


def region_section() -> dbc.Card:
    return card(
        "region.title",
        [
            # the hint cites analytics.region.MIN_CUSTOMERS: filled by the callback
            html.P(id=ids.REGION_HINT, className="small text-muted"),
            dbc.Row(
                [
                    dbc.Col(loading(html.Div(id=ids.REGION_SELECTED, role="status")), md=9),
                    dbc.Col(
                        dbc.Button(
                            label("region.clear"),
                            id=ids.REGION_CLEAR,
                            size="sm",
                            color="secondary",
                            outline=True,
                        ),
                        md=3,
                        className="text-md-end mb-2",
                    ),
                ],
                className="g-2 align-items-center",
            ),
            graph(ids.REGION_HEATMAP, "fig.region.title"),
            html.P(id=ids.REGION_HEATMAP_NOTE, className="small text-muted"),
            html.P(id=ids.REGION_UNKNOWN, className="small text-muted"),
            html.H3(label("region.insights"), className="h6 mt-3"),
            loading(html.Div(id=ids.REGION_INSIGHTS)),
            loading(html.Div(id=ids.REGION_TABLE)),
        ],
    )
