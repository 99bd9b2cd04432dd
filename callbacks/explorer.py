"""What the six market-explorer pages' callbacks share, and the callbacks that serve every
page at once (MATCH on the page of `app.ids.explorer`).

Flow of each page: its controls -> `resolve` (checked against what the page's data
offers: `page_options`) -> the filter spec in the page's spec store and the URL query
string -> one render callback per view, each reading the page's frame from the
server-side cache (`app.services.explorer_frame`, keyed by data version). Only the spec
travels through the browser, never data. A click on a chart sets the focus control,
which goes through the same path, so a click is also in the URL.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import dash
import dash_bootstrap_components as dbc
from dash import MATCH, Input, Output, State, html, no_update
from dash.exceptions import PreventUpdate

from analytics.explorer import competitors, exports, models, plants, retail, sources
from analytics.explorer.common import Options, months_of
from app import explorer_state, ids, services
from app.i18n import market_label, t
from app.inputs import ClickData, ExplorerSpec, Lang, ProblemRecord
from app.url_state import ANY, Problem
from callbacks.common import trigger_kind
from callbacks.registry import for_page

callback = for_page("explorer")

ROLES = {
    "brand": ids.EXP_BRAND, "period_from": ids.EXP_FROM, "period_to": ids.EXP_TO,
    "focus": ids.EXP_FOCUS, "compare": ids.EXP_COMPARE, "flow": ids.EXP_FLOW,
    "top_n": ids.EXP_TOP, "picks": ids.EXP_PICKS, "year": ids.EXP_YEAR,
}  # fmt: skip
EXTRA_CONTROLS: dict[str, tuple[str, ...]] = {
    "models": ("compare", "flow", "top_n"),
    "plants": ("picks",),
    "retail": ("picks",),
    "competitors": ("year",),
}
MARKET_VALUES = frozenset({"exports", "retail", "competitors"})  # focus values are markets


def controls_of(page: str) -> tuple[str, ...]:
    return ("brand", "period_from", "period_to", "focus", *EXTRA_CONTROLS.get(page, ()))


def control_inputs(page: str) -> dict[str, Input]:
    """The page's controls as the `controls` input group of its resolve callback."""
    return {name: Input(ids.explorer(page, ROLES[name]), "value") for name in controls_of(page)}


def resolve_outputs(page: str) -> dict[str, Output]:
    """What a page's resolve callback writes: spec, URL, alerts, corrected control values."""
    corrected = [n for n in controls_of(page) if n != "brand"]
    return {
        "spec": Output(ids.explorer(page, ids.EXP_SPEC), "data"),
        "search": Output(ids.explorer(page, ids.EXP_URL), "search"),
        "alert": Output(ids.explorer(page, ids.EXP_FILTER_ALERT), "children"),
        "url_problems": Output(ids.explorer(page, ids.EXP_URL_PROBLEMS), "data"),
        **{name: Output(ids.explorer(page, ROLES[name]), "value") for name in corrected},
    }


def resolve_inputs(page: str) -> dict[str, Any]:
    return {
        "controls": control_inputs(page),
        "url_problems": State(ids.explorer(page, ids.EXP_URL_PROBLEMS), "data"),
        "lang": Input(ids.LANG_STORE, "data"),
        "data_version": Input(ids.DATA_VERSION, "data"),
    }


def spec_inputs(page: str) -> tuple[Input, Input]:
    """The inputs of a page's view callbacks: its filter spec and the language."""
    return Input(ids.explorer(page, ids.EXP_SPEC), "data"), Input(ids.LANG_STORE, "data")


def choice_outputs(page: str, extra: tuple[str, ...] = ()) -> dict[str, Output]:
    """The options a page's choices callback fills: brand labels, months, focus, extras."""
    names = ("brand", "period_from", "period_to", "focus", *extra)
    return {name: Output(ids.explorer(page, ROLES[name]), "options") for name in names}


# --- what the data offers ---------------------------------------------------------------


def page_options(page: str, brand: str, flow: str = "both") -> Options:
    """The months and focus values (and extras) the page's data has for the brand."""
    frame = services.explorer_frame
    if page == "exports":
        return exports.options(frame("exports"), brand=brand)
    if page == "models":
        return models.options(frame("models"), brand=brand, flow=flow)
    if page == "plants":
        return plants.options(frame("plants"), brand=brand)
    if page == "retail":
        return retail.options(frame("retail"), brand=brand)
    if page == "competitors":
        return competitors.options(frame("competitors"))
    return sources.options(frame("files"), months_of(frame("source_months")), brand=brand)


def focus_label(page: str, value: str, lang: str) -> str:
    return market_label(value, lang) if page in MARKET_VALUES else value


