"""Momentum, competitor matching and recommendation rules on small frames,
plus the rule that no rendered sentence holds a number that was not computed."""

from __future__ import annotations

import re
import string

import polars as pl
import pytest

from analytics.competitors import COMPETITOR_SCHEMA, match_competitors
from analytics.deviation import deviation
from analytics.heatmap import heatmap
from analytics.momentum import MIN_WINDOW_UNITS, market_model_units, momentum
from analytics.recommend import Recommendation, recommend
from analytics.sales import SALES_SCHEMA, SalesAggregate, aggregate_rows
from analytics.top10 import top10
from app.i18n.catalogues.global_strategy import STRATEGY_STRINGS
from app.i18n.global_strategy import render, render_deviation, template_key


def sales_rows(rows: list[tuple[str, str, int, int, int]], brand: str = "Hyundai") -> pl.DataFrame:
    """(market, model, year, month, units) -> sales rows (the marts' `sales_rows`)."""
    return pl.DataFrame(
        [
            {
                "market": m,
                "brand": brand,
                "model": mo,
                "vehicle_type": None,
                "powertrain": "ICE",
                "year": y,
                "month": mth,
                "units": u,
                "amount_krw": None,
            }
            for m, mo, y, mth, u in rows
        ],
        schema=SALES_SCHEMA,
    )


def sales(rows: list[tuple[str, str, int, int, int]]) -> SalesAggregate:
    """(market, model, year, month, units) -> their aggregate, as load_sales returns it."""
    return aggregate_rows(sales_rows(rows))


def monthly(market: str, model: str, year: int, units_by_month: dict[int, int]):
    return [(market, model, year, month, u) for month, u in units_by_month.items()]


def row(frame: pl.DataFrame, model: str) -> dict:
    return frame.filter(pl.col("model") == model).row(0, named=True)


# --- momentum -----------------------------------------------------------------------


def test_momentum_compares_the_last_3_months_with_the_3_before_when_no_year_earlier_data():
    frame = sales(monthly("Korea", "G70", 2024, {1: 10, 2: 10, 3: 10, 4: 20, 5: 20, 6: 20}))
    g70 = row(momentum(frame, market="Korea"), "G70")
    assert (g70["last3"], g70["prev3"]) == (60, 30)
    assert g70["momentum_pct"] == 100.0
    assert g70["yoy_last3"] is None and g70["yoy_pct"] is None
    assert (g70["basis"], g70["change_pct"], g70["end_month"]) == ("prev3", 100.0, "2024-06")


def test_momentum_prefers_the_same_months_a_year_earlier_when_all_three_exist():
    frame = sales(
        monthly("Korea", "G70", 2023, {4: 40, 5: 40, 6: 40})
        + monthly("Korea", "G70", 2024, {1: 10, 2: 10, 3: 10, 4: 20, 5: 20, 6: 20})
    )
    g70 = row(momentum(frame, market="Korea"), "G70")
    assert g70["yoy_last3"] == 120
    assert g70["yoy_pct"] == -50.0
    assert g70["momentum_pct"] == 100.0
    assert (g70["basis"], g70["change_pct"]) == ("yoy", -50.0)


def test_momentum_year_earlier_basis_needs_all_three_months_in_the_data():
    frame = sales(
        monthly("Korea", "G70", 2023, {4: 40, 5: 40})  # June 2023 not in the data
        + monthly("Korea", "G70", 2024, {1: 10, 2: 10, 3: 10, 4: 20, 5: 20, 6: 20})
    )
    g70 = row(momentum(frame, market="Korea"), "G70")
    assert g70["yoy_last3"] is None
    assert g70["basis"] == "prev3"


def test_momentum_steps_over_months_missing_from_the_market_instead_of_counting_zero():
    # March has no row at all for Korea: not reported, so not a zero month.
    frame = sales(monthly("Korea", "G70", 2024, {1: 10, 2: 10, 4: 10, 5: 10, 6: 10, 7: 10}))
    g70 = row(momentum(frame, market="Korea"), "G70")
    assert (g70["last3"], g70["prev3"]) == (30, 30)  # May-Jul vs Jan, Feb, Apr
    assert g70["momentum_pct"] == 0.0


