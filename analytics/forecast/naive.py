"""Seasonal-naive baseline: the forecast every other model must beat.

Series frames have ``ds`` (Date, first of month) and ``y`` (vehicles). A month
with no row, or a null ``y``, is missing: it is never filled with 0.
"""

from __future__ import annotations

import polars as pl

FORECAST_SCHEMA = {
    "ds": pl.Date,
    "yhat": pl.Float64,
    "yhat_lower": pl.Float64,
    "yhat_upper": pl.Float64,
}


def month_index(ds: pl.Expr) -> pl.Expr:
    """Months since year 0 (integer), so month arithmetic needs no calendar maths."""
    return ds.dt.year().cast(pl.Int64) * 12 + ds.dt.month().cast(pl.Int64) - 1


def month_from_index(index: pl.Expr) -> pl.Expr:
    """Inverse of :func:`month_index`: first day of the month, as a Date."""
    return pl.date(index // 12, index % 12 + 1, 1)


def monthly_grid(series: pl.DataFrame) -> pl.DataFrame:
    """Regular monthly grid from the first to the last observed month.

    Returns ``ds`` (Date), ``m`` (month index) and ``y`` (vehicles, Float64, null
    where the month is missing).
    """
    observed = (
        series.lazy()
        .filter(pl.col("y").is_not_null())
        .select(month_index(pl.col("ds")).alias("m"), pl.col("y").cast(pl.Float64))
        .collect()
    )
    if observed["m"].is_duplicated().any():
        raise ValueError("series has more than one row per month; aggregate it to one y per ds.")
    if observed.is_empty():
        return pl.DataFrame(schema={"ds": pl.Date, "m": pl.Int64, "y": pl.Float64})
    first: int = observed.select(pl.col("m").min()).item()
    last: int = observed.select(pl.col("m").max()).item()
    return (
        pl.DataFrame({"m": pl.int_range(first, last + 1, eager=True, dtype=pl.Int64)})
        .join(observed, on="m", how="left")
        .select(month_from_index(pl.col("m")).alias("ds"), "m", "y")
    )


def _lag_errors(grid: pl.DataFrame, lag: int) -> pl.Series:
    return (
        grid.select((pl.col("y") - pl.col("y").shift(lag)).alias("e")).drop_nulls().get_column("e")
    )


def seasonal_naive(
    history: pl.DataFrame, *, horizon: int, season: int = 12, level: float = 0.8
) -> pl.DataFrame:
    """Seasonal-naive forecast for the ``horizon`` months after the last observed month.

    The forecast for month t is y at t - season (t - k*season beyond one season)
    when that month was observed, else the last observed value. The interval is
    yhat -/+ the empirical ``level`` quantile of the absolute in-sample
    seasonal-naive errors (lag-1 errors when no seasonal pair exists), so it
    always contains yhat (signed error quantiles put the whole band above the
    forecast of a growing series); its lower bound is clipped at 0 vehicles. All
    output columns are in vehicles per month except ``ds`` (Date, first of month).
    """
    if horizon < 1:
        raise ValueError(f"horizon must be at least 1 month, got {horizon}.")
    if not 0 < level < 1:
        raise ValueError(f"level must be a fraction between 0 and 1, got {level}.")
    grid = monthly_grid(history)
    if grid.is_empty():
        raise ValueError("history has no observed month; pass at least one non-null y.")

    errors = _lag_errors(grid, season)
    if errors.is_empty():
        errors = _lag_errors(grid, 1)
    spread = errors.abs().quantile(level, interpolation="linear") if len(errors) else None
    low, high = (-spread, spread) if spread is not None else (None, None)

    last_m: int = grid.select(pl.col("m").max()).item()
    last_y = grid.filter(pl.col("y").is_not_null())["y"][-1]
    step = pl.int_range(1, horizon + 1, dtype=pl.Int64, eager=True).alias("h")
    return (
        pl.DataFrame(step)
        .with_columns(
            (pl.lit(last_m) + pl.col("h")).alias("m"),
            (pl.lit(last_m) + pl.col("h") - ((pl.col("h") - 1) // season + 1) * season).alias(
                "source_m"
            ),
        )
        .join(grid.select(pl.col("m").alias("source_m"), "y"), on="source_m", how="left")
        .select(
            month_from_index(pl.col("m")).alias("ds"),
            pl.col("y").fill_null(last_y).alias("yhat"),
        )
        .with_columns(
            (pl.col("yhat") + pl.lit(low, dtype=pl.Float64))
            .clip(lower_bound=0)
            .alias("yhat_lower"),
            (pl.col("yhat") + pl.lit(high, dtype=pl.Float64)).alias("yhat_upper"),
        )
        .select([pl.col(name).cast(dtype) for name, dtype in FORECAST_SCHEMA.items()])
    )
