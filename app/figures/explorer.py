"""Figures and tables of the market explorer: pure functions of frames, no I/O.

Time axes run over every month of the period (`analytics.explorer.common.month_grid`):
a month without data is a gap in its line, never a zero, and the months no series
reported are shaded and labelled 미집계 / Not reported. Every chart that picks
something on click carries the value in `customdata`. Legends sit below the plot so
the charts stay readable at 390 px.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

import plotly.graph_objects as go
import polars as pl
from dash import dash_table, html
from dash.dash_table.Format import Format, Group, Scheme

from app.figures import (
    BLACK,
    BOTTOM_LEGEND,
    DIMMED,
    GREY,
    HEAT_SCALE,
    SEQUENCE,
    TABLE_STYLE,
    VERMILLION,
    empty_table,
    market_colour,
)
from app.figures import _figure as _base_figure
from app.figures import empty_figure as _base_empty_figure
from app.i18n import market_label, t

HEIGHT = 340  # every explorer chart: at least 250 px tall
UNREPORTED_FILL = "rgba(153,153,153,0.18)"
_PERIOD = re.compile(r"^\d{4}(-\d{2})?$")
# Legends sit at the figure's bottom edge, below the x-axis title at any width.
LEGEND_BELOW = BOTTOM_LEGEND
# A legend of many entries gets columns of a fixed width and the chart grows by a row
# per two entries: on a phone (two columns) twelve markets took the plot's height and
# plotly failed ("Something went wrong with axis scaling").
LEGEND_ENTRY_PX = 160
LEGEND_ROW_PX = 22


def legend_layout(entries: int) -> tuple[int, dict]:
    """(figure height in px, legend layout) for a chart with `entries` legend entries."""
    rows = -(-entries // 2)  # two columns on a phone
    height = max(HEIGHT, 300 + LEGEND_ROW_PX * rows)
    return height, {**LEGEND_BELOW, "entrywidth": LEGEND_ENTRY_PX, "entrywidthmode": "pixels"}


# Line styles of series whose colour an earlier series of the same chart already has
# (more series than the palette has colours: e.g. India and the USA): solid, dash, dot.
LINE_DASHES = ("solid", "dash", "dot", "dashdot")


# The title sits below the mode bar's row (on a phone a long title ran under the PNG
# button) and a long one wraps onto a second line (plotly clips, never wraps, a title).
TITLE_LAYOUT = {"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 36}}
TITLE_MARGIN = 88  # px above the plot: the mode bar's row and two title lines
TITLE_WRAP = 44  # width units (a Hangul syllable counts 2, other characters 1) per line


def wrap_title(text: str) -> str:
    """`text` as one line, or two (joined by <br>) at the space nearest its middle when
    it is wider than TITLE_WRAP units (about what a 390 px phone chart holds)."""

    def units(part: str) -> float:
        return sum(2 if "\uac00" <= ch <= "\ud7a3" else 1 for ch in part)

    if units(text) <= TITLE_WRAP or "<br>" in text:
        return text
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return text
    half = units(text) / 2
    cut = min(spaces, key=lambda i: abs(units(text[:i]) - half))
    return text[:cut] + "<br>" + text[cut + 1 :]


def _figure(
    title: str, height: int = HEIGHT, data: list | None = None, layout: Mapping | None = None
) -> go.Figure:
    """app.figures._figure with the explorer's title placement (TITLE_LAYOUT)."""
    return _base_figure(
        title,
        height,
        data=data,
        layout={
            "title": {"text": wrap_title(title), **TITLE_LAYOUT},
            "margin": {"t": TITLE_MARGIN},
            **(layout or {}),
        },
    )


def empty_figure(lang: str = "ko", *, title: str = "", height: int = HEIGHT) -> go.Figure:
    """app.figures.empty_figure with the explorer's title placement."""
    fig = _base_empty_figure(lang, title=wrap_title(title), height=height)
    fig.update_layout(title=TITLE_LAYOUT, margin={"t": TITLE_MARGIN})
    return fig


# --- colours ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def powertrain_colours() -> dict[str, str]:
    """Powertrain (the catalogue's vocabulary) -> colour; unstated grey, category black."""
    from warehouse.catalogue import POWERTRAINS

    colours = {p: SEQUENCE[i] for i, p in enumerate(POWERTRAINS)}
    return {**colours, "unstated": GREY, "category": BLACK}


