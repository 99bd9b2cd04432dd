"""Texts of the forecast page (수요 예측) (data only: `app.i18n` merges it;
`app.i18n.forecast` renders the generated summary)."""

FORECAST_STRINGS: dict[str, dict[str, str]] = {
    "fc.title": {"ko": "수요 예측", "en": "Demand forecast"},
    "fc.brand": {"ko": "브랜드", "en": "Brand"},
    "fc.flow": {"ko": "데이터 흐름", "en": "Flow"},
    "fc.market": {"ko": "시장", "en": "Market"},
    "fc.item": {"ko": "모델 / 공장", "en": "Model / plant"},
    "fc.market.total": {"ko": "전체 시장 (합계)", "en": "All markets (total)"},
    "fc.item.total": {"ko": "전체 (합계)", "en": "All (total)"},
    "fc.item.plant": {"ko": "공장 {plant}", "en": "Plant {plant}"},
    "fc.copy_hint": {
        "ko": "선택한 시리즈는 주소(URL)에 저장됩니다. "
        "주소를 복사하면 같은 화면을 다시 열 수 있습니다.",
        "en": "The chosen series is kept in the address (URL): copy it to reopen this view.",
    },
    "fc.url.unavailable": {
        "ko": "주소의 매개변수 '{param}' 값 '{value}'은(는) 저장된 예측에 없어 "
        "{fallback}(으)로 표시합니다.",
        "en": "URL parameter '{param}' value '{value}' is not in the stored forecast; "
        "showing {fallback} instead.",
    },
    "fc.stale": {
        "ko": "저장된 예측은 이전 데이터로 계산되었습니다 (그 뒤 데이터가 다시 빌드되었습니다). "
        "현재 데이터로 예측하려면 `carsight forecast`를 다시 실행하세요.",
        "en": "The stored forecast was computed from earlier data (the warehouse has been "
        "rebuilt since). Run `carsight forecast` again to forecast the current data.",
    },
    "fc.no_run": {
        "ko": "저장된 예측 결과가 없습니다. `carsight forecast`를 실행하세요.",
        "en": "No stored forecast yet. Run `carsight forecast`.",
    },
    "fc.no_data": {
        "ko": "이 시리즈에는 예측 또는 실적 데이터가 없습니다. 다른 시리즈를 선택하세요.",
        "en": "This series has no forecast or actuals. Choose another series.",
    },
    "fc.run": {
        "ko": "예측 실행 {run_id} · {finished} 완료 · {n_series}개 시리즈 · 예측 기간 {horizon}개월"
        " · 소요 {seconds:.0f}초",
        "en": "Forecast run {run_id} · finished {finished} · {n_series} series · horizon "
        "{horizon} months · took {seconds:.0f} s",
    },
    "fc.series_info": {
        "ko": "실적 {n_months}개월 ({first}–{last}) · 선택 모델: {chosen}",
        "en": "{n_months} months of actuals ({first}–{last}) · chosen model: {chosen}",
    },
    # flows
    "fc.flow.region_export": {"ko": "지역별 수출", "en": "Exports by region"},
    "fc.flow.export_sales": {"ko": "모델별 수출", "en": "Exports by model"},
    "fc.flow.domestic_sales": {"ko": "국내 판매", "en": "Domestic sales"},
    "fc.flow.overseas_retail": {"ko": "해외 소매", "en": "Overseas retail"},
    "fc.flow.overseas_plant_sales": {"ko": "해외 공장 판매", "en": "Overseas-plant sales"},
    "fc.flow.eu_retail": {"ko": "유럽 소매", "en": "EU retail"},
    "fc.flow.ckd_export": {"ko": "CKD 수출", "en": "CKD exports"},
    "fc.flow.all": {"ko": "전체 흐름", "en": "All flows"},
    # models
    "fc.model.selected": {"ko": "선택 모델", "en": "Selected model"},
    "fc.model.ensemble": {"ko": "앙상블", "en": "Ensemble"},
    "fc.model.lightgbm": {"ko": "LightGBM", "en": "LightGBM"},
    "fc.model.prophet": {"ko": "Prophet", "en": "Prophet"},
    "fc.model.seasonal_naive": {"ko": "계절 나이브 (기준)", "en": "Seasonal naive (baseline)"},
    # chart
    "fc.chart.title": {"ko": "월별 실적과 예측", "en": "Monthly actuals and forecast"},
    "fc.chart.hint": {
        "ko": "범례나 아래 체크박스로 모델을 켜고 끕니다. 음영은 띠 모델의 80% 예측 구간입니다. "
        "실적이 없는 달은 0이 아니라 빈칸으로 표시됩니다.",
        "en": "Toggle models in the legend or the checklist. The shaded band is the 80% "
        "interval of the band model. Unreported months are gaps, never zero.",
    },
    "fc.models": {"ko": "표시할 모델", "en": "Models shown"},
    "fc.band": {"ko": "80% 구간·요약·분기표 모델", "en": "Model for band, summary and quarters"},
    "fc.backtest": {"ko": "백테스트 예측 vs 실적 보기", "en": "Show backtest forecasts vs actuals"},
    "fc.trace.actual": {"ko": "실적", "en": "Actuals"},
    "fc.trace.band": {"ko": "80% 구간 ({model})", "en": "80% interval ({model})"},
    "fc.trace.backtest": {"ko": "백테스트 예측 ({model})", "en": "Backtest forecasts ({model})"},
    "fc.trace.cutoff": {"ko": "{cutoff}까지 학습", "en": "trained to {cutoff}"},
    "fc.trace.bottom_up": {"ko": "부분 합계 ({model})", "en": "Sum of the parts ({model})"},
    "fc.forecast_start": {"ko": "예측 시작", "en": "Forecast starts"},
    "fc.axis.month": {"ko": "월", "en": "Month"},
    "fc.axis.units": {"ko": "대수", "en": "Vehicles"},
    "fc.as_table": {"ko": "표로 보기", "en": "Show as a table"},
    "fc.png_hint": {
        "ko": "차트 오른쪽 위 카메라 아이콘으로 PNG를 저장할 수 있습니다.",
        "en": "Save the chart as PNG with the camera icon at its top right.",
    },
    # summary
    "fc.summary.title": {"ko": "요약", "en": "Summary"},
    "fc.summary.head": {
        "ko": "향후 {months}개월({start}–{end}) {model} 예측 합계 {total:,.0f}대 "
        "(80% 구간 {lower:,.0f}–{upper:,.0f}대).",
        "en": "Next {months} months ({start}–{end}): {model} forecasts {total:,.0f} vehicles "
        "(80% interval {lower:,.0f}–{upper:,.0f}).",
    },
    "fc.summary.yoy": {
        "ko": "전년 같은 기간({base:,.0f}대) 대비 {change:+.1f}% {direction} 예상, "
        "80% 구간 {change_lower:+.1f}% ~ {change_upper:+.1f}%.",
        "en": "That is {change:+.1f}% versus the same months a year earlier ({base:,.0f}), "
        "80% interval {change_lower:+.1f}% to {change_upper:+.1f}%.",
    },
    "fc.summary.no_yoy": {
        "ko": "전년 같은 달의 실적이 모두 보고되지 않아 전년 대비 변화는 계산하지 않았습니다.",
        "en": "Not every month a year earlier is reported, so no year-on-year change is given.",
    },
    "fc.summary.recent": {
        "ko": "예측 월평균 {mean:,.0f}대는 최근 12개월 월평균({recent:,.0f}대, 보고된 {n}개월) "
        "대비 {change:+.1f}%입니다.",
        "en": "The forecast monthly mean of {mean:,.0f} is {change:+.1f}% versus the mean of "
        "the last 12 months ({recent:,.0f}, {n} months reported).",
    },
    "fc.summary.accuracy": {
        "ko": "최근 검증 구간(모델 선택에 쓰이지 않은 구간)의 MASE는 이 모델 {mase:.2f}, "
        "계절 나이브 {naive:.2f}로 {verdict}.",
        "en": "On the latest cutoff (never used to choose the model) this model's MASE is "
        "{mase:.2f} against {naive:.2f} for seasonal naive: {verdict}.",
    },
    "fc.summary.typical": {
        "ko": "백테스트에서 이 모델은 보통 ±{error:,.0f}대/월 빗나갔습니다 "
        "(검증 {months}개월의 오차 중앙값).",
        "en": "In the backtest this model was typically ±{error:,.0f} units/month off "
        "(median error over {months} months).",
    },
    "fc.summary.unvalidated": {
        "ko": "{first} 이후({horizon}개월 앞 이후)는 백테스트로 검증되지 않은 예측입니다.",
        "en": "Months from {first} on (beyond {horizon} months ahead) were not validated "
        "by the backtest.",
    },
    "fc.unvalidated": {
        "ko": "미검증 ({horizon}개월 앞 이후)",
        "en": "Not validated (beyond {horizon} months ahead)",
    },
    "fc.rule.flow_default": {"ko": "흐름 기본값", "en": "flow default"},
    "fc.rule.series_evidence": {"ko": "시리즈 근거", "en": "series evidence"},
    "fc.rule.no_history": {"ko": "이력 없음", "en": "no history"},
    "fc.metrics.coverage_by_horizon": {
        "ko": "예측 시차별 80% 구간 적중률 (목표 0.80)",
        "en": "80% interval coverage by horizon (target 0.80)",
    },
    "fc.metrics.width_by_horizon": {
        "ko": "예측 시차별 80% 구간 폭 (실적 대비 배수, 중앙값)",
        "en": "80% interval width by horizon (median, x the actual)",
    },
    "fc.leaderboard.intervals": {
        "ko": "이 흐름의 모든 시리즈: 80% 구간의 예측 시차별 적중률과 폭 (적중률은 전체 "
        "검증 월 기준, 폭은 시리즈별 중앙값의 중앙값)",
        "en": "Every series of this flow: 80% interval coverage and width by horizon "
        "(coverage over all their backtest months; width: median over the series of each "
        "series' median)",
    },
    "fc.verdict.better": {"ko": "기준보다 정확합니다", "en": "better than the baseline"},
    "fc.verdict.worse": {"ko": "기준보다 부정확합니다", "en": "worse than the baseline"},
    "fc.verdict.equal": {"ko": "기준과 같습니다", "en": "as good as the baseline"},
    "fc.summary.bottom_up": {
        "ko": "하위 시리즈 예측의 합({bottom_up:,.0f}대)과는 {diff:+.1f}% 차이가 납니다"
        " (합계는 직접 예측, 이력이 짧은 하위 시리즈는 빠짐).",
        "en": "The sum of the parts' forecasts ({bottom_up:,.0f}) differs by {diff:+.1f}% "
        "(the total is forecast directly; parts with short history are left out).",
    },
    "fc.direction.up": {"ko": "증가", "en": "up"},
    "fc.direction.down": {"ko": "감소", "en": "down"},
    "fc.direction.flat": {"ko": "보합", "en": "flat"},
    "fc.summary.none": {"ko": "이 모델의 예측이 없습니다.", "en": "This model has no forecast."},
    # metrics
    "fc.metrics.title": {"ko": "모델별 백테스트 정확도", "en": "Backtest accuracy per model"},
    "fc.metrics.hint": {
        "ko": "MASE < 1이면 계절 나이브(작년 같은 달)보다 정확합니다. sMAPE·MAPE는 %, "
        "80% 구간 적중률은 실적이 80% 구간 안에 든 비율(목표 80%), 구간 폭은 구간 폭을 "
        "실적으로 나눈 값의 중앙값(1.0 = 실적만큼 넓음)입니다. '최근 검증 구간'은 모델 "
        "선택에 쓰이지 않은 마지막 기준 시점입니다.",
        "en": "MASE < 1 beats seasonal naive (same month last year). sMAPE and MAPE are in "
        "%, coverage80 is the share of actuals inside the 80% interval (target 80%), "
        "width80 the median interval width divided by the actual (1.0 = as wide as the "
        "actual). 'Latest cutoff' is the last window, never used to choose the model.",
    },
    "fc.scope": {"ko": "평가 구간", "en": "Scored window"},
    "fc.scope.latest_cutoff": {"ko": "최근 검증 구간", "en": "Latest cutoff"},
    "fc.scope.all_cutoffs": {"ko": "모든 기준 시점", "en": "All cutoffs"},
    "fc.metrics.pooled": {"ko": "전체 예측 기간 통합", "en": "Pooled over all horizons"},
    "fc.metrics.by_horizon": {
        "ko": "예측 시차별 MASE (h = 몇 개월 앞)",
        "en": "MASE by horizon (h = months ahead)",
    },
    # quarters
    "fc.quarters.title": {"ko": "분기별 예측", "en": "Forecast by quarter"},
    "fc.quarters.hint": {
        "ko": "월별 예측의 분기 합계입니다. 하한·상한은 월별 80% 구간의 합이라 분기 80% "
        "구간보다 넓습니다. 개월 수가 3보다 작으면 일부 분기입니다. '검증된 개월 수'가 "
        "개월 수보다 작으면 그 분기의 나머지 달은 백테스트로 검증되지 않은 예측입니다.",
        "en": "Quarterly sums of the monthly forecast. Lower and upper are sums of the "
        "monthly 80% bounds, so wider than a quarterly 80% interval. Fewer than 3 "
        "months means a partial quarter. When 'Validated months' is below 'Months', the "
        "quarter's other months lie beyond what the backtest validated.",
    },
    "fc.download_csv": {"ko": "CSV 다운로드", "en": "Download CSV"},
    # leaderboard
    "fc.leaderboard.title": {"ko": "모델 순위 (전체 시리즈)", "en": "Leaderboard (all series)"},
    "fc.leaderboard.hint": {
        "ko": "흐름별 시리즈의 MASE 중앙값과 각 모델이 가장 정확했던 시리즈 수입니다. "
        "선택 모델은 다른 모델 중 하나의 사본이라 승수에 포함하지 않습니다.",
        "en": "Median MASE over each flow's series and how many series each model wins. "
        "The selected model is a copy of one of the others, so it takes no wins.",
    },
    # table headers
    "col.model_name": {"ko": "모델", "en": "Model"},
    "col.horizon": {"ko": "예측 시차 (개월)", "en": "Horizon (months)"},
    "col.mase": {"ko": "MASE", "en": "MASE"},
    "col.smape": {"ko": "sMAPE (%)", "en": "sMAPE (%)"},
    "col.mape": {"ko": "MAPE (%)", "en": "MAPE (%)"},
    "col.coverage80": {"ko": "80% 구간 적중률 (%)", "en": "80% coverage (%)"},
    "col.width80": {"ko": "80% 구간 폭 (실적 대비 배)", "en": "80% width (x actual)"},
    "col.validated_months": {"ko": "검증된 개월 수", "en": "Validated months"},
    "col.quarter": {"ko": "분기", "en": "Quarter"},
    "col.months": {"ko": "개월 수", "en": "Months"},
    "col.yhat": {"ko": "예측 (대)", "en": "Forecast (vehicles)"},
    "col.yhat_lower": {"ko": "하한 (대)", "en": "Lower (vehicles)"},
    "col.yhat_upper": {"ko": "상한 (대)", "en": "Upper (vehicles)"},
    "col.flow": {"ko": "흐름", "en": "Flow"},
    "col.series": {"ko": "시리즈 수", "en": "Series"},
    "col.median_mase": {"ko": "MASE 중앙값", "en": "Median MASE"},
    "col.median_smape": {"ko": "sMAPE 중앙값 (%)", "en": "Median sMAPE (%)"},
    "col.beats_naive": {"ko": "나이브보다 나은 비율 (%)", "en": "Beats naive (%)"},
    "col.wins": {"ko": "1위 시리즈 수", "en": "Series won"},
    "col.y": {"ko": "실적 (대)", "en": "Actual (vehicles)"},
    "col.lower": {"ko": "80% 하한", "en": "80% lower"},
    "col.upper": {"ko": "80% 상한", "en": "80% upper"},
    "col.bottom_up": {"ko": "부분 합계", "en": "Sum of the parts"},
    "col.selected": {"ko": "선택 모델", "en": "Selected model"},
    "col.ensemble": {"ko": "앙상블", "en": "Ensemble"},
    "col.lightgbm": {"ko": "LightGBM", "en": "LightGBM"},
    "col.prophet": {"ko": "Prophet", "en": "Prophet"},
    "col.seasonal_naive": {"ko": "계절 나이브", "en": "Seasonal naive"},
    # per-horizon columns h1 ... h12 (months ahead)
    **{f"col.h{h}": {"ko": f"{h}개월 앞", "en": f"{h} mo ahead"} for h in range(1, 13)},
}
