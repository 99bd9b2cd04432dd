"""E-mail in the operational store: the outbox, the attempt log and the opt-outs.

Every message is queued in `email_outbox` first (a `dedupe_key` makes queuing
idempotent: a scheduled run that is repeated queues nothing new), then delivered;
each delivery attempt is one `email_log` row (recipient, template, status, error,
time). Opt-outs (`email_optouts`) are checked when a message is queued and again
when it is sent. Unsubscribe links carry a random token (`email_tokens`), never
the address.
"""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warehouse import opstore, sql


@dataclass(frozen=True)
class OutboxItem:
    id: int
    kind: str
    template: str
    campaign: str | None
    customer_id: str | None
    recipient: str
    subject: str
    message: bytes
    attempts: int


@contextlib.contextmanager
def _session(ops_db: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection for the many small writes of a delivery run (the schema was
    created by the `opstore.connect` that began the run); commits on success."""
    con = sqlite3.connect(ops_db, timeout=10)
    try:
        yield con
        con.commit()
    except BaseException:
        con.rollback()
        raise
    finally:
        con.close()


@dataclass(frozen=True)
class Outgoing:
    """A message to queue (see `enqueue`)."""

    dedupe_key: str
    kind: str
    template: str
    campaign: str | None
    customer_id: str | None
    recipient: str
    subject: str
    message: bytes


def enqueue_many(ops_db: Path, items: Iterable[Outgoing]) -> int:
    """Queue many messages in one transaction; returns how many were new."""
    with opstore.connect(ops_db) as con:
        queued = 0
        for i in items:
            cur = con.execute(
                sql.load("opstore/mail_enqueue"),
                (i.dedupe_key, i.kind, i.template, i.campaign, i.customer_id, i.recipient,
                 i.subject, i.message),
            )  # fmt: skip
            queued += cur.rowcount
    return queued


def enqueue(ops_db: Path, **message: Any) -> bool:
    """Queue one message (the fields of `Outgoing`); False when a message with its
    `dedupe_key` was queued before."""
    return enqueue_many(ops_db, [Outgoing(**message)]) == 1


def pending(ops_db: Path, *, limit: int = 10_000) -> list[OutboxItem]:
    """Queued and failed messages, oldest first."""
    with opstore.connect(ops_db) as con:
        rows = con.execute(sql.load("opstore/mail_pending"), (limit,)).fetchall()
    return [OutboxItem(*row) for row in rows]


def record_attempt(ops_db: Path, item: OutboxItem, *, status: str, error: str | None) -> int:
    """Log one attempt at `item` and set its outbox status; returns its attempt number."""
    attempt = item.attempts + 1
    with _session(ops_db) as con:
        con.execute(
            sql.load("opstore/mail_attempt"),
            (
                item.customer_id,
                item.recipient,
                item.subject,
                item.campaign,
                status,
                error,
                item.template,
                item.kind,
                item.id,
                attempt,
            ),
        )
        con.execute(sql.load("opstore/mail_outbox_status"), (status, attempt, error, item.id))
    return attempt


def email_log(ops_db: Path, *, limit: int = 500) -> tuple[list[str], list[tuple]]:
    """(columns, rows) of the newest `limit` attempts; empty before the first e-mail."""
    if not ops_db.is_file():
        return [], []
    with contextlib.closing(sqlite3.connect(f"file:{ops_db}?mode=ro", uri=True)) as con:
        try:
            cur = con.execute(sql.load("opstore/mail_log"), (limit,))
        except sqlite3.OperationalError:  # an old store without the new columns yet
            return [], []
        return [d[0] for d in cur.description], cur.fetchall()


def opt_out(ops_db: Path, email: str, *, source: str = "link") -> None:
    with opstore.connect(ops_db) as con:
        con.execute(sql.load("opstore/mail_optout"), (email.strip().lower(), source))


def opted_out(ops_db: Path) -> set[str]:
    """Every opted-out address (lower case)."""
    if not ops_db.is_file():
        return set()
    with opstore.connect(ops_db) as con:
        return {row[0] for row in con.execute(sql.load("opstore/mail_optouts"))}


def unsubscribe_token(ops_db: Path, email: str) -> str:
    """The address's unsubscribe token, created on first use."""
    address = email.strip().lower()
    with opstore.connect(ops_db) as con:
        con.execute(sql.load("opstore/mail_token_insert"), (secrets.token_urlsafe(24), address))
        row = con.execute(sql.load("opstore/mail_token_of"), (address,)).fetchone()
    return str(row[0])


def unsubscribe_tokens(ops_db: Path, emails: Iterable[str]) -> dict[str, str]:
    """Lower-cased address -> its unsubscribe token (created on first use), in one go."""
    addresses = sorted({e.strip().lower() for e in emails})
    out: dict[str, str] = {}
    with opstore.connect(ops_db) as con:
        for address in addresses:
            con.execute(sql.load("opstore/mail_token_insert"), (secrets.token_urlsafe(24), address))
            row = con.execute(sql.load("opstore/mail_token_of"), (address,)).fetchone()
            out[address] = str(row[0])
    return out


def opt_out_by_token(ops_db: Path, token: str) -> str | None:
    """Opt out the address of `token`; returns it, or None for an unknown token."""
    if not ops_db.is_file() or not token:
        return None
    with opstore.connect(ops_db) as con:
        row = con.execute(sql.load("opstore/mail_token_email"), (token,)).fetchone()
        if row is None:
            return None
        con.execute(sql.load("opstore/mail_optout"), (row[0], "link"))
    return str(row[0])
