"""Sentences of the global strategy page's recommendations and deviation lists (data
only: `app.i18n` merges it; `app.i18n.global_strategy` renders them).

Every template is a `str.format` template over the keys of
`Recommendation.values` (or of a deviation row) only, so a sentence can hold no
number that was not computed. Counts like "3 months" are values too
(`window_months`).
"""

_EXPAND_KO = (
    "{model} — 지역 평균보다 {deviation_pp:+.1f}%p 높고(점유율 {share_market_pct:.1f}%, "
    "전체 시장 {share_all_pct:.1f}%) "
)
_EXPAND_EN = (
    "{model} — {deviation_pp:+.1f}pp above the all-market average (share "
    "{share_market_pct:.1f}% vs {share_all_pct:.1f}% across all markets) "
)

STRATEGY_STRINGS: dict[str, dict[str, str]] = {
    "gs.heatmap.pick": {
        "ko": "히트맵에 표시할 시장을 하나 이상 고르세요",
        "en": "Choose at least one market for the heatmap",
    },
    # Section titles
    "rec.title": {"ko": "추천", "en": "Recommendations"},
    "rec.expand.title": {"ko": "생산·재고 배정 확대", "en": "Expand production / stock allocation"},
    "rec.promote.title": {"ko": "프로모션 우선 투입", "en": "Promotion priority"},
    "rec.thin_sample.title": {
        "ko": "표본 부족: 추세 판단 보류",
        "en": "Too few sales to judge the trend",
    },
    "rec.test_marketing.title": {
        "ko": "테스트 마케팅·비교 광고",
        "en": "Test marketing / comparison advertising",
    },
    "rec.competitor.title": {"ko": "경쟁 모델", "en": "Competitor context"},
    "rec.none": {
        "ko": "이 조건에서 해당하는 추천이 없습니다",
        "en": "No recommendation for this selection",
    },
    # Recommendations (variant chosen by `render`)
    "rec.expand.yoy": {
        "ko": _EXPAND_KO + "최근 {window_months}개월({end_month}까지) {last3:,}대로 전년 동기 "
        "{base3:,}대보다 {change_pct:+.1f}% 성장: 생산·재고 배정 확대",
        "en": _EXPAND_EN + "and {change_pct:+.1f}% in the last {window_months} months "
        "(to {end_month}: {last3:,} vs {base3:,} a year earlier): expand production "
        "and stock allocation",
    },
    "rec.expand.prev3": {
        "ko": _EXPAND_KO + "최근 {window_months}개월({end_month}까지) {last3:,}대로 직전 "
        "{window_months}개월 {base3:,}대보다 {change_pct:+.1f}% 성장: 생산·재고 배정 확대",
        "en": _EXPAND_EN + "and {change_pct:+.1f}% in the last {window_months} months "
        "(to {end_month}: {last3:,} vs {base3:,} in the {window_months} before): "
        "expand production and stock allocation",
    },
    "rec.promote.yoy": {
        "ko": "{model} — 지역 평균보다 {deviation_pp:+.1f}%p 높지만 최근 {window_months}개월"
        "({end_month}까지) {last3:,}대로 전년 동기 {base3:,}대 대비 {change_pct:+.1f}%: "
        "프로모션 우선 투입",
        "en": "{model} — {deviation_pp:+.1f}pp above the all-market average but "
        "{change_pct:+.1f}% in the last {window_months} months (to {end_month}: "
        "{last3:,} vs {base3:,} a year earlier): promotion priority",
    },
    "rec.promote.prev3": {
        "ko": "{model} — 지역 평균보다 {deviation_pp:+.1f}%p 높지만 최근 {window_months}개월"
        "({end_month}까지) {last3:,}대로 직전 {window_months}개월 {base3:,}대 대비 "
        "{change_pct:+.1f}%: 프로모션 우선 투입",
        "en": "{model} — {deviation_pp:+.1f}pp above the all-market average but "
        "{change_pct:+.1f}% in the last {window_months} months (to {end_month}: "
        "{last3:,} vs {base3:,} in the {window_months} before): promotion priority",
    },
    "rec.thin_sample.yoy": {
        "ko": "{model} — 지역 평균보다 {deviation_pp:+.1f}%p 높음. 최근 {window_months}개월"
        "({end_month}까지) {last3:,}대, 전년 동기 {base3:,}대: 표본 부족(비교 기간마다 "
        "{min_units}대 이상 필요), 추세 조언 없음",
        "en": "{model} — {deviation_pp:+.1f}pp above the all-market average. Last "
        "{window_months} months (to {end_month}): {last3:,} vs {base3:,} a year earlier: "
        "too few sales to judge (each period needs {min_units}+), no trend advice",
    },
    "rec.thin_sample.prev3": {
        "ko": "{model} — 지역 평균보다 {deviation_pp:+.1f}%p 높음. 최근 {window_months}개월"
        "({end_month}까지) {last3:,}대, 직전 {window_months}개월 {base3:,}대: 표본 부족"
        "(비교 기간마다 {min_units}대 이상 필요), 추세 조언 없음",
        "en": "{model} — {deviation_pp:+.1f}pp above the all-market average. Last "
        "{window_months} months (to {end_month}): {last3:,} vs {base3:,} in the "
        "{window_months} before: too few sales to judge (each period needs {min_units}+), "
        "no trend advice",
    },
    "rec.test_marketing": {
        "ko": "{model} — 전체 시장 판매 {global_rank}위(점유율 {share_all_pct:.1f}%)지만 이 시장 "
        "점유율은 {share_market_pct:.1f}%로 지역 평균보다 {gap_pp:.1f}%p 낮음: "
        "테스트 마케팅·비교 광고 검토",
        "en": "{model} — #{global_rank} across all markets (share {share_all_pct:.1f}%) but "
        "{share_market_pct:.1f}% here, {gap_pp:.1f}pp below the all-market average: "
        "consider test marketing or comparison advertising",
    },
    "rec.test_marketing.absent": {
        "ko": "{model} — 전체 시장 판매 {global_rank}위({units_all:,}대, 점유율 "
        "{share_all_pct:.1f}%)지만 이 시장 판매 없음: 테스트 마케팅·비교 광고 검토",
        "en": "{model} — #{global_rank} across all markets ({units_all:,} vehicles, share "
        "{share_all_pct:.1f}%) but no sales here: consider test marketing or "
        "comparison advertising",
    },
    "rec.competitor": {
        "ko": "{competitor}({competitor_brand}, {segment}) — {year}년 {competitor_units:,}대, "
        "이 시장 경쟁 모델 {rank}위. 맞설 우리 모델: {our_model}(같은 {year}년 "
        "{our_units:,}대)",
        "en": "{competitor} ({competitor_brand}, {body_type}) — {competitor_units:,} vehicles "
        "in {year}, #{rank} competitor model here. Our model against it: {our_model} "
        "({our_units:,} in {year})",
    },
    "rec.competitor.partial": {
        "ko": "{competitor}({competitor_brand}, {segment}) — {year}년 첫 {months}개월"
        "(부분 연도) {competitor_units:,}대, 이 시장 경쟁 모델 {rank}위. 맞설 우리 모델: "
        "{our_model}(같은 {months}개월 {our_units:,}대, 같은 달끼리 비교)",
        "en": "{competitor} ({competitor_brand}, {body_type}) — {competitor_units:,} vehicles "
        "in the first {months} month(s) of {year} (a partial year), #{rank} competitor model "
        "here. Our model against it: {our_model} ({our_units:,} in the same months)",
    },
    "rec.competitor.none": {
        "ko": "{competitor}({competitor_brand}, {segment}) — {year}년 {competitor_units:,}대, "
        "이 시장 경쟁 모델 {rank}위. {year}년 이 시장에서 판매한 같은 차종의 우리 모델 없음",
        "en": "{competitor} ({competitor_brand}, {body_type}) — {competitor_units:,} vehicles "
        "in {year}, #{rank} competitor model here. We sold no {body_type} here in {year}",
    },
    "rec.competitor.none.partial": {
        "ko": "{competitor}({competitor_brand}, {segment}) — {year}년 첫 {months}개월"
        "(부분 연도) {competitor_units:,}대, 이 시장 경쟁 모델 {rank}위. 같은 달에 이 시장에서 "
        "판매한 같은 차종의 우리 모델 없음",
        "en": "{competitor} ({competitor_brand}, {body_type}) — {competitor_units:,} vehicles "
        "in the first {months} month(s) of {year} (a partial year), #{rank} competitor model "
        "here. We sold no {body_type} here in those months",
    },
    # Deviation lists (rendered by `render_deviation`)
    "deviation.strong.title": {
        "ko": "이 시장에서 특히 강한 모델",
        "en": "Particularly strong here",
    },
    "deviation.untapped.title": {"ko": "공략 여지가 큰 모델", "en": "Untapped here"},
    "deviation.strong": {
        "ko": "{model} — 지역 평균보다 {deviation_pp:.1f}%p 높음",
        "en": "{model} — {deviation_pp:.1f}pp above the all-market average",
    },
    "deviation.untapped": {
        "ko": "{model} — 지역 평균보다 {gap_pp:.1f}%p 낮음",
        "en": "{model} — {gap_pp:.1f}pp below the all-market average",
    },
    # Production priority and stock cover
    "priority.title": {"ko": "생산 우선순위", "en": "Production priority"},
    "priority.weights": {"ko": "가중치", "en": "Weights"},
    "priority.volume": {"ko": "판매량", "en": "Volume"},
    "priority.momentum": {"ko": "성장세", "en": "Momentum"},
    "priority.revenue": {"ko": "매출", "en": "Revenue"},
    "priority.score": {"ko": "점수", "en": "Score"},
    "priority.rank": {"ko": "순위", "en": "Rank"},
    "stock.title": {"ko": "재고 주수 계획", "en": "Stock-weeks planner"},
    "stock.stock": {"ko": "현재 재고", "en": "Current stock"},
    "stock.avg_weekly_units": {"ko": "주평균 판매", "en": "Average weekly sales"},
    "stock.weeks_of_cover": {"ko": "재고 주수", "en": "Weeks of cover"},
    "stock.urgent": {"ko": "긴급", "en": "Urgent"},
    "stock.adequate": {"ko": "적정", "en": "Adequate"},
    "stock.excess": {"ko": "과잉", "en": "Excess"},
    "stock.no_sales": {"ko": "판매 없음", "en": "No sales"},
}
