"""The explorer pages' URL state: a link reopens the same view; bad values are named."""

from __future__ import annotations

from urllib.parse import parse_qs

from analytics.explorer.common import Options
from app.explorer_state import ExplorerState, parse, resolve, to_search


def test_a_link_round_trips_through_the_state():
    query = {"brand": "기아", "from": "2024-01", "to": "2024-06", "region": "미국"}
    state, problems = parse("exports", query)
    assert problems == []
    assert state == ExplorerState(
        "exports", brand="Kia", period_from="2024-01", period_to="2024-06", focus="USA"
    )
    assert to_search(state) == "?brand=Kia&from=2024-01&to=2024-06&region=USA"
    again, _ = parse("exports", {k: v[0] for k, v in parse_qs(to_search(state)[1:]).items()})
    assert again == state


def test_page_parameters_are_read_on_their_page_only():
    state, problems = parse(
        "models", {"model": "Avante", "compare": "Sonata", "flow": "export", "top": "5", "x": "1"}
    )
    assert (state.focus, state.compare, state.flow, state.top_n) == (
        "Avante", "Sonata", "export", 5,
    )  # fmt: skip
    assert [(p.param, p.kind) for p in problems] == [("x", "unknown")]
    _, problems = parse("exports", {"flow": "export"})
    assert [(p.param, p.kind) for p in problems] == [("flow", "unknown")]


def test_invalid_values_fall_back_to_the_default_and_are_named():
    state, problems = parse(
        "models",
        {"brand": "tesla", "from": "2024-13", "to": "x", "flow": "retail", "top": "99"},
    )
    assert state == ExplorerState("models")
    assert [p.param for p in problems] == ["brand", "from", "to", "flow", "top"]
    state, problems = parse("retail", {"markets": "USA,Atlantis,서유럽"})
    assert state.picks == ("USA", "Western Europe")
    assert [(p.param, p.value) for p in problems] == [("markets", "Atlantis")]


def test_resolve_replaces_what_the_data_lacks_and_fills_data_defaults():
    options = Options(
        months=["2024-01", "2024-02"], focus=["USA", "Canada"], years=[2023, 2024],
        default_focus="USA",
    )  # fmt: skip
    state, problems = resolve(
        ExplorerState("competitors", period_from="2019-01", focus="Mars", year=2020), options
    )
    assert (state.period_from, state.focus, state.year) == (None, "USA", 2024)
    assert [(p.param, p.kind, p.fallback) for p in problems] == [
        ("from", "unavailable", None),
        ("market", "unavailable", "USA"),
        ("year", "unavailable", None),
    ]
    state, _ = resolve(ExplorerState("models", focus="avante"), Options(focus=["Avante"]))
    assert state.focus == "Avante"  # matched case-insensitively, spelled as the data does
