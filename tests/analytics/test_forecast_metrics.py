"""Forecast metrics: exact values on tiny hand-computed arrays."""

import pytest

from analytics.forecast.metrics import coverage, mape, mase, naive_scale, smape

NAN = float("nan")


def test_mase_divides_mae_by_seasonal_naive_mae_of_history():
    history = [10.0, 20.0, 14.0, 26.0]  # season 2: diffs 4, 6 -> scale 5
    assert mase([12.0, 18.0], [10.0, 20.0], insample=history, season=2) == pytest.approx(0.4)


def test_mase_falls_back_to_lag_one_scale_when_history_is_shorter_than_a_season():
    history = [10.0, 13.0, 11.0]  # lag-1 diffs 3, 2 -> scale 2.5
    assert naive_scale(history, season=12) == pytest.approx(2.5)
    assert mase([15.0], [10.0], insample=history) == pytest.approx(2.0)


def test_mase_is_none_when_history_is_flat():
    assert mase([1.0], [2.0], insample=[5.0, 5.0, 5.0], season=1) is None


def test_mase_skips_nan_actuals_and_missing_history_months():
    history = [10.0, NAN, 14.0, 16.0]  # season 2: only 14-10=4 is complete
    assert mase([NAN, 18.0], [0.0, 20.0], insample=history, season=2) == pytest.approx(0.5)


def test_smape_is_percent_and_counts_double_zero_as_perfect():
    # |100-50|/(150) * 200 = 66.67 ; 0/0 -> 0 ; |0-10|/10 * 200 = 200
    assert smape([100.0, 0.0, 0.0], [50.0, 0.0, 10.0]) == pytest.approx((200 / 3 + 0 + 200) / 3)


def test_mape_skips_zero_actuals():
    assert mape([100.0, 0.0, 50.0], [90.0, 7.0, 60.0]) == pytest.approx(15.0)


def test_mape_is_none_when_all_actuals_are_zero():
    assert mape([0.0, 0.0], [1.0, 2.0]) is None


def test_coverage_is_fraction_inside_closed_interval_skipping_nan_actuals():
    got = coverage([1.0, 5.0, 9.0, NAN], [1.0, 0.0, 0.0, 0.0], [2.0, 4.0, 9.0, 1.0])
    assert got == pytest.approx(2 / 3)


def test_metrics_return_none_when_nothing_is_scored():
    assert smape([NAN], [1.0]) is None
    assert coverage([NAN], [0.0], [1.0]) is None
    assert mase([NAN], [1.0], insample=[1.0, 2.0]) is None


def test_misaligned_arrays_are_rejected():
    with pytest.raises(ValueError, match="aligned"):
        smape([1.0, 2.0], [1.0])
