"""Sign-in, roles and hardening of the web app (`install` is called by the app factory).

- `signin`: login page, sessions, lockout, rate limit, CSRF, demo mode;
- `gate`: every request signed in, security headers, uploads' size, error pages;
- `passwords`: argon2 hashes; `keys`: secrets from the environment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import dash

    from app.settings import Settings


def install(app: dash.Dash, settings: Settings, *, pages: list[tuple[str, str]]) -> None:
    """Sign-in and the request gate on `app`; `pages` are its (page name, path) in
    navigation order."""
    from app.security import gate, signin

    signin.install(app.server, settings, production=settings.production, pages=pages)
    gate.install(app, pages)
