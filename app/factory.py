"""Builds the Dash app. Called by `app.create_app`; nothing here runs at import."""

from __future__ import annotations

import functools

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from app import ids, services
from app.i18n import LANGUAGES, grid_locale, label, t
from app.security import access
from app.settings import Settings

POLL_MS = 3_000  # how often open pages look for a new warehouse version (target: < 10 s)

# (page module name, path, catalogue key of its navigation label)
PAGES = (
    ("global_strategy", "/", "nav.strategy"),
    ("dealer", "/dealer", "nav.dealer"),
    ("predict", "/predict", "nav.predict"),
    ("forecast", "/forecast", "nav.forecast"),
    ("automation", "/automation", "nav.automation"),
    ("data", "/data", "nav.data"),
    ("explorer_exports", "/explorer/exports", "nav.explorer.exports"),
    ("explorer_models", "/explorer/models", "nav.explorer.models"),
    ("explorer_plants", "/explorer/plants", "nav.explorer.plants"),
    ("explorer_retail", "/explorer/retail", "nav.explorer.retail"),
    ("explorer_competitors", "/explorer/competitors", "nav.explorer.competitors"),
    ("explorer_sources", "/explorer/sources", "nav.explorer.sources"),
)
# pages listed under one navigation menu (catalogue key of its label -> page names)
NAV_GROUPS = {
    "nav.explorer": (
        "data", "explorer_exports", "explorer_models", "explorer_plants", "explorer_retail",
        "explorer_competitors", "explorer_sources",
    ),
}  # fmt: skip


def build_app(app_settings: Settings) -> dash.Dash:
    services.install(app_settings)
    # Importing the callback modules records their callbacks in callbacks.registry.
    import callbacks.automation  # noqa: F401
    import callbacks.data  # noqa: F401
    import callbacks.dealer  # noqa: F401
    import callbacks.explorer  # noqa: F401
    import callbacks.explorer_competitors  # noqa: F401
    import callbacks.explorer_exports  # noqa: F401
    import callbacks.explorer_models  # noqa: F401
    import callbacks.explorer_plants  # noqa: F401
    import callbacks.explorer_retail  # noqa: F401
    import callbacks.explorer_sources  # noqa: F401
    import callbacks.forecast  # noqa: F401
    import callbacks.global_strategy  # noqa: F401
    import callbacks.live  # noqa: F401
    import callbacks.predict  # noqa: F401
    import callbacks.region  # noqa: F401
    import callbacks.registry
    import callbacks.session  # noqa: F401
    import layouts.automation
    import layouts.data
    import layouts.dealer
    import layouts.denied
    import layouts.explorer_competitors
    import layouts.explorer_exports
    import layouts.explorer_models
    import layouts.explorer_plants
    import layouts.explorer_retail
    import layouts.explorer_sources
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
        "automation": layouts.automation.layout,
        "data": layouts.data.layout,
        "explorer_exports": layouts.explorer_exports.layout,
        "explorer_models": layouts.explorer_models.layout,
        "explorer_plants": layouts.explorer_plants.layout,
        "explorer_retail": layouts.explorer_retail.layout,
        "explorer_competitors": layouts.explorer_competitors.layout,
        "explorer_sources": layouts.explorer_sources.layout,
    }
    for name, path, nav_key in PAGES:
        dash.register_page(
            name,
            path=path,
            name=t(nav_key),
            title=t("app.title"),
            layout=_guarded(name, page_layouts[name], layouts.denied.layout),
        )
    # reached from the link in campaign e-mails only, so not in the navigation
    dash.register_page(
        "unsubscribe",
        path="/unsubscribe",
        title=t("app.title"),
        layout=_guarded("unsubscribe", layouts.automation.unsubscribe, layouts.denied.layout),
    )
    # a function: each page load gets the current data version (so the first poll finds
    # it unchanged and nothing renders twice) and each user's navigation lists only the
    # pages their role may open
    app.layout = functools.partial(_shell, app_settings.language)
    # <html lang> from the first byte (axe: html-has-lang); then it follows the toggle
    app.index_string = app.index_string.replace(
        "<html>", f'<html lang="{app_settings.language}">', 1
    )
    callbacks.registry.register_all(app)
    # in the browser (assets/a11y.js): no request, no access rule needed
    app.clientside_callback(
        dash.ClientsideFunction("carsight", "setLanguage"),
        dash.Output(ids.APP_LANG_APPLIED, "data"),
        dash.Input(ids.LANG_STORE, "data"),
        dash.State(ids.APP_TITLES, "data"),
        dash.State(ids.APP_GRID_LOCALE, "data"),
    )
    app.server.before_request(_refuse_odd_router_input)
    from app.security import install as install_security

    install_security(
        app,
        app_settings,
        pages=[(name, path) for name, path, _nav in PAGES] + [("unsubscribe", "/unsubscribe")],
    )
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


