"""The trend series: a model's months in a market, gaps where the market has no data."""

from __future__ import annotations

import polars as pl

from analytics.sales import SALES_SCHEMA, aggregate_rows
from analytics.trend import monthly_series

ROWS = (
    pl.DataFrame(
        {
            "market": ["Korea", "Korea", "Korea", "Korea", "USA"],
            "model": ["G70", "Avante", "G70", "G70", "G70"],
            "year": [2024, 2024, 2024, 2024, 2024],
            "month": [1, 2, 4, 4, 3],
            "units": [3, 5, 2, 1, 9],
        }
    )
    .with_columns(
        pl.lit("Hyundai").alias("brand"),
        pl.lit(None).alias("vehicle_type"),
        pl.lit("ICE").alias("powertrain"),
        pl.lit(None).alias("amount_krw"),
    )
    .select(*SALES_SCHEMA)
    .cast(SALES_SCHEMA)
)
G70_KOREA = pl.DataFrame({"year": [2024, 2024], "month": [1, 4], "units": [3, 3]})


def test_monthly_series_has_zero_for_a_month_without_this_model_and_a_gap_without_data():
    series = monthly_series(aggregate_rows(ROWS), G70_KOREA, market="Korea")
    # Feb: Korea has data, no G70 -> 0; Mar: no Korea data at all -> gap (null)
    assert series.rows() == [("2024-01", 3), ("2024-02", 0), ("2024-03", None), ("2024-04", 3)]


def test_monthly_series_is_empty_without_a_model_market_or_sales():
    sales = aggregate_rows(ROWS)
    assert monthly_series(sales, G70_KOREA.head(0), market="Korea").is_empty()
    assert monthly_series(sales, None, market="Korea").is_empty()
    assert monthly_series(sales, G70_KOREA, market=None).is_empty()
    assert monthly_series(sales, G70_KOREA, market="China").is_empty()
