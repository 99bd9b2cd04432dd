"""Production priority score per model, and the stock-weeks planner, for one market."""

from __future__ import annotations

import calendar
from collections.abc import Mapping

import polars as pl

from analytics.momentum import market_model_units, momentum
from analytics.sales import SalesAggregate

DEFAULT_WEIGHTS: Mapping[str, float] = {"volume": 0.5, "momentum": 0.3, "revenue": 0.2}
COMPONENTS: tuple[str, ...] = ("volume", "momentum", "revenue")
STOCK_STATUSES: tuple[str, ...] = ("urgent", "adequate", "excess", "no_sales")


def _minmax(column: str) -> pl.Expr:
    """0-100 within the frame: (x - min) / (max - min) * 100; 100 for every model
    when all are equal (nobody is behind); null where x is null."""
    lo, hi = pl.col(column).min(), pl.col(column).max()
    return (
        pl.when(pl.col(column).is_null())
        .then(None)
        .when(hi == lo)
        .then(pl.lit(100.0))
        .otherwise((pl.col(column) - lo) / (hi - lo) * 100)
    )


def _checked_weights(weights: Mapping[str, float]) -> dict[str, float]:
    unknown = set(weights) - set(COMPONENTS)
    if unknown:
        raise ValueError(f"unknown weight(s) {sorted(unknown)}; valid: {', '.join(COMPONENTS)}")
    if any(w < 0 for w in weights.values()):
        raise ValueError("weights must be >= 0")
    return {c: float(weights.get(c, 0.0)) for c in COMPONENTS}


def priority(
    sales: SalesAggregate,
    *,
    market: str,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
) -> pl.DataFrame:
    """Production priority of each model sold in `market`, best first.

    Columns:
    - model; units (vehicles in the market over the filtered period);
    - change_pct (percent, from `analytics.momentum`: year-on-year where
      available, else last 3 vs previous 3 months; null when not computable);
    - revenue_krw (sum of amount_krw in the market, KRW; null when the source
      has no amounts, i.e. every IR flow);
    - volume_score, momentum_score, revenue_score: each 0-100, min-max scaled
      over the market's models ((x - min) / (max - min) * 100; 100 for all
      when every model has the same value; null where the input is null);
    - score: 0-100, sum(weight * component score) / sum(weight) over the components
      that are not null for that model, so weights renormalise when revenue
      (or a model's momentum) is missing; null when those weights sum to 0;
      rounded to 1e-6 so that equal inputs tie exactly;
    - rank: 1 = highest score (nulls last; ties by units, then name).

    `weights`: any of volume, momentum, revenue, each >= 0 (missing = 0); they
    need not sum to 1.
    """
    w = _checked_weights(weights)
    totals = (
        market_model_units(sales)
        .filter(pl.col("market") == market)
        .select("model", "units", pl.col("amount_krw").alias("revenue_krw"))
    )
    change = momentum(sales, market=market)
    scored = (
        totals.join(change.select("model", "change_pct"), on="model", how="left")
        .select("model", "units", "change_pct", "revenue_krw")
        .with_columns(
            _minmax("units").alias("volume_score"),
            _minmax("change_pct").alias("momentum_score"),
            _minmax("revenue_krw").alias("revenue_score"),
        )
    )
    parts = [(pl.col(f"{c}_score"), w[c]) for c in COMPONENTS]
    weighted = pl.sum_horizontal([(s * wt).fill_null(0.0) for s, wt in parts])
    present = pl.sum_horizontal(
        [pl.when(s.is_not_null()).then(wt).otherwise(0.0) for s, wt in parts]
    )
    return (
        scored.with_columns(
            # Rounded: float noise (SIMD vs scalar paths) must not order equal scores.
            pl.when(present > 0).then(weighted / present).otherwise(None).round(6).alias("score")
        )
        .sort(["score", "units", "model"], descending=[True, True, False], nulls_last=True)
        .with_columns(pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("rank"))
        .select(
            "model",
            "units",
            "change_pct",
            "revenue_krw",
            "volume_score",
            "momentum_score",
            "revenue_score",
            "score",
            "rank",
        )
    )


def _months_days(months: list[int]) -> int:
    """Calendar days in the given month indexes (year*12 + month-1)."""
    return sum(calendar.monthrange(m // 12, m % 12 + 1)[1] for m in months)


def stock_cover(
    sales: SalesAggregate,
    *,
    market: str,
    stock: Mapping[str, int],
    urgent_weeks: float = 4,
    excess_weeks: float = 12,
) -> pl.DataFrame:
    """Weeks of cover for the stock entered per model in `market`.

    One row per model in `stock`, in ascending weeks of cover (no-sales rows last):
    - stock: vehicles on hand, as entered;
    - avg_weekly_units: vehicles per week over the market's latest 3 months with
      data (about 13 weeks; the momentum window `last3`, each brand's own; the
      days are those of the brand whose data ends last): units / (calendar days
      / 7). Months without data are stepped over, never counted as zero;
    - weeks_of_cover: stock / avg_weekly_units; null when the model sold nothing
      in that window;
    - status: 'urgent' (cover < urgent_weeks), 'excess' (cover > excess_weeks),
      'adequate' (in between, bounds included) or 'no_sales'.
    """
    if urgent_weeks > excess_weeks:
        raise ValueError("urgent_weeks must not exceed excess_weeks")
    if any(v < 0 for v in stock.values()):
        raise ValueError("stock must be >= 0 for every model")
    windows = sales.market_windows(market)
    weeks = _months_days(windows.months["last3"]) / 7 if windows else 0
    recent = (
        sales.totals.lazy()
        .filter(pl.col("market") == market)
        .select("model", pl.col("last3").alias("window_units"))
    )
    entered = pl.LazyFrame(
        {"model": list(stock), "stock": list(stock.values())},
        schema={"model": pl.Utf8, "stock": pl.Int64},
    )
    cover = pl.col("stock") / pl.col("avg_weekly_units")
    return (
        entered.join(recent, on="model", how="left")
        .with_columns(
            (pl.col("window_units").fill_null(0) / weeks if weeks else pl.lit(0.0))
            .cast(pl.Float64)
            .alias("avg_weekly_units")
        )
        .with_columns(
            pl.when(pl.col("avg_weekly_units") > 0)
            .then(cover)
            .otherwise(None)
            .alias("weeks_of_cover")
        )
        .with_columns(
            pl.when(pl.col("weeks_of_cover").is_null())
            .then(pl.lit("no_sales"))
            .when(pl.col("weeks_of_cover") < urgent_weeks)
            .then(pl.lit("urgent"))
            .when(pl.col("weeks_of_cover") > excess_weeks)
            .then(pl.lit("excess"))
            .otherwise(pl.lit("adequate"))
            .alias("status")
        )
        .sort(["weeks_of_cover", "model"], nulls_last=True)
        .select("model", "stock", "avg_weekly_units", "weeks_of_cover", "status")
        .collect()
    )
