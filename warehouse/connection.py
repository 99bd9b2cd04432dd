"""Read-only access to the warehouse, with one cursor per thread.

The app and analysts only read: the file is opened with `read_only=True`, so
a reader never blocks a rebuild (which writes a new file and renames it over
the old one) and never takes a write lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import polars as pl

from warehouse.errors import FileRefused


def query_frame(
    con: duckdb.DuckDBPyConnection, query: str, params: list[Any] | dict[str, Any] | None = None
) -> pl.DataFrame:
    """Run `query` with bound parameters and return a Polars frame."""
    if params:
        return con.sql(query, params=params).pl()
    return con.sql(query).pl()


def open_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file read-only, always seeing the file currently at `path`.

    `duckdb.connect(path)` reuses an instance already open for that path in this
    process, which after a rebuild's rename still shows the replaced file. An
    in-memory connection that ATTACHes the file gets a fresh instance every time.
    """
    if not Path(path).is_file():
        raise FileRefused(
            path, "the warehouse file does not exist", hint="Run `carsight build` to create it."
        )
    con = duckdb.connect()
    con.execute("attach ? as wh (read_only)", [str(path)])
    con.execute("use wh")
    return con


T = TypeVar("T")


class BoundedMemo:
    """A small thread-safe memo that drops its oldest entry beyond `limit` entries.

    Server-side caches of the app (sales frames, competitor frames, dealer
    frames, loaded models) share it; callers put `file_key(warehouse)` in the
    key so a rebuilt warehouse (a new file) is never served from stale entries.
    A `load` that raises is not cached.
    """

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._data: dict[Hashable, Any] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, load: Callable[[], T]) -> T:
        with self._lock:
            if key in self._data:
                return self._data[key]  # type: ignore[no-any-return]
        value = load()
        with self._lock:
            if key not in self._data and len(self._data) >= self._limit:
                self._data.pop(next(iter(self._data)))
            self._data[key] = value
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


def file_key(warehouse: Warehouse) -> tuple[str, int]:
    """The warehouse file currently on disk: path and inode (-1 when it is missing)."""
    path = warehouse.path
    return str(path), path.stat().st_ino if path.is_file() else -1


class Warehouse:
    """Lazily opened read-only warehouse; `cursor()` gives the calling thread its own cursor.

    When the file on disk is replaced by a rebuild, the next `cursor()` call
    notices (inode change) and reopens, so readers see the new warehouse.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._inode: int | None = None
        self._local = threading.local()

    def _connect(self) -> duckdb.DuckDBPyConnection:
        if not self.path.is_file():
            raise FileRefused(
                self.path,
                "the warehouse file does not exist",
                hint="Run `carsight build` to create it.",
            )
        inode = self.path.stat().st_ino
        with self._lock:
            if self._con is None or inode != self._inode:
                if self._con is not None:
                    self._con.close()
                self._con = open_read_only(self.path)
                self._inode = inode
            return self._con

    def cursor(self) -> duckdb.DuckDBPyConnection:
        con = self._connect()
        local = self._local
        if getattr(local, "parent", None) is not con:
            local.cursor = con.cursor()
            local.cursor.execute("use wh")  # each cursor starts in the in-memory catalog
            local.parent = con
        return local.cursor  # type: ignore[no-any-return]

    def frame(self, query: str, params: list[Any] | dict[str, Any] | None = None) -> pl.DataFrame:
        return query_frame(self.cursor(), query, params)

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None


def query_frames(
    query: str, params: list[Any] | dict[str, Any] | None = None, **tables: pl.DataFrame
) -> pl.DataFrame:
    """Run `query` in a fresh in-memory DuckDB where each frame in `tables` is a
    relation under its keyword name: the warehouse's SQL over data already in memory."""
    con = duckdb.connect()
    try:
        for name, frame in tables.items():
            con.register(name, frame)
        return query_frame(con, query, params)
    finally:
        con.close()
