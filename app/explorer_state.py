"""The market explorer pages' filter state, to and from the URL query string.

Every page shares brand and period; each has a focus (what a click on a chart picks)
and a few controls of its own. A copied link reopens the same view, e.g.
`/explorer/exports?brand=Hyundai&from=2024-01&to=2024-12&region=USA`. Parameters:

    brand       all | Hyundai | Kia (also both, hyundai, 현대, 기아)   (default all)
    from, to    first / last month, YYYY-MM                       (default: all months)
    region      exports: the focus region (canonical or Korean)  (default: none)
    model       models: the focus model family                   (default: none)
    compare     models: the second model of the comparison       (default: the 2nd model)
    flow        models: both | domestic | export                 (default both)
    top         models: top-N per year, 3-20                     (default 10)
    plant       plants: the focus plant code                     (default: none)
    models      plants: model families of the trend, repeatable or comma-separated
    market      retail and competitors: the focus market         (default: none / the first)
    markets     retail: markets compared, repeatable or comma-separated
    year        competitors: the year of the competitor file     (default: the latest)
    file        sources: the file shown                          (default: the first)

An invalid value never breaks a page: it falls back to its default and is reported as an
`app.url_state.Problem` naming the parameter. Whether a month, region, model, plant,
market, year or file exists depends on the data; `resolve` checks that against the
page's `Options`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any
from urllib.parse import urlencode

from analytics.explorer.common import Options
from analytics.sales import InvalidFilter, normalise_brand, normalise_market, parse_year_month
from app.url_state import ANY, Problem

PAGES: tuple[str, ...] = ("exports", "models", "plants", "retail", "competitors", "sources")
FOCUS_PARAM = {
    "exports": "region", "models": "model", "plants": "plant", "retail": "market",
    "competitors": "market", "sources": "file",
}  # fmt: skip
MARKET_FOCUS = frozenset({"exports", "retail", "competitors"})
EXTRA_PARAMS: dict[str, tuple[str, ...]] = {
    "models": ("compare", "flow", "top"),
    "plants": ("models",),
    "retail": ("markets",),
    "competitors": ("year",),
}
FLOWS: tuple[str, ...] = ("both", "domestic", "export")
TOP_MIN, TOP_MAX, TOP_DEFAULT = 3, 20, 10
PICKS_MAX = 12  # models (plants) or markets (retail) compared at once


@dataclass(frozen=True)
class ExplorerState:
    """Everything an explorer page shows is a function of this (and the warehouse)."""

    page: str
    brand: str = "all"
    period_from: str | None = None  # 'YYYY-MM'
    period_to: str | None = None
    focus: str | None = None  # region / model / plant / market / file
    compare: str | None = None  # models: the second model
    flow: str = "both"  # models
    top_n: int = TOP_DEFAULT  # models
    picks: tuple[str, ...] = ()  # plants: models of the trend; retail: markets compared
    year: int | None = None  # competitors

    def params(self) -> tuple[str, ...]:
        """The URL parameters this page reads."""
        return ("brand", "from", "to", FOCUS_PARAM[self.page], *EXTRA_PARAMS.get(self.page, ()))

    def to_store(self) -> dict[str, Any]:
        """JSON for `dcc.Store`: the filter spec only, never data."""
        data = asdict(self)
        data["picks"] = list(self.picks)
        return data

    @classmethod
    def from_store(cls, data: Mapping[str, Any]) -> ExplorerState:
        values = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        values["picks"] = tuple(values.get("picks") or ())
        return cls(**values)


def _values(raw: str | Sequence[str] | None) -> list[str]:
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else list(raw)
    return [str(v).strip() for v in items if v is not None and str(v).strip()]


def _single(query: Mapping, name: str, problems: list[Problem]) -> str | None:
    values = _values(query.get(name))
    if len(values) > 1:
        problems.append(Problem(name, ",".join(values)))
        return None
    return values[0] if values else None


def parse(
    page: str, query: Mapping[str, str | Sequence[str] | None]
) -> tuple[ExplorerState, list[Problem]]:
    """ExplorerState of `page` from query parameters (as Dash pages passes them)."""
    state = ExplorerState(page)
    known = state.params()
    problems: list[Problem] = [Problem(k, "", "unknown") for k in query if k not in known]
    changes: dict[str, Any] = {}

    brand = _single(query, "brand", problems)
    if brand is not None:
        try:
            changes["brand"] = normalise_brand(brand)
        except InvalidFilter:
            problems.append(Problem("brand", brand))

    for name, attr in (("from", "period_from"), ("to", "period_to")):
        month = _single(query, name, problems)
        if month is not None:
            try:
                ym = parse_year_month(month, name)
                changes[attr] = f"{ym // 100:04d}-{ym % 100:02d}"
            except InvalidFilter:
                problems.append(Problem(name, month))
    start, end = changes.get("period_from"), changes.get("period_to")
    if start and end and start > end:
        problems.append(Problem("to", changes.pop("period_to")))

    focus_name = FOCUS_PARAM[page]
    focus = _single(query, focus_name, problems)
    if focus is not None:
        if page in MARKET_FOCUS:
            try:
                changes["focus"] = normalise_market(focus)
            except InvalidFilter:
                problems.append(Problem(focus_name, focus))
        elif len(focus) <= 500:
            changes["focus"] = focus
        else:
            problems.append(Problem(focus_name, focus[:40] + "…"))

    extras = EXTRA_PARAMS.get(page, ())
    if "compare" in extras:
        compare = _single(query, "compare", problems)
        if compare is not None and len(compare) <= 200:
            changes["compare"] = compare
    if "flow" in extras:
        flow = _single(query, "flow", problems)
        if flow is not None:
            if flow in FLOWS:
                changes["flow"] = flow
            else:
                problems.append(Problem("flow", flow))
    if "top" in extras:
        top = _single(query, "top", problems)
        if top is not None:
            try:
                n = float(top)
                if not (TOP_MIN <= n <= TOP_MAX) or not n.is_integer():
                    raise ValueError
                changes["top_n"] = int(n)
            except ValueError:
                problems.append(Problem("top", top))
    for name in ("models", "markets"):
        if name in extras:
            picks = _picks(query.get(name), name, problems, markets=name == "markets")
            if picks:
                changes["picks"] = picks
    if "year" in extras:
        year = _single(query, "year", problems)
        if year is not None:
            if year.isdigit() and 1990 <= int(year) <= 2100:
                changes["year"] = int(year)
            else:
                problems.append(Problem("year", year))
    return replace(state, **changes), problems


def _picks(
    raw: str | Sequence[str] | None, name: str, problems: list[Problem], *, markets: bool
) -> tuple[str, ...]:
    picked: list[str] = []
    for value in _values(raw):
        for item in (v.strip() for v in value.split(",") if v.strip()):
            if markets:
                try:
                    item = normalise_market(item)
                except InvalidFilter:
                    problems.append(Problem(name, item))
                    continue
            if item not in picked and len(item) <= 200:
                picked.append(item)
    if len(picked) > PICKS_MAX:
        problems.append(Problem(name, ",".join(picked[PICKS_MAX:]), "invalid"))
        picked = picked[:PICKS_MAX]
    return tuple(picked)


def from_controls(page: str, controls: Mapping[str, Any]) -> tuple[ExplorerState, list[Problem]]:
    """ExplorerState from the page's control values (same rules as the URL); an emptied
    control means the default, never an error."""
    query: dict[str, str | list[str]] = {}
    names = {
        "brand": "brand", "period_from": "from", "period_to": "to",
        "focus": FOCUS_PARAM[page], "compare": "compare", "flow": "flow", "top_n": "top",
        "picks": "markets" if page == "retail" else "models", "year": "year",
    }  # fmt: skip
    for control, value in controls.items():
        param = names.get(control)
        if param is None or value is None or value in ("", ANY) or value == []:
            continue
        if isinstance(value, list | tuple):
            query[param] = [str(v) for v in value]
        elif isinstance(value, float) and value.is_integer():
            query[param] = str(int(value))
        else:
            query[param] = str(value)
    return parse(page, query)


def resolve(state: ExplorerState, options: Options) -> tuple[ExplorerState, list[Problem]]:
    """`state` with every value the data does not have replaced by its default (each one
    a Problem of kind 'unavailable'); fills the defaults that depend on the data."""
    problems: list[Problem] = []
    changes: dict[str, Any] = {}
    for name, attr in (("from", "period_from"), ("to", "period_to")):
        month = getattr(state, attr)
        if month is not None and month not in options.months:
            problems.append(Problem(name, month, "unavailable"))
            changes[attr] = None
    focus_name = FOCUS_PARAM[state.page]
    focus = _matching(state.focus, options.focus)
    if state.focus is not None and focus is None:
        problems.append(Problem(focus_name, state.focus, "unavailable", options.default_focus))
    changes["focus"] = focus if focus is not None else options.default_focus
    if state.page == "models":
        compare = _matching(state.compare, options.focus)
        if state.compare is not None and compare is None:
            problems.append(Problem("compare", state.compare, "unavailable"))
        changes["compare"] = compare
    if state.picks:
        kept = tuple(p for p in (_matching(v, options.picks) for v in state.picks) if p)
        missing = [v for v in state.picks if _matching(v, options.picks) is None]
        name = "markets" if state.page == "retail" else "models"
        problems += [Problem(name, v, "unavailable") for v in missing]
        changes["picks"] = kept
    if state.page == "competitors":
        if state.year is not None and state.year not in options.years:
            problems.append(Problem("year", str(state.year), "unavailable"))
            changes["year"] = None
        if changes.get("year", state.year) is None:
            changes["year"] = options.years[-1] if options.years else None
    return replace(state, **changes), problems


def _matching(value: str | None, offered: Sequence[str]) -> str | None:
    """`value` as the data spells it (a case-insensitive match), or None."""
    if value is None:
        return None
    if value in offered:
        return value
    lowered = value.casefold()
    return next((o for o in offered if o.casefold() == lowered), None)


def to_query(state: ExplorerState) -> list[tuple[str, str]]:
    """Query parameters of `state`: brand always, others when not the default."""
    pairs: list[tuple[str, str]] = [("brand", state.brand)]
    if state.period_from:
        pairs.append(("from", state.period_from))
    if state.period_to:
        pairs.append(("to", state.period_to))
    if state.focus:
        pairs.append((FOCUS_PARAM[state.page], state.focus))
    if state.page == "models":
        if state.compare:
            pairs.append(("compare", state.compare))
        if state.flow != "both":
            pairs.append(("flow", state.flow))
        if state.top_n != TOP_DEFAULT:
            pairs.append(("top", str(state.top_n)))
    if state.picks:
        pairs.append(("markets" if state.page == "retail" else "models", ",".join(state.picks)))
    if state.page == "competitors" and state.year is not None:
        pairs.append(("year", str(state.year)))
    return pairs


def to_search(state: ExplorerState) -> str:
    """'?brand=...&...' for `dcc.Location.search`."""
    return "?" + urlencode(to_query(state), safe=",:/")
