"""Ensemble, selection and metrics of the forecast pipeline on hand-made backtests."""

import datetime as dt

import numpy as np
import polars as pl
import pytest

from analytics.forecast.metrics import (
    coverage,
    mape,
    mase,
    median_abs_error,
    relative_width,
    smape,
)
from analytics.forecast.pipeline import (
    ForecastConfig,
    earlier_mae,
    ensemble,
    run_forecast,
    score_backtest,
)

CUTOFFS = [dt.date(2024, 1, 1), dt.date(2024, 4, 1), dt.date(2024, 7, 1), dt.date(2024, 10, 1)]


def _month(cutoff: dt.date, ahead: int) -> dt.date:
    m = cutoff.year * 12 + cutoff.month - 1 + ahead
    return dt.date(m // 12, m % 12 + 1, 1)


def _backtest(errors: dict[str, tuple[float, float]]) -> pl.DataFrame:
    """Rows for one series: model -> (error before the latest cutoff, error after it)."""
    rows = []
    for name, (early, late) in errors.items():
        for cutoff in CUTOFFS:
            for h in range(1, 7):
                ds = _month(cutoff, h)
                if ds > dt.date(2025, 1, 1):
                    continue
                err = late if ds > CUTOFFS[-1] else early
                rows.append(
                    {
                        "series_id": "s",
                        "model_name": name,
                        "cutoff": cutoff,
                        "ds": ds,
                        "horizon": h,
                        "y": 100.0,
                        "yhat": 100.0 + err,
                        "yhat_lower": 90.0 + err,
                        "yhat_upper": 110.0 + err,
                    }
                )
    return pl.DataFrame(rows)


def test_at_the_first_cutoff_the_ensemble_weights_every_model_equally():
    backtest = _backtest({"prophet": (10.0, 10.0), "lightgbm": (30.0, 30.0)})
    origins = pl.DataFrame({"series_id": ["s"], "origin": [CUTOFFS[0]]})
    mae = earlier_mae(backtest, origins)
    assert mae.is_empty()
    rows = backtest.filter(pl.col("cutoff") == CUTOFFS[0]).with_columns(
        pl.col("cutoff").alias("origin")
    )
    combined = ensemble(rows, mae)
    assert combined["yhat"].to_list() == pytest.approx([120.0] * 6)  # (110 + 130) / 2


def test_ensemble_weights_by_inverse_earlier_mae():
    backtest = _backtest({"prophet": (10.0, 10.0), "lightgbm": (30.0, 30.0)})
    origins = pl.DataFrame({"series_id": ["s"], "origin": [CUTOFFS[-1]]})
    rows = backtest.filter(pl.col("cutoff") == CUTOFFS[-1]).with_columns(
        pl.col("cutoff").alias("origin")
    )
    combined = ensemble(rows, earlier_mae(backtest, origins))
    # weights 1/10 and 1/30: (0.1 * 110 + 1/30 * 130) / (0.1 + 1/30) = 115
    assert combined["yhat"].to_list() == pytest.approx([115.0] * 3)


def test_metrics_equal_the_reference_functions_per_horizon_and_pooled():
    rng = np.random.default_rng(1)
    backtest = (
        _backtest({"prophet": (0.0, 0.0)})
        .with_columns(
            pl.Series("y", rng.uniform(0, 200, 21).round()),
            pl.Series("yhat", rng.uniform(50, 150, 21)),
        )
        .with_columns(
            (pl.col("yhat") - 20).alias("yhat_lower"), (pl.col("yhat") + 20).alias("yhat_upper")
        )
    )
    history = rng.uniform(50, 150, 25)
    scale = float(np.mean(np.abs(history[12:] - history[:-12])))
    metrics = score_backtest(
        backtest, pl.DataFrame({"series_id": ["s"], "scale": [scale]}), horizons=6
    )
    assert metrics.filter(pl.col("scope") == "all_cutoffs").height == 7
    for horizon in (None, 1, 4):
        rows = backtest if horizon is None else backtest.filter(pl.col("horizon") == horizon)
        got = metrics.filter(
            pl.col("scope") == "all_cutoffs",
            pl.col("horizon").is_null() if horizon is None else pl.col("horizon") == horizon,
        ).row(0, named=True)
        y, yhat = rows["y"].to_numpy(), rows["yhat"].to_numpy()
        assert got["mase"] == pytest.approx(mase(y, yhat, insample=history))
        assert got["smape"] == pytest.approx(smape(y, yhat))
        assert got["mape"] == pytest.approx(mape(y, yhat))
        lower, upper = rows["yhat_lower"].to_numpy(), rows["yhat_upper"].to_numpy()
        assert got["coverage80"] == pytest.approx(coverage(y, lower, upper))
        assert got["width80"] == pytest.approx(relative_width(y, lower, upper))
        assert got["median_abs_error"] == pytest.approx(median_abs_error(y, yhat))
        assert got["scored_months"] == got["interval_months"] == rows.height
    latest = metrics.filter(pl.col("scope") == "latest_cutoff")
    assert latest.filter(pl.col("horizon") > 3)["mase"].null_count() == 3  # no actuals yet


@pytest.mark.slow
def test_a_small_run_fills_every_model_and_keeps_selection_consistent():
    months = pl.date_range(dt.date(2022, 1, 1), dt.date(2024, 12, 1), "1mo", eager=True)
    facts = pl.DataFrame(
        {
            "brand": "Kia",
            "flow": "region_export",
            "market": "USA",
            "region": "North America",
            "model": None,
            "vehicle_type": None,
            "powertrain": None,
            "plant": None,
            "ds": months,
            "units": [1000.0 + 200 * np.sin(i / 12 * 2 * np.pi) + 7 * i for i in range(36)],
        },
        schema_overrides={
            "model": pl.Utf8,
            "vehicle_type": pl.Utf8,
            "powertrain": pl.Utf8,
            "plant": pl.Utf8,
        },
    )
    markets = pl.DataFrame(
        {"market": ["USA"], "climate_zone": ["temperate"], "gdp_trillion_usd": [27.0]}
    )
    result = run_forecast(facts, markets=markets, config=ForecastConfig(horizon=4))
    assert result.errors == []
    assert sorted(result.forecasts["model_name"].unique()) == [
        "ensemble",
        "lightgbm",
        "prophet",
        "seasonal_naive",
        "selected",
    ]
    lengths = result.forecasts.group_by("series_id", "model_name").len()["len"]
    assert lengths.unique().to_list() == [4]
    assert (result.forecasts["ds"].min(), result.forecasts["ds"].max()) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 4, 1),
    )
    totals = result.forecasts.filter(pl.col("series_id").str.contains("market=\\|"))
    assert totals["bottom_up_yhat"].to_list() == pytest.approx(totals["yhat"].to_list())
    for row in result.series.iter_rows(named=True):
        chosen = result.forecasts.filter(pl.col("series_id") == row["series_id"])
        assert chosen.filter(pl.col("model_name") == "selected")["yhat"].to_list() == (
            chosen.filter(pl.col("model_name") == row["chosen_model"])["yhat"].to_list()
        )
    assert set(result.backtest["cutoff"].unique()) == {
        dt.date(2023, 12, 1),
        dt.date(2024, 3, 1),
        dt.date(2024, 6, 1),
        dt.date(2024, 9, 1),
    }
    # lightgbm, ensemble and selected share LightGBM's calibrated band, widened to hold
    # their own forecast; every final month has one
    for frame in (result.forecasts, result.backtest):
        banded = frame.filter(pl.col("model_name").is_in(["lightgbm", "ensemble", "selected"]))
        inside = banded.drop_nulls(["yhat_lower", "yhat_upper"])
        assert (inside["yhat_lower"] <= inside["yhat"]).all()
        assert (inside["yhat"] <= inside["yhat_upper"]).all()
    finals = result.forecasts.filter(pl.col("model_name").is_in(["lightgbm", "selected"]))
    assert finals["yhat_lower"].null_count() == finals["yhat_upper"].null_count() == 0
    assert set(result.series["backtest_horizon"]) == {6}  # 36 months: validated 6 ahead
    assert set(result.series["selection_rule"]) == {"flow_default"}
