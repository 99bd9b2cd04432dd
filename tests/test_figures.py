"""Figure factories: pure functions of a frame, one palette, catalogue texts, empty states."""

from __future__ import annotations

import polars as pl
import pytest

from app import figures
from app.figures import global_strategy as gs_figures
from app.i18n import t

OKABE_ITO = {
    "#000000",
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#999999",
}

TOP10 = pl.DataFrame(
    {
        "rank": [1, 2, 3],
        "model": ["G70", "Santa Fe", "NEXO"],
        "units": [60, 58, 52],
        "share": [0.205, 0.199, 0.178],
    }
)
TOTALS = pl.DataFrame({"market": ["Korea", "USA", "Canada"], "units": [292, 200, 200]})
DEVIATION = pl.DataFrame(
    {
        "model": ["G70", "Avante", "Venue"],
        "units_market": [60, 51, 0],
        "units_all": [60, 160, 102],
        "share_market": [0.205, 0.175, 0.0],
        "share_all": [0.031, 0.084, 0.054],
        "deviation_pp": [17.4, 9.1, -5.4],
        "status": ["strong", "strong", "untapped"],
    }
)
HEAT_UNITS = pl.DataFrame({"model": ["Avante", "NEXO"], "Korea": [51, 52], "USA": [16, 10]})
HEAT_SHARE = pl.DataFrame({"model": ["Avante", "NEXO"], "Korea": [0.5, 0.25], "USA": [0.1, 0.2]})
SERIES = pl.DataFrame(
    {"month": ["2024-01", "2024-02", "2024-03"], "units": [3, None, 0]},
    schema={"month": pl.Utf8, "units": pl.Int64},
)


def _builders():
    """(name, factory(frame, lang), a non-empty frame) for every chart of the page."""
    return [
        ("market_bar", lambda f, lang: gs_figures.market_bar(f, focus="Korea", lang=lang), TOTALS),
        ("top10_bar", lambda f, lang: gs_figures.top10_bar(f, market="Korea", lang=lang), TOP10),
        ("top10_pie", lambda f, lang: gs_figures.top10_pie(f, market="Korea", lang=lang), TOP10),
        (
            "deviation_bar",
            lambda f, lang: gs_figures.deviation_bar(f, market="Korea", threshold_pp=5, lang=lang),
            DEVIATION,
        ),
        (
            "heatmap",
            lambda f, lang: gs_figures.heatmap_figure(f, measure="units", top_n=5, lang=lang),
            HEAT_UNITS,
        ),
        (
            "trend",
            lambda f, lang: gs_figures.trend_line(f, model="G70", market="Korea", lang=lang),
            SERIES,
        ),
    ]


@pytest.mark.parametrize(
    ("name", "build", "frame"), _builders(), ids=lambda v: v if isinstance(v, str) else ""
)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_an_empty_frame_gives_the_empty_state_figure(name, build, frame, lang):
    fig = build(frame.head(0), lang)
    assert figures.is_empty_figure(fig)
    assert fig.layout.annotations[0].text == t("empty", lang)
    assert fig.layout.title.text  # the chart still says what it would show


