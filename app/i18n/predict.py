"""Error and reason sentences of the customer-prediction page (고객 예측); the texts are
in `app.i18n.catalogues.predict`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.i18n import CATALOGUE, t

if TYPE_CHECKING:
    from analytics.predict import FieldError, Reason

_MAX_CHOICES = 12


def _value_label(value: object, lang: str) -> str:
    key = f"predict.ui.value.{value}"
    return t(key, lang) if key in CATALOGUE else str(value)


def render_error(err: FieldError, lang: str = "ko") -> str:
    """Message of an `analytics.predict.FieldError` (field, code, params) in `lang`."""
    field, code = err.field, err.code
    params = dict(err.params)
    label_key = f"predict.error.field.{field}"
    label = t(label_key, lang) if label_key in CATALOGUE else field
    if "choices" in params:
        choices = [_value_label(c, lang) for c in params["choices"]]
        params["choices"] = ", ".join(choices[:_MAX_CHOICES]) + (
            " …" if len(choices) > _MAX_CHOICES else ""
        )
    params.setdefault("reason", "")
    key = f"predict.error.{code}"
    if key not in CATALOGUE:
        return f"{label}: {code} {params}"
    return t(key, lang, field=label, **{k: v for k, v in params.items() if k != "field"})


def render_reason(reason: Reason, lang: str = "ko") -> str:
    """Text of an `analytics.predict.Reason` (code, params) in `lang`."""
    params = dict(reason.params)
    if "vehicle_class" in params:
        params["vehicle_class"] = _value_label(params["vehicle_class"], lang)
    return t(f"predict.reason.{reason.code}", lang, **params)
