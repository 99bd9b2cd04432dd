"""Texts of the dealer page: segment names and actions, persona names and insights (data
only: `app.i18n` merges DEALER_STRINGS; `app.i18n.dealer` renders them).

Every template is a `str.format` template over the `values` of the structured
object it renders (an `analytics.insights.Insight`, a persona part), so a
sentence can hold no number that was not computed.
"""

SEPARATOR = " · "

# Vocabulary for values that appear inside sentences (Korean data values -> English).
BODY_EN = {"SUV": "SUV", "세단": "sedan", "해치백": "hatchback", "픽업트럭": "pickup"}
SEGMENT_EN = {"VIP": "VIP", "일반": "regular", "신규": "new", "이탈가능": "at risk"}
POWERTRAIN_KO = {
    "ICE": "내연기관",
    "HEV": "하이브리드",
    "PHEV": "플러그인 하이브리드",
    "EV": "전기차",
    "FCEV": "수소전기차",
}
POWERTRAIN_EN = {
    "ICE": "combustion",
    "HEV": "hybrid",
    "PHEV": "plug-in hybrid",
    "EV": "electric",
    "FCEV": "fuel-cell",
}
GENDER = {"M": {"ko": "남성", "en": "men"}, "F": {"ko": "여성", "en": "women"}}

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
