"""Sign-in on the real app (Flask test client): nothing without a session, argon2
passwords, CSRF on the form, lockout, per-address rate limit, safe redirects, sessions
that end with a password change, security headers, demo mode on the sample only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.security import signin
from app.security.keys import WeakKey
from tests.security.support import DATA_SUMMARY as DASH_BODY
from tests.security.support import PASSWORD, add_user, csrf_token, log_in


@pytest.fixture(scope="module")
def ops_db(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("signin") / "ops.sqlite"


@pytest.fixture(scope="module")
def app(ops_db: Path, tmp_path_factory):
    from app import create_app
    from app.settings import load_settings

    folder = tmp_path_factory.mktemp("signin-app")
    return create_app(load_settings(db=folder / "none.duckdb", ops_db=ops_db))


def _client(app, addr: str):
    client = app.server.test_client()
    client.environ_base["REMOTE_ADDR"] = addr
    return client


def test_anonymous_requests_get_the_login_page_or_401(app):
    client = _client(app, "10.0.0.1")
    page = client.get("/dealer?brand=Kia")
    assert page.status_code == 302
    assert page.headers["Location"] == "/login?next=%2Fdealer%3Fbrand%3DKia"
    for path in ("/_dash-layout", "/_dash-dependencies"):
        assert client.get(path).status_code == 401
    assert client.post("/_dash-update-component", json=DASH_BODY).status_code == 401
    assert client.get("/login").status_code == 200
    assert client.get("/_dash-component-suites/dash/dcc/dash_core_components.js").status_code in (
        200,
        404,  # served without a session either way: no redirect to the login page
    )


def test_wrong_and_unknown_users_get_the_same_answer_and_the_right_password_signs_in(app, ops_db):
    add_user(ops_db, "ann", "admin")
    client = _client(app, "10.0.0.2")
    wrong = log_in(client, "ann", "not-her-password")
    unknown = log_in(client, "nobody-here", "not-her-password")
    assert wrong.status_code == unknown.status_code == 401
    assert "아이디 또는 비밀번호가 올바르지 않습니다" in wrong.get_data(as_text=True)
    assert _message(wrong) == _message(unknown)
    assert client.get("/_dash-layout").status_code == 401

    ok = log_in(client, "ann", next_path="/forecast?series=x")
    assert ok.status_code == 302 and ok.headers["Location"] == "/forecast?series=x"
    assert client.get("/_dash-layout").status_code == 200
    assert client.post("/_dash-update-component", json=DASH_BODY).status_code == 200


def _message(response) -> str:
    import re

    return re.search(r'class="alert[^"]*"[^>]*>([^<]+)<', response.get_data(as_text=True)).group(1)


def test_the_login_form_needs_its_csrf_token(app, ops_db):
    add_user(ops_db, "ben", "analyst")
    client = _client(app, "10.0.0.3")
    refused = client.post("/login", data={"user": "ben", "password": PASSWORD})
    assert refused.status_code == 400
    assert client.get("/_dash-layout").status_code == 401
    forged = client.post(
        "/login", data={"user": "ben", "password": PASSWORD, "csrf_token": "forged"}
    )
    assert forged.status_code == 400


def test_five_failures_lock_the_name_even_for_the_right_password(app, ops_db):
    add_user(ops_db, "cat", "strategist")
    client = _client(app, "10.0.0.4")
    for _ in range(signin.LOCK_AFTER):
        assert log_in(client, "cat", "guess-guess-guess").status_code in (401, 429)
    locked = log_in(client, "cat")
    assert locked.status_code == 429
    assert "잠겼습니다" in locked.get_data(as_text=True)
    assert client.get("/_dash-layout").status_code == 401
    # a name that does not exist locks the same way: the answer tells nothing
    for _ in range(signin.LOCK_AFTER):
        log_in(client, "ghost", "guess-guess-guess")
    assert "잠겼습니다" in log_in(client, "ghost").get_data(as_text=True)


def test_one_address_with_many_failures_is_rate_limited(app, ops_db):
    add_user(ops_db, "dan", "analyst")
    client = _client(app, "10.0.0.5")
    for n in range(signin.ADDR_LIMIT):
        log_in(client, f"name-{n}", "guess-guess-guess")
    limited = log_in(client, "dan")
    assert limited.status_code == 429
    assert "이 주소에서" in limited.get_data(as_text=True)
    other = _client(app, "10.0.0.6")
    assert log_in(other, "dan").status_code == 302  # another address is not affected


@pytest.mark.parametrize(
    "target",
    ["//evil.example/x", "https://evil.example/", "/\\evil.example", "/login", "javascript:x"],
)
def test_sign_in_redirects_only_to_this_site(app, ops_db, target):
    add_user(ops_db, "eve", "analyst")
    client = _client(app, "10.0.0.7")
    response = log_in(client, "eve", next_path=target)
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_a_password_change_or_removal_ends_open_sessions(app, ops_db):
    from app.security.passwords import hash_password
    from warehouse.users import remove_user, set_password_hash

    add_user(ops_db, "fay", "dealer", brand="Kia")
    client = _client(app, "10.0.0.8")
    assert log_in(client, "fay").status_code == 302
    assert client.get("/_dash-layout").status_code == 200
    set_password_hash(ops_db, "fay", hash_password("a-new-password-1"))
    signin._USERS.clear()  # what USER_CACHE_SECONDS do in production
    assert client.get("/_dash-layout").status_code == 401

    add_user(ops_db, "gus", "analyst")
    client = _client(app, "10.0.0.9")
    assert log_in(client, "gus").status_code == 302
    remove_user(ops_db, "gus")
    signin._USERS.clear()
    assert client.get("/_dash-layout").status_code == 401


def test_sign_out_needs_the_token_and_ends_the_session(app, ops_db):
    add_user(ops_db, "hal", "analyst")
    client = _client(app, "10.0.0.10")
    assert log_in(client, "hal").status_code == 302
    client.post("/logout", data={})  # no token: ignored
    assert client.get("/_dash-layout").status_code == 200
    out = client.post("/logout", data={"csrf_token": csrf_token(client)})
    assert out.status_code == 302 and out.headers["Location"].startswith("/login?out=1")
    assert client.get("/_dash-layout").status_code == 401


def test_a_post_from_another_site_is_refused(app, ops_db):
    add_user(ops_db, "ida", "admin")
    client = _client(app, "10.0.0.11")
    assert log_in(client, "ida").status_code == 302
    crafted = client.post(
        "/_dash-update-component", json=DASH_BODY, headers={"Origin": "https://evil.example"}
    )
    assert crafted.status_code == 403
    same = client.post(
        "/_dash-update-component", json=DASH_BODY, headers={"Origin": "http://localhost"}
    )
    assert same.status_code == 200


def test_every_response_carries_the_security_headers(app):
    client = _client(app, "10.0.0.12")
    for response in (client.get("/login"), client.get("/"), client.get("/_dash-layout")):
        headers = response.headers
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
        csp = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
        assert "'sha256-" in csp  # Dash's inline start-up script by hash, not unsafe-inline
        assert "script-src 'self' 'unsafe-eval' 'sha256-" in csp


def test_the_session_cookie_is_http_only_and_same_site(app, ops_db):
    add_user(ops_db, "jon", "analyst")
    client = _client(app, "10.0.0.13")
    response = log_in(client, "jon")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if "carsight_session" in c)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_static_files_are_cacheable_and_leave_the_session_alone(app, ops_db):
    """A signed-in page load: Dash's scripts come without `Vary: Cookie` or `Set-Cookie`
    (either made the browser fetch and compile them again on every page: the session
    cookie is refreshed with each response), while the app's data stays `no-store`."""
    from tests.security.support import signed_in_client

    client = signed_in_client(app, ops_db, "kim-cache", "admin")
    page = client.get("/data").get_data(as_text=True)
    scripts = re.findall(r'src="(/_dash-component-suites/[^"]+)"', page)
    assets = re.findall(r'href="(/assets/[^"]+)"', page)
    assert len(scripts) >= 5 and assets
    for path in [*scripts, *assets]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "Set-Cookie" not in response.headers, path
        assert "cookie" not in response.headers.get("Vary", "").lower(), path
        assert "no-store" not in response.headers.get("Cache-Control", ""), path
    assert "max-age=31536000" in client.get(scripts[0]).headers["Cache-Control"]
    layout = client.get("/_dash-layout")
    assert layout.status_code == 200 and layout.headers["Cache-Control"] == "no-store"
    assert "cookie" in layout.headers.get("Vary", "").lower()  # the session still slides


