"""The analysts' read-only SQL session on the warehouse (`carsight sql`).

Three locks keep it read-only: the warehouse is ATTACHed read-only (a write
fails inside DuckDB), file access is switched off after the ATTACH (no COPY TO,
no other ATTACH, no reading files) and the configuration is locked; and before
any of that, `check_read_only` refuses every statement that is not a query
with a message saying what to do instead.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.connection import open_read_only

# Statement types that only read: SELECT also covers DESCRIBE, SHOW, SUMMARIZE, FROM-first
# queries and CTEs; MULTI is PIVOT; CALL and PRAGMA are table functions such as
# pragma_table_info.
READ_STATEMENTS = frozenset({"SELECT", "EXPLAIN", "PRAGMA", "CALL", "MULTI"})


class WriteRefused(ValueError):
    """A statement `carsight sql` does not run because it would write or reach files."""


def open_session(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only session on the warehouse file at `path` (FileRefused when missing)."""
    con = open_read_only(path)
    con.execute("set enable_external_access = false")
    con.execute("set lock_configuration = true")
    return con


def check_read_only(con: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    """The statements of `text` as SQL strings; WriteRefused when any is not a query."""
    statements = con.extract_statements(text)
    for statement in statements:
        kind = statement.type.name
        if kind not in READ_STATEMENTS:
            raise WriteRefused(
                f"`carsight sql` only reads: {kind} statements are refused (only "
                "`carsight build` and `carsight ingest` write the warehouse); use SELECT, "
                "DESCRIBE, SHOW, SUMMARIZE or EXPLAIN"
            )
    return [statement.query for statement in statements]
