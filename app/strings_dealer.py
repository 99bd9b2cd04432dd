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
_POWERTRAIN_KO = {
    "ICE": "내연기관",
    "HEV": "하이브리드",
    "PHEV": "플러그인 하이브리드",
    "EV": "전기차",
    "FCEV": "수소전기차",
}
_POWERTRAIN_EN = {
    "ICE": "combustion",
    "HEV": "hybrid",
    "PHEV": "plug-in hybrid",
    "EV": "electric",
    "FCEV": "fuel-cell",
}
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
    # segment actions (analytics.insights.segment_actions)
    "insight.segment.VIP": {
        "ko": "VIP — 고객 {customers:,}명({customer_share_pct:.1f}%)이 매출의 "
        "{revenue_share_pct:.1f}%를 차지(평균 {amount_mkrw:,.1f}백만원 × {frequency:.1f}회)",
        "en": "VIP — {customers:,} customers ({customer_share_pct:.1f}%) bring "
        "{revenue_share_pct:.1f}% of revenue (mean {amount_mkrw:,.1f}M KRW × "
        "{frequency:.1f} purchases)",
    },
    "action.segment.VIP": {
        "ko": "전담 관리·멤버십 혜택·신차 사전 공개로 유지",
        "en": "Retain: dedicated care, loyalty benefits and early access to new models",
    },
    "insight.segment.이탈가능": {
        "ko": "이탈가능 — {customers:,}명({customer_share_pct:.1f}%), 마지막 구매 후 평균 "
        "{recency_days:,}일(전체 평균 {recency_all_days:,}일), 매출 비중 "
        "{revenue_share_pct:.1f}%",
        "en": "At risk — {customers:,} customers ({customer_share_pct:.1f}%), on average "
        "{recency_days:,} days since the last purchase (all customers: "
        "{recency_all_days:,}), {revenue_share_pct:.1f}% of revenue",
    },
    "action.segment.이탈가능": {
        "ko": "재구매 할인·점검 쿠폰으로 복귀 유도(윈백 캠페인)",
        "en": "Win back: repurchase discount and service coupons",
    },
    "insight.segment.신규": {
        "ko": "신규 — {customers:,}명({customer_share_pct:.1f}%), 평균 구매 {frequency:.1f}회"
        "(VIP {vip_frequency:.1f}회), 마지막 구매 후 평균 {recency_days:,}일",
        "en": "New — {customers:,} customers ({customer_share_pct:.1f}%), {frequency:.1f} "
        "purchases on average (VIP {vip_frequency:.1f}), {recency_days:,} days since "
        "the last purchase",
    },
    "insight.segment.신규.no_vip": {
        "ko": "신규 — {customers:,}명({customer_share_pct:.1f}%), 평균 구매 {frequency:.1f}회, "
        "마지막 구매 후 평균 {recency_days:,}일",
        "en": "New — {customers:,} customers ({customer_share_pct:.1f}%), {frequency:.1f} "
        "purchases on average, {recency_days:,} days since the last purchase",
    },
    "action.segment.신규": {
        "ko": "온보딩 케어와 두 번째 구매 혜택 제안",
        "en": "Onboard: welcome care and a second-purchase offer",
    },
    "insight.segment.일반": {
        "ko": "일반 — {customers:,}명({customer_share_pct:.1f}%), 평균 거래 {amount_mkrw:,.1f}"
        "백만원(VIP {vip_amount_mkrw:,.1f}백만원)",
        "en": "Regular — {customers:,} customers ({customer_share_pct:.1f}%), mean amount "
        "{amount_mkrw:,.1f}M KRW (VIP {vip_amount_mkrw:,.1f}M)",
    },
    "insight.segment.일반.no_vip": {
        "ko": "일반 — {customers:,}명({customer_share_pct:.1f}%), 평균 거래 "
        "{amount_mkrw:,.1f}백만원",
        "en": "Regular — {customers:,} customers ({customer_share_pct:.1f}%), mean amount "
        "{amount_mkrw:,.1f}M KRW",
    },
    "action.segment.일반": {
        "ko": "상위 트림·옵션 업셀과 교차 판매",
        "en": "Upsell higher trims and options; cross-sell",
    },
    # views (analytics.insights.view_insights)
    "insight.gender": {
        "ko": "여성 비중 최고: 군집 {cluster}({persona}) {female_pct:.1f}%",
        "en": "Cluster {cluster} has the highest share of women: {female_pct:.1f}%",
    },
    "action.gender": {
        "ko": "군집 {cluster}에 여성 고객 중심 크리에이티브·시승 행사",
        "en": "Women-focused creatives and test-drive events for cluster {cluster}",
    },
    "insight.age": {
        "ko": "군집 {cluster}({persona})의 {share_pct:.1f}%가 {age_band}대",
        "en": "{share_pct:.1f}% of cluster {cluster} are in their {age_band}s",
    },
    "action.age": {
        "ko": "군집 {cluster}에는 {age_band}대 생애 단계에 맞춘 메시지",
        "en": "Speak to the life stage of people in their {age_band}s for cluster {cluster}",
    },
    "insight.amount_frequency": {
        "ko": "평균 거래액 최고: 군집 {cluster}({persona}) {amount_mkrw:,.1f}백만원 · "
        "구매 빈도 최고: 군집 {frequent_cluster} 평균 {frequency:.1f}회",
        "en": "Cluster {cluster} spends the most ({amount_mkrw:,.1f}M KRW on average); "
        "cluster {frequent_cluster} buys most often ({frequency:.1f} purchases)",
    },
    "action.amount_frequency": {
        "ko": "군집 {cluster}에 프리미엄 트림, 군집 {frequent_cluster}에 로열티 프로그램",
        "en": "Premium trims for cluster {cluster}; a loyalty programme for cluster "
        "{frequent_cluster}",
    },
    "insight.model_cluster": {
        "ko": "{model} 구매자의 {share_pct:.1f}%({customers:,}명)가 군집 {cluster}({persona})",
        "en": "{share_pct:.1f}% of {model} buyers ({customers:,}) are in cluster {cluster}",
    },
    "action.model_cluster": {
        "ko": "{model} 프로모션을 군집 {cluster}에 우선 집행",
        "en": "Target {model} promotions at cluster {cluster} first",
    },
    "insight.segment_cluster": {
        "ko": "VIP 비중 최고: 군집 {cluster}({persona}) {vip_pct:.1f}%",
        "en": "Cluster {cluster} has the highest VIP share: {vip_pct:.1f}%",
    },
    "action.segment_cluster": {
        "ko": "VIP 전담 관리 우선 대상: 군집 {cluster}",
        "en": "Give cluster {cluster} priority in VIP care",
    },
    "insight.body_market": {
        "ko": "{market} 고객의 {share_pct:.1f}%가 {body_type} 선택",
        "en": "{share_pct:.1f}% of customers in {market} chose body type {body_type}",
    },
    "action.body_market": {
        "ko": "{market} 재고·광고를 {body_type} 중심으로 배정",
        "en": "Weight {market} stock and advertising towards body type {body_type}",
    },
    "insight.powertrain_age": {
        "ko": "{age_band}대 — {powertrain} {share_pct:.1f}%",
        "en": "In their {age_band}s — {powertrain} {share_pct:.1f}%",
    },
    "action.powertrain_age": {
        "ko": "{age_band}대 대상 {powertrain} 시승·충전 혜택 캠페인",
        "en": "Test drives and charging offers ({powertrain}) for people in their {age_band}s",
    },
    "insight.summary": {
        "ko": "군집 {cluster}({persona}) — 고객 {customers:,}명({share_pct:.1f}%), 매출 "
        "{revenue_share_pct:.1f}%, 대표 모델 {top_model}, {top_segment} "
        "{top_segment_pct:.1f}%",
        "en": "Cluster {cluster} — {customers:,} customers ({share_pct:.1f}%), "
        "{revenue_share_pct:.1f}% of revenue, top model {top_model}, {top_segment} "
        "{top_segment_pct:.1f}%",
    },
    "action.summary": {
        "ko": "군집 {cluster}: {top_model} 중심 제안, {top_segment} 고객 관리 전략 적용",
        "en": "Cluster {cluster}: lead with {top_model}; apply the {top_segment} playbook",
    },
    "insight.drilldown": {
        "ko": "{market}에서 {model} 구매자 {buyers:,}명 중 {share_pct:.1f}%가 군집 {cluster}"
        "({persona})",
        "en": "In {market}, {share_pct:.1f}% of the {buyers:,} {model} buyers are in cluster "
        "{cluster}",
    },
    "action.drilldown": {
        "ko": "군집 {promote_clusters}({promote_pct:.1f}%)에 {model} 프로모션, 나머지 군집"
        "({test_clusters})은 테스트 마케팅",
        "en": "Promote {model} to cluster(s) {promote_clusters} ({promote_pct:.1f}% of buyers) "
        "and test-market to the rest ({test_clusters})",
    },
    "action.drilldown.all": {
        "ko": "군집 {promote_clusters}({promote_pct:.1f}%)에 {model} 프로모션 집중",
        "en": "Promote {model} to cluster(s) {promote_clusters} ({promote_pct:.1f}% of buyers)",
    },
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
    """The DEALER_STRINGS key that `render` uses for `insight` ('insight' or 'action')."""
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
    return _t(template_key(insight, part), lang, **_display(insight.values, lang))