def test_momentum_windows_may_share_months_when_the_market_reports_sparsely():
    # Only Jan-Mar of two years: the 3 months before the last 3 are also a year earlier.
    frame = sales(
        monthly("Korea", "G70", 2023, {1: 10, 2: 10, 3: 10})
        + monthly("Korea", "G70", 2024, {1: 15, 2: 15, 3: 15})
    )
    g70 = row(momentum(frame, market="Korea"), "G70")
    assert (g70["last3"], g70["prev3"], g70["yoy_last3"]) == (45, 30, 30)
    assert (g70["momentum_pct"], g70["yoy_pct"], g70["basis"]) == (50.0, 50.0, "yoy")


def test_momentum_counts_a_model_absent_in_a_month_the_market_reported_as_zero():
    frame = sales(
        monthly("Korea", "G70", 2024, {1: 5, 2: 5, 3: 5, 4: 5, 5: 5, 6: 5})
        + monthly("Korea", "G90", 2024, {1: 10, 2: 10, 3: 10})
    )
    g90 = row(momentum(frame, market="Korea"), "G90")
    assert (g90["last3"], g90["prev3"], g90["momentum_pct"]) == (0, 30, -100.0)
    # 0 cars against 30: below MIN_WINDOW_UNITS in the last window, so no change claimed
    assert g90["thin_sample"] and g90["change_pct"] is None


def test_momentum_is_null_without_a_comparison_base():
    short = sales(monthly("Korea", "G70", 2024, {1: 10, 2: 10, 3: 10, 4: 20}))
    assert row(momentum(short, market="Korea"), "G70")["prev3"] is None
    new = sales(
        monthly("Korea", "G70", 2024, {1: 5, 2: 5, 3: 5, 4: 5, 5: 5, 6: 5})
        + monthly("Korea", "IONIQ 6", 2024, {5: 3, 6: 4})
    )
    ioniq = row(momentum(new, market="Korea"), "IONIQ 6")
    assert (ioniq["prev3"], ioniq["momentum_pct"], ioniq["change_pct"]) == (0, None, None)


def test_momentum_windows_end_at_the_focus_markets_own_latest_month():
    frame = sales(
        monthly("Korea", "G70", 2024, {1: 10, 2: 10, 3: 10, 4: 20, 5: 20, 6: 20})
        + monthly("USA", "G70", 2024, {7: 99, 8: 99})
    )
    g70 = row(momentum(frame, market="Korea"), "G70")
    assert (g70["end_month"], g70["last3"]) == ("2024-06", 60)
    assert momentum(frame, market="China").height == 0


def test_each_brands_windows_end_at_that_brands_own_last_month():
    # Hyundai's file ends 2025-12, Kia's 2026-03 (the reference customer files): with
    # both brands, G70 (Hyundai) must be judged on Oct-Dec 2025, not on Kia's Jan-Mar
    # 2026 (when it showed "0 cars, -100%").
    hyundai = sales_rows(monthly("Korea", "G70", 2025, {m: 30 for m in range(1, 13)}))
    kia = sales_rows(
        monthly("Korea", "K5", 2025, {m: 40 for m in range(1, 13)})
        + monthly("Korea", "K5", 2026, {1: 40, 2: 40, 3: 40}),
        brand="Kia",
    )
    both = aggregate_rows(pl.concat([hyundai, kia]))
    g70 = row(momentum(both, market="Korea"), "G70")
    assert (g70["end_month"], g70["last3"], g70["prev3"]) == ("2025-12", 90, 90)
    assert (g70["change_pct"], g70["thin_sample"]) == (0.0, False)
    k5 = row(momentum(both, market="Korea"), "K5")
    assert (k5["end_month"], k5["last3"], k5["prev3"]) == ("2026-03", 120, 120)
    # the same numbers as with Hyundai alone
    alone = row(momentum(aggregate_rows(hyundai), market="Korea"), "G70")
    assert {k: alone[k] for k in ("last3", "prev3", "change_pct", "end_month")} == {
        k: g70[k] for k in ("last3", "prev3", "change_pct", "end_month")
    }


