"""Live data: the shell polls the warehouse's data version (one stat, no connection,
no lock) and publishes it in DATA_VERSION; views that take DATA_VERSION as an Input
re-render with the new data, without a restart or a page reload."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, Output, State, no_update

from app import automation, ids, services
from app.i18n import t
from app.inputs import Clicks, DataVersionStore, Lang
from callbacks.registry import for_page

callback = for_page("shell")


@callback(
    Output(ids.DATA_VERSION, "data"),
    Input(ids.DATA_VERSION_POLL, "n_intervals"),
    State(ids.DATA_VERSION, "data"),
)
def poll_version(_n: Clicks, current: DataVersionStore | None):
    """The warehouse file's version; an unchanged version updates nothing."""
    version = automation.current_version(services.settings())
    if current and current.get("key") == version["key"]:
        return no_update
    return version


@callback(
    Output(ids.DATA_VERSION_BADGE, "children"),
    Input(ids.DATA_VERSION, "data"),
    Input(ids.LANG_STORE, "data"),
)
def version_badge(version: DataVersionStore | None, lang: Lang) -> str:
    if not version or not version.get("stamped"):
        return t("live.missing", lang)
    return t("live.badge", lang, when=version["stamped"])


@callback(
    Output(ids.FIRST_START, "children"),
    Input(ids.DATA_VERSION_POLL, "n_intervals"),
    Input(ids.LANG_STORE, "data"),
)
def first_start_progress(_n: Clicks, lang: Lang):
    """While a fresh clone's first start trains and forecasts in the background: which
    step runs and how far it is (the pages fill in when the warehouse changes)."""
    status = services.first_start_status()
    if not status:
        return None
    step = t(f"prep.step.{status.get('step')}", lang)
    if status.get("error"):
        text = t("prep.failed", lang, step=step, command=status.get("step"),
                 error=status["error"])  # fmt: skip
        return dbc.Alert(text, color="danger", className="py-2")
    text = t("prep.running", lang, step=step, percent=status.get("percent", 0))
    return dbc.Alert([dbc.Spinner(size="sm", spinner_class_name="me-2"), text],
                     color="info", className="py-2")  # fmt: skip
