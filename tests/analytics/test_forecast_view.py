"""The forecast page's numbers on small hand-made frames with hand-computed answers."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from analytics.forecast import view as fv


def month(year: int, m: int) -> dt.date:
    return dt.date(year, m, 1)


def forecast_frame(rows: list[tuple[str, dt.date, float, float, float]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={
            "model_name": pl.Utf8,
            "ds": pl.Date,
            "yhat": pl.Float64,
            "yhat_lower": pl.Float64,
            "yhat_upper": pl.Float64,
        },
        orient="row",
    )


def history_frame(values: dict[dt.date, float]) -> pl.DataFrame:
    return pl.DataFrame(
        {"ds": list(values), "y": list(values.values())}, schema={"ds": pl.Date, "y": pl.Float64}
    )


SIX_MONTHS = [month(2025, m) for m in range(2, 8)]  # 2025-02 .. 2025-07


# --- quarter table -------------------------------------------------------------------------


def test_quarter_table_sums_months_per_calendar_quarter_and_flags_partial_quarters():
    forecasts = forecast_frame(
        [
            ("selected", d, 10.0 * (i + 1), 8.0 * (i + 1), 12.0 * (i + 1))
            for i, d in enumerate(SIX_MONTHS)
        ]
        + [("prophet", d, 1000.0, 900.0, 1100.0) for d in SIX_MONTHS]
    )
    table = fv.quarter_table(forecasts, model_name="selected")
    # Feb+Mar = 10+20; Apr+May+Jun = 30+40+50; Jul = 60 (lower x0.8, upper x1.2)
    assert table.drop("validated_months").to_dicts() == [
        {"quarter": "2025-Q1", "months": 2, "yhat": 30, "yhat_lower": 24, "yhat_upper": 36},
        {"quarter": "2025-Q2", "months": 3, "yhat": 120, "yhat_lower": 96, "yhat_upper": 144},
        {"quarter": "2025-Q3", "months": 1, "yhat": 60, "yhat_lower": 48, "yhat_upper": 72},
    ]
    assert table["validated_months"].to_list() == [2, 3, 1]  # no limit known: all of them


def test_quarter_table_counts_the_months_the_backtest_validated():
    forecasts = forecast_frame([("selected", d, 10.0, 8.0, 12.0) for d in SIX_MONTHS])
    # last reported 2025-01, backtested 4 months ahead: Feb-May are validated
    row = {"last_ds": dt.date(2025, 1, 1), "backtest_horizon": 4}
    assert fv.validated_until(row) == dt.date(2025, 5, 1)
    table = fv.quarter_table(forecasts, model_name="selected", validated=fv.validated_until(row))
    assert table.select("quarter", "months", "validated_months").rows() == [
        ("2025-Q1", 2, 2),
        ("2025-Q2", 3, 2),
        ("2025-Q3", 1, 0),
    ]
    assert fv.validated_until({"last_ds": dt.date(2025, 1, 1), "backtest_horizon": None}) is None
    with_gap = forecasts.with_columns(
        pl.when(pl.col("ds") == SIX_MONTHS[0])
        .then(None)
        .otherwise("yhat_lower")
        .alias("yhat_lower")
    )
    # a month without a bound leaves the quarter's bound unknown, never a smaller sum
    assert fv.quarter_table(with_gap, model_name="selected")["yhat_lower"].to_list()[0] is None


def test_interval_table_scores_coverage_and_width_per_model_and_horizon():
    rows = pl.DataFrame(
        {
            "model_name": ["selected"] * 4 + ["prophet"],
            "cutoff": [dt.date(2024, 10, 1)] * 5,
            "ds": [dt.date(2024, 11, 1)] * 3 + [dt.date(2024, 12, 1)] * 2,
            "y": [100.0, 50.0, 200.0, 100.0, 100.0],
            "yhat_lower": [90.0, 60.0, 150.0, None, 0.0],
            "yhat_upper": [110.0, 90.0, 250.0, None, 10.0],
        }
    )
    table = fv.interval_table(rows)
    assert table.rows() == [
        # inside, below, inside; widths 0.2, 0.6, 0.5 -> median 0.5
        ("selected", 1, pytest.approx(2 / 3), pytest.approx(0.5), 3),
        ("prophet", 2, 0.0, pytest.approx(0.1), 1),  # the row without bounds is left out
    ]


def test_quarter_table_of_a_model_without_forecast_is_empty():
    forecasts = forecast_frame([("prophet", SIX_MONTHS[0], 1.0, 0.0, 2.0)])
    assert fv.quarter_table(forecasts, model_name="lightgbm").is_empty()


# --- summary -------------------------------------------------------------------------------


def _year_of_history(*, missing: dt.date | None = None) -> pl.DataFrame:
    # 2024-02 .. 2024-07: 100 a month; 2024-08 .. 2025-01: 200 a month
    values = {month(2024, m): 100.0 for m in range(2, 8)}
    values |= {month(2024, m): 200.0 for m in range(8, 13)} | {month(2025, 1): 200.0}
    if missing is not None:
        values.pop(missing)
    return history_frame(values)


def test_summary_compares_the_next_six_months_with_the_same_months_a_year_earlier():
    forecasts = forecast_frame(
        [("selected", d, 110.0, 90.0, 130.0) for d in SIX_MONTHS]
        + [("selected", month(2025, 8), 999.0, 999.0, 999.0)]
    )
    summary = fv.forecast_summary(_year_of_history(), forecasts, model_name="selected")
    assert summary is not None
    assert (summary.months, summary.start, summary.end) == (6, month(2025, 2), month(2025, 7))
    assert (summary.total, summary.lower, summary.upper) == (660.0, 540.0, 780.0)
    assert summary.base_total == 600.0
    assert summary.change_pct == pytest.approx(10.0)  # 660 / 600 - 1
    assert summary.change_lower_pct == pytest.approx(-10.0)  # 540 / 600 - 1
    assert summary.change_upper_pct == pytest.approx(30.0)  # 780 / 600 - 1
    # last 12 months: six at 100 and six at 200 -> mean 150; forecast mean 110
    assert (summary.recent_months, summary.recent_mean) == (12, 150.0)
    assert summary.vs_recent_pct == pytest.approx(100 * (110 / 150 - 1))  # -26.67


def test_summary_never_treats_an_unreported_month_as_zero():
    forecasts = forecast_frame([("selected", d, 110.0, 90.0, 130.0) for d in SIX_MONTHS])
    summary = fv.forecast_summary(
        _year_of_history(missing=month(2024, 3)), forecasts, model_name="selected"
    )
    assert summary is not None
    # a year-on-year base with a hole would be 500, not 600: no comparison instead
    assert summary.base_total is None and summary.change_pct is None
    # the recent mean is over the 11 reported months: (5*100 + 6*200) / 11
    assert summary.recent_months == 11
    assert summary.recent_mean == pytest.approx(1700 / 11)


def test_summary_uses_fewer_months_when_the_forecast_is_shorter_and_none_without_one():
    forecasts = forecast_frame([("lightgbm", d, 100.0, 50.0, 150.0) for d in SIX_MONTHS[:3]])
    summary = fv.forecast_summary(_year_of_history(), forecasts, model_name="lightgbm")
    assert summary is not None and summary.months == 3 and summary.total == 300.0
    assert summary.change_pct == pytest.approx(0.0)  # 2024-02..04: 3 x 100
    assert fv.forecast_summary(_year_of_history(), forecasts, model_name="prophet") is None


# --- leaderboard ---------------------------------------------------------------------------


def _metric_rows() -> pl.DataFrame:
    # (series, flow, model, pooled MASE); flow A has s1, s2, s3; flow B has s4
    table = {
        "s1": (
            "A",
            {
                "seasonal_naive": 1.0,
                "prophet": 0.8,
                "lightgbm": 0.6,
                "ensemble": 0.7,
                "selected": 0.7,
            },
        ),
        "s2": (
            "A",
            {
                "seasonal_naive": 1.0,
                "prophet": 1.2,
                "lightgbm": 0.9,
                "ensemble": 0.9,
                "selected": 0.9,
            },
        ),
        "s3": (
            "A",
            {
                "seasonal_naive": 1.0,
                "prophet": 0.5,
                "lightgbm": 1.1,
                "ensemble": 0.8,
                "selected": 1.1,
            },
        ),
        "s4": (
            "B",
            {
                "seasonal_naive": 2.0,
                "prophet": 3.0,
                "lightgbm": 1.0,
                "ensemble": 1.5,
                "selected": 1.0,
            },
        ),
    }
    rows = []
    for series_id, (flow, scores) in table.items():
        for model_name, mase in scores.items():
            for scope, shift in (("latest_cutoff", 0.0), ("all_cutoffs", 5.0)):
                rows.append(
                    (
                        series_id,
                        "Kia",
                        flow,
                        "market",
                        model_name,
                        None,
                        scope,
                        mase + shift,
                        10.0 * mase,
                        12.0,
                        0.75,
                    )
                )
                rows.append(
                    (series_id, "Kia", flow, "market", model_name, 1, scope, 99.0, 99.0, 99.0, 0.0)
                )  # per-horizon rows are not pooled
    return pl.DataFrame(
        rows,
        orient="row",
        schema={
            "series_id": pl.Utf8,
            "brand": pl.Utf8,
            "flow": pl.Utf8,
            "level": pl.Utf8,
            "model_name": pl.Utf8,
            "horizon": pl.Int64,
            "scope": pl.Utf8,
            "mase": pl.Float64,
            "smape": pl.Float64,
            "mape": pl.Float64,
            "coverage80": pl.Float64,
        },
    ).with_columns((pl.col("coverage80") + 0.5).alias("width80"))


def test_leaderboard_gives_median_pooled_mase_and_series_won_per_flow_and_overall():
    board = fv.leaderboard(_metric_rows(), scope="latest_cutoff")
    got = {
        (r["flow"], r["model_name"]): (r["series"], r["median_mase"], r["wins"])
        for r in board.to_dicts()
    }
    # flow A medians: naive 1.0; prophet (0.8, 1.2, 0.5) -> 0.8; lightgbm (0.6, 0.9, 1.1)
    # -> 0.9; ensemble (0.7, 0.9, 0.8) -> 0.8. Wins: s1 lightgbm, s2 ensemble (tied with
    # lightgbm: ensemble comes first in the CLI's tie order), s3 prophet.
    assert got[("A", "seasonal_naive")] == (3, 1.0, 0)
    assert got[("A", "prophet")] == (3, pytest.approx(0.8), 1)
    assert got[("A", "lightgbm")] == (3, pytest.approx(0.9), 1)
    assert got[("A", "ensemble")] == (3, pytest.approx(0.8), 1)
    assert got[("A", "selected")] == (3, pytest.approx(0.9), None)  # a copy: never wins
    assert got[("B", "lightgbm")] == (1, 1.0, 1)
    # all flows: lightgbm (0.6, 0.9, 1.1, 1.0) -> median 0.95, 2 wins (s1, s4)
    assert got[("all", "lightgbm")] == (4, pytest.approx(0.95), 2)
    assert got[("all", "prophet")] == (4, pytest.approx(1.0), 1)  # (0.5, 0.8, 1.2, 3.0)


def test_ties_are_broken_as_the_forecast_command_breaks_them():
    from analytics.forecast.pipeline import CANDIDATES

    assert fv.COMPETITORS == CANDIDATES


def test_leaderboard_share_of_series_beating_seasonal_naive_and_order():
    board = fv.leaderboard(_metric_rows(), scope="latest_cutoff")
    beats = {(r["flow"], r["model_name"]): r["beats_naive"] for r in board.to_dicts()}
    assert beats[("A", "prophet")] == pytest.approx(2 / 3)  # s1, s3
    assert beats[("all", "lightgbm")] == pytest.approx(3 / 4)  # s1, s2, s4
    assert beats[("all", "seasonal_naive")] == 0.0
    assert board.get_column("flow").to_list()[:5] == ["all"] * 5  # overall first
    assert board.get_column("model_name").to_list()[:5] == list(fv.MODELS)


def test_leaderboard_reads_only_the_requested_scope():
    board = fv.leaderboard(_metric_rows(), scope="all_cutoffs")
    row = board.filter((pl.col("flow") == "B") & (pl.col("model_name") == "lightgbm"))
    assert row.item(0, "median_mase") == 6.0  # 1.0 + 5.0 in the all-cutoffs rows
    assert fv.leaderboard(_metric_rows().clear(), scope="latest_cutoff").is_empty()


# --- metrics tables ------------------------------------------------------------------------


def test_metrics_table_orders_models_and_puts_the_pooled_row_first():
    table = fv.metrics_table(_metric_rows(), series_id="s4", scope="latest_cutoff")
    assert table.columns == [
        "model_name",
        "horizon",
        "mase",
        "smape",
        "mape",
        "coverage80",
        "width80",
    ]
    assert table.get_column("model_name").to_list() == [m for m in fv.MODELS for _ in (0, 1)]
    assert table.get_column("horizon").to_list()[:2] == [None, 1]
    pooled = fv.pooled_metrics(table)
    assert pooled.filter(pl.col("model_name") == "prophet").item(0, "mase") == 3.0
    wide = fv.horizon_table(table)
    assert wide.columns == ["model_name", "h1"]
    assert wide.get_column("h1").to_list() == [99.0] * 5


# --- picker --------------------------------------------------------------------------------


def _series() -> pl.DataFrame:
    rows = [
        ("k-tot", "Kia", "region_export", None, None, None, "total"),
        ("k-usa", "Kia", "region_export", "USA", None, None, "market"),
        ("k-dom-k5", "Kia", "domestic_sales", None, "K5", None, "model"),
        ("k-dom", "Kia", "domestic_sales", None, None, None, "total"),
        ("h-plant", "Hyundai", "overseas_plant_sales", "USA", None, "HMMA", "plant"),
        ("h-plant-cz", "Hyundai", "overseas_plant_sales", "Czech Republic", None, "HMMC", "plant"),
    ]
    return pl.DataFrame(
        rows,
        orient="row",
        schema={
            "series_id": pl.Utf8,
            "brand": pl.Utf8,
            "flow": pl.Utf8,
            "market": pl.Utf8,
            "model": pl.Utf8,
            "plant": pl.Utf8,
            "level": pl.Utf8,
        },
    )


def test_pick_series_defaults_to_region_export_total_of_the_first_brand_with_it():
    pick = fv.pick_series(_series(), brand="Kia")
    assert (pick.series_id, pick.problems) == ("k-tot", ())
    assert pick.flows == ("region_export", "domestic_sales")
    assert pick.markets == (None, "USA")
    assert pick.query() == {"brand": "Kia", "flow": "region_export"}


def test_pick_series_finds_models_and_plants_and_names_what_it_replaced():
    assert (
        fv.pick_series(_series(), brand="Kia", flow="domestic_sales", model="K5").series_id
        == "k-dom-k5"
    )
    plant = fv.pick_series(_series(), brand="Hyundai", market="Czech Republic", plant="HMMC")
    assert plant.series_id == "h-plant-cz" and plant.items == ((None, "HMMC"),)
    bad = fv.pick_series(
        _series(), brand="Toyota", flow="domestic_sales", market="Mars", model="Sorento"
    )
    # Toyota -> Hyundai, whose only flow is overseas-plant sales and first market Czech Rep.
    assert bad.series_id == "h-plant-cz"
    assert bad.problems == (
        ("brand", "Toyota"),
        ("flow", "domestic_sales"),
        ("market", "Mars"),
        ("model", "Sorento"),
    )
    assert fv.pick_series(_series().clear()) == fv.Pick()


@pytest.mark.parametrize(
    "model, plant", [(None, None), ("Santa Fe", None), (None, "HMMA"), ("A&B=C", "X")]
)
def test_item_value_round_trips(model, plant):
    assert fv.parse_item(fv.item_value(model, plant)) == (model, plant)


# --- chart data ----------------------------------------------------------------------------


def test_history_gets_null_for_unreported_months_never_zero():
    history = history_frame({month(2024, 1): 5.0, month(2024, 4): 7.0})
    grid = fv.history_with_gaps(history)
    assert grid.get_column("ds").to_list() == [month(2024, m) for m in range(1, 5)]
    assert grid.get_column("y").to_list() == [5.0, None, None, 7.0]


def test_chart_table_puts_actuals_each_model_and_the_band_side_by_side():
    history = history_frame({month(2025, 1): 100.0})
    forecasts = forecast_frame(
        [
            ("selected", month(2025, 2), 110.4, 90.0, 130.0),
            ("prophet", month(2025, 2), 120.0, 80.0, 160.0),
        ]
    )
    table = fv.chart_table(history, forecasts, band_model="prophet")
    assert table.columns == ["month", "y", "selected", "prophet", "lower", "upper"]
    assert table.rows() == [
        ("2025-01", 100, None, None, None, None),
        ("2025-02", None, 110, 120, 80, 160),
    ]


def test_models_of_lists_display_order_then_unknown_models():
    forecasts = forecast_frame(
        [(m, month(2025, 2), 1.0, 0.0, 2.0) for m in ("theta", "prophet", "selected")]
    )
    assert fv.models_of(forecasts) == ["selected", "prophet", "theta"]


def test_interval_goal_table_says_how_sure_each_coverage_is():
    def rows(series: str, cutoff: dt.date, ahead: int, inside: list[bool]) -> pl.DataFrame:
        ds = dt.date(
            cutoff.year + (cutoff.month - 1 + ahead) // 12, (cutoff.month - 1 + ahead) % 12 + 1, 1
        )
        return pl.DataFrame(
            {
                "series_id": series,
                "model_name": "selected",
                "cutoff": cutoff,
                "ds": ds,
                "y": 100.0,
                "yhat_lower": [60.0 if hit else 110.0 for hit in inside],
                "yhat_upper": [140.0 if hit else 150.0 for hit in inside],
            }
        )

    jan, apr = dt.date(2024, 1, 1), dt.date(2024, 4, 1)
    backtest = pl.concat(
        [
            # 1 month ahead: 8 of 10 inside, over two cutoffs and two series
            rows("a", jan, 1, [True] * 4 + [False]),
            rows("b", apr, 1, [True] * 4 + [False]),
            # 2 months ahead: 40 of 40 inside, one series
            rows("a", jan, 2, [True] * 40),
        ]
    )
    table = fv.interval_goal_table(backtest, models=("selected",))
    h1, h2 = table.iter_rows(named=True)
    # Wilson 95% of 8/10: (0.8 + z^2/20) / (1 + z^2/10) -/+ z sqrt(0.016 + z^2/400) / (1 + z^2/10)
    assert (h1["covered"], h1["months"], h1["cutoffs"], h1["series"]) == (8, 10, 2, 2)
    assert (h1["coverage_low"], h1["coverage_high"]) == (
        pytest.approx(0.4902, abs=1e-4),
        pytest.approx(0.9433, abs=1e-4),
    )
    assert h1["width80"] == pytest.approx(0.8) and h1["meets"] and h1["coverage_goal_in_reach"]
    # 40/40 covers too much, and by more than chance: the Wilson interval starts at 0.91
    assert (h2["coverage80"], h2["meets"], h2["coverage_goal_in_reach"]) == (1.0, False, False)
    assert h2["coverage_low"] == pytest.approx(0.9124, abs=1e-4)
