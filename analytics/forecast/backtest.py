"""Rolling-origin backtests: refit at each cutoff on data up to it, score what followed.

Series frames have ``ds`` (Date, first of month) and ``y`` (vehicles); missing
months are absent or null, never 0. A model is any callable
``model(train, horizon) -> frame(ds, yhat, yhat_lower, yhat_upper)``.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from analytics.forecast.metrics import coverage, mape, mase, smape
from analytics.forecast.naive import month_from_index, month_index, monthly_grid

Model = Callable[[pl.DataFrame, int], pl.DataFrame]

BACKTEST_SCHEMA = {
    "cutoff": pl.Date,
    "ds": pl.Date,
    "horizon": pl.Int64,
    "y": pl.Float64,
    "yhat": pl.Float64,
    "yhat_lower": pl.Float64,
    "yhat_upper": pl.Float64,
}

SCORE_SCHEMA = {
    "horizon": pl.Int64,
    "n": pl.Int64,
    "mase": pl.Float64,
    "smape": pl.Float64,
    "mape": pl.Float64,
    "coverage80": pl.Float64,
}


def cutoffs(series: pl.DataFrame, *, cutoffs_every: int = 3, window_months: int = 12) -> list[int]:
    """Cutoff month indices whose forecasts cover the last ``window_months`` months.

    With the defaults and last observed month T: T-12, T-9, T-6 and T-3, so the
    first months after the cutoffs tile the final year.
    """
    if cutoffs_every < 1 or window_months < cutoffs_every:
        raise ValueError(
            f"need 1 <= cutoffs_every <= window_months, got {cutoffs_every} and {window_months}."
        )
    grid = monthly_grid(series)
    if grid.is_empty():
        return []
    first: int = grid.select(pl.col("m").min()).item()
    last: int = grid.select(pl.col("m").max()).item()
    steps = range(window_months, 0, -cutoffs_every)
    return [last - back for back in steps if last - back >= first]


def rolling_origin(
    series: pl.DataFrame,
    *,
    model: Model,
    cutoffs_every: int = 3,
    window_months: int = 12,
    horizon: int = 6,
) -> pl.DataFrame:
    """Backtest ``model`` from each cutoff (see :func:`cutoffs`), 1..``horizon`` months ahead.

    The model sees only rows with ``ds`` <= cutoff. Months without an actual are
    dropped. Returns cutoff and ds (Date, first of month), horizon (months ahead,
    1..horizon), y, yhat, yhat_lower and yhat_upper (vehicles per month).
    """
    grid = monthly_grid(series)
    actuals = grid.filter(pl.col("y").is_not_null()).select("m", "y")
    frames = []
    for cutoff in cutoffs(series, cutoffs_every=cutoffs_every, window_months=window_months):
        train = series.filter(month_index(pl.col("ds")) <= cutoff)
        forecast = model(train, horizon)
        frames.append(
            forecast.with_columns(month_index(pl.col("ds")).alias("m"))
            .with_columns((pl.col("m") - cutoff).alias("horizon"))
            .filter(pl.col("horizon").is_between(1, horizon))
            .join(actuals, on="m", how="inner")
            .with_columns(month_from_index(pl.lit(cutoff, dtype=pl.Int64)).alias("cutoff"))
            .select([pl.col(name).cast(dtype) for name, dtype in BACKTEST_SCHEMA.items()])
        )
    if not frames:
        return pl.DataFrame(schema=BACKTEST_SCHEMA)
    return pl.concat(frames).sort("cutoff", "ds")


def score(backtest: pl.DataFrame, *, insample: pl.DataFrame, season: int = 12) -> pl.DataFrame:
    """Per-horizon accuracy of a :func:`rolling_origin` frame.

    ``insample`` is the series (ds, y) whose seasonal-naive MAE scales MASE.
    Returns horizon (months ahead), n (scored months), mase (unitless), smape
    (percent, 0-200), mape (percent, zero actuals skipped) and coverage80
    (fraction 0-1 of actuals inside yhat_lower..yhat_upper). Metrics are None
    where undefined.
    """
    history = monthly_grid(insample)["y"].fill_null(float("nan")).to_numpy()
    rows = []
    for (step,), group in backtest.sort("horizon").group_by("horizon", maintain_order=True):
        y = group["y"].fill_null(float("nan")).to_numpy()
        yhat = group["yhat"].fill_null(float("nan")).to_numpy()
        lower = group["yhat_lower"].fill_null(float("nan")).to_numpy()
        upper = group["yhat_upper"].fill_null(float("nan")).to_numpy()
        rows.append(
            {
                "horizon": step,
                "n": group.height,
                "mase": mase(y, yhat, insample=history, season=season),
                "smape": smape(y, yhat),
                "mape": mape(y, yhat),
                "coverage80": coverage(y, lower, upper),
            }
        )
    return pl.DataFrame(rows, schema=SCORE_SCHEMA)