def test_a_month_a_brand_has_not_reported_is_missing_not_zero_for_its_models():
    # Kia reports 2025-11 and 2025-12, Hyundai does not: Hyundai's windows step over them
    hyundai = sales_rows(monthly("Korea", "G70", 2025, {m: 30 for m in range(1, 11)}))
    kia = sales_rows(monthly("Korea", "K5", 2025, {m: 40 for m in range(1, 13)}), brand="Kia")
    g70 = row(momentum(aggregate_rows(pl.concat([hyundai, kia])), market="Korea"), "G70")
    assert (g70["end_month"], g70["last3"], g70["change_pct"]) == ("2025-10", 90, 0.0)


def test_momentum_needs_the_minimum_volume_in_both_windows():
    frame = sales(
        monthly("Korea", "Santa Fe", 2024, {1: 2, 2: 2, 3: 2, 4: 3, 5: 3, 6: 2})
        + monthly("Korea", "G80", 2024, {1: 7, 2: 7, 3: 7, 4: 20, 5: 20, 6: 20})
        + monthly("Korea", "G90", 2024, {1: 7, 2: 7, 3: 6, 4: 7, 5: 7, 6: 6})
    )
    mom = momentum(frame, market="Korea")
    santa_fe, g80, g90 = (row(mom, m) for m in ("Santa Fe", "G80", "G90"))
    assert (santa_fe["last3"], santa_fe["base3"], santa_fe["thin_sample"]) == (8, 6, True)
    assert santa_fe["change_pct"] is None
    assert (g80["last3"], g80["base3"], g80["change_pct"]) == (60, 21, 185.7)
    assert (g90["last3"], g90["base3"], g90["thin_sample"]) == (20, 20, False)
    assert MIN_WINDOW_UNITS == 20


def test_a_thin_sample_gets_no_advice_and_is_marked_as_such():
    thin = aggregate_rows(
        sales_rows(
            monthly("Korea", "Santa Fe", 2024, {1: 2, 2: 2, 3: 2, 4: 3, 5: 3, 6: 2})
            + monthly("Korea", "Avante", 2024, {m: 1 for m in range(1, 7)})
            + monthly("USA", "Avante", 2024, {m: 50 for m in range(1, 7)})
        )
    )
    recs = recommend(thin, market="Korea", competitors=RIVALS.head(0), our_units=OURS.head(0))
    assert by_kind(recs, "expand") == by_kind(recs, "promote") == []
    [rec] = by_kind(recs, "thin_sample")
    assert rec.model == "Santa Fe" and "change_pct" not in rec.values
    assert (rec.values["last3"], rec.values["base3"], rec.values["min_units"]) == (8, 6, 20)
    assert "표본 부족" in render(rec, "ko") and "+" not in render(rec, "ko").split("높음")[1]
    assert "too few sales to judge" in render(rec, "en")


# --- competitors ----------------------------------------------------------------------


def competitors(
    rows: list[tuple[str, str, str, int]], market: str = "Korea", months: int = 12
) -> pl.DataFrame:
    """(model_name, brand, segment, units) -> a frame as load_competitors returns it."""
    return pl.DataFrame(
        [
            {
                "year": 2024,
                "market": market,
                "model_name": n,
                "brand": b,
                "segment": s,
                "powertrain": "내연기관",
                "units": u,
                "months": months,
            }
            for n, b, s, u in rows
        ],
        schema=COMPETITOR_SCHEMA,
    )


def test_a_competitor_is_matched_to_our_best_selling_model_of_its_body_type_in_the_market():
    ours = pl.DataFrame(
        {
            "model": ["Tucson", "Santa Fe", "Avante", "Santa Cruz", "Rio"],
            "units": [50, 80, 30, 0, 7],
        }
    )
    rivals = competitors(
        [
            ("Toyota RAV4", "Toyota", "SUV", 900),
            ("Toyota Corolla", "Toyota", "세단", 800),
            ("Ford F-150", "Ford", "픽업", 700),
            ("Volkswagen Polo Vivo", "Volkswagen", "컴팩트", 600),
        ]
    )
    out = match_competitors(rivals, our_models=ours)
    assert out.get_column("model_name").to_list() == rivals.get_column("model_name").to_list()
    assert out.get_column("body_type").to_list() == ["SUV", "sedan", "pickup", "compact"]
    assert out.get_column("our_model").to_list() == ["Santa Fe", "Avante", None, "Rio"]
    assert out.get_column("our_units").to_list() == [80, 30, None, 7]


