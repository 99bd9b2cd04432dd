"""The operational store: app-written data joins the warehouse at the next build."""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse import opstore
from warehouse.build import build, ingest

HEADER = "Model,Vehicle Type,Sales Type," + ",".join(
    ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.",
     "Dec."])


def _raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "hmc-sales-by-model-december-y2023.csv").write_text(
        HEADER + "\nAvante (CN7),PC,Domestic" + ",10" * 12 + "\n", encoding="utf-8")
    return raw


def _rows(db: Path, query: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.sql(query).fetchall()
    finally:
        con.close()


def test_customer_and_email_written_by_the_app_appear_after_the_next_build(tmp_path):
    ops = tmp_path / "ops.sqlite"
    db = tmp_path / "wh.duckdb"
    raw = _raw(tmp_path)
    build([raw], db, ops_db=ops)
    assert _rows(db, "select count(*) from customers") == [(0,)]

    with opstore.connect(ops) as con:
        con.execute("insert into customers (customer_id, brand, user_id, name, gender, age, "
                    "market, model, amount_krw) values ('N-kim01', 'Kia', 'kim01', '김민수', "
                    "'M', 41, 'Korea', 'K5', 35000000)")
        con.execute("insert into email_log (customer_id, recipient, subject, status) "
                    "values ('N-kim01', 'kim@example.com', 'K5 시승 초대', 'sent')")
        con.execute("insert into users (user_name, role) values ('dealer1', 'dealer')")

    build([raw], db, ops_db=ops)
    assert _rows(db, "select customer_id, brand, model, amount_krw from customers") == [
        ("N-kim01", "Kia", "K5", 35_000_000)]
    assert _rows(db, "select recipient, status from email_log") == [("kim@example.com", "sent")]
    assert _rows(db, "select user_name, role from app_users") == [("dealer1", "dealer")]

    # An ingest re-merges the store: the customer is there once, not twice.
    extra = tmp_path / "hmc-sales-by-model-december-y2024.csv"
    extra.write_text(HEADER + "\nAvante (CN7),PC,Domestic" + ",5" * 12 + "\n", encoding="utf-8")
    ingest([extra], db, ops_db=ops)
    assert _rows(db, "select count(*) from customers") == [(1,)]


def test_duplicate_user_id_in_the_store_is_refused(tmp_path):
    import sqlite3

    import pytest

    ops = tmp_path / "ops.sqlite"
    with opstore.connect(ops) as con:
        con.execute("insert into customers (customer_id, brand, user_id, email) "
                    "values ('N-a', 'Kia', 'a', 'a@example.com')")
    with pytest.raises(sqlite3.IntegrityError), opstore.connect(ops) as con:
        con.execute("insert into customers (customer_id, brand, user_id, email) "
                    "values ('N-a2', 'Kia', 'a', 'b@example.com')")
    assert opstore.read_table(ops, "customers")[1][0][0] == "N-a"
