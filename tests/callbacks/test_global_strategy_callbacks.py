"""Global strategy callbacks called as plain functions against the reference warehouse."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest
from dash import dash_table, no_update
from dash.exceptions import PreventUpdate

from app import figures, ids, url_state
from app.url_state import ANY, Problem

WEIGHT_IDS = [ids.gs_weight(name) for name in ("volume", "momentum", "revenue")]


@pytest.fixture(scope="module")
def cb(reference_db):
    """The callback module with the app's warehouse getter pointed at the reference data."""
    from app.services import install as use_settings
    from app.settings import load_settings

    use_settings(load_settings(db=reference_db))
    import callbacks.global_strategy as module

    return module


def _controls(**changes) -> dict:
    controls = {
        "source": "customers",
        "brand": "all",
        "period_from": ANY,
        "period_to": ANY,
        "vehicle_types": [],
        "powertrains": [],
        "market": ANY,
        "markets": None,  # untouched: every market ([] is "deselect all")
        "top_n": 5,
        "measure": "units",
        "threshold": 5,
        "model": ANY,
    }
    return {**controls, **changes}


def _resolve(cb, lang: str = "ko", weights=(0.5, 0.3, 0.2), **changes) -> dict:
    return cb.resolve_filters(_controls(**changes), list(weights), WEIGHT_IDS, [], lang)


@pytest.fixture()
def user_change(cb, monkeypatch):
    """Make resolve_filters see a control change (a plain call counts as the first call)."""
    monkeypatch.setattr(cb, "trigger_kind", lambda: "user")


def _spec(cb, **changes) -> dict:
    return _resolve(cb, **changes)["spec"]


def _texts(items) -> list[str]:
    return [item.children for item in items]


# --- filters ----------------------------------------------------------------------------


def test_the_first_call_fills_the_default_market_and_leaves_the_url_as_opened(cb):
    out = _resolve(cb, brand="Hyundai")
    assert out["market"] == "Korea"
    assert out["search"] is no_update  # plain call = first call: never rewrite the URL
    assert out["alert"] is None
    assert out["spec"]["market"] == "Korea" and out["spec"]["brand"] == "Hyundai"
    assert len(out["markets"]) == 9


def test_the_spec_holds_filter_values_only_never_data(cb):
    spec = _spec(cb, brand="Hyundai")
    # data_version: the warehouse version's key (a new version re-renders the views)
    assert set(spec) == set(url_state.PageState.__dataclass_fields__) | {
        "heatmap_markets",
        "data_version",
    }
    assert len(json.dumps(spec)) < 1000


def test_focus_market_choices_are_the_markets_the_source_has(cb):
    domestic = cb.filter_choices("domestic_sales", "all", "ko")
    assert [o["value"] for o in domestic["market"]] == ["Korea"]
    assert domestic["market"][0]["label"] == "대한민국"
    customers = cb.filter_choices("customers", "Hyundai", "en")
    assert len(customers["market"]) == 9 and customers["market"][0]["label"] == "Korea"
    assert [o["value"] for o in customers["source"]] == list(url_state.SOURCES)
    assert customers["source"][0]["label"] == "Customer purchases (CRM)"
    assert customers["period_from"][0] == {"label": "From the start", "value": ANY}


def test_a_linked_market_the_source_lacks_falls_back_and_joins_the_url_alert(cb):
    out = _resolve(cb, lang="en", source="eu_retail", market="Korea")
    assert out["market"] == "Western Europe"
    assert out["alert"] is None
    problems = [Problem(**p) for p in out["url_problems"]]
    assert problems == [Problem("market", "Korea", "unavailable", "Western Europe")]
    text = str(cb.show_url_problems(out["url_problems"], "en"))
    assert "'market'" in text and "Korea" in text and "Western Europe" in text


def test_a_changed_control_rewrites_the_url_and_alerts_on_a_missing_market(cb, user_change):
    out = _resolve(cb, lang="en", source="eu_retail", market="Korea")
    assert out["search"] == "?source=eu_retail&brand=all&market=Western+Europe"
    assert out["url_problems"] is no_update
    text = str(out["alert"])
    assert "'market'" in text and "Korea" in text and "Western Europe" in text


def test_an_out_of_range_number_marks_its_field_invalid_and_keeps_the_last_value(cb, user_change):
    """A threshold of 150 or -3 showed in the box while the chart silently used 5."""
    previous = _spec(cb, threshold=8)
    for typed in (150, -3):
        out = cb.resolve_filters(_controls(threshold=typed), [0.5, 0.3, 0.2], WEIGHT_IDS, [],
                                 "ko", None, previous)  # fmt: skip
        assert out["threshold_invalid"] is True
        assert out["threshold_feedback"] == "0~100 사이의 값을 입력하세요"
        assert out["spec"]["threshold_pp"] == 8  # the last valid value, not the default
    out = _resolve(cb, lang="en", top_n=99)
    assert out["top_n_invalid"] is True and out["spec"]["top_n"] == url_state.TOP_N_DEFAULT
    assert out["top_n_feedback"] == "Enter a value from 1 to 20"
    valid = _resolve(cb, threshold=12.5)
    assert valid["threshold_invalid"] is False and valid["threshold_feedback"] == ""
    assert valid["spec"]["threshold_pp"] == 12.5


