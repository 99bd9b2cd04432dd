"""The explorer's insight generators on small frames with answers worked out by hand:
peak month, seasonality (coefficient of variation) classes, growth over the same months,
brand selection and single-plant models, including frames whose last months are not
reported (absent rows, which must never count as zero)."""

from __future__ import annotations

import math

import polars as pl
import pytest

from analytics.explorer import exports
from analytics.explorer.common import (
    month_grid,
    peak_month,
    same_month_growth,
    seasonality,
    select_brand,
    unreported_months,
)


def months(rows: list[tuple], columns=("market", "year", "month", "units")) -> pl.DataFrame:
    schema = {
        c: (pl.Utf8 if c in ("market", "brand", "model", "plant") else pl.Int64) for c in columns
    }
    return pl.DataFrame(rows, schema=schema, orient="row").with_columns(
        pl.col("year", "month").cast(pl.Int32)
    )


# --- peak month ---------------------------------------------------------------------------


def test_peak_month_is_the_month_holding_the_maximum_per_group():
    frame = months(
        [("USA", 2024, 1, 10), ("USA", 2024, 2, 30), ("USA", 2024, 3, 20),
         ("Canada", 2024, 1, 7), ("Canada", 2024, 2, 5)]
    )  # fmt: skip
    peaks = peak_month(frame, by=["market"]).sort("market")
    assert peaks.rows() == [("Canada", "2024-01", 7), ("USA", "2024-02", 30)]


def test_peak_month_sums_rows_of_one_month_first_and_ties_go_to_the_earliest():
    # two rows in March add to 25 > 24 (April); May ties with March and loses (later)
    frame = months(
        [("USA", 2024, 3, 10), ("USA", 2024, 3, 15), ("USA", 2024, 4, 24), ("USA", 2024, 5, 25)]
    )
    assert peak_month(frame).rows() == [("2024-03", 25)]


def test_low_month_ignores_months_that_were_never_reported():
    # Nov and Dec are absent (not reported): the low month is a reported one, not a zero
    frame = months([("USA", 2024, m, 100 + m) for m in range(1, 11)])
    assert peak_month(frame, low=True).rows() == [("2024-01", 101)]
    assert peak_month(frame).rows() == [("2024-10", 110)]


# --- seasonality (coefficient of variation) -----------------------------------------------


def test_cv_below_0_3_is_year_round_and_0_5_or_more_is_seasonal():
    steady = [("Steady", 2024, m, u) for m, u in enumerate([90, 110] * 3, start=1)]
    # mean 100, population std 10 -> cv 0.1
    peaky = [("Peaky", 2024, m, u) for m, u in enumerate([50, 150] * 3, start=1)]
    # mean 100, std 50 -> cv 0.5 exactly: seasonal (0.5 or above)
    middle = [("Middle", 2024, m, u) for m, u in enumerate([60, 140] * 3, start=1)]
    # mean 100, std 40 -> cv 0.4: moderate
    result = seasonality(months(steady + peaky + middle), by=["market"])
    got = {r["market"]: (round(r["cv"], 6), r["cv_class"]) for r in result.to_dicts()}
    assert got == {
        "Steady": (0.1, "year_round"),
        "Peaky": (0.5, "seasonal"),
        "Middle": (0.4, "moderate"),
    }


def test_cv_of_a_frame_whose_last_months_are_unreported_uses_reported_months_only():
    # Jan-Oct reported at 100 +- 10, Nov-Dec not reported. Counting the two missing
    # months as zeros would give mean 83.3, std 37.3, cv 0.45 ("moderate"); the truth
    # over the 10 reported months is mean 100, std 10, cv 0.1 ("year_round").
    rows = [("USA", 2024, m, 90 if m % 2 else 110) for m in range(1, 11)]
    result = seasonality(months(rows), by=["market"]).row(0, named=True)
    assert result["months"] == 10
    assert result["mean_units"] == 100
    assert result["cv"] == pytest.approx(0.1)
    assert result["cv_class"] == "year_round"


def test_cv_needs_six_reported_months_and_a_non_zero_mean():
    few = [("Few", 2024, m, 100 * m) for m in range(1, 6)]  # 5 months
    zero = [("Zero", 2024, m, 0) for m in range(1, 13)]
    result = {r["market"]: r for r in seasonality(months(few + zero), by=["market"]).to_dicts()}
    assert (result["Few"]["cv"], result["Few"]["cv_class"]) == (None, "insufficient")
    assert (result["Zero"]["cv"], result["Zero"]["cv_class"]) == (None, "insufficient")


