"""Warehouse tables written by `carsight forecast` (see analytics/forecast/pipeline.py).

forecast_runs, forecast_series, forecasts, forecast_backtest and forecast_metrics
are written through `warehouse.build.write_forecasts` (copy the warehouse,
replace the tables, swap the copy in atomically). Each run replaces the rows of
the previous one, so the tables always hold exactly one run (or none). A
rebuild or ingest carries them over unchanged (`carry_over`): they always
exist, empty until the first `carsight forecast`. Table names come only from
FORECAST_TABLES.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from warehouse import sql
from warehouse.connection import open_read_only, query_frame
from warehouse.trained import conform_to, insert_frame, read_tables, recreate_tables

FORECAST_TABLES: tuple[str, ...] = (
    "forecast_runs",
    "forecast_series",
    "forecasts",
    "forecast_backtest",
    "forecast_metrics",
)
SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "forecast_runs": {
        "run_id": pl.Utf8(), "started_at": pl.Datetime("us"), "finished_at": pl.Datetime("us"),
        "horizon": pl.Int16(), "series_filter": pl.Utf8(), "n_series": pl.Int32(),
        "seconds": pl.Float64(), "source": pl.Utf8(),
    },
    "forecast_series": {
        "run_id": pl.Utf8(), "series_id": pl.Utf8(), "brand": pl.Utf8(), "flow": pl.Utf8(),
        "market": pl.Utf8(), "model": pl.Utf8(), "plant": pl.Utf8(), "level": pl.Utf8(),
        "n_months": pl.Int32(), "first_ds": pl.Date(), "last_ds": pl.Date(),
        "chosen_model": pl.Utf8(), "selection_rule": pl.Utf8(), "backtest_horizon": pl.Int16(),
    },
    "forecasts": {
        "run_id": pl.Utf8(), "series_id": pl.Utf8(), "brand": pl.Utf8(), "flow": pl.Utf8(),
        "market": pl.Utf8(), "model": pl.Utf8(), "ds": pl.Date(), "model_name": pl.Utf8(),
        "yhat": pl.Float64(), "yhat_lower": pl.Float64(), "yhat_upper": pl.Float64(),
        "bottom_up_yhat": pl.Float64(),
    },
    "forecast_backtest": {
        "run_id": pl.Utf8(), "series_id": pl.Utf8(), "model_name": pl.Utf8(),
        "cutoff": pl.Date(), "ds": pl.Date(), "y": pl.Float64(), "yhat": pl.Float64(),
        "yhat_lower": pl.Float64(), "yhat_upper": pl.Float64(),
    },
    "forecast_metrics": {
        "run_id": pl.Utf8(), "series_id": pl.Utf8(), "model_name": pl.Utf8(),
        "horizon": pl.Int16(), "mase": pl.Float64(), "smape": pl.Float64(),
        "mape": pl.Float64(), "coverage80": pl.Float64(), "scope": pl.Utf8(),
        "width80": pl.Float64(), "median_abs_error": pl.Float64(), "scored_months": pl.Int32(),
        "interval_months": pl.Int32(),
    },
}  # fmt: skip


def _check(name: str) -> str:
    if name not in FORECAST_TABLES:
        raise ValueError(f"{name!r} is not a forecast table; valid: {', '.join(FORECAST_TABLES)}")
    return name


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create every forecast table, empty, from its DDL."""
    recreate_tables(con, FORECAST_TABLES)


def _insert(
    con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame, *, older: bool = False
) -> int:
    """Insert `frame` into forecast table `name`; with `older` (a run stored before a
    column existed) the missing columns are null rather than refused."""
    if frame.height == 0:
        return 0
    if older:
        frame = frame.with_columns(
            pl.lit(None, dtype=dtype).alias(column)
            for column, dtype in SCHEMAS[name].items()
            if column not in frame.columns
        )
    insert_frame(con, _check(name), conform_to(SCHEMAS[name], name, frame))
    return frame.height


def replace_tables(
    con: duckdb.DuckDBPyConnection, tables: dict[str, pl.DataFrame]
) -> dict[str, int]:
    """Replace every forecast table by the given frames (a missing frame leaves it empty).

    Returns rows written per table.
    """
    for name in tables:
        _check(name)
    create_tables(con)
    return {name: _insert(con, name, tables.get(name, pl.DataFrame())) for name in FORECAST_TABLES}


def read_forecasts(db_path: Path) -> dict[str, pl.DataFrame]:
    """The forecast tables of the warehouse at `db_path` ({} when none or unreadable)."""
    return read_tables(db_path, FORECAST_TABLES)


def carry_over(con: duckdb.DuckDBPyConnection, previous: dict[str, pl.DataFrame]) -> dict[str, int]:
    """Create the forecast tables in a new warehouse and re-insert the previous run's rows.

    Rows are kept as they were: a run's `forecast_runs.finished_at` tells how
    old it is; `carsight forecast` refreshes them. Columns added since that run
    was stored are null. Returns rows kept per table.
    """
    create_tables(con)
    return {
        name: _insert(con, name, frame, older=True)
        for name, frame in previous.items()
        if name in FORECAST_TABLES
    }


def load_forecast_input(db_path: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Monthly facts and market attributes for forecasting (sql/build/forecast_input*.sql).

    Returns (facts, markets): facts has brand, flow, market, region, model,
    vehicle_type, powertrain, plant, ds (Date, first of month) and units
    (vehicles) summed per group and month, reported months only; markets has
    market, climate_zone and gdp_trillion_usd.
    """
    con = open_read_only(db_path)
    try:
        return (
            query_frame(con, sql.load("build/forecast_input")),
            query_frame(con, sql.load("build/forecast_input_markets")),
        )
    finally:
        con.close()
