"""The global strategy page's state in the URL: round trips, fallbacks, data checks."""

from __future__ import annotations

from dataclasses import replace

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analytics.filters import Choices, choices
from analytics.markets import market_totals
from analytics.priority import DEFAULT_WEIGHTS
from analytics.sales import SOURCES
from app import url_state
from app.url_state import ANY, PageState, Problem
from warehouse.canonical import MARKETS

FULL = PageState(
    source="overseas_retail",
    brand="Kia",
    period_from="2023-03",
    period_to="2024-11",
    vehicle_types=("SUV", "세단"),
    powertrains=("EV", "HEV"),
    market="Middle East/Africa",
    markets=("USA", "Western Europe", "India"),
    top_n=8,
    measure="share",
    threshold_pp=7.5,
    weights=(("volume", 0.6), ("momentum", 0.4), ("revenue", 0.0)),
    model="K5 / Optima",
)


@pytest.mark.parametrize(
    "state",
    [
        PageState(market="Korea"),
        FULL,
        replace(FULL, model="G70", vehicle_types=("픽업트럭",), markets=()),
    ],
    ids=["defaults", "every-field", "korean-values"],
)
def test_a_serialised_state_parses_back_to_itself(state):
    back, problems = url_state.parse_search(url_state.to_search(state))
    assert problems == []
    assert back == state


def test_defaults_stay_out_of_the_link_so_it_is_short():
    assert url_state.to_search(PageState(market="Korea")) == (
        "?source=customers&brand=all&market=Korea"
    )


def test_markets_by_korean_label_and_brand_in_any_spelling():
    state, problems = url_state.parse(
        {"market": "대한민국", "brand": "현대", "markets": ["미국,Canada", "서유럽"]}
    )
    assert problems == []
    assert (state.market, state.brand) == ("Korea", "Hyundai")
    assert state.markets == ("USA", "Canada", "Western Europe")


@pytest.mark.parametrize(
    ("param", "value", "field"),
    [
        ("source", "crm", "source"),
        ("brand", "Toyota", "brand"),
        ("from", "2024-13", "period_from"),
        ("to", "last year", "period_to"),
        ("market", "Atlantis", "market"),
        ("top", "0", "top_n"),
        ("top", "2.5", "top_n"),
        ("top", "abc", "top_n"),
        ("measure", "euros", "measure"),
        ("threshold", "-1", "threshold_pp"),
        ("threshold", "nan", "threshold_pp"),
        ("weights", "volume:2,speed:1", "weights"),
        ("weights", "volume=1", "weights"),
    ],
)
def test_an_invalid_value_falls_back_to_the_default_and_names_the_parameter(param, value, field):
    state, problems = url_state.parse(
        {param: value, "market": "USA"} if param != "market" else {param: value}
    )
    assert getattr(state, field) == getattr(PageState(), field)
    assert problems == [Problem(param, value)]
    assert f"'{param}'" in problems[0].message("en")
    assert f"'{param}'" in problems[0].message("ko")


def test_unknown_and_repeated_parameters_are_reported_not_fatal():
    state, problems = url_state.parse({"utm_source": "mail", "market": ["Korea", "USA"]})
    assert state == PageState()
    assert [(p.param, p.kind) for p in problems] == [
        ("utm_source", "unknown"),
        ("market", "invalid"),
    ]
    assert "utm_source" in problems[0].message("en")


def test_a_period_that_ends_before_it_starts_drops_the_end():
    state, problems = url_state.parse({"from": "2024-05", "to": "2024-01"})
    assert (state.period_from, state.period_to) == ("2024-05", None)
    assert [p.param for p in problems] == ["to"]


def test_weights_name_their_components_and_missing_ones_are_zero():
    state, problems = url_state.parse({"weights": "momentum:1"})
    assert problems == []
    assert state.weight_map() == {"volume": 0.0, "momentum": 1.0, "revenue": 0.0}
    assert PageState().weight_map() == dict(DEFAULT_WEIGHTS)


def test_emptied_controls_mean_the_default_not_an_error():
    state, problems = url_state.from_controls(
        source="customers",
        brand="all",
        period_from=ANY,
        period_to="",
        vehicle_types=[],
        powertrains=None,
        market=ANY,
        markets=None,  # (an emptied markets list is "deselect all": see below)
        top_n=None,
        measure="units",
        threshold=None,
        weights={"volume": None, "momentum": 0.3, "revenue": 0.2},
        model=ANY,
    )
    assert problems == []
    assert state == PageState()


