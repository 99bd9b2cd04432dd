"""Sentences of the dealer page: data words, persona names and insights, rendered from
the catalogue (`app.i18n.catalogues.dealer`) with the values of the object rendered."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from analytics.segments.rfm import parse_descriptive
from app.i18n import CATALOGUE, market_label, t
from app.i18n.catalogues.dealer import BODY_EN, GENDER, POWERTRAIN_EN, POWERTRAIN_KO, SEPARATOR


def body_label(body: str, lang: str) -> str:
    """A body type value (SUV, 세단, ...) in `lang`."""
    return BODY_EN.get(body, body) if lang == "en" else body


def segment_label(segment: str, lang: str) -> str:
    """A segment value as shown in `lang`: one of the four names (VIP, 일반, 신규,
    이탈가능) or a descriptive name ('1회 고액 구매' -> 'One-time high-spend buyers')."""
    key = f"segment.{segment}"
    if key in CATALOGUE:
        return t(key, lang)
    codes = parse_descriptive(segment) if lang == "en" else None
    if not codes:
        return segment
    head = [t(f"segment.word.{c}", lang) for c in codes if c not in ("lapsed", "recent")]
    tail = [t(f"segment.word.{c}", lang) for c in codes if c in ("lapsed", "recent")]
    text = t("segment.descriptive", lang, words=" ".join(head))
    number = segment.rsplit(" #", 1)[1] if re.search(r" #\d+$", segment) else None
    return SEPARATOR.join([text[:1].upper() + text[1:], *tail]) + (f" #{number}" if number else "")


def powertrain_label(powertrain: str, lang: str) -> str:
    table = POWERTRAIN_EN if lang == "en" else POWERTRAIN_KO
    return table.get(powertrain, powertrain)


def gender_label(gender: str, lang: str) -> str:
    return GENDER.get(gender, {}).get(lang, gender)


def render_persona(parts: Sequence[tuple[str, Any]], lang: str) -> str:
    """Persona name from `analytics.segments.clusters.unique_parts` pieces, e.g.
    젊은 층 · 고액 구매 (the traits that set the cluster apart)."""
    words = []
    for part, value in parts:
        if part == "body":
            words.append(t("persona.body", lang, body=body_label(value, lang)))
        elif part == "market":
            words.append(t("persona.market", lang, market=market_label(value, lang)))
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
    if insight.kind == "segment.descriptive" and part == "action":
        return f"{key}.{insight.values['focus']}"
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
