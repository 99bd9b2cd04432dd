"""The explorer's numbers on the reference data, checked against the warehouse itself."""

from __future__ import annotations

import polars as pl
import pytest

from analytics.explorer import exports
from analytics.explorer.load import load_frame
from warehouse.connection import Warehouse


@pytest.fixture(scope="module")
def hyundai_2024(reference_db) -> pl.DataFrame:
    frame = load_frame(Warehouse(reference_db), "exports")
    months = exports.region_months(frame, brand="Hyundai", period_from=None, period_to=None)
    return exports.yearly_summary(months, year=2024)


def test_each_regions_peak_month_of_hyundai_2024_exports_holds_its_maximum(hyundai_2024, ref):
    # the month with the most exports of each region, straight from fact_sales
    expected = {
        market: (f"2024-{month:02d}", units)
        for market, month, units in ref(
            "select market, arg_max(month, units), max(units) from ("
            "  select market, month, sum(units) as units from fact_sales"
            "  where brand = 'Hyundai' and flow = 'region_export' and year = 2024"
            "  group by all) group by market"
        )
    }
    got = {r["market"]: (r["peak_month"], r["peak_units"]) for r in hyundai_2024.to_dicts()}
    assert got == expected
    assert len(got) == 8  # the eight regions Hyundai reports in 2024
    assert got["USA"] == ("2024-04", 63_939)


def test_hyundai_2024_region_totals_add_up_to_the_flow_and_shares_to_one(hyundai_2024, ref):
    (total,) = ref(
        "select sum(units) from fact_sales "
        "where brand = 'Hyundai' and flow = 'region_export' and year = 2024"
    )[0]
    assert hyundai_2024.get_column("units").sum() == total == 1_175_437
    assert hyundai_2024.get_column("share").sum() == pytest.approx(1.0)
    assert set(hyundai_2024.get_column("months")) == {12}
