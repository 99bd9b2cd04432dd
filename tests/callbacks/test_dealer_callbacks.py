"""Dealer page callbacks called as plain functions on a trained copy of the reference data."""

from __future__ import annotations

import re

import pytest
from dash import dash_table, no_update
from dash.exceptions import PreventUpdate

from app import figures, services
from app.actor import Actor
from app.figures import dealer as dealer_figures
from app.security.signin import acting_as
from tests.callbacks.dash_text import text_of as _text


@pytest.fixture()
def cb(trained_reference):
    """The callback module with the app's settings pointed at the trained copy."""
    from app.services import install as use_settings
    from app.settings import load_settings

    db, artifacts = trained_reference
    use_settings(load_settings(db=db, artifacts_dir=artifacts))
    import callbacks.dealer as module

    return module


def _spec(cb, brand="Hyundai", market="all", start="all", end="all") -> dict:
    spec, _search = cb.resolve_filters(brand, market, start, end)
    return spec


# --- filters ----------------------------------------------------------------------------


def test_markets_offered_are_the_nine_customer_markets_plus_all(cb):
    markets, years_from, years_to, brands, _regions = cb.filter_choices("Hyundai", "ko")
    assert markets[0] == {"label": "전체", "value": "all"}
    assert len(markets) == 10
    assert {"label": "대한민국", "value": "Korea"} in markets
    assert years_from[0]["value"] == "all" and len(years_from) > 2
    assert [b["value"] for b in brands] == ["Hyundai", "Kia"]


def test_an_unknown_market_means_all_markets_and_the_first_call_keeps_the_url(cb):
    spec, search = cb.resolve_filters("Kia", "Atlantis", "2020", "x")
    assert spec == {"brand": "Kia", "market": None, "from": "2020", "to": None, "region": None}
    assert search is no_update


def test_a_user_change_writes_the_filters_into_the_url(cb, monkeypatch):
    monkeypatch.setattr(cb, "trigger_kind", lambda: "user")
    _spec_out, search = cb.resolve_filters("Hyundai", "Korea", "2020", "all")
    assert search == "?brand=Hyundai&market=Korea&from=2020"


def test_trained_data_shows_no_status_message(cb):
    assert cb.render_status(_spec(cb), "ko") is None


def test_no_spec_prevents_update(cb):
    with pytest.raises(PreventUpdate):
        cb.render_segments(None, "ko")


# --- segments ---------------------------------------------------------------------------


def test_segments_show_four_named_segments_with_shares_and_actions(cb):
    bar, grid, table, actions, *_tables = cb.render_segments(_spec(cb), "ko")
    assert set(bar.data[0].x) == {"VIP", "일반", "신규", "이탈가능"}
    assert sum(bar.data[0].y) == pytest.approx(100, abs=0.5)  # customer shares
    assert sum(bar.data[1].y) == pytest.approx(100, abs=0.5)  # revenue shares
    assert grid.data[0].type == "heatmap"
    assert isinstance(table, dash_table.DataTable) and len(table.data) == 4
    texts = [a.children for a in actions]
    assert len(texts) == 4 and texts[0].startswith("VIP — 고객 ")
    assert all(" → " in text for text in texts)


def test_segment_texts_follow_the_language(cb):
    _bar, _grid, _table, actions, *_ = cb.render_segments(_spec(cb), "en")
    assert actions[0].children.startswith("VIP — ")
    assert "customers" in actions[0].children


def test_each_name_shows_its_condition_and_measured_values(cb):
    *_, naming, package = cb.render_segments(_spec(cb), "ko")
    text = _text(naming)
    assert "기준값: 최근성(마지막 구매 후 일수) 중앙값" in text
    for name in ("VIP", "일반", "신규", "이탈가능"):
        assert name in text
    assert "해당 군집 없음" not in text  # Hyundai's four clusters meet all four conditions
    assert "R rfm 패키지의 점수 규칙" in _text(package)


@pytest.mark.parametrize(
    ("lang", "why"),
    [
        ("ko", "'신규' 조건을 만족하는 군집이 없습니다. 가장 가까운 군집은 '1회 고액 구매'"),
        (
            "en",
            "No cluster meets the 'New' condition, so the closest one is shown as "
            "'One-time high-spend buyers'",
        ),  # fmt: skip
    ],
)
def test_a_name_no_cluster_meets_says_why_with_the_failed_check(cb, lang, why):
    *_, naming, _package = cb.render_segments(_spec(cb, brand="Kia"), lang)
    text = _text(naming)
    assert why in text
    assert ("60% ≥ 67% ✗ 미충족" if lang == "ko" else "60% ≥ 67% ✗ not met") in text


