"""Prophet per series: yearly seasonality on monthly data, 80% intervals.

Prophet (and cmdstan) are imported inside the function, so importing this
module stays cheap. Missing months are simply absent from the fit: Prophet
needs no regular grid, so nothing is filled.
"""

from __future__ import annotations

import logging

import numpy as np
import polars as pl

from analytics.forecast.naive import FORECAST_SCHEMA, month_from_index, monthly_grid

# A priori settings for 13-49 monthly points (never tuned on a scored window):
# a low Fourier order keeps the yearly shape from chasing noise.
YEARLY_ORDER = 3
UNCERTAINTY_SAMPLES = 200


def _quiet() -> None:
    for name in ("cmdstanpy", "prophet"):
        logging.getLogger(name).disabled = True


def _fitted_model(history: pl.DataFrame, *, level: float, uncertainty_samples: int):  # type: ignore[no-untyped-def]
    """(Prophet model fitted on the reported months, monthly grid of ``history``)."""
    grid = monthly_grid(history)
    observed = grid.filter(pl.col("y").is_not_null())
    if observed.height < 2:
        raise ValueError("Prophet needs at least 2 observed months.")
    _quiet()
    import pandas as pd
    from prophet import Prophet

    model = Prophet(
        yearly_seasonality=YEARLY_ORDER,
        weekly_seasonality=False,
        daily_seasonality=False,
        interval_width=level,
        uncertainty_samples=uncertainty_samples,
    )
    model.fit(
        pd.DataFrame(
            {"ds": pd.to_datetime(observed["ds"].to_numpy()), "y": observed["y"].to_numpy()}
        )
    )
    return model, grid


def prophet_forecast(
    history: pl.DataFrame,
    *,
    horizon: int,
    level: float = 0.8,
    uncertainty_samples: int = UNCERTAINTY_SAMPLES,
    seed: int = 0,
) -> pl.DataFrame:
    """Prophet forecast for the ``horizon`` months after the last observed month.

    ``history`` has ds (Date, first of month) and y (vehicles); null y or absent
    months are left out of the fit. Returns ds (Date), yhat, yhat_lower and
    yhat_upper (vehicles per month, ``level`` interval), clipped at 0 and
    ordered lower <= yhat <= upper.
    """
    if horizon < 1:
        raise ValueError(f"horizon must be at least 1 month, got {horizon}.")
    model, grid = _fitted_model(history, level=level, uncertainty_samples=uncertainty_samples)
    import pandas as pd

    last_m: int = grid.select(pl.col("m").max()).item()
    months = pl.DataFrame(
        {"m": np.arange(last_m + 1, last_m + horizon + 1, dtype=np.int64)}
    ).select(month_from_index(pl.col("m")).alias("ds"))
    np.random.seed(seed)  # Prophet samples its intervals with the global generator
    predicted = model.predict(pd.DataFrame({"ds": pd.to_datetime(months["ds"].to_numpy())}))
    yhat = np.clip(predicted["yhat"].to_numpy(dtype=np.float64), 0, None)
    lower = np.clip(predicted["yhat_lower"].to_numpy(dtype=np.float64), 0, None)
    upper = np.clip(predicted["yhat_upper"].to_numpy(dtype=np.float64), 0, None)
    return pl.DataFrame(
        {
            "ds": months["ds"],
            "yhat": yhat,
            "yhat_lower": np.minimum(lower, yhat),
            "yhat_upper": np.maximum(upper, yhat),
        },
        schema=FORECAST_SCHEMA,
    )


def prophet_insample(history: pl.DataFrame) -> pl.DataFrame:
    """Prophet fitted on the whole ``history`` and evaluated on the same months.

    This is an in-sample fit, not a forecast: its errors say how well the curve
    follows data it was fitted to (what a model reports when it is scored on its
    own training months). Returns ds (Date) and yhat (vehicles per month, clipped
    at 0) for every reported month of ``history``.
    """
    model, grid = _fitted_model(history, level=0.8, uncertainty_samples=0)
    import pandas as pd

    observed = grid.filter(pl.col("y").is_not_null())
    predicted = model.predict(pd.DataFrame({"ds": pd.to_datetime(observed["ds"].to_numpy())}))
    return pl.DataFrame(
        {
            "ds": observed["ds"],
            "yhat": np.clip(predicted["yhat"].to_numpy(dtype=np.float64), 0, None),
        },
        schema={"ds": pl.Date, "yhat": pl.Float64},
    )
