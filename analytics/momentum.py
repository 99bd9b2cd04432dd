"""Sales momentum per model in one market: the last 3 months against the 3 before,
and against the same calendar months one year earlier where those exist; plus
the market x model totals that momentum and its callers share.

Months are counted only where the market has data. A month with no row for the
market (no model sold, or the source has not reported it) is *missing*, never a
zero: the windows step over it (`analytics.sales.Windows`). A model with no row
in a month that the market does have is a real zero for that model. DuckDB sums
the windows (`SalesAggregate.totals`); this module only reads them.
"""

from __future__ import annotations

import polars as pl

from analytics.sales import WINDOW_MONTHS, WINDOWS, SalesAggregate

__all__ = ["MOMENTUM_SCHEMA", "WINDOW_MONTHS", "market_model_units", "momentum"]

MOMENTUM_SCHEMA = {
    "model": pl.Utf8, "last3": pl.Int64, "prev3": pl.Int64, "momentum_pct": pl.Float64,
    "yoy_last3": pl.Int64, "yoy_pct": pl.Float64, "basis": pl.Utf8, "change_pct": pl.Float64,
    "end_month": pl.Utf8,
}  # fmt: skip


def market_model_units(sales: SalesAggregate) -> pl.DataFrame:
    """Totals per market and model over the filter: market, model, units (vehicles),
    amount_krw (KRW; null when the source has no amounts for them).

    `deviation`, `top10` and `heatmap` take this frame (they only sum units by
    market and model). DuckDB aggregated it; no fact rows reach Polars.
    """
    return sales.totals.select("market", "model", "units", "amount_krw")


def _pct(now: str, before: str) -> pl.Expr:
    return (
        pl.when(pl.col(before) > 0)
        .then((pl.col(now) / pl.col(before) - 1) * 100)
        .otherwise(None)
        .round(1)
    )


def momentum(sales: SalesAggregate, *, market: str) -> pl.DataFrame:
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
    windows = sales.windows.get(market)
    if windows is None:
        return pl.DataFrame(schema=MOMENTUM_SCHEMA)
    end = windows.end
    return (
        sales.totals.lazy()
        .filter(pl.col("market") == market)
        .with_columns(
            pl.col(name) if name in windows.months else pl.lit(None, dtype=pl.Int64).alias(name)
            for name in WINDOWS
        )
        .with_columns(
            _pct("last3", "prev3").alias("momentum_pct"),
            _pct("last3", "yoy_last3").alias("yoy_pct"),
        )
        .with_columns(
            pl.when(pl.col("yoy_pct").is_not_null())
            .then(pl.lit("yoy"))
            .otherwise(pl.lit("prev3"))
            .alias("basis"),
            pl.coalesce("yoy_pct", "momentum_pct").alias("change_pct"),
            pl.lit(f"{end // 12:04d}-{end % 12 + 1:02d}").alias("end_month"),
        )
        .sort(["last3", "model"], descending=[True, False])
        .select(*MOMENTUM_SCHEMA)
        .cast(MOMENTUM_SCHEMA)  # type: ignore[arg-type]
        .collect()
    )
