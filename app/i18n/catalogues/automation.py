"""Texts of the automation area: reports, e-mails, schedules and data upload.

AUTOMATION_STRINGS is data: `app.i18n` merges it into the one catalogue.
"""

from __future__ import annotations

AUTOMATION_STRINGS: dict[str, dict[str, str]] = {
    # --- report ---------------------------------------------------------------------------
    "report.title": {
        "ko": "CarSight 판매 전략 보고서",
        "en": "CarSight sales strategy report",
    },
    "report.subtitle": {
        "ko": "브랜드 {brand} · 시장 {market} · 기간 {period} · 데이터 출처 {source}",
        "en": "Brand {brand} · market {market} · period {period} · source {source}",
    },
    "report.generated": {"ko": "작성 {when}", "en": "Generated {when}"},
    "report.period.all": {"ko": "전체 기간", "en": "all months"},
    "report.market.auto": {
        "ko": "{market} (판매 최대 시장)",
        "en": "{market} (largest market)",
    },
    "report.kpis": {"ko": "1. 핵심 지표와 전년 대비", "en": "1. Key figures and year-over-year"},
    "report.kpis.hint": {
        "ko": "전년 대비는 두 해 모두 보고된 달만 비교합니다 (보고되지 않은 달은 0이 아니라 없음).",
        "en": "Year-over-year compares only months reported in both years (an unreported "
        "month is missing, never zero).",
    },
    "report.top_models": {"ko": "2. 시장별 상위 모델", "en": "2. Top models per market"},
    "report.deviation": {
        "ko": "3. {market}: 전체 시장 대비 편차",
        "en": "3. {market}: deviation from the global mix",
    },
    "report.heatmap": {"ko": "4. 다중 시장 히트맵", "en": "4. Multi-market heatmap"},
    "report.forecast": {
        "ko": "5. 수요 예측과 백테스트 품질",
        "en": "5. Forecast and backtest quality",
    },
    "report.forecast.series": {
        "ko": "계열 {series} · 선택 모델 {model} · 80% 구간",
        "en": "Series {series} · chosen model {model} · 80% interval",
    },
    "report.forecast.none": {
        "ko": "저장된 예측이 없습니다. `carsight forecast`를 실행하세요.",
        "en": "No stored forecast. Run `carsight forecast`.",
    },
    "report.forecast.quarters": {"ko": "분기별 예측", "en": "Forecast per quarter"},
    "report.forecast.accuracy": {
        "ko": "이 계열의 백테스트 정확도 (최근 기준 시점)",
        "en": "Backtest accuracy of this series (latest cutoff)",
    },
    "report.forecast.leaderboard": {
        "ko": "모델별 백테스트 순위 (MASE 중앙값, 1 미만이면 계절 나이브보다 우수)",
        "en": "Backtest leaderboard (median MASE; below 1 beats seasonal naive)",
    },
    "report.segments": {
        "ko": "6. 고객 세그먼트와 고객 유형 구성",
        "en": "6. Segment and customer-type mix",
    },
    "report.segments.none": {
        "ko": "세분화 모델이 아직 학습되지 않았습니다. `carsight train`을 실행하세요.",
        "en": "The segmentation has not been trained yet. Run `carsight train`.",
    },
    "report.recommendations": {
        "ko": "7. {market} 추천",
        "en": "7. Recommendations for {market}",
    },
    "report.sheet.kpis": {"ko": "핵심 지표", "en": "KPIs"},
    "report.sheet.top_models": {"ko": "시장별 상위 모델", "en": "Top models"},
    "report.sheet.deviation": {"ko": "편차", "en": "Deviation"},
    "report.sheet.heatmap": {"ko": "히트맵", "en": "Heatmap"},
    "report.sheet.forecast": {"ko": "예측", "en": "Forecast"},
    "report.sheet.forecast_quarters": {"ko": "분기별 예측", "en": "Forecast quarters"},
    "report.sheet.forecast_accuracy": {"ko": "예측 정확도", "en": "Forecast accuracy"},
    "report.sheet.leaderboard": {"ko": "모델 순위", "en": "Leaderboard"},
    "report.sheet.segments": {"ko": "세그먼트", "en": "Segments"},
    "report.sheet.clusters": {"ko": "고객 유형", "en": "Customer types"},
    "report.sheet.recommendations": {"ko": "추천", "en": "Recommendations"},
    "kpi.units": {"ko": "판매 대수", "en": "Units"},
    "kpi.revenue_krw": {"ko": "매출 (원)", "en": "Revenue (KRW)"},
    "kpi.markets": {"ko": "판매 시장 수", "en": "Markets with sales"},
    "kpi.models": {"ko": "판매 모델 수", "en": "Models sold"},
    "col.metric": {"ko": "지표", "en": "Metric"},
    "col.value": {"ko": "기간 값", "en": "Period value"},
    "col.value_compared": {"ko": "비교 월 값", "en": "Value, compared months"},
    "col.previous": {"ko": "전년 동월 값", "en": "Same months a year earlier"},
    "col.yoy_pct": {"ko": "전년 대비 (%)", "en": "Year-over-year (%)"},
    "col.months_reported": {"ko": "보고 월 수", "en": "Months reported"},
    "col.months_compared": {"ko": "비교 월 수", "en": "Months compared"},
    "col.kind": {"ko": "구분", "en": "Kind"},
    "col.text": {"ko": "내용", "en": "Text"},
}
