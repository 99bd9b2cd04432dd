"""Texts of the market explorer (데이터 / 시장 탐색): six pages, their charts, tables and
generated sentences (data only: `app.i18n` merges it; sentences are filled by
`app.i18n.explorer` from computed values only)."""

_PAGES = {
    "exports": ("지역별 수출", "Exports by region"),
    "models": ("모델 분석", "Models"),
    "plants": ("공장 분석", "Plants"),
    "retail": ("해외 시장 판매", "Overseas retail"),
    "competitors": ("경쟁사", "Competitors"),
    "sources": ("원천 데이터", "Source data"),
}

EXPLORER_STRINGS: dict[str, dict[str, str]] = {
    # navigation
    "nav.explorer": {"ko": "데이터 / 시장 탐색", "en": "Data / Market explorer"},
    **{f"nav.explorer.{p}": {"ko": ko, "en": en} for p, (ko, en) in _PAGES.items()},
    **{f"exp.{p}.title": {"ko": ko, "en": en} for p, (ko, en) in _PAGES.items()},
    # shared controls and states
    "exp.brand": {"ko": "브랜드", "en": "Brand"},
    "exp.brand.all": {"ko": "둘 다", "en": "Both"},
    "exp.from": {"ko": "시작 월", "en": "From month"},
    "exp.to": {"ko": "종료 월", "en": "To month"},
    "exp.focus.exports": {"ko": "지역", "en": "Region"},
    "exp.focus.models": {"ko": "모델", "en": "Model"},
    "exp.focus.plants": {"ko": "공장", "en": "Plant"},
    "exp.focus.retail": {"ko": "시장", "en": "Market"},
    "exp.focus.competitors": {"ko": "시장", "en": "Market"},
    "exp.focus.sources": {"ko": "파일", "en": "File"},
    "exp.all": {"ko": "전체", "en": "All"},
    "exp.both_note": {
        "ko": "둘 다: 두 브랜드가 모두 집계한 달만 더합니다 (한 브랜드만 있는 달은 미집계).",
        "en": "Both: only months both brands reported are added up (a month only one "
        "brand reported counts as not reported).",
    },
    "exp.unreported": {"ko": "미집계", "en": "Not reported"},
    "exp.unreported_months": {
        "ko": "미집계 월 (0이 아니라 아직 공시되지 않은 달): {months}",
        "en": "Months not reported (not zero: not published yet): {months}",
    },
    "exp.total": {"ko": "합계", "en": "Total"},
    "exp.downloads": {
        "ko": "차트 오른쪽 위 카메라 아이콘으로 PNG를 저장하고, '표로 "
        "보기'에서 CSV를 내려받습니다.",
        "en": "Save a chart as PNG with the camera icon at its top right; download a "
        "table as CSV under 'Show as a table'.",
    },
    "exp.cross_filter": {
        "ko": "막대나 선을 클릭하면 페이지의 다른 차트가 그 항목으로 좁혀집니다. 선택 상자에서 "
        "'전체'를 고르면 다시 전체를 봅니다.",
        "en": "Click a bar or a line to narrow the page's other charts to it; choose 'All' "
        "in its select box to see everything again.",
    },
    "exp.insights": {"ko": "데이터가 말하는 것", "en": "What the data says"},
    "exp.no_insight": {
        "ko": "선택한 조건에 문장을 만들 데이터가 없습니다.",
        "en": "No data to describe for this selection.",
    },
    "exp.focus_scope": {"ko": "선택: {focus}", "en": "Selected: {focus}"},
    # --- exports by region ---------------------------------------------------------------
    "exp.exports.intro": {
        "ko": "한국에서 선적한 완성차의 지역별 수출(IR 공시)입니다. 기아 CKD 수출은 별도 흐름이라 "
        "포함하지 않습니다. 단위: 대.",
        "en": "Complete vehicles exported from Korea by destination region (IR "
        "releases). Kia's CKD kits are a flow of their own and not included. Units: "
        "vehicles.",
    },
    "exp.exports.lines": {"ko": "월별 지역 수출", "en": "Monthly exports by region"},
    "exp.exports.share": {"ko": "지역별 비중", "en": "Share by region"},
    "exp.exports.yoy": {"ko": "전년 대비 변화", "en": "Year-over-year change"},
    "exp.exports.tables": {
        "ko": "지역 × 연도, 지역 × 월 (합계 포함)",
        "en": "Region × year and region × month (with totals)",
    },
    "exp.exports.year_table": {"ko": "지역 × 연도", "en": "Region × year"},
    "exp.exports.month_table": {"ko": "지역 × 월", "en": "Region × month"},
    "exp.exports.heatmap": {"ko": "계절성 (지역 × 달)", "en": "Seasonality (region × month)"},
    "exp.exports.heatmap_hint": {
        "ko": "지수 = 그 달의 평균 수출 ÷ 지역의 월평균 (1.0 = 보통 "
        "달). 집계되지 않은 달은 비어 있습니다.",
        "en": "Index = mean exports in that calendar month ÷ the region's monthly mean "
        "(1.0 = a typical month). Months never reported are blank.",
    },
    "fig.exp.lines": {"ko": "월별 수출 (대)", "en": "Monthly exports (vehicles)"},
    "fig.exp.share": {"ko": "기간 수출 비중", "en": "Share of the period's exports"},
    "fig.exp.yoy": {
        "ko": "{year}년 전년 대비 (같은 달끼리)",
        "en": "{year} against {prev} (same months)",
    },
    "fig.exp.yoy.none": {"ko": "전년 대비 변화", "en": "Year-over-year change"},
    "fig.exp.heatmap": {"ko": "계절 지수", "en": "Seasonal index"},
    "axis.exp.vehicles": {"ko": "대", "en": "Vehicles"},
    "axis.exp.month": {"ko": "월", "en": "Month"},
    "axis.exp.calendar_month": {"ko": "달", "en": "Calendar month"},
    "axis.exp.change": {"ko": "변화율 (%)", "en": "Change (%)"},
    "axis.exp.share": {"ko": "비중 (%)", "en": "Share (%)"},
    "axis.exp.index": {"ko": "지수 (기간 평균 = 100)", "en": "Index (period mean = 100)"},
    "ins.exports.largest": {
        "ko": "최대 수출 지역은 {region}: 기간 수출 {total:,}대 중 "
        "{units:,}대({share_pct:.1f}%)입니다.",
        "en": "The largest region is {region}: {units:,} of the period's {total:,} vehicles "
        "({share_pct:.1f}%).",
    },
    "ins.exports.peak": {
        "ko": "월 수출이 가장 많았던 달은 {month}({units:,}대)입니다.",
        "en": "The month with the most exports was {month} ({units:,} vehicles).",
    },
    "ins.exports.peak.focus": {
        "ko": "{region}의 월 수출이 가장 많았던 달은 {month}({units:,}대)입니다.",
        "en": "{region}'s month with the most exports was {month} ({units:,} vehicles).",
    },
    "ins.exports.fastest": {
        "ko": "{year}년 가장 빠르게 성장한 지역은 {region}입니다: 전년 같은 {months}개월 대비 "
        "{growth_pct:+.1f}%.",
        "en": "The fastest-growing region in {year} is {region}: {growth_pct:+.1f}% on the "
        "same {months} month(s) a year earlier.",
    },
    "ins.exports.no_growth_leader": {
        "ko": "{year}년 전년 같은 달보다 늘어난 지역은 없습니다.",
        "en": "No region grew in {year} against the same months a year earlier.",
    },
    "ins.exports.declining": {
        "ko": "{year}년 감소한 지역 (전년 같은 달 대비): {regions}.",
        "en": "Declining in {year} (against the same months a year earlier): {regions}.",
    },
    "ins.exports.no_decline": {
        "ko": "{year}년 전년 같은 달보다 줄어든 지역은 없습니다.",
        "en": "No region declined in {year} against the same months a year earlier.",
    },
    "ins.exports.one_year": {
        "ko": "성장과 감소를 보려면 기간에 두 해 이상이 있어야 합니다.",
        "en": "Growth needs at least two years in the period.",
    },
    # --- models --------------------------------------------------------------------------
    "exp.models.intro": {
        "ko": "국내 판매와 한국발 수출(모델별 IR 공시)입니다. 차체와 "
        "파워트레인은 모델 카탈로그에서 "
        "가져옵니다. 단위: 대.",
        "en": "Domestic sales and exports from Korea by model (IR releases). Body type "
        "and powertrain come from the model catalogue. Units: vehicles.",
    },
    "exp.flow": {"ko": "판매 구분", "en": "Sales"},
    "exp.flow.both": {"ko": "국내 + 수출", "en": "Domestic + export"},
    "exp.flow.domestic": {"ko": "국내", "en": "Domestic"},
    "exp.flow.export": {"ko": "수출", "en": "Export"},
    "exp.top": {"ko": "연도별 상위 N", "en": "Top N per year"},
    "exp.compare": {"ko": "비교 모델", "en": "Compare with"},
    "exp.models.flows": {"ko": "국내 vs 수출 추이", "en": "Domestic vs export over time"},
    "exp.models.top": {"ko": "연도별 상위 모델", "en": "Top models per year"},
    "exp.models.mix": {"ko": "차체·파워트레인 구성", "en": "Mix by body type and powertrain"},
    "exp.models.mix_hint": {
        "ko": "'미표기'는 파워트레인이 섞인 공시 행(예: 기아 "
        "스포티지)이고, '모델 외 분류'는 모델이 "
        "없는 행(LCV, CKD 등)입니다. 어떤 대수도 빠지지 않습니다.",
        "en": "'Unstated' are published rows that may mix powertrains (e.g. Kia's "
        "Sportage); 'Non-model rows' have no model (LCV, CKD, ...). No unit is left out.",
    },
    "exp.models.electrified": {
        "ko": "전기차·하이브리드 비중 추이",
        "en": "EV and hybrid share over time",
    },
    "exp.models.comparison": {"ko": "두 모델 비교", "en": "Two models compared"},
    "exp.models.seasonality": {"ko": "계절성 분류", "en": "Seasonality classes"},
    "exp.models.seasonality_hint": {
        "ko": "월 판매의 변동계수(CV = 표준편차 ÷ 평균, 집계된 달만): 0.3 미만 연중형, 0.5 이상 "
        "계절형, 그 사이 보통, 6개월 미만은 판단 불가.",
        "en": "Coefficient of variation of monthly units (CV = std ÷ mean, reported "
        "months only): below 0.3 year-round, 0.5 or above seasonal, in between moderate; "
        "fewer than 6 months cannot be classed.",
    },
    "group.unstated": {"ko": "미표기 (혼합)", "en": "Unstated (mixed)"},
    "group.category": {"ko": "모델 외 분류", "en": "Non-model rows"},
    "group.unknown": {"ko": "카탈로그 외 모델", "en": "Not in catalogue"},
    "cv.year_round": {"ko": "연중형", "en": "Year-round"},
    "cv.moderate": {"ko": "보통", "en": "Moderate"},
    "cv.seasonal": {"ko": "계절형", "en": "Seasonal"},
    "cv.insufficient": {"ko": "판단 불가", "en": "Too few months"},
    "flow.domestic_sales": {"ko": "국내", "en": "Domestic"},
    "flow.export_sales": {"ko": "수출", "en": "Export"},
    "fig.exp.flows": {"ko": "{scope}: 국내 vs 수출 (대)", "en": "{scope}: domestic vs export"},
    "fig.exp.top": {"ko": "{year}년 상위 {n}개 모델", "en": "Top {n} models in {year}"},
    "fig.exp.body_mix": {"ko": "연도별 차체 구성", "en": "Body type mix per year"},
    "fig.exp.power_mix": {"ko": "연도별 파워트레인 구성", "en": "Powertrain mix per year"},
    "fig.exp.electrified": {"ko": "월별 비중 (%)", "en": "Monthly share (%)"},
    "fig.exp.electric": {"ko": "전기차 (EV·FCEV)", "en": "Electric (EV, FCEV)"},
    "fig.exp.hybrid": {"ko": "하이브리드 (HEV·PHEV)", "en": "Hybrid (HEV, PHEV)"},
    "fig.exp.unstated": {"ko": "미표기", "en": "Unstated"},
    "fig.exp.comparison": {"ko": "{a} vs {b} (대)", "en": "{a} vs {b} (vehicles)"},
    "fig.exp.gap": {"ko": "차이 ({a} − {b})", "en": "Gap ({a} − {b})"},
    "ins.models.top": {
        "ko": "{year}년({months}개월 집계) 1위 모델은 {model}({units:,}대, 모델 판매의 "
        "{share_pct:.1f}%)입니다.",
        "en": "The top model of {year} ({months} month(s) reported) is {model} ({units:,} "
        "vehicles, {share_pct:.1f}% of model sales).",
    },
    "ins.models.split": {
        "ko": "{scope}: 국내 {domestic:,}대, 수출 {export:,}대 (수출 비중 {export_pct:.1f}%).",
        "en": "{scope}: {domestic:,} domestic, {export:,} exported ({export_pct:.1f}% exported).",
    },
    "ins.models.electrified": {
        "ko": "{first}–{last} 전기차 비중 {electric_pct:.1f}%, 하이브리드 {hybrid_pct:.1f}% "
        "(파워트레인 미표기 {unstated_pct:.1f}%는 어느 쪽에도 넣지 않았습니다).",
        "en": "{first}–{last}: electric {electric_pct:.1f}%, hybrid {hybrid_pct:.1f}% "
        "(the {unstated_pct:.1f}% with an unstated powertrain is in neither).",
    },
    "ins.models.seasonality": {
        "ko": "연중형 {year_round}개, 보통 {moderate}개, 계절형 {seasonal}개 모델"
        "(판단 불가 {insufficient}개).",
        "en": "{year_round} year-round, {moderate} moderate and {seasonal} seasonal models "
        "({insufficient} with too few months).",
    },
    "ins.models.compare": {
        "ko": "{a} {total_a:,}대, {b} {total_b:,}대: 차이 {gap:+,}대. 정점은 {a} {peak_a}"
        "({peak_a_units:,}대), {b} {peak_b}({peak_b_units:,}대).",
        "en": "{a} {total_a:,} vs {b} {total_b:,} vehicles: a gap of {gap:+,}. Peaks: "
        "{a} in {peak_a} ({peak_a_units:,}), {b} in {peak_b} ({peak_b_units:,}).",
    },
    "ins.models.compare_pick": {
        "ko": "비교할 두 모델을 고르세요.",
        "en": "Choose two models to compare.",
    },
    # --- plants --------------------------------------------------------------------------
    "exp.plants.intro": {
        "ko": "해외 공장에서 만든 차의 판매(IR 공시)입니다. 내수 = 공장 "
        "국가 내 판매. 둘 다를 고르면 "
        "다른 브랜드의 위탁 생산 행은 두 번 세지 않습니다. 단위: 대.",
        "en": "Sales of vehicles built at overseas plants (IR releases). Domestic = sold "
        "in the plant's country. With both brands, contract production reported by both "
        "is counted once. Units: vehicles.",
    },
    "exp.picks.plants": {"ko": "추이 모델 (여러 개)", "en": "Trend models (several)"},
    "exp.plants.totals": {"ko": "공장별 판매", "en": "Sales by plant"},
    "exp.plants.trend": {
        "ko": "공장별 월 추이 (선택한 모델)",
        "en": "Monthly trend per plant (chosen models)",
    },
    "exp.plants.ratio": {"ko": "공장별 내수·수출", "en": "Domestic vs export per plant"},
    "exp.plants.ratio_hint": {
        "ko": "내수와 수출을 나눠 공시하는 공장만 비율을 계산합니다. 합계로만 공시된 대수는 "
        "'구분 없음' 열에 따로 둡니다.",
        "en": "Only plants reporting domestic and export separately get a ratio; units "
        "reported as a total only are in the 'No split' column.",
    },
    "exp.plants.single": {"ko": "한 공장에서만 만드는 모델", "en": "Models made in one plant only"},
    "exp.plants.concentration": {
        "ko": "모델별 공장 집중도",
        "en": "Plant concentration per model",
    },
    "exp.plants.concentration_hint": {
        "ko": "HHI = 공장별 비중 제곱의 합 (1 = 한 공장).",
        "en": "HHI = sum of squared plant shares (1 = one plant).",
    },
    "fig.exp.totals": {"ko": "공장별 판매 (대)", "en": "Sales by plant (vehicles)"},
    "fig.exp.trend": {
        "ko": "{scope}: 공장별 월 판매 (대)",
        "en": "{scope}: monthly sales by plant",
    },
    "fig.exp.ratio": {"ko": "수출 비중 (%)", "en": "Export share (%)"},
    "fig.exp.concentration": {
        "ko": "최대 공장 비중 (%)",
        "en": "Share of the largest plant (%)",
    },
    "fig.exp.all_models": {"ko": "모든 모델", "en": "All models"},
    "ins.plants.largest": {
        "ko": "최대 공장은 {plant}({name})입니다: {units:,}대, 해외 공장 판매의 {share_pct:.1f}%.",
        "en": "The largest plant is {plant} ({name}): {units:,} vehicles, {share_pct:.1f}% "
        "of overseas-plant sales.",
    },
    "ins.plants.export": {
        "ko": "수출 비중이 가장 높은 공장은 {high}({high_pct:.1f}%), 가장 낮은 공장은 "
        "{low}({low_pct:.1f}%)입니다.",
        "en": "The plant exporting the largest share is {high} ({high_pct:.1f}%), the "
        "smallest {low} ({low_pct:.1f}%).",
    },
    "ins.plants.single": {
        "ko": "{count}개 모델이 한 공장에서만 생산됩니다. 가장 많이 팔린 모델은 {model}"
        "({plant}, {units:,}대)입니다.",
        "en": "{count} models are made in one plant only; the best-selling is {model} "
        "({plant}, {units:,} vehicles).",
    },
    "ins.plants.focus": {
        "ko": "{plant}: {units:,}대, 모델 {models}개.",
        "en": "{plant}: {units:,} vehicles, {models} models.",
    },
    # --- overseas retail -------------------------------------------------------------------
    "exp.retail.intro": {
        "ko": "기아 해외 현지 판매(시장별)와 현대 유럽 소매 판매입니다. 단위: 대.",
        "en": "Kia's local sales by overseas market and Hyundai's European retail sales. "
        "Units: vehicles.",
    },
    "exp.picks.retail": {"ko": "비교 시장 (여러 개)", "en": "Markets compared (several)"},
    "exp.retail.trend": {
        "ko": "시장별 월 추이 (정점 ▲, 저점 ▼)",
        "en": "Monthly trend per market (peak ▲, low ▼)",
    },
    "exp.retail.volatility": {"ko": "변동성", "en": "Volatility"},
    "exp.retail.compare": {
        "ko": "다중 시장 비교 (지수, 기간 평균 = 100)",
        "en": "Markets compared (index, period mean = 100)",
    },
    "exp.retail.mix": {"ko": "시장별 파워트레인 구성", "en": "Powertrain mix per market"},
    "exp.retail.ev": {"ko": "전기차 비중, 전년 대비", "en": "EV share, year over year"},
    "exp.retail.ev_hint": {
        "ko": "비중은 시장 전체 대수 기준입니다. 파워트레인이 미표기인 대수가 있으면 전기차 비중은 "
        "그만큼 낮게 잡힌 하한입니다. 전년 비교는 같은 달끼리.",
        "en": "Shares are of all the market's units; where some units have no stated "
        "powertrain the EV share is a lower bound. Year-over-year compares the same "
        "months.",
    },
    "fig.exp.retail_trend": {"ko": "시장별 월 판매 (대)", "en": "Monthly sales by market"},
    "fig.exp.indexed": {"ko": "지수 (기간 평균 = 100)", "en": "Index (period mean = 100)"},
    "fig.exp.retail_mix": {
        "ko": "{year}년 파워트레인 구성 (%)",
        "en": "Powertrain mix in {year} (%)",
    },
    "fig.exp.peak": {"ko": "정점", "en": "Peak"},
    "fig.exp.low": {"ko": "저점", "en": "Low"},
    "ins.retail.ev_leader": {
        "ko": "{year}년({months}개월) 전기차 비중이 가장 높은 시장은 {market}"
        "({share_pct:.1f}%, 파워트레인 미표기 {unstated_pct:.1f}%)입니다.",
        "en": "The EV leader of {year} ({months} month(s)) is {market} ({share_pct:.1f}% "
        "electric; "
        "{unstated_pct:.1f}% unstated).",
    },
    "ins.retail.no_ev": {
        "ko": "{year}년 전기차 판매가 집계된 시장이 없습니다.",
        "en": "No market reports electric sales in {year}.",
    },
    "ins.retail.ice": {
        "ko": "{year}년 내연기관 의존 시장 (내연기관 비중 {limit_pct:.0f}% 이상): {markets}.",
        "en": "ICE-dependent markets in {year} (ICE share {limit_pct:.0f}% or more): {markets}.",
    },
    "ins.retail.no_ice": {
        "ko": "{year}년 내연기관 비중이 {limit_pct:.0f}% 이상인 시장은 없습니다.",
        "en": "No market has an ICE share of {limit_pct:.0f}% or more in {year}.",
    },
    "ins.retail.volatility": {
        "ko": "변동성이 가장 큰 시장은 {market}(CV {cv:.2f}), 가장 작은 시장은 {steady}"
        "(CV {steady_cv:.2f})입니다.",
        "en": "The most volatile market is {market} (CV {cv:.2f}), the steadiest {steady} "
        "(CV {steady_cv:.2f}).",
    },
    "ins.retail.focus": {
        "ko": "{market}: 정점 {peak}({peak_units:,}대), 저점 {low}({low_units:,}대).",
        "en": "{market}: peak {peak} ({peak_units:,}), low {low} ({low_units:,}).",
    },
    # --- competitors -----------------------------------------------------------------------
    "exp.competitors.intro": {
        "ko": "경쟁사 파일의 시장별 상위 모델입니다 (연도별). 대응 모델은 차체와 파워트레인이 가장 "
        "가까운 우리 모델이며, 같으면 같은 기간 그 시장 판매가 많은 모델입니다. 단위: 대.",
        "en": "The competitor file's best-selling models per market and year. Our "
        "counter-model is the one closest in body type and powertrain; among equally "
        "close ones, the one selling more in that market over the same months. Units: "
        "vehicles.",
    },
    "exp.year": {"ko": "연도", "en": "Year"},
    "exp.competitors.brands": {
        "ko": "브랜드·파워트레인별 판매",
        "en": "Sales by brand and powertrain",
    },
    "exp.competitors.share": {
        "ko": "상위 모델 중 현대·기아 비중 (시장별)",
        "en": "Our share among the listed top models, by market",
    },
    "exp.competitors.counters": {
        "ko": "경쟁 모델별 대응 모델",
        "en": "Our counter-model to each competitor",
    },
    "exp.competitors.partial.1": {
        "ko": "{year}년 경쟁사 수치는 1월 한 달 치라 우리 판매도 1월만 비교합니다.",
        "en": "The {year} competitor figures cover January only, so our sales are compared "
        "over January only.",
    },
    "exp.competitors.partial": {
        "ko": "{year}년 경쟁사 수치는 1–{months}월 합계라 우리 판매도 같은 달만 비교합니다.",
        "en": "The {year} competitor figures cover January to month {months}, so our sales "
        "are compared over the same months.",
    },
    "fig.exp.brands": {
        "ko": "{market} {year}: 브랜드별 판매 (대)",
        "en": "{market} {year}: sales by brand",
    },
    "fig.exp.our_share": {
        "ko": "{year}년 상위 모델 중 현대·기아 비중 (%)",
        "en": "Our share of the listed top models in {year} (%)",
    },
    "match.exact": {
        "ko": "차체·파워트레인 일치 (그 파워트레인 전용)",
        "en": "same body and powertrain (that powertrain only)",
    },
    "match.offered": {
        "ko": "차체 일치, 같은 파워트레인 제공",
        "en": "same body, offered with that powertrain",
    },
    "match.body": {"ko": "차체만 일치", "en": "same body only"},
    "match.none": {"ko": "같은 차체의 우리 모델 없음", "en": "no model of ours with that body"},
    "ins.competitors.share": {
        "ko": "{year}년 상위 모델 목록에 현대·기아가 있는 시장은 "
        "{count}/{total}곳입니다: {markets}.",
        "en": "In {year} our models are among the listed top models in {count} of "
        "{total} markets: {markets}.",
    },
    "ins.competitors.share_none": {
        "ko": "{year}년 어느 시장의 상위 모델 목록에도 현대·기아 모델이 없습니다.",
        "en": "In {year} none of our models is among any market's listed top models.",
    },
    "ins.competitors.leader": {
        "ko": "{market} {year}년 1위는 {model}({brand}, {units:,}대, 상위 모델 판매의 "
        "{share_pct:.1f}%)입니다.",
        "en": "The {year} leader in {market} is {model} ({brand}, {units:,} vehicles, "
        "{share_pct:.1f}% of the listed models' sales).",
    },
    "ins.competitors.counter": {
        "ko": "{rival}({rival_brand}, {rival_units:,}대) ↔ {ours}({our_brand}, {powertrains}): "
        "{match}; 같은 기간 현지 판매 {our_units:,}대 ({source}).",
        "en": "{rival} ({rival_brand}, {rival_units:,}) ↔ {ours} ({our_brand}, "
        "{powertrains}): {match}; local sales over the same months {our_units:,} "
        "({source}).",
    },
    "ins.competitors.counter_no_units": {
        "ko": "{rival}({rival_brand}, {rival_units:,}대) ↔ {ours}({our_brand}, {powertrains}): "
        "{match}; 이 시장의 현지 판매 자료 없음.",
        "en": "{rival} ({rival_brand}, {rival_units:,}) ↔ {ours} ({our_brand}, "
        "{powertrains}): {match}; no local sales figures for this market.",
    },
    "ins.competitors.counter_none": {
        "ko": "{rival}({rival_brand}, {rival_units:,}대): {match}.",
        "en": "{rival} ({rival_brand}, {rival_units:,}): {match}.",
    },
    # --- source data -----------------------------------------------------------------------
    "exp.sources.intro": {
        "ko": "적재된 모든 파일을 적재된 그대로 봅니다 (판매 파일은 행 × 월 × 시장, 파일의 줄 "
        "번호 포함). 고객 파일은 개인정보 열(이름, 생년월일, 전화, 이메일, 주소, 아이디) 없이 보여 "
        "줍니다.",
        "en": "Every loaded file as loaded (sales files as line × month × market, with the "
        "file's line numbers). Customer files are shown without their personal columns "
        "(name, birth date, phone, e-mail, address, user id).",
    },
    "exp.sources.files": {"ko": "적재 파일", "en": "Loaded files"},
    "exp.sources.log": {"ko": "적재 기록", "en": "Load-log entry"},
    "exp.sources.quality": {"ko": "데이터 품질 메모", "en": "Data-quality notes"},
    "exp.sources.rejected": {"ko": "격리된 행", "en": "Rejected rows"},
    "exp.sources.rows": {"ko": "행 (적재된 그대로)", "en": "Rows, as loaded"},
    "exp.sources.rows_hint": {
        "ko": "열 머리글을 눌러 정렬하고, 메뉴에서 필터를 겁니다. 기간은 "
        "연·월이 있는 행에 적용됩니다.",
        "en": "Click a header to sort; filter from its menu. The period applies to rows "
        "with a year and month.",
    },
    "exp.sources.no_quality": {
        "ko": "이 파일에 대한 품질 메모가 없습니다.",
        "en": "No data-quality notes for this file.",
    },
    "exp.sources.no_rejects": {"ko": "격리된 행이 없습니다.", "en": "No rejected rows."},
    "exp.sources.download": {
        "ko": "CSV 다운로드 (정렬·필터 적용)",
        "en": "Download CSV (sorted and filtered)",
    },
    "exp.sources.capped": {
        "ko": "CSV에는 처음 {limit:,}행만 담았습니다 (필터 결과 {rows:,}행). 전체는 "
        "`carsight sql --csv`로 내려받으세요.",
        "en": "The CSV holds the first {limit:,} rows ({rows:,} match the filter). Use "
        "`carsight sql --csv` for all of them.",
    },
    "exp.sources.refused": {
        "ko": "표의 정렬·필터를 적용할 수 없습니다: {detail}",
        "en": "The grid's sort or filter cannot be applied: {detail}",
    },
    "ins.sources.file": {
        "ko": "{kind} 파일: {rows_read:,}행을 읽어 {rows_loaded:,}행을 적재하고 "
        "{rows_rejected:,}행을 격리했습니다 (판매 행 {fact_rows:,}개). "
        "품질 경고 {warnings}건, 정보 {notes}건.",
        "en": "{kind} file: {rows_read:,} rows read, {rows_loaded:,} loaded, {rows_rejected:,} "
        "rejected ({fact_rows:,} fact rows). {warnings} quality warning(s), {notes} note(s).",
    },
    "kind.facts": {"ko": "판매", "en": "Sales"},
    "kind.customers": {"ko": "고객", "en": "Customers"},
    "kind.competitors": {"ko": "경쟁사", "en": "Competitors"},
    "kind.context": {"ko": "시장 맥락", "en": "Market context"},
    "kind.production": {"ko": "생산·판매", "en": "Production"},
    # column headers of the explorer's tables (before the shared col.* keys)
    "exp.col.market": {"ko": "지역·시장", "en": "Region / market"},
    "exp.col.units": {"ko": "대수", "en": "Vehicles"},
    "exp.col.share": {"ko": "비중 (%)", "en": "Share (%)"},
    "exp.col.months": {"ko": "집계 월 수", "en": "Months reported"},
    "exp.col.peak_month": {"ko": "정점 월", "en": "Peak month"},
    "exp.col.peak_units": {"ko": "정점 대수", "en": "Peak vehicles"},
    "exp.col.low_month": {"ko": "저점 월", "en": "Low month"},
    "exp.col.low_units": {"ko": "저점 대수", "en": "Low vehicles"},
    "exp.col.yoy_change": {"ko": "전년 대비 (%)", "en": "Year over year (%)"},
    "exp.col.growth": {"ko": "전년 대비 (%)", "en": "Year over year (%)"},
    "exp.col.compared_months": {"ko": "비교 월 수", "en": "Months compared"},
    "exp.col.units_compared": {"ko": "비교 월 대수", "en": "Vehicles, compared months"},
    "exp.col.prev_units": {"ko": "전년 같은 달 대수", "en": "Same months a year earlier"},
    "exp.col.total": {"ko": "합계", "en": "Total"},
    "exp.col.month": {"ko": "달", "en": "Month"},
    "exp.col.years": {"ko": "집계 연 수", "en": "Years reported"},
    "exp.col.mean_units": {"ko": "월평균 대수", "en": "Mean per month"},
    "exp.col.index": {"ko": "계절 지수", "en": "Seasonal index"},
    "exp.col.year": {"ko": "연도", "en": "Year"},
    "exp.col.rank": {"ko": "순위", "en": "Rank"},
    "exp.col.model": {"ko": "모델", "en": "Model"},
    "exp.col.brand": {"ko": "브랜드", "en": "Brand"},
    "exp.col.group": {"ko": "구분", "en": "Group"},
    "exp.col.domestic": {"ko": "국내", "en": "Domestic"},
    "exp.col.export": {"ko": "수출", "en": "Export"},
    "exp.col.unsplit": {"ko": "구분 없음", "en": "No split"},
    "exp.col.export_ratio": {"ko": "수출 비중 (%)", "en": "Export share (%)"},
    "exp.col.electric": {"ko": "전기차", "en": "Electric"},
    "exp.col.hybrid": {"ko": "하이브리드", "en": "Hybrid"},
    "exp.col.unstated": {"ko": "미표기", "en": "Unstated"},
    "exp.col.ice": {"ko": "내연기관", "en": "ICE"},
    "exp.col.electric_share": {"ko": "전기차 (%)", "en": "Electric (%)"},
    "exp.col.hybrid_share": {"ko": "하이브리드 (%)", "en": "Hybrid (%)"},
    "exp.col.unstated_share": {"ko": "미표기 (%)", "en": "Unstated (%)"},
    "exp.col.ev_share": {"ko": "전기차 (%)", "en": "EV (%)"},
    "exp.col.ice_share": {"ko": "내연기관 (%)", "en": "ICE (%)"},
    "exp.col.prev_ev_share": {"ko": "전년 같은 달 전기차 (%)", "en": "EV a year earlier (%)"},
    "exp.col.change_pp": {"ko": "변화 (%p)", "en": "Change (pp)"},
    "exp.col.cv": {"ko": "변동계수", "en": "CV"},
    "exp.col.cv_class": {"ko": "분류", "en": "Class"},
    "exp.col.units_a": {"ko": "모델 A 대수", "en": "Model A"},
    "exp.col.units_b": {"ko": "모델 B 대수", "en": "Model B"},
    "exp.col.gap": {"ko": "차이 (A − B)", "en": "Gap (A − B)"},
    "exp.col.period": {"ko": "월", "en": "Month"},
    "exp.col.flow": {"ko": "구분", "en": "Sales"},
    "exp.col.plant": {"ko": "공장", "en": "Plant"},
    "exp.col.plant_name": {"ko": "공장명", "en": "Plant name"},
    "exp.col.plant_market": {"ko": "공장 국가", "en": "Plant country"},
    "exp.col.plants": {"ko": "공장 수", "en": "Plants"},
    "exp.col.top_plant": {"ko": "최대 공장", "en": "Largest plant"},
    "exp.col.top_share": {"ko": "최대 공장 비중 (%)", "en": "Largest plant (%)"},
    "exp.col.hhi": {"ko": "HHI", "en": "HHI"},
    "exp.col.powertrain": {"ko": "파워트레인", "en": "Powertrain"},
    "exp.col.listed": {"ko": "목록 모델 수", "en": "Models listed"},
    "exp.col.listed_units": {"ko": "목록 판매", "en": "Listed units"},
    "exp.col.our_models": {"ko": "현대·기아 모델", "en": "Our models"},
    "exp.col.our_units": {"ko": "현대·기아 판매", "en": "Our units"},
    "exp.col.our_share": {"ko": "현대·기아 비중 (%)", "en": "Our share (%)"},
    "exp.col.model_name": {"ko": "경쟁 모델", "en": "Competitor model"},
    "exp.col.segment": {"ko": "차량 구분", "en": "Segment"},
    "exp.col.body": {"ko": "차체", "en": "Body"},
    "exp.col.mix": {"ko": "구성 기준", "en": "Mix by"},
    "exp.mix.body": {"ko": "차체", "en": "Body type"},
    "exp.mix.powertrain": {"ko": "파워트레인", "en": "Powertrain"},
    # the competitor file's body words (analytics.competitors.SEGMENT_BODY)
    "exp.body.SUV": {"ko": "SUV", "en": "SUV"},
    "exp.body.sedan": {"ko": "세단", "en": "Sedan"},
    "exp.body.hatchback": {"ko": "해치백", "en": "Hatchback"},
    "exp.body.pickup": {"ko": "픽업", "en": "Pickup"},
    "exp.body.MPV": {"ko": "MPV", "en": "MPV"},
    "exp.body.compact": {"ko": "컴팩트", "en": "Compact"},
    # the competitor file's powertrain words, in English
    "exp.powertrain.내연기관": {"ko": "내연기관", "en": "ICE"},
    "exp.powertrain.하이브리드": {"ko": "하이브리드", "en": "Hybrid"},
    "exp.powertrain.전기차": {"ko": "전기차", "en": "EV"},
    "exp.col.our_model": {"ko": "대응 모델", "en": "Our counter-model"},
    "exp.col.our_brand": {"ko": "우리 브랜드", "en": "Our brand"},
    "exp.col.our_powertrains": {"ko": "제공 파워트레인", "en": "Offered powertrains"},
    "exp.col.match": {"ko": "근거", "en": "Why"},
    "exp.col.our_source": {"ko": "현지 판매 출처", "en": "Local sales source"},
    "exp.col.is_ours": {"ko": "현대·기아", "en": "Ours"},
    "exp.col.source_file": {"ko": "파일", "en": "File"},
    "exp.col.format": {"ko": "형식", "en": "Format"},
    "exp.col.kind": {"ko": "종류", "en": "Kind"},
    "exp.col.status": {"ko": "상태", "en": "Status"},
    "exp.col.encoding": {"ko": "인코딩", "en": "Encoding"},
    "exp.col.rows_read": {"ko": "읽은 행", "en": "Rows read"},
    "exp.col.rows_loaded": {"ko": "적재 행", "en": "Rows loaded"},
    "exp.col.rows_rejected": {"ko": "격리 행", "en": "Rows rejected"},
    "exp.col.fact_rows": {"ko": "판매 행", "en": "Fact rows"},
    "exp.col.loaded_at": {"ko": "적재 시각", "en": "Loaded at"},
    "exp.col.seconds": {"ko": "읽기 시간 (초)", "en": "Read time (s)"},
    "exp.col.warnings": {"ko": "경고", "en": "Warnings"},
    "exp.col.notes": {"ko": "정보", "en": "Notes"},
    "exp.col.check_name": {"ko": "검사", "en": "Check"},
    "exp.col.severity": {"ko": "심각도", "en": "Severity"},
    "exp.col.detail": {"ko": "내용", "en": "Detail"},
    "exp.col.line": {"ko": "줄", "en": "Line"},
    "exp.col.column": {"ko": "열", "en": "Column"},
    "exp.col.reason": {"ko": "사유", "en": "Reason"},
    "exp.col.raw": {"ko": "원본 줄", "en": "Raw line"},
    "exp.col.model_label": {"ko": "모델 (원문)", "en": "Model as published"},
    "exp.col.category": {"ko": "분류", "en": "Category"},
    "exp.col.vehicle_type": {"ko": "차종 (원문)", "en": "Vehicle type as published"},
    "exp.col.market_label": {"ko": "시장 (원문)", "en": "Market as published"},
    "exp.col.sales_type": {"ko": "판매 유형", "en": "Sales type"},
    "exp.col.age": {"ko": "나이", "en": "Age"},
    "exp.col.gender": {"ko": "성별", "en": "Gender"},
    "exp.col.vehicle_class": {"ko": "차급", "en": "Vehicle class"},
    "exp.col.body_type": {"ko": "차체", "en": "Body type"},
    "exp.col.size_class": {"ko": "크기", "en": "Size class"},
    "exp.col.eco_friendly": {"ko": "친환경", "en": "Eco-friendly"},
    "exp.col.purchase_date": {"ko": "구매일", "en": "Purchase date"},
    "exp.col.amount_krw": {"ko": "거래액 (원)", "en": "Amount (KRW)"},
    "exp.col.payment_method": {"ko": "결제 방식", "en": "Payment"},
    "exp.col.purchase_count": {"ko": "구매 횟수", "en": "Purchases"},
    "exp.col.channel": {"ko": "경로", "en": "Channel"},
    "exp.col.launch_month": {"ko": "출시 월", "en": "Launch month"},
    "exp.col.signup_date": {"ko": "가입일", "en": "Signed up"},
    "exp.col.repeated_of": {"ko": "복제 원본", "en": "Copy of"},
    "exp.col.climate_zone": {"ko": "기후대", "en": "Climate zone"},
    "exp.col.gdp_trillion_usd": {"ko": "GDP (조 달러)", "en": "GDP (trillion USD)"},
    "exp.col.total_production": {"ko": "총 생산", "en": "Total production"},
    "exp.col.total_sales": {"ko": "총 판매", "en": "Total sales"},
}
