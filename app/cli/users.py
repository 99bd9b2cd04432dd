"""`carsight users add|list|remove|passwd`: who may sign in to the app, with which role.

Users live in the operational store (`ops_db`). Passwords are read from a hidden
prompt (typed twice), or, when standard input is not a terminal, from its first two
lines (the password and its confirmation): never from an argument, an environment
variable or a log. Only the argon2 hash is stored.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from app.cli.common import cli_settings, refuse

ROLE_CHOICES = ("admin", "strategist", "dealer", "analyst")
BRAND_CHOICES = {"hyundai": "Hyundai", "kia": "Kia"}

ops_db_option = click.option(
    "--ops-db",
    type=click.Path(path_type=Path),
    help="Operational store holding the users [env CARSIGHT_OPS_DB].",
)


@click.group()
def users() -> None:
    """Manage the people who may sign in (admin, strategist, dealer, analyst)."""


@users.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(ROLE_CHOICES), help="What they may do.")
@click.option(
    "--brand",
    type=click.Choice(tuple(BRAND_CHOICES), case_sensitive=False),
    help="A dealer's own brand (required for dealers).",
)
@click.option("--market", help="A dealer's one market, e.g. Korea or 대한민국 (optional).")
@click.option("--display-name", help="Name shown in the app [default NAME].")
@ops_db_option
def add(
    name: str,
    role: str,
    brand: str | None,
    market: str | None,
    display_name: str | None,
    ops_db: Path | None,
) -> None:
    """Add user NAME; the password is asked for twice."""
    from warehouse.canonical import market_of
    from warehouse.users import UserRefused, add_user, check_role, get_user

    store = cli_settings(ops_db=ops_db).ops_db
    _check_name(name)
    canonical_market = None
    if market is not None:
        canonical_market = market_of(market)
        if canonical_market is None:
            refuse(ValueError(f"--market {market!r} is not a known market (e.g. Korea, 대한민국)"))
    full_brand = BRAND_CHOICES[brand.lower()] if brand else None
    try:
        check_role(role, brand=full_brand, market=canonical_market)
    except UserRefused as exc:
        refuse(exc)
    if get_user(store, name) is not None:
        refuse(UserRefused(f"user {name!r} already exists; pick another name"))
    password_hash = _new_password_hash(name)
    try:
        add_user(
            store,
            user_name=name,
            role=role,
            brand=full_brand,
            market=canonical_market,
            display_name=display_name,
            password_hash=password_hash,
        )
    except UserRefused as exc:
        refuse(exc)
    click.echo(f"added {name} ({_scope(role, brand, canonical_market)}) to {store}")


@users.command("list")
@ops_db_option
def list_(ops_db: Path | None) -> None:
    """Every user with role, brand and market (never passwords)."""
    from warehouse.users import list_users

    rows = list_users(cli_settings(ops_db=ops_db).ops_db)
    if not rows:
        click.echo("no users yet: add one with `carsight users add NAME --role admin`")
        return
    click.echo(f"{'user':<20} {'role':<11} {'brand':<8} {'market':<20} created (UTC)")
    for row in rows:
        click.echo(
            f"{row['user_name']:<20} {row['role']:<11} {row['brand'] or '-':<8} "
            f"{row['market'] or '-':<20} {row['created_at']}"
        )


@users.command("remove")
@click.argument("name")
@ops_db_option
def remove(name: str, ops_db: Path | None) -> None:
    """Remove user NAME; their open sessions end at their next request."""
    from warehouse.users import UserRefused, remove_user

    try:
        remove_user(cli_settings(ops_db=ops_db).ops_db, name)
    except UserRefused as exc:
        refuse(exc)
    click.echo(f"removed {name}")


@users.command("passwd")
@click.argument("name")
@ops_db_option
def passwd(name: str, ops_db: Path | None) -> None:
    """Set a new password for NAME (asked twice); signs out their open sessions."""
    from warehouse.users import UserRefused, get_user, set_password_hash

    store = cli_settings(ops_db=ops_db).ops_db
    if get_user(store, name) is None:
        refuse(UserRefused(f"no user {name!r}; `carsight users list` shows them"))
    try:
        set_password_hash(store, name, _new_password_hash(name))
    except UserRefused as exc:
        refuse(exc)
    click.echo(f"password of {name} changed; their open sessions are signed out")


def _check_name(name: str) -> None:
    import re

    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{1,39}", name):
        refuse(
            ValueError(
                f"user name {name!r}: use 2-40 letters, digits, '.', '_' or '-', "
                "starting with a letter or digit"
            )
        )


def _new_password_hash(name: str) -> str:
    """Read the password twice (prompt or stdin), check the rule, return its hash."""
    from app.security.passwords import PasswordRefused, check_rule, hash_password

    if sys.stdin.isatty():
        password = click.prompt(
            "password", hide_input=True, confirmation_prompt="repeat the password"
        )
    else:
        lines = sys.stdin.read().splitlines()
        if len(lines) < 2:
            refuse(ValueError("standard input needs two lines: the password and it again"))
        password, again = lines[0], lines[1]
        if password != again:
            refuse(ValueError("the two passwords differ; nothing was changed"))
    try:
        check_rule(password, user_name=name)
    except PasswordRefused as exc:
        refuse(exc)
    return hash_password(password)


def _scope(role: str, brand: str | None, market: str | None) -> str:
    parts = [role] + [p for p in (BRAND_CHOICES.get((brand or "").lower()), market) if p]
    return ", ".join(parts)
