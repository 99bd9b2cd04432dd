"""The session bar in the navigation: who is signed in, or that demo mode signed the
visitor in; the sign-out button (a POST form with its CSRF token)."""

from __future__ import annotations

import contextlib

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, dcc, html
from dash.exceptions import MissingCallbackContextException

from app import ids
from app.i18n import LANGUAGES, t
from app.inputs import Lang
from app.security.signin import LOGOUT_PATH, current_user_info
from callbacks.registry import for_page

callback = for_page("shell")


@callback(
    Output(ids.SESSION_BAR, "children"),
    Input(ids.URL, "pathname"),
    Input(ids.LANG_STORE, "data"),
)
def render_session(_pathname: str | None, lang: Lang):
    """The signed-in user's name and role (or the demo notice) and sign-out."""
    from flask_wtf.csrf import generate_csrf

    lang = lang if lang in LANGUAGES else LANGUAGES[0]
    # the login and error pages (plain HTML) read the language from this cookie
    with contextlib.suppress(MissingCallbackContextException):  # called as a plain function
        dash.callback_context.response.set_cookie(
            "carsight_lang", lang, samesite="Lax", httponly=True, max_age=365 * 86400
        )
    user = current_user_info()
    if user is None:
        return None
    if user.demo:
        return dbc.Badge(
            t("session.demo", lang),
            color="warning",
            text_color="dark",
            className="text-wrap text-start",
            id="app-session-demo",
        )
    role = t(f"role.{user.actor.role}", lang)
    scope = " · ".join(p for p in (user.actor.brand, user.actor.market) if p)
    return html.Form(
        [
            html.Span(
                [
                    # the name is data (any script), marked so for the language test
                    html.Span(user.display_name, className="cs-data"),
                    t("session.user", lang, name="", role=role),
                    html.Span(f" · {scope}", className="cs-data") if scope else None,
                ],
                className="text-light small me-2",
            ),
            dcc.Input(type="hidden", name="csrf_token", value=generate_csrf()),
            dcc.Input(type="hidden", name="lang", value=lang),
            dbc.Button(
                t("session.sign_out", lang), type="submit", size="sm", color="light", outline=True
            ),
        ],
        action=LOGOUT_PATH,
        method="POST",
        className="d-flex align-items-center my-2 my-lg-0",
    )
