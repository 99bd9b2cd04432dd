"""Read-only access to the warehouse, with one cursor per thread.

The app and analysts only read: the file is opened with `read_only=True`, so
a reader never blocks a rebuild (which writes a new file and renames it over
the old one) and never takes a write lock.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from warehouse.errors import FileRefused


def query_frame(con: duckdb.DuckDBPyConnection, query: str,
                params: list[Any] | dict[str, Any] | None = None) -> pl.DataFrame:
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
        raise FileRefused(path, "the warehouse file does not exist",
                          hint="Run `carsight build` to create it.")
    con = duckdb.connect()
    con.execute("attach ? as wh (read_only)", [str(path)])
    con.execute("use wh")
    return con


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
            raise FileRefused(self.path, "the warehouse file does not exist",
                              hint="Run `carsight build` to create it.")
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

    def frame(self, query: str, params: list[Any] | dict[str, Any] | None = None
              ) -> pl.DataFrame:
        return query_frame(self.cursor(), query, params)

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None
