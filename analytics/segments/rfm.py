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

Segment names come from `name_segments`: each of the four names has a condition in
the data's own units (days, purchases, KRW), checked on the cluster centroids against
the brand's own distribution (`naming_thresholds`); a cluster that meets no free
name's condition gets a descriptive name built from its standing (`descriptive_name`,
e.g. "1회 고액 구매"), never a name it does not deserve. See NAME_CONDITIONS and
NAMING_RULE; `naming_checks` gives every measured value, so a page can say why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

RFM_FEATURES: tuple[str, ...] = ("recency_days", "frequency", "monetary_krw")
SEGMENTS: tuple[str, ...] = ("VIP", "일반", "신규", "이탈가능")
# The order in which `name_segments` hands out names (the conditions are disjoint but for
# ties inside one name: see NAME_CONDITIONS).
NAMING_ORDER: tuple[str, ...] = ("이탈가능", "VIP", "신규", "일반")
RECENT_SHARE_MIN = 2 / 3  # 신규: at least this share of members bought within the median
ONE_TIME_MAX = 1.5  # descriptive "1회": mean purchases below this
HIGH_AMOUNT, LOW_AMOUNT = 1.2, 0.8  # descriptive "고액" / "소액": mean amount / brand median
# Each name's condition, in the units of the centroids (means of the cluster's members)
# and the brand's thresholds (`naming_thresholds`, over all of the brand's customers).
NAME_CONDITIONS: dict[str, str] = {
    "이탈가능": "mean recency_days > the brand's 75th-percentile recency_days "
    "(of several: the longest mean recency)",
    "VIP": "mean frequency >= the brand's 75th-percentile frequency, value (mean "
    "monetary_krw x mean frequency) >= the 75th percentile of the customers' monetary_krw x "
    "frequency, and mean recency_days <= the 75th-percentile recency_days (of several: the "
    "highest value)",
    "신규": f"at least {RECENT_SHARE_MIN:.0%} of its customers have recency_days below the "
    "brand's median recency_days, and its mean frequency is the lowest of all clusters",
    "일반": "mean recency_days <= the brand's 75th-percentile recency_days and mean frequency "
    "above the lowest cluster's and below the 75th-percentile frequency (of several: the "
    "largest cluster)",
}
NAMING_RULE = (
    "Centroids are the mean recency_days, frequency and monetary_krw of each cluster's "
    "members (original units); thresholds are the brand's median and 75th percentile "
    "(linear interpolation) of the customers' values. Names are handed out in the order "
    + ", ".join(NAMING_ORDER)
    + "; a name goes to a cluster only when the cluster meets its condition: "
    + "; ".join(f"{name}: {cond}" for name, cond in NAME_CONDITIONS.items())
    + ". Ties go to the larger cluster, then the lower label. A cluster that meets no free "
    "name's condition gets a descriptive name: purchases ('1회' when mean frequency < "
    f"{ONE_TIME_MAX}, '재구매' when >= the 75th percentile), amount ('고액' when mean "
    f"monetary_krw >= {HIGH_AMOUNT} x the median, '소액' when <= {LOW_AMOUNT} x, else "
    "'중간 금액') and recency ('장기 미구매' above the 75th percentile, '최근' when the "
    "신규 share condition holds), e.g. '1회 고액 구매'."
)
# Words of descriptive names (Korean data values, like the four names) by code.
DESCRIPTIVE_WORDS: dict[str, str] = {
    "one_time": "1회", "repeat": "재구매", "high": "고액", "mid": "중간 금액", "low": "소액",
    "lapsed": "장기 미구매", "recent": "최근",
}  # fmt: skip
THRESHOLD_KEYS: tuple[str, ...] = (
    "recency_days_median", "recency_days_p75", "frequency_p75", "monetary_krw_median",
    "value_p75",
)  # fmt: skip
VALUES_SCHEMA = {
    "customer_id": pl.Utf8, "brand": pl.Utf8, "recency_days": pl.Int32,
    "frequency": pl.Int32, "monetary_krw": pl.Int64,
}  # fmt: skip
CENTROID_SCHEMA = {
    "cluster": pl.Int32, "size": pl.Int64, "recency_days_mean": pl.Float64,
    "frequency_mean": pl.Float64, "monetary_krw_mean": pl.Float64, "value": pl.Float64,
    "recent_share": pl.Float64,
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


def naming_thresholds(rfm: pl.DataFrame) -> dict[str, float]:
    """The brand-wide values the naming conditions compare with (THRESHOLD_KEYS).

    recency_days_median and recency_days_p75 (days), frequency_p75 (purchases),
    monetary_krw_median (KRW), value_p75 (KRW x purchases, of monetary_krw x
    frequency): median and 75th percentile (linear interpolation) over every
    customer of `rfm` (from `rfm_values`).
    """
    row = rfm.select(
        pl.col("recency_days").median().alias("recency_days_median"),
        pl.col("recency_days").quantile(0.75, "linear").alias("recency_days_p75"),
        pl.col("frequency").quantile(0.75, "linear").alias("frequency_p75"),
        pl.col("monetary_krw").median().alias("monetary_krw_median"),
        (pl.col("monetary_krw").cast(pl.Float64) * pl.col("frequency"))
        .quantile(0.75, "linear")
        .alias("value_p75"),
    ).row(0, named=True)
    return {k: float(row[k]) if row[k] is not None else float("nan") for k in THRESHOLD_KEYS}


def segment_centroids(
    rfm: pl.DataFrame, *, cluster: str = "cluster", recency_median: float | None = None
) -> pl.DataFrame:
    """Per cluster of `rfm`: size (customers) and mean R, F, M in original units.

    Columns: cluster; size (customers); recency_days_mean (days); frequency_mean
    (purchases); monetary_krw_mean (KRW); value = monetary_krw_mean x
    frequency_mean (KRW x purchases); recent_share (fraction 0-1 of the members
    whose recency_days is below `recency_median`, default the median over all
    of `rfm`). Sorted by cluster.
    """
    median = rfm.get_column("recency_days").median() if recency_median is None else recency_median
    cut = float(median) if isinstance(median, int | float) else float("nan")
    return (
        rfm.group_by(pl.col(cluster).alias("cluster"))
        .agg(
            pl.len().alias("size"),
            pl.col("recency_days").mean().alias("recency_days_mean"),
            pl.col("frequency").mean().alias("frequency_mean"),
            pl.col("monetary_krw").mean().alias("monetary_krw_mean"),
            (pl.col("recency_days") < cut).mean().alias("recent_share"),
        )
        .with_columns((pl.col("monetary_krw_mean") * pl.col("frequency_mean")).alias("value"))
        .sort("cluster")
        .select(list(CENTROID_SCHEMA))
        .cast(CENTROID_SCHEMA)  # type: ignore[arg-type]
    )


# Each name's condition as atomic checks: (check, centroid column, comparison, threshold).
# A threshold is a THRESHOLD_KEYS value, "lowest" (the lowest mean frequency of all
# clusters) or "recent_share_min" (RECENT_SHARE_MIN).
CHECKS: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "이탈가능": (("recency_above_p75", "recency_days_mean", ">", "recency_days_p75"),),
    "VIP": (
        ("frequency_at_least_p75", "frequency_mean", ">=", "frequency_p75"),
        ("value_at_least_p75", "value", ">=", "value_p75"),
        ("recency_at_most_p75", "recency_days_mean", "<=", "recency_days_p75"),
    ),
    "신규": (
        ("recent_share_at_least", "recent_share", ">=", "recent_share_min"),
        ("frequency_lowest", "frequency_mean", "<=", "lowest"),
    ),
    "일반": (
        ("recency_at_most_p75", "recency_days_mean", "<=", "recency_days_p75"),
        ("frequency_above_lowest", "frequency_mean", ">", "lowest"),
        ("frequency_below_p75", "frequency_mean", "<", "frequency_p75"),
    ),
}
_COMPARE = {">": pl.Expr.gt, ">=": pl.Expr.ge, "<": pl.Expr.lt, "<=": pl.Expr.le}


