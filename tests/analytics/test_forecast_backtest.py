"""Seasonal-naive baseline and rolling-origin backtests on small synthetic series."""

import datetime as dt

import polars as pl
import pytest

from analytics.forecast.backtest import rolling_origin, score
from analytics.forecast.naive import seasonal_naive


def _naive(train: pl.DataFrame, horizon: int) -> pl.DataFrame:
    return seasonal_naive(train, horizon=horizon)


def _monthly(start: dt.date, values: list[float | None]) -> pl.DataFrame:
    ds = pl.date_range(start, dt.date(2100, 1, 1), "1mo", eager=True).head(len(values))
    return pl.DataFrame({"ds": ds, "y": values}, schema={"ds": pl.Date, "y": pl.Float64})


def _seasonal(years: int) -> pl.DataFrame:
    return _monthly(dt.date(2021, 1, 1), [100.0 + 10 * (i % 12) for i in range(12 * years)])


def test_seasonal_naive_repeats_same_month_last_year():
    forecast = seasonal_naive(_seasonal(2), horizon=14)
    assert forecast.columns == ["ds", "yhat", "yhat_lower", "yhat_upper"]
    assert forecast["ds"][0] == dt.date(2023, 1, 1)
    assert forecast["yhat"].to_list()[:3] == [100.0, 110.0, 120.0]
    assert forecast["yhat"][12] == 100.0  # beyond one season it repeats the last year again


def test_seasonal_naive_on_perfect_seasonality_scores_mase_zero_with_full_coverage():
    # one bump in the first January gives MASE a non-zero scale; every scored year is exact
    series = _seasonal(3).with_columns(
        pl.when(pl.col("ds") == dt.date(2021, 1, 1)).then(120.0).otherwise(pl.col("y")).alias("y")
    )
    scores = score(rolling_origin(series, model=_naive), insample=series)
    assert scores["mase"].to_list() == [0.0] * 6
    assert scores["coverage80"].to_list() == [1.0] * 6


def test_missing_month_falls_back_to_last_observed_value_not_zero():
    values: list[float | None] = [100.0 + 10 * (i % 12) for i in range(24)]
    values[12] = None  # January of year two not reported
    history = _monthly(dt.date(2021, 1, 1), values)
    forecast = seasonal_naive(history, horizon=1)
    assert forecast["ds"][0] == dt.date(2023, 1, 1)
    assert forecast["yhat"][0] == 210.0  # last observed (December), never 0


def test_absent_month_row_is_treated_like_a_null_month():
    values: list[float | None] = [100.0 + 10 * (i % 12) for i in range(24)]
    values[12] = None
    with_null = _monthly(dt.date(2021, 1, 1), values)
    without_row = with_null.filter(pl.col("y").is_not_null())
    assert seasonal_naive(without_row, horizon=3).equals(seasonal_naive(with_null, horizon=3))


def test_interval_is_yhat_plus_minus_the_absolute_seasonal_error_quantile():
    # year-on-year errors are exactly +5 each month -> yhat -/+ 5: the band contains
    # the forecast even though every error has the same sign
    values = [100.0 + (i // 12) * 5 for i in range(24)]
    forecast = seasonal_naive(_monthly(dt.date(2021, 1, 1), values), horizon=2)
    assert forecast["yhat"].to_list() == [105.0, 105.0]
    assert forecast["yhat_lower"].to_list() == [100.0, 100.0]
    assert forecast["yhat_upper"].to_list() == [110.0, 110.0]
    # errors 0, 10, ..., 110 (one per month): the linear 80% quantile of |e| is 88
    values = [100.0] * 12 + [100.0 + 10 * i for i in range(12)]
    forecast = seasonal_naive(_monthly(dt.date(2021, 1, 1), values), horizon=1)
    assert forecast["yhat"].to_list() == [100.0]
    assert forecast["yhat_lower"].to_list() == pytest.approx([12.0])
    assert forecast["yhat_upper"].to_list() == pytest.approx([188.0])


def test_backtest_never_uses_data_after_its_cutoff():
    # the final year jumps to 1000; any leak would put 1000 into a forecast
    values = [100.0 + 10 * (i % 12) for i in range(24)] + [1000.0] * 12
    series = _monthly(dt.date(2021, 1, 1), values)
    seen: list[dt.date] = []

    def spy(train: pl.DataFrame, horizon: int) -> pl.DataFrame:
        seen.append(train["ds"].max())
        return _naive(train, horizon)

    backtest = rolling_origin(series, model=spy)
    assert seen == sorted(backtest["cutoff"].unique().to_list())
    assert (backtest["ds"] > backtest["cutoff"]).all()
    first = backtest.filter(pl.col("cutoff") == dt.date(2022, 12, 1))
    assert first["yhat"].to_list() == [100.0 + 10 * m for m in range(6)]
    later = backtest.filter(pl.col("cutoff") == dt.date(2023, 3, 1))
    assert later["yhat"].to_list() == [130.0, 140.0, 150.0, 160.0, 170.0, 180.0]


def test_backtest_cutoffs_every_three_months_over_last_year():
    backtest = rolling_origin(_seasonal(3), model=_naive)
    assert backtest["cutoff"].unique().sort().to_list() == [
        dt.date(2022, 12, 1),
        dt.date(2023, 3, 1),
        dt.date(2023, 6, 1),
        dt.date(2023, 9, 1),
    ]
    per_cutoff = backtest.group_by("cutoff").len().sort("cutoff")["len"].to_list()
    assert per_cutoff == [6, 6, 6, 3]  # the last cutoff only has 3 months of actuals
    assert backtest["horizon"].min() == 1 and backtest["horizon"].max() == 6


def test_backtest_keeps_only_months_with_actuals():
    values: list[float | None] = [100.0 + 10 * (i % 12) for i in range(36)]
    values[30] = None  # July of the last year not reported
    backtest = rolling_origin(_monthly(dt.date(2021, 1, 1), values), model=_naive)
    assert dt.date(2023, 7, 1) not in backtest["ds"].to_list()
    assert backtest["y"].null_count() == 0


def test_score_is_recomputable_from_backtest_rows():
    values = [100.0 + 10 * (i % 12) + (i // 12) * 3 for i in range(36)]
    series = _monthly(dt.date(2021, 1, 1), values)
    backtest = rolling_origin(series, model=_naive)
    scores = score(backtest, insample=series)
    one = backtest.filter(pl.col("horizon") == 1)
    mae = (one["y"] - one["yhat"]).abs().mean()
    assert scores.filter(pl.col("horizon") == 1)["mase"][0] == pytest.approx(mae / 3.0)
    assert scores["n"].to_list() == [4, 4, 4, 3, 3, 3]
