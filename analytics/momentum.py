"""Sales momentum per model in one market: the last 3 months against the 3 before,
and against the same calendar months one year earlier where those exist.

Months are counted only where the market has data. A month with no row for the
market (no model sold, or the source has not reported it) is *missing*, never a
zero: the windows step over it. A model with no row in a month that the market
does have is a real zero for that model.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

WINDOW_MONTHS = 3

MOMENTUM_SCHEMA = {
    "model": pl.Utf8, "last3": pl.Int64, "prev3": pl.Int64, "momentum_pct": pl.Float64,
    "yoy_last3": pl.Int64, "yoy_pct": pl.Float64, "basis": pl.Utf8, "change_pct": pl.Float64,
    "end_month": pl.Utf8,
}  # fmt: skip


def _month_index() -> pl.Expr:
    """Months since year 0 (year*12 + month-1): consecutive months differ by 1."""
    return (pl.col("year").cast(pl.Int64) * 12 + pl.col("month").cast(pl.Int64) - 1).alias("mi")


def market_rows(sales: pl.DataFrame, *, market: str) -> pl.DataFrame:
    """The rows of `market`: model, mi (month index year*12 + month-1), units, amount_krw."""
    return (
        sales.lazy().filter(pl.col("market") == market)
        .select("model", _month_index(), "units", "amount_krw")
        .collect()
    )


def _pct(now: str, before: str) -> pl.Expr:
    return (
        pl.when(pl.col(before) > 0)
        .then((pl.col(now) / pl.col(before) - 1) * 100)
        .otherwise(None)
        .round(1)
    )


def momentum(sales: pl.DataFrame, *, market: str) -> pl.DataFrame:
    """Recent change in units per model sold in `market` over the filtered period.

    Windows (over the months with data for the market, see module doc):

    - last3: vehicles in the latest 3 months with data (fewer when the market
      has fewer months);
    - prev3: vehicles in the 3 months with data before those; null when the
      market has fewer than 6 months with data;
    - momentum_pct: (last3 / prev3 - 1) * 100, percent, rounded to 0.1; null
      when prev3 is 0 or null;
    - yoy_last3: vehicles in the same 3 calendar months one year earlier; null
      unless the market has data in all three of them;
    - yoy_pct: (last3 / yoy_last3 - 1) * 100, percent, rounded to 0.1; null
      when yoy_last3 is 0 or null;
    - basis: 'yoy' when yoy_pct is computable, else 'prev3' (seasonality makes
      the year-earlier comparison the better one whenever it exists);
    - change_pct: the percent of that basis (null when neither is computable);
    - end_month: 'YYYY-MM' of the latest month with data for the market.

    Sorted by last3 descending, then model. Empty when the market has no rows.
    """
    return momentum_of_rows(market_rows(sales, market=market))


def momentum_of_rows(
    rows: pl.DataFrame, *, extra: Sequence[pl.Expr] = (), models: Sequence[str] | None = None,
) -> pl.DataFrame:
    """`momentum` of one market's rows as returned by `market_rows`.

    `extra`: more per-model aggregations over `rows`, appended as columns (so a
    caller that needs other per-model sums shares the one group-by).
    `models`: only these models (the windows still come from all of the
    market's months); the same rows as the full result, much faster when few.
    """
    extra_names = [e.meta.output_name() for e in extra]
    months = rows.get_column("mi").unique().sort().to_list()
    if models is not None:
        rows = rows.filter(pl.col("model").is_in(list(models)))
    if not months:
        return pl.DataFrame(schema=MOMENTUM_SCHEMA).with_columns(
            pl.lit(None).alias(name) for name in extra_names)
    last = months[-WINDOW_MONTHS:]
    prev = months[-2 * WINDOW_MONTHS:-WINDOW_MONTHS] if len(months) >= 2 * WINDOW_MONTHS else []
    present = set(months)
    yoy = [m - 12 for m in last]
    yoy_ok = len(last) == WINDOW_MONTHS and all(m in present for m in yoy)
    end = months[-1]
    windows = {"last3": (last, True), "prev3": (prev, bool(prev)), "yoy_last3": (yoy, yoy_ok)}
    # Window columns are made before grouping so the aggregation is a plain sum
    # (a filter or condition inside the aggregation is far slower on 10M rows).
    return (
        rows.lazy()
        .with_columns(
            pl.when(pl.col("mi").is_in(ms)).then(pl.col("units")).otherwise(0).alias(name)
            for name, (ms, _) in windows.items()
        )
        .group_by("model")
        .agg(pl.col(*windows).sum(), *extra)
        .with_columns(
            pl.col(name) if ok else pl.lit(None, dtype=pl.Int64).alias(name)
            for name, (_, ok) in windows.items()
        )
        .with_columns(_pct("last3", "prev3").alias("momentum_pct"),
                      _pct("last3", "yoy_last3").alias("yoy_pct"))
        .with_columns(
            pl.when(pl.col("yoy_pct").is_not_null()).then(pl.lit("yoy"))
            .otherwise(pl.lit("prev3")).alias("basis"),
            pl.coalesce("yoy_pct", "momentum_pct").alias("change_pct"),
            pl.lit(f"{end // 12:04d}-{end % 12 + 1:02d}").alias("end_month"),
        )
        .sort(["last3", "model"], descending=[True, False])
        .select(*MOMENTUM_SCHEMA, *extra_names)
        .cast(MOMENTUM_SCHEMA)  # type: ignore[arg-type]
        .collect()
    )
