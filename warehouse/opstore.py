"""The operational store: a small SQLite file for data the app itself writes.

New customers registered at the dealer counter, the e-mail log and app users
live here, never in the warehouse file (which only build/ingest write). Every
build and ingest merges these tables into the warehouse, so analysts see them
after the next build.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from warehouse import sql

MERGED_TABLES = ("customers", "email_log", "users")
# Columns added after the first release: (table, column, type). `connect` adds
# the missing ones to an existing file, so old stores keep working.
MIGRATIONS: tuple[tuple[str, str, str], ...] = (
    ("customers", "segment_probability", "real"),
    ("customers", "cluster_probability", "real"),
    ("customers", "predicted_at", "text"),
)
CUSTOMER_COLUMNS: tuple[str, ...] = (
    "customer_id", "brand", "user_id", "name", "birth_date", "age", "gender", "phone", "email",
    "address", "signup_date", "vehicle_class", "model_label", "model", "eco_friendly",
    "amount_krw", "payment_method", "purchase_count", "channel", "market",
    "predicted_segment", "segment_probability", "predicted_cluster", "cluster_probability",
    "model_version", "predicted_at",
)  # fmt: skip


class DuplicateCustomer(ValueError):
    """A registration whose user id or e-mail is already registered for the brand."""

    def __init__(self, field: str, value: str, brand: str) -> None:
        self.field, self.value, self.brand = field, value, brand
        super().__init__(
            f"{brand}: {field} {value!r} is already registered; nothing was "
            f"saved; use another {field}"
        )


@contextlib.contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """Open (and create if needed) the operational store; commits on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=10)
    try:
        con.execute("pragma journal_mode=wal")
        con.executescript(sql.load("opstore/schema"))
        _migrate(con)
        yield con
        con.commit()
    except BaseException:
        con.rollback()
        raise
    finally:
        con.close()


def read_table(path: Path, table: str) -> tuple[list[str], list[tuple]]:
    """Column names and rows of one merged table; empty when the store does not exist."""
    if table not in MERGED_TABLES:
        raise ValueError(f"unknown operational table {table!r}")
    if not path.is_file():
        return [], []
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        exists = con.execute(
            "select 1 from sqlite_master where type = 'table' and name = ?", (table,)
        ).fetchone()
        if not exists:
            return [], []
        cur = con.execute(f"select * from {table}")  # table name from the allow-list above
        return [d[0] for d in cur.description], cur.fetchall()


def _migrate(con: sqlite3.Connection) -> None:
    for table, column, kind in MIGRATIONS:
        present = {row[1] for row in con.execute(f"pragma table_info({table})")}  # allow-list
        if column not in present:
            con.execute(f"alter table {table} add column {column} {kind}")  # allow-list


def customer_id_for(brand: str, user_id: str) -> str:
    """The warehouse customer id of an app-registered customer."""
    return f"N-{brand}-{user_id}"


def register_customer(path: Path, record: Mapping[str, Any]) -> str:
    """Insert one app-registered customer; returns its customer_id.

    `record` holds CUSTOMER_COLUMNS values (brand, user_id and email
    required; customer_id is derived). Raises DuplicateCustomer when the
    brand already has the user id or the e-mail (compared case-insensitively),
    ValueError on unknown columns. Nothing is written on error.
    """
    unknown = sorted(set(record) - set(CUSTOMER_COLUMNS))
    if unknown:
        raise ValueError(f"unknown customer column(s) {unknown}; valid: {CUSTOMER_COLUMNS}")
    brand, user_id, email = record.get("brand"), record.get("user_id"), record.get("email")
    if not brand or not user_id:
        raise ValueError("a registration needs brand and user_id")
    row = {**record, "customer_id": customer_id_for(str(brand), str(user_id))}
    with connect(path) as con:
        con.execute("begin immediate")  # the duplicate check and the insert are one step
        if con.execute(sql.load("opstore/customer_user_id_taken"), (brand, user_id)).fetchone():
            raise DuplicateCustomer("user_id", str(user_id), str(brand))
        if (
            email
            and con.execute(sql.load("opstore/customer_email_taken"), (brand, email)).fetchone()
        ):
            raise DuplicateCustomer("email", str(email), str(brand))
        if con.execute(sql.load("opstore/customer_id_taken"), (row["customer_id"],)).fetchone():
            raise DuplicateCustomer("user_id", str(user_id), str(brand))
        columns = [c for c in CUSTOMER_COLUMNS if c in row]
        con.execute(
            f"insert into customers ({', '.join(columns)}) "  # names: allow-list
            f"values ({', '.join('?' for _ in columns)})",
            [row[c] for c in columns],
        )
    return str(row["customer_id"])
