"""Recommendations for a focus market, each carrying every number it cites.

Rules (threshold in percentage points, default 5):

- expand: over-index (deviation_pp >= threshold, see `analytics.deviation`) and
  rising (change_pct > 0, see `analytics.momentum`); strongest over-index first.
- promote: over-index and falling (change_pct < 0); strongest over-index first.
- thin_sample ("표본 부족"): over-index, but a compared window holds fewer than
  `analytics.momentum.MIN_WINDOW_UNITS` vehicles: no advice, only the counts.
- test_marketing: a globally strong model (top 10 by units across all markets
  in the filtered sales) that is under-represented here (deviation_pp <=
  -threshold, or no units here at all); best global rank first.
- competitor: the market's best-selling competitor models (from
  `analytics.competitors.load_competitors`), each with the one of our models
  it competes with (`match_competitors`); best-selling first.

The text is not made here: `app.i18n.global_strategy.render` formats a template
with `values` only, so a sentence can hold no number that was not computed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import polars as pl

from analytics.competitors import match_competitors
from analytics.deviation import deviation
from analytics.momentum import MIN_WINDOW_UNITS, WINDOW_MONTHS, market_model_units, momentum
from analytics.sales import SalesAggregate

Kind = Literal["expand", "promote", "thin_sample", "test_marketing", "competitor"]
KINDS: tuple[Kind, ...] = ("expand", "promote", "thin_sample", "test_marketing", "competitor")
GLOBAL_TOP = 10


@dataclass(frozen=True)
class Recommendation:
    """One recommendation. `values` holds every number and name its sentence uses.

    expand / promote: model, market, deviation_pp (pp), share_market_pct,
    share_all_pct (percent, 0.1), units_market, units_all (vehicles over the
    filtered period), threshold_pp, change_pct (percent, 0.1), basis ('yoy' |
    'prev3'), last3, base3 (vehicles: the last 3 months with data, and the
    window compared against), prev3 / yoy_last3 (when computable),
    window_months (3), end_month ('YYYY-MM'). thin_sample: the same values without
    change_pct, plus min_units (vehicles each window needs).
    test_marketing: model, market, global_rank, units_all, share_all_pct,
    units_market, share_market_pct, deviation_pp, gap_pp (= |deviation_pp|),
    threshold_pp.
    competitor (model = the competitor model): market, rank (1 = best seller),
    competitor, competitor_brand, segment (as published), body_type (English),
    powertrain, year, months (the figure covers January to this month; 12 = the
    full year), competitor_units (vehicles in that period); our_model and
    our_units (vehicles over the same year and months, from `our_units`) when we
    sell a model of that body type in the market in that period.
    """

    kind: Kind
    model: str
    values: dict[str, float | int | str]


def _records(frame: pl.DataFrame, kind: Kind, model_col: str = "model") -> list[Recommendation]:
    """Frame rows -> Recommendations; null values are left out of `values`."""
    out = []
    for row in frame.to_dicts():
        values: dict[str, Any] = {k: v for k, v in row.items() if v is not None}
        out.append(Recommendation(kind=kind, model=str(row[model_col]), values=values))
    return out


def recommend(
    sales: SalesAggregate,
    *,
    market: str,
    competitors: pl.DataFrame,
    our_units: pl.DataFrame,
    threshold_pp: float = 5.0,
    limit_per_kind: int = 3,
) -> list[Recommendation]:
    """Recommendations for `market`, in KINDS order, at most `limit_per_kind` of each.

    `sales`: the filter's aggregate (all markets; see analytics.sales).
    `competitors`: `load_competitors(...)` for the same market (may be empty).
    `our_units`: `load_our_units(...)`: our units per model over the competitor
    figures' year and months, so a partial year is compared on the same months.
    """
    dev = deviation(market_model_units(sales), market=market, threshold_pp=threshold_pp)
    if dev.is_empty():
        return []
    mom = momentum(sales, market=market)
    base = dev.with_columns(
        pl.lit(market).alias("market"),
        (pl.col("share_market") * 100).round(1).alias("share_market_pct"),
        (pl.col("share_all") * 100).round(1).alias("share_all_pct"),
        pl.lit(float(threshold_pp)).alias("threshold_pp"),
    ).join(mom, on="model", how="left")
    over = (
        base.filter(pl.col("deviation_pp") >= threshold_pp)
        .with_columns(pl.lit(WINDOW_MONTHS).alias("window_months"))
        .select(
            "model",
            "market",
            "deviation_pp",
            "share_market_pct",
            "share_all_pct",
            "units_market",
            "units_all",
            "threshold_pp",
            "change_pct",
            "basis",
            "last3",
            "base3",
            "prev3",
            "yoy_last3",
            "window_months",
            "end_month",
            "thin_sample",
        )
    )
    expand = over.filter(pl.col("change_pct") > 0).head(limit_per_kind).drop("thin_sample")
    promote = over.filter(pl.col("change_pct") < 0).head(limit_per_kind).drop("thin_sample")
    thin = (
        over.filter(pl.col("thin_sample"))
        .head(limit_per_kind)
        .drop("thin_sample", "change_pct")
        .with_columns(pl.lit(MIN_WINDOW_UNITS).alias("min_units"))
    )
    test = (
        base.sort(["units_all", "model"], descending=[True, False])
        .with_columns(pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("global_rank"))
        .filter(
            (pl.col("global_rank") <= GLOBAL_TOP)
            & ((pl.col("deviation_pp") <= -threshold_pp) | (pl.col("units_market") == 0))
        )
        .with_columns(pl.col("deviation_pp").abs().alias("gap_pp"))
        .select(
            "model",
            "market",
            "global_rank",
            "units_all",
            "share_all_pct",
            "units_market",
            "share_market_pct",
            "deviation_pp",
            "gap_pp",
            "threshold_pp",
        )
        .head(limit_per_kind)
    )
    rivals = (
        match_competitors(
            competitors.sort(["units", "model_name"], descending=[True, False]).head(
                limit_per_kind
            ),
            our_models=our_units,
        )
        .with_columns(pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("rank"))
        .select(
            pl.col("model_name").alias("model"),
            pl.lit(market).alias("market"),
            "rank",
            pl.col("model_name").alias("competitor"),
            pl.col("brand").alias("competitor_brand"),
            "segment",
            pl.coalesce("body_type", "segment").alias("body_type"),
            "powertrain",
            "year",
            "months",
            pl.col("units").alias("competitor_units"),
            "our_model",
            "our_units",
        )
    )
    return (
        _records(expand, "expand")
        + _records(promote, "promote")
        + _records(thin, "thin_sample")
        + _records(test, "test_marketing")
        + _records(rivals, "competitor")
    )