def choices(
    page: str, brand: str | None, lang: str, *, flow: str | None = None
) -> tuple[dict[str, list], Options]:
    """Options of brand, from, to and focus for the brand (and flow), and the page's
    Options."""
    state, _ = explorer_state.from_controls(page, {"brand": brand, "flow": flow})
    try:
        available = page_options(page, state.brand, state.flow)
    except services.WarehouseMissing:
        available = Options()
    months = [{"label": m, "value": m} for m in available.months]
    every = [] if available.default_focus else [{"label": t("exp.all", lang), "value": ANY}]
    return {
        "brand": [
            {"label": t("exp.brand.all" if b == "all" else f"brand.{b}", lang), "value": b}
            for b in ("all", "Hyundai", "Kia")
        ],
        "period_from": [{"label": t("gs.period.start", lang), "value": ANY}, *months],
        "period_to": [{"label": t("gs.period.end", lang), "value": ANY}, *months],
        "focus": every
        + [{"label": focus_label(page, v, lang), "value": v} for v in available.focus],
    }, available


# --- controls -> spec -----------------------------------------------------------------------


def resolve(
    page: str,
    controls: dict[str, Any],
    url_problems: list[ProblemRecord] | None,
    lang: str,
    data_version: dict | None,
) -> dict[str, Any]:
    """Controls -> the validated spec, the URL, corrected control values and an alert
    naming any value that was replaced. On the first call the controls hold the opened
    link's values, so a value the data lacks is a problem of the link: it joins the URL
    alert, which stays up."""
    trigger = trigger_kind()
    state, problems = explorer_state.from_controls(page, controls)
    try:
        available = page_options(page, state.brand, state.flow)
    except services.WarehouseMissing as exc:
        alert = dbc.Alert(t("input.unavailable", lang, detail=exc), color="warning")
        return {**dict.fromkeys(resolve_outputs(page), no_update), "alert": alert}
    state, unavailable = explorer_state.resolve(state, available)
    problems += unavailable
    if trigger == "initial":
        url_problems = [*(url_problems or []), *(asdict(p) for p in problems)]
    values = {
        "period_from": state.period_from or ANY,
        "period_to": state.period_to or ANY,
        "focus": state.focus or ANY,
        "compare": state.compare or ANY,
        "flow": state.flow,
        "top_n": state.top_n,
        "picks": list(state.picks),
        "year": str(state.year) if state.year is not None else ANY,
    }
    return {
        "spec": {**state.to_store(), "data_version": (data_version or {}).get("key")},
        "search": explorer_state.to_search(state) if trigger == "user" else no_update,
        "alert": problem_alert(problems, lang) if trigger == "user" else None,
        "url_problems": url_problems if trigger == "initial" else no_update,
        **{name: values[name] for name in controls_of(page) if name != "brand"},
    }


def problem_alert(problems: list[Problem], lang: str):
    if not problems:
        return None
    return dbc.Alert(
        html.Ul([html.Li(p.message(lang)) for p in problems], className="mb-0"),
        color="warning",
        dismissable=True,
        className="py-2",
    )


def state_of(spec: ExplorerSpec | None) -> explorer_state.ExplorerState:
    """The spec as ExplorerState; no update until the page has resolved one."""
    if not spec:
        raise PreventUpdate
    return explorer_state.ExplorerState.from_store(spec)


def clicked(clicks: dict[str, ClickData | None]) -> str:
    """The customdata of the clicked point of the chart (role -> its clickData) that fired
    the callback."""
    try:
        fired = dash.ctx.triggered_id
        role = fired["type"].removeprefix("exp-") if isinstance(fired, dict) else None
    except Exception:  # called as a plain function (tests): the first click given
        role = None
    click = clicks.get(role) if role else next((c for c in clicks.values() if c), None)
    points = (click or {}).get("points") or []
    value = points[0].get("customdata") if points else None
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None or value == "":
        raise PreventUpdate
    return str(value)


def sentences(lines: list[str], lang: str, notes: list[str] | None = None) -> list:
    """The insight list: generated sentences, then notes (e.g. unreported months)."""
    if not lines:
        return [html.Li(t("exp.no_insight", lang), className="text-muted")]
    return [html.Li(s) for s in lines] + [
        html.Li(n, className="text-muted small") for n in notes or []
    ]


def unreported_note(unreported, lang: str) -> list[str]:
    """'미집계 월: 2025-11, 2025-12' for the period's months without data (empty if none)."""
    months = unreported.get_column("period").to_list() if unreported.height else []
    if not months:
        return []
    shown = months if len(months) <= 12 else [*months[:6], "…", *months[-3:]]
    return [t("exp.unreported_months", lang, months=", ".join(shown))]


# --- callbacks of every page ------------------------------------------------------------------


@callback(
    Output(ids.explorer(MATCH, ids.EXP_URL_ALERT), "children"),
    Input(ids.explorer(MATCH, ids.EXP_URL_PROBLEMS), "data"),
    Input(ids.LANG_STORE, "data"),
)
def show_url_problems(problems: list[ProblemRecord] | None, lang: Lang):
    """The URL parameters the page could not use, named, with what is shown instead."""
    return problem_alert([Problem(**p) for p in problems or []], lang)
