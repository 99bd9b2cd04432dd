"""Forecast accuracy metrics on plain float sequences.

Every function skips pairs whose actual (or forecast) is NaN, so a month that
has not been reported never counts as a zero. Functions return ``None`` when
no pair is left to score, rather than a misleading 0.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
FloatLike = Sequence[float] | FloatArray


def _as_float(values: FloatLike) -> FloatArray:
    return np.asarray(values, dtype=np.float64)


def _pairs(y: FloatLike, yhat: FloatLike) -> tuple[FloatArray, FloatArray]:
    actual, forecast = _as_float(y), _as_float(yhat)
    if actual.shape != forecast.shape:
        raise ValueError(
            f"y has shape {actual.shape} but yhat has {forecast.shape}; pass aligned arrays."
        )
    keep = ~np.isnan(actual) & ~np.isnan(forecast)
    return actual[keep], forecast[keep]


def naive_scale(insample: FloatLike, *, season: int = 12) -> float | None:
    """In-sample MAE of the seasonal-naive forecast (same units as the series).

    ``insample`` is a regular monthly series with NaN for missing months. Falls
    back to the lag-1 naive MAE when the history is shorter than ``season + 1``
    or has no complete seasonal pair. Returns None when no difference exists.
    """
    history = _as_float(insample)
    for lag in (season, 1):
        if lag <= 0 or history.size < lag + 1:
            continue
        diffs = history[lag:] - history[:-lag]
        diffs = diffs[~np.isnan(diffs)]
        if diffs.size:
            return float(np.mean(np.abs(diffs)))
    return None


def mase(y: FloatLike, yhat: FloatLike, *, insample: FloatLike, season: int = 12) -> float | None:
    """Mean absolute scaled error (unitless): forecast MAE / in-sample naive MAE.

    None when nothing is scored or the scale is 0 or undefined.
    """
    actual, forecast = _pairs(y, yhat)
    scale = naive_scale(insample, season=season)
    if actual.size == 0 or scale is None or scale == 0:
        return None
    return float(np.mean(np.abs(actual - forecast)) / scale)


def smape(y: FloatLike, yhat: FloatLike) -> float | None:
    """Symmetric MAPE in percent (0-200); a pair where both values are 0 scores 0."""
    actual, forecast = _pairs(y, yhat)
    if actual.size == 0:
        return None
    denominator = np.abs(actual) + np.abs(forecast)
    both_zero = denominator == 0
    ratio = np.where(
        both_zero, 0.0, np.abs(actual - forecast) / np.where(both_zero, 1.0, denominator)
    )
    return float(200.0 * np.mean(ratio))


def mape(y: FloatLike, yhat: FloatLike) -> float | None:
    """Mean absolute percentage error in percent, skipping zero actuals; None if all are 0."""
    actual, forecast = _pairs(y, yhat)
    nonzero = actual != 0
    if not nonzero.any():
        return None
    return float(
        100.0 * np.mean(np.abs(actual[nonzero] - forecast[nonzero]) / np.abs(actual[nonzero]))
    )


def coverage(y: FloatLike, lower: FloatLike, upper: FloatLike) -> float | None:
    """Fraction (0-1) of non-missing actuals inside the closed interval [lower, upper]."""
    actual, low, high = _as_float(y), _as_float(lower), _as_float(upper)
    if not actual.shape == low.shape == high.shape:
        raise ValueError("y, lower and upper must have the same shape; pass aligned arrays.")
    keep = ~np.isnan(actual) & ~np.isnan(low) & ~np.isnan(high)
    if not keep.any():
        return None
    inside = (low[keep] <= actual[keep]) & (actual[keep] <= high[keep])
    return float(np.mean(inside))


def relative_width(y: FloatLike, lower: FloatLike, upper: FloatLike) -> float | None:
    """Median interval width as a multiple of the actual, (upper - lower) / |y| (unitless).

    Pairs with a missing actual or bound, or a zero actual, are skipped; None
    when none is left. 1.0 means the band is as wide as what it brackets.
    """
    actual, low, high = _as_float(y), _as_float(lower), _as_float(upper)
    if not actual.shape == low.shape == high.shape:
        raise ValueError("y, lower and upper must have the same shape; pass aligned arrays.")
    keep = ~np.isnan(actual) & ~np.isnan(low) & ~np.isnan(high) & (actual != 0)
    if not keep.any():
        return None
    return float(np.median((high[keep] - low[keep]) / np.abs(actual[keep])))


def median_abs_error(y: FloatLike, yhat: FloatLike) -> float | None:
    """Median absolute error, in the series' units (vehicles per month); None if nothing scored."""
    actual, forecast = _pairs(y, yhat)
    if actual.size == 0:
        return None
    return float(np.median(np.abs(actual - forecast)))