def _guarded(name: str, layout, denied):
    """`layout`, or the refusal for a role the page's access rule does not allow (checked
    on every render, including Dash's client-side page changes).

    Dash calls page layouts in two places: its page router callback (a
    `_dash-update-component` request: a real render, guarded) and, once, while it builds
    the validation layout at the first request of the process, whoever sends it. That
    first request is usually anonymous (the login redirect); guarding it would leave
    every page's component ids out of the validation layout, and the browser would then
    reject each page's callbacks ("ID not found in layout"). The validation layout only
    reaches signed-in users (in the index page's config), and it carries the pages'
    structure, never data a role may not see: data arrives through the guarded callbacks.
    """
    rule = access.page_rule(name)  # a page without a rule stops the app here

    def page(**query: str):
        if not _is_page_render() or rule.allows(services.actor().role):
            return layout(**query)
        return denied(_pages_of(services.actor().role))

    return page


def _is_page_render() -> bool:
    """True inside a callback request (Dash's page router), False when Dash builds its
    validation layout (a before-request hook of an ordinary request)."""
    from flask import has_request_context, request

    return has_request_context() and request.path.endswith("/_dash-update-component")


def _pages_of(role: str) -> list[tuple[str, str]]:
    """(path, navigation key) of the pages `role` may open, in navigation order."""
    allowed = access.allowed_pages(role)
    return [(path, nav_key) for name, path, nav_key in PAGES if name in allowed]


def _assets_folder():
    from pathlib import Path

    return Path(__file__).resolve().parent.parent / "assets"


def _version() -> dict | None:
    from app.automation import current_version

    try:
        return current_version(services.settings())
    except RuntimeError:  # no services installed (a layout built outside an app)
        return None


def _shell(language: str = "ko") -> html.Div:
    allowed = access.allowed_pages(services.actor().role)
    pages = [(name, path, nav_key) for name, path, nav_key in PAGES if name in allowed]
    grouped = {name for names in NAV_GROUPS.values() for name in names}
    nav = [
        dbc.NavItem(dbc.NavLink(label(nav_key), href=path, active="exact"))
        for name, path, nav_key in pages
        if name not in grouped
    ]
    for group_key, names in NAV_GROUPS.items():
        items = [
            dbc.DropdownMenuItem(label(nav_key), href=path)
            for name, path, nav_key in pages
            if name in names
        ]
        if items:
            nav.append(
                dbc.DropdownMenu(
                    items, label=label(group_key), nav=True, in_navbar=True, align_end=True
                )
            )
    toggle = dbc.Button(
        t("lang.toggle"),
        id=ids.LANG_TOGGLE,
        size="sm",
        color="light",
        outline=True,
        className="ms-lg-3 my-2 my-lg-0",
    )
    badge = dbc.Badge(
        "", id=ids.DATA_VERSION_BADGE, color="light", text_color="dark", className="ms-lg-3 my-2"
    )
    return html.Div(
        [
            dcc.Location(id=ids.URL),
            dcc.Store(id=ids.LANG_STORE, storage_type="local", data=language),
            dcc.Store(id=ids.APP_TITLES, data={lang: t("app.title", lang) for lang in LANGUAGES}),
            dcc.Store(id=ids.APP_GRID_LOCALE, data={lang: grid_locale(lang) for lang in LANGUAGES}),
            dcc.Store(id=ids.APP_LANG_APPLIED),
            # live data: a cheap poll of the warehouse file's version (callbacks.live)
            dcc.Store(id=ids.DATA_VERSION, data=_version()),
            dcc.Interval(id=ids.DATA_VERSION_POLL, interval=POLL_MS),
            html.A(label("nav.skip"), href=f"#{ids.MAIN}", className="visually-hidden-focusable"),
            dbc.NavbarSimple(
                brand="CarSight",
                brand_href=pages[0][0] if pages else "/",
                color="dark",
                dark=True,
                fluid=True,
                sticky="top",
                children=[*nav, badge, toggle, html.Div(id=ids.SESSION_BAR, className="ms-lg-3")],
            ),
            html.Main(
                dbc.Container(
                    [
                        html.Div(id=ids.FIRST_START, role="status"),
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
