"""Texts of the customer-prediction page (고객 예측), merged into `app.i18n.CATALOGUE`."""

from __future__ import annotations

PREDICT_STRINGS: dict[str, dict[str, str]] = {
}
