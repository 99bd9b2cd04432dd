"""Conformalised LightGBM bands (analytics.forecast.calibration) on hand-made scores."""

import datetime as dt

import polars as pl
import pytest

from analytics.forecast.calibration import (
    calibrated,
    calibration_quantiles,
    conformity_scores,
    containing,
)


def _month(start: dt.date, ahead: int) -> dt.date:
    m = start.year * 12 + start.month - 1 + ahead
    return dt.date(m // 12, m % 12 + 1, 1)


ORIGIN = dt.date(2024, 10, 1)


def _scores(flow: str, horizon: int, values: list[float], *, cutoff: dt.date) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "flow": flow,
            "cutoff": cutoff,
            "ds": _month(cutoff, horizon),
            "horizon": horizon,
            "score": values,
        },
        schema={
            "flow": pl.Utf8,
            "cutoff": pl.Date,
            "ds": pl.Date,
            "horizon": pl.Int64,
            "score": pl.Float64,
        },
    )


def _wanted(flow: str, horizons: list[int], origin: dt.date = ORIGIN) -> pl.DataFrame:
    return pl.DataFrame({"flow": flow, "origin": origin, "horizon": horizons})


def test_the_score_is_the_distance_outside_the_band_in_band_widths():
    rows = pl.DataFrame(
        {
            "flow": "f",
            "cutoff": ORIGIN,
            "ds": _month(ORIGIN, 1),
            "horizon": 1,
            "y": [120.0, 100.0, 85.0, 60.0, 130.0, None],
            "yhat": [20.0, 20.0, 20.0, 36.0, 80.0, 100.0],
            "yhat_lower": [90.0, 90.0, 90.0, 50.0, 90.0, 90.0],
            "yhat_upper": [110.0, 110.0, 110.0, 50.0, 110.0, 110.0],
        }
    )
    scores = conformity_scores(rows)["score"].to_list()
    # spread sqrt(20 * 20) = 20: above by 10, inside 10 from either bound, below by 5;
    # a zero-width band counts 1 vehicle of width: sqrt(1 * 36) = 6; sqrt(20 * 80) = 40;
    # a month without an actual is left out
    assert scores == pytest.approx([0.5, -0.5, 0.25, 10 / 6, 0.5])


def test_q_is_the_conformal_rank_of_earlier_scores_per_horizon_and_flow():
    earlier = dt.date(2024, 6, 1)
    scores = pl.concat(
        [
            _scores("retail", 1, [float(v) for v in range(1, 10)], cutoff=earlier),
            _scores("retail", 2, [float(v) / 10 for v in range(1, 10)], cutoff=earlier),
            _scores("exports", 1, [-1.0] * 9, cutoff=earlier),
        ]
    )
    wanted = pl.concat([_wanted("retail", [1, 2]), _wanted("exports", [1])])
    q = calibration_quantiles(scores, wanted, level=0.8, min_scores=5)
    got = {(r["flow"], r["horizon"]): (r["q"], r["n_scores"]) for r in q.iter_rows(named=True)}
    # 9 scores: the ceil(10 * 0.8) = 8th smallest
    assert got[("retail", 1)] == (8.0, 9)
    assert got[("retail", 2)] == pytest.approx((0.8, 9))
    assert got[("exports", 1)] == (-1.0, 9)


def test_only_scores_known_at_the_origin_count():
    # a cutoff at or after the origin, or a month after it, must never move q
    known = _scores("f", 1, [0.1, 0.2, 0.3, 0.4], cutoff=dt.date(2024, 8, 1))
    future = [
        _scores("f", 1, [50.0] * 4, cutoff=ORIGIN),  # the origin's own cutoff
        _scores("f", 3, [50.0] * 4, cutoff=dt.date(2024, 9, 1)),  # month 2024-12 > origin
    ]
    wanted = _wanted("f", [1, 3])
    base = calibration_quantiles(known, wanted, level=0.8, min_scores=4)
    with_future = calibration_quantiles(
        pl.concat([known, *future]), wanted, level=0.8, min_scores=4
    )
    assert base.equals(with_future)
    assert base["q"].to_list() == [0.4, None]  # 4 scores: ceil(5 * 0.8) = 4th; h=3 none