def test_controls_go_through_the_same_rules_as_the_url():
    state, problems = url_state.from_controls(
        source="customers", top_n=50, threshold=3, market="대한민국"
    )
    assert state.market == "Korea" and state.threshold_pp == 3.0
    assert state.top_n == PageState().top_n
    assert [p.param for p in problems] == ["top"]


def test_the_store_holds_the_spec_and_gives_the_same_state_back():
    data = FULL.to_store()
    assert set(data) == set(PageState.__dataclass_fields__)
    assert PageState.from_store(data) == FULL
    assert PageState.from_store(None) == PageState()


# --- checks against the data ---------------------------------------------------------

AVAILABLE = Choices(
    markets=("USA", "Canada", "Western Europe"),
    months=("2024-01", "2024-02", "2024-03"),
    vehicle_types=("SUV",),
    powertrains=("EV", "ICE"),
)


def test_a_market_the_source_lacks_becomes_the_default_and_is_reported():
    state, problems = url_state.resolve(PageState(market="Korea"), AVAILABLE)
    assert state.market == "USA"
    assert problems == [Problem("market", "Korea", "unavailable", "USA")]
    assert "미국" in problems[0].message("ko")


def test_the_default_market_is_korea_when_the_source_has_it():
    assert Choices(markets=("Korea", "USA")).default_market() == "Korea"
    assert url_state.resolve(PageState(), Choices(markets=("Korea", "USA")))[0].market == "Korea"
    assert url_state.resolve(PageState(), Choices())[0].market is None


def test_values_missing_from_the_data_are_dropped_one_by_one():
    state = PageState(
        market="USA",
        markets=("USA", "China"),
        period_from="2023-12",
        period_to="2024-02",
        vehicle_types=("SUV", "세단"),
        powertrains=("EV",),
    )
    resolved, problems = url_state.resolve(state, AVAILABLE)
    assert resolved.markets == ("USA",)
    assert (resolved.period_from, resolved.period_to) == (None, "2024-02")
    assert resolved.vehicle_types == ("SUV",) and resolved.powertrains == ("EV",)
    assert sorted(p.param for p in problems) == ["from", "markets", "type"]


def test_choosing_every_market_is_the_same_as_the_default():
    state = PageState(market="USA", markets=("Western Europe", "USA", "Canada"))
    resolved, _ = url_state.resolve(state, AVAILABLE)
    assert resolved.markets == ()
    assert url_state.heatmap_markets(resolved, AVAILABLE) == list(AVAILABLE.markets)


def test_choices_come_from_the_frame_in_canonical_market_order():
    sales = pl.DataFrame(
        {
            "market": ["USA", "Korea", "USA", "India"],
            "model": ["A", "B", "C", "A"],
            "vehicle_type": ["SUV", None, "세단", "SUV"],
            "powertrain": ["EV", "ICE", "EV", "ICE"],
            "year": [2024, 2023, 2024, 2024],
            "month": [2, 11, 1, 2],
            "units": [1, 2, 3, 4],
        }
    )
    found = choices(sales)
    assert found.markets == ("Korea", "USA", "India")
    assert found.months == ("2023-11", "2024-01", "2024-02")
    assert found.vehicle_types == ("SUV", "세단")
    assert market_totals(sales).rows() == [("Korea", 2), ("USA", 4), ("India", 4)]


# --- property: any valid state survives the URL ---------------------------------------

_text = (
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Z")),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(bool)
)
_months = st.integers(2015 * 12, 2030 * 12).map(lambda m: f"{m // 12}-{m % 12 + 1:02d}")


