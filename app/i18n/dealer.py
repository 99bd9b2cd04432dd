"""Sentences of the dealer page: data words, persona names and insights, rendered from
the catalogue (`app.i18n.catalogues.dealer`) with the values of the object rendered."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.i18n import CATALOGUE, t
from app.i18n.catalogues.dealer import BODY_EN, GENDER, POWERTRAIN_EN, POWERTRAIN_KO, SEPARATOR


def body_label(body: str, lang: str) -> str:
    """A body type value (SUV, 세단, ...) in `lang`."""
    return BODY_EN.get(body, body) if lang == "en" else body


def segment_label(segment: str, lang: str) -> str:
    """A segment value (VIP, 일반, 신규, 이탈가능) as shown in `lang`."""
    key = f"segment.{segment}"
    return t(key, lang) if key in CATALOGUE else segment


def powertrain_label(powertrain: str, lang: str) -> str:
    table = POWERTRAIN_EN if lang == "en" else POWERTRAIN_KO
    return table.get(powertrain, powertrain)


def gender_label(gender: str, lang: str) -> str:
    return GENDER.get(gender, {}).get(lang, gender)


def render_persona(parts: Sequence[tuple[str, Any]], lang: str) -> str:
    """Persona name from `analytics.clusters.unique_parts` pieces, e.g. 50대 · 고액 · SUV 선호."""
    words = []
    for part, value in parts:
        if part == "age":
            words.append(t("persona.age", lang, age=value))
        elif part == "spend":
            words.append(t(f"persona.spend.{value}", lang))
        elif part == "body":
            words.append(t("persona.body", lang, body=body_label(value, lang)))
        elif part == "trait":
            words.append(t(f"persona.trait.{value}", lang))
        elif part == "cluster":
            words.append(t("persona.cluster", lang, cluster=value))
        else:
            raise ValueError(f"unknown persona part {part!r}")
    return SEPARATOR.join(words)


def render_values(key: str, lang: str, values: Mapping[str, Any]) -> str:
    """Format template `key` with `values` only."""
    return t(key, lang, **values)


def _display(values: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """`values` with data words (body type, segment, powertrain, market) in `lang`."""
    from warehouse.canonical import MARKETS

    out = dict(values)
    if "body_type" in out:
        out["body_type"] = body_label(str(out["body_type"]), lang)
    if "powertrain" in out:
        out["powertrain"] = powertrain_label(str(out["powertrain"]), lang)
    for key in ("segment", "top_segment"):
        if key in out and out[key] is not None:
            out[key] = segment_label(str(out[key]), lang)
    if lang != "en" and "market" in out and out["market"] in MARKETS:
        out["market"] = MARKETS[out["market"]][0]
    return out


def template_key(insight: Any, part: str = "insight") -> str:
    """The catalogue key that `render` uses for `insight` ('insight' or 'action')."""
    if part not in ("insight", "action"):
        raise ValueError(f"part must be 'insight' or 'action', not {part!r}")
    key = f"{part}.{insight.kind}"
    if insight.kind == "drilldown" and part == "action" and not insight.values.get("test_clusters"):
        key = "action.drilldown.all"
    # a slice without VIP customers has nothing to compare 신규 and 일반 with
    if (
        part == "insight"
        and insight.kind in ("segment.신규", "segment.일반")
        and "vip_frequency" not in insight.values
    ):
        key += ".no_vip"
    return key


def render(insight: Any, lang: str, part: str = "insight") -> str:
    """The sentence of an `analytics.insights.Insight`: its finding, or with
    part='action' its marketing suggestion. Only `insight.values` are cited."""
    return t(template_key(insight, part), lang, **_display(insight.values, lang))
