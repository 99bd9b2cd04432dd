"""Every insight sentence of the market explorer, computed from a small frame whose
answers were worked out by hand (in the comments) and asserted word for word: the
analytics (analytics.explorer.*.insights) give the numbers, app.i18n.explorer the
sentence, in English and Korean."""

from __future__ import annotations

import polars as pl

from analytics.explorer import competitors, exports, models, plants, retail
from app.i18n import t
from app.i18n.explorer import (
    comparison_sentence,
    competitors_sentences,
    counter_sentence,
    exports_sentences,
    models_sentences,
    plants_sentences,
    retail_sentences,
    sources_sentences,
)

# --- exports by region ----------------------------------------------------------------------


def export_months(rows: list[tuple]) -> pl.DataFrame:
    return pl.DataFrame(
        rows, schema={"market": pl.Utf8, "year": pl.Int32, "month": pl.Int32, "units": pl.Int64},
        orient="row",
    )  # fmt: skip


EXPORT_ROWS = [
    # 2024 has January and February; 2023 the same two months and December
    ("USA", 2023, 1, 100), ("USA", 2023, 2, 100), ("USA", 2023, 12, 900),
    ("USA", 2024, 1, 150), ("USA", 2024, 2, 90),
    ("Canada", 2023, 1, 50), ("Canada", 2023, 2, 50),
    ("Canada", 2024, 1, 40), ("Canada", 2024, 2, 40),
    ("Mexico", 2023, 1, 10), ("Mexico", 2023, 2, 10),
    ("Mexico", 2024, 1, 11), ("Mexico", 2024, 2, 9),
]  # fmt: skip


def test_exports_sentences_name_the_largest_region_the_peak_growth_and_decline():
    found = exports.insights(export_months(EXPORT_ROWS))
    # total 1,560; USA 1,340 = 85.9 %; the peak month: 2023-12 (900, USA only)
    # 2024 against the same two months of 2023: USA 240/200 = +20 %, Canada 80/100 =
    # -20 %, Mexico 20/20 = 0 % (not declining)
    assert exports_sentences(found, "en") == [
        "The largest region is USA: 1,340 of the period's 1,560 vehicles (85.9%).",
        "The month with the most exports was 2023-12 (900 vehicles).",
        "The fastest-growing region in 2024 is USA: +20.0% on the same 2 month(s) a year earlier.",
        "Declining in 2024 (against the same months a year earlier): Canada -20.0%.",
    ]
    assert exports_sentences(found, "ko") == [
        "최대 수출 지역은 미국: 기간 수출 1,560대 중 1,340대(85.9%)입니다.",
        "월 수출이 가장 많았던 달은 2023-12(900대)입니다.",
        "2024년 가장 빠르게 성장한 지역은 미국입니다: 전년 같은 2개월 대비 +20.0%.",
        "2024년 감소한 지역 (전년 같은 달 대비): 캐나다 -20.0%.",
    ]


def test_exports_sentences_of_a_focus_region_a_single_year_and_no_decline():
    found = exports.insights(export_months(EXPORT_ROWS), focus="Canada")
    # Canada's months: 50, 50, 40, 40: the earliest of the tied maxima
    assert "Canada's month with the most exports was 2023-01 (50 vehicles)." in (
        exports_sentences(found, "en")
    )
    one_year = exports.insights(export_months([r for r in EXPORT_ROWS if r[1] == 2024]))
    assert exports_sentences(one_year, "en")[-1] == (
        "Growth needs at least two years in the period."
    )
    growing = exports.insights(export_months([r for r in EXPORT_ROWS if r[0] == "USA"]))
    assert exports_sentences(growing, "en")[-1] == (
        "No region declined in 2024 against the same months a year earlier."
    )
    shrinking = exports.insights(export_months([r for r in EXPORT_ROWS if r[0] == "Canada"]))
    assert "No region grew in 2024 against the same months a year earlier." in (
        exports_sentences(shrinking, "en")
    )
    assert exports_sentences(exports.insights(export_months([])), "en") == []


# --- models --------------------------------------------------------------------------------


