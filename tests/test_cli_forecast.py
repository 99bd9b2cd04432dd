"""`carsight forecast` as a user runs it on a copy of the reference warehouse: a real run in a
subprocess (slow), refusals in process."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import duckdb
import numpy as np
import polars as pl
import pytest

from analytics.forecast.metrics import coverage, mape, mase, smape
from analytics.forecast.naive import monthly_grid
from tests.cli_support import CliResult, invoke_carsight, run_carsight

USA = "Kia|region_export|market=USA|model=|plant="


def forecast(db: Path, *args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return run_carsight("forecast", *args, "--db", str(db), tmp_path=tmp_path, timeout=600)


def _frame(con: duckdb.DuckDBPyConnection, query: str) -> pl.DataFrame:
    return pl.from_arrow(con.sql(query).fetch_arrow_table())  # type: ignore[return-value]


@pytest.mark.slow
def test_a_filtered_run_fills_the_tables_and_the_backtest_recomputes_every_metric(
    reference_db: Path, tmp_path: Path
):
    db = tmp_path / "warehouse.duckdb"
    shutil.copyfile(reference_db, db)
    out = forecast(
        db,
        "--series-filter",
        "kia|region_export|market=usa|",
        "--horizon",
        "6",
        "--workers",
        "1",
        "--quiet",
        tmp_path=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    assert "region_export" in out.stdout and "median MASE" in out.stdout

    con = duckdb.connect(str(db), read_only=True)
    try:
        runs = _frame(con, "select * from forecast_runs")
        series = _frame(con, "select * from forecast_series")
        forecasts = _frame(con, "select * from forecasts")
        backtest = _frame(con, "select * from forecast_backtest")
        metrics = _frame(con, "select * from forecast_metrics")
        history = _frame(
            con,
            "select make_date(year, month, 1) as ds, sum(units)::double as y "
            "from fact_sales where brand = 'Kia' and flow = 'region_export' "
            "and market = 'USA' group by all",
        )
    finally:
        con.close()
    assert runs["n_series"].to_list() == [1] and runs["horizon"].to_list() == [6]
    assert series["series_id"].to_list() == [USA]
    assert forecasts.group_by("model_name").len().sort("model_name")["len"].to_list() == [6] * 5
    assert runs["run_id"][0] == forecasts["run_id"][0] == metrics["run_id"][0]

    insample = monthly_grid(history)["y"].fill_null(float("nan")).to_numpy()
    horizon = backtest.with_columns(
        (
            (pl.col("ds").dt.year() - pl.col("cutoff").dt.year()) * 12
            + pl.col("ds").dt.month().cast(pl.Int32)
            - pl.col("cutoff").dt.month().cast(pl.Int32)
        ).alias("h")
    )
    for row in metrics.filter(pl.col("scope") == "all_cutoffs").iter_rows(named=True):
        rows = horizon.filter(pl.col("model_name") == row["model_name"])
        if row["horizon"] is not None:
            rows = rows.filter(pl.col("h") == row["horizon"])
        y, yhat = rows["y"].to_numpy(), rows["yhat"].to_numpy()
        assert row["mase"] == pytest.approx(mase(y, yhat, insample=insample))
        assert row["smape"] == pytest.approx(smape(y, yhat))
        assert row["mape"] == pytest.approx(mape(y, yhat))
        assert row["coverage80"] == pytest.approx(
            coverage(y, rows["yhat_lower"].to_numpy(), rows["yhat_upper"].to_numpy())
        )
    assert np.isfinite(metrics["mase"].drop_nulls().to_numpy()).all()


def refused(db: Path, *args: str, tmp_path: Path) -> CliResult:
    return invoke_carsight("forecast", *args, "--db", str(db), tmp_path=tmp_path)


def test_a_filter_matching_no_series_is_refused_on_one_line(reference_db: Path, tmp_path: Path):
    db = tmp_path / "warehouse.duckdb"
    shutil.copyfile(reference_db, db)
    out = refused(db, "--series-filter", "no such series", "--quiet", tmp_path=tmp_path)
    assert out.returncode == 2
    assert out.stderr.startswith("error: no series matching 'no such series'")
    assert out.stderr.count("\n") == 1


def test_a_missing_warehouse_is_refused(tmp_path: Path):
    out = refused(tmp_path / "absent.duckdb", "--quiet", tmp_path=tmp_path)
    assert out.returncode == 2
    assert "the warehouse file does not exist" in out.stderr
    assert "carsight build" in out.stderr
