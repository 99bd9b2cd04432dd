"""Texts of the dealer page: segment names and actions, persona names and insights (data
only: `app.i18n` merges DEALER_STRINGS; `app.i18n.dealer` renders them).

Every template is a `str.format` template over the `values` of the structured
object it renders (an `analytics.insights.Insight`, a persona part), so a
sentence can hold no number that was not computed.
"""

SEPARATOR = " · "

# Vocabulary for values that appear inside sentences (Korean data values -> English).
BODY_EN = {
    "SUV": "SUV", "세단": "sedan", "해치백": "hatchback", "픽업트럭": "pickup",
    # the model catalogue's other body types (warehouse.catalogue.BODY_TYPES)
    "MPV": "MPV", "트럭": "truck", "밴": "van", "버스": "bus",
}  # fmt: skip
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
    "fig.rfm.missing": {
        "ko": "{scores}: 해당 고객 없음 (같은 구매 횟수는 같은 점수)",
        "en": "{scores}: no customers (equal purchase counts share a score)",
    },
    # segment names
    "segment.VIP": {"ko": "VIP", "en": "VIP"},
    "segment.일반": {"ko": "일반", "en": "Regular"},
    "segment.신규": {"ko": "신규", "en": "New"},
    "segment.이탈가능": {"ko": "이탈가능", "en": "At risk"},
    "persona.age": {"ko": "{age}대", "en": "{age}s"},
    # descriptive segment names (analytics.segments.rfm.descriptive_name) in English
    "segment.word.one_time": {"ko": "1회", "en": "one-time"},
    "segment.word.repeat": {"ko": "재구매", "en": "repeat"},
    "segment.word.high": {"ko": "고액", "en": "high-spend"},
    "segment.word.mid": {"ko": "중간 금액", "en": "mid-spend"},
    "segment.word.low": {"ko": "소액", "en": "low-spend"},
    "segment.word.lapsed": {"ko": "장기 미구매", "en": "lapsed"},
    "segment.word.recent": {"ko": "최근", "en": "recent"},
    "segment.descriptive": {"ko": "{words} 구매", "en": "{words} buyers"},
    # persona parts (analytics.segments.clusters.persona_traits: what sets a cluster apart)
    "persona.body": {"ko": "{body} 선호", "en": "prefers {body}"},
    "persona.market": {"ko": "{market} 고객 중심", "en": "mostly {market}"},
    "persona.trait.older": {"ko": "고연령층", "en": "older"},
    "persona.trait.younger": {"ko": "젊은 층", "en": "younger"},
    "persona.trait.high_spend": {"ko": "고액 구매", "en": "high spend"},
    "persona.trait.budget": {"ko": "실속 구매", "en": "budget"},
    "persona.trait.repeat": {"ko": "재구매 고객", "en": "repeat buyers"},
    "persona.trait.one_time": {"ko": "1회 구매 위주", "en": "mostly one-time buyers"},
    "persona.trait.lapsed": {"ko": "장기 미구매", "en": "lapsed"},
    "persona.trait.recent": {"ko": "최근 구매", "en": "recent buyers"},
    "persona.trait.women": {"ko": "여성 비중 높음", "en": "more women"},
    "persona.trait.men": {"ko": "남성 비중 높음", "en": "more men"},
    "persona.trait.eco": {"ko": "친환경차 선호", "en": "eco-minded"},
    "persona.trait.no_eco": {"ko": "내연기관 위주", "en": "mostly combustion cars"},
    "persona.trait.online": {"ko": "온라인 구매 위주", "en": "mostly online"},
    "persona.trait.offline": {"ko": "매장 구매 위주", "en": "mostly in store"},
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
    "insight.segment.descriptive": {
        "ko": "{segment} — {customers:,}명({customer_share_pct:.1f}%), 평균 구매 {frequency:.1f}회"
        " · 평균 거래 {amount_mkrw:,.1f}백만원 · 마지막 구매 후 평균 {recency_days:,}일, 매출 비중 "
        "{revenue_share_pct:.1f}% (네 이름의 조건을 만족하지 않아 특성대로 이름 붙임)",
        "en": "{segment} — {customers:,} customers ({customer_share_pct:.1f}%), "
        "{frequency:.1f} purchases and {amount_mkrw:,.1f}M KRW on average, {recency_days:,} "
        "days since the last purchase, {revenue_share_pct:.1f}% of revenue (named by what it "
        "is: it meets none of the four names' conditions)",
    },
    "action.segment.descriptive.lapsed": {
        "ko": "재구매 할인·점검 쿠폰으로 복귀 유도(윈백 캠페인)",
        "en": "Win back: repurchase discount and service coupons",
    },
    "action.segment.descriptive.one_time": {
        "ko": "첫 차 만족도 관리와 두 번째 구매 혜택(보상 판매·재구매 할인)",
        "en": "Care for the first car and a second-purchase offer (trade-in, loyalty discount)",
    },
    "action.segment.descriptive.repeat": {
        "ko": "재구매 감사 혜택과 멤버십 등급 관리",
        "en": "Reward repeat purchases: loyalty benefits and membership tiers",
    },
    "action.segment.descriptive.high": {
        "ko": "상위 트림·프리미엄 케어 제안",
        "en": "Offer higher trims and premium care",
    },
    "action.segment.descriptive.mid": {
        "ko": "옵션 패키지 업셀과 교차 판매",
        "en": "Upsell option packages; cross-sell",
    },
    "action.segment.descriptive.low": {
        "ko": "실속 트림·금융 혜택 제안",
        "en": "Offer value trims and financing",
    },
    # segment names and their conditions (analytics.segments.rfm.naming_report)
    "dealer.naming.intro": {
        "ko": "학습 시점의 브랜드 전체 고객 기준입니다. 기준값: 최근성(마지막 구매 후 일수) "
        "중앙값 {r_med:,.0f}일, 75백분위 {r_p75:,.0f}일 · 구매 횟수 75백분위 {f_p75:.1f}회 · "
        "거래 금액 중앙값 {m_med:,.1f}백만원 · 고객 가치(금액×구매) 75백분위 {v_p75:,.1f}백만원. "
        "이름은 조건을 만족하는 군집에만 붙습니다.",
        "en": "All of the brand's customers at training. Thresholds: recency (days since the "
        "last purchase) median {r_med:,.0f} days, 75th percentile {r_p75:,.0f} days · "
        "purchases 75th percentile {f_p75:.1f} · amount median {m_med:,.1f}M KRW · customer "
        "value (amount × purchases) 75th percentile {v_p75:,.1f}M KRW. A name is given only "
        "to a cluster that meets its condition.",
    },
    "dealer.naming.col.name": {"ko": "이름", "en": "Name"},
    "dealer.naming.col.condition": {"ko": "조건", "en": "Condition"},
    "dealer.naming.col.cluster": {"ko": "해당 군집", "en": "Cluster"},
    "dealer.naming.col.measured": {"ko": "측정값", "en": "Measured"},
    "dealer.naming.col.result": {"ko": "결과", "en": "Result"},
    "dealer.naming.met": {"ko": "충족", "en": "met"},
    "dealer.naming.unmet": {"ko": "해당 군집 없음", "en": "no cluster"},
    "dealer.naming.bearer": {
        "ko": "{segment} ({customers:,}명)",
        "en": "{segment} ({customers:,} customers)",
    },
    "dealer.naming.closest": {"ko": "가장 가까운 군집: {segment}", "en": "closest: {segment}"},
    "dealer.naming.why": {
        "ko": "'{name}' 조건을 만족하는 군집이 없습니다. 가장 가까운 군집은 '{shown}'(으)로 "
        "표시합니다: {failed}.",
        "en": "No cluster meets the '{name}' condition, so the closest one is shown as "
        "'{shown}': {failed}.",
    },
    "dealer.naming.condition.VIP": {
        "ko": "평균 구매 횟수 ≥ 75백분위, 가치(금액×구매) ≥ 고객 가치 75백분위, "
        "평균 최근성 ≤ 75백분위",
        "en": "mean purchases ≥ 75th percentile, value (amount × purchases) ≥ the customers' "
        "75th percentile, mean recency ≤ 75th percentile",
    },
    "dealer.naming.condition.일반": {
        "ko": "평균 최근성 ≤ 75백분위, 평균 구매 횟수가 최저 군집보다 많고 75백분위 미만",
        "en": "mean recency ≤ 75th percentile, mean purchases above the lowest cluster's and "
        "below the 75th percentile",
    },
    "dealer.naming.condition.신규": {
        "ko": "고객의 2/3 이상이 최근성 중앙값 이내에 구매, 평균 구매 횟수가 가장 적음",
        "en": "at least 2/3 of its customers bought within the median recency, and the "
        "fewest mean purchases",
    },
    "dealer.naming.condition.이탈가능": {
        "ko": "평균 최근성 > 75백분위",
        "en": "mean recency > 75th percentile",
    },
    "dealer.naming.check.recency_above_p75": {
        "ko": "평균 최근성 {value:,.0f}일 > {threshold:,.0f}일",
        "en": "mean recency {value:,.0f} days > {threshold:,.0f}",
    },
    "dealer.naming.check.recency_at_most_p75": {
        "ko": "평균 최근성 {value:,.0f}일 ≤ {threshold:,.0f}일",
        "en": "mean recency {value:,.0f} days ≤ {threshold:,.0f}",
    },
    "dealer.naming.check.frequency_at_least_p75": {
        "ko": "평균 구매 {value:.2f}회 ≥ {threshold:.1f}회",
        "en": "mean purchases {value:.2f} ≥ {threshold:.1f}",
    },
    "dealer.naming.check.frequency_below_p75": {
        "ko": "평균 구매 {value:.2f}회 < {threshold:.1f}회",
        "en": "mean purchases {value:.2f} < {threshold:.1f}",
    },
    "dealer.naming.check.frequency_lowest": {
        "ko": "평균 구매 {value:.2f}회 = 최저 {threshold:.2f}회",
        "en": "mean purchases {value:.2f} = lowest {threshold:.2f}",
    },
    "dealer.naming.check.frequency_above_lowest": {
        "ko": "평균 구매 {value:.2f}회 > 최저 {threshold:.2f}회",
        "en": "mean purchases {value:.2f} > lowest {threshold:.2f}",
    },
    "dealer.naming.check.value_at_least_p75": {
        "ko": "가치(평균 금액×평균 구매) {value:,.1f}백만원 ≥ {threshold:,.1f}백만원",
        "en": "value (mean amount × mean purchases) {value:,.1f}M KRW ≥ {threshold:,.1f}M",
    },
    "dealer.naming.check.recent_share_at_least": {
        "ko": "중앙값 이내 구매 비중 {value:.0%} ≥ {threshold:.0%}",
        "en": "share within the median recency {value:.0%} ≥ {threshold:.0%}",
    },
    "dealer.naming.holds": {"ko": "✓", "en": "✓"},
    "dealer.naming.fails": {"ko": "✗ 미충족", "en": "✗ not met"},
    # agreement with the R rfm package (analytics.segments.rfm_package)
    "dealer.package.intro": {
        "ko": "같은 고객을 R rfm 패키지의 점수 규칙(5분위 점수, 소개 문서의 세그먼트 표)으로 나눈 "
        "결과와 비교합니다(학습 시점, 브랜드 전체). 대응 이름이 있는 고객 {compared:,}명 중 "
        "{agreement_pct:.1f}%가 일치합니다.",
        "en": "The same customers split by the R rfm package's score rules (quintile scores, "
        "the segment table of its introduction), at training, whole brand. Of the "
        "{compared:,} customers with a counterpart on both sides, {agreement_pct:.1f}% agree.",
    },
    "dealer.package.col.segment": {"ko": "우리 세그먼트", "en": "Our segment"},
    "dealer.package.col.customers": {"ko": "고객 수", "en": "Customers"},
    "dealer.package.col.agree": {"ko": "일치 비율", "en": "Agreeing"},
    "dealer.package.col.top": {"ko": "가장 많은 rfm 세그먼트", "en": "Most common rfm segment"},
    "dealer.package.crosstab": {
        "ko": "교차표 (고객 수): 행 = 우리 세그먼트, 열 = rfm 패키지 세그먼트",
        "en": "Cross table (customers): rows = our segment, columns = rfm package segment",
    },
    "dealer.package.maps_to": {"ko": "대응: {segment}", "en": "counterpart: {segment}"},
    "rfm_package.Champions": {"ko": "Champions(챔피언)", "en": "Champions"},
    "rfm_package.Potential Loyalist": {
        "ko": "Potential Loyalist(잠재 충성)",
        "en": "Potential Loyalist",
    },
    "rfm_package.Loyal Customers": {"ko": "Loyal Customers(충성)", "en": "Loyal Customers"},
    "rfm_package.Promising": {"ko": "Promising(유망)", "en": "Promising"},
    "rfm_package.New Customers": {"ko": "New Customers(신규)", "en": "New Customers"},
    "rfm_package.Can't Lose Them": {
        "ko": "Can't Lose Them(놓치면 안 될 고객)",
        "en": "Can't Lose Them",
    },
    "rfm_package.At Risk": {"ko": "At Risk(위험)", "en": "At Risk"},
    "rfm_package.Need Attention": {"ko": "Need Attention(관심 필요)", "en": "Need Attention"},
    "rfm_package.About To Sleep": {"ko": "About To Sleep(휴면 직전)", "en": "About To Sleep"},
    "rfm_package.Lost": {"ko": "Lost(이탈)", "en": "Lost"},
    "rfm_package.Others": {"ko": "Others(기타)", "en": "Others"},
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
