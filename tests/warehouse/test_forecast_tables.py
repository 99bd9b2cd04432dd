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
