"""Texts of the app shell, the data page, the global strategy page's controls and the
figures and tables every page shares (data only: `app.i18n` merges it)."""

COMMON_STRINGS: dict[str, dict[str, str]] = {
    "app.title": {
        "ko": "CarSight — 현대·기아 판매 전략",
        "en": "CarSight — Hyundai/Kia sales strategy",
    },
    "lang.toggle": {"ko": "English", "en": "한국어"},
    "lang.toggle.label": {"ko": "Switch to English", "en": "한국어로 전환"},
    "empty": {"ko": "선택한 조건에 데이터가 없습니다", "en": "No data for this selection"},
    "input.refused": {
        "ko": "입력값을 사용할 수 없어 화면을 바꾸지 않았습니다 ({fields}). "
        "조건을 다시 선택하거나 주소(URL)를 확인하세요.",
        "en": "Some input could not be used, so the view did not change ({fields}). "
        "Choose the filters again or check the address (URL).",
    },
    "input.failed": {
        "ko": "계산 중 내부 오류가 발생해 화면을 바꾸지 않았습니다. 잠시 후 다시 시도하세요.",
        "en": "An internal error stopped this calculation, so the view did not change. "
        "Try again in a moment.",
    },
    "input.unavailable": {
        "ko": "웨어하우스를 읽을 수 없습니다: {detail}",
        "en": "The warehouse cannot be read: {detail}",
    },
    # navigation
    "nav.skip": {"ko": "본문으로 건너뛰기", "en": "Skip to content"},
    "nav.strategy": {"ko": "글로벌 전략", "en": "Global strategy"},
    "nav.dealer": {"ko": "딜러", "en": "Dealers"},
    "nav.predict": {"ko": "고객 예측", "en": "Customer prediction"},
    "nav.forecast": {"ko": "수요 예측", "en": "Forecast"},
    "nav.automation": {"ko": "자동화", "en": "Automation"},
    "nav.data": {"ko": "데이터", "en": "Data"},
    # coming-soon pages
    "soon.title": {"ko": "준비 중", "en": "Coming soon"},
    "soon.body": {
        "ko": "이 페이지는 준비 중입니다. 글로벌 전략과 데이터 페이지를 먼저 이용하세요.",
        "en": "This page is coming soon. The global strategy and data pages work today.",
    },
    # data page
    "data.title": {"ko": "데이터 웨어하우스", "en": "Data warehouse"},
    "data.files": {"ko": "적재 파일", "en": "Files loaded"},
    "data.fact_rows": {"ko": "판매 행", "en": "Fact rows"},
    "data.rejected": {"ko": "격리된 행", "en": "Rejected rows"},
    "data.warnings": {"ko": "품질 경고", "en": "Quality warnings"},
    "data.quality": {"ko": "데이터 품질 보고서", "en": "Data-quality report"},
    "data.load_log": {"ko": "적재 이력", "en": "Load log"},
    "data.filter": {"ko": "필터…", "en": "filter…"},
    "severity.warning": {"ko": "경고", "en": "warning"},
    "severity.info": {"ko": "정보", "en": "info"},
    "data.missing": {
        "ko": "웨어하우스 파일이 없습니다. `carsight build`를 실행하세요.",
        "en": "No warehouse file. Run `carsight build`.",
    },
    # global strategy: filters
    "gs.title": {"ko": "글로벌 수출 전략", "en": "Global export strategy"},
    "gs.filters": {"ko": "조건", "en": "Filters"},
    "gs.source": {"ko": "데이터 출처", "en": "Data source"},
    "gs.brand": {"ko": "브랜드", "en": "Brand"},
    "gs.period_from": {"ko": "시작 월", "en": "From month"},
    "gs.period_to": {"ko": "종료 월", "en": "To month"},
    "gs.period.start": {"ko": "처음부터", "en": "From the start"},
    "gs.period.end": {"ko": "끝까지", "en": "To the end"},
    "gs.vehicle_types": {"ko": "차종", "en": "Vehicle type"},
    "gs.powertrains": {"ko": "파워트레인", "en": "Powertrain"},
    "gs.any": {"ko": "전체", "en": "All"},
    "gs.market": {"ko": "포커스 시장", "en": "Focus market"},
    "gs.copy_hint": {
        "ko": "모든 조건은 주소(URL)에 저장됩니다. "
        "주소를 복사하면 같은 화면을 다시 열 수 있습니다.",
        "en": "Every filter is kept in the address (URL): copy it to reopen this exact view.",
    },
    "brand.all": {"ko": "전체", "en": "Both"},
    "brand.Hyundai": {"ko": "현대", "en": "Hyundai"},
    "brand.Kia": {"ko": "기아", "en": "Kia"},
    "source.customers": {"ko": "고객 구매 (CRM)", "en": "Customer purchases (CRM)"},
    "source.overseas_retail": {
        "ko": "기아 해외 소매 (시장별)",
        "en": "Kia overseas retail by market",
    },
    "source.eu_retail": {"ko": "현대 유럽 소매", "en": "Hyundai EU retail"},
    "source.domestic_sales": {"ko": "국내 판매 (대한민국)", "en": "Domestic sales (Korea)"},
    "source.overseas_plant_sales": {
        "ko": "해외 공장 판매 (공장 국가별)",
        "en": "Overseas-plant sales by plant country",
    },
    # global strategy: sections
    "gs.markets.title": {"ko": "시장별 판매", "en": "Sales by market"},
    "gs.markets.hint": {
        "ko": "막대를 클릭하면 그 시장이 포커스 시장이 됩니다.",
        "en": "Click a bar to make that market the focus market.",
    },
    "gs.top10.title": {
        "ko": "1. 포커스 시장 상위 10개 모델",
        "en": "1. Top-10 models in the focus market",
    },
    "gs.top10.hint": {
        "ko": "막대나 조각을 클릭하면 그 모델의 월별 추세를 보고 히트맵에서 강조합니다.",
        "en": "Click a bar or slice to see that model's monthly trend and highlight it "
        "in the heatmap.",
    },
    "gs.model": {"ko": "추세 모델", "en": "Trend model"},
    "gs.model.top": {"ko": "1위 모델", "en": "Top model"},
    "gs.trend.title": {"ko": "모델 월별 추세", "en": "Monthly trend of a model"},
    "gs.deviation.title": {
        "ko": "2. 전체 시장 대비 편차",
        "en": "2. Deviation from the global mix",
    },
    "gs.deviation.hint": {
        "ko": "편차 = 포커스 시장 내 모델 점유율 − 전체 시장 점유율 (%p)",
        "en": "Deviation = model share in the focus market − share across all markets (pp)",
    },
    "gs.threshold": {"ko": "임계값 (%p)", "en": "Threshold (pp)"},
    "gs.none_listed": {"ko": "해당 모델 없음", "en": "No model"},
    "gs.heatmap.title": {"ko": "3. 다중 시장 히트맵", "en": "3. Multi-market heatmap"},
    "gs.heatmap.markets": {"ko": "시장 (여러 개 선택)", "en": "Markets (choose several)"},
    "gs.heatmap.top_n": {"ko": "상위 N개 모델", "en": "Top N models"},
    "gs.heatmap.measure": {"ko": "값", "en": "Value"},
    "gs.measure.units": {"ko": "판매 대수", "en": "Units"},
    "gs.measure.share": {"ko": "시장 내 점유율", "en": "Share within market"},
    "gs.download_csv": {"ko": "CSV 다운로드", "en": "Download CSV"},
    "gs.as_table": {"ko": "표로 보기", "en": "Show as a table"},
    "gs.recommend.title": {
        "ko": "4. 포커스 시장 추천",
        "en": "4. Recommendations for the focus market",
    },
    "gs.priority.title": {
        "ko": "5. 생산 우선순위와 재고 주수",
        "en": "5. Production priority and stock cover",
    },
    "gs.priority.hint": {
        "ko": "점수 = 가중치 × 판매량·성장세·매출 점수(0–100). "
        "가중치는 합이 1이 되도록 정규화됩니다.",
        "en": "Score = weights × volume, momentum and revenue scores (0–100). "
        "Weights are normalised to sum to 1.",
    },
    "gs.stock.hint": {
        "ko": "'현재 재고' 칸에 모델별 재고를 입력하세요. 4주 미만은 긴급, 12주 초과는 과잉입니다.",
        "en": "Type each model's current stock in the 'Current stock' column. Under 4 weeks "
        "is urgent, over 12 weeks is excess.",
    },
    # dealer page
    "dealer.title": {"ko": "딜러 고객 분석", "en": "Dealer customer analytics"},
    "dealer.brand": {"ko": "브랜드", "en": "Brand"},
    "dealer.market": {"ko": "시장", "en": "Market"},
    "dealer.period_from": {"ko": "구매 시작 연도", "en": "Purchases from (year)"},
    "dealer.period_to": {"ko": "구매 종료 연도", "en": "Purchases to (year)"},
    "dealer.all_markets": {"ko": "전체", "en": "All"},
    "dealer.copy_hint": {
        "ko": "조건은 주소(URL)에 저장됩니다. 주소를 복사하면 같은 화면을 다시 열 수 있습니다.",
        "en": "The filters are kept in the address (URL): copy it to reopen this view.",
    },
    "dealer.stale": {
        "ko": "세분화 결과는 이전 데이터로 학습되었습니다 (그 뒤 데이터가 다시 빌드되었습니다). "
        "현재 데이터의 결과를 보려면 `carsight train`을 다시 실행하세요.",
        "en": "The segmentation results were trained on earlier data (the warehouse has been "
        "rebuilt since). Run `carsight train` again to see results for the current data.",
    },
    "dealer.not_trained": {
        "ko": "세분화 모델이 아직 학습되지 않았습니다. `carsight train`을 실행하세요.",
        "en": "The segmentation models have not been trained yet. Run `carsight train`.",
    },
    "dealer.artifacts_problem": {
        "ko": "학습 결과 파일을 확인할 수 없습니다: {detail}",
        "en": "The training artifacts could not be verified: {detail}",
    },
    "dealer.segments.title": {"ko": "1. RFM 세그먼트", "en": "1. RFM segments"},
    "dealer.segments.hint": {
        "ko": "R = 최근성(마지막 구매 후 일수), F = 구매 횟수, M = 거래 금액. 점수는 1–5입니다.",
        "en": "R = recency (days since the last purchase), F = purchases, M = amount. "
        "Scores run 1–5.",
    },
    "dealer.segments.actions": {"ko": "세그먼트별 실행 방안", "en": "Action per segment"},
    "dealer.naming.title": {
        "ko": "세그먼트 이름과 조건",
        "en": "Segment names and their conditions",
    },
    "dealer.package.title": {
        "ko": "R rfm 패키지 세그먼트와의 일치",
        "en": "Agreement with the R rfm package's segments",
    },
    "dealer.clusters.title": {"ko": "2. 고객 유형 (군집)", "en": "2. Customer types (clusters)"},
    "dealer.clusters.hint": {
        "ko": "K는 엘보와 실루엣을 함께 보는 규칙으로 정했습니다. 세그먼트는 군집 입력이 아닙니다.",
        "en": "K is chosen by a rule combining the elbow and the silhouette. The segment "
        "is not a clustering input.",
    },
    "dealer.quality": {
        "ko": "선택한 K = {k} · 실루엣 {silhouette:.3f} · 안정성(ARI) 평균 {ari_mean:.3f}, "
        "최소 {ari_min:.3f} · 모델 버전 {version}",
        "en": "Chosen K = {k} · silhouette {silhouette:.3f} · stability (ARI) mean "
        "{ari_mean:.3f}, min {ari_min:.3f} · model version {version}",
    },
    "dealer.card.customers": {
        "ko": "고객 {customers:,}명 ({share_pct:.1f}%)",
        "en": "{customers:,} customers ({share_pct:.1f}%)",
    },
    "dealer.card.detail": {
        "ko": "평균 {age:.0f}세 · 여성 {female_pct:.1f}% · 친환경 {eco_pct:.1f}% · "
        "평균 {amount_mkrw:,.1f}백만원 · {frequency:.1f}회",
        "en": "Mean age {age:.0f} · women {female_pct:.1f}% · eco {eco_pct:.1f}% · "
        "mean {amount_mkrw:,.1f}M KRW · {frequency:.1f} purchases",
    },
    "dealer.card.models": {"ko": "대표 모델: {models}", "en": "Top models: {models}"},
    "dealer.insights.title": {"ko": "3. 고객 인사이트", "en": "3. Customer insights"},
    "dealer.insights.hint": {
        "ko": "모델 × 군집 막대를 클릭하면 그 모델의 드릴다운이 열립니다.",
        "en": "Click a bar of the model × cluster chart to open that model's drill-down.",
    },
    "dealer.suggestion": {"ko": "마케팅 제안: ", "en": "Suggestion: "},
    "dealer.drill.title": {"ko": "4. 드릴다운: 시장 × 모델", "en": "4. Drill-down: market × model"},
    "dealer.drill.market": {"ko": "시장", "en": "Market"},
    "dealer.drill.model": {"ko": "모델", "en": "Model"},
    "dealer.drill.pick": {
        "ko": "모델을 선택하거나 모델 × 군집 막대를 클릭하세요.",
        "en": "Pick a model, or click a bar of the model × cluster chart.",
    },
    "dealer.customers.title": {"ko": "5. 고객 목록", "en": "5. Customers"},
    "dealer.customers.hint": {
        "ko": "전화번호와 이메일은 가려서 표시합니다.",
        "en": "Phone numbers and e-mail addresses are masked.",
    },
    "dealer.export": {"ko": "CSV 내보내기", "en": "Export CSV"},
    "dealer.prospects.title": {"ko": "6. 가망 고객", "en": "6. Prospects"},
    "dealer.prospects.hint": {
        "ko": "고객 예측 화면에서 등록했지만 아직 구매하지 않은 고객입니다. 매출·세그먼트·군집 "
        "집계에는 포함되지 않으며, 예측된 유형은 등록 당시 모델의 예측입니다.",
        "en": "Registered on the prediction page but not bought yet. They count in no sales, "
        "segment or cluster; the type is the prediction made at registration.",
    },
    "dealer.prospects.count": {
        "ko": "가망 고객 {count:,}명",
        "en": "{count:,} prospect(s)",
    },
    "dealer.prospects.none": {
        "ko": "등록된 가망 고객이 없습니다. 고객 예측 화면(/predict)에서 등록할 수 있습니다.",
        "en": "No prospects registered yet; register them on the prediction page (/predict).",
    },
    "col.prospect_id": {"ko": "가망 고객 ID", "en": "Prospect ID"},
    "col.signup_date": {"ko": "등록일", "en": "Registered"},
    "col.vehicle_class": {"ko": "희망 차급", "en": "Wanted class"},
    "col.budget_krw": {"ko": "예산 (원)", "en": "Budget (KRW)"},
    "col.predicted_segment": {"ko": "세그먼트", "en": "Segment"},
    "col.model_version": {"ko": "모델 버전", "en": "Model version"},
    "col.predicted_cluster": {"ko": "예측 유형 (군집)", "en": "Predicted type (cluster)"},
    "col.cluster_probability": {"ko": "유형 확률 (%)", "en": "Type probability (%)"},
    "col.predicted_tier": {"ko": "가치 잠재력 (예측)", "en": "Value potential (predicted)"},
    "col.tier_probability": {"ko": "등급 확률 (%)", "en": "Tier probability (%)"},
    "view.gender": {"ko": "군집별 성별 구성", "en": "Gender mix by cluster"},
    "view.age": {"ko": "군집별 연령대", "en": "Age band by cluster"},
    "view.amount_frequency": {
        "ko": "군집별 평균 거래액 (백만원)",
        "en": "Mean amount by cluster (M KRW)",
    },
    "view.model_cluster": {"ko": "모델 × 군집 (구매 고객 수)", "en": "Model × cluster (buyers)"},
    "view.segment_cluster": {"ko": "군집별 세그먼트 구성", "en": "Segments within each cluster"},
    "view.body_market": {"ko": "시장별 선호 차체", "en": "Body type by market"},
    "view.powertrain_age": {"ko": "연령대별 파워트레인", "en": "Powertrain by age band"},
    "view.summary": {"ko": "군집 요약", "en": "Cluster summary"},
    "fig.segments.title": {
        "ko": "세그먼트별 고객·매출 비중 (%)",
        "en": "Customer and revenue share per segment (%)",
    },
    "fig.segments.customers": {"ko": "고객 비중", "en": "Customers"},
    "fig.segments.revenue": {"ko": "매출 비중", "en": "Revenue"},
    "fig.rfm.title": {"ko": "R × F 점수별 고객 수", "en": "Customers per R × F score"},
    "fig.k.title": {"ko": "K별 관성(엘보)과 실루엣", "en": "Inertia (elbow) and silhouette per K"},
    "fig.k.inertia": {"ko": "관성", "en": "Inertia"},
    "fig.k.silhouette": {"ko": "실루엣", "en": "Silhouette"},
    "fig.k.chosen": {"ko": "선택 K = {k}", "en": "chosen K = {k}"},
    "fig.clusters.title": {"ko": "군집별 고객 수", "en": "Customers per cluster"},
    "fig.pca.title": {
        "ko": "고객 2차원 투영 (PCA, 군집별 색)",
        "en": "Customers in 2-D (PCA), coloured by cluster",
    },
    "axis.pc1": {"ko": "주성분 1 (분산의 {pct}%)", "en": "PC 1 ({pct}% of variance)"},
    "axis.pc2": {"ko": "주성분 2 (분산의 {pct}%)", "en": "PC 2 ({pct}% of variance)"},
    "fig.drill.title": {
        "ko": "{market} · {model} 구매 고객의 군집 비중 (%)",
        "en": "{market} · {model}: buyers by cluster (%)",
    },
    "axis.customers": {"ko": "고객 수", "en": "Customers"},
    "axis.cluster": {"ko": "군집", "en": "Cluster"},
    "axis.r_score": {"ko": "R 점수", "en": "R score"},
    "axis.f_score": {"ko": "F 점수", "en": "F score"},
    "axis.k": {"ko": "K", "en": "K"},
    "axis.segment": {"ko": "세그먼트", "en": "Segment"},
    "col.segment": {"ko": "세그먼트", "en": "Segment"},
    "col.customers": {"ko": "고객 수", "en": "Customers"},
    "col.customer_share": {"ko": "고객 비중 (%)", "en": "Customer share (%)"},
    "col.revenue_share": {"ko": "매출 비중 (%)", "en": "Revenue share (%)"},
    "col.recency_days_mean": {"ko": "평균 최근성 (일)", "en": "Mean recency (days)"},
    "col.frequency_mean": {"ko": "평균 구매 횟수", "en": "Mean purchases"},
    "col.monetary_krw_mean": {"ko": "평균 거래액 (원)", "en": "Mean amount (KRW)"},
    # value_mean = mean amount (KRW) x mean purchases: the segment's value per customer
    "col.value_mean": {
        "ko": "평균 고객 가치 (원, 거래액 × 구매 횟수)",
        "en": "Mean customer value (KRW, amount × purchases)",
    },
    "col.r_score_mean": {"ko": "평균 R 점수 (1-5)", "en": "Mean R score (1-5)"},
    "col.f_score_mean": {"ko": "평균 F 점수 (1-5)", "en": "Mean F score (1-5)"},
    "col.m_score_mean": {"ko": "평균 M 점수 (1-5)", "en": "Mean M score (1-5)"},
    "col.cluster": {"ko": "군집", "en": "Cluster"},
    "col.persona": {"ko": "페르소나", "en": "Persona"},
    "col.promote": {"ko": "집중 프로모션", "en": "Promote"},
    "col.customer_id": {"ko": "고객 ID", "en": "Customer ID"},
    "col.age": {"ko": "나이", "en": "Age"},
    "col.gender": {"ko": "성별", "en": "Gender"},
    "col.purchase_date": {"ko": "구매일", "en": "Purchase date"},
    "col.amount_krw": {"ko": "거래액 (원)", "en": "Amount (KRW)"},
    "col.purchase_count": {"ko": "구매 횟수", "en": "Purchases"},
    "col.phone": {"ko": "전화번호", "en": "Phone"},
    "col.email": {"ko": "이메일", "en": "E-mail"},
    "col.address": {"ko": "주소", "en": "Address"},
    "col.age_mean": {"ko": "평균 나이", "en": "Mean age"},
    "col.female_share": {"ko": "여성 (%)", "en": "Women (%)"},
    "col.eco_share": {"ko": "친환경차 (%)", "en": "Eco vehicles (%)"},
    "col.online_share": {"ko": "온라인 구매 (%)", "en": "Online (%)"},
    "col.amount_krw_mean": {"ko": "평균 거래액 (원)", "en": "Mean amount (KRW)"},
    "col.top_model": {"ko": "대표 모델", "en": "Top model"},
    "col.top_model_share": {"ko": "대표 모델 비중 (%)", "en": "Top model share (%)"},
    "col.top_segment": {"ko": "주요 세그먼트", "en": "Top segment"},
    "col.top_segment_share": {"ko": "주요 세그먼트 비중 (%)", "en": "Top segment share (%)"},
    # dropdown widget texts (dcc.Dropdown `labels`)
    "dropdown.select_all": {"ko": "모두 선택", "en": "Select all"},
    "dropdown.deselect_all": {"ko": "모두 해제", "en": "Deselect all"},
    "dropdown.selected_count": {"ko": "{num_selected}개 선택됨", "en": "{num_selected} selected"},
    "dropdown.search": {"ko": "검색", "en": "Search"},
    "dropdown.clear_search": {"ko": "검색어 지우기", "en": "Clear search"},
    "dropdown.clear_selection": {"ko": "선택 지우기", "en": "Clear selection"},
    "dropdown.no_options_found": {"ko": "항목 없음", "en": "No options found"},
    # alerts
    "prep.running": {
        "ko": "준비 중: {step} … {percent}% (결과가 나오면 화면이 저절로 채워집니다)",
        "en": "Preparing: {step} … {percent}% (the pages fill in when the results land)",
    },
    "prep.failed": {
        "ko": "준비 실패: {step} — {error}. `carsight {command}`로 다시 실행하세요",
        "en": "Preparing failed: {step} — {error}. Run `carsight {command}` again",
    },
    "prep.step.train": {"ko": "고객 세그먼트·예측 모델 학습", "en": "training the customer models"},
    "prep.step.forecast": {"ko": "수요 예측", "en": "forecasting demand"},
    "bool.true": {"ko": "예", "en": "Yes"},
    "bool.false": {"ko": "아니오", "en": "No"},
    "gs.deviation.one_market": {
        "ko": "이 출처에는 시장이 하나뿐이라 시장 간 점유율 편차를 계산할 수 없습니다",
        "en": "This source has a single market: there is no other market to compare shares with",
    },
    "input.range": {
        "ko": "{low}~{high} 사이의 값을 입력하세요",
        "en": "Enter a value from {low} to {high}",
    },
    "url.invalid": {
        "ko": "주소의 매개변수 '{param}' 값 '{value}'은(는) 사용할 수 없어 "
        "{fallback}(으)로 표시합니다.",
        "en": "URL parameter '{param}' has an invalid value '{value}'; showing {fallback} instead.",
    },
    "url.unknown": {
        "ko": "주소의 매개변수 '{param}'은(는) 알 수 없어 무시했습니다.",
        "en": "Unknown URL parameter '{param}' was ignored.",
    },
    "url.default": {"ko": "기본값", "en": "the default"},
    "filter.unavailable": {
        "ko": "'{param}' 값 '{value}'은(는) 이 데이터 출처·브랜드에 없어 "
        "{fallback}(으)로 표시합니다.",
        "en": "'{param}' value '{value}' is not in this data source and brand; showing "
        "{fallback} instead.",
    },
    # figures
    "fig.markets.title": {"ko": "시장별 판매 대수", "en": "Units by market"},
    "fig.top10.title": {
        "ko": "{market} 상위 10개 모델 — 판매 대수",
        "en": "Top-10 models in {market} — units",
    },
    "fig.top10_pie.title": {"ko": "{market} 판매 점유율", "en": "Share of units in {market}"},
    "fig.top10_pie.others": {"ko": "기타 모델", "en": "Other models"},
    "fig.trend.title": {
        "ko": "{model} 월별 판매 — {market}",
        "en": "{model} monthly units — {market}",
    },
    "fig.deviation.title": {
        "ko": "{market}: 모델별 점유율 편차 (%p)",
        "en": "{market}: share deviation per model (pp)",
    },
    "fig.deviation.ends": {
        "ko": " — 위·아래 각 {n}개 모델 (전체는 표로 보기)",
        "en": " — top and bottom {n} models (all in the table)",
    },
    "fig.heatmap.title.units": {
        "ko": "시장별 판매 대수 — 상위 {n}개 모델",
        "en": "Units per market — top {n} models",
    },
    "fig.heatmap.title.share": {
        "ko": "시장 내 점유율(%) — 상위 {n}개 모델",
        "en": "Share within market (%) — top {n} models",
    },
    "axis.units": {"ko": "판매 대수", "en": "Units"},
    "axis.model": {"ko": "모델", "en": "Model"},
    "axis.market": {"ko": "시장", "en": "Market"},
    "axis.month": {"ko": "월", "en": "Month"},
    "axis.deviation": {"ko": "편차 (%p)", "en": "Deviation (pp)"},
    "axis.share_pct": {"ko": "점유율 (%)", "en": "Share (%)"},
    # table columns
    "col.rank": {"ko": "순위", "en": "Rank"},
    "col.model": {"ko": "모델", "en": "Model"},
    "col.market": {"ko": "시장", "en": "Market"},
    "col.month": {"ko": "월", "en": "Month"},
    "col.units": {"ko": "판매 대수", "en": "Units"},
    "col.share": {"ko": "점유율 (%)", "en": "Share (%)"},
    "col.units_market": {"ko": "시장 판매", "en": "Units here"},
    "col.units_all": {"ko": "전체 판매", "en": "Units, all markets"},
    "col.share_market": {"ko": "시장 점유율 (%)", "en": "Share here (%)"},
    "col.share_all": {"ko": "전체 점유율 (%)", "en": "Share, all markets (%)"},
    "col.deviation_pp": {"ko": "편차 (%p)", "en": "Deviation (pp)"},
    "col.status": {"ko": "구분", "en": "Status"},
    "col.change_pct": {"ko": "성장률 (%)", "en": "Change (%)"},
    "col.revenue_krw": {"ko": "매출 (원)", "en": "Revenue (KRW)"},
    "col.volume_score": {"ko": "판매량 점수", "en": "Volume score"},
    "col.momentum_score": {"ko": "성장세 점수", "en": "Momentum score"},
    "col.revenue_score": {"ko": "매출 점수", "en": "Revenue score"},
    "col.score": {"ko": "종합 점수", "en": "Score"},
    "col.stock": {"ko": "현재 재고", "en": "Current stock"},
    "col.avg_weekly_units": {"ko": "주평균 판매", "en": "Average weekly units"},
    "col.weeks_of_cover": {"ko": "재고 주수", "en": "Weeks of cover"},
    "col.severity": {"ko": "심각도", "en": "Severity"},
    "col.check_name": {"ko": "검사", "en": "Check"},
    "col.source_file": {"ko": "파일", "en": "File"},
    "col.detail": {"ko": "내용", "en": "Detail"},
    "col.format": {"ko": "형식", "en": "Format"},
    "col.brand": {"ko": "브랜드", "en": "Brand"},
    "col.encoding": {"ko": "인코딩", "en": "Encoding"},
    "col.rows_read": {"ko": "읽은 행", "en": "Rows read"},
    "col.rows_loaded": {"ko": "적재 행", "en": "Rows loaded"},
    "col.rows_rejected": {"ko": "격리 행", "en": "Rows rejected"},
    "col.fact_rows": {"ko": "판매 행", "en": "Fact rows"},
    "status.strong": {"ko": "강세", "en": "Strong"},
    "status.untapped": {"ko": "미개척", "en": "Untapped"},
    "status.neutral": {"ko": "보통", "en": "Neutral"},
}


