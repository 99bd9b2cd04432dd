"""Delivery against a real local SMTP server: headers, parts, opt-outs, failures, retries."""

from __future__ import annotations

import sqlite3
import time
from email.headerregistry import Address
from pathlib import Path

import pytest

from app.mail.message import (
    HeaderRefused,
    address,
    build_message,
    parse_recipients,
    sender_address,
    wire_bytes,
)
from app.mail.transport import DeliveryPolicy, deliver
from warehouse import mail_store

FAST = DeliveryPolicy(rate_per_s=1000, retries=2, backoff_s=0.0)


def _queue(ops_db: Path, to: str, *, key: str, name: str = "김민준") -> None:
    message = build_message(
        sender=sender_address("strategy@carsight.test"),
        to=[address(to, name)],
        subject="추천 차량 안내",
        text="안녕하세요",
        html="<p>안녕하세요</p>",
    )
    mail_store.enqueue(
        ops_db,
        dedupe_key=key,
        kind="campaign",
        template="campaign/segment-vip.ko.j2",
        campaign="test",
        customer_id=f"K-{key}",
        recipient=to,
        subject="추천 차량 안내",
        message=wire_bytes(message),
    )


def _log(ops_db: Path) -> list[tuple]:
    with sqlite3.connect(ops_db) as con:
        return con.execute(
            "select recipient, template, status, error, sent_at from email_log order by id"
        ).fetchall()


def test_recipient_subject_and_both_parts_arrive(smtp_server, ops_db):
    _queue(ops_db, "minjun@example.com", key="1")
    report = deliver(ops_db=ops_db, config=smtp_server.config(), policy=FAST)
    assert report.sent == 1
    [got] = smtp_server.inbox.messages
    assert got.rcpt_tos == ["minjun@example.com"]
    assert got.mail_from == "strategy@carsight.test"
    assert got.message["Subject"] == "추천 차량 안내"
    assert got.message["To"].addresses[0].display_name == "김민준"
    assert got.message.get_body(("plain",)).get_content().strip() == "안녕하세요"
    assert got.message.get_body(("html",)).get_content().strip() == "<p>안녕하세요</p>"
    [row] = _log(ops_db)
    assert row[:4] == ("minjun@example.com", "campaign/segment-vip.ko.j2", "sent", None)
    assert row[4]  # the time of the attempt


def test_an_opted_out_recipient_is_skipped_and_logged(smtp_server, ops_db):
    _queue(ops_db, "stay@example.com", key="1")
    _queue(ops_db, "Leave@Example.com", key="2")
    mail_store.opt_out(ops_db, "leave@example.com")
    report = deliver(ops_db=ops_db, config=smtp_server.config(), policy=FAST)
    assert (report.sent, report.skipped_opt_out) == (1, 1)
    assert [m.rcpt_tos for m in smtp_server.inbox.messages] == [["stay@example.com"]]
    assert [r[2] for r in _log(ops_db)] == ["sent", "skipped_opt_out"]


def test_the_unsubscribe_token_opts_its_address_out(ops_db):
    token = mail_store.unsubscribe_token(ops_db, "Someone@Example.com")
    assert mail_store.unsubscribe_token(ops_db, "someone@example.com") == token
    assert mail_store.opt_out_by_token(ops_db, "not-a-token") is None
    assert mail_store.opt_out_by_token(ops_db, token) == "someone@example.com"
    assert mail_store.opted_out(ops_db) == {"someone@example.com"}


def test_a_server_that_is_down_logs_failures_and_a_later_retry_succeeds(smtp_down, ops_db):
    _queue(ops_db, "later@example.com", key="1")
    first = deliver(ops_db=ops_db, config=smtp_down.config(), policy=FAST)
    assert (first.sent, first.failed, first.attempts) == (0, 1, 2)
    failures = _log(ops_db)
    assert [r[2] for r in failures] == ["failed", "failed"]
    assert all("Connection" in r[3] or "refused" in r[3].lower() for r in failures)
    smtp_down.start()
    second = deliver(ops_db=ops_db, config=smtp_down.config(), policy=FAST)
    assert (second.sent, second.failed) == (1, 0)
    assert [m.rcpt_tos for m in smtp_down.inbox.messages] == [["later@example.com"]]
    assert [r[2] for r in _log(ops_db)] == ["failed", "failed", "sent"]
    assert mail_store.pending(ops_db) == []  # nothing left to send


def test_a_message_is_queued_once_per_dedupe_key(smtp_server, ops_db):
    _queue(ops_db, "once@example.com", key="same")
    _queue(ops_db, "once@example.com", key="same")
    deliver(ops_db=ops_db, config=smtp_server.config(), policy=FAST)
    deliver(ops_db=ops_db, config=smtp_server.config(), policy=FAST)
    assert len(smtp_server.inbox.messages) == 1


def test_sending_is_rate_limited(smtp_server, ops_db):
    for i in range(6):
        _queue(ops_db, f"r{i}@example.com", key=str(i))
    started = time.monotonic()
    report = deliver(
        ops_db=ops_db, config=smtp_server.config(), policy=DeliveryPolicy(rate_per_s=10)
    )
    elapsed = time.monotonic() - started
    assert report.sent == 6
    assert elapsed >= 0.5  # 6 messages at 10/s: 5 intervals of 0.1 s at least


def test_dry_run_writes_eml_files_and_sends_nothing(smtp_server, ops_db, tmp_path):
    _queue(ops_db, "dry@example.com", key="1")
    report = deliver(
        ops_db=ops_db, config=smtp_server.config(), policy=FAST, dry_run_dir=tmp_path / "eml"
    )
    assert report.dry_run == 1 and smtp_server.inbox.messages == []
    [eml] = (tmp_path / "eml").glob("*.eml")
    assert b"Subject:" in eml.read_bytes()
    assert [r[2] for r in _log(ops_db)] == ["dry_run"]


@pytest.mark.parametrize(
    "subject", ["hello\r\nBcc: evil@example.com", "hello\nBcc: evil@example.com", "a\rb"]
)
def test_line_breaks_in_a_subject_are_refused(subject):
    with pytest.raises(HeaderRefused, match="line breaks"):
        build_message(
            sender=Address("C", addr_spec="c@example.com"),
            to=[Address("A", addr_spec="a@example.com")],
            subject=subject,
            text="x",
        )


@pytest.mark.parametrize(
    ("email", "name"),
    [("a@example.com\r\nBcc: evil@example.com", ""), ("a@example.com", "Kim\nBcc: evil@x.com")],
)
def test_line_breaks_in_an_address_or_name_are_refused(email, name):
    with pytest.raises(HeaderRefused, match="line breaks"):
        address(email, name)


def test_recipient_lists_are_checked_address_by_address():
    assert [a.addr_spec for a in parse_recipients("a@example.com, b@example.org")] == [
        "a@example.com",
        "b@example.org",
    ]
    with pytest.raises(HeaderRefused, match="not-an-address"):
        parse_recipients("a@example.com,not-an-address")
