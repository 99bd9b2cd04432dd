"""The dealer page's tables and the insights generated from them.

Every function takes the dealer frame (`warehouse.trained.load_dealer_customers`:
PII-free customer profiles with recency_days, frequency, monetary_krw,
r/f/m scores, segment, cluster and persona) or a table made from it, and
returns a Polars frame or a list of `Insight`. Shares are fractions 0-1 in
tables; in `Insight.values` every number a sentence cites is already rounded
the way it is shown (`*_pct`: percent, 0.1; `*_mkrw`: million KRW, 0.1;
days and counts: integers), so `app.i18n.dealer.render` can only print
computed numbers. Customers not yet trained (null segment or cluster) are left
out of the segment and cluster views.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import polars as pl

from analytics.segments.rfm import SEGMENTS, parse_descriptive, segment_profile

VIEWS: tuple[str, ...] = (
    "gender", "age", "amount_frequency", "model_cluster", "segment_cluster",
    "body_market", "powertrain_age", "summary",
)  # fmt: skip
PROMOTE_SHARE = 0.5  # drill-down: promote to the top clusters until they cover half the buyers
MIN_GROUP = 10  # a "highest share" insight only considers groups of at least 10 customers


@dataclass(frozen=True)
class Insight:
    """One generated sentence: `kind` picks the templates, `values` holds every cited value.

    `app.i18n.dealer.render(insight, lang)` gives the insight,
    `render(insight, lang, part="action")` the marketing suggestion.
    """

    kind: str
    values: dict[str, Any]


def _pct(share: float | None) -> float:
    return round(100 * float(share or 0.0), 1)


def _mkrw(krw: float | None) -> float:
    return round(float(krw or 0.0) / 1e6, 1)


def _age_band() -> pl.Expr:
    return ((pl.col("age") // 10) * 10).cast(pl.Int32).alias("age_band")


def _share(count: str, over: str | list[str]) -> pl.Expr:
    return (pl.col(count) / pl.col(count).sum().over(over)).alias("share")


# --- filtering ---------------------------------------------------------------------------


def filter_customers(
    frame: pl.DataFrame,
    *,
    market: str | None = None,
    period_from: dt.date | None = None,
    period_to: dt.date | None = None,
    region: str | None = None,
) -> pl.DataFrame:
    """Customers of `market` (canonical name; None = all) who bought within the period.

    `period_from` / `period_to` are inclusive purchase dates (None = open); `region`
    (a `warehouse.region` value such as 서울 or KS; None = all) keeps that region's
    customers only.
    """
    cond = pl.lit(True)
    if market is not None:
        cond = cond & (pl.col("market") == market)
    if region is not None:
        cond = cond & (pl.col("region") == region)
    if period_from is not None:
        cond = cond & (pl.col("purchase_date") >= period_from)
    if period_to is not None:
        cond = cond & (pl.col("purchase_date") <= period_to)
    return frame.filter(cond)


def _trained(frame: pl.DataFrame, column: str) -> pl.DataFrame:
    return frame.filter(pl.col(column).is_not_null())


# --- segments ------------------------------------------------------------------------------


def segment_summary(frame: pl.DataFrame) -> pl.DataFrame:
    """Per segment: size, revenue share and mean R, F, M (see
    `analytics.segments.rfm.segment_profile`)."""
    return segment_profile(_trained(frame, "segment"))


def rfm_grid(frame: pl.DataFrame) -> pl.DataFrame:
    """R score x F score grid: customers, share (of all), monetary_krw_mean (KRW), m_score_mean."""
    return (
        _trained(frame, "segment")
        .group_by("r_score", "f_score")
        .agg(
            pl.len().alias("customers"),
            pl.col("monetary_krw").mean().alias("monetary_krw_mean"),
            pl.col("m_score").mean().alias("m_score_mean"),
        )
        .with_columns((pl.col("customers") / pl.col("customers").sum()).alias("share"))
        .sort("r_score", "f_score")
        .select("r_score", "f_score", "customers", "share", "monetary_krw_mean", "m_score_mean")
    )


def _segment_values(row: dict[str, Any]) -> dict[str, Any]:
    """The numbers every segment sentence cites, rounded as shown (see the module doc)."""
    return {
        "segment": row["segment"],
        "customers": int(row["customers"]),
        "customer_share_pct": _pct(row["customer_share"]),
        "revenue_share_pct": _pct(row["revenue_share"]),
        "recency_days": round(row["recency_days_mean"]),
        "frequency": round(row["frequency_mean"], 1),
        "amount_mkrw": _mkrw(row["monetary_krw_mean"]),
    }


def segment_actions(summary: pl.DataFrame) -> list[Insight]:
    """One action per segment of `segment_summary`, computed from its numbers.

    VIP -> retain (revenue share vs customer share); 이탈가능 -> win back (mean
    recency vs the all-segment mean); 신규 -> second purchase (frequency vs
    VIP); 일반 -> upsell (mean amount vs VIP). A descriptive segment (a cluster
    that met none of the four names' conditions, e.g. 1회 고액 구매) gets the
    'segment.descriptive' insight with its numbers; `focus` picks its action:
    lapsed -> win back, else one-time -> a second purchase, repeat -> loyalty,
    else by amount (high -> premium care, mid / low -> value offers).
    """
    if summary.is_empty():
        return []
    rows = {r["segment"]: r for r in summary.to_dicts()}
    total = float(summary.get_column("customers").sum())
    weighted = summary.get_column("recency_days_mean") * summary.get_column("customers")
    recency_all = float(weighted.sum()) / total
    vip = rows.get("VIP")
    out = []
    for segment in SEGMENTS:
        r = rows.get(segment)
        if r is None:
            continue
        values = _segment_values(r)
        if segment == "이탈가능":
            values["recency_all_days"] = round(recency_all)
        if segment in ("신규", "일반") and vip is not None:
            values["vip_frequency"] = round(vip["frequency_mean"], 1)
            values["vip_amount_mkrw"] = _mkrw(vip["monetary_krw_mean"])
        out.append(Insight(f"segment.{segment}", values))
    for r in summary.to_dicts():
        codes = parse_descriptive(str(r["segment"])) if r["segment"] not in SEGMENTS else None
        if not codes:
            continue
        focus = next((c for c in ("lapsed", "one_time", "repeat") if c in codes), codes[-1])
        if focus == "recent":
            focus = next(c for c in codes if c in ("high", "mid", "low"))
        out.append(Insight("segment.descriptive", {**_segment_values(r), "focus": focus}))
    return out


# --- clusters ------------------------------------------------------------------------------


def cluster_sizes(frame: pl.DataFrame) -> pl.DataFrame:
    """Per cluster: persona, customers, share (fraction 0-1). Sorted by cluster."""
    return (
        _trained(frame, "cluster")
        .group_by("cluster")
        .agg(pl.col("persona").first(), pl.len().alias("customers"))
        .with_columns((pl.col("customers") / pl.col("customers").sum()).alias("share"))
        .sort("cluster")
    )


def gender_mix(frame: pl.DataFrame) -> pl.DataFrame:
    """cluster, gender, customers, share (within the cluster)."""
    return (
        _trained(frame, "cluster")
        .filter(pl.col("gender").is_not_null())
        .group_by("cluster", "gender")
        .agg(pl.len().alias("customers"))
        .with_columns(_share("customers", "cluster"))
        .sort("cluster", "gender")
    )


def age_distribution(frame: pl.DataFrame) -> pl.DataFrame:
    """cluster, age_band (20 = 20-29 years), customers, share (within the cluster)."""
    return (
        _trained(frame, "cluster")
        .filter(pl.col("age").is_not_null())
        .group_by("cluster", _age_band())
        .agg(pl.len().alias("customers"))
        .with_columns(_share("customers", "cluster"))
        .sort("cluster", "age_band")
    )


def amount_frequency(frame: pl.DataFrame) -> pl.DataFrame:
    """Per cluster: amount_krw_mean, amount_krw_median (KRW), frequency_mean (purchases)."""
    return (
        _trained(frame, "cluster")
        .group_by("cluster")
        .agg(
            pl.col("persona").first(),
            pl.len().alias("customers"),
            pl.col("amount_krw").mean().alias("amount_krw_mean"),
            pl.col("amount_krw").median().alias("amount_krw_median"),
            pl.col("purchase_count").mean().alias("frequency_mean"),
        )
        .sort("cluster")
    )


def model_by_cluster(frame: pl.DataFrame) -> pl.DataFrame:
    """model, cluster, customers; share_of_model (of the model's buyers), share_of_cluster."""
    return (
        _trained(frame, "cluster")
        .filter(pl.col("model").is_not_null())
        .group_by("model", "cluster")
        .agg(pl.len().alias("customers"))
        .with_columns(
            (pl.col("customers") / pl.col("customers").sum().over("model")).alias("share_of_model"),
            (pl.col("customers") / pl.col("customers").sum().over("cluster")).alias(
                "share_of_cluster"
            ),
        )
        .sort("model", "cluster")
    )


def segment_by_cluster(frame: pl.DataFrame) -> pl.DataFrame:
    """cluster, segment, customers, share (of the cluster's customers)."""
    return (
        _trained(_trained(frame, "cluster"), "segment")
        .group_by("cluster", "segment")
        .agg(pl.len().alias("customers"))
        .with_columns(_share("customers", "cluster"))
        .sort("cluster", "segment")
    )


def body_type_by_market(frame: pl.DataFrame) -> pl.DataFrame:
    """market, body_type, customers, share (of the market's customers)."""
    return (
        frame.filter(pl.col("market").is_not_null() & pl.col("body_type").is_not_null())
        .group_by("market", "body_type")
        .agg(pl.len().alias("customers"))
        .with_columns(_share("customers", "market"))
        .sort("market", "body_type")
    )


def powertrain_by_age(frame: pl.DataFrame) -> pl.DataFrame:
    """age_band, powertrain, customers, share (of the age band's customers)."""
    return (
        frame.filter(pl.col("age").is_not_null() & pl.col("powertrain").is_not_null())
        .group_by(_age_band(), "powertrain")
        .agg(pl.len().alias("customers"))
        .with_columns(_share("customers", "age_band"))
        .sort("age_band", "powertrain")
    )


def cluster_summary(frame: pl.DataFrame) -> pl.DataFrame:
    """One row per cluster: persona, customers, share, age_mean (years), female_share,
    eco_share, online_share (0-1), amount_krw_mean (KRW), frequency_mean (purchases),
    recency_days_mean (days), revenue_share (0-1), top_model and top_model_share,
    top_segment and top_segment_share (of the cluster)."""
    data = _trained(frame, "cluster")
    total_amount = data.get_column("amount_krw").sum() if data.height else 0
    top_model = (
        data.filter(pl.col("model").is_not_null())
        .group_by("cluster", "model")
        .len()
        .with_columns((pl.col("len") / pl.col("len").sum().over("cluster")).alias("_s"))
        .sort(["cluster", "len", "model"], descending=[False, True, False])
        .group_by("cluster", maintain_order=True)
        .agg(
            pl.col("model").first().alias("top_model"),
            pl.col("_s").first().alias("top_model_share"),
        )
    )
    top_segment = (
        data.filter(pl.col("segment").is_not_null())
        .group_by("cluster", "segment")
        .len()
        .with_columns((pl.col("len") / pl.col("len").sum().over("cluster")).alias("_s"))
        .sort(["cluster", "len", "segment"], descending=[False, True, False])
        .group_by("cluster", maintain_order=True)
        .agg(
            pl.col("segment").first().alias("top_segment"),
            pl.col("_s").first().alias("top_segment_share"),
        )
    )
    return (
        data.group_by("cluster")
        .agg(
            pl.col("persona").first(),
            pl.len().alias("customers"),
            pl.col("age").mean().alias("age_mean"),
            (pl.col("gender") == "F").mean().alias("female_share"),
            pl.col("eco_friendly").cast(pl.Float64).mean().alias("eco_share"),
            (pl.col("channel") == "온라인").mean().alias("online_share"),
            pl.col("amount_krw").mean().alias("amount_krw_mean"),
            pl.col("purchase_count").mean().alias("frequency_mean"),
            pl.col("recency_days").mean().alias("recency_days_mean"),
            pl.col("amount_krw").sum().alias("_amount"),
        )
        .with_columns(
            (pl.col("customers") / pl.col("customers").sum()).alias("share"),
            (pl.col("_amount") / total_amount if total_amount else pl.lit(0.0)).alias(
                "revenue_share"
            ),
        )
        .join(top_model, on="cluster", how="left")
        .join(top_segment, on="cluster", how="left")
        .sort("cluster")
        .select(
            "cluster",
            "persona",
            "customers",
            "share",
            "age_mean",
            "female_share",
            "eco_share",
            "online_share",
            "amount_krw_mean",
            "frequency_mean",
            "recency_days_mean",
            "revenue_share",
            "top_model",
            "top_model_share",
            "top_segment",
            "top_segment_share",
        )
    )


# --- insights per view ---------------------------------------------------------------------


def _top_row(table: pl.DataFrame, by: str, *, ties: list[str]) -> dict[str, Any] | None:
    if table.is_empty():
        return None
    return table.sort([by, *ties], descending=[True] + [False] * len(ties)).row(0, named=True)


def _big(table: pl.DataFrame, group: str) -> pl.DataFrame:
    """Rows of `table` whose `group` has at least MIN_GROUP customers in it."""
    return table.filter(pl.col("customers").sum().over(group) >= MIN_GROUP)


def view_insights(view: str, frame: pl.DataFrame) -> list[Insight]:
    """The insight (and its marketing suggestion) of one dealer view, from the dealer frame.

    `view` is one of VIEWS. "Highest share" insights only consider groups
    (clusters, models, markets, age bands) of at least MIN_GROUP customers, so
    a slice of three customers never yields "100%". Returns [] when nothing
    qualifies.
    """
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; valid: {', '.join(VIEWS)}")
    if view == "gender":
        table = _big(gender_mix(frame), "cluster").filter(pl.col("gender") == "F")
        top = _top_row(table, "share", ties=["cluster"])
        if top is None:
            return []
        persona = _persona(frame, top["cluster"])
        return [
            Insight(
                "gender",
                {"cluster": top["cluster"], "persona": persona, "female_pct": _pct(top["share"])},
            )
        ]
    if view == "age":
        table = _big(age_distribution(frame), "cluster")
        top = _top_row(table, "share", ties=["cluster", "age_band"])
        if top is None:
            return []
        return [
            Insight(
                "age",
                {
                    "cluster": top["cluster"],
                    "persona": _persona(frame, top["cluster"]),
                    "age_band": top["age_band"],
                    "share_pct": _pct(top["share"]),
                },
            )
        ]
    if view == "amount_frequency":
        table = amount_frequency(frame).filter(pl.col("customers") >= MIN_GROUP)
        rich = _top_row(table, "amount_krw_mean", ties=["cluster"])
        loyal = _top_row(table, "frequency_mean", ties=["cluster"])
        if rich is None or loyal is None:
            return []
        return [
            Insight(
                "amount_frequency",
                {
                    "cluster": rich["cluster"],
                    "persona": rich["persona"],
                    "amount_mkrw": _mkrw(rich["amount_krw_mean"]),
                    "frequent_cluster": loyal["cluster"],
                    "frequent_persona": loyal["persona"],
                    "frequency": round(loyal["frequency_mean"], 1),
                },
            )
        ]
    if view == "model_cluster":
        table = _big(model_by_cluster(frame), "model")
        top = _top_row(table, "share_of_model", ties=["model", "cluster"])
        if top is None:
            return []
        return [
            Insight(
                "model_cluster",
                {
                    "model": top["model"],
                    "cluster": top["cluster"],
                    "persona": _persona(frame, top["cluster"]),
                    "share_pct": _pct(top["share_of_model"]),
                    "customers": top["customers"],
                },
            )
        ]
    if view == "segment_cluster":
        table = _big(segment_by_cluster(frame), "cluster").filter(pl.col("segment") == "VIP")
        top = _top_row(table, "share", ties=["cluster"])
        if top is None:
            return []
        return [
            Insight(
                "segment_cluster",
                {
                    "cluster": top["cluster"],
                    "persona": _persona(frame, top["cluster"]),
                    "vip_pct": _pct(top["share"]),
                },
            )
        ]
    if view == "body_market":
        table = _big(body_type_by_market(frame), "market")
        top = _top_row(table, "share", ties=["market", "body_type"])
        if top is None:
            return []
        return [
            Insight(
                "body_market",
                {
                    "market": top["market"],
                    "body_type": top["body_type"],
                    "share_pct": _pct(top["share"]),
                },
            )
        ]
    if view == "powertrain_age":
        table = _big(powertrain_by_age(frame), "age_band").filter(
            pl.col("powertrain").is_in(["EV", "HEV", "PHEV", "FCEV"])
        )
        top = _top_row(table, "share", ties=["age_band", "powertrain"])
        if top is None:
            return []
        return [
            Insight(
                "powertrain_age",
                {
                    "age_band": top["age_band"],
                    "powertrain": top["powertrain"],
                    "share_pct": _pct(top["share"]),
                },
            )
        ]
    summary = cluster_summary(frame)
    return [
        Insight(
            "summary",
            {
                "cluster": r["cluster"],
                "persona": r["persona"],
                "customers": r["customers"],
                "share_pct": _pct(r["share"]),
                "revenue_share_pct": _pct(r["revenue_share"]),
                "top_model": r["top_model"],
                "top_segment": r["top_segment"],
                "top_segment_pct": _pct(r["top_segment_share"]),
            },
        )
        for r in summary.to_dicts()
        if r["top_model"] is not None
    ]


def _persona(frame: pl.DataFrame, cluster: int) -> str:
    found = frame.filter(pl.col("cluster") == cluster).get_column("persona").drop_nulls()
    return str(found[0]) if found.len() else ""


# --- drill-down ------------------------------------------------------------------------------


def drilldown(
    frame: pl.DataFrame, *, market: str, model: str
) -> tuple[pl.DataFrame, Insight | None]:
    """Which clusters buy `model` in `market`, and the suggested campaign.

    Table: cluster, persona, customers, share (of the model's buyers in the
    market), rank (1 = most buyers), promote (bool). Clusters are promoted from
    the largest share down until they cover PROMOTE_SHARE of the buyers (at
    least one, at most two); the rest are for test marketing. The insight
    carries the top cluster's share and both cluster lists.
    """
    buyers = _trained(frame, "cluster").filter(
        (pl.col("market") == market) & (pl.col("model") == model)
    )
    if buyers.is_empty():
        return pl.DataFrame(
            schema={
                "cluster": pl.Int16,
                "persona": pl.Utf8,
                "customers": pl.UInt32,
                "share": pl.Float64,
                "rank": pl.Int64,
                "promote": pl.Boolean,
            }
        ), None
    table = (
        buyers.group_by("cluster")
        .agg(pl.col("persona").first(), pl.len().alias("customers"))
        .with_columns((pl.col("customers") / pl.col("customers").sum()).alias("share"))
        .sort(["customers", "cluster"], descending=[True, False])
        .with_columns(pl.int_range(1, pl.len() + 1).alias("rank"))
        .with_columns((pl.col("share").cum_sum() - pl.col("share")).alias("_before"))
        .with_columns(
            (
                (pl.col("rank") == 1)
                | ((pl.col("rank") <= 2) & (pl.col("_before") < PROMOTE_SHARE))
            ).alias("promote")
        )
        .drop("_before")
    )
    promote = table.filter(pl.col("promote"))
    rest = table.filter(~pl.col("promote"))
    top = table.row(0, named=True)
    insight = Insight(
        "drilldown",
        {
            "market": market,
            "model": model,
            "buyers": int(table.get_column("customers").sum()),
            "cluster": top["cluster"],
            "persona": top["persona"],
            "share_pct": _pct(top["share"]),
            "promote_clusters": ", ".join(str(c) for c in promote.get_column("cluster").to_list()),
            "promote_pct": _pct(float(promote.get_column("share").sum())),
            "test_clusters": ", ".join(str(c) for c in rest.get_column("cluster").to_list()),
        },
    )
    return table, insight