# AG Grid's own texts (pager, filters, menus) in Korean: its `localeText`; English is
# AG Grid's default. https://www.ag-grid.com/javascript-data-grid/localisation/
AG_GRID_LOCALE_KO = {
    "page": "페이지", "of": "/", "to": "~", "more": "이상", "next": "다음", "last": "마지막",
    "first": "처음", "previous": "이전", "firstPage": "첫 페이지", "previousPage": "이전 페이지",
    "nextPage": "다음 페이지", "lastPage": "마지막 페이지", "pageSizeSelectorLabel": "페이지 크기:",
    "ariaPageSizeSelectorLabel": "페이지 크기", "pageLastRowUnknown": "?",
    "loadingOoo": "불러오는 중...", "noRowsToShow": "표시할 행이 없습니다",
    "filterOoo": "필터...", "equals": "같음", "notEqual": "같지 않음", "blank": "비어 있음",
    "notBlank": "비어 있지 않음", "empty": "하나를 고르세요", "lessThan": "미만",
    "greaterThan": "초과", "lessThanOrEqual": "이하", "greaterThanOrEqual": "이상",
    "inRange": "범위", "inRangeStart": "부터", "inRangeEnd": "까지", "contains": "포함",
    "notContains": "포함하지 않음", "startsWith": "시작 문자", "endsWith": "끝 문자",
    "dateFormatOoo": "yyyy-mm-dd", "andCondition": "그리고", "orCondition": "또는",
    "applyFilter": "적용", "resetFilter": "초기화", "clearFilter": "지우기",
    "cancelFilter": "취소", "selectAll": "(모두 선택)", "searchOoo": "검색...",
    "ariaFilterInput": "필터 입력", "ariaFilterValue": "필터 값", "ariaFilterList": "필터 목록",
    "ariaFilterFromValue": "필터 시작 값", "ariaFilterToValue": "필터 끝 값",
    "ariaFilteringOperator": "필터 연산자", "ariaColumn": "열", "ariaColumnFiltered": "필터된 열",
    "ariaSortableColumn": "Enter 키로 정렬", "ariaMenuColumn": "열 메뉴 열기",
    "ariaFilterColumn": "필터 열기", "ariaRowSelect": "행 선택", "ariaSearch": "검색",
    "sortAscending": "오름차순 정렬", "sortDescending": "내림차순 정렬", "sortUnSort": "정렬 해제",
    "columnFilter": "열 필터", "columnChooser": "열 선택", "pinColumn": "열 고정",
    "autosizeThisColumn": "이 열 자동 크기", "autosizeAllColumns": "모든 열 자동 크기",
    "resetColumns": "열 초기화", "noPin": "고정 안 함", "pinLeft": "왼쪽 고정",
    "pinRight": "오른쪽 고정", "copy": "복사", "export": "내보내기", "csvExport": "CSV 내보내기",
}  # fmt: skip