def naming_checks(centroids: pl.DataFrame, thresholds: dict[str, float]) -> pl.DataFrame:
    """Every name's atomic checks (CHECKS) against every cluster.

    Columns: segment (one of SEGMENTS), cluster, check, value (the cluster's
    mean recency_days in days, frequency in purchases, monetary_krw in KRW, or
    recent_share 0-1), threshold (same unit), holds (bool). A cluster meets a
    name's condition when all of the name's checks hold.
    """
    limits = {
        **thresholds,
        "lowest": float(centroids.get_column("frequency_mean").min() or 0.0),  # type: ignore[arg-type]
        "recent_share_min": RECENT_SHARE_MIN,
    }
    frames = [
        centroids.select(
            pl.lit(name).alias("segment"),
            pl.col("cluster").cast(pl.Int32),
            pl.lit(check).alias("check"),
            pl.col(column).cast(pl.Float64).alias("value"),
            pl.lit(limits[limit], dtype=pl.Float64).alias("threshold"),
            _COMPARE[op](pl.col(column), limits[limit]).fill_null(False).alias("holds"),
        )
        for name in NAMING_ORDER
        for check, column, op, limit in CHECKS[name]
    ]
    return pl.concat(frames)


def _holds(centroids: pl.DataFrame, thresholds: dict[str, float]) -> dict[str, pl.Series]:
    """Per name: whether each cluster (row of `centroids`, in order) meets its condition."""
    met = (
        naming_checks(centroids, thresholds)
        .group_by("segment", "cluster")
        .agg(pl.col("holds").all())
    )
    order = centroids.select(pl.col("cluster").cast(pl.Int32))
    return {
        name: order.join(
            met.filter(pl.col("segment") == name), on="cluster", how="left", maintain_order="left"
        )
        .get_column("holds")
        .fill_null(False)
        for name in NAMING_ORDER
    }


