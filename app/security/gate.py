"""The request gate: nobody gets past it without signing in, every response carries the
security headers, and no error shows a server path or a traceback.

- Public: the login page and static files (the Dash renderer's scripts, assets/).
  Anything else needs a signed-in user: an anonymous page request is sent to the
  login page, an anonymous Dash request (`/_dash-*`) or POST gets 401.
- A POST whose `Origin` is another site is refused (403): together with the SameSite
  session cookie this keeps other sites from driving callbacks (CSRF).
- Uploads larger than MAX_UPLOAD_MB are refused by Flask before any code reads them.
- Errors: the client sees a translated message and the time; the log has the rest.
"""

from __future__ import annotations

import datetime as dt
import logging
from urllib.parse import urlencode, urlparse

import dash
import flask
from markupsafe import escape
from werkzeug.exceptions import HTTPException

from app.i18n import LANGUAGES, t
from app.security import access
from app.security.signin import LOGIN_PATH, STATIC_PREFIXES, current_user_info

log = logging.getLogger(__name__)

MAX_UPLOAD_MB = 25
PUBLIC_PATHS = frozenset({LOGIN_PATH, "/_favicon.ico", "/favicon.ico", "/_alive"})

# Scripts come only from this server, plus Dash's inline start-up script and clientside
# callbacks by hash (`dash.Dash.csp_hashes`). Dash needs inline styles (plotly,
# dash-table); plotly draws with blob:/data: images. No frames, no other origins.
CSP_DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval' {hashes}",  # plotly.js compiles with Function()
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def install(app: dash.Dash, pages: list[tuple[str, str]]) -> None:
    """The gate, the headers and the error pages on `app`'s server; `pages` are its
    (page name, path), of which the PUBLIC ones (access table) need no sign-in."""
    server = app.server
    public_pages = access.public_paths(pages)

    def gate():
        request = flask.request
        if request.method == "POST" and _foreign_origin(request):
            return _refusal(403, "forbidden")
        if _is_public(request.path) or current_user_info() is not None:
            return None
        if request.method == "GET" and request.path in public_pages:
            return None
        if _public_dash_request(app, request, public_pages):
            return None  # the callback's rule (PUBLIC) is checked again by the registry
        if _is_api(request):
            return _refusal(401, "sign in first")
        query = urlencode({"next": request.full_path.rstrip("?")})
        return flask.redirect(f"{LOGIN_PATH}?{query}")

    server.config["MAX_CONTENT_LENGTH"] = MAX_UPLOAD_MB * 1024 * 1024

    def headers(response: flask.Response) -> flask.Response:
        # computed per response (two hashes): Dash adds inline scripts (clientside
        # callbacks) during its set-up, which may come after a worker's first response
        policy = "; ".join(CSP_DIRECTIVES).format(hashes=" ".join(app.csp_hashes()))
        response.headers.setdefault("Content-Security-Policy", policy)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        path = flask.request.path
        dynamic = path.startswith("/_dash-") and not path.startswith(STATIC_PREFIXES)
        if dynamic or path == LOGIN_PATH:
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    def known_callback():
        """A Dash request naming no callback of this app, with the wrong number of inputs,
        or with a wildcard (MATCH, ALL) where a browser sends the matched component's id,
        is refused (400) instead of failing inside Dash (500)."""
        request = flask.request
        if request.method != "POST" or not request.path.endswith("/_dash-update-component"):
            return None
        body = request.get_json(silent=True)
        output = body.get("output") if isinstance(body, dict) else None
        if not isinstance(output, str) or output not in app.callback_map:
            return _refusal(400, "unknown callback")
        expected = app.callback_map[output]
        for part in ("inputs", "state"):
            given = body.get(part) or []
            if not isinstance(given, list) or len(given) != len(expected.get(part) or []):
                return _refusal(400, f"wrong number of {part}")
        if _wildcard_id(body.get("outputs")):
            return _refusal(400, "output id is a pattern, not a component")
        return None

    server.before_request(gate)
    server.before_request(known_callback)
    server.after_request(headers)
    server.register_error_handler(Exception, _error)
    server.add_url_rule("/_alive", "alive", lambda: ("ok", 200))


def _wildcard_id(outputs: object) -> bool:
    """Does an output of the request still hold a pattern (["MATCH"], ["ALL"]) as an id
    value? Dash's renderer always sends the ids of the components it matched."""
    entries = outputs if isinstance(outputs, list) else [outputs]
    for entry in entries:
        if isinstance(entry, list):
            if _wildcard_id(entry):
                return True
            continue
        ident = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(ident, dict) and any(isinstance(v, list) for v in ident.values()):
            return True
    return False


def _is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(STATIC_PREFIXES)


def _is_api(request: flask.Request) -> bool:
    return request.path.startswith("/_dash-") or request.method not in ("GET", "HEAD")


def _public_dash_request(app: dash.Dash, request: flask.Request, public_pages) -> bool:
    """Is this what a public page (unsubscribe) needs from Dash without a session: the
    layout and dependencies when opened from it, the router rendering it, or a callback
    whose access rule is PUBLIC?"""
    if request.path in ("/_dash-layout", "/_dash-dependencies"):
        return urlparse(request.headers.get("Referer", "")).path in public_pages
    if request.path != "/_dash-update-component" or request.method != "POST":
        return False
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("output"), str):
        return False
    entry = app.callback_map.get(body["output"])
    function = (entry or {}).get("callback")
    if function is None:
        return False
    if function.__module__.startswith("dash"):  # the page router: only a public page
        paths = [
            i.get("value")
            for i in body.get("inputs") or []
            if isinstance(i, dict) and i.get("property") == "pathname"
        ]
        return bool(paths) and all(path in public_pages for path in paths)
    name = f"{function.__module__}.{function.__name__}"
    return access.callback_rule(name) is access.PUBLIC


def _foreign_origin(request: flask.Request) -> bool:
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return origin == "null"
    return urlparse(origin).netloc != request.host


def _refusal(status: int, reason: str):
    return flask.jsonify({"error": reason}), status


def _error(error: Exception):
    """Any uncaught error: the status and a translated message, never the traceback."""
    if isinstance(error, HTTPException):
        status = error.code or 500
    else:
        status = 500
        log.exception("request %s %s failed", flask.request.method, flask.request.path)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    lang = flask.request.cookies.get("carsight_lang")
    lang = lang if lang in LANGUAGES else LANGUAGES[0]
    if status == 413:
        message = t("error.too_large", lang, mb=MAX_UPLOAD_MB)
    elif status == 404:
        message = t("error.not_found", lang)
    elif status >= 500:
        message = t("error.body", lang, time=stamp)
    else:
        message = getattr(error, "description", None) or t("error.title", lang)
    if _is_api(flask.request):
        return flask.jsonify({"error": message}), status
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>CarSight</title>"
        f'<link rel="stylesheet" href="/assets/00-bootstrap-5.3.6.min.css"></head>'
        f'<body class="container py-5"><h1 class="h4">{escape(t("error.title", lang))}</h1>'
        f'<p>{escape(message)}</p><p><a href="/">{escape(t("access.home", lang))}</a></p>'
        f"</body></html>",
        status,
    )