def test_the_rfm_package_agreement_is_shown_with_its_cross_table(cb):
    *_, package = cb.render_segments(_spec(cb), "en")
    text = _text(package)
    pattern = r"Of the [\d,]+ customers with a counterpart on both sides, [\d.]+% agree"
    assert re.search(pattern, text)
    assert "Potential Loyalist" in text and "Cross table (customers)" in text
    # on the Korean page the package's own English names are marked as English
    korean = str(cb.render_segments(_spec(cb), "ko")[-1])
    assert "Span(children='Potential Loyalist', lang='en')" in korean and "(잠재 충성)" in korean


def test_a_market_filter_narrows_the_segments(cb):
    whole = sum(cb.render_segments(_spec(cb), "ko")[2].data[i]["customers"] for i in range(4))
    korea = sum(r["customers"] for r in cb.render_segments(_spec(cb, market="Korea"), "ko")[2].data)
    assert 0 < korea < whole


def test_an_empty_selection_shows_the_empty_state(cb):
    spec = _spec(cb, start="2099", end="2099")
    bar, _grid, table, actions, *_ = cb.render_segments(spec, "ko")
    assert figures.is_empty_figure(bar)
    assert table.children == "선택한 조건에 데이터가 없습니다"
    assert actions == []
    assert "선택한 조건에 데이터가 없습니다" in _text(cb.render_status(spec, "ko"))


# --- clusters ---------------------------------------------------------------------------


def test_clusters_show_quality_k_curves_with_the_chosen_k_and_persona_cards(cb):
    quality, curves, sizes, cards = cb.render_clusters(_spec(cb), "ko")
    k = int(re.search(r"K = (\d+)", quality).group(1))
    assert "실루엣" in quality and "ARI" in quality
    assert list(curves.data[0].x) == list(range(2, 11))
    assert curves.layout.shapes[0].x0 == k  # the chosen K is marked
    assert len(sizes.data[0].x) == k
    assert len(cards.children) == k
    assert "군집 1 — " in _text(cards) and "대" in _text(cards)


def test_cluster_personas_are_shown_in_english_too(cb):
    _q, _c, _s, cards = cb.render_clusters(_spec(cb), "en")
    assert "cluster 1 — " in _text(cards) and "s · " in _text(cards)


def test_pca_projection_colours_the_customers_by_cluster_with_variance_on_the_axes(cb):
    quality, _c, _s, _cards = cb.render_clusters(_spec(cb), "ko")
    k = int(re.search(r"K = (\d+)", quality).group(1))
    figure = cb.render_pca(_spec(cb), "ko")
    assert len(figure.data) == k
    assert [trace.marker.color for trace in figure.data] == [
        dealer_figures.cluster_colour(c) for c in range(1, k + 1)
    ]
    assert sum(len(trace.x) for trace in figure.data) <= 5_000
    assert re.fullmatch(r"주성분 1 \(분산의 \d+(\.\d)?%\)", figure.layout.xaxis.title.text)
    assert figure.layout.yaxis.title.text.startswith("주성분 2")
    english = cb.render_pca(_spec(cb), "en")
    assert english.layout.xaxis.title.text.startswith("PC 1 (")
    assert cb.render_pca(_spec(cb), "ko").to_dict() == figure.to_dict()  # same picture


def test_pca_of_an_empty_selection_is_the_empty_figure(cb):
    assert figures.is_empty_figure(cb.render_pca(_spec(cb, start="2099", end="2099"), "ko"))


# --- insights and drill-down -----------------------------------------------------------


def test_model_cluster_chart_carries_models_for_clicks_and_a_computed_insight(cb):
    figure, text = cb.render_model_cluster(_spec(cb), "ko")
    assert figure.data and list(figure.data[0].customdata) == list(figure.data[0].x)
    assert "구매자의" in _text(text) and "마케팅 제안" in _text(text)


def test_every_insight_view_has_a_chart_and_a_sentence(cb):
    children = cb.render_insights(_spec(cb), "ko")
    row = children[0]
    assert len(row.children) == len(cb.CHART_VIEWS)
    for col in row.children:
        assert col.children[0].figure.data, col.className
    assert "마케팅 제안" in _text(children)


def test_clicking_a_model_bar_picks_that_model_for_the_drilldown(cb):
    assert cb.model_from_click({"points": [{"x": "Avante", "customdata": "Avante"}]}) == "Avante"
    with pytest.raises(PreventUpdate):
        cb.model_from_click(None)


def test_drilldown_names_the_clusters_with_shares_and_a_campaign(cb):
    spec = _spec(cb)
    _options, market = cb.drill_markets(spec, "ko", None)
    assert market == "Korea"
    models, _model = cb.drill_models("Korea", spec, "Avante")
    assert {"label": "Avante", "value": "Avante"} in models
    graph, sentence, table = cb.render_drilldown("Korea", "Avante", "ko", spec)
    assert "Avante" in graph.figure.layout.title.text
    shares = [row["share"] for row in table.data]
    assert sum(shares) == pytest.approx(100, abs=0.5)
    text = _text(sentence)
    assert text.startswith("대한민국에서 Avante 구매자") and "프로모션" in text


