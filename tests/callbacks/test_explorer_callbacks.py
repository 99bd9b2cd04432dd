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


# --- models, plants, retail, competitors ---------------------------------------------------


def test_models_control_labels_follow_the_language(services):
    import callbacks.explorer_models as m

    english = m.models_choices("Kia", "both", "en")
    assert [o["label"] for o in english["flow"]] == ["Domestic + export", "Domestic", "Export"]
    assert [o["label"] for o in english["brand"]] == ["Both", "Hyundai", "Kia"]
    korean = m.models_choices("Kia", "both", "ko")
    assert [o["label"] for o in korean["flow"]] == ["국내 + 수출", "국내", "수출"]


def test_a_click_on_a_model_bar_narrows_the_flows_and_makes_it_model_a(services):
    import callbacks.explorer_models as m

    assert m.models_focus_from_click({"points": [{"customdata": "Sportage"}]}) == "Sportage"
    base = {"compare": ANY, "flow": "both", "top_n": 10}
    spec = m.resolve_models(controls(brand="Kia", focus="Sportage", **base), [], "en", {})["spec"]
    flows, _ = m.models_flows(spec, "en")
    assert flows.layout.title.text == "Sportage: domestic vs export"
    body, power, _ = m.models_mix(spec, "en")
    # Kia's Sportage rows do not state their powertrain: one group, shown, not dropped
    assert [trace.name for trace in power.data] == ["Unstated (mixed)"]
    _fig, sentence, _ = m.models_comparison(spec, "en")
    assert sentence.startswith("Sportage ")
    text = text_of(m.models_insights(spec, "en"))
    assert "Sportage: 150,551 domestic, 283,116 exported (65.3% exported)." in text


def test_a_click_on_a_plant_narrows_the_trend_and_the_concentration(services):
    import callbacks.explorer_plants as p

    assert p.plants_focus_from_click(None, {"points": [{"customdata": "KaSK"}]}) == "KaSK"
    spec = p.resolve_plants(controls(focus="KaSK", picks=[]), [], "ko", {})["spec"]
    trend, _ = p.plants_trend(spec, "ko")
    assert [trace.name for trace in trend.data] == ["KaSK"]
    bars, _, single = p.plants_concentration(spec, "ko")
    made_at_kask = set(bars.data[0].customdata)
    assert {"Sportage", "Ceed", "XCeed"} <= made_at_kask
    assert {row["plant"] for row in single.data} == {"KaSK"}


def test_retail_focus_market_gets_its_peak_and_low_marked(services):
    import callbacks.explorer_retail as r

    spec = r.resolve_retail(controls(brand="Kia", focus="USA", picks=[]), [], "en", {})["spec"]
    trend, table = r.retail_trend(spec, "en")
    names = [trace.name for trace in trend.data]
    assert names == ["USA", "Peak", "Low"]
    peak = trend.data[1]
    assert (str(peak.x[0]), peak.y[0]) == ("2024-08-01", 75_217)
    assert "USA: peak 2024-08 (75,217), low 2025-01 (45,393)." in text_of(
        r.retail_insights(spec, "en")
    )


def test_competitor_counter_models_say_why_and_give_our_numbers(services):
    import callbacks.explorer_competitors as c

    spec = c.resolve_competitors(controls(focus="USA", year="2024"), [], "en", {})["spec"]
    assert (spec["focus"], spec["year"]) == ("USA", 2024)
    sentences, table = c.competitors_counters(spec, "en")
    text = text_of(sentences)
    assert "Tesla Model Y (Tesla, 405,900) ↔ EV9 (Kia, EV): same body and powertrain" in text
    assert "22,017" in text
    assert {row["match"] for row in table.data} <= {
        "same body and powertrain (that powertrain only)",
        "same body, offered with that powertrain",
        "same body only",
        "no model of ours with that body",
    }


def test_bar_colours_are_explained_by_a_legend(services):
    import callbacks.explorer_competitors as c
    import callbacks.explorer_models as m

    spec = c.resolve_competitors(controls(focus="USA", year="2024"), [], "en", {})["spec"]
    bars, _table = c.competitors_models(spec, "en")
    legend = [trace.name for trace in bars.data if trace.showlegend]
    assert legend and set(legend) <= {"ICE", "HEV", "EV", "Unstated"}
    assert bars.data[0].showlegend is False  # the bars themselves are not an entry
    spec = m.resolve_models(controls(top_n=10, compare=ANY, flow="both"), [], "ko", {})["spec"]
    top, _table = m.models_top(spec, "ko")
    assert [trace.name for trace in top.data if trace.showlegend] == ["현대", "기아"]


def test_table_codes_read_in_the_page_language(services):
    import callbacks.explorer_competitors as c
    import callbacks.explorer_models as m
    import callbacks.explorer_retail as r

    spec = c.resolve_competitors(controls(focus="USA", year="2024"), [], "en", {})["spec"]
    _bars, models_table = c.competitors_models(spec, "en")
    assert {row["powertrain"] for row in models_table.data} <= {"ICE", "Hybrid", "EV"}
    assert "Pickup" in {row["segment"] for row in models_table.data}
    _sentences, counters = c.competitors_counters(spec, "ko")
    assert "픽업" in {row["body"] for row in counters.data}
    spec = m.resolve_models(controls(top_n=10, compare=ANY, flow="both"), [], "ko", {})["spec"]
    _body, _power, mix = m.models_mix(spec, "ko")
    assert {row["mix"] for row in mix.data} == {"차체", "파워트레인"}
    spec = r.resolve_retail(controls(brand="Kia", picks=[]), [], "ko", {})["spec"]
    _trend, summary = r.retail_trend(spec, "ko")
    assert {row["cv_class"] for row in summary.data} <= {"연중형", "보통", "계절형", "판단 불가"}


