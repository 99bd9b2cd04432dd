"""Model behaviour: LightGBM never leaks or trains on gaps; forecasts are well formed."""

import datetime as dt

import numpy as np
import polars as pl
import pytest

from analytics.forecast import lgbm
from analytics.forecast.naive import month_index
from analytics.forecast.prophet_model import prophet_forecast

FEATURE_COLUMNS = ["series_id", "origin", "t", "level_vehicles", *lgbm.FEATURES]


def _panel(n_series: int = 3, months: int = 36, gap: tuple[int, ...] = ()) -> pl.DataFrame:
    rng = np.random.default_rng(0)
    rows = []
    for s in range(n_series):
        for i in range(months):
            if i in gap:
                continue
            season = 1 + 0.3 * np.sin(2 * np.pi * i / 12)
            rows.append(
                {
                    "series_id": f"s{s}",
                    "ds": dt.date(2021 + i // 12, i % 12 + 1, 1),
                    "y": float((s + 1) * 1000 * season + rng.normal(0, 30)),
                }
            )
    return pl.DataFrame(rows)


def _catalog(history: pl.DataFrame) -> pl.DataFrame:
    ids = history["series_id"].unique().sort()
    return pl.DataFrame(
        {
            "series_id": ids,
            "brand": ["Kia"] * len(ids),
            "flow": ["region_export"] * len(ids),
            "level": ["market"] * len(ids),
            "market": [f"m{i}" for i in range(len(ids))],
            "region": ["r"] * len(ids),
            "model": [None] * len(ids),
            "vehicle_type": [None] * len(ids),
            "powertrain": [None] * len(ids),
            "climate_zone": ["temperate"] * len(ids),
            "gdp": [1.0] * len(ids),
        },
        schema_overrides={"model": pl.Utf8, "vehicle_type": pl.Utf8, "powertrain": pl.Utf8},
    )


def test_features_for_month_t_use_only_months_before_t():
    history = _panel()
    features = lgbm.origin_features(lgbm.panel(history), _catalog(history), horizons=range(1, 7))
    t0 = month_index(pl.lit(dt.date(2022, 9, 1))).alias("m")
    t0_index = pl.select(t0).item()
    # wreck every month from t0 on: rows forecasting t0 must not notice
    wrecked = history.with_columns(
        pl.when(month_index(pl.col("ds")) >= t0_index)
        .then(pl.col("y") * 50 + 7)
        .otherwise(pl.col("y"))
        .alias("y")
    )
    again = lgbm.origin_features(lgbm.panel(wrecked), _catalog(history), horizons=range(1, 7))
    before = features.filter(pl.col("t") == t0_index).select(FEATURE_COLUMNS).sort("series_id", "h")
    after = again.filter(pl.col("t") == t0_index).select(FEATURE_COLUMNS).sort("series_id", "h")
    assert before.height == 3 * 6
    assert before.equals(after)
    assert (features["origin"] < features["t"]).all()


def test_unreported_months_are_null_lags_and_never_a_training_target():
    gap = (20, 21)
    history = _panel(gap=gap)
    features = lgbm.origin_features(lgbm.panel(history), _catalog(history), horizons=range(1, 4))
    gap_index = [pl.select(month_index(pl.lit(dt.date(2022, m, 1)))).item() for m in (9, 10)]
    train = lgbm.training_rows(features, cutoff=10**6)
    assert train.filter(pl.col("t").is_in(gap_index)).is_empty()
    at_gap = features.filter(pl.col("origin") == gap_index[0])
    assert at_gap["lag_1"].null_count() == at_gap.height  # missing, not 0
    assert (features["lag_1"].drop_nulls() != 0).all()


def test_lightgbm_gives_horizon_rows_per_series_with_ordered_bounds():
    history = _panel()
    features = lgbm.origin_features(lgbm.panel(history), _catalog(history), horizons=range(1, 7))
    last = lgbm.panel(history).group_by("series_id").agg(pl.col("m").max().alias("origin"))
    out = lgbm.fit_predict(features, cutoff=int(last["origin"].max()), origins=last, horizon=6)
    assert out.height == 3 * 6
    assert out.group_by("series_id").len()["len"].to_list() == [6, 6, 6]
    assert out["ds"].min() == dt.date(2024, 1, 1) and out["ds"].max() == dt.date(2024, 6, 1)
    assert ((out["yhat_lower"] <= out["yhat"]) & (out["yhat"] <= out["yhat_upper"])).all()
    assert (out["yhat_lower"] >= 0).all()
    # one model for every scale: the big series is forecast bigger than the small one
    means = out.group_by("series_id").agg(pl.col("yhat").mean()).sort("series_id")["yhat"]
    assert means[0] < means[1] < means[2]


@pytest.mark.slow
def test_prophet_gives_horizon_rows_with_ordered_bounds_and_ignores_missing_months():
    history = _panel(n_series=1, months=30).drop("series_id")
    with_gap = history.filter(pl.col("ds") != dt.date(2022, 3, 1))
    out = prophet_forecast(with_gap, horizon=8)
    assert out.height == 8
    assert out["ds"][0] == dt.date(2023, 7, 1)
    assert ((out["yhat_lower"] <= out["yhat"]) & (out["yhat"] <= out["yhat_upper"])).all()
    # an unreported month as a null row is the same as no row: never a zero
    as_null = history.with_columns(
        pl.when(pl.col("ds") == dt.date(2022, 3, 1)).then(None).otherwise(pl.col("y")).alias("y")
    )
    assert prophet_forecast(as_null, horizon=8)["yhat"].to_list() == pytest.approx(
        out["yhat"].to_list()
    )
