"""Which model a series' `selected` forecast copies: a flow default, overridden only on evidence.

Per-series choices made on two or three short backtest windows are noisy: the
model with the lowest error on them is often not the best on the next window.
So at an origin o (a backtest cutoff) the choice uses only backtest rows o may
know (cutoff before o, month at or before o) and follows one rule:

1. **Flow default.** Per series, each candidate's MAE over those rows is
   divided by seasonal naive's MAE over the same rows (relative MAE, unitless).
   The default of a flow at date o is the candidate with the lowest median
   relative MAE over the flow's series with rows known at o, each series'
   over its ``DEFAULT_CUTOFFS`` (2) latest cutoffs with months known at o,
   whether or not o is one of its own cutoffs (:func:`choose`): a series at
   its first cutoff, with no evidence of its own, takes the default chosen on
   the other series' earlier cutoffs. Ties go to the first of CANDIDATES. A
   flow with fewer than ``MIN_FLOW_SERIES`` (3) such series (none, at the
   first cutoffs of short series, when only long series were backtested
   earlier) is too small to have a default of its own and takes the one of
   every flow. With no earlier row in any flow the choice is ``PRIOR``,
   seasonal naive.
   Only the latest cutoffs count because rankings drift (overseas_plant_sales:
   LightGBM's median MASE 0.64, 0.83, 1.12, 1.42 over its four cutoffs).
   Chosen on every cutoff but each series' latest of the reference backtest
   (never on the latest-cutoff leaderboard): summed over the six flows,
   `selected` trailed each flow's best single model's median MASE there by
   0.331 with every earlier cutoff pooled, 0.603 with the latest three, 0.197
   with the latest two and 0.197 with the latest one; of the tie, two windows
   average out more noise than one.
2. **Clear per-series evidence.** A series keeps the flow default unless
   another candidate beats it on the series' own earlier rows (a) at every
   earlier cutoff, with at least ``min_cutoffs`` (default 3: several) cutoffs
   scored for both, and (b) by at least ``margin`` (default 20%) on the MAE
   pooled over those cutoffs. Then the candidate with the lowest pooled MAE
   among those that pass is chosen.

The `rule` column says which applied: ``flow_default``, ``series_evidence``,
or ``no_history`` (nothing earlier was scored in any series: seasonal naive).
"""

from __future__ import annotations

import polars as pl

CANDIDATES = ("seasonal_naive", "ensemble", "lightgbm", "prophet")  # tie order
FALLBACK = "seasonal_naive"  # the yardstick of relative errors
PRIOR = "seasonal_naive"  # the choice where no series has an earlier scored month
MIN_CUTOFFS = 3
MARGIN = 0.2
MIN_FLOW_SERIES = 3
DEFAULT_CUTOFFS = 2  # the flow default reads each series' two latest earlier cutoffs (rule 1)
RULES = ("flow_default", "series_evidence", "no_history")

CHOICE_SCHEMA = {
    "series_id": pl.Utf8,
    "origin": pl.Date,
    "chosen": pl.Utf8,
    "flow_default": pl.Utf8,
    "rule": pl.Utf8,
}


def earlier_errors(backtest: pl.DataFrame, origins: pl.DataFrame) -> pl.DataFrame:
    """MAE per series, origin, candidate and earlier cutoff, over rows the origin may know.

    ``backtest`` has series_id, model_name, cutoff, ds, y and yhat (vehicles);
    ``origins`` has series_id and origin (Date). A row counts when its cutoff is
    before the origin and its month at or before it. Returns series_id, origin,
    model_name, cutoff, abs_error (summed, vehicles) and n (months).
    """
    return (
        backtest.filter(pl.col("model_name").is_in(CANDIDATES), pl.col("yhat").is_not_null())
        .join(origins.select("series_id", "origin"), on="series_id", how="inner")
        .filter(pl.col("cutoff") < pl.col("origin"), pl.col("ds") <= pl.col("origin"))
        .group_by("series_id", "origin", "model_name", "cutoff")
        .agg((pl.col("y") - pl.col("yhat")).abs().sum().alias("abs_error"), pl.len().alias("n"))
    )


def _rank() -> pl.DataFrame:
    return pl.DataFrame({"model_name": list(CANDIDATES), "rank": range(len(CANDIDATES))})


def flow_defaults(
    pooled: pl.DataFrame, flows: pl.DataFrame, *, min_series: int = MIN_FLOW_SERIES
) -> pl.DataFrame:
    """The default candidate per flow and origin (rule 1 of the module docstring).

    ``pooled`` has series_id, origin, model_name and mae (vehicles) per series;
    ``flows`` has series_id and flow. A flow with fewer than ``min_series``
    series at the origin takes the default of every series at that origin.
    Returns flow, origin and flow_default.
    """
    naive = pooled.filter(pl.col("model_name") == FALLBACK).select(
        "series_id", "origin", pl.col("mae").alias("naive_mae")
    )
    relative = (
        pooled.join(naive, on=["series_id", "origin"], how="inner")
        .join(flows, on="series_id", how="inner")
        .with_columns(
            (pl.col("mae") / pl.max_horizontal(pl.col("naive_mae"), pl.lit(1e-9))).alias("rel")
        )
    )

    def best(keys: list[str]) -> pl.DataFrame:
        return (
            relative.group_by(*keys, "model_name")
            .agg(pl.col("rel").median(), pl.col("series_id").n_unique().alias("n"))
            .join(_rank(), on="model_name", how="inner")
            .sort(*keys, "rel", "rank")
            .group_by(*keys, maintain_order=True)
            .agg(pl.col("model_name").first().alias("flow_default"), pl.col("n").max())
        )

    overall = best(["origin"]).select("origin", pl.col("flow_default").alias("overall"))
    every_flow = flows.select("flow").unique().join(overall.select("origin"), how="cross")
    return (
        every_flow.join(best(["flow", "origin"]), on=["flow", "origin"], how="left")
        .join(overall, on="origin", how="left")
        .select(
            "flow",
            "origin",
            pl.when(pl.col("n") >= min_series)
            .then(pl.col("flow_default"))
            .otherwise(pl.col("overall"))
            .alias("flow_default"),
        )
    )