def test_demo_mode_signs_in_on_the_sample_warehouse_only(tmp_path, monkeypatch):
    from app import create_app
    from app.settings import load_settings
    from warehouse.build import build

    sample = tmp_path / "sample_raw"
    sample.mkdir()
    (sample / "hmc-sales-by-model-december-y2023.csv").write_text(
        "Model,Vehicle Type,Sales Type,"
        + ",".join(["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun."])
        + ",Jul.,Aug.,Sep.,Oct.,Nov.,Dec.\nAvante (CN7),PC,Domestic"
        + ",10" * 12
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "warehouse.duckdb"
    build([sample], db)
    common = {"db": db, "ops_db": tmp_path / "ops.sqlite", "sample_dir": sample}

    demo_app = create_app(load_settings(**common))
    demo = demo_app.server.test_client()
    assert demo.get("/_dash-layout").status_code == 200
    from callbacks.session import render_session

    with demo_app.server.test_request_context("/"):
        assert "데모 모드" in str(render_session("/", "ko"))

    monkeypatch.delenv("CARSIGHT_SECRET_KEY", raising=False)
    with pytest.raises(WeakKey, match="CARSIGHT_SECRET_KEY is not set"):
        create_app(load_settings(**common, production=True))
    monkeypatch.setenv("CARSIGHT_SECRET_KEY", "k" * 40)
    with pytest.raises(WeakKey, match="too few characters"):
        create_app(load_settings(**common, production=True))
    monkeypatch.setenv("CARSIGHT_SECRET_KEY", "Jx4Qp9-vL2mZs8Ry1Tn6Wb3Kc7Hd5Fg0Ae_Uo2Ii")
    production = create_app(load_settings(**common, production=True)).server.test_client()
    assert production.get("/_dash-layout").status_code == 401

    other = tmp_path / "elsewhere"
    other.mkdir()
    not_sample = create_app(load_settings(**{**common, "sample_dir": other})).server.test_client()
    assert not_sample.get("/_dash-layout").status_code == 401


def test_a_cached_user_expiring_during_the_lookup_is_read_again(ops_db, monkeypatch):
    """Under load a thread can pause between the cache's membership test and its read; the
    entry expired in between gave a KeyError (an HTTP 500 for a signed-in user)."""
    from cachetools import TTLCache

    add_user(ops_db, "ivy", "analyst")
    clock = [0.0]

    def timer() -> float:  # every look at the clock is a second later
        clock[0] += 1.0
        return clock[0]

    users: TTLCache = TTLCache(maxsize=8, ttl=1.5, timer=timer)
    monkeypatch.setattr(signin, "_USERS", users)
    users[(str(ops_db), "ivy")] = first = signin._stored_user(ops_db, "ivy")
    again = signin._stored_user(ops_db, "ivy")  # fresh at the first look, expired at a second
    assert first is not None and again is not None and again.user_name == "ivy"
