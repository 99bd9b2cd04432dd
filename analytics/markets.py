"""Units per market (the global strategy page's market bar)."""

from __future__ import annotations

import polars as pl

from warehouse.canonical import MARKETS


def market_totals(sales: pl.DataFrame) -> pl.DataFrame:
    """Units (vehicles) per market over the frame, canonical market order: market, units."""
    order = {m: i for i, m in enumerate(MARKETS)}
    return (
        sales.lazy()
        .group_by("market")
        .agg(pl.col("units").sum().cast(pl.Int64))
        .with_columns(
            pl.col("market")
            .replace_strict(order, default=len(order), return_dtype=pl.Int64)
            .alias("_order")
        )
        .sort(["_order", "market"])
        .select("market", "units")
        .collect()
    )
