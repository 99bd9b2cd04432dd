"""Market-explorer callbacks called as plain functions against the reference warehouse."""

from __future__ import annotations

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

from app.url_state import ANY
from tests.callbacks.dash_text import text_of


@pytest.fixture(scope="module")
def services(reference_db):
    from app.services import install
    from app.settings import load_settings

    install(load_settings(db=reference_db))
    import app.services as module

    return module


@pytest.fixture()
def user_change(monkeypatch):
    """Make resolve see a control change (a plain call counts as the page opening)."""
    import callbacks.explorer as shared

    monkeypatch.setattr(shared, "trigger_kind", lambda: "user")


def controls(**changes) -> dict:
    return {"brand": "all", "period_from": ANY, "period_to": ANY, "focus": ANY, **changes}


# --- exports ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exp(services):
    import callbacks.explorer_exports as module

    return module


def exports_spec(exp, **changes) -> dict:
    return exp.resolve_exports(controls(**changes), [], "ko", {})["spec"]


def test_exports_resolve_keeps_a_valid_link_and_fills_nothing_on_opening(exp):
    out = exp.resolve_exports(
        controls(brand="Hyundai", period_from="2024-01", period_to="2024-12", focus="USA"),
        [],
        "en",
        {"key": "v1"},
    )
    assert out["spec"] == {
        "page": "exports", "brand": "Hyundai", "period_from": "2024-01", "period_to": "2024-12",
        "focus": "USA", "compare": None, "flow": "both", "top_n": 10, "picks": [],
        "year": None, "data_version": "v1",
    }  # fmt: skip
    assert (out["search"], out["url_problems"]) == (no_update, [])


def test_exports_resolve_replaces_a_month_and_region_the_data_lacks(exp, user_change):
    out = exp.resolve_exports(
        controls(brand="Hyundai", period_from="2021-01", focus="China"), [], "en", {}
    )
    assert out["spec"]["period_from"] is None and out["spec"]["focus"] is None
    assert (out["period_from"], out["focus"]) == (ANY, ANY)
    alert = text_of(out["alert"])
    assert "from" in alert and "2021-01" in alert and "region" in alert and "China" in alert
    assert out["search"] == "?brand=Hyundai"


def test_a_click_on_a_region_bar_makes_it_the_focus_and_narrows_the_lines(exp):
    click = {"points": [{"customdata": "Canada"}]}
    assert exp.exports_focus_from_click(click, None, None) == "Canada"
    with pytest.raises(PreventUpdate):
        exp.exports_focus_from_click(None, None, {"points": []})
    spec = exports_spec(exp, brand="Hyundai", focus="Canada")
    figure, _table = exp.exports_lines(spec, "en")
    assert [trace.name for trace in figure.data] == ["Canada"]
    heatmap, _ = exp.exports_heatmap(spec, "en")
    assert list(heatmap.data[0].y) == ["Canada"]
    # the share bar still offers every region, the focus outlined
    share, _ = exp.exports_share(spec, "en")
    regions = list(share.data[0].customdata)
    assert len(regions) == 9  # the eight 2023-2024 regions and 2025's 유럽-기타 (Other)
    assert share.data[0].selectedpoints == (regions.index("Canada"),)


def test_exports_insight_sentences_carry_the_computed_numbers(exp):
    spec = exports_spec(exp, brand="Hyundai", period_from="2024-01", period_to="2024-12")
    text = text_of(exp.exports_insights(spec, "en"))
    assert "The largest region is USA: 637,638 of the period's 1,175,437 vehicles (54.2%)" in text
    assert "The month with the most exports was 2024-04" in text
    assert "Growth needs at least two years in the period." in text


def test_exports_lines_mark_months_after_the_last_report_as_not_reported(exp):
    spec = exports_spec(exp, brand="Hyundai", period_from="2024-07", period_to="2025-06")
    figure, month_table = exp.exports_lines(spec, "ko")
    usa = next(t for t in figure.data if t.name == "미국")
    # 2025-02 .. 2025-06 are not reported: gaps (None), never 0
    assert list(usa.y[-5:]) == [None] * 5 and 0 not in list(usa.y)
    assert [a.text for a in figure.layout.annotations] == ["미집계"]
    notes = text_of(exp.exports_insights(spec, "ko"))
    assert "미집계 월" in notes and "2025-02, 2025-03, 2025-04, 2025-05, 2025-06" in notes
    # the region x month table has the unreported months as columns that read 미집계
    june = next(c for c in month_table.columns if c["id"] == "2025-06")
    assert june["format"].to_plotly_json()["nully"] == "미집계"
    assert all(row["2025-06"] is None for row in month_table.data)
