"""Signed-in clients for tests: real users in the operational store, signed in through
the real login form (CSRF token and all)."""

from __future__ import annotations

import re
from pathlib import Path

from werkzeug.test import TestResponse

PASSWORD = "test-password-2026"
_HASH: dict[str, str] = {}


def add_user(
    ops_db: Path, name: str, role: str, *, brand: str | None = None, market: str | None = None
) -> None:
    """A user with PASSWORD (hashed once per test session: argon2 is slow on purpose)."""
    from app.security.passwords import hash_password
    from warehouse.users import add_user as store
    from warehouse.users import get_user

    if get_user(ops_db, name) is not None:
        return
    if "hash" not in _HASH:
        _HASH["hash"] = hash_password(PASSWORD)
    store(
        ops_db, user_name=name, role=role, brand=brand, market=market, password_hash=_HASH["hash"]
    )


# the data page's summary (its access rule is not public)
DATA_SUMMARY = {
    "output": "..data-summary.children...data-quality-table.children"
    "...data-load-log-table.children..",
    "outputs": [
        {"id": "data-summary", "property": "children"},
        {"id": "data-quality-table", "property": "children"},
        {"id": "data-load-log-table", "property": "children"},
    ],
    "inputs": [
        {"id": "app-lang", "property": "data", "value": "en"},
        {"id": "app-data-version", "property": "data", "value": None},
    ],
    "changedPropIds": ["app-lang.data"],
}

SESSION_BAR = {
    "output": "app-session.children",
    "outputs": {"id": "app-session", "property": "children"},
    "inputs": [
        {"id": "app-url", "property": "pathname", "value": "/"},
        {"id": "app-lang", "property": "data", "value": "ko"},
    ],
    "changedPropIds": ["app-url.pathname"],
}


def csrf_token(client) -> str:
    """The session's CSRF token: from the login form, or (signed in) the sign-out form."""
    page = client.get("/login")
    if page.status_code == 200:
        text = page.get_data(as_text=True)
        return re.search(r'name="csrf_token" value="([^"]+)"', text).group(1)
    bar = client.post("/_dash-update-component", json=SESSION_BAR).get_json()
    return next(
        props["value"]
        for props in _props(bar["response"]["app-session"]["children"])
        if props.get("name") == "csrf_token"
    )


def _props(component):
    """Every component's props in a serialised Dash tree."""
    if isinstance(component, list):
        for child in component:
            yield from _props(child)
    elif isinstance(component, dict) and "props" in component:
        yield component["props"]
        yield from _props(component["props"].get("children"))


def log_in(client, name: str, password: str = PASSWORD, *, next_path: str = "/") -> TestResponse:
    return client.post(
        "/login",
        data={
            "user": name,
            "password": password,
            "csrf_token": csrf_token(client),
            "next": next_path,
        },
    )


def signed_in_client(app, ops_db: Path, name: str, role: str, **scope: str | None):
    """A Flask test client of `app` signed in as a new user `name` with `role`."""
    add_user(ops_db, name, role, **scope)
    client = app.server.test_client()
    response = log_in(client, name)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return client


def session_cookie(app, ops_db: Path, name: str, role: str, **scope: str | None) -> str:
    """A `Cookie:` header value signing an HTTP client in as a new user `name`."""
    client = signed_in_client(app, ops_db, name, role, **scope)
    return f"carsight_session={client.get_cookie('carsight_session').value}"