def test_dual_and_generated_model_names_find_their_body_type():
    ours = pl.DataFrame({"model": ["KX5 / Sportage", "Carnival / Sedona #12"], "units": [5, 9]})
    rivals = competitors(
        [("Honda CR-V", "Honda", "SUV", 10), ("Toyota Sienna", "Toyota", "MPV", 5)]
    )
    assert match_competitors(rivals, our_models=ours).get_column("our_model").to_list() == [
        "KX5 / Sportage",
        "Carnival / Sedona #12",
    ]


# --- recommendations --------------------------------------------------------------------

# Korea: G70 over-indexed and rising, Santa Fe over-indexed and falling, Avante
# under-represented, Tucson (the global best seller) absent.
FOCUS_ROWS = sales_rows(
    monthly("Korea", "G70", 2024, {1: 10, 2: 10, 3: 10, 4: 20, 5: 20, 6: 20})
    + monthly("Korea", "Santa Fe", 2024, {1: 20, 2: 20, 3: 20, 4: 10, 5: 10, 6: 10})
    + monthly("Korea", "Avante", 2024, {m: 5 for m in range(1, 7)})
    + monthly("USA", "Tucson", 2024, {m: 100 for m in range(1, 7)})
    + monthly("USA", "Avante", 2024, {m: 50 for m in range(1, 7)})
    + monthly("USA", "G70", 2024, {m: 1 for m in range(1, 7)})
    + monthly("USA", "Santa Fe", 2024, {m: 1 for m in range(1, 7)})
)
FOCUS = aggregate_rows(FOCUS_ROWS)
RIVALS = competitors([("Toyota RAV4", "Toyota", "SUV", 1000), ("Ford F-150", "Ford", "픽업", 900)])
# our units in Korea over the rivals' period (2024, twelve months): what load_our_units gives
OURS = pl.DataFrame({"model": ["G70", "Santa Fe", "Avante"], "units": [90, 90, 30]})


def by_kind(recs: list[Recommendation], kind: str) -> list[Recommendation]:
    return [r for r in recs if r.kind == kind]


def test_over_indexed_and_rising_model_is_recommended_for_expansion():
    [rec] = by_kind(recommend(FOCUS, market="Korea", competitors=RIVALS, our_units=OURS), "expand")
    assert rec.model == "G70"
    v = rec.values
    assert v["deviation_pp"] == round((90 / 210 - 96 / 1122) * 100, 1)
    assert (v["share_market_pct"], v["share_all_pct"]) == (42.9, 8.6)
    assert (v["last3"], v["base3"], v["basis"], v["change_pct"]) == (60, 30, "prev3", 100.0)
    assert v["window_months"] == 3 and v["end_month"] == "2024-06"


def test_over_indexed_but_falling_model_gets_promotion_priority():
    [rec] = by_kind(recommend(FOCUS, market="Korea", competitors=RIVALS, our_units=OURS), "promote")
    assert rec.model == "Santa Fe"
    assert rec.values["change_pct"] == -50.0
    assert rec.values["deviation_pp"] >= 5


def test_globally_strong_model_missing_or_weak_here_is_proposed_for_test_marketing():
    recs = by_kind(
        recommend(FOCUS, market="Korea", competitors=RIVALS, our_units=OURS), "test_marketing"
    )
    assert [r.model for r in recs] == ["Tucson", "Avante"]  # by global rank
    tucson, avante = (r.values for r in recs)
    assert (tucson["global_rank"], tucson["units_market"]) == (1, 0)
    assert avante["deviation_pp"] <= -5 and avante["gap_pp"] == -avante["deviation_pp"]


def test_competitor_recommendations_name_our_competing_model_or_its_absence():
    recs = by_kind(
        recommend(FOCUS, market="Korea", competitors=RIVALS, our_units=OURS), "competitor"
    )
    assert [r.model for r in recs] == ["Toyota RAV4", "Ford F-150"]
    rav4, f150 = (r.values for r in recs)
    assert (rav4["our_model"], rav4["our_units"], rav4["competitor_units"]) == (
        "Santa Fe",
        90,
        1000,
    )
    assert (rav4["segment"], rav4["body_type"], rav4["rank"]) == ("SUV", "SUV", 1)
    assert "our_model" not in f150 and f150["body_type"] == "pickup"


