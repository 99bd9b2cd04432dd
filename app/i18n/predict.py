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


def tier_label(tier: str, lang: str = "ko") -> str:
    """A value tier (VIP 잠재, 일반, 실속) as shown in `lang`."""
    key = f"tier.{tier}"
    return t(key, lang) if key in CATALOGUE else tier


def class_label(vehicle_class: str | None, lang: str = "ko") -> str:
    """A vehicle class (중형 SUV) or catalogue segment (대형 MPV, 트럭) as shown in `lang`:
    the form's label when it has one, else the catalogue's size and body names."""
    from warehouse.catalogue import BODY_TYPES, SIZE_CLASSES

    text = vehicle_class or ""
    key = f"predict.ui.value.{text}"
    if lang != "en" or key in CATALOGUE:
        return _value_label(text, lang)
    words = text.split()
    english = [SIZE_CLASSES.get(w) or BODY_TYPES.get(w) for w in words]
    return " ".join(english) if words and all(english) else text  # type: ignore[arg-type]


def powertrain_text(powertrain: str, lang: str = "ko") -> str:
    """'HEV/PHEV' as '하이브리드/플러그인 하이브리드' (or 'hybrid/plug-in hybrid')."""
    from app.i18n.dealer import powertrain_label

    return "/".join(powertrain_label(p, lang) for p in powertrain.split("/") if p)


def render_reason(reason: Reason, lang: str = "ko") -> str:
    """Text of an `analytics.predict.Reason` (code, params) in `lang`."""
    params = dict(reason.params)
    for key in ("vehicle_class", "model_class"):
        if key in params:
            params[key] = class_label(params[key], lang)
    if "tier" in params:
        params["tier"] = tier_label(str(params["tier"]), lang)
    return t(f"predict.reason.{reason.code}", lang, **params)
