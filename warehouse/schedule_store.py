"""Scheduled runs in the operational store: one row per (job, due time).

The run key `<job id>@<due time>` is the idempotency key: a run that is done is
never claimed again, so a restarted scheduler neither repeats a done run nor
forgets a due one (an interrupted or failed run is claimed again; what it queued
before is deduplicated by the outbox).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from warehouse import opstore, sql


def claim(ops_db: Path, *, run_key: str, job_id: str, kind: str, due_at: str, now: str) -> bool:
    """True when this process now owns the run (it was new, failed or interrupted)."""
    with opstore.connect(ops_db) as con:
        con.execute("begin immediate")
        cur = con.execute(sql.load("opstore/schedule_claim"), (run_key, job_id, kind, due_at, now))
        return cur.rowcount == 1


def finish(ops_db: Path, *, run_key: str, status: str, now: str, detail: str | None) -> None:
    with opstore.connect(ops_db) as con:
        con.execute(sql.load("opstore/schedule_finish"), (status, now, detail, run_key))


def last_runs(ops_db: Path) -> dict[str, dict]:
    """job id -> its latest run (run_key, due_at, status, started_at, finished_at, detail)."""
    if not ops_db.is_file():
        return {}
    with contextlib.closing(sqlite3.connect(f"file:{ops_db}?mode=ro", uri=True)) as con:
        try:
            cur = con.execute(sql.load("opstore/schedule_last_runs"))
        except sqlite3.OperationalError:  # a store from before schedules existed
            return {}
        names = [d[0] for d in cur.description]
        return {row[0]: dict(zip(names, row, strict=True)) for row in cur.fetchall()}


def runs_of(ops_db: Path, job_id: str) -> list[dict]:
    with opstore.connect(ops_db) as con:
        cur = con.execute(sql.load("opstore/schedule_runs_of"), (job_id,))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
