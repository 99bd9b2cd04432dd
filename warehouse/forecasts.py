"""Warehouse tables written by `carsight forecast` (see analytics/forecast/pipeline.py).

forecast_runs, forecast_series, forecasts, forecast_backtest and forecast_metrics
are written through `warehouse.build.write_forecasts` (copy the warehouse,
replace the tables, swap the copy in atomically). Each run replaces the rows of
the previous one, so the tables always hold exactly one run (or none). A
rebuild or ingest carries them over unchanged (`carry_over`): they always
exist, empty until the first `carsight forecast`. Table names come only from
FORECAST_TABLES.

Reading for the forecast page: tiny getters (`load_runs`, `load_series`, ...),
one SQL file each (warehouse/sql/marts/forecast_*.sql), memoised per warehouse
file (`Warehouse.identity`: path + inode) and arguments, so a new run (written by
swapping in a new file) is never served from stale entries. A run's forecasts
and backtests and the monthly facts are read once, whole (tens of thousands of
rows), and each series is cut from them in memory: a series the user has not
opened yet costs a filter, not a query. Before the first `carsight forecast`
the tables do not exist: every getter then returns an empty frame with the
documented columns, and the page shows how to create them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from threading import Lock
from typing import Any

import duckdb
import polars as pl
from cachetools import LRUCache

from warehouse import sql
from warehouse.connection import Warehouse, open_read_only, query_frame
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


# --- reading a stored run (the forecast page, reports) --------------------------------------

RUN_SCHEMA: dict[str, Any] = {
    "run_id": pl.Utf8, "started_at": pl.Datetime("us"), "finished_at": pl.Datetime("us"),
    "horizon": pl.Int64, "series_filter": pl.Utf8, "n_series": pl.Int64,
    "seconds": pl.Float64, "source": pl.Utf8,
}  # fmt: skip
SERIES_SCHEMA: dict[str, Any] = {
    "series_id": pl.Utf8, "brand": pl.Utf8, "flow": pl.Utf8, "market": pl.Utf8,
    "model": pl.Utf8, "plant": pl.Utf8, "level": pl.Utf8, "n_months": pl.Int64,
    "first_ds": pl.Date, "last_ds": pl.Date, "chosen_model": pl.Utf8, "selection_rule": pl.Utf8,
    "backtest_horizon": pl.Int64,
}  # fmt: skip
FORECAST_SCHEMA: dict[str, Any] = {
    "model_name": pl.Utf8, "ds": pl.Date, "yhat": pl.Float64, "yhat_lower": pl.Float64,
    "yhat_upper": pl.Float64, "bottom_up_yhat": pl.Float64,
}  # fmt: skip
BACKTEST_SCHEMA: dict[str, Any] = {
    "model_name": pl.Utf8, "cutoff": pl.Date, "ds": pl.Date, "y": pl.Float64,
    "yhat": pl.Float64, "yhat_lower": pl.Float64, "yhat_upper": pl.Float64,
}  # fmt: skip
METRICS_SCHEMA: dict[str, Any] = {
    "series_id": pl.Utf8, "brand": pl.Utf8, "flow": pl.Utf8, "level": pl.Utf8,
    "model_name": pl.Utf8, "horizon": pl.Int64, "scope": pl.Utf8, "mase": pl.Float64,
    "smape": pl.Float64, "mape": pl.Float64, "coverage80": pl.Float64, "width80": pl.Float64,
    "median_abs_error": pl.Float64, "scored_months": pl.Int64, "interval_months": pl.Int64,
}  # fmt: skip
HISTORY_SCHEMA: dict[str, Any] = {"ds": pl.Date, "y": pl.Float64}
PARTS_SCHEMA: dict[str, Any] = {
    "brand": pl.Utf8, "flow": pl.Utf8, "market": pl.Utf8, "model": pl.Utf8, "plant": pl.Utf8,
    "ds": pl.Date, "y": pl.Float64,
}  # fmt: skip

_CACHE: LRUCache = LRUCache(maxsize=1024)  # ~3 small frames per series viewed
_LOCK = Lock()


def _read(
    warehouse: Warehouse, name: str, schema: dict[str, Any], params: dict[str, Any] | None = None
) -> pl.DataFrame:
    """Rows of sql/marts/`name`.sql cast to `schema`; empty when the tables are missing.

    A column of `schema` the stored run lacks (a run written before the column existed,
    e.g. forecast_metrics.width80) is null, so an older warehouse still opens.
    """
    try:
        frame = warehouse.frame(sql.load(f"marts/{name}"), params)
    except duckdb.CatalogException:  # no `carsight forecast` run has written the tables yet
        return pl.DataFrame(schema=schema)
    frame = frame.with_columns(
        pl.lit(None, dtype=dtype).alias(column)
        for column, dtype in schema.items()
        if column not in frame.columns
    )
    return frame.select(list(schema)).cast(schema)  # type: ignore[arg-type]


def _cached(warehouse: Warehouse, key: Hashable, load: Callable[[], pl.DataFrame]) -> pl.DataFrame:
    full_key = (warehouse.identity(), key)
    with _LOCK:
        if full_key in _CACHE:
            return _CACHE[full_key]  # type: ignore[no-any-return]
    frame = load()
    with _LOCK:
        _CACHE[full_key] = frame
    return frame


def clear_cache() -> None:
    """Forget every memoised frame (benchmarks measure cold calls with it)."""
    with _LOCK:
        _CACHE.clear()


def load_runs(warehouse: Warehouse) -> pl.DataFrame:
    """Every stored forecast run, newest first (columns: RUN_SCHEMA; seconds in s)."""
    return _cached(warehouse, "runs", lambda: _read(warehouse, "forecast_runs", RUN_SCHEMA))


def load_series(warehouse: Warehouse, *, run_id: str) -> pl.DataFrame:
    """The series of run `run_id` (columns: SERIES_SCHEMA; n_months in months)."""
    return _cached(
        warehouse,
        ("series", run_id),
        lambda: _read(warehouse, "forecast_series", SERIES_SCHEMA, {"run_id": run_id}),
    )


def _run_frame(
    warehouse: Warehouse, name: str, schema: dict[str, Any], run_id: str
) -> pl.DataFrame:
    return _cached(
        warehouse,
        (name, run_id),
        lambda: _read(warehouse, name, {"series_id": pl.Utf8, **schema}, {"run_id": run_id}),
    )


def _of_series(frame: pl.DataFrame, series_id: str, schema: dict[str, Any]) -> pl.DataFrame:
    return frame.filter(pl.col("series_id") == series_id).select(list(schema))


def load_forecasts(warehouse: Warehouse, *, run_id: str, series_id: str) -> pl.DataFrame:
    """Future forecasts of one series, every model (yhat and bounds in vehicles/month)."""
    return _cached(
        warehouse,
        ("forecasts", run_id, series_id),
        lambda: _of_series(
            _run_frame(warehouse, "forecast_forecasts", FORECAST_SCHEMA, run_id),
            series_id,
            FORECAST_SCHEMA,
        ),
    )


def load_backtest(warehouse: Warehouse, *, run_id: str, series_id: str) -> pl.DataFrame:
    """Backtest forecasts and actuals of one series, every model and cutoff (vehicles/month)."""
    return _cached(
        warehouse,
        ("backtest", run_id, series_id),
        lambda: _of_series(
            _run_frame(warehouse, "forecast_backtest", BACKTEST_SCHEMA, run_id),
            series_id,
            BACKTEST_SCHEMA,
        ),
    )


def load_metrics(warehouse: Warehouse, *, run_id: str) -> pl.DataFrame:
    """Backtest metrics of every series and model of the run (see forecast_metrics.sql)."""
    return _cached(
        warehouse,
        ("metrics", run_id),
        lambda: _read(warehouse, "forecast_metrics", METRICS_SCHEMA, {"run_id": run_id}),
    )


def load_history(
    warehouse: Warehouse,
    *,
    brand: str,
    flow: str,
    market: str | None,
    model: str | None,
    plant: str | None,
) -> pl.DataFrame:
    """Monthly actuals of a series (ds: first of month, y: vehicles); unreported months
    are absent. A None market, model or plant means summed over every value."""

    def load() -> pl.DataFrame:
        parts = _cached(
            warehouse, "parts", lambda: _read(warehouse, "forecast_history", PARTS_SCHEMA)
        )
        keys = {"market": market, "model": model, "plant": plant}
        return (
            parts.lazy()
            .filter(
                pl.col("brand") == brand,
                pl.col("flow") == flow,
                *[pl.col(k) == v for k, v in keys.items() if v is not None],
            )
            .group_by("ds")
            .agg(pl.col("y").sum())
            .sort("ds")
            .collect()
        )

    return _cached(warehouse, ("history", brand, flow, market, model, plant), load)
