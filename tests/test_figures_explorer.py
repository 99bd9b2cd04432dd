"""Market-explorer figures: what the browser draws depends on these layout details."""

from __future__ import annotations

import polars as pl

from app.figures import explorer as fig


def test_a_year_without_data_is_marked_at_its_own_place_on_the_category_axis():
    # 2024 not reported: plotly reads an annotation x of "2024" on a category axis as the
    # 2,024th category (the axis stretched and the bars became slivers): its index, 1
    shares = pl.DataFrame(
        {"year": [2023, 2023, 2025], "group": ["SUV", "세단", "SUV"],
         "units": [60, 40, 10], "share": [0.6, 0.4, 1.0]}
    ).cast({"year": pl.Int32})  # fmt: skip
    built = fig.stacked_shares(
        shares, x="year", group="group", title="mix", lang="en", label=str, colours={},
        categories=[2023, 2024, 2025],
    )  # fmt: skip
    assert built.layout.xaxis.type == "category"
    assert list(built.data[0].x) == ["2023", "2024", "2025"]
    (note,) = built.layout.annotations
    assert (note.x, note.text) == (1, "Not reported")
    assert list(built.data[0].y) == [60.0, None, 100.0]


PALETTE = ("red", "blue", "green", "black", "orange", "purple", "grey", "navy")


def test_lines_sharing_a_palette_colour_are_told_apart_by_their_dash():
    names = [f"m{i}" for i in range(10)]  # more series than the palette's 8 colours
    months = pl.DataFrame(
        {"market": names, "year": [2024] * 10, "month": [1] * 10, "units": list(range(10))}
    ).cast({"year": pl.Int32, "month": pl.Int32})
    grid = pl.DataFrame({"year": [2024], "month": [1]}).cast({"year": pl.Int32, "month": pl.Int32})
    from datetime import date

    grid = grid.with_columns(pl.lit(date(2024, 1, 1)).alias("month_start"))
    built = fig.month_lines(
        months, grid, grid.clear(), series="market", title="t", lang="en",
        colour=lambda m: PALETTE[int(m[1:]) % 8],
    )  # fmt: skip
    styles = [(trace.line.color, trace.line.dash) for trace in built.data]
    assert len(set(styles)) == 10
    assert styles[0] == ("red", "solid") and styles[8] == ("red", "dash")
    assert built.layout.legend.yref == "container"  # below the x-axis title at any width


def test_bar_colours_get_legend_entries_that_add_no_bars():
    frame = pl.DataFrame({"model": ["A", "B"], "units": [5, 3]})
    built = fig.click_bars(
        frame, key="model", value="units", title="t", lang="en",
        colour=lambda m: "red" if m == "A" else "blue", legend=[("EV", "red"), ("ICE", "blue")],
    )  # fmt: skip
    assert built.data[0].showlegend is False
    assert [(t.name, t.type, t.x) for t in built.data[1:]] == [
        ("EV", "scatter", (None,)),
        ("ICE", "scatter", (None,)),
    ]
    assert (
        fig.click_bars(frame, key="model", value="units", title="t", lang="en").layout["showlegend"]
        is False
    )


def test_titles_sit_below_the_mode_bar_and_a_long_one_wraps():
    assert fig.wrap_title("Top 10 models in 2025") == "Top 10 models in 2025"
    assert fig.wrap_title("Our share of the listed top models in 2025 (%)") == (
        "Our share of the listed<br>top models in 2025 (%)"
    )
    korean = "2025년 현대·기아 상위 모델 목록의 시장별 비중과 대수 (%)"  # 48 units
    assert fig.wrap_title(korean).count("<br>") == 1
    frame = pl.DataFrame({"model": ["A"], "units": [5]})
    for built in (
        fig.click_bars(frame, key="model", value="units", title="t", lang="en"),
        fig.empty_figure("en", title="t"),
    ):
        assert (built.layout.title.yref, built.layout.title.pad.t) == ("container", 36)
        assert built.layout.margin.t == fig.TITLE_MARGIN


def test_a_chart_with_many_legend_entries_grows_so_its_plot_keeps_room_on_a_phone():
    assert fig.legend_layout(2)[0] == fig.HEIGHT
    height, legend = fig.legend_layout(12)  # ten markets, peak and low
    assert height == 300 + 6 * fig.LEGEND_ROW_PX
    assert (legend["yref"], legend["entrywidth"]) == ("container", fig.LEGEND_ENTRY_PX)
