"""Sign-in: the login page, sessions (Flask-Login), the lockout, the per-address rate
limit, CSRF on the forms, and demo mode.

- Sessions are Flask's signed cookies (HttpOnly, SameSite=Lax), keyed by
  `CARSIGHT_SECRET_KEY`. The session holds `name:epoch`; the epoch changes when the
  password changes or the user is removed, which ends every older session.
- The login and logout forms carry a CSRF token (flask-wtf). Dash's own callback
  requests are JSON POSTs, which a cross-site form cannot send, and the SameSite
  cookie is not sent with cross-site POSTs; `app.security.gate` also refuses a
  foreign `Origin`.
- After LOCK_AFTER refused attempts for one name (existing or not, so the answer
  tells nothing about which names exist) the name is locked for LOCK_MINUTES; an
  address with ADDR_LIMIT refused attempts in ADDR_MINUTES gets HTTP 429.
- Static files (STATIC_PREFIXES) neither read nor refresh the session: their responses
  carry no `Vary: Cookie` and no `Set-Cookie`, so the browser's HTTP cache keeps the
  Dash scripts. (The session cookie, refreshed with each response, changed the Cookie
  header of the next request, which `Vary: Cookie` made a cache miss: every page load
  fetched and compiled ~3 MB of scripts again.)
- Demo mode: outside production, when the warehouse was loaded only from the
  built-in sample folder, an anonymous visitor is signed in as the `demo`
  administrator, and the session bar says so.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import flask
from cachetools import TTLCache
from flask.sessions import SecureCookieSessionInterface
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from markupsafe import escape

from app.actor import Actor
from app.i18n import LANGUAGES, t
from app.security import access

if TYPE_CHECKING:
    from app.settings import Settings

LOCK_AFTER = 5
LOCK_MINUTES = 15
ADDR_LIMIT = 20
ADDR_MINUTES = 10
SESSION_HOURS = 10
USER_CACHE_SECONDS = 5
LOGIN_PATH = "/login"
LOGOUT_PATH = "/logout"
# Dash's scripts and the assets folder: public, cacheable, and no business of the session
STATIC_PREFIXES = ("/assets/", "/_dash-component-suites/")
# nobody signed in: a role no access rule grants (see app.security.access)
ANONYMOUS = Actor(name="anonymous", role="anonymous", brand="-")  # type: ignore[arg-type]
DEMO_NAME = "demo"


@dataclass(frozen=True)
class SignedIn(UserMixin):
    """The signed-in user of a request (Flask-Login's user object)."""

    actor: Actor
    display_name: str
    epoch: str
    demo: bool = False

    def get_id(self) -> str:
        return f"{self.actor.name}:{self.epoch}"


DEMO_USER = SignedIn(Actor(name=DEMO_NAME, role="admin"), "demo", epoch="demo", demo=True)


def install(
    server: flask.Flask, settings: Settings, *, production: bool, pages: list[tuple[str, str]]
) -> None:
    """Sessions, the login and logout routes and the demo sign-in on `server`; `pages` are
    the app's (page name, path) in navigation order."""
    from flask_wtf.csrf import CSRFProtect

    from app.security.keys import session_key

    server.config.update(
        SECRET_KEY=session_key(production=production),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_NAME="carsight_session",
        PERMANENT_SESSION_LIFETIME=SESSION_HOURS * 3600,
        # the token is checked in the login and logout views only: Dash's JSON requests
        # are protected by SameSite cookies and the Origin check (module doc)
        WTF_CSRF_CHECK_DEFAULT=False,
        WTF_CSRF_TIME_LIMIT=SESSION_HOURS * 3600,
        CARSIGHT_PAGE_PATHS=pages,
    )
    server.session_interface = _StaticFreeSessions()
    CSRFProtect(server)
    manager = LoginManager(server)
    manager.session_protection = "basic"
    ops_db = Path(settings.ops_db)
    manager.user_loader(lambda session_id: load_user(ops_db, session_id))
    if not production:
        demo = DemoCheck(Path(settings.db), Path(settings.sample_dir))
        manager.request_loader(lambda request: DEMO_USER if demo.active() else None)
    server.add_url_rule(LOGIN_PATH, "login", lambda: login_view(ops_db), methods=["GET", "POST"])
    server.add_url_rule(LOGOUT_PATH, "logout", logout_view, methods=["POST"])


class _StaticFreeSessions(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, left untouched by static files (module doc)."""

    def save_session(self, app, session, response) -> None:  # type: ignore[no-untyped-def]
        if flask.request.path.startswith(STATIC_PREFIXES):
            return
        super().save_session(app, session, response)


_ACTING: ContextVar[Actor | None] = ContextVar("carsight_acting", default=None)


@contextlib.contextmanager
def acting_as(actor: Actor) -> Iterator[Actor]:
    """Run code outside a request as `actor` (a scheduled job for its owner, a test as a
    dealer): `current_actor` returns it inside the block."""
    token = _ACTING.set(actor)
    try:
        yield actor
    finally:
        _ACTING.reset(token)


def current_actor() -> Actor:
    """Who is asking: the signed-in user's actor inside a request (ANONYMOUS when nobody
    is signed in); outside a request (CLI, tests calling callbacks) the actor of an
    enclosing `acting_as`, else the system."""
    from app.actor import SYSTEM

    acting = _ACTING.get()
    if acting is not None:
        return acting
    if not flask.has_request_context():
        return SYSTEM
    user = current_user
    return user.actor if getattr(user, "is_authenticated", False) else ANONYMOUS


def current_user_info() -> SignedIn | None:
    user = current_user if flask.has_request_context() else None
    return user if getattr(user, "is_authenticated", False) else None  # type: ignore[return-value]


def load_user(ops_db: Path, session_id: str) -> SignedIn | None:
    """The session's user, or None when they were removed or their password changed."""
    name, _, epoch = session_id.partition(":")
    stored = _stored_user(ops_db, name)
    if stored is None or not epoch or epoch != stored.session_epoch:
        return None
    return _signed_in(stored)


_USERS: TTLCache = TTLCache(maxsize=1024, ttl=USER_CACHE_SECONDS)
_USERS_LOCK = threading.Lock()


def _stored_user(ops_db: Path, name: str):
    """The stored user, read at most every USER_CACHE_SECONDS per worker (a removed user
    or a changed password ends their sessions within that time)."""
    from warehouse.users import get_user

    key = (str(ops_db), name)
    with _USERS_LOCK:
        try:  # one lookup: an entry can expire between `key in _USERS` and `_USERS[key]`
            return _USERS[key]
        except KeyError:
            pass
    stored = get_user(ops_db, name)
    with _USERS_LOCK:
        _USERS[key] = stored
    return stored


def _signed_in(stored) -> SignedIn:
    actor = Actor(name=stored.user_name, role=stored.role, brand=stored.brand, market=stored.market)
    return SignedIn(actor, stored.display_name or stored.user_name, stored.session_epoch)


# --- views --------------------------------------------------------------------------------


def login_view(ops_db: Path):
    from flask_wtf.csrf import CSRFError, validate_csrf

    request = flask.request
    lang = _lang()
    target = _safe_next(request.values.get("next"))
    if request.method == "GET":
        if current_user_info() is not None and not current_user_info().demo:  # type: ignore[union-attr]
            return flask.redirect(target)
        notice = t("login.signed_out", lang) if request.args.get("out") else None
        return _page(lang, target, notice=notice)
    try:
        validate_csrf(request.form.get("csrf_token"))
    except (CSRFError, Exception):
        return _page(lang, target, error=t("login.expired", lang)), 400
    name = (request.form.get("user") or "").strip()[:100]
    password = request.form.get("password") or ""
    addr = request.remote_addr or "-"
    refusal = _throttled(ops_db, name, addr, lang)
    if refusal is not None:
        return _page(lang, target, error=refusal, user=name), 429
    from app.security.passwords import verify
    from warehouse.users import get_user

    stored = get_user(ops_db, name) if name else None  # never the cache: a fresh hash
    from warehouse.users import record_attempt

    ok = verify(stored.password_hash if stored else None, password)
    record_attempt(ops_db, user_name=name, remote_addr=addr, ok=ok)
    if not ok or stored is None:
        refusal = _throttled(ops_db, name, addr, lang)  # this attempt may have locked it
        return _page(lang, target, error=refusal or t("login.failed", lang), user=name), 401
    flask.session.clear()  # a fresh session: nothing from before sign-in carries over
    login_user(_signed_in(stored))
    if target == "/":  # the start page: the first one the role may open
        target = _first_page(stored.role)
    flask.session.permanent = True
    return flask.redirect(target)


def _first_page(role: str) -> str:
    allowed = access.allowed_pages(role)
    paths = flask.current_app.config["CARSIGHT_PAGE_PATHS"]
    return next((path for name, path in paths if name in allowed), "/")


def logout_view():
    from flask_wtf.csrf import validate_csrf

    try:
        validate_csrf(flask.request.form.get("csrf_token"))
    except Exception:
        return flask.redirect("/")
    logout_user()
    flask.session.clear()
    return flask.redirect(f"{LOGIN_PATH}?out=1&lang={_lang()}")


def _throttled(ops_db: Path, name: str, addr: str, lang: str) -> str | None:
    """The refusal text when the address or the name is over its limit, else None."""
    from warehouse.users import failures_from_addr, failures_of_user

    now = time.time()
    count, _oldest = failures_from_addr(ops_db, addr, since=now - ADDR_MINUTES * 60)
    if count >= ADDR_LIMIT:
        return t("login.rate_limited", lang, minutes=ADDR_MINUTES)
    count, _newest = failures_of_user(ops_db, name, since=now - LOCK_MINUTES * 60)
    if count >= LOCK_AFTER:
        return t("login.locked", lang, count=count, minutes=LOCK_MINUTES)
    return None


def _safe_next(target: str | None) -> str:
    """Only a path on this site (never `//host` or a scheme) is a redirect target."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    if target.startswith((LOGIN_PATH, LOGOUT_PATH)):
        return "/"
    return target


def _lang() -> str:
    lang = flask.request.values.get("lang") or flask.request.cookies.get("carsight_lang")
    return lang if lang in LANGUAGES else LANGUAGES[0]


def _page(
    lang: str,
    target: str,
    *,
    error: str | None = None,
    notice: str | None = None,
    user: str = "",
) -> str:
    """The login page: plain HTML (no Dash), Bootstrap from assets/, no scripts."""
    from flask_wtf.csrf import generate_csrf

    other = "en" if lang == "ko" else "ko"
    other_href = f"{LOGIN_PATH}?{urlencode({'lang': other, 'next': target})}"
    alert = ""
    if error:
        alert = f'<div class="alert alert-danger" role="alert">{escape(error)}</div>'
    elif notice:
        alert = f'<div class="alert alert-info" role="status">{escape(notice)}</div>'
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(t("login.title", lang))} · CarSight</title>
<link rel="stylesheet" href="/assets/00-bootstrap-5.3.6.min.css">
<link rel="stylesheet" href="/assets/10-carsight.css">
</head>
<body class="bg-light">
<nav class="navbar navbar-dark bg-dark"><div class="container-fluid">
<span class="navbar-brand">CarSight</span>
<a class="btn btn-sm btn-outline-light" href="{escape(other_href)}" id="login-lang">{
        escape(t("login.other_language", lang))
    }</a>
</div></nav>
<main class="container py-5" style="max-width: 26rem">
<h1 class="h3 mb-3">{escape(t("login.title", lang))}</h1>
<p class="text-muted">{escape(t("login.intro", lang))}</p>
{alert}
<form method="post" action="{LOGIN_PATH}" id="login-form" autocomplete="on">
<input type="hidden" name="csrf_token" value="{escape(generate_csrf())}">
<input type="hidden" name="next" value="{escape(target)}">
<input type="hidden" name="lang" value="{lang}">
<div class="mb-3"><label class="form-label" for="login-user">{escape(t("login.user", lang))}</label>
<input class="form-control" id="login-user" name="user" autocomplete="username" required
 maxlength="100" value="{escape(user)}" autofocus></div>
<div class="mb-3"><label class="form-label" for="login-password">{
        escape(t("login.password", lang))
    }</label>
<input class="form-control" id="login-password" name="password" type="password"
 autocomplete="current-password" required maxlength="1000"></div>
<button class="btn btn-primary w-100" type="submit" id="login-submit">{
        escape(t("login.submit", lang))
    }</button>
</form>
</main>
</body>
</html>"""


class DemoCheck:
    """Is the warehouse the built-in sample (every loaded file under the sample folder)?
    Checked again whenever the warehouse file changes (a build or ingest swaps it)."""

    def __init__(self, db: Path, sample_dir: Path) -> None:
        self.db, self.sample_dir = db, sample_dir.resolve()
        self._key: tuple[int, int] | None = None
        self._active = False

    def active(self) -> bool:
        try:
            stat = self.db.stat()
        except OSError:
            return False
        key = (stat.st_ino, stat.st_mtime_ns)
        if key != self._key:
            self._active, self._key = self._is_sample(), key
        return self._active

    def _is_sample(self) -> bool:
        import duckdb

        from warehouse import sql
        from warehouse.connection import open_read_only

        try:
            con = open_read_only(self.db)
        except Exception:
            return False
        try:
            files = [row[0] for row in con.execute(sql.load("marts/loaded_files")).fetchall()]
        except duckdb.Error:
            return False
        finally:
            con.close()
        return bool(files) and all(self.sample_dir in Path(f).resolve().parents for f in files)
