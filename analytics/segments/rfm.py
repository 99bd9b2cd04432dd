"""RFM per customer: recency, frequency, monetary; ties-aware 1-5 scores; segment names.

Values (`rfm_values`), per customer row of the `customers` table:

- recency_days: days from the purchase date to the as-of date (0 = bought on it).
- frequency: the published purchase count (purchases).
- monetary_krw: the transaction amount (KRW).

Scores (`rfm_scores`) are ties-aware quintiles, computed within each brand:
each value's percentile is the mid-rank of its tie group, p = (average rank -
0.5) / n; p is stretched so the lowest tie group sits at 0 and the highest at
1, p' = (p - p_min) / (p_max - p_min), and the score is 1 + floor(5 p'),
capped at 5. So equal values always share a score, untied data fall into
(near-)equal fifths, the lowest value scores 1 and the highest 5 even when a
field has fewer than five distinct values (purchase counts: 1, 2, 3, ...), and
a field with one distinct value (or one customer) scores 3 for everyone: it
ranks no one. Recency is scored reversed: the most recent buyers score 5.

Segment names come from `name_segments`, a rule on the cluster centroids in
original units (the mean recency, frequency and amount of each cluster's
members), never from the cluster index. See NAMING_RULE.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import polars as pl

RFM_FEATURES: tuple[str, ...] = ("recency_days", "frequency", "monetary_krw")
SEGMENTS: tuple[str, ...] = ("VIP", "일반", "신규", "이탈가능")
# The order in which `name_segments` hands out names.
NAMING_ORDER: tuple[str, ...] = ("VIP", "이탈가능", "신규", "일반")
NAMING_RULE = (
    "Centroids are the mean recency_days, frequency and monetary_krw of each cluster's "
    "members (original units). value = monetary_krw_mean x frequency_mean. "
    "1) VIP: the highest value. "
    "2) 이탈가능 (at risk): of the rest, the longest recency_days_mean. "
    "3) 신규 (new): of the rest, the lowest frequency_mean (ties: shorter recency). "
    "4) 일반 (regular): the remaining cluster. "
    "Ties at any step go to the larger cluster, then the lower cluster label; "
    "with fewer than 4 clusters the names are handed out in this order until they run out."
)
VALUES_SCHEMA = {
    "customer_id": pl.Utf8, "brand": pl.Utf8, "recency_days": pl.Int32,
    "frequency": pl.Int32, "monetary_krw": pl.Int64,
}  # fmt: skip
CENTROID_SCHEMA = {
    "cluster": pl.Int32, "size": pl.Int64, "recency_days_mean": pl.Float64,
    "frequency_mean": pl.Float64, "monetary_krw_mean": pl.Float64, "value": pl.Float64,
}  # fmt: skip


def latest_purchase(customers: pl.DataFrame) -> dt.date | None:
    """The default as-of date: the latest purchase date in `customers` (None when empty)."""
    value = customers.get_column("purchase_date").max()
    return value if isinstance(value, dt.date) else None


def rfm_values(customers: pl.DataFrame, *, as_of: dt.date) -> pl.DataFrame:
    """Recency, frequency and monetary value per customer, as of `as_of`.

    `customers` needs customer_id, brand, purchase_date, purchase_count and
    amount_krw. Customers missing any of those, or whose purchase is after
    `as_of` (not yet a customer then), are left out.

    Columns: customer_id, brand; recency_days (days, >= 0), frequency
    (purchases), monetary_krw (KRW). Rows keep the order of `customers`.
    """
    return (
        customers.lazy()
        .filter(
            pl.col("purchase_date").is_not_null()
            & pl.col("purchase_count").is_not_null()
            & pl.col("amount_krw").is_not_null()
            & (pl.col("purchase_date") <= pl.lit(as_of))
        )
        .select(
            "customer_id",
            "brand",
            (pl.lit(as_of) - pl.col("purchase_date")).dt.total_days().alias("recency_days"),
            pl.col("purchase_count").alias("frequency"),
            pl.col("amount_krw").alias("monetary_krw"),
        )
        .collect()
        .cast(VALUES_SCHEMA)  # type: ignore[arg-type]
    )


def _mid_percentile(column: str, *, higher_is_better: bool, over: str | None) -> pl.Expr:
    value = pl.col(column) if higher_is_better else -pl.col(column)
    rank = value.rank("average")
    count = value.count()
    if over:
        rank, count = rank.over(over), count.over(over)
    return (rank - 0.5) / count


def _score_of_mid(mid: pl.Expr, *, over: str | None) -> pl.Expr:
    lo, hi = mid.min(), mid.max()
    if over:
        lo, hi = lo.over(over), hi.over(over)
    spread = hi - lo
    score = (((mid - lo) / spread) * 5).floor().clip(0, 4) + 1
    return pl.when(mid.is_null()).then(None).when(spread > 0).then(score).otherwise(3).cast(pl.Int8)


def quintile_score(
    column: str, *, higher_is_better: bool = True, over: str | None = None
) -> pl.Expr:
    """Ties-aware 1-5 score of `column` (see the module doc), optionally within groups.

    Nulls score null. `over`: a column to score within (e.g. 'brand').
    """
    mid = _mid_percentile(column, higher_is_better=higher_is_better, over=over)
    return _score_of_mid(mid, over=over)


def rfm_scores(rfm: pl.DataFrame, *, over: str | None = "brand") -> pl.DataFrame:
    """`rfm` (from `rfm_values`) with r_score, f_score and m_score (1-5, Int8) added.

    Scores are computed within each value of `over` (default: per brand).
    Same scores as `quintile_score`, with each rank computed once.
    """
    specs = {
        "r_score": ("recency_days", False),
        "f_score": ("frequency", True),
        "m_score": ("monetary_krw", True),
    }
    return (
        rfm.with_columns(
            _mid_percentile(column, higher_is_better=higher, over=over).alias(f"_mid_{name}")
            for name, (column, higher) in specs.items()
        )
        .with_columns(
            _score_of_mid(pl.col(f"_mid_{name}"), over=over).alias(name) for name in specs
        )
        .drop(f"_mid_{name}" for name in specs)
    )


def segment_centroids(rfm: pl.DataFrame, *, cluster: str = "cluster") -> pl.DataFrame:
    """Per cluster of `rfm`: size (customers) and mean R, F, M in original units.

    Columns: cluster; size (customers); recency_days_mean (days); frequency_mean
    (purchases); monetary_krw_mean (KRW); value = monetary_krw_mean x
    frequency_mean (KRW x purchases). Sorted by cluster.
    """
    return (
        rfm.group_by(pl.col(cluster).alias("cluster"))
        .agg(
            pl.len().alias("size"),
            pl.col("recency_days").mean().alias("recency_days_mean"),
            pl.col("frequency").mean().alias("frequency_mean"),
            pl.col("monetary_krw").mean().alias("monetary_krw_mean"),
        )
        .with_columns((pl.col("monetary_krw_mean") * pl.col("frequency_mean")).alias("value"))
        .sort("cluster")
        .cast(CENTROID_SCHEMA)  # type: ignore[arg-type]
    )


def _pick(rest: pl.DataFrame, by: Sequence[str], descending: Sequence[bool]) -> int:
    ordered = rest.sort([*by, "size", "cluster"], descending=[*descending, True, False])
    return int(ordered.item(0, "cluster"))


def name_segments(centroids: pl.DataFrame) -> dict[int, str]:
    """Segment name per cluster label by NAMING_RULE, from `segment_centroids` output.

    Depends only on the centroid values, so relabelling the clusters relabels
    the result and changes no name (unless two clusters tie exactly).
    """
    names: dict[int, str] = {}
    rest = centroids
    steps: list[tuple[str, list[str], list[bool]]] = [
        ("VIP", ["value"], [True]),
        ("이탈가능", ["recency_days_mean"], [True]),
        ("신규", ["frequency_mean", "recency_days_mean"], [False, False]),
        ("일반", ["value"], [True]),
    ]
    for name, by, descending in steps:
        if rest.is_empty():
            break
        chosen = _pick(rest, by, descending)
        names[chosen] = name
        rest = rest.filter(pl.col("cluster") != chosen)
    return names


def segment_profile(segments: pl.DataFrame) -> pl.DataFrame:
    """Per segment of a `customer_segments`-shaped frame: size, shares and mean R, F, M.

    Columns: segment; customers; customer_share (fraction 0-1); revenue_krw
    (sum of monetary_krw, KRW); revenue_share (fraction 0-1); recency_days_mean
    (days); frequency_mean (purchases); monetary_krw_mean (KRW); value_mean =
    monetary_krw_mean x frequency_mean; r_score_mean, f_score_mean,
    m_score_mean (1-5). Rows in SEGMENTS order; absent segments are left out.
    """
    total_n = segments.height
    total_m = segments.get_column("monetary_krw").sum() if total_n else 0
    order = pl.DataFrame({"segment": list(SEGMENTS), "_order": list(range(len(SEGMENTS)))})
    return (
        segments.group_by("segment")
        .agg(
            pl.len().alias("customers"),
            pl.col("monetary_krw").sum().alias("revenue_krw"),
            pl.col("recency_days").mean().alias("recency_days_mean"),
            pl.col("frequency").mean().alias("frequency_mean"),
            pl.col("monetary_krw").mean().alias("monetary_krw_mean"),
            pl.col("r_score").mean().alias("r_score_mean"),
            pl.col("f_score").mean().alias("f_score_mean"),
            pl.col("m_score").mean().alias("m_score_mean"),
        )
        .with_columns(
            (pl.col("customers") / total_n if total_n else pl.lit(0.0)).alias("customer_share"),
            (pl.col("revenue_krw") / total_m if total_m else pl.lit(0.0)).alias("revenue_share"),
            (pl.col("monetary_krw_mean") * pl.col("frequency_mean")).alias("value_mean"),
        )
        .join(order, on="segment", how="left")
        .sort("_order", nulls_last=True)
        .select(
            "segment",
            "customers",
            "customer_share",
            "revenue_krw",
            "revenue_share",
            "recency_days_mean",
            "frequency_mean",
            "monetary_krw_mean",
            "value_mean",
            "r_score_mean",
            "f_score_mean",
            "m_score_mean",
        )
    )
