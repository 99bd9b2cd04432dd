"""Top-N models in one market."""

from __future__ import annotations

import polars as pl


def top10(sales: pl.DataFrame, *, market: str, n: int = 10) -> pl.DataFrame:
    """The n best-selling models in `market`: only models that sold (units > 0).

    Returns rank (1 = best), model, units (vehicles), share (fraction 0-1 of the
    market's units over the whole filtered period). Ties are broken by name; a
    market where fewer than n models sold has fewer rows (never 0-unit padding).
    """
    in_market = sales.filter(pl.col("market") == market)
    total = in_market.get_column("units").sum()
    return (
        in_market.group_by("model")
        .agg(pl.col("units").sum())
        .filter(pl.col("units") > 0)
        .sort(["units", "model"], descending=[True, False])
        .head(n)
        .with_columns(
            (pl.col("units") / total if total else pl.lit(0.0)).alias("share"),
            pl.int_range(1, pl.len() + 1).alias("rank"),
        )
        .select("rank", "model", "units", "share")
    )
