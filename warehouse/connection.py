"""Read-only access to the warehouse: a connection per file identity, a cursor per read.

The app and analysts only read: the file is opened with `read_only=True`, so
a reader never blocks a rebuild (which writes a new file and renames it over
the old one) and never takes a write lock.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


FileIdentity = tuple[str, int]


def file_identity(path: Path) -> FileIdentity:
    """The warehouse file currently at `path`: path and inode (-1 when it is missing).

    A rebuild renames a new file over the old one, so the inode names the file a
    reader sees; caches key on it so a rebuilt warehouse is never served stale.
    Which *data* a file holds is its data version (`warehouse.meta`); a file's
    identity changes with every swap, its data version with every build or ingest.
    """
    return str(path), path.stat().st_ino if path.is_file() else -1


@dataclass(eq=False)
class _Opened:
    """One opened warehouse file and the number of reads using it right now."""

    identity: FileIdentity
    con: duckdb.DuckDBPyConnection
    users: int = 0
    replaced: bool = False


class Warehouse:
    """The app's read-only warehouse: one connection per file identity, shared by the
    requests that read it.

    Each read leases the connection of the newest file (opening it on first use),
    reads through its own cursor, and gives it back. When a rebuild swaps in a new
    file, new reads go to a new connection; the old one is closed only when the last
    read using it is done, so no request ever sees its connection closed under it.
    If the new file cannot be opened yet (an analyst holds it read-write), reads keep
    using the file already open.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._newest: _Opened | None = None

    def identity(self) -> FileIdentity:
        """The file reads are served from now: the file on disk, or the one still open
        while the file on disk cannot be opened. Raises FileRefused when there is
        neither."""
        opened = self._acquire()
        self._release(opened)
        return opened.identity

    def _acquire(self) -> _Opened:
        identity = file_identity(self.path)
        with self._lock:
            newest = self._newest
            if newest is None or newest.identity != identity:
                try:
                    if identity[1] == -1:
                        raise _missing(self.path)
                    con = open_read_only(self.path)
                except (FileRefused, duckdb.IOException) as exc:
                    if newest is None:
                        raise _unreadable(self.path, exc) from exc
                    # keep serving the file already open (see the class doc)
                else:
                    if newest is not None:
                        newest.replaced = True
                        if newest.users == 0:
                            newest.con.close()
                    newest = self._newest = _Opened(identity, con)
            newest.users += 1
            return newest

    def _release(self, opened: _Opened) -> None:
        with self._lock:
            opened.users -= 1
            if opened.replaced and opened.users == 0:
                opened.con.close()

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the newest file, for the `with` block only."""
        opened = self._acquire()
        try:
            with self._lock:  # cursors are made one at a time from the shared connection
                cursor = opened.con.cursor()
            try:
                cursor.execute("use wh")  # each cursor starts in the in-memory catalog
                yield cursor
            finally:
                cursor.close()
        finally:
            self._release(opened)

    def frame(self, query: str, params: list[Any] | dict[str, Any] | None = None) -> pl.DataFrame:
        with self.read() as cursor:
            return query_frame(cursor, query, params)

    def close(self) -> None:
        """Close the connection once no read uses it (the app is shutting down)."""
        with self._lock:
            newest, self._newest = self._newest, None
            if newest is not None:
                newest.replaced = True
                if newest.users == 0:
                    newest.con.close()


def _missing(path: Path) -> FileRefused:
    return FileRefused(path, "the warehouse file does not exist", hint="Run `carsight build`.")


def _unreadable(path: Path, exc: Exception) -> FileRefused:
    if isinstance(exc, FileRefused):
        return exc
    if "lock" in str(exc).lower():
        return FileRefused(
            path,
            "the warehouse file is locked by another process that opened it read-write "
            f"({str(exc).splitlines()[0]})",
            hint="Close that session or reopen it with `duckdb -readonly`; "
            "the app reads the file again on the next request.",
        )
    return FileRefused(path, f"the warehouse file cannot be opened ({exc})")


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
