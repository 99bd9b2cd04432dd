"""Sales momentum per model in one market: the last 3 months against the 3 before,
and against the same calendar months one year earlier where those exist; plus
the market x model totals that momentum and its callers share.

Months are counted only where there is data. Each brand reports on its own calendar
(Hyundai's customer file ends 2025-12, Kia's 2026-03), so the windows are per market
and brand: a model's units count in its own brand's windows, which end at that brand's
last month with data in the market. A month without data (no row for the brand in the
market) is *missing*, never a zero: the windows step over it
(`analytics.sales.Windows`). A model with no row in a month that its brand does have
is a real zero for that model. DuckDB sums the windows (`SalesAggregate.totals`); this
module only reads them.

A change is claimed only on enough cars: both windows compared must hold at least
MIN_WINDOW_UNITS vehicles, else the model is a thin sample ("표본 부족") and has no
change_pct (8 against 6 cars is no trend: one car more or less moves it by 15%).
"""

from __future__ import annotations

import polars as pl

from analytics.months import mi_label
from analytics.sales import WINDOW_MONTHS, SalesAggregate

__all__ = [
    "MIN_WINDOW_UNITS",
    "MOMENTUM_SCHEMA",
    "WINDOW_MONTHS",
    "market_model_units",
    "momentum",
]

# Vehicles each compared window must hold before a change is claimed: at 20 cars a
# window, one car is 5% of it, and a Poisson count's standard error is about 22%.
MIN_WINDOW_UNITS = 20

MOMENTUM_SCHEMA = {
    "model": pl.Utf8, "last3": pl.Int64, "prev3": pl.Int64, "momentum_pct": pl.Float64,
    "yoy_last3": pl.Int64, "yoy_pct": pl.Float64, "basis": pl.Utf8, "base3": pl.Int64,
    "thin_sample": pl.Boolean, "change_pct": pl.Float64, "end_month": pl.Utf8,
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


def momentum(
    sales: SalesAggregate, *, market: str, min_units: int = MIN_WINDOW_UNITS
) -> pl.DataFrame:
    """Recent change in units per model sold in `market` over the filtered period.

    Windows (per market and brand, over the months with data, see module doc):

    - last3: vehicles in the latest 3 months with data (fewer when there are
      fewer months);
    - prev3: vehicles in the 3 months with data before those; null when the
      brand has fewer than 6 months with data in the market;
    - momentum_pct: (last3 / prev3 - 1) * 100, percent, rounded to 0.1; null
      when prev3 is 0 or null;
    - yoy_last3: vehicles in the same 3 calendar months one year earlier; null
      unless the brand has data in all three of them;
    - yoy_pct: (last3 / yoy_last3 - 1) * 100, percent, rounded to 0.1; null
      when yoy_last3 is 0 or null;
    - basis: 'yoy' when yoy_pct is computable, else 'prev3' (seasonality makes
      the year-earlier comparison the better one whenever it exists);
    - base3: vehicles in the basis window (yoy_last3 or prev3);
    - thin_sample: true when the basis window exists but last3 or base3 holds
      fewer than `min_units` vehicles (no change is claimed then);
    - change_pct: the percent of that basis; null when neither is computable or
      the sample is thin;
    - end_month: 'YYYY-MM' of the latest month with data of the model's brand(s).

    Sorted by last3 descending, then model. Empty when the market has no rows.
    """
    frame = sales.totals.lazy().filter(pl.col("market") == market)
    return (
        frame.with_columns(
            _pct("last3", "prev3").alias("momentum_pct"),
            _pct("last3", "yoy_last3").alias("yoy_pct"),
        )
        .with_columns(
            pl.when(pl.col("yoy_pct").is_not_null())
            .then(pl.lit("yoy"))
            .otherwise(pl.lit("prev3"))
            .alias("basis"),
            pl.when(pl.col("yoy_pct").is_not_null())
            .then(pl.col("yoy_last3"))
            .otherwise(pl.col("prev3"))
            .alias("base3"),
        )
        .with_columns(
            (
                pl.col("base3").is_not_null()
                & ((pl.col("last3") < min_units) | (pl.col("base3") < min_units))
            ).alias("thin_sample"),
        )
        .with_columns(
            pl.when(pl.col("thin_sample"))
            .then(None)
            .otherwise(pl.coalesce("yoy_pct", "momentum_pct"))
            .alias("change_pct"),
            mi_label(pl.col("end_mi")).alias("end_month"),
        )
        .sort(["last3", "model"], descending=[True, False])
        .select(*MOMENTUM_SCHEMA)
        .cast(MOMENTUM_SCHEMA)  # type: ignore[arg-type]
        .collect()
    )