# --- growth over the same months ------------------------------------------------------------


def test_growth_compares_a_partial_year_with_the_same_months_a_year_earlier():
    # 2025 has Jan-Feb only (150 + 150 = 300); 2024 Jan-Feb = 100 + 100 = 200 -> +50 %,
    # although 2024 as a whole (12 x 100 = 1,200) is four times 2025's reported total
    rows = [("USA", 2024, m, 100) for m in range(1, 13)] + [
        ("USA", 2025, 1, 150),
        ("USA", 2025, 2, 150),
    ]
    got = same_month_growth(months(rows), by=["market"], year=2025).row(0, named=True)
    assert got["units"] == 300
    assert (got["months"], got["compared_months"]) == (2, 2)
    assert (got["units_compared"], got["prev_units"]) == (300, 200)
    assert got["growth"] == pytest.approx(0.5)


def test_growth_leaves_out_months_the_previous_year_did_not_report():
    # 2024 lacks March: 2025 Jan-Mar (3 x 110) is compared over Jan-Feb only (220 vs 200)
    rows = [("USA", 2024, 1, 100), ("USA", 2024, 2, 100)] + [
        ("USA", 2025, m, 110) for m in (1, 2, 3)
    ]
    got = same_month_growth(months(rows), by=["market"], year=2025).row(0, named=True)
    assert (got["units"], got["compared_months"]) == (330, 2)
    assert got["growth"] == pytest.approx(220 / 200 - 1)


def test_growth_is_null_without_a_previous_year_or_with_a_zero_base():
    rows = [("New", 2025, 1, 40), ("Zero", 2024, 1, 0), ("Zero", 2025, 1, 5)]
    got = {
        r["market"]: r["growth"]
        for r in same_month_growth(months(rows), by=["market"], year=2025).to_dicts()
    }
    assert got == {"New": None, "Zero": None}


# --- brands and months ---------------------------------------------------------------------


def test_both_brands_keep_only_months_every_brand_of_the_series_reported():
    rows = [
        ("Hyundai", "USA", 2024, 1, 10), ("Kia", "USA", 2024, 1, 5),
        ("Kia", "USA", 2024, 2, 6),  # Hyundai has not reported February: not "both"
        ("Kia", "China", 2024, 2, 3),  # only Kia ever reports China: kept
    ]  # fmt: skip
    frame = months(rows, columns=("brand", "market", "year", "month", "units"))
    both = select_brand(frame, brand="all", keys=("market",))
    assert sorted(both.rows()) == [
        ("Hyundai", "USA", 2024, 1, 10),
        ("Kia", "China", 2024, 2, 3),
        ("Kia", "USA", 2024, 1, 5),
    ]
    assert select_brand(frame, brand="Kia", keys=("market",)).height == 3


def test_month_grid_runs_to_the_period_end_and_names_the_unreported_months():
    reported = months([("USA", 2025, 1, 10), ("USA", 2025, 2, 12)])
    grid = month_grid(reported, period_from=None, period_to="2025-04")
    assert grid.get_column("period").to_list() == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert unreported_months(reported, grid).get_column("period").to_list() == [
        "2025-03",
        "2025-04",
    ]


# --- exports -------------------------------------------------------------------------------


def test_exports_year_table_has_totals_and_leaves_unreported_years_empty():
    rows = [("USA", 2023, 1, 10), ("USA", 2024, 1, 20), ("Other", 2024, 1, 5)]
    table = exports.year_table(months(rows))
    assert table.columns == ["market", "2023", "2024", "total"]
    assert table.rows() == [
        ("USA", 10, 20, 30),
        ("Other", None, 5, 5),  # Other never reported 2023: empty, not 0
        (exports.TOTAL, 10, 25, 35),
    ]


def test_exports_yearly_summary_gives_total_share_change_and_peak_month():
    rows = [("USA", 2023, m, 100) for m in (1, 2)] + [
        ("USA", 2024, 1, 90), ("USA", 2024, 2, 150),
        ("Canada", 2024, 1, 60), ("Canada", 2024, 2, 0),
    ]  # fmt: skip
    summary = exports.yearly_summary(months(rows), year=2024)
    usa, canada = summary.to_dicts()
    assert (usa["market"], usa["units"], usa["months"]) == ("USA", 240, 2)
    assert usa["share"] == pytest.approx(240 / 300)
    assert usa["yoy_change"] == pytest.approx(240 / 200 - 1)
    assert (usa["peak_month"], usa["peak_units"]) == ("2024-02", 150)
    assert (canada["units"], canada["yoy_change"], canada["peak_month"]) == (60, None, "2024-01")


