"""Conformalised quantile regression (CQR): LightGBM's 10%-90% band, calibrated leak-free.

LightGBM's quantile models (analytics.forecast.lgbm) give a sharp band whose
coverage falls short of 80% (they are fitted on the very months they describe).
CQR widens or narrows that band by a margin learned from the band's own errors
on earlier cutoffs:

- a **conformity score** per backtest month is how far the actual fell outside
  the raw band, in units of the month's **spread** d, the geometric mean of
  the band's width and the forecast:
  ``score = max(lower - y, y - upper) / d``, ``d = sqrt(max(upper - lower, 1)
  * max(yhat, 1))`` (negative when the actual is inside). The width keeps a
  hard series' band wider; the forecast keeps the score comparable between
  models fitted on little data (whose raw bands are far too narrow) and
  today's;
- for an origin o (a backtest cutoff, or the last reported month for the final
  forecast), a pool of series and a horizon h, ``q`` is the conformal ``level``
  quantile, the ceil((n + 1) * level)-th smallest of the n scores of the pool
  and horizon from **cutoffs before o, for months up to o**: only what was
  known at o. The pool is every flow's series (the pipeline's default) or one
  flow's (``pools``): see :func:`calibration_quantiles`. A horizon h past
  ``score_horizon`` K uses the scores of horizon K: a score of horizon 12
  known at o comes from a fit on the history up to 12+ months before o, and
  older fits (trained on less history) erred far more than recent ones, so
  own-horizon scores over-cover long horizons. The pool's recent scores are
  used when there are ``min_scores`` of them (the ``window`` latest cutoffs
  whose month min(h, K) ahead is known), else all its earlier ones, while
  enough remain for the conformal rank; else there is no interval (null
  bounds) rather than a guess;
- the calibrated band is ``[lower - q * d, upper + q * d]``, the lower bound
  clipped at 0 vehicles.

For a forecast whose point is not LightGBM's (ensemble, selected) the
calibrated band is widened to contain that point (:func:`containing`).
Everything here is a pure Polars function of its inputs.
"""

from __future__ import annotations

import polars as pl

from analytics.forecast.naive import month_index

SCORE_COLUMNS = ("flow", "cutoff", "ds", "horizon", "score")


def spread() -> pl.Expr:
    """d of the module docstring, in vehicles, from yhat, yhat_lower and yhat_upper."""
    width = pl.max_horizontal(pl.col("yhat_upper") - pl.col("yhat_lower"), pl.lit(1.0))
    return (width * pl.max_horizontal(pl.col("yhat"), pl.lit(1.0))).sqrt()


def conformity_scores(rows: pl.DataFrame) -> pl.DataFrame:
    """Conformity score of every backtest month of a raw quantile band.

    ``rows`` has flow, cutoff, ds (Date), horizon (months ahead), y, yhat,
    yhat_lower and yhat_upper (vehicles). Months without an actual or a band
    are left out. Returns flow, cutoff, ds, horizon and score (unitless:
    spreads outside the band, negative inside).
    """
    outside = pl.max_horizontal(
        pl.col("yhat_lower") - pl.col("y"), pl.col("y") - pl.col("yhat_upper")
    )
    return rows.filter(
        pl.col("y").is_not_null(),
        pl.col("yhat").is_not_null(),
        pl.col("yhat_lower").is_not_null(),
        pl.col("yhat_upper").is_not_null(),
    ).select("flow", "cutoff", "ds", "horizon", (outside / spread()).alias("score"))


def _conformal_quantile(level: float) -> pl.Expr:
    """The ceil((n + 1) * level)-th smallest score; null when that rank exceeds n."""
    rank = ((pl.len() + 1) * level).ceil().cast(pl.Int64)
    return (
        pl.when(rank <= pl.len())
        .then(pl.col("score").sort().get(pl.min_horizontal(rank, pl.len()) - 1))
        .alias("q")
    )


POOLS = ("flow_recent", "flow")  # per flow; ("all_recent", "all") pools every flow


