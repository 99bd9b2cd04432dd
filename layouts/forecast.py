"""The forecast page (수요 예측): stored forecasts, backtests and the leaderboard."""

from __future__ import annotations

from dash import html

from layouts.coming_soon import forecast as _soon


def layout(**query: str) -> html.Div:
    return _soon(**query)