@lru_cache(maxsize=1)
def body_colours() -> dict[str, str]:
    """Body type (the catalogue's vocabulary, Korean) -> colour; category and unknown grey."""
    from warehouse.catalogue import BODY_TYPES

    colours = {b: SEQUENCE[i % len(SEQUENCE)] for i, b in enumerate(BODY_TYPES)}
    return {**colours, "category": BLACK, "unknown": GREY}


def _palette(values: Iterable[str]) -> dict[str, str]:
    return {v: SEQUENCE[i % len(SEQUENCE)] for i, v in enumerate(values)}


# --- labels ------------------------------------------------------------------------------


def group_label(code: str, lang: str, english: str | None = None) -> str:
    """A mix group's label: unstated / category / unknown from the catalogue, a body type
    in the language (English from the model catalogue), a powertrain as it is."""
    if code in ("unstated", "category", "unknown"):
        return t(f"group.{code}", lang)
    return english if lang == "en" and english else code


def column_header(name: str, lang: str) -> str:
    """A table header: a period column as it is, else the explorer's own header, else the
    shared `col.*` one."""
    if _PERIOD.match(name):
        return name
    key = f"exp.col.{name}"
    text = t(key, lang)
    return text if text != key else t(f"col.{name}", lang)


# --- tables ------------------------------------------------------------------------------


def table(
    frame: pl.DataFrame,
    *,
    lang: str,
    fraction_columns: Iterable[str] = (),
    market_columns: Iterable[str] = ("market",),
    value_labels: Mapping[str, Callable[[str], str]] | None = None,
    unreported_nulls: bool = False,
    page_size: int = 10,
    table_id: str | dict | None = None,
) -> dash_table.DataTable | html.P:
    """A sortable table with a CSV export button: a chart's text alternative.

    Fractions show as percent with one decimal; markets by their display name; the
    totals row (`__total__`) as 합계 / Total; with `unreported_nulls`, an empty numeric
    cell reads 미집계 / Not reported (a pivot's month without data), else stays empty.
    Text a spreadsheet would run as a formula is escaped (warehouse.export).
    """
    from warehouse.export import escape_formulas

    if frame.is_empty():
        return empty_table(lang)
    fractions = set(fraction_columns)
    shown = frame.with_columns(
        [(pl.col(c) * 100).round(1) for c in frame.columns if c in fractions]
    )
    labels: dict[str, Callable[[str], str]] = {
        **{c: (lambda v: market_label(v, lang)) for c in market_columns if c in frame.columns},
        **(value_labels or {}),
    }
    total_label = t("exp.total", lang)
    for column, label in labels.items():
        if column not in shown.columns:
            continue
        codes = [v for v in shown.get_column(column).unique().to_list() if v is not None]
        mapping = {v: (total_label if v == "__total__" else label(str(v))) for v in codes}
        shown = shown.with_columns(
            pl.col(column).cast(pl.Utf8).replace_strict(mapping, default=None, return_dtype=pl.Utf8)
        )
    nully = t("exp.unreported", lang) if unreported_nulls else ""
    columns = []
    for name, dtype in frame.schema.items():
        column: dict = {"name": column_header(name, lang), "id": name}
        if dtype.is_numeric() and name not in labels:
            decimals = 1 if name in fractions else (2 if dtype.is_float() else 0)
            column["type"] = "numeric"
            column["format"] = Format(
                group=Group.yes,
                precision=decimals,
                scheme=Scheme.fixed if decimals else Scheme.decimal_integer,
                nully=nully,
            )
        columns.append(column)
    kwargs: dict = {"id": table_id} if table_id is not None else {}
    return dash_table.DataTable(
        **kwargs,
        data=escape_formulas(
            shown.with_columns(pl.col(pl.Date, pl.Datetime).cast(pl.Utf8))
        ).to_dicts(),
        columns=columns,
        page_size=page_size,
        sort_action="native",
        export_format="csv",
        **TABLE_STYLE,
    )


# --- time axes ---------------------------------------------------------------------------


