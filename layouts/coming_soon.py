"""Pages that do not exist yet: dealer (딜러), forecast (예측), automation (자동화)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from app.i18n import label


def _page(nav_key: str) -> html.Div:
    return html.Div(
        dbc.Card(
            dbc.CardBody(
                [
                    html.H1(label(nav_key, part="title"), className="h3"),
                    html.P(dbc.Badge(label("soon.title"), color="secondary"), className="mb-2"),
                    html.P(label("soon.body"), className="text-muted mb-0"),
                ]
            ),
            className="shadow-sm cs-soon",
        )
    )


def dealer(**_query: str) -> html.Div:
    return _page("nav.dealer")


def forecast(**_query: str) -> html.Div:
    return _page("nav.forecast")


def automation(**_query: str) -> html.Div:
    return _page("nav.automation")
