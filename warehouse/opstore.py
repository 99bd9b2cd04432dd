"""The operational store: a small SQLite file for data the app itself writes.

Prospects registered at the dealer counter (/predict), the e-mail log and app
users live here, never in the warehouse file (which only build/ingest write).
Every build and ingest merges these tables into the warehouse (`prospects`,
`customer_predictions`, `email_log`, `app_users`), so analysts see them after
the next build. A prospect is not a purchase: it never joins `customers`.

Stores written before prospects existed kept the registrations in a
`customers` table with the budget as `amount_krw`; `connect` moves those rows
into `prospects` (budget as `budget_krw`) and drops that table, in one
transaction, and `read_table(path, "prospects")` reads them from a store that
has not been opened for writing since.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import polars as pl

from warehouse import sql

MERGED_TABLES = ("prospects", "email_log", "users")
# Never read out of the store for a build: they stay in the operational store.
SECRET_COLUMNS = frozenset({"password_hash", "session_epoch"})
# Columns of `users` added with sign-in: `connect` adds them to an older store.
USER_COLUMNS_ADDED: tuple[tuple[str, str], ...] = (
    ("brand", "text"),
    ("market", "text"),
    ("password_hash", "text"),
    ("session_epoch", "text"),
)
PROSPECT_COLUMNS: tuple[str, ...] = (
    "prospect_id", "brand", "user_id", "name", "birth_date", "age", "gender", "phone", "email",
    "address", "signup_date", "market", "vehicle_class", "model_label", "model", "eco_friendly",
    "budget_krw", "payment_method", "purchase_count", "channel",
    "predicted_segment", "segment_probability", "predicted_cluster", "cluster_probability",
    "predicted_tier", "tier_probability", "model_version", "predicted_at",
)  # fmt: skip
# Polars types of the prospect columns (SQLite keeps dates as ISO text).
PROSPECT_SCHEMA: dict[str, Any] = {
    "prospect_id": pl.Utf8, "brand": pl.Utf8, "user_id": pl.Utf8, "name": pl.Utf8,
    "birth_date": pl.Date, "age": pl.Int16, "gender": pl.Utf8, "phone": pl.Utf8,
    "email": pl.Utf8, "address": pl.Utf8, "signup_date": pl.Date, "market": pl.Utf8,
    "vehicle_class": pl.Utf8, "model_label": pl.Utf8, "model": pl.Utf8,
    "eco_friendly": pl.Boolean, "budget_krw": pl.Int64, "payment_method": pl.Utf8,
    "purchase_count": pl.Int32, "channel": pl.Utf8, "predicted_segment": pl.Utf8,
    "segment_probability": pl.Float64, "predicted_cluster": pl.Int16,
    "cluster_probability": pl.Float64, "predicted_tier": pl.Utf8, "tier_probability": pl.Float64,
    "model_version": pl.Utf8, "predicted_at": pl.Utf8,
}  # fmt: skip
# The legacy `customers` table's names for prospect columns.
_LEGACY_NAMES = {"prospect_id": "customer_id", "budget_krw": "amount_krw"}


# email_log columns added with the outbox (warehouse.mail_store): which template and kind
# of e-mail, and which try of which outbox message a row records. `connect` adds them to
# a store written before.
# prospect columns added with the value tiers (analytics.predict.train): `connect` adds
# them to a store written before; its older rows read null.
PROSPECT_ADDED_COLUMNS: tuple[tuple[str, str], ...] = (
    ("predicted_tier", "text"),
    ("tier_probability", "real"),
)
EMAIL_LOG_COLUMNS: tuple[tuple[str, str], ...] = (
    ("template", "text"),
    ("kind", "text"),
    ("outbox_id", "integer"),
    ("attempt", "integer"),
)


class DuplicateProspect(ValueError):
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
        _move_legacy_customers(con)
        _add_email_log_columns(con)
        _add_prospect_columns(con)
        con.executescript(sql.load("opstore/automation_schema"))
        _add_user_columns(con)
        yield con
        con.commit()
    except BaseException:
        con.rollback()
        raise
    finally:
        con.close()


def read_table(path: Path, table: str) -> tuple[list[str], list[tuple]]:
    """Column names and rows of one merged table; empty when the store does not exist.

    `prospects` includes the rows of a legacy `customers` table (see the module doc).
    """
    if table not in MERGED_TABLES:
        raise ValueError(f"unknown operational table {table!r}; valid: {MERGED_TABLES}")
    if not path.is_file():
        return [], []
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        names: list[str] = []
        rows: list[tuple] = []
        if _exists(con, table):
            present = [row[1] for row in con.execute(f"pragma table_info({table})")]  # allow-list
            columns = ", ".join(c for c in present if c not in SECRET_COLUMNS)
            cur = con.execute(f"select {columns} from {table}")  # names: the table's own
            names, rows = [d[0] for d in cur.description], cur.fetchall()
        if table == "prospects" and _exists(con, "customers"):
            legacy = _legacy_select(con)
            names = names or [c for c in PROSPECT_COLUMNS if c in legacy]
            selected = ", ".join(legacy.get(c, "null") for c in names)
            rows += con.execute(f"select {selected} from customers").fetchall()  # allow-list
        return names, rows


def read_prospects(path: Path) -> pl.DataFrame:
    """Every prospect of the store as PROSPECT_SCHEMA (legacy rows included); dates that
    are not ISO dates become null. Empty when the store does not exist."""
    names, rows = read_table(path, "prospects")
    if not rows:
        return pl.DataFrame(schema=PROSPECT_SCHEMA)
    raw = pl.DataFrame(rows, schema=names, orient="row", infer_schema_length=None)
    return raw.select(
        (
            pl.col(name).cast(pl.Utf8).str.to_date("%Y-%m-%d", strict=False)
            if dtype == pl.Date
            else pl.col(name).cast(dtype, strict=False)
        ).alias(name)
        if name in raw.columns
        else pl.lit(None, dtype=dtype).alias(name)
        for name, dtype in PROSPECT_SCHEMA.items()
    )


def _exists(con: sqlite3.Connection, table: str) -> bool:
    found = con.execute(
        "select 1 from sqlite_master where type = 'table' and name = ?", (table,)
    ).fetchone()
    return found is not None


def _legacy_select(con: sqlite3.Connection) -> dict[str, str]:
    """prospect column -> the legacy customers column holding it (those present only)."""
    present = {row[1] for row in con.execute("pragma table_info(customers)")}
    return {
        column: _LEGACY_NAMES.get(column, column)
        for column in PROSPECT_COLUMNS
        if _LEGACY_NAMES.get(column, column) in present
    }


def _add_user_columns(con: sqlite3.Connection) -> None:
    present = {row[1] for row in con.execute("pragma table_info(users)")}
    for column, kind in USER_COLUMNS_ADDED:
        if column not in present:
            con.execute(f"alter table users add column {column} {kind}")  # allow-list


def _move_legacy_customers(con: sqlite3.Connection) -> None:
    """Registrations of a store written before prospects existed become prospects."""
    if not _exists(con, "customers"):
        return
    legacy = _legacy_select(con)
    targets, sources = ", ".join(legacy), ", ".join(legacy.values())  # names: allow-list
    con.execute(f"insert or ignore into prospects ({targets}) select {sources} from customers")
    con.execute("drop table customers")
    con.commit()  # both steps or neither; later writers start their own transaction


def prospect_id_for(brand: str, user_id: str) -> str:
    """The warehouse prospect id of an app-registered prospect."""
    return f"N-{brand}-{user_id}"


def register_prospect(path: Path, record: Mapping[str, Any]) -> str:
    """Insert one prospect registered at the counter; returns its prospect_id.

    `record` holds PROSPECT_COLUMNS values (brand, user_id and email
    required; prospect_id is derived). Raises DuplicateProspect when the
    brand already has the user id or the e-mail (compared case-insensitively),
    ValueError on unknown columns. Nothing is written on error.
    """
    unknown = sorted(set(record) - set(PROSPECT_COLUMNS))
    if unknown:
        raise ValueError(f"unknown prospect column(s) {unknown}; valid: {PROSPECT_COLUMNS}")
    brand, user_id, email = record.get("brand"), record.get("user_id"), record.get("email")
    if not brand or not user_id:
        raise ValueError("a registration needs brand and user_id")
    row = {**record, "prospect_id": prospect_id_for(str(brand), str(user_id))}
    with connect(path) as con:
        con.execute("begin immediate")  # the duplicate check and the insert are one step
        if con.execute(sql.load("opstore/prospect_user_id_taken"), (brand, user_id)).fetchone():
            raise DuplicateProspect("user_id", str(user_id), str(brand))
        if (
            email
            and con.execute(sql.load("opstore/prospect_email_taken"), (brand, email)).fetchone()
        ):
            raise DuplicateProspect("email", str(email), str(brand))
        if con.execute(sql.load("opstore/prospect_id_taken"), (row["prospect_id"],)).fetchone():
            raise DuplicateProspect("user_id", str(user_id), str(brand))
        columns = [c for c in PROSPECT_COLUMNS if c in row]
        con.execute(
            f"insert into prospects ({', '.join(columns)}) "  # names: allow-list
            f"values ({', '.join('?' for _ in columns)})",
            [row[c] for c in columns],
        )
    return str(row["prospect_id"])


def _add_prospect_columns(con: sqlite3.Connection) -> None:
    present = {row[1] for row in con.execute("pragma table_info(prospects)")}
    for column, kind in PROSPECT_ADDED_COLUMNS:
        if column not in present:
            con.execute(f"alter table prospects add column {column} {kind}")  # allow-list


def _add_email_log_columns(con: sqlite3.Connection) -> None:
    present = {row[1] for row in con.execute("pragma table_info(email_log)")}
    for column, kind in EMAIL_LOG_COLUMNS:
        if column not in present:
            con.execute(f"alter table email_log add column {column} {kind}")  # allow-list


def registered_prospect(path: Path, *, brand: str, user_id: str) -> dict[str, Any] | None:
    """prospect_id, brand, name, email and market of a prospect registered in the app."""
    if not path.is_file():
        return None
    with connect(path) as con:
        cur = con.execute(sql.load("opstore/prospect_of_user"), (brand, user_id))
        row = cur.fetchone()
        names = [d[0] for d in cur.description]
    return dict(zip(names, row, strict=True)) if row else None