def model_rows() -> pl.DataFrame:
    def row(flow, model, powertrain, body, month, units, category=None):
        return ("Kia", flow, model, category, powertrain, body, 2024, month, units)

    dom, exp = "domestic_sales", "export_sales"
    rows = []
    for month in range(1, 7):
        odd = month % 2
        rows += [
            row(dom, "Sportage", None, "SUV", month, 100),  # powertrain unstated
            row(exp, "Sportage", None, "SUV", month, 200),  # 300 a month: cv 0
            row(dom, "EV6", "EV", "SUV", month, 10 if odd else 30),  # cv 10/20 = 0.5
            row(exp, "K5", "HEV", "세단", month, 40 if odd else 60),  # cv 10/50 = 0.2
            row(dom, "Niro", "HEV", "SUV", month, 60 if odd else 140),  # cv 40/100 = 0.4
        ]
    rows += [row(dom, "Ray", "EV", "SUV", m, 10) for m in (1, 2, 3)]  # 3 months: no cv
    rows.append(row(exp, None, None, None, 1, 5, category="Bus"))  # no model
    columns = ("brand", "flow", "model", "category", "powertrain", "body_type", "year",
               "month", "units")  # fmt: skip
    frame = pl.DataFrame(rows, schema=list(columns), orient="row").with_columns(
        pl.col("body_type").replace_strict({"SUV": "SUV", "세단": "Sedan"}, default=None)
        .alias("body_type_en")
    )  # fmt: skip
    frame = frame.select(list(models.MODELS_SCHEMA)).cast(models.MODELS_SCHEMA)
    return models.model_rows(frame, brand="Kia", flow="both", period_from=None, period_to=None)


def test_models_sentences_top_model_split_electrified_share_and_classes():
    # units: Sportage 1,800, Niro 600, K5 300, EV6 120, Ray 30 (models 2,850), Bus 5
    # top: Sportage 1,800 / 2,850 = 63.2 %; domestic 600+120+600+30 = 1,350, export
    # 1,200+300+5 = 1,505 (52.7 %); electric (EV6, Ray) 150 / 2,855 = 5.3 %, hybrid
    # (K5, Niro) 900 / 2,855 = 31.5 %, unstated (Sportage) 1,800 / 2,855 = 63.0 %
    assert models_sentences(models.insights(model_rows()), "en") == [
        "The top model of 2024 (6 month(s) reported) is Sportage (1,800 vehicles, 63.2% of "
        "model sales).",
        "All: 1,350 domestic, 1,505 exported (52.7% exported).",
        "2024-01–2024-06: electric 5.3%, hybrid 31.5% (the 63.0% with an unstated powertrain "
        "is in neither).",
        # Sportage 0 and K5 0.2 year-round, Niro 0.4 moderate, EV6 0.5 seasonal, Ray 3 months
        "2 year-round, 1 moderate and 1 seasonal models (1 with too few months).",
    ]
    korean = models_sentences(models.insights(model_rows()), "ko")
    assert korean[0] == (
        "2024년(6개월 집계) 1위 모델은 Sportage(1,800대, 모델 판매의 63.2%)입니다."
    )
    assert korean[3] == "연중형 2개, 보통 1개, 계절형 1개 모델(판단 불가 1개)."


def test_models_split_of_a_focus_model_and_the_two_model_comparison():
    focus = models.insights(model_rows(), focus="Sportage")
    assert "Sportage: 600 domestic, 1,200 exported (66.7% exported)." in (
        models_sentences(focus, "en")
    )
    found = models.compare(model_rows(), a="Sportage", b="EV6", period_from=None, period_to=None)
    # Sportage 300 every month: the peak is the earliest; EV6 peaks at 30 in February
    assert comparison_sentence(found.values(), "en") == (
        "Sportage 1,800 vs EV6 120 vehicles: a gap of +1,680. Peaks: Sportage in 2024-01 "
        "(300), EV6 in 2024-02 (30)."
    )
    assert comparison_sentence(None, "en") == "Choose two models to compare."


