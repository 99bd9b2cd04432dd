"""`carsight users`: passwords from stdin twice, argon2 hashes in the operational store,
never a password in an argument, the output or the warehouse."""

from __future__ import annotations

import sqlite3
from types import SimpleNamespace

from click.testing import CliRunner

from app.cli import main

PASSWORD = "kia-dealer-2026!"


def run_carsight(*args: str, tmp_path, stdin: str = "") -> SimpleNamespace:
    """`carsight ARGS --ops-db tmp_path/data/operational.sqlite` in process (stdin is
    not a terminal, as in a script)."""
    store = tmp_path / "data" / "operational.sqlite"
    result = CliRunner().invoke(main, [*args, "--ops-db", str(store)], input=stdin)
    return SimpleNamespace(returncode=result.exit_code, stdout=result.stdout, stderr=result.stderr)


def _store_rows(tmp_path, query: str) -> list[tuple]:
    with sqlite3.connect(tmp_path / "data" / "operational.sqlite") as con:
        return con.execute(query).fetchall()


def test_add_list_passwd_remove_a_dealer(tmp_path):
    added = run_carsight(
        "users", "add", "kdealer", "--role", "dealer", "--brand", "kia", "--market", "대한민국",
        tmp_path=tmp_path, stdin=f"{PASSWORD}\n{PASSWORD}\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert PASSWORD not in added.stdout + added.stderr
    [(role, brand, market, hashed)] = _store_rows(
        tmp_path, "select role, brand, market, password_hash from users"
    )
    assert (role, brand, market) == ("dealer", "Kia", "Korea")
    assert hashed.startswith("$argon2id$") and PASSWORD not in hashed

    listed = run_carsight("users", "list", tmp_path=tmp_path)
    assert "kdealer" in listed.stdout and "Kia" in listed.stdout and "argon2" not in listed.stdout

    [(epoch_before,)] = _store_rows(tmp_path, "select session_epoch from users")
    changed = run_carsight(
        "users", "passwd", "kdealer", tmp_path=tmp_path, stdin="another-pass-99\nanother-pass-99\n"
    )
    assert changed.returncode == 0, changed.stderr
    [(hashed_after, epoch_after)] = _store_rows(
        tmp_path, "select password_hash, session_epoch from users"
    )
    assert hashed_after != hashed and epoch_after != epoch_before  # old sessions end

    assert run_carsight("users", "remove", "kdealer", tmp_path=tmp_path).returncode == 0
    assert _store_rows(tmp_path, "select count(*) from users") == [(0,)]


def test_refusals_exit_2_with_one_line_and_store_nothing(tmp_path):
    cases = [
        (("users", "add", "a1", "--role", "dealer"), f"{PASSWORD}\n{PASSWORD}\n", "--brand"),
        (("users", "add", "a1", "--role", "admin", "--brand", "kia"), "", "only a dealer"),
        (("users", "add", "a1", "--role", "admin"), f"{PASSWORD}\nother-pass-1234\n", "differ"),
        (("users", "add", "a1", "--role", "admin"), f"{PASSWORD}\n", "two lines"),
        (("users", "add", "a1", "--role", "admin"), "short\nshort\n", "at least 10"),
        (("users", "add", "a1", "--role", "analyst"), "xa1-password\nxa1-password\n", "user name"),
        (("users", "add", "=cmd", "--role", "admin"), f"{PASSWORD}\n{PASSWORD}\n", "user name"),
        (("users", "add", "d1", "--role", "dealer", "--brand", "kia", "--market", "Mars"), "",
         "not a known market"),
        (("users", "remove", "nobody"), "", "no user"),
        (("users", "passwd", "nobody"), f"{PASSWORD}\n{PASSWORD}\n", "no user"),
    ]  # fmt: skip
    for args, stdin, expected in cases:
        result = run_carsight(*args, tmp_path=tmp_path, stdin=stdin)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0], (
            args,
            result.stderr,
        )
        assert PASSWORD not in result.stderr
    store = tmp_path / "data" / "operational.sqlite"
    assert not store.exists() or _store_rows(tmp_path, "select count(*) from users") == [(0,)]


def test_a_taken_name_is_refused(tmp_path):
    stdin = f"{PASSWORD}\n{PASSWORD}\n"
    assert run_carsight("users", "add", "ann", "--role", "admin", tmp_path=tmp_path, stdin=stdin)
    again = run_carsight("users", "add", "ann", "--role", "analyst", tmp_path=tmp_path, stdin=stdin)
    assert again.returncode == 2 and "already exists" in again.stderr
