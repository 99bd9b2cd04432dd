"""The global strategy page's filter state, to and from the URL query string.

A copied link reopens the same view: every filter lives in the query string,
e.g. `/?source=customers&brand=Hyundai&market=Korea&threshold=5`. Parameters:

    source      one of analytics.sales.SOURCES              (default customers)
    brand       all | Hyundai | Kia (also hyundai, 현대, 기아)  (default all)
    from, to    first / last month, YYYY-MM                   (default: all months)
    type        vehicle type, repeatable                      (default: all)
    powertrain  powertrain, repeatable                        (default: all)
    market      focus market, canonical name or Korean label  (default: Korea when the
                source has it, else the first market in canonical order)
    markets     heatmap markets, repeatable or comma-separated (default: every market;
                `none`: every market deselected, the heatmap asks for one)
    top         heatmap top-N models, 1-20                    (default 5)
    measure     heatmap value: units | share                  (default units)
    threshold   deviation threshold in percentage points, 0-100 (default 5)
    weights     priority weights, e.g. volume:0.5,momentum:0.3,revenue:0.2
    model       the model whose trend is shown (default: the focus market's top model)

An invalid value never breaks the page: it falls back to the default and is
reported as a `Problem` naming the parameter. Whether a market, month or type
exists depends on the data; `resolve` checks that against `Choices`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Literal
from urllib.parse import parse_qs, urlencode

from analytics.filters import Choices
from analytics.priority import COMPONENTS, DEFAULT_WEIGHTS
from analytics.sales import (
    SOURCES,
    InvalidFilter,
    SalesFilter,
    normalise_brand,
    normalise_market,
    parse_year_month,
)

MEASURES = ("units", "share")
TOP_N_MIN, TOP_N_MAX, TOP_N_DEFAULT = 1, 20, 5
THRESHOLD_MAX, THRESHOLD_DEFAULT = 100.0, 5.0
# Option value for "no bound" / "the default" in single-choice selects: a native
# <select> cannot offer "" as a choice (it is the placeholder's value).
ANY = "*"
NO_MARKETS = "none"  # the `markets` value after "deselect all" (never a market's name)
PARAMS = ("source", "brand", "from", "to", "type", "powertrain", "market", "markets", "top",
          "measure", "threshold", "weights", "model")  # fmt: skip


@dataclass(frozen=True)
class PageState:
    """Everything the page shows is a function of this (and the warehouse)."""

    source: str = "customers"
    brand: str = "all"
    period_from: str | None = None  # 'YYYY-MM'
    period_to: str | None = None
    vehicle_types: tuple[str, ...] = ()
    powertrains: tuple[str, ...] = ()
    market: str | None = None  # None until resolved against the data
    markets: tuple[str, ...] = ()  # () = every market of the source
    no_markets: bool = False  # every heatmap market deselected ("모두 해제")
    top_n: int = TOP_N_DEFAULT
    measure: str = "units"
    threshold_pp: float = THRESHOLD_DEFAULT
    weights: tuple[tuple[str, float], ...] = field(
        default_factory=lambda: tuple(DEFAULT_WEIGHTS.items())
    )
    model: str | None = None

    def sales_filter(self) -> SalesFilter:
        return SalesFilter(
            self.source,
            self.brand,
            self.period_from,
            self.period_to,
            self.vehicle_types,
            self.powertrains,
        )

    def choices_filter(self) -> SalesFilter:
        """The slice whose markets, months and types are offered as choices."""
        return SalesFilter(self.source, self.brand)

    def weight_map(self) -> dict[str, float]:
        return dict(self.weights)

    def to_store(self) -> dict:
        """JSON for `dcc.Store`: the filter spec only, never data."""
        data = asdict(self)
        data["weights"] = self.weight_map()
        return data

    @classmethod
    def from_store(cls, data: Mapping | None) -> PageState:
        if not data:
            return cls()
        values = dict(data)
        for name in ("vehicle_types", "powertrains", "markets"):
            values[name] = tuple(values.get(name) or ())
        values["weights"] = tuple((values.get("weights") or DEFAULT_WEIGHTS).items())
        return cls(**{k: v for k, v in values.items() if k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Problem:
    """A refused value: `param` is the URL parameter (or filter) name."""

    param: str
    value: str
    kind: Literal["invalid", "unknown", "unavailable"] = "invalid"
    fallback: str | None = None  # what is shown instead; None = the default

    def message(self, lang: str = "ko") -> str:
        from app.i18n import market_label, t

        if self.kind == "unknown":
            return t("url.unknown", lang, param=self.param)
        fallback = self.fallback
        if fallback is None:
            fallback = t("url.default", lang)
        elif self.param == "market":
            fallback = market_label(fallback, lang)
        key = "url.invalid" if self.kind == "invalid" else "filter.unavailable"
        return t(key, lang, param=self.param, value=self.value, fallback=fallback)


# --- parsing -------------------------------------------------------------------


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


def parse(query: Mapping[str, str | Sequence[str] | None]) -> tuple[PageState, list[Problem]]:
    """PageState from query parameters (as Dash pages passes them to a layout)."""
    problems: list[Problem] = [Problem(k, "", "unknown") for k in query if k not in PARAMS]
    state = PageState()
    changes: dict = {}

    source = _single(query, "source", problems)
    if source is not None:
        if source in SOURCES:
            changes["source"] = source
        else:
            problems.append(Problem("source", source))

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
    if (
        changes.get("period_from")
        and changes.get("period_to")
        and (changes["period_from"] > changes["period_to"])
    ):
        problems.append(Problem("to", changes.pop("period_to")))

    for name, attr in (("type", "vehicle_types"), ("powertrain", "powertrains")):
        values = _values(query.get(name))
        if values:
            changes[attr] = tuple(sorted(set(values)))

    market = _single(query, "market", problems)
    if market is not None:
        try:
            changes["market"] = normalise_market(market)
        except InvalidFilter:
            problems.append(Problem("market", market))

    markets: list[str] = []
    if _values(query.get("markets")) == [NO_MARKETS]:
        changes["no_markets"] = True
    for value in [] if changes.get("no_markets") else _values(query.get("markets")):
        for item in (v.strip() for v in value.split(",")):
            try:
                canonical = normalise_market(item)
            except InvalidFilter:
                problems.append(Problem("markets", item))
                continue
            if canonical not in markets:
                markets.append(canonical)
    if markets:
        changes["markets"] = tuple(markets)

    top = _single(query, "top", problems)
    if top is not None:
        try:
            n = int(float(top))
            if not (TOP_N_MIN <= n <= TOP_N_MAX) or n != float(top):
                raise ValueError
            changes["top_n"] = n
        except ValueError:
            problems.append(Problem("top", top))

    measure = _single(query, "measure", problems)
    if measure is not None:
        if measure in MEASURES:
            changes["measure"] = measure
        else:
            problems.append(Problem("measure", measure))

    threshold = _single(query, "threshold", problems)
    if threshold is not None:
        try:
            value = float(threshold)
            if not (0 <= value <= THRESHOLD_MAX) or math.isnan(value):
                raise ValueError
            changes["threshold_pp"] = value
        except ValueError:
            problems.append(Problem("threshold", threshold))

    weights = _single(query, "weights", problems)
    if weights is not None:
        parsed = _parse_weights(weights)
        if parsed is None:
            problems.append(Problem("weights", weights))
        else:
            changes["weights"] = parsed

    model = _single(query, "model", problems)
    if model is not None:
        changes["model"] = model

    return replace(state, **changes), problems


def _parse_weights(text: str) -> tuple[tuple[str, float], ...] | None:
    """'volume:0.5,momentum:0.3,revenue:0.2' -> pairs in COMPONENTS order; None if invalid."""
    found: dict[str, float] = {}
    for part in text.split(","):
        name, sep, value = part.partition(":")
        name = name.strip()
        if not sep or name not in COMPONENTS or name in found:
            return None
        try:
            number = float(value)
        except ValueError:
            return None
        if not (0 <= number <= 100) or math.isnan(number):
            return None
        found[name] = number
    return tuple((c, found.get(c, 0.0)) for c in COMPONENTS)


def parse_search(search: str | None) -> tuple[PageState, list[Problem]]:
    """PageState from a query string such as '?source=customers&market=Korea'."""
    return parse(parse_qs((search or "").lstrip("?"), keep_blank_values=True))


def from_controls(
    *,
    source=None,
    brand=None,
    period_from=None,
    period_to=None,
    vehicle_types=None,
    powertrains=None,
    market=None,
    markets=None,
    top_n=None,
    measure=None,
    threshold=None,
    weights: Mapping[str, float | None] | None = None,
    model=None,
) -> tuple[PageState, list[Problem]]:
    """PageState from the page's control values (same rules as the URL).

    An emptied control means "the default", never an error; except the heatmap's
    markets, where an empty list (not None) is every market deselected.
    """
    query: dict[str, str | list[str]] = {}
    if markets is not None and len(markets) == 0:
        markets = [NO_MARKETS]

    def put(name: str, value) -> None:
        if value is None or value in ("", ANY) or value == []:
            return
        if isinstance(value, list | tuple):
            query[name] = [str(v) for v in value]
        elif isinstance(value, float) and value.is_integer() and name == "top":
            query[name] = str(int(value))
        else:
            query[name] = str(value)

    for name, value in (
        ("source", source),
        ("brand", brand),
        ("from", period_from),
        ("to", period_to),
        ("type", vehicle_types),
        ("powertrain", powertrains),
        ("market", market),
        ("markets", markets),
        ("top", top_n),
        ("measure", measure),
        ("threshold", threshold),
        ("model", model),
    ):
        put(name, value)
    if weights:
        filled = {k: (DEFAULT_WEIGHTS.get(k, 0.0) if v is None else v) for k, v in weights.items()}
        put("weights", ",".join(f"{k}:{_number(v)}" for k, v in filled.items()))
    return parse(query)


RANGES: dict[str, tuple[float, float]] = {
    "threshold": (0.0, THRESHOLD_MAX),
    "top": (float(TOP_N_MIN), float(TOP_N_MAX)),
}
_RANGE_FIELDS = {"threshold": "threshold_pp", "top": "top_n"}


def keep_valid_numbers(
    state: PageState, problems: list[Problem], *, previous: Mapping | None
) -> tuple[PageState, dict[str, tuple[float, float]]]:
    """`state` with each refused number field (threshold, top) set back to its value in
    `previous` (the last valid spec) rather than the default, and those fields' allowed
    ranges, for the form to mark them invalid and say the range."""
    refused = {p.param for p in problems if p.kind == "invalid" and p.param in RANGES}
    if not refused:
        return state, {}
    kept = PageState.from_store(previous) if previous else PageState()
    changes = {_RANGE_FIELDS[p]: getattr(kept, _RANGE_FIELDS[p]) for p in refused}
    return replace(state, **changes), {p: RANGES[p] for p in refused}


# --- serialising ----------------------------------------------------------------


def _number(value: float) -> str:
    """The shortest text that reads back as exactly `value` (5, 7.5, 12.345678901)."""
    text = f"{value:g}"
    return text if float(text) == value else repr(float(value))


def to_query(state: PageState) -> list[tuple[str, str]]:
    """Query parameters of `state`: source, brand and market always, others when not
    the default, so links stay short and readable."""
    default = PageState()
    pairs: list[tuple[str, str]] = [("source", state.source), ("brand", state.brand)]
    if state.period_from:
        pairs.append(("from", state.period_from))
    if state.period_to:
        pairs.append(("to", state.period_to))
    pairs += [("type", v) for v in state.vehicle_types]
    pairs += [("powertrain", v) for v in state.powertrains]
    if state.market:
        pairs.append(("market", state.market))
    if state.no_markets:
        pairs.append(("markets", NO_MARKETS))
    elif state.markets:
        pairs.append(("markets", ",".join(state.markets)))
    if state.top_n != default.top_n:
        pairs.append(("top", str(state.top_n)))
    if state.measure != default.measure:
        pairs.append(("measure", state.measure))
    if state.threshold_pp != default.threshold_pp:
        pairs.append(("threshold", _number(state.threshold_pp)))
    if dict(state.weights) != dict(default.weights):
        pairs.append(("weights", ",".join(f"{k}:{_number(v)}" for k, v in state.weights)))
    if state.model:
        pairs.append(("model", state.model))
    return pairs


def to_search(state: PageState) -> str:
    """'?source=...&...' for `dcc.Location.search`."""
    return "?" + urlencode(to_query(state), safe=",:/")


# --- checking against the data ---------------------------------------------------


def resolve(state: PageState, available: Choices) -> tuple[PageState, list[Problem]]:
    """`state` with every value the data does not have replaced by its default.

    Fills in the default focus market. Each replacement is a Problem of kind
    'unavailable' naming the parameter.
    """
    problems: list[Problem] = []
    changes: dict = {}
    default_market = available.default_market()
    if state.market is None or state.market not in available.markets:
        if state.market is not None:
            problems.append(Problem("market", state.market, "unavailable", default_market))
        changes["market"] = default_market
    kept = tuple(m for m in state.markets if m in available.markets)
    problems += [Problem("markets", m, "unavailable") for m in state.markets if m not in kept]
    # Every market chosen is the default: keep links short and valid after new data.
    changes["markets"] = () if set(kept) == set(available.markets) else kept
    if state.markets and not kept:  # none of the link's markets exist: the default
        changes["no_markets"] = False
    for name, attr in (("from", "period_from"), ("to", "period_to")):
        month = getattr(state, attr)
        if month is not None and month not in available.months:
            problems.append(Problem(name, month, "unavailable"))
            changes[attr] = None
    for name, attr, offered in (
        ("type", "vehicle_types", available.vehicle_types),
        ("powertrain", "powertrains", available.powertrains),
    ):
        values = getattr(state, attr)
        keep = tuple(v for v in values if v in offered)
        problems += [Problem(name, v, "unavailable") for v in values if v not in keep]
        changes[attr] = keep
    return replace(state, **changes), problems


def heatmap_markets(state: PageState, available: Choices) -> list[str]:
    """The heatmap's markets: the chosen ones, none after "deselect all", or every
    market of the source."""
    if state.no_markets:
        return []
    return list(state.markets or available.markets)