def test_a_flow_with_few_recent_scores_uses_all_its_earlier_ones_or_has_no_interval():
    scores = pl.concat(
        [
            _scores("f", 1, [1.0] * 2, cutoff=dt.date(2024, 9, 1)),
            _scores("f", 1, [3.0] * 3, cutoff=dt.date(2023, 1, 1)),
            _scores("f", 2, [1.0] * 3, cutoff=dt.date(2024, 8, 1)),
            _scores("other", 2, [0.0] * 50, cutoff=dt.date(2024, 8, 1)),
        ]
    )
    q = calibration_quantiles(scores, _wanted("f", [1, 2]), level=0.8, min_scores=5, window=6)
    # h1: 2 recent scores < 5, so the 5 earlier ones: ceil(6 * 0.8) = 5th = 3.0; h2: 3
    # scores are too few for the conformal rank (ceil(4 * 0.8) = 4 > 3), and another
    # flow's scores are never borrowed
    assert q.select("horizon", "q", "n_scores", "pool").rows() == [
        (1, 3.0, 5, "flow"),
        (2, None, None, None),
    ]


def test_the_window_keeps_the_latest_cutoffs_per_horizon():
    old = _scores("f", 2, [9.0] * 5, cutoff=dt.date(2023, 1, 1))
    recent = _scores("f", 2, [0.5] * 5, cutoff=dt.date(2024, 7, 1))  # 2024-09 <= origin
    scores = pl.concat([old, recent])
    wanted = _wanted("f", [2])
    assert calibration_quantiles(scores, wanted, level=0.8, min_scores=5)["q"].item() == 9.0
    # window 3: cutoffs 2024-06 .. 2024-08 for h=2 at origin 2024-10
    q = calibration_quantiles(scores, wanted, level=0.8, min_scores=5, window=3)
    assert q.select("q", "n_scores", "pool").row(0) == (0.5, 5, "flow_recent")
    # too few recent scores: every earlier one of the flow
    q = calibration_quantiles(scores, wanted, level=0.8, min_scores=6, window=3)
    assert q.select("q", "n_scores", "pool").row(0) == (9.0, 10, "flow")


def test_longer_horizons_borrow_the_fresher_scores_of_the_score_horizon():
    # h=6 at origin 2024-10: its own scores are known only from cutoffs up to 2024-04
    # (old fits that erred more); with score_horizon 2 it uses the h=2 scores, known from
    # cutoffs up to 2024-08, and the window counts back from there
    own = _scores("f", 6, [9.0] * 5, cutoff=dt.date(2024, 3, 1))
    fresh = _scores("f", 2, [0.5] * 5, cutoff=dt.date(2024, 8, 1))
    stale = _scores("f", 2, [7.0] * 5, cutoff=dt.date(2024, 1, 1))
    late = _scores("f", 2, [50.0] * 5, cutoff=dt.date(2024, 9, 1))  # 2024-11 > origin
    scores = pl.concat([own, fresh, stale, late])
    wanted = _wanted("f", [1, 2, 6])
    plain = calibration_quantiles(scores, wanted, level=0.8, min_scores=5, window=3)
    assert plain.select("horizon", "q", "pool").rows() == [
        (1, None, None),
        (2, 0.5, "flow_recent"),
        (6, 9.0, "flow_recent"),
    ]
    borrowed = calibration_quantiles(
        scores, wanted, level=0.8, min_scores=5, window=3, score_horizon=2
    )
    # h=1 keeps its own (none); h=2 and h=6 both read the h=2 scores of 2024-06..08
    assert borrowed.select("horizon", "q", "n_scores", "pool").rows() == [
        (1, None, None, None),
        (2, 0.5, 5, "flow_recent"),
        (6, 0.5, 5, "flow_recent"),
    ]