def test_drilldown_of_a_model_not_sold_there_is_empty(cb):
    out = cb.render_drilldown("Korea", "No Such Car", "ko", _spec(cb))
    assert out.children == "선택한 조건에 데이터가 없습니다"


# --- customers ---------------------------------------------------------------------------


STRATEGIST = Actor(name="s1", role="strategist")


def test_customers_grid_masks_phone_email_and_address_for_a_strategist(cb, ref):
    with acting_as(STRATEGIST):
        rows, columns = cb.render_customers(_spec(cb, market="Korea"), "ko")
    fields = {c["field"] for c in columns}
    assert rows and fields >= {"phone", "email", "address", "segment", "cluster"}
    for row in rows:
        if row["email"]:
            assert re.fullmatch(r"[^@]\*\*\*@[^@]+", row["email"]), row["email"]
        if row["phone"]:
            digits = re.sub(r"\D", "", row["phone"].lstrip("+").split("-", 1)[-1])
            assert len(digits) <= 4 + 3 and "*" in row["phone"], row["phone"]
        if row["address"]:
            assert row["address"].endswith("***"), row["address"]
    real_ids = {r[0] for r in ref("select customer_id from customers")}
    assert all(re.fullmatch(r"C-[0-9a-f]{16}", row["customer_id"]) for row in rows)
    assert not real_ids & {row["customer_id"] for row in rows}  # never the login handle


def test_an_administrator_and_the_brands_dealer_see_contacts_a_strategist_does_not(cb, ref):
    spec = _spec(cb, market="Korea")
    emails = {r[0] for r in ref("select email from customers where brand = 'Hyundai'")}
    for actor, unmasked in (
        (Actor(name="a1", role="admin"), True),
        (Actor(name="d1", role="dealer", brand="Hyundai"), True),
        (STRATEGIST, False),
        (Actor(name="n1", role="analyst"), False),
    ):
        with acting_as(actor):
            rows, _columns = cb.render_customers(spec, "ko")
        shown = {row["email"] for row in rows if row["email"]}
        assert shown and (shown <= emails) == unmasked, actor


def test_phone_masking_keeps_the_country_code_and_last_four_digits(cb):
    with acting_as(STRATEGIST):
        frame = services.dealer_contacts("Hyundai")
    phones = [p for p in frame.get_column("phone").to_list() if p and p.startswith("+1-")]
    assert phones, "the reference data has US numbers like +1-xxx-xxx-xxxx"
    assert all(re.fullmatch(r"\+1-\*\*\*-\*\*\*-\d{4}", p) for p in phones[:20]), phones[:5]


# --- table headers -------------------------------------------------------------------------


def _tables(component) -> list:
    """Every DataTable inside a Dash component tree."""
    if isinstance(component, dash_table.DataTable):
        return [component]
    if isinstance(component, list | tuple):
        return [t for c in component for t in _tables(c)]
    children = getattr(component, "children", None)
    return _tables(children) if children is not None else []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_dealer_table_header_comes_from_the_catalogue(cb, lang):
    spec = _spec(cb)
    tables = [
        cb.render_segments(spec, lang)[2],
        *_tables(cb.render_insights(spec, lang)),
        *_tables(cb.render_drilldown("Korea", "Avante", lang, spec)),
    ]
    headers = [c["name"] for table in tables for c in table.columns]
    headers += [c["headerName"] for c in cb.render_customers(spec, lang)[1]]
    assert len(tables) == 3 and headers
    raw = [h for h in headers if h.startswith("col.")]
    assert raw == [], f"catalogue lacks {raw}"


# --- before training ------------------------------------------------------------------------


def test_an_untrained_warehouse_says_to_run_carsight_train(reference_db, tmp_path):
    from app.services import install as use_settings
    from app.settings import load_settings

    use_settings(load_settings(db=reference_db, artifacts_dir=tmp_path / "none"))
    import callbacks.dealer as cb

    spec = _spec(cb)
    assert "`carsight train`을 실행하세요" in _text(cb.render_status(spec, "ko"))
    assert "Run `carsight train`" in _text(cb.render_status(spec, "en"))
    bar, _grid, _table, _actions, *_ = cb.render_segments(spec, "ko")
    assert figures.is_empty_figure(bar)
    assert cb.render_customers(spec, "ko")[0] == []
    assert cb.render_drilldown("Korea", None, "ko", spec).children == (
        "모델을 선택하거나 모델 × 군집 막대를 클릭하세요."
    )