# Among several clusters meeting one name's condition: (column, descending) preference.
_PREFERENCE: dict[str, tuple[str, bool]] = {
    "이탈가능": ("recency_days_mean", True),
    "VIP": ("value", True),
    "신규": ("recent_share", True),
    "일반": ("size", True),
}
# Which cluster explains a name nobody meets (ties in checks passed): 신규 is about the
# fewest purchases, so the cluster with the lowest mean frequency.
_CLOSEST: dict[str, tuple[str, bool]] = {**_PREFERENCE, "신규": ("frequency_mean", False)}


def descriptive_codes(row: Mapping[str, Any], thresholds: Mapping[str, float]) -> list[str]:
    """Codes of a descriptive name (DESCRIPTIVE_WORDS) for a centroid row: purchases
    (one_time / repeat, or none), amount (high / mid / low), recency (lapsed / recent,
    or none). See NAMING_RULE."""
    codes = []
    if row["frequency_mean"] < ONE_TIME_MAX:
        codes.append("one_time")
    elif row["frequency_mean"] >= thresholds["frequency_p75"]:
        codes.append("repeat")
    ratio = row["monetary_krw_mean"] / thresholds["monetary_krw_median"]
    codes.append("high" if ratio >= HIGH_AMOUNT else "low" if ratio <= LOW_AMOUNT else "mid")
    if row["recency_days_mean"] > thresholds["recency_days_p75"]:
        codes.append("lapsed")
    elif row["recent_share"] >= RECENT_SHARE_MIN:
        codes.append("recent")
    return codes


def descriptive_name(codes: Sequence[str]) -> str:
    """The Korean descriptive segment name of `codes`, e.g. ['one_time', 'high'] ->
    '1회 고액 구매', ['repeat', 'low', 'lapsed'] -> '재구매 소액 구매 · 장기 미구매'."""
    head = [DESCRIPTIVE_WORDS[c] for c in codes if c not in ("lapsed", "recent")]
    tail = [DESCRIPTIVE_WORDS[c] for c in codes if c in ("lapsed", "recent")]
    return " · ".join([" ".join([*head, "구매"]), *tail])


def parse_descriptive(name: str) -> list[str] | None:
    """The codes of a `descriptive_name` (None when `name` is not one); a ` #n` that
    keeps two alike names apart is ignored."""
    words = {v: k for k, v in DESCRIPTIVE_WORDS.items()}
    name = re.sub(r" #\d+$", "", name)
    head, *tail = name.split(" · ")
    if not head.endswith(" 구매"):
        return None
    body = head[: -len(" 구매")]
    codes: list[str] = []
    for word in ("1회", "재구매"):
        if body.startswith(word + " "):
            codes.append(words[word])
            body = body[len(word) + 1 :]
    if body not in ("고액", "중간 금액", "소액"):
        return None
    codes.append(words[body])
    if any(w not in ("장기 미구매", "최근") for w in tail) or len(tail) > 1:
        return None
    codes += [words[w] for w in tail]
    return codes


