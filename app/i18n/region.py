"""Sentences and labels of the 지역 (region) view, from `app.i18n.catalogues.region`."""

from __future__ import annotations

from typing import Any

from app.i18n import t
from app.i18n.catalogues.region import REGION_EN
from app.i18n.dealer import body_label


def region_label(region: str, lang: str) -> str:
    """A region value (서울, KS) as shown in `lang`: 시·도 in English by name, states by code."""
    return REGION_EN.get(region, region) if lang == "en" else region


def region_options(regions: list[str], lang: str) -> list[dict[str, str]]:
    """Options of the 지역 select: 전체, then `regions` in the order given."""
    return [{"label": t("region.all", lang), "value": "all"}] + [
        {"label": region_label(r, lang), "value": r} for r in regions
    ]


def has_action(insight: Any) -> bool:
    """Whether a region insight carries a stock suggestion (`render(..., part="action")`)."""
    return f"action.{insight.kind}" in _ACTION_KEYS


_ACTION_KEYS = frozenset({"action.region.stock"})


def render(insight: Any, lang: str, part: str = "insight") -> str:
    """The sentence of a region insight (`analytics.region.region_insights`): its finding,
    or with part='action' its stock suggestion (only for kinds that have one)."""
    if part not in ("insight", "action"):
        raise ValueError(f"part must be 'insight' or 'action', not {part!r}")
    if part == "action" and not has_action(insight):
        raise ValueError(f"a {insight.kind!r} insight has no suggestion")
    values = dict(insight.values)
    values["region"] = region_label(str(values["region"]), lang)
    if "body_type" in values:
        values["body_type"] = body_label(str(values["body_type"]), lang)
    # `region` and `region.stock` state the same finding; only the latter has a suggestion
    kind = "region" if part == "insight" and insight.kind == "region.stock" else insight.kind
    return t(f"{part}.{kind}", lang, **values)
