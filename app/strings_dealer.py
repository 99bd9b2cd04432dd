"""Text of the dealer page: segment names and actions, persona names and insights.

Every template is a `str.format` template over the `values` of the structured
object it renders (an `analytics.insights.Insight`, a persona part), so a
sentence can hold no number that was not computed. DEALER_STRINGS can be merged
into the app's catalogue (`app.i18n`) like STRATEGY_STRINGS.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

SEPARATOR = " · "

# Vocabulary for values that appear inside sentences (Korean data values -> English).
_BODY_EN = {"SUV": "SUV", "세단": "sedan", "해치백": "hatchback", "픽업트럭": "pickup"}
_SEGMENT_EN = {"VIP": "VIP", "일반": "regular", "신규": "new", "이탈가능": "at risk"}
_POWERTRAIN_KO = {"ICE": "내연기관", "HEV": "하이브리드", "PHEV": "플러그인 하이브리드",
                  "EV": "전기차", "FCEV": "수소전기차"}
_POWERTRAIN_EN = {"ICE": "combustion", "HEV": "hybrid", "PHEV": "plug-in hybrid",
                  "EV": "electric", "FCEV": "fuel-cell"}
_GENDER = {"M": {"ko": "남성", "en": "men"}, "F": {"ko": "여성", "en": "women"}}

DEALER_STRINGS: dict[str, dict[str, str]] = {
    # segment names
    "segment.VIP": {"ko": "VIP", "en": "VIP"},
    "segment.일반": {"ko": "일반", "en": "Regular"},
    "segment.신규": {"ko": "신규", "en": "New"},
    "segment.이탈가능": {"ko": "이탈가능", "en": "At risk"},
    # persona parts
    "persona.age": {"ko": "{age}대", "en": "{age}s"},
    "persona.spend.high": {"ko": "고액", "en": "high spend"},
    "persona.spend.mid": {"ko": "중간 지출", "en": "mid spend"},
    "persona.spend.low": {"ko": "실속형", "en": "budget"},
    "persona.body": {"ko": "{body} 선호", "en": "prefers {body}"},
    "persona.trait.female": {"ko": "여성 중심", "en": "mostly women"},
    "persona.trait.male": {"ko": "남성 중심", "en": "mostly men"},
    "persona.trait.eco": {"ko": "친환경차 선호", "en": "eco-minded"},
    "persona.trait.online": {"ko": "온라인 구매", "en": "buys online"},
    "persona.trait.offline": {"ko": "오프라인 구매", "en": "buys offline"},
    "persona.trait.repeat": {"ko": "재구매 고객", "en": "repeat buyers"},
    "persona.trait.lapsed": {"ko": "장기 미구매", "en": "lapsed"},
    "persona.trait.recent": {"ko": "최근 구매", "en": "recent buyers"},
    "persona.cluster": {"ko": "군집 {cluster}", "en": "cluster {cluster}"},
}


def _t(key: str, lang: str, **values: Any) -> str:
    entry = DEALER_STRINGS[key]
    return (entry.get(lang) or entry["ko"]).format(**values)


def body_label(body: str, lang: str) -> str:
    """A body type value (SUV, 세단, ...) in `lang`."""
    return _BODY_EN.get(body, body) if lang == "en" else body


def segment_label(segment: str, lang: str) -> str:
    """A segment value (VIP, 일반, 신규, 이탈가능) as shown in `lang`."""
    key = f"segment.{segment}"
    return _t(key, lang) if key in DEALER_STRINGS else segment


def powertrain_label(powertrain: str, lang: str) -> str:
    table = _POWERTRAIN_EN if lang == "en" else _POWERTRAIN_KO
    return table.get(powertrain, powertrain)


def gender_label(gender: str, lang: str) -> str:
    return _GENDER.get(gender, {}).get(lang, gender)


def render_persona(parts: Sequence[tuple[str, Any]], lang: str) -> str:
    """Persona name from `analytics.clusters.unique_parts` pieces, e.g. 50대 · 고액 · SUV 선호."""
    words = []
    for part, value in parts:
        if part == "age":
            words.append(_t("persona.age", lang, age=value))
        elif part == "spend":
            words.append(_t(f"persona.spend.{value}", lang))
        elif part == "body":
            words.append(_t("persona.body", lang, body=body_label(value, lang)))
        elif part == "trait":
            words.append(_t(f"persona.trait.{value}", lang))
        elif part == "cluster":
            words.append(_t("persona.cluster", lang, cluster=value))
        else:
            raise ValueError(f"unknown persona part {part!r}")
    return SEPARATOR.join(words)


def render_values(key: str, lang: str, values: Mapping[str, Any]) -> str:
    """Format template `key` with `values` only."""
    return _t(key, lang, **values)