def _unreported_shapes(grid: pl.DataFrame, unreported: pl.DataFrame, lang: str) -> dict:
    """Grey bands over the months no series reported, each run labelled 미집계."""
    if unreported.is_empty() or grid.is_empty():
        return {}
    starts = unreported.get_column("month_start").to_list()
    runs: list[list] = []
    for day in starts:
        if runs and (day.year * 12 + day.month) - (runs[-1][1].year * 12 + runs[-1][1].month) == 1:
            runs[-1][1] = day
        else:
            runs.append([day, day])
    shapes, notes = [], []
    for first, last in runs:
        end_month = last.month % 12 + 1
        end = last.replace(year=last.year + (last.month == 12), month=end_month)
        shapes.append(
            {
                "type": "rect", "xref": "x", "yref": "paper", "x0": first, "x1": end,
                "y0": 0, "y1": 1, "fillcolor": UNREPORTED_FILL, "line": {"width": 0},
                "layer": "below",
            }
        )  # fmt: skip
        notes.append(
            {
                "x": first, "xref": "x", "xanchor": "left", "y": 1, "yref": "paper",
                "yanchor": "bottom", "showarrow": False, "text": t("exp.unreported", lang),
                "font": {"size": 11, "color": "#495057"},
            }
        )  # fmt: skip
    return {"shapes": shapes, "annotations": notes}


def month_lines(
    months: pl.DataFrame,
    grid: pl.DataFrame,
    unreported: pl.DataFrame,
    *,
    series: str,
    title: str,
    lang: str,
    focus: str | None = None,
    label: Callable[[str], str] | None = None,
    colour: Callable[[str], str] | None = None,
    value: str = "units",
    y_title: str | None = None,
    markers: pl.DataFrame | None = None,
) -> go.Figure:
    """One line per value of `series` over every month of `grid` (a missing month is a
    gap, never zero); `focus` is drawn bold and the others dimmed. `markers` (series,
    year, month, units, kind 'peak' | 'low') adds ▲/▼ points."""
    if months.is_empty() or grid.is_empty():
        return empty_figure(lang, title=title, height=HEIGHT)
    label = label or str
    names = months.get_column(series).unique(maintain_order=True).to_list()
    colours = colour or _palette(names).__getitem__
    x = grid.get_column("month_start").to_list()
    traces = []
    seen: dict[str, int] = {}
    for name in names:
        seen[colours(name)] = seen.get(colours(name), -1) + 1
        dash = LINE_DASHES[seen[colours(name)] % len(LINE_DASHES)]
        one = grid.join(
            months.filter(pl.col(series) == name).select("year", "month", value),
            on=["year", "month"],
            how="left",
        ).sort("year", "month")
        dim = focus is not None and name != focus
        traces.append(
            go.Scatter(
                x=x,
                y=one.get_column(value).to_list(),
                name=label(name),
                mode="lines+markers" if one.height <= 36 else "lines",
                connectgaps=False,
                customdata=[name] * len(x),
                line={
                    "color": colours(name),
                    "width": 3 if name == focus else 1.8,
                    "dash": dash,
                },
                marker={"size": 5},
                opacity=DIMMED if dim else 1.0,
                hovertemplate="%{fullData.name} %{x|%Y-%m}: %{y:,.0f}<extra></extra>",
            )
        )
    if markers is not None and markers.height:
        for kind, symbol in (("peak", "triangle-up"), ("low", "triangle-down")):
            rows = markers.filter(pl.col("kind") == kind)
            if rows.is_empty():
                continue
            traces.append(
                go.Scatter(
                    x=[_month_start(y, m) for y, m in rows.select("year", "month").iter_rows()],
                    y=rows.get_column(value).to_list(),
                    mode="markers",
                    name=t(f"fig.exp.{kind}", lang),
                    customdata=rows.get_column(series).to_list(),
                    marker={"symbol": symbol, "size": 12, "color": BLACK},
                    hovertemplate="%{customdata} %{x|%Y-%m}: %{y:,.0f}<extra></extra>",
                )
            )
    height, legend = legend_layout(len(traces))
    fig = _figure(title, height, data=traces)
    fig.update_layout(
        **_unreported_shapes(grid, unreported, lang),
        legend=legend,
        hovermode="closest",
        clickmode="event",
        xaxis={"title": t("axis.exp.month", lang), "tickformat": "%Y-%m"},
        yaxis={"title": y_title or t("axis.exp.vehicles", lang), "rangemode": "tozero"},
    )
    return fig


def _month_start(year: int, month: int):
    from datetime import date

    return date(int(year), int(month), 1)


# --- bars ----------------------------------------------------------------------------------


