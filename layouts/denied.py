"""The page shown instead of one the signed-in user's role may not open."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from app.i18n import label


def layout(allowed: list[tuple[str, str]]) -> html.Div:
    """The refusal and links to the pages the user may open: (path, navigation key)."""
    return html.Div(
        dbc.Alert(
            [
                html.H1(label("access.denied.title"), className="h4"),
                html.P(label("access.denied.body")),
                html.Ul(
                    [
                        html.Li(html.A(label(nav_key, part="denied"), href=path))
                        for path, nav_key in allowed
                    ],
                    className="mb-0",
                ),
            ],
            color="warning",
            className="access-denied",
        ),
        id="access-denied",
    )