@st.composite
def page_states(draw) -> PageState:
    start, end = sorted([draw(_months), draw(_months)])
    markets = tuple(dict.fromkeys(draw(st.lists(st.sampled_from(list(MARKETS)), max_size=5))))
    return PageState(
        source=draw(st.sampled_from(SOURCES)),
        brand=draw(st.sampled_from(["all", "Hyundai", "Kia"])),
        period_from=draw(st.none() | st.just(start)),
        period_to=draw(st.none() | st.just(end)),
        vehicle_types=tuple(sorted(set(draw(st.lists(_text, max_size=3))))),
        powertrains=tuple(sorted(set(draw(st.lists(_text, max_size=3))))),
        market=draw(st.none() | st.sampled_from(list(MARKETS))),
        markets=markets,
        no_markets=not markets and draw(st.booleans()),
        top_n=draw(st.integers(1, 20)),
        measure=draw(st.sampled_from(["units", "share"])),
        threshold_pp=draw(st.floats(0, 100, allow_nan=False)),
        weights=tuple(
            (c, draw(st.sampled_from([0.0, 0.1, 0.5, 1.0, 3.0]) | st.floats(0, 100)))
            for c in ("volume", "momentum", "revenue")
        ),
        model=draw(st.none() | _text),
    )


# Timing is not what these check (the machine is shared): no deadline or slowness check.
PROPERTY = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(page_states())
def test_every_valid_state_round_trips_through_the_query_string(state):
    back, problems = url_state.parse_search(url_state.to_search(state))
    assert problems == []
    assert back == state


def _query(state: PageState) -> dict[str, str | list[str]]:
    """The link's parameters as Dash pages hands them to a layout (repeats as lists)."""
    query: dict[str, list[str]] = {}
    for name, value in url_state.to_query(state):
        query.setdefault(name, []).append(value)
    return {k: v[0] if len(v) == 1 else v for k, v in query.items()}


def _controls(page) -> dict[str, object]:
    """id -> the control's component in a built layout."""
    return {
        c.id if isinstance(c.id, str) else c.id["name"]: c
        for c in page._traverse()
        if isinstance(getattr(c, "id", None), str) or "name" in getattr(c, "id", {})
    }


@PROPERTY
@given(page_states())
def test_every_control_of_an_opened_link_holds_the_links_state(state):
    """The page's controls, built from a link, give the same state back through the
    same rules as a user's change: each value is among its control's options (a
    dcc.Dropdown drops values its options lack, so a link's markets, powertrains and
    types used to reopen as "all"), and from_controls(controls) == the link's state."""
    from app import ids
    from layouts.global_strategy import layout

    controls = _controls(layout(**_query(state)))
    for control_id in (ids.GS_VEHICLE_TYPES, ids.GS_POWERTRAINS, ids.GS_HEATMAP_MARKETS):
        offered = {o["value"] for o in controls[control_id].options}
        assert set(controls[control_id].value or ()) <= offered, control_id
    for control_id in (ids.GS_MARKET, ids.GS_PERIOD_FROM, ids.GS_PERIOD_TO, ids.GS_MODEL):
        offered = {o["value"] for o in controls[control_id].options}
        assert controls[control_id].value in offered | {ANY}, control_id

    def value(control_id):
        return controls[control_id].value

    back, problems = url_state.from_controls(
        source=value(ids.GS_SOURCE),
        brand=value(ids.GS_BRAND),
        period_from=value(ids.GS_PERIOD_FROM),
        period_to=value(ids.GS_PERIOD_TO),
        vehicle_types=value(ids.GS_VEHICLE_TYPES),
        powertrains=value(ids.GS_POWERTRAINS),
        market=value(ids.GS_MARKET),
        markets=value(ids.GS_HEATMAP_MARKETS),
        top_n=value(ids.GS_HEATMAP_TOP_N),
        measure=value(ids.GS_HEATMAP_MEASURE),
        threshold=value(ids.GS_THRESHOLD),
        weights={name: controls[name].value for name, _ in state.weights},
        model=value(ids.GS_MODEL),
    )
    assert problems == []
    assert back == state


def test_deselecting_every_heatmap_market_stays_deselected():
    """ "모두 해제" gave an empty list, read as "the default" (every market)."""
    state, problems = url_state.from_controls(source="customers", markets=[])
    assert problems == [] and state.no_markets and state.markets == ()
    assert url_state.to_query(state)[-1] == ("markets", "none")
    available = Choices(markets=("Korea", "USA"))
    resolved, _ = url_state.resolve(state, available)
    assert url_state.heatmap_markets(resolved, available) == []
    # an untouched control (None) is still every market
    default, _ = url_state.from_controls(source="customers", markets=None)
    assert url_state.heatmap_markets(url_state.resolve(default, available)[0], available) == [
        "Korea",
        "USA",
    ]
