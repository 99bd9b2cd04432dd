"""Live data: the shell polls the warehouse's data version (one stat, no connection,
no lock) and publishes it in DATA_VERSION; views that take DATA_VERSION as an Input
re-render with the new data, without a restart or a page reload."""

from __future__ import annotations

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