def test_final_forecasts_past_the_scored_horizons_take_the_last_calibrated_one():
    scores = _scores("f", 1, [0.3] * 5, cutoff=dt.date(2024, 6, 1))
    wanted = _wanted("f", [1, 2, 3])
    plain = calibration_quantiles(scores, wanted, level=0.8, min_scores=5)
    filled = calibration_quantiles(scores, wanted, level=0.8, min_scores=5, fill_horizons=True)
    assert plain["q"].to_list() == [0.3, None, None]
    assert filled["q"].to_list() == [0.3, 0.3, 0.3]


def test_the_band_moves_by_q_widths_and_clips_at_zero():
    rows = pl.DataFrame(
        {
            "flow": "f",
            "origin": ORIGIN,
            "ds": [_month(ORIGIN, 1), _month(ORIGIN, 2), _month(ORIGIN, 3)],
            "yhat": [20.0, 20.0, 20.0],  # spread sqrt(20 * 20) = 20
            "yhat_lower": [90.0, 10.0, 90.0],
            "yhat_upper": [110.0, 30.0, 110.0],
        }
    )
    quantiles = pl.DataFrame(
        {"flow": "f", "origin": ORIGIN, "horizon": [1, 2, 3], "q": [0.5, 1.0, None]}
    )
    out = calibrated(rows, quantiles)
    assert out.columns == rows.columns
    assert out["yhat_lower"].to_list() == [80.0, 0.0, None]  # 10 - 1.0 * 20 clips at 0
    assert out["yhat_upper"].to_list() == [120.0, 50.0, None]
    narrower = calibrated(rows, quantiles.with_columns(pl.lit(-0.25).alias("q")))
    assert narrower["yhat_lower"].to_list() == [95.0, 15.0, 95.0]


def test_another_models_forecast_is_contained_in_the_band():
    band = pl.DataFrame(
        {"k": [1, 2, 3], "yhat_lower": [80.0, 80.0, None], "yhat_upper": [120.0, 120.0, None]}
    )
    rows = pl.DataFrame(
        {
            "k": [1, 2, 3],
            "yhat": [100.0, 150.0, 100.0],
            "yhat_lower": [1.0] * 3,
            "yhat_upper": [2.0] * 3,
        }
    )
    out = containing(rows, band, on=["k"])
    assert out["yhat_lower"].to_list() == [80.0, 80.0, None]
    assert out["yhat_upper"].to_list() == [120.0, 150.0, None]


def _runs(shift_after: dt.date | None = None):
    """Raw model output for 3 series of one flow: LightGBM from every month (band
    yhat -/+ 10), naive and prophet at the scored cutoffs; actuals after `shift_after`
    jump by +500 (what a leak would see)."""
    from analytics.forecast.pipeline import ModelRuns

    months = [dt.date(2023, 1, 1)] + [_month(dt.date(2023, 1, 1), k) for k in range(1, 24)]
    lgbm, local = [], []
    for sid in ("a", "b", "c"):
        for i, cutoff in enumerate(months[:-1]):
            for h in range(1, 7):
                ds = _month(cutoff, h)
                if ds > months[-1]:
                    continue
                y = 100.0 + (i * 7 + h * 3) % 25
                if shift_after and ds > shift_after:
                    y += 500.0
                row = {"series_id": sid, "cutoff": cutoff, "ds": ds, "horizon": h, "y": y}
                lgbm.append({**row, "yhat": 110.0, "yhat_lower": 100.0, "yhat_upper": 120.0})
                if i % 3 == 0:
                    for name in ("seasonal_naive", "prophet"):
                        local.append(
                            {**row, "model_name": name, "yhat": 105.0, "yhat_lower": 95.0,
                             "yhat_upper": 115.0}
                        )  # fmt: skip
    lgbm_frame = pl.DataFrame(lgbm).with_columns(pl.lit("lightgbm").alias("model_name"))
    order = ["series_id", "model_name", "cutoff", "ds", "horizon", "y", "yhat", "yhat_lower",
             "yhat_upper"]  # fmt: skip
    return ModelRuns(
        backtest=pl.DataFrame(local).select(order),
        lightgbm=lgbm_frame.select(order),
        finals=pl.DataFrame(),
        errors=[],
        busy={},
    )


