"""The data version: which data a warehouse file holds, and what derived results came from.

Every build and ingest stamps a new `data_version` in the one-row table
`warehouse_meta`. `carsight train` and `carsight forecast` read the version
before their data and pass it to `warehouse.build.write_trained` /
`write_forecasts`, which refuse (`DataChanged`) when the warehouse holds
another version by the time they write: results of old data are never
written onto new data. The table also records which data version the trained
tables and the forecasts were computed from, so the app shows them only while
they match the current data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Mapping
from pathlib import Path

import duckdb

from warehouse import sql
from warehouse.connection import Warehouse, open_read_only, query_frame
from warehouse.errors import FileRefused

DERIVED = ("trained", "forecast")  # kinds of derived results that record their data version


class DataChanged(FileRefused):
    """The warehouse holds other data than a derived result was computed from."""


def fingerprint(entries: list[dict[str, object]]) -> str:
    """sha256 over the loaded files' digests, formats, brands and years, in a stable order."""
    lines = sorted(
        f"{e.get('sha256')}|{e.get('format')}|{e.get('brand')}|{e.get('year')}"
        for e in entries
        if e.get("status") == "loaded"
    )
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def stamp(
    con: duckdb.DuckDBPyConnection,
    *,
    fingerprint: str,
    command: str,
    previous: dict[str, str | None] | None = None,
) -> str:
    """Create warehouse_meta in a new warehouse with a new data version; returns it.

    `previous` (from `read_meta` of the warehouse being replaced) carries over
    which data versions the trained and forecast tables were computed from.
    """
    built_at = dt.datetime.now().replace(microsecond=0)
    version = f"{built_at:%Y%m%dT%H%M%S}-{fingerprint[:8]}-{secrets.token_hex(3)}"
    previous = previous or {}
    con.execute(sql.load("build/warehouse_meta"))
    con.execute(
        "insert into warehouse_meta values (?, ?, ?, ?, ?, ?)",
        [
            version,
            built_at,
            fingerprint,
            command,
            previous.get("trained_data_version"),
            previous.get("forecast_data_version"),
        ],
    )
    return version


def _read(con: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    try:
        frame = query_frame(con, sql.load("marts/warehouse_meta"))
    except duckdb.CatalogException:  # a warehouse built before the data version existed
        return {}
    return {k: (None if v is None else str(v)) for k, v in frame.row(0, named=True).items()}


def read_meta(db_path: Path) -> dict[str, str | None]:
    """warehouse_meta of the file at `db_path` as a dict ({} when there is none)."""
    if not db_path.is_file():
        return {}
    con = open_read_only(db_path)
    try:
        return _read(con)
    finally:
        con.close()


def data_version(db_path: Path) -> str | None:
    """The data version of the warehouse at `db_path` (None before the first stamp)."""
    return read_meta(db_path).get("data_version")


def current_meta(warehouse: Warehouse) -> dict[str, str | None]:
    """warehouse_meta through the app's read-only handle ({} when there is none)."""
    with warehouse.read() as con:
        return _read(con)


def is_current(version: str | None, meta: Mapping[str, str | None]) -> bool:
    """Whether results computed from data `version` hold for the warehouse `meta` describes.

    They do for the same data version, and for a rebuild from the same files (the
    version carries the loaded files' fingerprint, see `stamp`). A warehouse built
    before data versions existed has nothing to compare with: its results count as current.
    """
    current = meta.get("data_version")
    if current is None:
        return True
    if version is None:
        return False
    return version == current or _fingerprint_part(version) == _fingerprint_part(current)


def _fingerprint_part(version: str) -> str | None:
    parts = version.split("-")
    return parts[1] if len(parts) == 3 else None


def derived_current(meta: Mapping[str, str | None]) -> dict[str, bool]:
    """Per derived kind (trained | forecast): are its stored results from the current data?"""
    return {kind: is_current(meta.get(f"{kind}_data_version"), meta) for kind in DERIVED}


def version_of(con: duckdb.DuckDBPyConnection) -> str | None:
    """The data version of the warehouse open on `con`."""
    return _read(con).get("data_version")


def check_unchanged(
    con: duckdb.DuckDBPyConnection, path: Path, expected: str | None, what: str
) -> None:
    """Refuse to write `what` when the warehouse's data version is not `expected`."""
    if expected is None:
        return
    found = version_of(con)
    if found != expected:
        raise DataChanged(
            path,
            f"the warehouse changed while {what} ran (read data version {expected}, "
            f"now {found}): nothing was written",
            hint=f"Run `carsight {what}` again on the new data",
        )


def mark_derived(con: duckdb.DuckDBPyConnection, kind: str, version: str | None) -> None:
    """Record that the `kind` results (trained | forecast) were computed from `version`."""
    if kind not in DERIVED:
        raise ValueError(f"{kind!r} is not one of {DERIVED}")
    if version is None:
        return
    con.execute(sql.load(f"build/warehouse_meta_{kind}"), [version])
