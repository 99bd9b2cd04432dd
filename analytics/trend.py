"""One model's monthly units in one market (the global strategy page's trend chart)."""

from __future__ import annotations

import polars as pl


def monthly_series(sales: pl.DataFrame, *, market: str | None, model: str | None) -> pl.DataFrame:
    """One model's units per month in one market, for a trend chart: month ('YYYY-MM'),
    units (vehicles).

    Every month from the market's first to its last month with data appears once.
    A month where the market has data but this model has no row is 0 (it sold
    none); a month the market has no data for is null, drawn as a gap — never a
    zero. Empty when the market has no data or the model never sold there.
    """
    schema = {"month": pl.Utf8, "units": pl.Int64}
    if not market or not model:
        return pl.DataFrame(schema=schema)
    month_index = pl.col("year").cast(pl.Int64) * 12 + pl.col("month").cast(pl.Int64) - 1
    in_market = (
        sales.lazy().filter(pl.col("market") == market).with_columns(month_index.alias("mi"))
    )
    covered = in_market.select(pl.col("mi").unique()).collect().get_column("mi")
    mine = (
        in_market.filter(pl.col("model") == model)
        .group_by("mi")
        .agg(pl.col("units").sum().cast(pl.Int64))
        .collect()
    )
    if covered.is_empty() or mine.is_empty():
        return pl.DataFrame(schema=schema)
    first, last = int(covered.min()), int(covered.max())  # type: ignore[arg-type]
    axis = pl.DataFrame({"mi": pl.int_range(first, last + 1, eager=True)})
    return (
        axis.join(mine, on="mi", how="left")
        .with_columns(
            pl.when(pl.col("mi").is_in(covered.implode()))
            .then(pl.col("units").fill_null(0))
            .otherwise(None)
            .alias("units"),
            pl.format(
                "{}-{}", pl.col("mi") // 12, (pl.col("mi") % 12 + 1).cast(pl.Utf8).str.zfill(2)
            ).alias("month"),
        )
        .select("month", "units")
        .cast(schema)  # type: ignore[arg-type]
    )
