"""One global LightGBM model across every series, direct multi-step, quantile intervals.

Each training row is (series, origin month o, horizon h): the features use only
months <= o, the target is y at month t = o + h, divided by the series' level
at o (mean of the reported months o-11..o, at least 1 vehicle) so series of
10 and 100,000 vehicles share one model. Features: the last three values
(lags 1-3 of t for h = 1), the value 12 months before t, 3- and 12-month
rolling means, the calendar month of t, h, log level, brand, flow, level,
market, region, model family, vehicle type, powertrain, climate zone and GDP.
Three models are fitted on the same rows: the median (point forecast) and the
10% and 90% quantiles (the 80% interval); targets are capped at TARGET_CAP
times the level, and horizons are fitted in blocks (:func:`fit_predict`).
Unreported months are null lags (LightGBM's missing values), never zeros, and
never a training target.

lightgbm is imported inside the fitting function.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import polars as pl

from analytics.forecast.naive import month_from_index, month_index

CATEGORICAL = (
    "brand",
    "flow",
    "level",
    "market",
    "region",
    "model",
    "vehicle_type",
    "powertrain",
    "climate_zone",
)
NUMERIC = (
    "lag_1",
    "lag_2",
    "lag_3",
    "seasonal",
    "mean_3",
    "mean_12",
    "log_level",
    "gdp",
    "month",
    "h",
)
FEATURES = (*NUMERIC, *CATEGORICAL)
QUANTILES = {"yhat": 0.5, "yhat_lower": 0.1, "yhat_upper": 0.9}
PARAMS: dict[str, object] = {
    # a priori settings for ~10^4-10^5 rows; never tuned on a scored window
    "learning_rate": 0.05, "num_leaves": 15, "min_data_in_leaf": 20,
    "feature_fraction": 0.9, "lambda_l2": 1.0, "verbose": -1, "seed": 0,
    "max_bin": 63, "deterministic": True, "force_col_wise": True,
}  # fmt: skip
ROUNDS = 300
# Targets are capped at 10x the series' 12-month mean: such a month is a launch (the mean
# is near 0), which no lag foresees, and one leaf of launches once taught the 7-12 month
# models a 23x jump for Kia's exports to the USA.
TARGET_CAP = 10.0

LGBM_FORECAST_SCHEMA = {
    "series_id": pl.Utf8, "cutoff": pl.Date, "ds": pl.Date, "horizon": pl.Int64,
    "yhat": pl.Float64, "yhat_lower": pl.Float64, "yhat_upper": pl.Float64,
}  # fmt: skip


def panel(history: pl.DataFrame) -> pl.DataFrame:
    """Regular monthly grid per series: series_id, m (month index), y (null = unreported)."""
    observed = history.filter(pl.col("y").is_not_null()).select(
        "series_id", month_index(pl.col("ds")).alias("m"), pl.col("y").cast(pl.Float64)
    )
    spans = (
        observed.group_by("series_id")
        .agg(pl.int_ranges(pl.col("m").min(), pl.col("m").max() + 1).alias("m"))
        .explode("m")
    )
    return spans.join(observed, on=["series_id", "m"], how="left").sort("series_id", "m")


def origin_features(
    grid: pl.DataFrame, catalog: pl.DataFrame, *, horizons: Sequence[int]
) -> pl.DataFrame:
    """One row per series, origin month o (reported or not) and horizon h.

    Columns: series_id, origin (month index o), h, t (month index o + h),
    target (y at t / level, null when t is unreported or past the data),
    level (vehicles) and FEATURES. Every feature uses months <= o only.
    """
    by_series = pl.col("y").shift(1).over("series_id")
    lags = grid.with_columns(
        pl.col("y").alias("lag_1"),
        by_series.alias("lag_2"),
        pl.col("y").shift(2).over("series_id").alias("lag_3"),
        pl.col("y").rolling_mean(3, min_samples=1).over("series_id").alias("mean_3"),
        pl.col("y").rolling_mean(12, min_samples=1).over("series_id").alias("mean_12"),
    )
    steps = pl.DataFrame({"h": list(horizons)}, schema={"h": pl.Int64})
    values = grid.select("series_id", pl.col("m").alias("t_m"), pl.col("y").alias("t_y"))
    rows = (
        lags.join(steps, how="cross")
        .with_columns(
            (pl.col("m") + pl.col("h")).alias("t"),
            # the same calendar month of the latest year that is <= o
            (pl.col("m") + pl.col("h") - ((pl.col("h") + 11) // 12) * 12).alias("season_m"),
            pl.max_horizontal(pl.col("mean_12"), pl.lit(1.0)).alias("level_units"),
        )
        .join(values.rename({"t_m": "t", "t_y": "y_t"}), on=["series_id", "t"], how="left")
        .join(
            values.rename({"t_m": "season_m", "t_y": "seasonal"}),
            on=["series_id", "season_m"],
            how="left",
        )
    )
    scaled = [
        (pl.col(c) / pl.col("level_units")).alias(c)
        for c in ("lag_1", "lag_2", "lag_3", "seasonal", "mean_3", "mean_12")
    ]
    codes = catalog.select(
        "series_id",
        pl.col("gdp"),
        *[pl.col(c).rank("dense").cast(pl.Int32).fill_null(-1).alias(c) for c in CATEGORICAL],
    )
    return (
        rows.with_columns(
            *scaled,
            (pl.col("y_t") / pl.col("level_units")).alias("target"),
            pl.col("level_units").log1p().alias("log_level"),
            (pl.col("t") % 12 + 1).cast(pl.Float64).alias("month"),
        )
        .join(codes, on="series_id", how="left")
        .select(
            "series_id",
            pl.col("m").alias("origin"),
            "h",
            "t",
            "target",
            pl.col("level_units").alias("level_vehicles"),
            *[pl.col(c).cast(pl.Float64) for c in NUMERIC if c != "h"],
            *[pl.col(c) for c in CATEGORICAL],
        )
    )


def training_rows(features: pl.DataFrame, *, cutoff: int) -> pl.DataFrame:
    """Rows whose target month is reported and <= ``cutoff`` (month index)."""
    return features.filter(pl.col("t") <= cutoff, pl.col("target").is_not_null())


def _fit(train: pl.DataFrame, alpha: float, threads: int):  # type: ignore[no-untyped-def]
    import lightgbm as lgb

    data = lgb.Dataset(
        train.select(FEATURES).to_numpy().astype(np.float64),
        label=np.clip(train["target"].to_numpy(), None, TARGET_CAP),
        feature_name=list(FEATURES),
        categorical_feature=list(CATEGORICAL),
        free_raw_data=True,
    )
    params = {**PARAMS, "objective": "quantile", "alpha": alpha, "num_threads": threads}
    return lgb.train(params, data, num_boost_round=ROUNDS)


def fit_predict(
    features: pl.DataFrame,
    *,
    cutoff: int,
    origins: pl.DataFrame,
    horizon: int,
    threads: int = 1,
    block: int | None = None,
) -> pl.DataFrame:
    """Fit the three models on rows up to ``cutoff`` and forecast from ``origins``.

    ``origins`` has series_id and origin (month index, <= cutoff). Returns
    LGBM_FORECAST_SCHEMA rows (cutoff = the origin month) for h = 1..horizon;
    forecasts are clipped at 0 vehicles and ordered lower <= yhat <= upper.
    With ``block`` the horizons are split into blocks of that many months
    (1-6, 7-12, ...), each with its own three models trained on its horizons
    only: rows 12 months ahead, from older origins, otherwise blunt the
    one-month-ahead forecasts.
    """
    size = block or horizon
    parts = [
        _fit_predict_block(
            features,
            cutoff=cutoff,
            origins=origins,
            low=low,
            high=min(low + size - 1, horizon),
            threads=threads,
        )
        for low in range(1, horizon + 1, size)
    ]
    return pl.concat(parts).sort("series_id", "cutoff", "horizon")


def _fit_predict_block(
    features: pl.DataFrame, *, cutoff: int, origins: pl.DataFrame, low: int, high: int, threads: int
) -> pl.DataFrame:
    steps = pl.col("h").is_between(low, high)
    train = training_rows(features, cutoff=cutoff).filter(steps)
    query = features.join(origins, on=["series_id", "origin"], how="semi").filter(steps)
    if train.height == 0 or query.height == 0:
        return pl.DataFrame(schema=LGBM_FORECAST_SCHEMA)
    matrix = query.select(FEATURES).to_numpy().astype(np.float64)
    scale = query["level_vehicles"].to_numpy()
    predicted = {
        name: np.clip(_fit(train, alpha, threads).predict(matrix) * scale, 0, None)
        for name, alpha in QUANTILES.items()
    }
    yhat = predicted["yhat"]
    return (
        query.select("series_id", "origin", "h", "t")
        .with_columns(
            pl.Series("yhat", yhat),
            pl.Series("yhat_lower", np.minimum(predicted["yhat_lower"], yhat)),
            pl.Series("yhat_upper", np.maximum(predicted["yhat_upper"], yhat)),
        )
        .select(
            "series_id",
            month_from_index(pl.col("origin")).alias("cutoff"),
            month_from_index(pl.col("t")).alias("ds"),
            pl.col("h").alias("horizon"),
            "yhat",
            "yhat_lower",
            "yhat_upper",
        )
        .cast(LGBM_FORECAST_SCHEMA)  # type: ignore[arg-type]
    )


def insample_one_step(history: pl.DataFrame, catalog: pl.DataFrame) -> pl.DataFrame:
    """The global median model fitted on every month of ``history`` (horizons 1-6, as
    the final forecast's first block) and evaluated one month ahead on the same months.

    An in-sample fit, not a forecast: it scores the model on targets it was trained
    on. Returns series_id, ds (Date) and yhat (vehicles per month, clipped at 0) for
    every reported month that has a month before it.
    """
    grid = panel(history)
    features = origin_features(grid, catalog, horizons=range(1, 7))
    top: int = grid.select(pl.col("m").max()).item()
    train = training_rows(features, cutoff=top)
    model = _fit(train, QUANTILES["yhat"], 1)
    one = train.filter(pl.col("h") == 1)
    yhat = np.clip(
        model.predict(one.select(FEATURES).to_numpy().astype(np.float64))
        * one["level_vehicles"].to_numpy(),
        0,
        None,
    )
    return one.select("series_id", month_from_index(pl.col("t")).alias("ds")).with_columns(
        pl.Series("yhat", yhat, dtype=pl.Float64)
    )
