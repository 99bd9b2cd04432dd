"""One model's monthly units in one market (the global strategy page's trend chart)."""

from __future__ import annotations

import polars as pl

from analytics.months import mi_label
from analytics.sales import SalesAggregate

TREND_SERIES_SCHEMA = {"month": pl.Utf8, "units": pl.Int64}


def monthly_series(
    sales: SalesAggregate, model_months: pl.DataFrame | None, *, market: str | None
) -> pl.DataFrame:
    """One model's units per month in `market`: month ('YYYY-MM'), units (vehicles).

    `model_months`: the model's year, month, units in the market (`load_trend`);
    None when no model is chosen.
    Every month from the market's first to its last month with data appears once.
    A month where the market has data but this model has no row is 0 (it sold
    none); a month the market has no data for is null, drawn as a gap — never a
    zero. Empty when the market has no data or the model never sold there.
    """
    if not market or model_months is None or model_months.is_empty():
        return pl.DataFrame(schema=TREND_SERIES_SCHEMA)
    month_index = (pl.col("year").cast(pl.Int64) * 12 + pl.col("month") - 1).alias("mi")
    covered = sales.months.filter(pl.col("market") == market).select(month_index).get_column("mi")
    if covered.is_empty():
        return pl.DataFrame(schema=TREND_SERIES_SCHEMA)
    mine = model_months.select(month_index, pl.col("units").cast(pl.Int64))
    axis = covered.to_frame().select(
        pl.int_range(pl.col("mi").min(), pl.col("mi").max() + 1, dtype=pl.Int64).alias("mi")
    )
    return (
        axis.join(mine, on="mi", how="left")
        .with_columns(
            pl.when(pl.col("mi").is_in(covered.implode()))
            .then(pl.col("units").fill_null(0))
            .otherwise(None)
            .alias("units"),
            mi_label(pl.col("mi")).alias("month"),
        )
        .select("month", "units")
        .cast(TREND_SERIES_SCHEMA)  # type: ignore[arg-type]
    )
