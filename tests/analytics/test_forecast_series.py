"""Series extraction: levels, stable ids, and unreported months staying missing."""

import datetime as dt

import polars as pl

from analytics.forecast.series import extract_series

MARKETS = pl.DataFrame(
    {
        "market": ["USA", "Canada"],
        "climate_zone": ["temperate", "cold"],
        "gdp_trillion_usd": [27.0, 2.1],
    }
)


def _facts(
    months: int,
    *,
    skip: tuple[int, ...] = (),
    flow: str = "region_export",
    markets: tuple[str, ...] = ("USA", "Canada"),
) -> pl.DataFrame:
    rows = []
    for i in range(months):
        if i in skip:
            continue
        ds = dt.date(2022 + i // 12, i % 12 + 1, 1)
        for j, market in enumerate(markets):
            rows.append(
                {
                    "brand": "Kia",
                    "flow": flow,
                    "market": market,
                    "region": "North America",
                    "model": None,
                    "vehicle_type": None,
                    "powertrain": None,
                    "plant": None,
                    "ds": ds,
                    "units": float(100 * (j + 1) + i),
                }
            )
    return pl.DataFrame(
        rows,
        schema={
            "brand": pl.Utf8,
            "flow": pl.Utf8,
            "market": pl.Utf8,
            "region": pl.Utf8,
            "model": pl.Utf8,
            "vehicle_type": pl.Utf8,
            "powertrain": pl.Utf8,
            "plant": pl.Utf8,
            "ds": pl.Date,
            "units": pl.Float64,
        },
    )


def test_region_export_gives_one_series_per_market_and_a_total_with_stable_ids():
    catalog, history = extract_series(_facts(30), markets=MARKETS)
    assert catalog["series_id"].to_list() == [
        "Kia|region_export|market=Canada|model=|plant=",
        "Kia|region_export|market=USA|model=|plant=",
        "Kia|region_export|market=|model=|plant=",
    ]
    assert catalog["level"].to_list() == ["market", "market", "total"]
    assert catalog.filter(pl.col("market") == "USA")["climate_zone"].item() == "temperate"
    total = history.filter(pl.col("series_id").str.contains("market=\\|"))
    parts = history.filter(~pl.col("series_id").str.contains("market=\\|"))
    assert total["y"].sum() == parts["y"].sum()


def test_unreported_months_are_absent_never_zero():
    facts = _facts(30, skip=(13, 14))
    catalog, history = extract_series(facts, markets=MARKETS, min_months=24)
    usa = history.filter(pl.col("series_id") == "Kia|region_export|market=USA|model=|plant=")
    assert usa.height == 28
    assert dt.date(2023, 2, 1) not in usa["ds"].to_list()
    assert (usa["y"] != 0).all()
    assert usa["ds"].max() == dt.date(2024, 6, 1)  # nothing after the last reported month
    assert catalog["n_months"].to_list() == [28, 28, 28]


def test_short_and_all_zero_series_are_left_out_and_the_filter_is_case_insensitive():
    short = _facts(20)
    assert extract_series(short, markets=MARKETS)[0].is_empty()
    zero = _facts(30).with_columns(
        pl.when(pl.col("market") == "Canada").then(0.0).otherwise(pl.col("units")).alias("units")
    )
    catalog, _ = extract_series(zero, markets=MARKETS)
    assert "Kia|region_export|market=Canada|model=|plant=" not in catalog["series_id"].to_list()
    catalog, _ = extract_series(_facts(30), markets=MARKETS, series_filter="MARKET=usa")
    assert catalog["series_id"].to_list() == ["Kia|region_export|market=USA|model=|plant="]


def test_overseas_retail_is_split_by_market_and_model():
    facts = _facts(26, flow="overseas_retail").with_columns(pl.lit("Sportage").alias("model"))
    catalog, _ = extract_series(facts, markets=MARKETS)
    assert set(catalog["level"]) == {"market_model", "total"}
    assert "Kia|overseas_retail|market=USA|model=Sportage|plant=" in catalog["series_id"]