def calibration_quantiles(
    scores: pl.DataFrame,
    origins: pl.DataFrame,
    *,
    level: float,
    min_scores: int,
    window: int | None = None,
    score_horizon: int | None = None,
    fill_horizons: bool = False,
    pools: tuple[str, ...] = POOLS,
) -> pl.DataFrame:
    """q per flow, origin and horizon, from the scores an origin may know.

    ``scores`` comes from :func:`conformity_scores`; ``origins`` has flow,
    origin (Date) and horizon (every horizon wanted). A score counts for origin
    o and horizon h when it is at horizon h, its cutoff is before o and its
    month at or before o. q comes from the first of ``pools`` with at least
    ``min_scores`` scores: flow_recent (the flow's scores of the ``window``
    latest cutoffs whose month h ahead is known at o, cutoffs o-h-window+1 ..
    o-h: models fitted on little data long ago err differently from today's),
    flow (every earlier cutoff of the flow), all_recent and all (the same over
    every flow's scores). When none has enough, the last pool still gives q if
    it has enough scores for the conformal rank (at least 4 at level 0.8);
    else q is null.
    With ``score_horizon`` K, horizon h is calibrated on the scores of horizon
    min(h, K) (the band's spread d already grows with the horizon): they are
    known K months after their cutoff instead of h, so they come from fits on
    more recent, longer histories (a score of horizon 12 known at o comes from a
    fit 12+ months before o, which erred more than today's fits do).
    With ``fill_horizons`` (final forecasts past the backtested horizons) a
    null q takes the q of the largest shorter horizon that has one. Returns
    flow, origin, horizon, q (unitless), n_scores and pool (where q comes
    from; null with q).
    """
    wanted = origins.select("flow", "origin", "horizon").unique()
    lead = (
        pl.col("horizon") if score_horizon is None else pl.min_horizontal("horizon", score_horizon)
    )
    known = (
        wanted.select("origin", "horizon")
        .unique()
        .with_columns(lead.cast(scores.schema["horizon"]).alias("_lead"))
        .join(scores.rename({"horizon": "_lead"}), on="_lead", how="inner")
        .filter(pl.col("cutoff") < pl.col("origin"), pl.col("ds") <= pl.col("origin"))
        .with_columns(
            (
                month_index(pl.col("cutoff"))
                > month_index(pl.col("origin")) - pl.col("_lead") - window
                if window is not None
                else pl.lit(True)
            ).alias("recent")
        )
    )
    keys = ["origin", "horizon"]
    by = {name: ["flow", *keys] if name.startswith("flow") else keys for name in pools}
    out = wanted
    for name in pools:
        scope = known.filter("recent") if name.endswith("recent") else known
        found = scope.group_by(by[name]).agg(_conformal_quantile(level), pl.len().alias("n"))
        out = out.join(
            found.select(*by[name], pl.col("q").alias(f"q_{name}"), pl.col("n").alias(f"n_{name}")),
            on=by[name],
            how="left",
        )
    enough = [
        (pl.col(f"n_{name}") >= min_scores) & pl.col(f"q_{name}").is_not_null() for name in pools
    ]
    last = pools[-1]

    def pick(column: str) -> pl.Expr:
        return pl.coalesce(
            [
                pl.when(ok).then(pl.col(f"{column}_{name}"))
                for name, ok in zip(pools, enough, strict=True)
            ]
            + [pl.col(f"{column}_{last}")]
        )

    pool = pl.coalesce(
        [pl.when(ok).then(pl.lit(name)) for name, ok in zip(pools, enough, strict=True)]
        + [pl.lit(last)]
    )
    out = (
        out.select(
            "flow",
            "origin",
            "horizon",
            pick("q").alias("q"),
            pick("n").cast(pl.Int64).alias("n_scores"),
            pool.alias("pool"),
        )
        .with_columns(
            pl.when(pl.col("q").is_null()).then(None).otherwise(pl.col(c)).alias(c)
            for c in ("n_scores", "pool")
        )
        .sort("flow", "origin", "horizon")
    )
    if fill_horizons:
        out = out.with_columns(
            pl.col("q", "n_scores", "pool").forward_fill().over("flow", "origin")
        )
    return out


def calibrated(rows: pl.DataFrame, quantiles: pl.DataFrame) -> pl.DataFrame:
    """``rows`` with LightGBM's raw band replaced by the calibrated one.

    ``rows`` has flow, origin (Date), ds, yhat, yhat_lower and yhat_upper
    (LightGBM's forecast and raw band, vehicles) among its columns;
    ``quantiles`` comes from :func:`calibration_quantiles`. The band becomes
    lower - q * d and upper + q * d (d = :func:`spread`), the lower bound
    clipped at 0; both bounds are null where q is. Returns ``rows``' columns.
    """
    q = pl.col("q")
    return (
        rows.with_columns(
            (month_index(pl.col("ds")) - month_index(pl.col("origin"))).alias("_h"),
            spread().alias("_d"),
        )
        .join(
            quantiles.select("flow", "origin", pl.col("horizon").alias("_h"), "q"),
            on=["flow", "origin", "_h"],
            how="left",
        )
        .with_columns(
            (pl.col("yhat_lower") - q * pl.col("_d")).clip(lower_bound=0).alias("yhat_lower"),
            (pl.col("yhat_upper") + q * pl.col("_d")).clip(lower_bound=0).alias("yhat_upper"),
        )
        .select(rows.columns)
    )


def containing(rows: pl.DataFrame, band: pl.DataFrame, *, on: list[str]) -> pl.DataFrame:
    """``rows`` (with yhat, vehicles) bounded by ``band`` and widened to contain yhat.

    ``band`` has the ``on`` columns plus yhat_lower and yhat_upper (the
    calibrated band of the same months). Bounds are min(lower, yhat) and
    max(upper, yhat); null where the band is null or missing. Returns ``rows``'
    columns.
    """
    joined = rows.drop("yhat_lower", "yhat_upper").join(
        band.select(*on, "yhat_lower", "yhat_upper"), on=on, how="left"
    )
    has_band = pl.col("yhat_lower").is_not_null() & pl.col("yhat_upper").is_not_null()
    return joined.with_columns(
        pl.when(has_band).then(pl.min_horizontal("yhat_lower", "yhat")).alias("yhat_lower"),
        pl.when(has_band).then(pl.max_horizontal("yhat_upper", "yhat")).alias("yhat_upper"),
    ).select(rows.columns)
