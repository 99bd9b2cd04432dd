"""Deviation of each model's share in a market from its share across all markets."""

from __future__ import annotations

import polars as pl


def deviation(sales: pl.DataFrame, *, market: str, threshold_pp: float = 5.0) -> pl.DataFrame:
    """Share gap per model, sorted from most over- to most under-represented.

    Columns: model; units_market, units_all (vehicles); share_market, share_all
    (fractions 0-1; "all" includes the focus market); deviation_pp (percentage
    points, rounded to 0.1); status: 'strong' (>= threshold), 'untapped'
    (<= -threshold) or 'neutral'. Models sold anywhere but not in the market get
    units_market 0.
    """
    by_model = sales.group_by("model").agg(
        pl.col("units").filter(pl.col("market") == market).sum().alias("units_market"),
        pl.col("units").sum().alias("units_all"),
    )
    market_total = by_model.get_column("units_market").sum()
    all_total = by_model.get_column("units_all").sum()
    if not market_total or not all_total:
        return pl.DataFrame(
            schema={
                "model": pl.Utf8,
                "units_market": pl.Int64,
                "units_all": pl.Int64,
                "share_market": pl.Float64,
                "share_all": pl.Float64,
                "deviation_pp": pl.Float64,
                "status": pl.Utf8,
            }
        )
    return (
        by_model.with_columns(
            (pl.col("units_market") / market_total).alias("share_market"),
            (pl.col("units_all") / all_total).alias("share_all"),
        )
        .with_columns(
            ((pl.col("share_market") - pl.col("share_all")) * 100).round(1).alias("deviation_pp")
        )
        .with_columns(
            pl.when(pl.col("deviation_pp") >= threshold_pp)
            .then(pl.lit("strong"))
            .when(pl.col("deviation_pp") <= -threshold_pp)
            .then(pl.lit("untapped"))
            .otherwise(pl.lit("neutral"))
            .alias("status")
        )
        .sort(["deviation_pp", "model"], descending=[True, False])
        .select(
            "model",
            "units_market",
            "units_all",
            "share_market",
            "share_all",
            "deviation_pp",
            "status",
        )
    )
