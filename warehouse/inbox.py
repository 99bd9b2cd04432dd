"""New data files while the app runs: the upload page and `carsight watch` both load
them here, one file at a time, through the ingest path (`warehouse.build.ingest`),
and report per file what was detected, loaded and rejected (with the reasons).

Each file is ingested on its own, so one refused file does not stop the others;
every ingest writes a new warehouse file and swaps it in atomically, which readers
(the running app) notice by the new data version (`data_version`).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from warehouse import sql
from warehouse.build import DATA_SUFFIXES, ingest
from warehouse.connection import open_read_only, query_frame
from warehouse.errors import FileRefused

MAX_BYTES = 50 * 1024 * 1024  # one upload at most 50 MB (the largest IR file is ~1 MB)
MAX_REJECTS_SHOWN = 20


@dataclass(frozen=True)
class DataVersion:
    """The warehouse file now on disk: `key` changes whenever a build or ingest swaps
    in a new file; `stamped_at` is when that file was written (local time)."""

    key: str
    stamped_at: dt.datetime | None


def data_version(db: Path) -> DataVersion:
    """A cheap look at the warehouse file (one stat, no connection, no lock)."""
    try:
        st = os.stat(db)
    except FileNotFoundError:
        return DataVersion("missing", None)
    return DataVersion(
        f"{st.st_ino}-{st.st_mtime_ns}",
        dt.datetime.fromtimestamp(st.st_mtime).replace(microsecond=0),
    )


@dataclass
class FileResult:
    """What happened to one file: status loaded | duplicate | refused."""

    name: str
    status: str
    format: str | None = None
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    rejects: list[dict] = field(default_factory=list)  # line, column, reason (first 20)
    message: str | None = None


def check_file(path: Path, *, max_bytes: int = MAX_BYTES) -> str | None:
    """Why `path` cannot be loaded at all (type or size), or None."""
    if path.suffix.lower() not in DATA_SUFFIXES:
        return f"{path.name}: only .csv and .xlsx files can be loaded"
    size = path.stat().st_size
    if size > max_bytes:
        return f"{path.name}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit"
    if size == 0:
        return f"{path.name}: the file is empty"
    return None


def _result_of(db: Path, path: Path, name: str) -> FileResult:
    con = open_read_only(db)
    try:
        log = query_frame(
            con,
            sql.load("marts/upload_load_log"),
            {"path": str(path), "name_pattern": f"%{os.sep}{path.name}"},
        )
        source = log.item(0, "source_file") if log.height else ""
        rejects = query_frame(
            con,
            sql.load("marts/upload_rejects"),
            {"source_file": source, "limit": MAX_REJECTS_SHOWN},
        )
    finally:
        con.close()
    if log.height == 0:
        return FileResult(name, "refused", message="the loader recorded nothing for this file")
    row = log.row(0, named=True)
    if row["status"] == "duplicate":
        return FileResult(
            name, "duplicate", message=f"{name}: identical to a file already loaded; nothing added"
        )
    return FileResult(
        name=name,
        status=row["status"],
        format=row["format"],
        rows_read=int(row["rows_read"] or 0),
        rows_loaded=int(row["rows_loaded"] or 0),
        rows_rejected=int(row["rows_rejected"] or 0),
        rejects=rejects.to_dicts(),
    )


def ingest_each(
    paths: list[Path], *, db: Path, ops_db: Path | None, max_bytes: int = MAX_BYTES
) -> list[FileResult]:
    """Ingest every file on its own; one result per file, in order."""
    results = []
    for path in paths:
        problem = check_file(path, max_bytes=max_bytes)
        if problem is not None:
            results.append(FileResult(path.name, "refused", message=problem))
            continue
        try:
            ingest([path], db, ops_db=ops_db)
        except FileRefused as exc:
            results.append(FileResult(path.name, "refused", message=str(exc)))
            continue
        results.append(_result_of(db, path, path.name))
    return results


def _stable(path: Path) -> bool:
    """A file still being copied in grows; wait until two looks agree."""
    first = path.stat().st_size
    return first == path.stat().st_size and first > 0


def watch_once(inbox: Path, *, db: Path, ops_db: Path | None) -> list[FileResult]:
    """Ingest every file in `inbox` (not in its processed/ or failed/ folders) and
    move it to processed/ (loaded or already loaded) or failed/ (with a
    `<name>.error.txt` beside it saying why)."""
    processed, failed = inbox / "processed", inbox / "failed"
    processed.mkdir(parents=True, exist_ok=True)
    failed.mkdir(parents=True, exist_ok=True)
    waiting = sorted(p for p in inbox.iterdir() if p.is_file() and not p.name.startswith("."))
    results = []
    for path in waiting:
        if not _stable(path):
            continue
        [result] = ingest_each([path], db=db, ops_db=ops_db)
        target = processed if result.status in ("loaded", "duplicate") else failed
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        destination = target / path.name
        if destination.exists():
            destination = target / f"{path.stem}-{stamp}{path.suffix}"
        shutil.move(str(path), destination)
        if target is failed:
            destination.with_name(destination.name + ".error.txt").write_text(
                (result.message or "refused") + "\n", encoding="utf-8"
            )
        results.append(result)
    return results
