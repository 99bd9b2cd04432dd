"""App users and sign-in attempts, in the operational store (never in the warehouse file).

This module stores and reads; it never sees a password, only the hash the caller
made (`app.security.passwords`). Each user has a session epoch: a random value that
changes when the password changes or the user is removed, so every session signed
in before that stops working. Sign-in attempts (the name as typed, the address,
whether it worked) feed the lockout and the per-address rate limit.
"""

from __future__ import annotations

import secrets
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from warehouse import opstore, sql

ROLES: tuple[str, ...] = ("admin", "strategist", "dealer", "analyst")
BRANDS: tuple[str, ...] = ("Hyundai", "Kia")


class UserRefused(ValueError):
    """A user operation that cannot be done (unknown role, name taken, no such user)."""


@dataclass(frozen=True)
class StoredUser:
    user_name: str
    display_name: str
    role: str
    brand: str | None
    market: str | None
    password_hash: str | None
    session_epoch: str
    created_at: str


def _epoch() -> str:
    return secrets.token_hex(8)


def add_user(
    path: Path,
    *,
    user_name: str,
    role: str,
    password_hash: str,
    brand: str | None = None,
    market: str | None = None,
    display_name: str | None = None,
) -> None:
    """Create a user; raises UserRefused when the name is taken or the role/brand is wrong.

    A dealer needs a brand (their own), and only a dealer has a brand or a market.
    """
    check_role(role, brand=brand, market=market)
    try:
        with opstore.connect(path) as con:
            con.execute(
                sql.load("opstore/user_insert"),
                (
                    user_name,
                    display_name or user_name,
                    role,
                    brand,
                    market,
                    password_hash,
                    _epoch(),
                ),
            )
    except sqlite3.IntegrityError as exc:
        raise UserRefused(f"user {user_name!r} already exists; pick another name") from exc


def check_role(role: str, *, brand: str | None, market: str | None) -> None:
    if role not in ROLES:
        raise UserRefused(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
    if role == "dealer" and brand not in BRANDS:
        raise UserRefused("a dealer works for one brand: pass --brand hyundai or --brand kia")
    if role != "dealer" and (brand or market):
        raise UserRefused(f"only a dealer has a brand or a market (role {role!r})")


def get_user(path: Path, user_name: str) -> StoredUser | None:
    """The user with their hash and session epoch, or None (also when no store exists)."""
    if not path.is_file():
        return None
    with opstore.connect(path) as con:
        row = con.execute(sql.load("opstore/user_get"), (user_name,)).fetchone()
    if row is None:
        return None
    name, display, role, brand, market, password_hash, epoch, created = row
    return StoredUser(name, display, role, brand, market, password_hash, epoch or "", created)


def list_users(path: Path) -> list[dict[str, str | None]]:
    """Every user without secrets: user_name, display_name, role, brand, market, created_at."""
    if not path.is_file():
        return []
    with opstore.connect(path) as con:
        cur = con.execute(sql.load("opstore/user_list"))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def remove_user(path: Path, user_name: str) -> None:
    with opstore.connect(path) as con:
        if con.execute(sql.load("opstore/user_delete"), (user_name,)).rowcount == 0:
            raise UserRefused(f"no user {user_name!r}; `carsight users list` shows them")


def set_password_hash(path: Path, user_name: str, password_hash: str) -> None:
    """Store a new hash and end the user's open sessions."""
    with opstore.connect(path) as con:
        cur = con.execute(
            sql.load("opstore/user_set_password"), (password_hash, _epoch(), user_name)
        )
        if cur.rowcount == 0:
            raise UserRefused(f"no user {user_name!r}; `carsight users list` shows them")


# --- sign-in attempts ---------------------------------------------------------------------


def record_attempt(
    path: Path, *, user_name: str, remote_addr: str, ok: bool, now: float | None = None
) -> None:
    """Log one attempt; attempts older than a day are forgotten on the way."""
    now = time.time() if now is None else now
    with opstore.connect(path) as con:
        con.execute(
            sql.load("opstore/login_attempt_insert"),
            (user_name[:200], remote_addr[:100], int(ok), now),
        )
        con.execute(sql.load("opstore/login_attempts_prune"), (now - 86_400,))


def failures_of_user(path: Path, user_name: str, *, since: float) -> tuple[int, float | None]:
    """Refused attempts for the name since `since` and since its last success: (count,
    newest Unix time)."""
    if not path.is_file():
        return 0, None
    with opstore.connect(path) as con:
        count, newest = con.execute(
            sql.load("opstore/login_failures_of_user"), (user_name[:200], since, user_name[:200])
        ).fetchone()
    return int(count), newest


def failures_from_addr(path: Path, remote_addr: str, *, since: float) -> tuple[int, float | None]:
    """Refused attempts from the address since `since`: (count, oldest Unix time)."""
    if not path.is_file():
        return 0, None
    with opstore.connect(path) as con:
        count, oldest = con.execute(
            sql.load("opstore/login_failures_from_addr"), (remote_addr[:100], since)
        ).fetchone()
    return int(count), oldest