def test_exports_insights_name_the_largest_region_peak_growth_and_decline():
    rows = [
        ("USA", 2023, 1, 100), ("USA", 2024, 1, 150),
        ("Canada", 2023, 1, 50), ("Canada", 2024, 1, 40),
        ("Mexico", 2023, 1, 10), ("Mexico", 2024, 1, 11),
    ]  # fmt: skip
    found = exports.insights(months(rows))
    assert (found.largest, found.largest_units, found.total_units) == ("USA", 250, 361)
    assert math.isclose(found.largest_share, 250 / 361)
    assert (found.peak_month, found.peak_units) == ("2024-01", 201)
    assert (found.fastest, found.year, found.compared_months) == ("USA", 2024, 1)
    assert found.fastest_growth == pytest.approx(0.5)
    assert found.declining == [("Canada", pytest.approx(-0.2))]


# --- plants ---------------------------------------------------------------------------------


def plant_frame(rows: list[tuple]) -> pl.DataFrame:
    from analytics.explorer.plants import PLANTS_SCHEMA

    columns = ("brand", "plant", "model", "category", "sales_type", "year", "month", "units")
    frame = pl.DataFrame(rows, schema=list(columns), orient="row")
    return (
        frame.with_columns(
            pl.lit(None, pl.Utf8).alias("plant_name"), pl.lit(None, pl.Utf8).alias("plant_market")
        )
        .select(list(PLANTS_SCHEMA))
        .cast(PLANTS_SCHEMA)
    )


def test_single_plant_models_are_made_in_exactly_one_plant_with_units():
    from analytics.explorer.plants import concentration, single_plant_models

    frame = plant_frame(
        [
            ("Kia", "KaGA", "Telluride", None, "total", 2024, 1, 30),
            ("Kia", "KaGA", "Telluride", None, "total", 2024, 2, 20),
            ("Kia", "KaGA", "Sportage", None, "total", 2024, 1, 40),
            ("Kia", "KaSK", "Sportage", None, "total", 2024, 1, 60),
            ("Kia", "KaSK", "Ceed", None, "total", 2024, 1, 25),
            ("Kia", "KMX", "Ceed", None, "total", 2024, 1, 0),  # a row of zeros: not made there
        ]
    )
    single = single_plant_models(frame)
    assert single.rows() == [("Telluride", "Kia", "KaGA", 50), ("Ceed", "Kia", "KaSK", 25)]
    sportage = concentration(frame).filter(pl.col("model") == "Sportage").row(0, named=True)
    assert (sportage["plants"], sportage["top_plant"]) == (2, "KaSK")
    assert sportage["top_share"] == pytest.approx(0.6)
    assert sportage["hhi"] == pytest.approx(0.6**2 + 0.4**2)


def test_both_brands_count_contract_production_once():
    from analytics.explorer.plants import plant_rows, plant_totals

    # Kia Mexico builds Hyundai's Tucson: Hyundai reports it at KMX, Kia as a contract
    # category at the same plant; with both brands the car counts once
    frame = plant_frame(
        [
            ("Hyundai", "KMX", "Tucson", None, "export", 2024, 6, 1_000),
            ("Kia", "KMX", None, "Hyundai contract production", "total", 2024, 6, 1_000),
            ("Kia", "KMX", "K3", None, "total", 2024, 6, 5_000),
        ]
    )
    both = plant_rows(frame, brand="all", period_from=None, period_to=None)
    assert plant_totals(both).select("plant", "units").rows() == [("KMX", 6_000)]
    kia = plant_rows(frame, brand="Kia", period_from=None, period_to=None)
    assert plant_totals(kia).select("plant", "units").rows() == [("KMX", 6_000)]


def test_export_ratio_only_for_plants_reporting_both_and_totals_kept_apart():
    from analytics.explorer.plants import domestic_export

    frame = plant_frame(
        [
            ("Hyundai", "HMMA", "Tucson", None, "domestic", 2024, 1, 900),
            ("Hyundai", "HMMA", "Tucson", None, "export", 2024, 1, 100),
            ("Hyundai", "HMMA", None, "Trucks", "total", 2024, 1, 50),
            ("Kia", "KaGA", "Sorento", None, "total", 2024, 1, 700),  # one figure: no ratio
        ]
    )
    assert domestic_export(frame).rows() == [("HMMA", 900, 100, pytest.approx(0.1), 50)]
