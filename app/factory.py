"""Builds the Dash app. Called by `app.create_app`; nothing here runs at import."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from app import ids
from app.i18n import t
from app.settings import Settings

_STATE: dict[str, object] = {}


def settings() -> Settings:
    """Settings of the running app (set by `build_app`)."""
    return _STATE["settings"]  # type: ignore[return-value]


def warehouse():
    """The app's read-only warehouse handle, opened lazily on first use."""
    from warehouse.connection import Warehouse

    if "warehouse" not in _STATE:
        _STATE["warehouse"] = Warehouse(settings().db)
    return _STATE["warehouse"]


def build_app(app_settings: Settings) -> dash.Dash:
    _STATE.clear()
    _STATE["settings"] = app_settings
    import callbacks.data  # noqa: F401  (registers @dash.callback functions)
    import layouts.data

    app = dash.Dash(
        __name__,
        use_pages=True,
        pages_folder="",
        # Bootstrap CSS is served from assets/ (no CDN: the app must work offline).
        serve_locally=True,
        suppress_callback_exceptions=False,
        title=t("app.title"),
        assets_folder=str(_assets_folder()),
    )
    dash.register_page("data", path="/", name=t("nav.data"), layout=layouts.data.layout)
    app.layout = _shell()
    return app


def _assets_folder():
    from pathlib import Path

    return Path(__file__).resolve().parent.parent / "assets"


def _shell() -> html.Div:
    return html.Div(
        [
            dcc.Location(id=ids.URL),
            dcc.Store(id=ids.LANG_STORE, storage_type="local", data="ko"),
            dbc.NavbarSimple(
                brand="CarSight",
                color="dark",
                dark=True,
                children=[
                    dbc.NavItem(dbc.NavLink(t("nav.data"), href="/")),
                    dbc.Button(t("lang.toggle"), id=ids.LANG_TOGGLE, size="sm",
                               color="light", outline=True, className="ms-3"),
                ],
            ),
            dbc.Container(dash.page_container, fluid=True, className="py-3"),
        ]
    )