# --- source data -------------------------------------------------------------------------------


def test_source_grid_pages_sorts_and_filters_on_the_server(services, ref):
    import callbacks.explorer_sources as s

    # the path as the build stored it (the reference folder sits elsewhere on CI)
    [(file,)] = ref(
        "select distinct source_file from load_log "
        "where source_file like '%/hmc-export-by-region-december-y2023.csv'"
    )
    spec = s.resolve_sources(controls(focus=file), [], "en", {})["spec"]
    assert spec["focus"] == file
    request = {
        "startRow": 0,
        "endRow": 3,
        "sortModel": [{"colId": "units", "sort": "desc"}],
        "filterModel": {
            "market_label": {"filterType": "text", "type": "equals", "filter": "u.s.a"}
        },
    }
    page = s.sources_rows(request, spec, "en")
    assert page["rowCount"] == 12  # U.S.A, one row per month of 2023
    assert [r["units"] for r in page["rowData"]] == sorted(
        (r["units"] for r in page["rowData"]), reverse=True
    )
    assert {r["market_label"] for r in page["rowData"]} == {"U.S.A"}
    refused = s.sources_rows({**request, "sortModel": [{"colId": "x", "sort": "asc"}]}, spec, "en")
    assert refused is no_update


def test_source_file_status_reads_in_the_page_language(services):
    import callbacks.explorer_sources as s

    spec = s.resolve_sources(controls(), [], "ko", {})["spec"]
    log, _quality, _rejects = s.sources_file(spec, "ko")
    assert "적재됨" in text_of(log) and "loaded" not in text_log_values(log)
    files = s.sources_files(spec, "en")
    assert {row["status"] for row in files.data} == {"loaded"}


def test_source_quality_notes_read_in_korean_with_their_numbers(services, ref):
    import re

    import callbacks.explorer_sources as s

    # a file whose build wrote an English detail that app.i18n.data_quality re-words
    file, detail = ref(
        "select source_file, detail from data_quality where check_name = 'months_not_reported' "
        "order by source_file limit 1"
    )[0]
    spec = s.resolve_sources(controls(focus=file), [], "ko", {})["spec"]
    _log, quality, _rejects = s.sources_file(spec, "ko")
    row = next(r for r in quality.data if r["check_name"] == "미발표 월")
    assert row["detail"] != detail and re.search("[가-힣]", row["detail"])
    assert re.findall(r"\d+", row["detail"])[:1] == re.findall(r"\d+", detail)[:1]
    _log, english, _rejects = s.sources_file(spec, "en")
    assert detail in {r["detail"] for r in english.data}


def text_log_values(log) -> str:
    """The value cells of the load-log table."""
    table = log[1]
    return " ".join(str(row.children[1].children) for row in table.children.children)


@pytest.fixture(scope="module")
def formula_warehouse(tmp_path_factory):
    """A warehouse from one Hyundai sales-by-model file whose model label is a formula."""
    from warehouse.build import build

    folder = tmp_path_factory.mktemp("formula")
    raw = folder / "raw"
    raw.mkdir()
    months = ",".join(["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.",
                       "Oct.", "Nov.", "Dec."])  # fmt: skip
    (raw / "hmc-sales-by-model-december-y2024.csv").write_text(
        f"Model,Vehicle Type,Sales Type,{months}\n"
        + '"=HYPERLINK(""http://x"",""y"")",PC,Domestic,'
        + ",".join(["10"] * 12)
        + "\n"
        + "Avante (CN7),PC,Domestic,"
        + ",".join(["20"] * 12)
        + "\n",
        encoding="utf-8",
    )
    build([raw], folder / "warehouse.duckdb")
    return folder / "warehouse.duckdb"


def test_formula_text_is_escaped_in_every_table_and_download(formula_warehouse, monkeypatch):
    from app.services import install
    from app.settings import load_settings

    install(load_settings(db=formula_warehouse))
    import polars as pl

    import callbacks.explorer_sources as s

    spec = s.resolve_sources(controls(), [], "en", {})["spec"]
    # the loader quarantines the formula-like label; the rejected row's raw line is shown
    # in a table whose CSV button exports its rows: escaped there
    _log, _quality, rejects = s.sources_file(spec, "en")
    (row,) = rejects.data
    assert row["raw"].startswith("'=HYPERLINK(")
    # the grid's CSV download goes through the one escaping rule (warehouse.export)
    rows = pl.DataFrame({"line": [2], "model_label": ['=HYPERLINK("http://x","y")'], "units": [-5]})
    monkeypatch.setattr(s.services, "explorer_download", lambda **_: (rows, 1))
    download, note = s.sources_download(1, [None], spec, "en")
    assert download["content"].splitlines()[1] == '2,"\'=HYPERLINK(""http://x"",""y"")",-5'
    assert note is None
