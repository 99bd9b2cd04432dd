"""Forecast tables: always present, replaced through the safe write path, carried by ingest."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from warehouse.build import ingest, write_forecasts
from warehouse.errors import FileRefused
from warehouse.forecasts import FORECAST_TABLES, SCHEMAS


def _count(db: Path, table: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.sql(f"select count(*) from {table}").fetchall()[0][0])
    finally:
        con.close()


def _run(run_id: str) -> dict[str, pl.DataFrame]:
    now = dt.datetime(2026, 1, 1, 3, 0)
    return {
        "forecast_runs": pl.DataFrame(
            {
                "run_id": [run_id],
                "started_at": [now],
                "finished_at": [now],
                "horizon": [6],
                "series_filter": [None],
                "n_series": [1],
                "seconds": [1.5],
                "source": ["x"],
            }
        ),
        "forecasts": pl.DataFrame(
            {
                "run_id": [run_id] * 2,
                "series_id": ["Kia|region_export|market=USA|model=|plant="] * 2,
                "brand": ["Kia"] * 2,
                "flow": ["region_export"] * 2,
                "market": ["USA"] * 2,
                "model": [None, None],
                "ds": [dt.date(2025, 2, 1), dt.date(2025, 3, 1)],
                "model_name": ["prophet"] * 2,
                "yhat": [1.0, 2.0],
                "yhat_lower": [0.5, 1.0],
                "yhat_upper": [2.0, 3.0],
                "bottom_up_yhat": [None, None],
            }
        ),
    }


@pytest.fixture()
def db(reference_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "warehouse.duckdb"
    shutil.copyfile(reference_db, copy)
    return copy


def test_a_fresh_build_has_every_forecast_table_empty(reference_db: Path):
    for table in FORECAST_TABLES:
        assert _count(reference_db, table) == 0
    assert list(SCHEMAS) == list(FORECAST_TABLES)


def test_each_write_replaces_the_previous_run(db: Path):
    assert write_forecasts(db, _run("a"))["forecasts"] == 2
    counts = write_forecasts(db, _run("b"))
    assert counts == {
        "forecast_runs": 1,
        "forecast_series": 0,
        "forecasts": 2,
        "forecast_backtest": 0,
        "forecast_metrics": 0,
    }
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.sql("select distinct run_id from forecasts").fetchall() == [("b",)]
    finally:
        con.close()


def test_unknown_tables_and_missing_warehouses_are_refused(db: Path, tmp_path: Path):
    with pytest.raises(ValueError, match="not a forecast table"):
        write_forecasts(db, {"fact_sales": pl.DataFrame()})
    with pytest.raises(FileRefused, match="no warehouse"):
        write_forecasts(tmp_path / "absent.duckdb", _run("a"))


@pytest.mark.slow
def test_ingest_carries_the_forecast_tables_over(db: Path, shared_data: Path):
    write_forecasts(db, _run("kept"))
    already_loaded = sorted(shared_data.rglob("*.csv"))[0]
    ingest([already_loaded], db)
    assert _count(db, "forecasts") == 2
    assert _count(db, "forecast_runs") == 1


OLD_COLUMNS = {
    # forecast tables as runs before issue 14 stored them: no interval width, typical
    # error, month counts, selection rule or backtest horizon
    "forecast_series": "run_id varchar, series_id varchar, brand varchar, flow varchar, "
    "market varchar, model varchar, plant varchar, level varchar, n_months integer, "
    "first_ds date, last_ds date, chosen_model varchar",
    "forecast_metrics": "run_id varchar, series_id varchar, model_name varchar, "
    "horizon smallint, mase double, smape double, mape double, coverage80 double, "
    "scope varchar",
}


@pytest.mark.slow
def test_a_run_stored_before_the_interval_columns_still_reads_and_carries_over(
    db: Path, shared_data: Path
):
    from warehouse import forecasts
    from warehouse.connection import Warehouse

    write_forecasts(db, _run("old"))
    con = duckdb.connect(str(db))
    try:
        for table, columns in OLD_COLUMNS.items():
            con.execute(f"drop table {table}")
            con.execute(f"create table {table} ({columns})")
        sid = "Kia|region_export|market=USA|model=|plant="
        con.execute(
            "insert into forecast_series values ('old', ?, 'Kia', 'region_export', 'USA', "
            "null, null, 'market', 49, '2021-01-01', '2025-01-01', 'lightgbm')",
            [sid],
        )
        con.execute(
            "insert into forecast_metrics values ('old', ?, 'lightgbm', 1, 0.7, 20.0, 21.0, "
            "0.75, 'all_cutoffs')",
            [sid],
        )
    finally:
        con.close()
    forecasts.clear_cache()
    warehouse = Warehouse(db)
    series = forecasts.load_series(warehouse, run_id="old")
    assert series["chosen_model"].to_list() == ["lightgbm"]
    assert series["backtest_horizon"].to_list() == [None]  # unknown, so nothing is marked
    metrics = forecasts.load_metrics(warehouse, run_id="old")
    assert metrics["coverage80"].to_list() == [0.75]
    assert metrics["width80"].to_list() == [None]
    # a rebuild recreates the tables with every column and keeps the old rows
    already_loaded = sorted(shared_data.rglob("*.csv"))[0]
    ingest([already_loaded], db)
    assert _count(db, "forecast_metrics") == 1
    check = duckdb.connect(str(db), read_only=True)
    try:
        assert check.sql("select width80 from forecast_metrics").fetchall() == [(None,)]
        assert check.sql("select selection_rule from forecast_series").fetchall() == [(None,)]
    finally:
        check.close()
