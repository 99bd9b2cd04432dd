"""All UI strings in one catalogue. Korean is the default language.

`CATALOGUE` is the page texts below merged with the strategy sentences of
`app.strings_strategy`, so every string has one lookup: `t(key, lang)`.
Templates with `{names}` are filled with `t(key, lang, **values)`.
"""

from __future__ import annotations

from app.strings_strategy import STRATEGY_STRINGS

LANGUAGES = ("ko", "en")

_UI: dict[str, dict[str, str]] = {
    "app.title": {"ko": "CarSight — 현대·기아 판매 전략",
                  "en": "CarSight — Hyundai/Kia sales strategy"},
    "lang.toggle": {"ko": "English", "en": "한국어"},
    "lang.toggle.label": {"ko": "Switch to English", "en": "한국어로 전환"},
    "empty": {"ko": "선택한 조건에 데이터가 없습니다", "en": "No data for this selection"},
    # navigation
    "nav.skip": {"ko": "본문으로 건너뛰기", "en": "Skip to content"},
    "nav.strategy": {"ko": "글로벌 전략", "en": "Global strategy"},
    "nav.dealer": {"ko": "딜러", "en": "Dealers"},
    "nav.forecast": {"ko": "예측", "en": "Forecast"},
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
    "source.overseas_retail": {"ko": "기아 해외 소매 (시장별)",
                               "en": "Kia overseas retail by market"},
    "source.eu_retail": {"ko": "현대 유럽 소매", "en": "Hyundai EU retail"},
    "source.domestic_sales": {"ko": "국내 판매 (대한민국)", "en": "Domestic sales (Korea)"},
    "source.overseas_plant_sales": {
        "ko": "해외 공장 판매 (공장 국가별)", "en": "Overseas-plant sales by plant country",
    },
    # global strategy: sections
    "gs.markets.title": {"ko": "시장별 판매", "en": "Sales by market"},
    "gs.markets.hint": {
        "ko": "막대를 클릭하면 그 시장이 포커스 시장이 됩니다.",
        "en": "Click a bar to make that market the focus market.",
    },
    "gs.top10.title": {"ko": "1. 포커스 시장 상위 10개 모델",
                       "en": "1. Top-10 models in the focus market"},
    "gs.top10.hint": {
        "ko": "막대나 조각을 클릭하면 그 모델의 월별 추세를 보고 히트맵에서 강조합니다.",
        "en": "Click a bar or slice to see that model's monthly trend and highlight it "
              "in the heatmap.",
    },
    "gs.model": {"ko": "추세 모델", "en": "Trend model"},
    "gs.model.top": {"ko": "1위 모델", "en": "Top model"},
    "gs.trend.title": {"ko": "모델 월별 추세", "en": "Monthly trend of a model"},
    "gs.deviation.title": {"ko": "2. 전체 시장 대비 편차",
                           "en": "2. Deviation from the global mix"},
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
    "gs.recommend.title": {"ko": "4. 포커스 시장 추천",
                           "en": "4. Recommendations for the focus market"},
    "gs.priority.title": {"ko": "5. 생산 우선순위와 재고 주수",
                          "en": "5. Production priority and stock cover"},
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
    # dropdown widget texts (dcc.Dropdown `labels`)
    "dropdown.select_all": {"ko": "모두 선택", "en": "Select all"},
    "dropdown.deselect_all": {"ko": "모두 해제", "en": "Deselect all"},
    "dropdown.selected_count": {"ko": "{num_selected}개 선택됨", "en": "{num_selected} selected"},
    "dropdown.search": {"ko": "검색", "en": "Search"},
    "dropdown.clear_search": {"ko": "검색어 지우기", "en": "Clear search"},
    "dropdown.clear_selection": {"ko": "선택 지우기", "en": "Clear selection"},
    "dropdown.no_options_found": {"ko": "항목 없음", "en": "No options found"},
    # alerts
    "url.invalid": {
        "ko": "주소의 매개변수 '{param}' 값 '{value}'은(는) 사용할 수 없어 "
              "{fallback}(으)로 표시합니다.",
        "en": "URL parameter '{param}' has an invalid value '{value}'; showing {fallback} "
              "instead.",
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
    "fig.top10.title": {"ko": "{market} 상위 10개 모델 — 판매 대수",
                        "en": "Top-10 models in {market} — units"},
    "fig.top10_pie.title": {"ko": "{market} 판매 점유율", "en": "Share of units in {market}"},
    "fig.top10_pie.others": {"ko": "기타 모델", "en": "Other models"},
    "fig.trend.title": {"ko": "{model} 월별 판매 — {market}",
                        "en": "{model} monthly units — {market}"},
    "fig.deviation.title": {"ko": "{market}: 모델별 점유율 편차 (%p)",
                            "en": "{market}: share deviation per model (pp)"},
    "fig.deviation.ends": {"ko": " — 위·아래 각 {n}개 모델 (전체는 표로 보기)",
                           "en": " — top and bottom {n} models (all in the table)"},
    "fig.heatmap.title.units": {"ko": "시장별 판매 대수 — 상위 {n}개 모델",
                                "en": "Units per market — top {n} models"},
    "fig.heatmap.title.share": {"ko": "시장 내 점유율(%) — 상위 {n}개 모델",
                                "en": "Share within market (%) — top {n} models"},
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

CATALOGUE: dict[str, dict[str, str]] = {**_UI, **STRATEGY_STRINGS}


def t(key: str, lang: str = "ko", **values: object) -> str:
    """Translate `key` (filling `{names}` from `values`); an unknown key shows itself
    so gaps are visible, not silent."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["ko"]
    return text.format(**values) if values else text


def market_label(market: str, lang: str = "ko") -> str:
    """A canonical market's display name: its Korean label in Korean, else the name."""
    from warehouse.canonical import MARKETS

    if lang == "ko" and market in MARKETS:
        return MARKETS[market][0]
    return market


def dropdown_labels(lang: str = "ko") -> dict[str, str]:
    """Texts of dcc.Dropdown's own widgets ("Select all", search box, ...)."""
    names = ("select_all", "deselect_all", "selected_count", "search", "clear_search",
             "clear_selection", "no_options_found")
    return {n: CATALOGUE[f"dropdown.{n}"].get(lang) or CATALOGUE[f"dropdown.{n}"]["ko"]
            for n in names}


def label(key: str, part: str = "", lang: str = "ko"):
    """A static text component that follows the language toggle (see `app.ids.text`)."""
    from dash import html

    from app import ids

    return html.Span(t(key, lang), id=ids.text(key, part))
