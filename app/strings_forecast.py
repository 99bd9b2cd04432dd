"""Texts of the forecast page (수요 예측): catalogue entries merged into `app.i18n.CATALOGUE`."""

from __future__ import annotations

FORECAST_STRINGS: dict[str, dict[str, str]] = {
}