@pytest.mark.parametrize(
    ("name", "build", "frame"), _builders(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_titles_and_axis_labels_follow_the_language(name, build, frame):
    ko, en = build(frame, "ko"), build(frame, "en")
    assert not figures.is_empty_figure(ko)
    assert ko.layout.title.text != en.layout.title.text
    for axis in ("xaxis", "yaxis"):
        ko_title, en_title = ko.layout[axis].title.text, en.layout[axis].title.text
        if ko_title or en_title:
            assert ko_title != en_title
    # Korean labels for markets in Korean, canonical names in English
    assert ("대한민국" in ko.layout.title.text) == ("Korea" in en.layout.title.text)


def test_empty_state_text_is_the_agreed_wording():
    ko, en = figures.empty_figure("ko"), figures.empty_figure("en")
    assert ko.layout.annotations[0].text == "선택한 조건에 데이터가 없습니다"
    assert en.layout.annotations[0].text == "No data for this selection"


def test_every_colour_is_from_the_okabe_ito_palette():
    assert set(figures.SEQUENCE) | {figures.GREY} <= OKABE_ITO
    assert set(figures.BRAND_COLOURS.values()) <= OKABE_ITO
    assert set(figures.STATUS_COLOURS.values()) <= OKABE_ITO
    assert set(figures.market_colours().values()) <= OKABE_ITO
    fig = gs_figures.deviation_bar(DEVIATION, market="Korea", threshold_pp=5)
    assert {trace.marker.color for trace in fig.data} <= OKABE_ITO


def test_a_market_keeps_its_colour_on_every_chart():
    bar = gs_figures.market_bar(TOTALS, focus="USA")
    assert list(bar.data[0].marker.color) == [figures.market_colour(m) for m in TOTALS["market"]]
    trend = gs_figures.trend_line(SERIES, model="G70", market="USA")
    assert trend.data[0].line.color == figures.market_colour("USA") == bar.data[0].marker.color[1]


def test_the_focus_market_bar_is_outlined_and_carries_its_name_for_clicks():
    fig = gs_figures.market_bar(TOTALS, focus="USA", lang="ko")
    bar = fig.data[0]
    assert list(bar.customdata) == ["Korea", "USA", "Canada"]
    assert list(bar.x) == ["대한민국", "미국", "캐나다"]
    assert list(bar.marker.line.width) == [0, 2.5, 0]
    assert list(bar.selectedpoints) == [1]


def test_top10_bars_carry_the_model_for_clicks_and_outline_the_selected_one():
    fig = gs_figures.top10_bar(TOP10, market="Korea", selected="NEXO")
    assert [c[0] for c in fig.data[0].customdata] == ["G70", "Santa Fe", "NEXO"]
    assert list(fig.data[0].marker.line.width) == [0, 0, 3]


def test_the_pie_adds_the_rest_of_the_market_as_one_slice():
    fig = gs_figures.top10_pie(TOP10, market="Korea", lang="en")
    pie = fig.data[0]
    assert list(pie.labels)[-1] == "Other models"
    assert sum(pie.values) == pytest.approx(1.0)


def test_heatmap_share_is_shown_in_percent_and_the_selected_model_is_outlined():
    fig = gs_figures.heatmap_figure(
        HEAT_SHARE, measure="share", top_n=2, lang="ko", selected="NEXO"
    )
    assert list(fig.data[0].z[0]) == [50.0, 10.0]
    assert list(fig.data[0].x) == ["대한민국", "미국"]
    assert len(fig.layout.shapes) == 1 and fig.layout.shapes[0].y0 == 0.5


def test_trend_draws_missing_months_as_gaps():
    fig = gs_figures.trend_line(SERIES, model="G70", market="Korea")
    assert list(fig.data[0].y) == [3, None, 0]
    assert fig.data[0].connectgaps is False


def test_tables_translate_headers_statuses_and_show_fractions_as_percent():
    ko = figures.data_table(DEVIATION, lang="ko")
    en = figures.data_table(DEVIATION, lang="en")
    assert [c["name"] for c in ko.columns][:2] == ["모델", "시장 판매"]
    assert [c["name"] for c in en.columns][:2] == ["Model", "Units here"]
    assert ko.data[0]["share_market"] == 20.5
    assert [r["status"] for r in ko.data] == ["강세", "강세", "미개척"]
    assert [r["status"] for r in en.data] == ["Strong", "Strong", "Untapped"]
    assert ko.export_format == "csv"


def test_table_market_names_and_market_columns_follow_the_language():
    assert [r["market"] for r in figures.table_rows(TOTALS, lang="ko")] == [
        "대한민국",
        "미국",
        "캐나다",
    ]
    columns = figures.table_columns(HEAT_SHARE, lang="ko", fraction_columns=["Korea", "USA"])
    assert [c["name"] for c in columns] == ["모델", "대한민국", "미국"]
    rows = figures.table_rows(HEAT_SHARE, lang="ko", fraction_columns=["Korea", "USA"])
    assert rows[0] == {"model": "Avante", "Korea": 50.0, "USA": 10.0}


def test_an_empty_table_says_so():
    assert figures.data_table(DEVIATION.head(0), lang="en").children == "No data for this selection"


def test_a_long_deviation_chart_keeps_both_ends_and_says_so():
    many = pl.DataFrame(
        {
            "model": [f"M{i:02d}" for i in range(40)],
            "units_market": [1] * 40,
            "units_all": [1] * 40,
            "share_market": [0.025] * 40,
            "share_all": [0.025] * 40,
            "deviation_pp": [20.0 - i for i in range(40)],
            "status": ["strong"] * 16 + ["neutral"] * 8 + ["untapped"] * 16,
        }
    )
    fig = gs_figures.deviation_bar(many, market="Korea", threshold_pp=5, lang="en", per_side=5)
    drawn = [m for trace in fig.data for m in trace.y]
    assert sorted(drawn) == ["M00", "M01", "M02", "M03", "M04", "M35", "M36", "M37", "M38", "M39"]
    assert "top and bottom 5 models" in fig.layout.title.text


def test_yes_no_columns_read_as_words_in_the_pages_language():
    """The drill-down's 집중 프로모션 column showed raw true / false."""
    frame = pl.DataFrame({"cluster": [1, 2], "promote": [True, False]})
    assert [r["promote"] for r in figures.table_rows(frame, lang="ko")] == ["예", "아니오"]
    assert [r["promote"] for r in figures.table_rows(frame, lang="en")] == ["Yes", "No"]


def test_a_table_with_its_own_download_button_has_no_second_csv_button():
    frame = pl.DataFrame({"model": ["G70"], "Korea": [3]})
    assert figures.data_table(frame).export_format == "csv"
    assert figures.data_table(frame, export=False).export_format == "none"


def test_the_rfm_grid_keeps_every_f_score_and_says_which_have_no_customers():
    """The R x F grid lacked an F2 column with no explanation (ties share a score)."""
    from app.figures import dealer as dealer_figures

    grid = pl.DataFrame(
        {"r_score": [1, 1, 2], "f_score": [1, 3, 5], "customers": [4, 2, 1]},
        schema={"r_score": pl.Int8, "f_score": pl.Int8, "customers": pl.UInt32},
    )
    fig = dealer_figures.rfm_heatmap(grid, lang="ko")
    assert list(fig.data[0].x) == ["F1", "F2", "F3", "F4", "F5"]
    assert [row[1] for row in fig.data[0].z] == [None, None]  # F2: nobody, not 0
    assert fig.layout.annotations[0].text.startswith("F2, F4: 해당 고객 없음")


def test_every_figure_carries_the_app_template():
    """The template is plotly's default (registered once, not validated per figure): every
    figure still carries it, as when each was given it."""
    made = figures._make_template().to_plotly_json()
    for fig in (
        gs_figures.top10_bar(TOP10, market="Korea", lang="ko"),
        figures.empty_figure("en"),
    ):
        template = fig.to_plotly_json()["layout"]["template"]
        assert template == made
        assert template["layout"]["colorway"] == list(figures.SEQUENCE)
        assert "Noto Sans KR" in template["layout"]["font"]["family"]
