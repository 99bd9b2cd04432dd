"""The 지역 view's figure and table factories on small hand-made frames."""

from __future__ import annotations

from analytics.region import region_body_shares, region_summary
from app import figures
from app.figures.region import MAX_ROWS, heatmap_note, region_heatmap, region_table
from tests.analytics.test_region import customers

# 서울 40 customers (30 SUV, 10 세단), 제주 10 (a small sample, all 세단)
FRAME = customers(
    [
        ("서울", "SUV", "Sportage", 30),
        ("서울", "세단", "K5", 10),
        ("제주", "세단", "K5", 10),
    ]
)


def test_heatmap_rows_are_regions_with_shares_and_small_samples_in_grey():
    fig = region_heatmap(region_body_shares(FRAME), lang="ko", selected="제주")
    normal, small = fig.data
    assert list(normal.x) == ["SUV", "세단"]  # most bought body type first
    assert list(normal.y) == ["서울", "제주 (표본 부족)"]
    assert normal.z[0] == [75.0, 25.0] and normal.z[1] == [None, None]
    assert small.z[1] == [0.0, 100.0] and small.z[0] == [None, None]
    assert [list(r) for r in normal.text] == [["75%", "25%"], ["", ""]]
    assert normal.customdata[1][0] == "제주"  # a click names the region
    assert small.showscale is False and small.colorscale != normal.colorscale
    assert fig.layout.shapes[0].y0 == 0.5  # 제주 (row 1) outlined
    assert fig.layout.height >= 300


def test_english_heatmap_names_regions_and_body_types_in_english():
    fig = region_heatmap(region_body_shares(FRAME), lang="en")
    assert list(fig.data[0].y) == ["Seoul", "Jeju (small sample)"]
    assert list(fig.data[0].x) == ["SUV", "sedan"]
    assert not fig.layout.shapes


def test_only_the_regions_with_most_customers_are_drawn_and_the_note_says_so():
    many = customers([(f"R{i:02d}", "SUV", "EV6", 100 - i) for i in range(MAX_ROWS + 5)])
    fig = region_heatmap(region_body_shares(many), lang="en")
    assert len(fig.data[0].y) == MAX_ROWS and fig.data[0].y[0] == "R00"
    assert heatmap_note(MAX_ROWS + 5, lang="en") == (
        f"The chart shows the {MAX_ROWS} regions with most customers; all {MAX_ROWS + 5} "
        "regions are in the table below."
    )
    assert heatmap_note(MAX_ROWS, lang="en") is None


def test_no_region_gives_the_empty_figure_and_table():
    none = customers([])
    assert figures.is_empty_figure(region_heatmap(region_body_shares(none), lang="ko"))
    assert region_table(region_summary(none), lang="ko").className.endswith("cs-empty")


def test_table_shows_percent_and_greys_small_samples():
    table = region_table(region_summary(FRAME), lang="ko")
    seoul, jeju = table.data
    assert (seoul["region"], seoul["top_body_type_share"], seoul["top_model_share"]) == (
        "서울",
        75.0,
        75.0,
    )
    assert jeju["region"] == "제주 (표본 부족)" and jeju["small_sample"] is True
    greyed = table.style_data_conditional[-1]
    assert greyed["if"] == {"filter_query": "{small_sample} eq true"}