def click_bars(
    frame: pl.DataFrame,
    *,
    key: str,
    value: str,
    title: str,
    lang: str,
    focus: str | None = None,
    label: Callable[[str], str] | None = None,
    colour: Callable[[str], str] | None = None,
    percent: bool = False,
    x_title: str | None = None,
    legend: Sequence[tuple[str, str]] = (),
) -> go.Figure:
    """Horizontal bars of `value` per `key` (largest on top); clicking a bar picks its key
    (in customdata); `focus` is outlined, the others dimmed. `legend` (label, colour)
    says what the bar colours mean (legend entries only, no data)."""
    if frame.is_empty():
        return empty_figure(lang, title=title, height=HEIGHT)
    label = label or str
    keys = frame.get_column(key).to_list()
    values = frame.get_column(value).to_list()
    shown = [None if v is None else (100 * v if percent else v) for v in values]
    colours = [colour(k) if colour else SEQUENCE[0] for k in keys]
    height = max(HEIGHT, 60 + 26 * len(keys))
    fig = _figure(
        title,
        height,
        data=[
            go.Bar(
                y=[label(k) for k in keys],
                x=shown,
                orientation="h",
                customdata=keys,
                marker={
                    "color": colours,
                    "line": {
                        "color": [BLACK if k == focus else "rgba(0,0,0,0)" for k in keys],
                        "width": [2.5 if k == focus else 0 for k in keys],
                    },
                },
                selectedpoints=[keys.index(focus)] if focus in keys else None,
                unselected={"marker": {"opacity": DIMMED}},
                showlegend=False,
                hovertemplate="%{y}: %{x:,.1f}<extra></extra>"
                if percent
                else "%{y}: %{x:,.0f}<extra></extra>",
            )
        ],
    )
    fig.update_layout(
        yaxis={"autorange": "reversed", "automargin": True},
        xaxis={"title": x_title or t("axis.exp.vehicles", lang)},
        clickmode="event",
        dragmode=False,
        showlegend=bool(legend),
        legend=LEGEND_BELOW,
    )
    for name, colour_of in legend:
        fig.add_trace(
            go.Scatter(
                x=[None], y=[None], name=name, mode="markers", hoverinfo="skip",
                marker={"color": colour_of, "symbol": "square", "size": 12}, showlegend=True,
            )
        )  # fmt: skip
    return fig


def stacked_shares(
    frame: pl.DataFrame,
    *,
    x: str,
    group: str,
    title: str,
    lang: str,
    label: Callable[[str], str],
    colours: Mapping[str, str],
    categories: list | None = None,
    x_label: Callable[[str], str] | None = None,
) -> go.Figure:
    """100 % stacked bars: `share` (fraction) of each `group` per `x` value; hover shows
    the units as well. `categories` (e.g. every year of the period) keeps an x value
    without data on the axis, marked 미집계 / Not reported instead of left out."""
    if frame.is_empty():
        return empty_figure(lang, title=title, height=HEIGHT)
    xs = categories or frame.get_column(x).unique(maintain_order=True).to_list()
    present = set(frame.get_column(x).to_list())
    x_label = x_label or str
    traces = []
    for code in frame.get_column(group).unique(maintain_order=True).to_list():
        one = pl.DataFrame({x: xs}, schema={x: frame.schema[x]}).join(
            frame.filter(pl.col(group) == code), on=x, how="left"
        )
        traces.append(
            go.Bar(
                x=[x_label(str(v)) for v in xs],
                y=[None if s is None else 100 * s for s in one.get_column("share").to_list()],
                name=label(code),
                customdata=one.get_column("units").to_list(),
                marker={"color": colours.get(code, GREY)},
                hovertemplate="%{fullData.name}: %{y:.1f}% (%{customdata:,})<extra></extra>",
            )
        )
    height, legend = legend_layout(len(traces))
    fig = _figure(title, height, data=traces)
    fig.update_layout(
        barmode="stack",
        legend=legend,
        yaxis={"title": t("axis.exp.share", lang), "range": [0, 100]},
        xaxis={"type": "category"},
        annotations=[
            {
                # the category's position: a category name that looks like a number
                # ("2024") is read as a position on a category axis, which stretched the
                # axis to 2,024 categories and left the bars a sliver
                "x": position,
                "y": 50,
                "xref": "x",
                "yref": "y",
                "showarrow": False,
                "text": t("exp.unreported", lang),
                "textangle": -90,
                "font": {"size": 12, "color": "#495057"},
            }
            for position, v in enumerate(xs)
            if v not in present
        ],  # fmt: skip
    )
    return fig


