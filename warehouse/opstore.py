"""The operational store: a small SQLite file for data the app itself writes.

New customers registered at the dealer counter, the e-mail log and app users
live here, never in the warehouse file (which only build/ingest write). Every
build and ingest merges these tables into the warehouse, so analysts see them
after the next build.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

SCHEMA = """
create table if not exists customers (
    customer_id text primary key,       -- 'N-' + user id for app-registered customers
    brand text not null,
    user_id text not null,
    name text,
    birth_date text,                    -- YYYY-MM-DD
    age integer,
    gender text,                        -- M | F
    phone text,                         -- E.164 where possible
    email text,
    address text,
    signup_date text,                   -- YYYY-MM-DD
    vehicle_class text,
    model_label text,
    model text,
    eco_friendly integer,
    amount_krw integer,                 -- budget or transaction amount, KRW
    payment_method text,
    purchase_count integer,
    channel text,
    market text,
    predicted_segment text,
    predicted_cluster integer,
    model_version text,
    created_at text not null default (datetime('now')),
    unique (brand, user_id),
    unique (brand, email)
);
create table if not exists email_log (
    id integer primary key autoincrement,
    sent_at text not null default (datetime('now')),
    customer_id text,
    recipient text not null,
    subject text not null,
    campaign text,
    status text not null,               -- sent | failed
    error text
);
create table if not exists users (
    user_name text primary key,
    display_name text,
    role text not null,                 -- strategist | dealer | analyst | admin
    created_at text not null default (datetime('now'))
);
"""

MERGED_TABLES = ("customers", "email_log", "users")


@contextlib.contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """Open (and create if needed) the operational store; commits on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=10)
    try:
        con.execute("pragma journal_mode=wal")
        con.executescript(SCHEMA)
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
        exists = con.execute("select 1 from sqlite_master where type = 'table' and name = ?",
                             (table,)).fetchone()
        if not exists:
            return [], []
        cur = con.execute(f"select * from {table}")  # table name from the allow-list above
        return [d[0] for d in cur.description], cur.fetchall()
