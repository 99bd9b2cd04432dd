"""Preferences by region (지역별 선호 모델): body type and model per 시·도 or US state.

Every function takes a customer frame with `region` (short 시·도 name or US state
code, `warehouse.region`; null = unknown), `model` and the body-type column
`BODY_COLUMN` — the dealer frame of `warehouse.trained.load_dealer_customers`,
already filtered by brand, market and period. Customers with an unknown region
are left out of every table; "전체 평균" (overall average) is over the customers
with a known region, so it is the customer-weighted mean of the regions shown.

Shares are fractions 0-1 in tables. In `Insight.values` every number a sentence
cites is rounded the way it is shown (`*_pct`: whole percent, as in "서울 — SUV 58%"),
and the suggestion rule compares those shown numbers, so the renderer can only print
computed numbers and a suggestion never contradicts them.
"""

from __future__ import annotations

import math
from typing import Any

import polars as pl

from analytics.insights import Insight

# The body type of the purchased model in the model catalogue (dim_model), not the
# customer's own vehicle class (body_type, from 차량구분), which often contradicts the model.
BODY_COLUMN = "model_body_type"
MIN_CUSTOMERS = 30  # a region with fewer customers is a small sample: greyed, no suggestion
SUGGEST_PP = 5  # suggest more stock of a body type at least this many points above average

SUMMARY_SCHEMA: dict[str, pl.DataType] = {
    "region": pl.Utf8(),
    "customers": pl.UInt32(),
    "top_body_type": pl.Utf8(),
    "top_body_type_customers": pl.UInt32(),
    "top_body_type_share": pl.Float64(),
    "body_type_average_share": pl.Float64(),
    "top_model": pl.Utf8(),
    "top_model_customers": pl.UInt32(),
    "top_model_share": pl.Float64(),
    "small_sample": pl.Boolean(),
}


def _known(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.filter(pl.col("region").is_not_null())


def _top(frame: pl.DataFrame, column: str) -> pl.DataFrame:
    """Per region: the most bought value of `column` (ties: alphabetical), its customers
    and share of the region's customers."""
    counts = (
        frame.filter(pl.col(column).is_not_null())
        .group_by("region", column)
        .agg(pl.len().alias("n"))
        .sort(["region", "n", column], descending=[False, True, False])
    )
    return counts.group_by("region", maintain_order=True).first()


def region_body_shares(frame: pl.DataFrame) -> pl.DataFrame:
    """region, body_type, customers, share (of the region's customers with a body type,
    0-1), small_sample (the region has fewer than MIN_CUSTOMERS customers); regions in
    `region_order`, body types alphabetical."""
    known = _known(frame)
    return (
        known.filter(pl.col(BODY_COLUMN).is_not_null())
        .group_by("region", pl.col(BODY_COLUMN).alias("body_type"))
        .agg(pl.len().alias("customers"))
        .with_columns(share=pl.col("customers") / pl.col("customers").sum().over("region"))
        .join(region_order(known), on="region")
        .with_columns(small_sample=pl.col("region_customers") < MIN_CUSTOMERS)
        .sort("order", "body_type")
        .select("region", "body_type", "customers", "share", "small_sample")
    )


def region_order(frame: pl.DataFrame) -> pl.DataFrame:
    """region, region_customers, order (0 = most customers; ties alphabetical): the row
    order of every region table and chart. Unknown regions are left out."""
    return (
        _known(frame)
        .group_by("region")
        .agg(pl.len().alias("region_customers"))
        .sort(["region_customers", "region"], descending=[True, False])
        .with_columns(pl.int_range(pl.len(), dtype=pl.UInt32).alias("order"))
    )


def region_summary(frame: pl.DataFrame) -> pl.DataFrame:
    """One row per region (SUMMARY_SCHEMA), most customers first.

    customers: customers with a known region; top_body_type / top_model: the most
    bought, with their customers and share of the region's customers (0-1);
    body_type_average_share: the share of the region's top body type over all
    customers with a known region (0-1); small_sample: fewer than MIN_CUSTOMERS.
    """
    known = _known(frame)
    if known.is_empty():
        return pl.DataFrame(schema=SUMMARY_SCHEMA)
    sizes = known.group_by("region").agg(pl.len().alias("customers"))
    average = (
        known.filter(pl.col(BODY_COLUMN).is_not_null())
        .group_by(pl.col(BODY_COLUMN).alias("top_body_type"))
        .agg(pl.len().alias("n"))
        .select("top_body_type", body_type_average_share=pl.col("n") / pl.col("n").sum())
    )
    body = _top(known, BODY_COLUMN).rename(
        {BODY_COLUMN: "top_body_type", "n": "top_body_type_customers"}
    )
    model = _top(known, "model").rename({"model": "top_model", "n": "top_model_customers"})
    return (
        sizes.join(body, on="region", how="left")
        .join(model, on="region", how="left")
        .join(average, on="top_body_type", how="left")
        .with_columns(
            top_body_type_share=pl.col("top_body_type_customers") / pl.col("customers"),
            top_model_share=pl.col("top_model_customers") / pl.col("customers"),
            small_sample=pl.col("customers") < MIN_CUSTOMERS,
        )
        .sort(["customers", "region"], descending=[True, False])
        .select(pl.col(c).cast(t) for c, t in SUMMARY_SCHEMA.items())
    )


def _pct(share: float | None) -> int:
    """Whole percent, halves up: sentences cite whole percents and the rule compares them."""
    return math.floor(100 * float(share or 0.0) + 0.5)


def region_insights(summary: pl.DataFrame) -> list[Insight]:
    """One insight per region of `region_summary`, in its order.

    - `region.small`: fewer than MIN_CUSTOMERS customers; no share, no suggestion.
    - `region.stock`: the top body type is at least SUGGEST_PP points above its
      overall average share: "서울 — SUV 58%" with the stock suggestion.
    - `region`: otherwise, the finding alone.
    """
    out = []
    for row in summary.to_dicts():
        values: dict[str, Any] = {"region": row["region"], "customers": row["customers"]}
        if row["small_sample"] or row["top_body_type"] is None:
            out.append(Insight("region.small", values))
            continue
        share, average = _pct(row["top_body_type_share"]), _pct(row["body_type_average_share"])
        values |= {
            "body_type": row["top_body_type"],
            "share_pct": share,
            "average_pct": average,
            "model": row["top_model"],
            "model_pct": _pct(row["top_model_share"]),
        }
        kind = "region.stock" if share - average >= SUGGEST_PP else "region"
        out.append(Insight(kind, values))
    return out