def change_bars(
    frame: pl.DataFrame, *, key: str, value: str, title: str, lang: str, label: Callable[[str], str]
) -> go.Figure:
    """Vertical bars of a change (fraction) per key, growth blue and decline vermillion;
    clicking a bar picks its key."""
    frame = frame.filter(pl.col(value).is_not_null())
    if frame.is_empty():
        return empty_figure(lang, title=title, height=HEIGHT)
    keys = frame.get_column(key).to_list()
    values = [100 * v for v in frame.get_column(value).to_list()]
    fig = _figure(
        title,
        HEIGHT,
        data=[
            go.Bar(
                x=[label(k) for k in keys],
                y=values,
                customdata=keys,
                marker={"color": [SEQUENCE[0] if v >= 0 else VERMILLION for v in values]},
                hovertemplate="%{x}: %{y:+.1f}%<extra></extra>",
            )
        ],
    )
    fig.update_layout(
        yaxis={"title": t("axis.exp.change", lang), "zeroline": True},
        clickmode="event",
        dragmode=False,
        showlegend=False,
    )
    return fig


# --- exports -----------------------------------------------------------------------------


def seasonal_heatmap(profile: pl.DataFrame, *, lang: str, focus: str | None = None) -> go.Figure:
    """Region x calendar month of the seasonal index (profile: market, month, index,
    mean_units, years); a calendar month never reported is blank."""
    title = t("fig.exp.heatmap", lang)
    if profile.is_empty():
        return empty_figure(lang, title=title, height=HEIGHT)
    markets = profile.get_column("market").unique(maintain_order=True).to_list()
    grid = pl.DataFrame({"market": markets}).join(
        pl.DataFrame({"month": list(range(1, 13))}, schema={"month": pl.Int32}), how="cross"
    )
    full = grid.join(profile, on=["market", "month"], how="left")
    z = [full.filter(pl.col("market") == m).get_column("index").to_list() for m in markets]
    units = [full.filter(pl.col("market") == m).get_column("mean_units").to_list() for m in markets]
    fig = _figure(
        title,
        max(HEIGHT, 80 + 34 * len(markets)),
        data=[
            go.Heatmap(
                z=z,
                x=[str(m) for m in range(1, 13)],
                y=[market_label(m, lang) for m in markets],
                customdata=units,
                colorscale=HEAT_SCALE,
                hoverongaps=False,
                colorbar={"title": {"text": ""}, "thickness": 10},
                texttemplate="%{z:.2f}",
                textfont={"size": 10},
                hovertemplate="%{y} %{x}: %{z:.2f} (%{customdata:,.0f})<extra></extra>",
            )
        ],
    )
    fig.update_layout(
        xaxis={"title": t("axis.exp.calendar_month", lang), "type": "category"},
        yaxis={"autorange": "reversed", "automargin": True},
    )
    if focus in markets:
        row = markets.index(focus)
        fig.add_shape(
            type="rect", x0=-0.5, x1=11.5, y0=row - 0.5, y1=row + 0.5,
            line={"color": BLACK, "width": 2},
        )  # fmt: skip
    return fig


# --- models --------------------------------------------------------------------------------


def comparison_figure(months: pl.DataFrame, *, a: str, b: str, lang: str) -> go.Figure:
    """Two models month by month (months: month_start, units_a, units_b, gap; a missing
    month is a gap) with the gap as bars."""
    title = t("fig.exp.comparison", lang, a=a, b=b)
    if months.is_empty():
        return empty_figure(lang, title=title, height=HEIGHT)
    x = months.get_column("month_start").to_list()
    fig = _figure(
        title,
        HEIGHT,
        data=[
            go.Bar(
                x=x,
                y=months.get_column("gap").to_list(),
                name=t("fig.exp.gap", lang, a=a, b=b),
                marker={"color": GREY},
                opacity=0.5,
            ),
            go.Scatter(
                x=x,
                y=months.get_column("units_a").to_list(),
                name=a,
                mode="lines+markers",
                connectgaps=False,
                line={"color": SEQUENCE[0], "width": 2.5},
            ),
            go.Scatter(
                x=x,
                y=months.get_column("units_b").to_list(),
                name=b,
                mode="lines+markers",
                connectgaps=False,
                line={"color": SEQUENCE[1], "width": 2.5},
            ),
        ],  # fmt: skip
    )
    fig.update_layout(
        legend=LEGEND_BELOW,
        xaxis={"title": t("axis.exp.month", lang), "tickformat": "%Y-%m"},
        yaxis={"title": t("axis.exp.vehicles", lang)},
    )
    return fig