# --- plants --------------------------------------------------------------------------------


def plant_rows() -> pl.DataFrame:
    hmi = ("HMI", "Hyundai Motor India", "India")
    hmma = ("HMMA", "Hyundai Motor Manufacturing Alabama", "USA")
    hmmc = ("HMMC", "Hyundai Motor Manufacturing Czech", "Czechia")
    rows = []
    for month in (1, 2):
        rows += [
            ("Hyundai", *hmi, "Creta", None, "domestic", 2024, month, 100),
            ("Hyundai", *hmi, "Creta", None, "export", 2024, month, 50),
            ("Hyundai", *hmi, "Venue", None, "domestic", 2024, month, 40),
            ("Hyundai", *hmma, "Tucson", None, "domestic", 2024, month, 90),
            ("Hyundai", *hmma, "Tucson", None, "export", 2024, month, 10),
            ("Hyundai", *hmma, "Santa Fe", None, "domestic", 2024, month, 70),
            ("Hyundai", *hmmc, "Tucson", None, "total", 2024, month, 50),  # a total only
            ("Hyundai", *hmmc, "i30", None, "total", 2024, month, 30),
        ]
    frame = pl.DataFrame(rows, schema=list(plants.PLANTS_SCHEMA), orient="row")
    frame = frame.cast(plants.PLANTS_SCHEMA)  # type: ignore[arg-type]
    return plants.plant_rows(frame, brand="Hyundai", period_from=None, period_to=None)


def test_plants_sentences_largest_plant_export_shares_single_plant_models_and_focus():
    # HMI 380, HMMA 340, HMMC 160 (880): HMI 43.2 %; export shares HMI 100/380 = 26.3 %,
    # HMMA 20/340 = 5.9 % (HMMC reports totals only: no share); one plant only: Creta
    # (HMI, 300), Venue, Santa Fe, i30 (Tucson is made at HMMA and HMMC)
    assert plants_sentences(plants.insights(plant_rows(), focus="HMMA"), "en") == [
        "The largest plant is HMI (Hyundai Motor India): 380 vehicles, 43.2% of overseas-plant "
        "sales.",
        "The plant exporting the largest share is HMI (26.3%), the smallest HMMA (5.9%).",
        "4 models are made in one plant only; the best-selling is Creta (HMI, 300 vehicles).",
        "HMMA: 340 vehicles, 2 models.",
    ]
    assert plants_sentences(plants.insights(plant_rows()), "ko")[2] == (
        "4개 모델이 한 공장에서만 생산됩니다. 가장 많이 팔린 모델은 Creta(HMI, 300대)입니다."
    )


# --- overseas retail ---------------------------------------------------------------------------


def retail_rows() -> pl.DataFrame:
    rows = []
    for month in range(1, 7):
        odd = month % 2
        rows += [
            ("USA", "EV9", "EV", month, 30), ("USA", "Telluride", "ICE", month, 70),
            ("India", "EV6", "EV", month, 50),
            ("India", "Seltos", "ICE", month, 50 if odd else 150),
            ("Mexico", "K3", "ICE", month, 40 if odd else 120),
            ("Mexico", "Sportage", None, month, 10),
        ]  # fmt: skip
    frame = pl.DataFrame(
        rows, schema=["market", "model", "powertrain", "month", "units"], orient="row"
    ).with_columns(
        pl.lit("Kia").alias("brand"), pl.lit("overseas_retail").alias("flow"),
        pl.lit(None, pl.Utf8).alias("category"), pl.lit(2024).alias("year"),
    )  # fmt: skip
    frame = frame.select(list(retail.RETAIL_SCHEMA)).cast(retail.RETAIL_SCHEMA)
    return retail.retail_rows(frame, brand="Kia", period_from=None, period_to=None)


