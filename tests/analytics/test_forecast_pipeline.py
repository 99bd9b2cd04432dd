"""Ensemble, selection and metrics of the forecast pipeline on hand-made backtests."""

import datetime as dt

import numpy as np
import polars as pl
import pytest

from analytics.forecast.metrics import coverage, mape, mase, smape
from analytics.forecast.pipeline import (
    ForecastConfig,
    conformal,
    earlier_mae,
    ensemble,
    run_forecast,
    score_backtest,
    select_models,
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


def test_selection_never_sees_the_window_it_is_scored_on():
    # prophet is perfect exactly in the scored window (after the latest cutoff) and bad
    # before it; lightgbm the reverse: the choice at the latest cutoff must be lightgbm
    backtest = _backtest(
        {"prophet": (50.0, 0.0), "lightgbm": (5.0, 80.0), "seasonal_naive": (20.0, 20.0)}
    )
    origins = pl.DataFrame({"series_id": ["s"], "origin": [CUTOFFS[-1]]})
    chosen = select_models(earlier_mae(backtest, origins), origins)
    assert chosen["chosen"].to_list() == ["lightgbm"]
    # whatever happens in the scored window, the choice does not move
    scored = (pl.col("cutoff") == CUTOFFS[-1]) | (pl.col("ds") > CUTOFFS[-1])
    changed = backtest.with_columns(
        pl.when(scored).then(pl.col("yhat") * 3).otherwise(pl.col("yhat")).alias("yhat")
    )
    assert select_models(earlier_mae(changed, origins), origins)["chosen"].to_list() == ["lightgbm"]


def test_first_cutoff_falls_back_to_seasonal_naive_and_ensemble_weights_equally():
    backtest = _backtest({"prophet": (10.0, 10.0), "lightgbm": (30.0, 30.0)})
    origins = pl.DataFrame({"series_id": ["s"], "origin": [CUTOFFS[0]]})
    mae = earlier_mae(backtest, origins)
    assert mae.is_empty()
    assert select_models(mae, origins)["chosen"].to_list() == ["seasonal_naive"]
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
        backtest, pl.DataFrame({"series_id": ["s"], "scale": [scale]}), horizon=6
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
        assert got["coverage80"] == pytest.approx(
            coverage(y, rows["yhat_lower"].to_numpy(), rows["yhat_upper"].to_numpy())
        )
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
    # `selected` keeps the chosen model's point forecast but has its own split-conformal
    # interval (from earlier `selected` errors), bracketing the forecast
    for frame in (result.forecasts, result.backtest):
        sel = frame.filter(pl.col("model_name") == "selected")
        assert (sel["yhat_lower"] <= sel["yhat"]).all() and (sel["yhat"] <= sel["yhat_upper"]).all()
    earlier = result.backtest.filter(pl.col("model_name") == "selected")
    final = result.forecasts.filter(pl.col("model_name") == "selected").with_columns(
        pl.lit(dt.date(2024, 12, 1)).alias("origin")
    )
    expected = conformal(
        final.select("series_id", "origin", "ds", "yhat", "yhat_lower", "yhat_upper"),
        earlier,
        level=0.8,
    )
    assert final["yhat_upper"].to_list() == pytest.approx(expected["yhat_upper"].to_list())


def test_conformal_bounds_come_from_earlier_relative_errors_at_the_same_horizon():
    earlier = pl.DataFrame(
        {
            "cutoff": [CUTOFFS[0]] * 4 + [CUTOFFS[-1]],
            "ds": [_month(CUTOFFS[0], h) for h in (1, 1, 2, 2)] + [_month(CUTOFFS[-1], 1)],
            "horizon": [1, 1, 2, 2, 1],
            "y": [110.0, 90.0, 150.0, 100.0, 999.0],
            "yhat": [100.0] * 5,
        }
    )
    rows = pl.DataFrame(
        {
            "series_id": ["s"] * 3,
            "origin": [CUTOFFS[-1]] * 3,
            "ds": [_month(CUTOFFS[-1], h) for h in (1, 2, 3)],
            "yhat": [200.0] * 3,
            "yhat_lower": [190.0] * 3,
            "yhat_upper": [210.0] * 3,
        }
    )
    out = conformal(rows, earlier, level=0.8)
    # h=1: errors 10% and 10% -> +-10%; h=2: 50% and 0% -> +-50%; h=3 falls back to h=2;
    # the row at the origin's own cutoff (999) is never used
    assert out["yhat_lower"].to_list() == pytest.approx([180.0, 100.0, 100.0])
    assert out["yhat_upper"].to_list() == pytest.approx([220.0, 300.0, 300.0])
    first = conformal(rows.with_columns(pl.lit(CUTOFFS[0]).alias("origin")), earlier, level=0.8)
    assert first["yhat_lower"].to_list() == [190.0] * 3  # nothing earlier: bounds kept