def test_a_partial_competitor_year_is_compared_on_the_same_months_and_says_so():
    partial = competitors([("Toyota RAV4", "Toyota", "SUV", 80)], months=1)
    january = pl.DataFrame({"model": ["G70", "Santa Fe"], "units": [10, 20]})  # 2024-01
    [rec] = by_kind(
        recommend(FOCUS, market="Korea", competitors=partial, our_units=january), "competitor"
    )
    assert (rec.values["our_model"], rec.values["our_units"], rec.values["months"]) == (
        "Santa Fe",
        20,
        1,
    )
    assert render(rec, "ko") == (
        "Toyota RAV4(Toyota, SUV) — 2024년 첫 1개월(부분 연도) 80대, 이 시장 경쟁 모델 1위. "
        "맞설 우리 모델: Santa Fe(같은 1개월 20대, 같은 달끼리 비교)"
    )
    assert "in the first 1 month(s) of 2024 (a partial year)" in render(rec, "en")
    assert "(20 in the same months)" in render(rec, "en")


def test_threshold_and_limit_control_what_is_recommended():
    strict = recommend(FOCUS, market="Korea", competitors=RIVALS, our_units=OURS, threshold_pp=50)
    assert not by_kind(strict, "expand") and not by_kind(strict, "promote")
    one = recommend(FOCUS, market="Korea", competitors=RIVALS, our_units=OURS, limit_per_kind=1)
    assert len(by_kind(one, "test_marketing")) == 1 and len(by_kind(one, "competitor")) == 1


def test_a_market_without_sales_gets_no_recommendations():
    assert (
        recommend(FOCUS, market="China", competitors=RIVALS.head(0), our_units=OURS.head(0)) == []
    )


def test_the_market_by_model_aggregate_gives_the_same_views_as_the_rows():
    agg = market_model_units(FOCUS)
    assert agg.height == FOCUS_ROWS.select("market", "model").n_unique()
    assert deviation(agg, market="Korea").equals(deviation(FOCUS_ROWS, market="Korea"))
    assert top10(agg, market="USA").equals(top10(FOCUS_ROWS, market="USA"))
    assert heatmap(agg, markets=["Korea", "USA"]).equals(
        heatmap(FOCUS_ROWS, markets=["Korea", "USA"])
    )


# --- text -------------------------------------------------------------------------------

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def numbers(text: str) -> set[str]:
    return {token.replace(",", "") for token in NUMBER.findall(text)}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_number_in_a_rendered_recommendation_is_one_of_its_values(lang):
    recs = recommend(FOCUS, market="Korea", competitors=RIVALS, our_units=OURS)
    assert {r.kind for r in recs} == {"expand", "promote", "test_marketing", "competitor"}
    for rec in recs:
        text = render(rec, lang)
        allowed = set().union(*(numbers(str(v)) for v in rec.values.values()))
        assert numbers(text) <= allowed, (text, rec.values)


def test_templates_hold_no_digits_and_only_value_fields():
    for key, entry in STRATEGY_STRINGS.items():
        for lang in ("ko", "en"):
            literal = re.sub(r"\{[^}]*\}", "", entry[lang])
            assert not re.search(r"\d", literal), (key, lang, entry[lang])
    for rec in recommend(FOCUS, market="Korea", competitors=RIVALS, our_units=OURS):
        for lang in ("ko", "en"):
            fields = {
                f
                for _, f, _, _ in string.Formatter().parse(
                    STRATEGY_STRINGS[template_key(rec)][lang]
                )
                if f
            }
            assert fields <= set(rec.values), (rec.kind, fields - set(rec.values))


def test_deviation_sentences_read_like_the_reference_wording():
    strong = {"model": "G70", "deviation_pp": 17.4, "status": "strong"}
    assert render_deviation(strong, "ko") == "G70 — 지역 평균보다 17.4%p 높음"
    assert render_deviation(strong, "en") == "G70 — 17.4pp above the all-market average"
    weak = {"model": "Creta", "deviation_pp": -8.2, "status": "untapped"}
    assert render_deviation(weak, "ko") == "Creta — 지역 평균보다 8.2%p 낮음"
    with pytest.raises(ValueError):
        render_deviation({"model": "X", "deviation_pp": 0.1, "status": "neutral"}, "ko")
