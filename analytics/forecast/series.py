"""The series `carsight forecast` forecasts, cut from monthly facts.

Input facts have brand, flow, market, region, model, vehicle_type, powertrain,
plant, ds (Date, first of month) and units (vehicles), reported months only
(warehouse.forecasts.load_forecast_input). A series sums units over every
column it is not split by:

- ``region_export``: per market (level ``market``);
- ``domestic_sales`` and ``export_sales``: per model family (``model``);
- ``overseas_retail``: per market and model (``market_model``);
- ``overseas_plant_sales``: per plant (``plant``);
- every flow: the brand total (``total``).

A month without any fact row of the series is missing: it has no history
row, never a 0. Totals are forecast directly, not reconciled; the pipeline
stores the sum of the parts beside them (``bottom_up_yhat``).
"""

from __future__ import annotations

import polars as pl

SPLITS: dict[str, tuple[str, tuple[str, ...]]] = {
    "region_export": ("market", ("market",)),
    "domestic_sales": ("model", ("model",)),
    "export_sales": ("model", ("model",)),
    "overseas_retail": ("market_model", ("market", "model")),
    "overseas_plant_sales": ("plant", ("plant",)),
}
KEYS = ("market", "model", "plant")
ATTRIBUTES = ("region", "vehicle_type", "powertrain", "climate_zone")

CATALOG_SCHEMA = {
    "series_id": pl.Utf8, "brand": pl.Utf8, "flow": pl.Utf8, "level": pl.Utf8,
    "market": pl.Utf8, "model": pl.Utf8, "plant": pl.Utf8, "region": pl.Utf8,
    "vehicle_type": pl.Utf8, "powertrain": pl.Utf8, "climate_zone": pl.Utf8,
    "gdp": pl.Float64, "n_months": pl.Int32, "first_ds": pl.Date, "last_ds": pl.Date,
}  # fmt: skip
HISTORY_SCHEMA = {"series_id": pl.Utf8, "ds": pl.Date, "y": pl.Float64}


def series_id_expr() -> pl.Expr:
    """``brand|flow|market=..|model=..|plant=..``; empty after ``=`` when summed over it."""
    return pl.concat_str(
        [pl.col("brand"), pl.lit("|"), pl.col("flow")]
        + [pl.format(f"|{key}={{}}", pl.col(key).fill_null("")) for key in KEYS]
    )


def _level_rows(facts: pl.DataFrame, flow: str, level: str, keys: tuple[str, ...]) -> pl.LazyFrame:
    """Facts of one flow with the columns the level does not split by set to null."""
    return (
        facts.lazy()
        .filter(pl.col("flow") == flow)
        .filter(pl.all_horizontal([pl.col(k).is_not_null() for k in keys]))
        .with_columns([pl.lit(None, dtype=pl.Utf8).alias(k) for k in KEYS if k not in keys])
        .with_columns(pl.lit(level).alias("level"))
    )


def _total_rows(facts: pl.DataFrame) -> pl.LazyFrame:
    return facts.lazy().with_columns(
        *[pl.lit(None, dtype=pl.Utf8).alias(k) for k in KEYS], pl.lit("total").alias("level")
    )


def _mode(column: str) -> pl.Expr:
    """Most frequent non-null value (ties: alphabetically first), null when none."""
    return pl.col(column).drop_nulls().mode().sort().first().alias(column)


def extract_series(
    facts: pl.DataFrame,
    *,
    markets: pl.DataFrame,
    min_months: int = 24,
    series_filter: str | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Catalog and monthly history of every series with ``min_months`` reported months.

    ``markets`` has market, climate_zone and gdp_trillion_usd. Series with
    fewer reported months, or with only zeros, are left out. ``series_filter``
    keeps the series whose id contains it (case-insensitive).

    Returns (catalog, history). catalog: series_id, brand, flow, level, market,
    model, plant, region, vehicle_type, powertrain, climate_zone (most frequent
    value over the series' rows), gdp (trillion USD), n_months (reported months),
    first_ds and last_ds (Date). history: series_id, ds (Date, first of month)
    and y (vehicles), one row per reported month only.
    """
    # market attributes join before the level nulls the market (plants keep theirs)
    located = facts.join(
        markets.select(
            "market", "climate_zone", pl.col("gdp_trillion_usd").cast(pl.Float64).alias("gdp")
        ),
        on="market",
        how="left",
    )
    parts = [_level_rows(located, flow, level, keys) for flow, (level, keys) in SPLITS.items()] + [
        _total_rows(located)
    ]
    # Concatenated eagerly: Polars 2.1 panics ("assertion failed: i < self.len()") when a
    # filter or aggregation is pushed through the lazy concat at ~1M fact rows.
    eager = (
        pl.concat(parts, how="vertical_relaxed")
        .collect()
        .with_columns(series_id_expr().alias("series_id"))
    )
    if series_filter:  # before aggregating: the other series are never summed
        eager = eager.filter(
            pl.col("series_id").str.to_lowercase().str.contains(series_filter.lower(), literal=True)
        )
    rows = eager.lazy()
    history = (
        rows.group_by("series_id", "ds")
        .agg(pl.col("units").sum().cast(pl.Float64).alias("y"))
        .sort("series_id", "ds")
    )
    stats = history.group_by("series_id").agg(
        pl.len().cast(pl.Int32).alias("n_months"),
        pl.col("ds").min().alias("first_ds"),
        pl.col("ds").max().alias("last_ds"),
        (pl.col("y") != 0).any().alias("any_sales"),
    )
    catalog = (
        rows.group_by("series_id")
        .agg(
            [pl.col(c).first() for c in ("brand", "flow", "level", *KEYS)]
            + [_mode(c) for c in ATTRIBUTES]
            + [pl.col("gdp").drop_nulls().mean()]
        )
        .join(stats, on="series_id")
        .filter(pl.col("n_months") >= min_months, pl.col("any_sales"))
    )
    catalog_frame = (
        catalog.select([pl.col(name).cast(dtype) for name, dtype in CATALOG_SCHEMA.items()])
        .sort("brand", "flow", "level", "series_id")
        .collect()
    )
    history_frame = (
        history.join(catalog_frame.lazy().select("series_id"), on="series_id", how="semi")
        .select([pl.col(name).cast(dtype) for name, dtype in HISTORY_SCHEMA.items()])
        .collect()
    )
    return catalog_frame, history_frame
