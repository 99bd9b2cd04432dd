"""The operational store: app-written data joins the warehouse at the next build."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import duckdb
import pytest

from warehouse import opstore, sql
from warehouse.build import build, ingest

HEADER = "Model,Vehicle Type,Sales Type," + ",".join(
    ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]
)


def _raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "hmc-sales-by-model-december-y2023.csv").write_text(
        HEADER + "\nAvante (CN7),PC,Domestic" + ",10" * 12 + "\n", encoding="utf-8"
    )
    return raw


def _rows(db: Path, query: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.sql(query).fetchall()
    finally:
        con.close()


def test_prospects_and_emails_written_by_the_app_appear_after_the_next_build(tmp_path):
    ops = tmp_path / "ops.sqlite"
    db = tmp_path / "wh.duckdb"
    raw = _raw(tmp_path)
    build([raw], db, ops_db=ops)
    assert _rows(db, "select count(*) from prospects") == [(0,)]

    with opstore.connect(ops) as con:
        con.execute(
            "insert into prospects (prospect_id, brand, user_id, name, gender, age, "
            "market, model_label, model, budget_krw, signup_date) values ('N-kim01', 'Kia', "
            "'kim01', '김민수', 'M', 41, 'Korea', 'Optima / K5', 'K5', 35000000, '2026-02-01')"
        )
        con.execute(
            "insert into email_log (customer_id, recipient, subject, status) "
            "values ('N-kim01', 'kim@example.com', 'K5 시승 초대', 'sent')"
        )
        con.execute("insert into users (user_name, role) values ('dealer1', 'dealer')")

    build([raw], db, ops_db=ops)
    assert _rows(
        db, "select prospect_id, brand, model, budget_krw, signup_date from prospects"
    ) == [("N-kim01", "Kia", "K5", 35_000_000, dt.date(2026, 2, 1))]
    assert _rows(db, "select count(*) from customers") == [(0,)]  # not a purchase
    assert _rows(db, "select recipient, status from email_log") == [("kim@example.com", "sent")]
    assert _rows(db, "select user_name, role from app_users") == [("dealer1", "dealer")]

    # An ingest re-merges the store: the prospect is there once, not twice.
    extra = tmp_path / "hmc-sales-by-model-december-y2024.csv"
    extra.write_text(HEADER + "\nAvante (CN7),PC,Domestic" + ",5" * 12 + "\n", encoding="utf-8")
    ingest([extra], db, ops_db=ops)
    assert _rows(db, "select count(*) from prospects") == [(1,)]


def test_duplicate_user_id_in_the_store_is_refused(tmp_path):
    import sqlite3

    import pytest

    ops = tmp_path / "ops.sqlite"
    with opstore.connect(ops) as con:
        con.execute(
            "insert into prospects (prospect_id, brand, user_id, email) "
            "values ('N-a', 'Kia', 'a', 'a@example.com')"
        )
    with pytest.raises(sqlite3.IntegrityError), opstore.connect(ops) as con:
        con.execute(
            "insert into prospects (prospect_id, brand, user_id, email) "
            "values ('N-a2', 'Kia', 'a', 'b@example.com')"
        )
    assert opstore.read_table(ops, "prospects")[1][0][0] == "N-a"


# --- registrations from the prediction page (issue 5) ---------------------------------------


def _registration(**overrides: object) -> dict:
    record = {
        "brand": "Kia",
        "user_id": "minji01",
        "name": "김민지",
        "email": "minji@example.com",
        "phone": "+821012345678",
        "gender": "F",
        "age": 34,
        "market": "Korea",
        "budget_krw": 45_000_000,
        "predicted_segment": "신규",
        "segment_probability": 0.71,
        "predicted_cluster": 2,
        "cluster_probability": 0.64,
        "model_version": "20260101T000000Z-abcdef12",
        "predicted_at": "2026-01-01 09:00:00",
    }
    record.update(overrides)
    return record


def test_registration_refuses_a_duplicate_user_id_or_email_per_brand(tmp_path):
    import pytest

    ops = tmp_path / "ops.sqlite"
    assert opstore.register_prospect(ops, _registration()) == "N-Kia-minji01"
    with pytest.raises(opstore.DuplicateProspect) as same_id:
        opstore.register_prospect(ops, _registration(email="other@example.com"))
    assert (same_id.value.field, same_id.value.value) == ("user_id", "minji01")
    with pytest.raises(opstore.DuplicateProspect) as same_email:
        opstore.register_prospect(ops, _registration(user_id="minji02", email="MINJI@example.com"))
    assert same_email.value.field == "email" and "already registered" in str(same_email.value)
    # the other brand is a separate customer base
    assert opstore.register_prospect(ops, _registration(brand="Hyundai")) == "N-Hyundai-minji01"
    assert len(opstore.read_table(ops, "prospects")[1]) == 2


LEGACY_SCHEMA = """
create table customers (
    customer_id text primary key, brand text not null, user_id text not null, name text,
    email text, signup_date text, model text, amount_krw integer, predicted_segment text,
    predicted_cluster integer, model_version text, created_at text,
    unique (brand, user_id), unique (brand, email)
);
"""


def _legacy_store(ops: Path) -> None:
    """A store written before prospects existed: registrations in `customers`, the budget as
    amount_krw, without the probability columns."""
    con = sqlite3.connect(ops)
    con.executescript(LEGACY_SCHEMA)
    con.execute(
        "insert into customers (customer_id, brand, user_id, email, signup_date, model, "
        "amount_krw, predicted_segment, predicted_cluster) values ('N-Kia-old1', 'Kia', 'old1', "
        "'old1@example.com', '2025-11-02', 'K5', 31000000, '신규', 3)"
    )
    con.commit()
    con.close()


def test_registrations_of_an_old_store_are_prospects_not_purchases(tmp_path):
    ops, db = tmp_path / "ops.sqlite", tmp_path / "wh.duckdb"
    _legacy_store(ops)
    # read before any writer opened the store: the legacy rows already read as prospects
    build([_raw(tmp_path)], db, ops_db=ops)
    assert _rows(db, "select prospect_id, budget_krw, signup_date from prospects") == [
        ("N-Kia-old1", 31_000_000, dt.date(2025, 11, 2))
    ]
    assert _rows(db, "select count(*) from customers") == [(0,)]
    # the next write moves them into prospects and drops the legacy table, losing nothing
    opstore.register_prospect(ops, _registration())
    names, rows = opstore.read_table(ops, "prospects")
    assert sorted(r[names.index("prospect_id")] for r in rows) == ["N-Kia-minji01", "N-Kia-old1"]
    with sqlite3.connect(ops) as con:
        tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
    assert "customers" not in tables
    # the legacy user id stays taken
    with pytest.raises(opstore.DuplicateProspect):
        opstore.register_prospect(ops, _registration(user_id="old1", email="new@example.com"))


def test_predictions_of_registered_prospects_reach_the_warehouse_at_the_next_build(tmp_path):
    ops, db = tmp_path / "ops.sqlite", tmp_path / "wh.duckdb"
    raw = _raw(tmp_path)
    opstore.register_prospect(ops, _registration())
    build([raw], db, ops_db=ops)
    assert _rows(
        db,
        "select customer_id, brand, predicted_segment, segment_probability, "
        "predicted_cluster, cluster_probability, model_version, predicted_at "
        "from customer_predictions",
    ) == [
        (
            "N-Kia-minji01",
            "Kia",
            "신규",
            0.71,
            2,
            0.64,
            "20260101T000000Z-abcdef12",
            "2026-01-01 09:00:00",
        )
    ]
    assert _rows(db, "select prospect_id, budget_krw from prospects") == [
        ("N-Kia-minji01", 45_000_000)
    ]


def test_a_store_written_before_value_tiers_gains_the_tier_columns(tmp_path):
    # a prospect registered with the old segment / type prediction, then one with a value
    # tier: the store gains predicted_tier and tier_probability, the old row reads null
    ops, db = tmp_path / "ops.sqlite", tmp_path / "wh.duckdb"
    con = sqlite3.connect(ops)
    schema = (
        sql.load("opstore/schema")
        .replace(
            "    predicted_tier text,                -- value potential: VIP 잠재 | 일반 | 실속\n",
            "",
        )
        .replace(
            "    tier_probability real,              -- 0-1, calibrated, of predicted_tier\n", ""
        )
    )
    assert "predicted_tier" not in schema
    con.executescript(schema)
    con.execute(
        "insert into prospects (prospect_id, brand, user_id, email, predicted_segment, "
        "predicted_cluster) values ('N-Kia-old1', 'Kia', 'old1', 'o@example.com', '이탈가능', 3)"
    )
    con.commit()
    con.close()
    opstore.register_prospect(
        ops,
        _registration(
            segment_probability=None,
            predicted_cluster=None,
            cluster_probability=None,
            predicted_tier="VIP 잠재",
            tier_probability=0.58,
        ),
    )
    build([_raw(tmp_path)], db, ops_db=ops)
    assert _rows(
        db,
        "select customer_id, predicted_segment, predicted_cluster, predicted_tier, "
        "tier_probability from customer_predictions order by 1",
    ) == [
        ("N-Kia-minji01", "신규", None, "VIP 잠재", 0.58),
        ("N-Kia-old1", "이탈가능", 3, None, None),
    ]
