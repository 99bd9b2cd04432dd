"""Builds the Dash app. Called by `app.create_app`; nothing here runs at import."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from app import ids, services
from app.i18n import label, t
from app.settings import Settings

# (page module name, path, catalogue key of its navigation label)
PAGES = (
    ("global_strategy", "/", "nav.strategy"),
    ("dealer", "/dealer", "nav.dealer"),
    ("predict", "/predict", "nav.predict"),
    ("forecast", "/forecast", "nav.forecast"),
    ("automation", "/automation", "nav.automation"),
    ("data", "/data", "nav.data"),
)


def build_app(app_settings: Settings) -> dash.Dash:
    services.install(app_settings)
    # Importing the callback modules records their callbacks in callbacks.registry.
    import callbacks.data  # noqa: F401
    import callbacks.dealer  # noqa: F401
    import callbacks.forecast  # noqa: F401
    import callbacks.global_strategy  # noqa: F401
    import callbacks.predict  # noqa: F401
    import callbacks.registry
    import layouts.coming_soon
    import layouts.data
    import layouts.dealer
    import layouts.forecast
    import layouts.global_strategy
    import layouts.predict

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
    page_layouts = {
        "global_strategy": layouts.global_strategy.layout,
        "dealer": layouts.dealer.layout,
        "predict": layouts.predict.layout,
        "forecast": layouts.forecast.layout,
        "automation": layouts.coming_soon.automation,
        "data": layouts.data.layout,
    }
    for name, path, nav_key in PAGES:
        dash.register_page(
            name, path=path, name=t(nav_key), title=t("app.title"), layout=page_layouts[name]
        )
    app.layout = _shell(app_settings.language)
    callbacks.registry.register_all(app)
    app.server.before_request(_refuse_odd_router_input)
    return app


def _refuse_odd_router_input():
    """Dash's page router reads the location's pathname as a path ('/...') and its search
    as a string; a crafted request with anything else gets no update (204) instead of a
    500 inside Dash."""
    from flask import request

    if not request.path.endswith("/_dash-update-component"):
        return None
    body = request.get_json(silent=True) or {}
    for entry in body.get("inputs") or []:
        if not isinstance(entry, dict) or entry.get("id") != "_pages_location":
            continue
        value = entry.get("value")
        if not isinstance(value, str | None) or (
            entry.get("property") == "pathname" and value is not None and not value.startswith("/")
        ):
            return "", 204
    return None


def _assets_folder():
    from pathlib import Path

    return Path(__file__).resolve().parent.parent / "assets"


def _shell(language: str = "ko") -> html.Div:
    nav = [
        dbc.NavItem(dbc.NavLink(label(nav_key), href=path, active="exact"))
        for _name, path, nav_key in PAGES
    ]
    toggle = dbc.Button(
        t("lang.toggle"),
        id=ids.LANG_TOGGLE,
        size="sm",
        color="light",
        outline=True,
        className="ms-lg-3 my-2 my-lg-0",
    )
    return html.Div(
        [
            dcc.Location(id=ids.URL),
            dcc.Store(id=ids.LANG_STORE, storage_type="local", data=language),
            html.A(label("nav.skip"), href=f"#{ids.MAIN}", className="visually-hidden-focusable"),
            dbc.NavbarSimple(
                brand="CarSight",
                brand_href="/",
                color="dark",
                dark=True,
                fluid=True,
                sticky="top",
                children=[*nav, toggle],
            ),
            html.Main(
                dbc.Container(
                    [
                        dbc.Alert(
                            id=ids.INPUT_ALERT,
                            is_open=False,
                            color="warning",
                            dismissable=True,
                            className="mb-3",
                        ),
                        dash.page_container,
                    ],
                    fluid=True,
                    className="py-3",
                ),
                id=ids.MAIN,
            ),
        ],
        id=ids.SHELL,
        lang=language,
    )