def test_retail_sentences_ev_leader_ice_dependent_volatility_and_the_focus_market():
    rows = retail_rows()
    months = retail.market_months(rows)
    found = retail.insights(rows, months)
    mexico = next(r for r in retail.market_summary(months).to_dicts() if r["market"] == "Mexico")
    # EV share: India 300/900 = 33.3 %, USA 180/600 = 30 %, Mexico none
    # ICE share: Mexico 480/540 = 88.9 %, USA 420/600 = 70 % (the limit counts), India 66.7 %
    # monthly units: USA 100 (cv 0), India 100/200 (cv 1/3), Mexico 50/130 (cv 40/90)
    assert retail_sentences(found, "en", focus=mexico) == [
        "The EV leader of 2024 (6 month(s)) is India (33.3% electric; 0.0% unstated).",
        "ICE-dependent markets in 2024 (ICE share 70% or more): Mexico 88.9%, USA 70.0%.",
        "The most volatile market is Mexico (CV 0.44), the steadiest USA (CV 0.00).",
        "Mexico: peak 2024-02 (130), low 2024-01 (50).",
    ]
    assert retail_sentences(found, "ko", focus=mexico)[1] == (
        "2024년 내연기관 의존 시장 (내연기관 비중 70% 이상): 멕시코 88.9%, 미국 70.0%."
    )


def test_retail_sentences_without_electric_sales_or_ice_dependent_markets():
    rows = retail_rows().filter(pl.col("market") == "India", pl.col("powertrain") != "EV")
    found = retail.insights(rows, retail.market_months(rows))
    sentences = retail_sentences(found, "en")
    assert sentences[0] == "No market reports electric sales in 2024."
    assert sentences[1] == "ICE-dependent markets in 2024 (ICE share 70% or more): India 100.0%."
    hybrid_only = retail_rows().filter(pl.col("market") == "USA", pl.col("powertrain") == "EV")
    found = retail.insights(hybrid_only, retail.market_months(hybrid_only))
    assert retail_sentences(found, "en")[1] == (
        "No market has an ICE share of 70% or more in 2024."
    )


# --- competitors --------------------------------------------------------------------------------


def competitor_rows(months: int = 12) -> pl.DataFrame:
    rows = [
        ("USA", "Model Y", "Tesla", "SUV", "전기차", 400, False),
        ("USA", "RAV4", "Toyota", "SUV", "하이브리드", 300, False),
        ("USA", "Tucson", "Hyundai", "SUV", "내연기관", 200, True),
        ("USA", "Camry", "Toyota", "세단", "내연기관", 100, False),
        ("India", "Swift", "Maruti", "해치백", "내연기관", 500, False),
        ("Mexico", "Versa", "Nissan", "세단", "내연기관", 300, False),
        ("Mexico", "K3", "Kia", "세단", "내연기관", 100, True),
    ]
    frame = pl.DataFrame(
        rows, schema=["market", "model_name", "brand", "segment", "powertrain", "units", "is_ours"],
        orient="row",
    ).with_columns(pl.lit(2024).alias("year"), pl.lit(months).alias("months"))  # fmt: skip
    return frame.select(list(competitors.COMPETITORS_SCHEMA)).cast(competitors.COMPETITORS_SCHEMA)


def test_competitor_sentences_our_share_the_leader_and_a_partial_year():
    found = competitors.insights(competitor_rows(), market="USA", year=2024)
    # ours listed in Mexico (100/400 = 25 %) and the USA (200/1,000 = 20 %), not India;
    # the USA leader Model Y 400 of 1,000 listed units
    assert competitors_sentences(found, "en") == [
        "In 2024 our models are among the listed top models in 2 of 3 markets: Mexico 25.0%, "
        "USA 20.0%.",
        "The 2024 leader in USA is Model Y (Tesla, 400 vehicles, 40.0% of the listed models' "
        "sales).",
    ]
    partial = competitors.insights(competitor_rows(months=9), market="India", year=2024)
    sentences = competitors_sentences(partial, "en")
    assert sentences[-1] == (
        "The 2024 competitor figures cover January to month 9, so our sales are compared "
        "over the same months."
    )
    assert "Swift (Maruti, 500 vehicles, 100.0%" in sentences[1]
    none = competitors.insights(
        competitor_rows().filter(~pl.col("is_ours")), market=None, year=2024
    )
    assert competitors_sentences(none, "en") == [
        "In 2024 none of our models is among any market's listed top models."
    ]


