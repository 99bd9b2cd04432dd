"""The customer-prediction page (고객 예측): a new customer's segment, type and cars."""

from __future__ import annotations

from dash import html

from layouts.coming_soon import _page


def layout(**_query: str) -> html.Div:
    return _page("nav.predict")