def test_deselect_all_leaves_the_heatmap_without_markets(cb, user_change):
    """ "모두 해제" snapped back to every market."""
    out = _resolve(cb, markets=[])
    assert out["markets"] == [] and out["spec"]["heatmap_markets"] == []
    assert out["search"].endswith("&markets=none")
    fig, table = cb.render_heatmap(out["spec"], "ko")
    assert fig.layout.annotations[0].text == "히트맵에 표시할 시장을 하나 이상 고르세요"
    assert "히트맵에 표시할 시장" in str(table)


def test_url_problems_are_shown_with_the_parameter_name(cb):
    alert = cb.show_url_problems([asdict(Problem("threshold", "abc"))], "ko")
    assert "'threshold'" in str(alert) and "'abc'" in str(alert)
    assert cb.show_url_problems([], "ko") is None


# --- cross-filtering ---------------------------------------------------------------------


def test_a_click_on_a_market_bar_makes_it_the_focus_market(cb):
    assert cb.focus_market_from_click({"points": [{"customdata": "USA", "x": "미국"}]}) == "USA"
    with pytest.raises(PreventUpdate):
        cb.focus_market_from_click(None)


def test_a_click_on_a_top10_bar_or_slice_picks_the_model(cb):
    assert cb.model_from_bar_click({"points": [{"customdata": ["NEXO", 17.8]}]}) == "NEXO"
    assert cb.model_from_pie_click({"points": [{"customdata": "G70"}]}) == "G70"
    with pytest.raises(PreventUpdate):  # the "other models" slice
        cb.model_from_pie_click({"points": [{"customdata": None}]})


def test_views_wait_for_a_spec(cb):
    with pytest.raises(PreventUpdate):
        cb.render_top10(None, "ko")


# --- views -----------------------------------------------------------------------------------


def test_the_page_says_g70_is_17_4_points_above_average_in_korea(cb):
    spec = _spec(cb, brand="Hyundai", market="Korea")
    _fig, strong, untapped, table = cb.render_deviation_view(spec, "ko")
    assert _texts(strong)[0] == "G70 — 지역 평균보다 17.4%p 높음"
    assert all("낮음" in text for text in _texts(untapped))
    g70 = next(row for row in table.data if row["model"] == "G70")
    assert g70["deviation_pp"] == 17.4
    _fig, strong_en, _, _ = cb.render_deviation_view(spec, "en")
    assert _texts(strong_en)[0] == "G70 — 17.4pp above the all-market average"


def test_the_threshold_moves_models_between_the_lists(cb):
    loose = cb.render_deviation_view(_spec(cb, brand="Hyundai", threshold=1), "ko")[1]
    strict = cb.render_deviation_view(_spec(cb, brand="Hyundai", threshold=15), "ko")[1]
    assert len(loose) > len(strict) == 1


def test_choosing_a_market_changes_the_top10(cb):
    korea = cb.render_top10(_spec(cb, brand="Hyundai", market="Korea"), "ko")
    usa = cb.render_top10(_spec(cb, brand="Hyundai", market="USA"), "ko")
    assert "대한민국" in korea[0].layout.title.text and "미국" in usa[0].layout.title.text
    assert korea[2].data != usa[2].data
    assert korea[2].data[0]["model"] == "G70"
    assert [o["value"] for o in korea[3]][:2] == [ANY, "G70"]


def test_the_market_bar_outlines_the_focus_market(cb):
    fig, _table = cb.render_markets(_spec(cb, market="USA"), "ko")
    bar = fig.data[0]
    assert bar.marker.line.width[list(bar.customdata).index("USA")] > 0


def test_the_trend_is_the_chosen_model_in_the_focus_market_with_gaps_not_zeros(cb):
    fig, table = cb.render_trend(_spec(cb, brand="Hyundai", market="Korea", model="NEXO"), "en")
    assert fig.layout.title.text == "NEXO monthly units — Korea"
    units = [row["units"] for row in table.data]
    assert None in units  # Hyundai's Korean purchases stop for some months: gaps
    assert list(fig.data[0].y) == units
    default = cb.render_trend(_spec(cb, brand="Hyundai", market="Korea"), "en")[0]
    assert default.layout.title.text.startswith("G70 ")  # the top model


