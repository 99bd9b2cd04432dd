"""Multi-market heatmap: the overall top-N models across chosen markets."""

from __future__ import annotations

from typing import Literal

import polars as pl


def heatmap(
    sales: pl.DataFrame,
    *,
    markets: list[str],
    top_n: int = 5,
    measure: Literal["units", "share"] = "units",
) -> pl.DataFrame:
    """Cross table: one row per model (the top_n by units summed over `markets`),
    one column per market in the given order.

    measure='units': vehicles; measure='share': the model's share of that
    market's units (fraction 0-1, over all models of the market, not only the
    top_n). Missing combinations are 0.
    """
    if not markets:
        return pl.DataFrame(schema={"model": pl.Utf8})
    chosen = sales.filter(pl.col("market").is_in(markets))
    per_cell = chosen.group_by("model", "market").agg(pl.col("units").sum())
    top = (
        per_cell.group_by("model")
        .agg(pl.col("units").sum().alias("total"))
        .sort(["total", "model"], descending=[True, False])
        .head(top_n)
    )
    market_totals = per_cell.group_by("market").agg(pl.col("units").sum().alias("market_total"))
    cells = (
        top.select("model", "total")
        .join(pl.DataFrame({"market": markets}), how="cross")
        .join(per_cell, on=["model", "market"], how="left")
        .join(market_totals, on="market", how="left")
        .with_columns(pl.col("units").fill_null(0))
        .with_columns(
            (pl.col("units") / pl.col("market_total")).fill_null(0.0).fill_nan(0.0).alias("share")
        )
    )
    value = "units" if measure == "units" else "share"
    wide = cells.pivot(on="market", index=["model", "total"], values=value)
    present = [m for m in markets if m in wide.columns]
    return wide.sort(["total", "model"], descending=[True, False]).select("model", *present)