def test_counter_sentences_give_the_rule_that_chose_each_model_and_its_numbers():
    dim = pl.DataFrame(
        {
            "brand": ["Kia", "Kia", "Hyundai"], "model": ["EV9", "Sportage", "Tucson"],
            "is_category": [False] * 3, "marque": ["Kia", "Kia", "Hyundai"],
            "body_type": ["SUV"] * 3, "size_class": ["대형", "준중형", "준중형"],
            "powertrains": [["EV"], ["ICE", "HEV"], ["ICE", "HEV", "PHEV"]],
            "first_year": [2023] * 3, "last_year": [2025] * 3,
        }
    )  # fmt: skip
    local = pl.DataFrame(
        {
            "brand": ["Kia", "Kia"], "market": ["USA"] * 2, "model": ["EV9", "Sportage"],
            "flow": ["overseas_retail"] * 2, "year": [2024] * 2, "month": [3, 3],
            "units": [22, 60],
        }
    ).cast(competitors.LOCAL_UNITS_SCHEMA)  # fmt: skip
    rows = competitors.counter_models(
        competitor_rows(), local=local, dim_model=dim, brand="all", market="USA", year=2024
    ).to_dicts()
    source = t("source.overseas_retail", "en")
    assert [counter_sentence(r, "en") for r in rows] == [
        # EV-only EV9 meets the EV exactly; Sportage (60) beats Tucson (no figures) for
        # the hybrid; we have no sedan
        "Model Y (Tesla, 400) ↔ EV9 (Kia, EV): same body and powertrain (that powertrain "
        f"only); local sales over the same months 22 ({source}).",
        "RAV4 (Toyota, 300) ↔ Sportage (Kia, ICE/HEV): same body, offered with that "
        f"powertrain; local sales over the same months 60 ({source}).",
        "Camry (Toyota, 100): no model of ours with that body.",
    ]
    no_units = {**rows[0], "our_units": None}
    assert counter_sentence(no_units, "en") == (
        "Model Y (Tesla, 400) ↔ EV9 (Kia, EV): same body and powertrain (that powertrain "
        "only); no local sales figures for this market."
    )


# --- source data --------------------------------------------------------------------------------


def test_source_sentence_carries_the_load_log_counts():
    entry = {
        "rows_read": 1_204, "rows_loaded": 1_190, "rows_rejected": 14, "fact_rows": 14_280,
        "warnings": 2, "notes": 3, "kind": "facts",
    }  # fmt: skip
    assert sources_sentences(entry, "en") == [
        "Sales file: 1,204 rows read, 1,190 loaded, 14 rejected (14,280 fact rows). "
        "2 quality warning(s), 3 note(s)."
    ]
    assert sources_sentences(entry, "ko") == [
        "판매 파일: 1,204행을 읽어 1,190행을 적재하고 14행을 격리했습니다 (판매 행 14,280개). "
        "품질 경고 2건, 정보 3건."
    ]


def test_a_january_only_competitor_year_and_the_unreported_months_note():
    found = competitors.insights(competitor_rows(months=1), market="USA", year=2024)
    assert competitors_sentences(found, "en")[-1] == (
        "The 2024 competitor figures cover January only, so our sales are compared over "
        "January only."
    )
    from callbacks.explorer import unreported_note

    # 14 months without data: the first six, an ellipsis and the last three are named
    periods = [f"2024-{m:02d}" for m in range(1, 13)] + ["2025-01", "2025-02"]
    note = unreported_note(pl.DataFrame({"period": periods}), "ko")
    assert note == [
        t("exp.unreported_months", "ko", months="2024-01, 2024-02, 2024-03, 2024-04, "
          "2024-05, 2024-06, …, 2024-12, 2025-01, 2025-02")
    ]  # fmt: skip
    assert "2024-07" not in note[0] and "미집계" in note[0]
    assert unreported_note(pl.DataFrame({"period": []}, schema={"period": pl.Utf8}), "ko") == []