def test_the_pipeline_calibrates_each_cutoff_only_on_what_was_known_then():
    from analytics.forecast.pipeline import ForecastConfig, backtest_models

    config = ForecastConfig(min_scores=5)
    cut = dt.date(2024, 4, 1)
    scored = pl.DataFrame(
        {
            "series_id": ["a", "b", "c"] * 2,
            "cutoff": [dt.date(2024, 1, 1)] * 3 + [cut] * 3,
            "horizon": [6] * 6,
        }
    )
    flows = pl.DataFrame({"series_id": ["a", "b", "c"], "flow": "f"})

    def bands(runs) -> pl.DataFrame:
        rows, _chosen, _scores = backtest_models(runs, scored, flows, config=config)
        return rows.filter(pl.col("model_name") == "lightgbm", pl.col("cutoff") == cut).select(
            "series_id", "ds", "yhat_lower", "yhat_upper"
        )

    plain, leaked = bands(_runs()), bands(_runs(shift_after=cut))
    assert plain.drop_nulls().height > 0
    # actuals after the cutoff moved by 500 vehicles: its bands did not move at all
    assert plain.equals(leaked)


def test_every_flow_pool_borrows_the_scores_of_other_flows():
    scores = pl.concat(
        [
            _scores("small", 1, [4.0] * 2, cutoff=dt.date(2024, 9, 1)),
            _scores("big", 1, [float(v) for v in range(1, 8)], cutoff=dt.date(2024, 9, 1)),
        ]
    )
    wanted = pl.concat([_wanted("small", [1]), _wanted("big", [1])])
    own = calibration_quantiles(scores, wanted, level=0.8, min_scores=5, window=6)
    pooled = calibration_quantiles(
        scores, wanted, level=0.8, min_scores=5, window=6, pools=("all_recent", "all")
    )
    # per flow, "big" reads its 7 (the ceil(8 * 0.8) = 7th smallest) and "small" has 2,
    # too few for the rank (ceil(3 * 0.8) = 3 > 2); pooled,
    # both flows read the same 9: ceil(10 * 0.8) = 8th smallest of 1..7, 4, 4 = 6.0
    assert own.select("flow", "q").sort("flow").rows() == [("big", 7.0), ("small", None)]
    assert pooled.select("flow", "q", "n_scores", "pool").sort("flow").rows() == [
        ("big", 6.0, 9, "all_recent"),
        ("small", 6.0, 9, "all_recent"),
    ]


def test_the_pipeline_calibrates_one_pool_of_every_flow_per_horizon():
    from analytics.forecast.pipeline import ForecastConfig, backtest_models

    cut = dt.date(2024, 4, 1)
    scored = pl.DataFrame({"series_id": ["a", "b", "c"], "cutoff": [cut] * 3, "horizon": [6] * 3})
    # "a", alone in its flow, was first forecast at the cutoff: no earlier scores of its
    # own flow, but b's and c's of every earlier month
    flows = pl.DataFrame({"series_id": ["a", "b", "c"], "flow": ["new", "f", "f"]})
    runs = _runs()
    runs.lightgbm = runs.lightgbm.filter((pl.col("series_id") != "a") | (pl.col("cutoff") >= cut))

    def banded(config: ForecastConfig) -> int:
        rows, _chosen, _scores = backtest_models(runs, scored, flows, config=config)
        return (
            rows.filter(pl.col("model_name") == "lightgbm", pl.col("series_id") == "a")
            .drop_nulls("yhat_lower")
            .height
        )

    assert banded(ForecastConfig(min_scores=5)) == 6
    assert banded(ForecastConfig(min_scores=5, calibration_pools=("flow_recent", "flow"))) == 0
