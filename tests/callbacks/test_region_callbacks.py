"""The dealer page's 지역 (region) view: callbacks called as plain functions on a trained
copy of the reference data."""

from __future__ import annotations

import pytest
from dash import dash_table
from dash.exceptions import PreventUpdate

from app import ids
from tests.callbacks.dash_text import text_of


@pytest.fixture()
def cb(trained_reference):
    """(callbacks.dealer, callbacks.region) with the app's settings on the trained copy."""
    from app.services import install as use_settings
    from app.settings import load_settings

    db, artifacts = trained_reference
    use_settings(load_settings(db=db, artifacts_dir=artifacts))
    import callbacks.dealer as dealer
    import callbacks.region as region

    return dealer, region


def _spec(dealer, brand="Kia", market="all", region="all") -> dict:
    spec, _search = dealer.resolve_filters(brand, market, "all", "all", region)
    return spec


def test_the_region_filter_offers_every_region_of_the_brand_most_customers_first(cb):
    dealer, _region = cb
    *_rest, regions = dealer.filter_choices("Kia", "ko")
    assert regions[0] == {"label": "전체", "value": "all"}
    assert len(regions) == 1 + 17
    assert regions[1] == {"label": "서울", "value": "서울"}  # 175 customers, the most
    *_rest, english = dealer.filter_choices("Kia", "en")
    assert english[1] == {"label": "Seoul", "value": "서울"}


def test_a_region_goes_into_the_spec_and_the_url_and_an_unknown_one_means_all(cb, monkeypatch):
    dealer, _region = cb
    monkeypatch.setattr(dealer, "trigger_kind", lambda: "user")
    spec, search = dealer.resolve_filters("Kia", "all", "all", "all", "경남")
    assert spec["region"] == "경남"
    assert search == "?brand=Kia&region=%EA%B2%BD%EB%82%A8"
    spec, search = dealer.resolve_filters("Kia", "all", "all", "all", "Atlantis")
    assert spec["region"] is None and search == "?brand=Kia"


def test_a_region_narrows_the_segment_and_cluster_views_to_its_customers(cb):
    dealer, _region = cb
    everyone = dealer._frame(_spec(dealer))
    seoul = dealer._frame(_spec(dealer, region="서울"))
    assert everyone.height == 1_900
    assert seoul.height == 175
    assert set(seoul.get_column("region").to_list()) == {"서울"}
    sizes = dealer.render_clusters(_spec(dealer, region="서울"), "ko")[2]
    assert sum(sum(trace.y) for trace in sizes.data) == 175
    table = dealer.render_segments(_spec(dealer, region="서울"), "ko")[2]
    assert sum(row["customers"] for row in table.data) == 175


def test_the_view_shows_every_region_with_heatmap_insights_and_table(cb):
    dealer, region = cb
    hint, selected, heatmap, style, note, unknown, found, table = region.render_regions(
        _spec(dealer, region="서울"), "ko"
    )
    assert "30명 미만" in hint
    assert "서울" in text_of(selected) and "175명" in text_of(selected)
    rows = [y for trace in heatmap.data for y in trace.y if y is not None]
    assert len(set(rows)) == 17 and rows[0] == "서울"
    assert heatmap.layout.shapes, "the chosen region is outlined"
    assert note is None and unknown is None  # 17 regions fit; every Kia address resolves
    assert "재고 비중 확대 검토" in text_of(found)
    assert isinstance(table, dash_table.DataTable) and len(table.data) == 17
    assert heatmap.layout.height >= 250
    assert style == {"height": f"{heatmap.layout.height}px"}


def test_small_samples_are_greyed_with_no_suggestion(cb):
    dealer, region = cb
    spec = _spec(dealer, brand="Hyundai", market="USA")
    _hint, _sel, heatmap, _style, note, unknown, found, table = region.render_regions(spec, "en")
    assert all("(small sample)" in y for trace in heatmap.data for y in trace.y if y)
    assert "all " in note and "regions are in the table below" in note
    assert unknown.startswith("25 of 200 customers")
    text = text_of(found)
    assert "small sample" in text and "consider a larger" not in text
    assert all(row["small_sample"] for row in table.data)


def test_a_heatmap_click_picks_its_region_and_clear_picks_all(cb, monkeypatch):
    _dealer, region = cb
    monkeypatch.setattr(region, "ctx", type("Ctx", (), {"triggered_id": ids.REGION_HEATMAP}))
    click = {"points": [{"x": "SUV", "y": "경남", "customdata": "경남"}]}
    assert region.pick_region(click, None) == "경남"
    with pytest.raises(PreventUpdate):
        region.pick_region({"points": []}, None)
    monkeypatch.setattr(region, "ctx", type("Ctx", (), {"triggered_id": ids.REGION_CLEAR}))
    assert region.pick_region(click, 1) == "all"