def name_segments(centroids: pl.DataFrame, *, thresholds: dict[str, float]) -> dict[int, str]:
    """Segment name per cluster label by NAMING_RULE, from `segment_centroids` output
    and the `naming_thresholds` of the same customers.

    Depends only on the centroid values, so relabelling the clusters relabels
    the result and changes no name (unless two clusters tie exactly).
    """
    if centroids.is_empty():
        return {}
    holds = _holds(centroids, thresholds)
    names: dict[int, str] = {}
    for name in NAMING_ORDER:
        column, descending = _PREFERENCE[name]
        free = centroids.filter(
            holds[name] & ~pl.col("cluster").is_in(list(names)).fill_null(False)
        )
        if free.is_empty():
            continue
        ordered = free.sort([column, "size", "cluster"], descending=[descending, True, False])
        names[int(ordered.item(0, "cluster"))] = name
    taken: set[str] = set(names.values())
    for row in centroids.sort("cluster").iter_rows(named=True):
        c = int(row["cluster"])
        if c in names:
            continue
        base = name = descriptive_name(descriptive_codes(row, thresholds))
        n = 1
        while name in taken:  # two alike leftovers: keep the names apart
            n += 1
            name = f"{base} #{n}"
        names[c] = name
        taken.add(name)
    return names


def naming_report(centroids: pl.DataFrame, thresholds: dict[str, float]) -> dict[str, Any]:
    """The naming of one run for the manifest and the dealer page (JSON values).

    `centroids`: `segment_centroids` with the `segment` each cluster was given.
    Keys: rule (NAMING_RULE), thresholds (THRESHOLD_KEYS: days, purchases, KRW),
    names (per name in SEGMENTS order: condition, met, the cluster and
    customers that carry it, or null; shown_cluster and its checks: the bearer's,
    or for a name nobody meets the cluster that comes closest, so a page can say
    why), clusters (per cluster: segment, kind
    'condition' or 'descriptive', its codes, size and centroid values) and
    checks (`naming_checks` rows: every name against every cluster).
    """
    given = dict(
        zip(
            centroids.get_column("cluster").to_list(),
            centroids.get_column("segment").to_list(),
            strict=True,
        )
    )
    by_name = {name: c for c, name in given.items()}
    sizes = dict(
        zip(
            centroids.get_column("cluster").to_list(),
            centroids.get_column("size").to_list(),
            strict=True,
        )
    )
    checks = naming_checks(centroids.drop("segment"), thresholds)

    def shown(name: str) -> int:
        """The cluster whose checks explain the name: its bearer, else the cluster that
        passes most of its checks (ties: the name's preference)."""
        if name in by_name:
            return int(by_name[name])
        column, descending = _CLOSEST[name]
        passed = (
            checks.filter(pl.col("segment") == name)
            .group_by("cluster")
            .agg(pl.col("holds").sum().alias("_passed"))
            .join(centroids.select(pl.col("cluster").cast(pl.Int32), column, "size"), on="cluster")
            .sort(
                ["_passed", column, "size", "cluster"],
                descending=[True, descending, True, False],
            )
        )
        return int(passed.item(0, "cluster"))

    names = []
    for name in SEGMENTS:
        cluster = shown(name)
        names.append(
            {
                "segment": name,
                "condition": NAME_CONDITIONS[name],
                "met": name in by_name,
                "cluster": by_name.get(name),
                "customers": sizes.get(by_name[name]) if name in by_name else None,
                "shown_cluster": cluster,
                "shown_segment": given[cluster],
                "checks": checks.filter(
                    (pl.col("segment") == name) & (pl.col("cluster") == cluster)
                )
                .select("check", "value", "threshold", "holds")
                .to_dicts(),
            }
        )
    clusters = [
        {
            **row,
            "kind": "condition" if row["segment"] in SEGMENTS else "descriptive",
            "codes": parse_descriptive(str(row["segment"])),
        }
        for row in centroids.to_dicts()
    ]
    return {
        "rule": NAMING_RULE,
        "thresholds": thresholds,
        "names": names,
        "clusters": clusters,
        "checks": checks.to_dicts(),
    }


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