def test_the_heatmap_highlights_the_chosen_model_and_downloads_its_table(cb):
    spec = _spec(cb, brand="Hyundai", markets=["Korea", "USA", "Canada"], top_n=3, model="NEXO")
    fig, table = cb.render_heatmap(spec, "ko")
    assert list(fig.data[0].x) == ["대한민국", "미국", "캐나다"]
    assert len(fig.data[0].y) == 3 and len(fig.layout.shapes) == ("NEXO" in fig.data[0].y)
    download = cb.download_heatmap(1, spec)
    assert download["filename"] == "carsight-heatmap-units.csv"
    lines = download["content"].splitlines()
    assert lines[0] == "model,Korea,USA,Canada" and len(lines) == 4
    share = cb.render_heatmap(_spec(cb, measure="share"), "en")[1]
    assert all(0 <= row["Korea"] <= 100 for row in share.data)


def test_recommendations_are_sentences_from_the_strings_module(cb):
    blocks = cb.render_recommendations(
        _spec(cb, source="overseas_retail", brand="Kia", market="USA"), "ko"
    )
    text = " ".join(str(b) for b in blocks)
    assert "Telluride — 지역 평균보다 +9.6%p 높고" in text
    assert "생산·재고 배정 확대" in text and "프로모션 우선 투입" in text


def test_the_default_advice_never_judges_a_brand_on_months_it_has_not_reported(cb):
    """The home view's default (customers, both brands, Korea) said "G70 … 최근
    3개월(2026-03까지) 0대 … -100.0%: 프로모션 우선 투입": Hyundai's file ends 2025-12."""
    for brand in ("all", "Hyundai"):
        blocks = cb.render_recommendations(_spec(cb, brand=brand, market="Korea"), "ko")
        text = " ".join(str(b) for b in blocks)
        assert "2026-03까지" not in text.split("G70")[1].split("Li(")[0]
        assert "-100.0%" not in text and "프로모션 우선 투입" not in text
        # 3 and 6 cars are too few to claim a trend: marked, without advice
        assert "G70 — 지역 평균보다" in text and "표본 부족" in text
        assert "표본 부족: 추세 판단 보류" in text


def test_priority_weights_change_the_order(cb):
    spec = {"source": "overseas_retail", "brand": "Kia", "market": "USA"}
    by_volume = cb.render_priority(_spec(cb, **spec, weights=(1, 0, 0)), "en")
    by_momentum = cb.render_priority(_spec(cb, **spec, weights=(0, 1, 0)), "en")
    assert isinstance(by_volume, dash_table.DataTable)
    assert by_volume.data[0]["model"] == "Sportage"  # most units in the USA
    assert [r["model"] for r in by_volume.data] != [r["model"] for r in by_momentum.data]


def test_the_stock_planner_keeps_entered_stock_and_flags_cover(cb):
    spec = _spec(cb, brand="Hyundai", market="Korea")
    rows, columns = cb.plan_stock(
        spec, None, "en", [{"model": "G70", "stock": 0}, {"model": "Santa Fe", "stock": 500}]
    )
    by_model = {r["model"]: r for r in rows}
    assert by_model["G70"]["status"] == "Urgent"
    assert by_model["Santa Fe"]["status"] == "Excess"
    assert by_model["NEXO"]["stock"] is None and by_model["NEXO"]["status"] is None
    assert [c["id"] for c in columns if c["editable"]] == ["stock"]
    # a new market keeps the figures typed for models it also sells
    usa_rows, _ = cb.plan_stock(_spec(cb, brand="Hyundai", market="USA"), None, "en", rows)
    assert {r["model"]: r["stock"] for r in usa_rows}.get("Santa Fe") == 500


def test_a_selection_without_data_shows_the_empty_state_everywhere(cb):
    spec = _spec(cb, source="eu_retail", brand="Kia")
    assert spec["market"] is None
    figs = [
        cb.render_markets(spec, "en")[0],
        *cb.render_top10(spec, "en")[:2],
        cb.render_trend(spec, "en")[0],
        cb.render_deviation_view(spec, "en")[0],
        cb.render_heatmap(spec, "en")[0],
    ]
    assert all(figures.is_empty_figure(f) for f in figs)
    assert cb.render_priority(spec, "en").children == "No data for this selection"
    assert cb.render_recommendations(spec, "en").children == "No data for this selection"


def test_static_texts_follow_the_language(cb):
    from callbacks.data import translate_texts

    texts, lang = translate_texts("en", [ids.text("nav.strategy"), ids.text("gs.title")])
    assert (texts, lang) == (["Global strategy", "Global export strategy"], "en")
    assert translate_texts("xx", [ids.text("nav.data")]) == (["데이터"], "ko")


def test_a_single_market_source_explains_why_there_is_no_deviation(cb):
    """eu_retail (Western Europe only) showed an empty deviation chart with no word."""
    fig, strong, untapped, table = cb.render_deviation_view(_spec(cb, source="eu_retail"), "ko")
    note = "이 출처에는 시장이 하나뿐이라 시장 간 점유율 편차를 계산할 수 없습니다"
    assert fig.layout.annotations[0].text == note and note in str(strong) and note in str(table)


def test_the_heatmap_table_has_one_csv_button(cb):
    _fig, table = cb.render_heatmap(_spec(cb, brand="Hyundai"), "ko")
    assert table.export_format == "none"  # the card's own download button is the one
