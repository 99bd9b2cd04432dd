"""The forecast page's layout: a function of the URL query that never crashes on it."""

from __future__ import annotations

import pytest

from analytics.forecast.view import TOTAL, item_value
from app import ids
from layouts.forecast import layout, parse_query


def _ids(component) -> set[str]:
    found = set()
    if isinstance(getattr(component, "id", None), str):
        found.add(component.id)
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            found |= _ids(child)
    return found


def test_every_forecast_id_is_on_the_page_once_built_without_a_query():
    expected = {value for name, value in vars(ids).items() if name.startswith("FC_")}
    assert expected <= _ids(layout())


def test_a_link_sets_the_controls():
    state, problems = parse_query(
        {
            "brand": "Kia",
            "flow": "overseas_retail",
            "market": "USA",
            "model": "Sportage",
            "scope": "all_cutoffs",
            "band": "prophet",
            "backtest": "1",
        }
    )
    assert problems == []
    assert state == {
        "brand": "Kia",
        "flow": "overseas_retail",
        "market": "USA",
        "item": item_value("Sportage", None),
        "scope": "all_cutoffs",
        "band": "prophet",
        "backtest": True,
    }


@pytest.mark.parametrize(
    "query, param",
    [
        ({"colour": "red"}, "colour"),
        ({"scope": "yesterday"}, "scope"),
        ({"band": "arima"}, "band"),
        ({"backtest": "maybe"}, "backtest"),
        ({"market": ["USA", "Canada"]}, "market"),
    ],
)
def test_bad_parameters_fall_back_to_defaults_and_are_named(query, param):
    state, problems = parse_query(query)
    assert [p.param for p in problems] == [param]
    assert (state["scope"], state["band"], state["backtest"]) == (
        "latest_cutoff",
        "selected",
        False,
    )
    assert state["market"] == TOTAL
    layout(**query)  # and the page still builds