def share_lines(
    frame: pl.DataFrame, grid: pl.DataFrame, unreported: pl.DataFrame, *, lang: str
) -> go.Figure:
    """Electric, hybrid and unstated shares per month (fractions -> %); a missing month is
    a gap."""
    title = t("fig.exp.electrified", lang)
    if frame.is_empty():
        return empty_figure(lang, title=title, height=HEIGHT)
    full = grid.join(frame, on=["year", "month"], how="left").sort("year", "month")
    x = full.get_column("month_start").to_list()
    colours = powertrain_colours()
    traces = [
        go.Scatter(
            x=x,
            y=[None if v is None else 100 * v for v in full.get_column(column).to_list()],
            name=t(f"fig.exp.{name}", lang),
            mode="lines+markers",
            connectgaps=False,
            line={"color": colour, "dash": "dot" if name == "unstated" else "solid"},
            hovertemplate="%{fullData.name} %{x|%Y-%m}: %{y:.1f}%<extra></extra>",
        )
        for name, column, colour in (
            ("electric", "electric_share", colours["EV"]),
            ("hybrid", "hybrid_share", colours["HEV"]),
            ("unstated", "unstated_share", colours["unstated"]),
        )
    ]
    height, legend = legend_layout(len(traces))
    fig = _figure(title, height, data=traces)
    fig.update_layout(
        **_unreported_shapes(grid, unreported, lang),
        legend=legend,
        xaxis={"title": t("axis.exp.month", lang), "tickformat": "%Y-%m"},
        yaxis={"title": t("axis.exp.share", lang), "rangemode": "tozero"},
    )
    return fig


# --- source data ---------------------------------------------------------------------------

GRID_FILTERS = {"number": "agNumberColumnFilter"}  # any other column: the text filter


def grid_columns(columns: Mapping[str, str], lang: str) -> list[dict]:
    """ag-grid column definitions of a file kind's columns (name -> filter type)."""
    return [
        {
            "field": name,
            "headerName": column_header(name, lang),
            "filter": GRID_FILTERS.get(kind, "agTextColumnFilter"),
            "type": "numericColumn" if kind == "number" else None,
        }
        for name, kind in columns.items()
    ]


def source_grid(view: str, columns: list[dict]) -> object:
    """The grid of one file view: rows are asked for a page at a time (infinite row
    model, answered by the server), sortable and filterable on every column."""
    import dash_ag_grid as dag

    from app import ids

    return dag.AgGrid(
        id=ids.explorer_grid(view),
        rowModelType="infinite",
        columnDefs=columns,
        defaultColDef={"sortable": True, "filter": True, "resizable": True, "minWidth": 90},
        dashGridOptions={
            "pagination": True,
            "paginationPageSize": 50,
            "paginationPageSizeSelector": False,
            "cacheBlockSize": 50,
            "maxBlocksInCache": 20,
            "infiniteInitialRowCount": 1,
            # AG Grid's own texts in the page's language (assets/dashAgGridFunctions.js)
            "getLocaleText": {"function": "localeText(params)"},
        },
        style={"height": "560px"},
    )


def grid_rows(frame: pl.DataFrame) -> list[dict]:
    """A page of rows for the grid: dates and times as ISO text."""
    return frame.with_columns(pl.col(pl.Date, pl.Datetime).cast(pl.Utf8)).to_dicts()


def key_values(entry: Mapping[str, object], lang: str) -> html.Table:
    """One record (e.g. a load-log entry) as a two-column table: field, value."""
    return html.Table(
        html.Tbody(
            [
                html.Tr([html.Th(column_header(k, lang), scope="row"), html.Td(str(v))])
                for k, v in entry.items()
                if v is not None
            ]
        ),
        className="table table-sm small mb-0 cs-keyvalues",
    )


__all__ = [
    "HEIGHT",
    "body_colours",
    "change_bars",
    "click_bars",
    "column_header",
    "comparison_figure",
    "grid_columns",
    "grid_rows",
    "group_label",
    "key_values",
    "market_colour",
    "month_lines",
    "powertrain_colours",
    "seasonal_heatmap",
    "share_lines",
    "source_grid",
    "stacked_shares",
    "table",
]