def _recent_pooled(errors: pl.DataFrame, k: int | None) -> pl.DataFrame:
    """MAE (vehicles) per series, origin and candidate over each series' ``k`` latest
    cutoffs in ``errors`` (all of them with None)."""
    if k is not None:
        errors = errors.filter(
            pl.col("cutoff").rank("dense", descending=True).over("series_id", "origin") <= k
        )
    return errors.group_by("series_id", "origin", "model_name").agg(
        (pl.col("abs_error").sum() / pl.col("n").sum()).alias("mae")
    )


def select_models(
    errors: pl.DataFrame,
    origins: pl.DataFrame,
    flows: pl.DataFrame,
    *,
    min_cutoffs: int = MIN_CUTOFFS,
    margin: float = MARGIN,
    default_cutoffs: int | None = DEFAULT_CUTOFFS,
) -> pl.DataFrame:
    """The chosen candidate per series and origin (see the module docstring).

    ``errors`` comes from :func:`earlier_errors`, ``origins`` has series_id and
    origin, ``flows`` series_id and flow. Returns CHOICE_SCHEMA: series_id,
    origin, chosen, flow_default and rule.
    """
    pooled = errors.group_by("series_id", "origin", "model_name").agg(
        (pl.col("abs_error").sum() / pl.col("n").sum()).alias("mae")
    )
    per_cutoff = errors.with_columns((pl.col("abs_error") / pl.col("n")).alias("mae"))
    defaults = (
        origins.select("series_id", "origin")
        .join(flows, on="series_id", how="left")
        .join(
            flow_defaults(_recent_pooled(errors, default_cutoffs), flows),
            on=["flow", "origin"],
            how="left",
        )
    )
    default_per_cutoff = per_cutoff.join(
        defaults.select("series_id", "origin", pl.col("flow_default").alias("model_name")),
        on=["series_id", "origin", "model_name"],
        how="inner",
    ).select("series_id", "origin", "cutoff", pl.col("mae").alias("default_mae"))
    default_pooled = pooled.join(
        defaults.select("series_id", "origin", pl.col("flow_default").alias("model_name")),
        on=["series_id", "origin", "model_name"],
        how="inner",
    ).select("series_id", "origin", pl.col("mae").alias("default_pooled"))
    challengers = (
        per_cutoff.join(default_per_cutoff, on=["series_id", "origin", "cutoff"], how="inner")
        .group_by("series_id", "origin", "model_name")
        .agg(
            pl.len().alias("cutoffs"),
            (pl.col("mae") < pl.col("default_mae")).all().alias("every_cutoff"),
        )
        .join(pooled, on=["series_id", "origin", "model_name"], how="inner")
        .join(default_pooled, on=["series_id", "origin"], how="inner")
        .filter(
            pl.col("cutoffs") >= min_cutoffs,
            pl.col("every_cutoff"),
            pl.col("mae") <= (1.0 - margin) * pl.col("default_pooled"),
        )
        .join(_rank(), on="model_name", how="inner")
        .sort("series_id", "origin", "mae", "rank")
        .group_by("series_id", "origin", maintain_order=True)
        .agg(pl.col("model_name").first().alias("challenger"))
    )
    return (
        defaults.join(challengers, on=["series_id", "origin"], how="left")
        .select(
            "series_id",
            "origin",
            pl.coalesce("challenger", "flow_default", pl.lit(PRIOR)).alias("chosen"),
            pl.col("flow_default").fill_null(PRIOR),
            pl.when(pl.col("challenger").is_not_null())
            .then(pl.lit("series_evidence"))
            .when(pl.col("flow_default").is_not_null())
            .then(pl.lit("flow_default"))
            .otherwise(pl.lit("no_history"))
            .alias("rule"),
        )
        .cast(CHOICE_SCHEMA)  # type: ignore[arg-type]
        .sort("series_id", "origin")
    )


def choose(candidates: pl.DataFrame, origins: pl.DataFrame, flows: pl.DataFrame) -> pl.DataFrame:
    """:func:`select_models` at each of ``origins`` (series_id, origin), the flow
    defaults drawn from every series' rows known at each origin date.

    ``candidates`` has series_id, model_name, cutoff, ds, y and yhat (vehicles);
    ``flows`` series_id and flow. Returns CHOICE_SCHEMA rows, one per origin.
    """
    every_date = (
        candidates.select("series_id").unique().join(origins.select("origin").unique(), how="cross")
    )
    return select_models(earlier_errors(candidates, every_date), origins, flows)
