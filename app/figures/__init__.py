"""Figure and table factories: pure functions of a frame, no I/O. This module holds
what every page shares; each page's figures are in `app.figures.<page>`.

One template (`template()`), one colour-blind-safe palette (Okabe & Ito, 2008)
used the same way everywhere: brands, markets and statuses keep their colour on
every chart. Titles, axis labels and column headers come from the catalogue in
the language asked for. An empty frame gives `empty_figure` (or `empty_table`),
which says "선택한 조건에 데이터가 없습니다" / "No data for this selection".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

import plotly.graph_objects as go
import polars as pl
from dash import dash_table, html
from dash.dash_table.Format import Format, Group, Scheme

from app.i18n import market_label, t

# --- palette: Okabe-Ito ------------------------------------------------------------
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#999999"
SEQUENCE = (BLUE, ORANGE, BLUISH_GREEN, VERMILLION, SKY_BLUE, REDDISH_PURPLE, YELLOW, BLACK)

BRAND_COLOURS = {"Hyundai": BLUE, "Kia": VERMILLION, "all": REDDISH_PURPLE}
STATUS_COLOURS = {"strong": BLUISH_GREEN, "untapped": ORANGE, "neutral": GREY}
STOCK_COLOURS = {"urgent": VERMILLION, "adequate": BLUISH_GREEN, "excess": SKY_BLUE,
                 "no_sales": GREY}  # fmt: skip
# Sequential scale for the heatmap: white to Okabe-Ito blue (monotone in lightness).
HEAT_SCALE = [[0.0, "#F7FBFF"], [0.5, SKY_BLUE], [1.0, BLUE]]
DIMMED = 0.45  # opacity of bars that are not the focus
# A horizontal legend at the figure's bottom edge (container coordinates): plotly then
# widens the bottom margin to hold it below the x-axis title at any width; a legend at a
# fixed negative paper y ran into the axis title once the ticks wrapped (phones).
BOTTOM_LEGEND = {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0}


@lru_cache(maxsize=1)
def market_colours() -> dict[str, str]:
    """Canonical market -> colour, fixed by the market's place in the canonical list."""
    from warehouse.canonical import MARKETS

    return {m: SEQUENCE[i % len(SEQUENCE)] for i, m in enumerate(MARKETS)}


def market_colour(market: str | None) -> str:
    return market_colours().get(market or "", GREY)


TEMPLATE_NAME = "carsight"


@lru_cache(maxsize=1)
def template() -> go.layout.Template:
    """The one plotly template: Okabe-Ito colourway, white background, readable fonts.

    The first call also registers it as plotly's default template: a figure takes the
    default as it is, while a template given to each figure was validated (copied) again
    every time, some 3 ms a figure and an eighth of the dealer callbacks' time."""
    import plotly.io as pio

    made = _make_template()
    pio.templates[TEMPLATE_NAME] = made
    pio.templates.default = TEMPLATE_NAME
    return made


def _make_template() -> go.layout.Template:
    return go.layout.Template(
        layout=go.Layout(
            colorway=list(SEQUENCE),
            font={
                "family": "system-ui, -apple-system, 'Segoe UI', 'Noto Sans KR', sans-serif",
                "size": 13,
                "color": "#212529",
            },
            title={"font": {"size": 15}, "x": 0.01, "xanchor": "left"},
            paper_bgcolor="white",
            plot_bgcolor="white",
            margin={"l": 10, "r": 10, "t": 48, "b": 10},
            xaxis={"gridcolor": "#E9ECEF", "zerolinecolor": "#ADB5BD", "automargin": True},
            yaxis={"gridcolor": "#E9ECEF", "zerolinecolor": "#ADB5BD", "automargin": True},
            hoverlabel={"font": {"size": 13}},
            separators=".,",
        )
    )


def _figure(
    title: str, height: int = 360, data: list | None = None, layout: Mapping | None = None
) -> go.Figure:
    # Traces and layout given to the constructor are validated once, instead of once per
    # add_* / update_layout call: less than half the time of a many-trace chart.
    template()  # the default template (registered once)
    return go.Figure(
        data=data or [],
        layout={
            "title": {"text": title},
            "height": height,
            **(layout or {}),
        },
    )


def empty_figure(
    lang: str = "ko", *, title: str = "", height: int = 300, text: str | None = None
) -> go.Figure:
    """A blank chart that says there is no data for this selection (or `text`)."""
    fig = _figure(title, height)
    fig.update_layout(
        xaxis={"visible": False},
        yaxis={"visible": False},
        annotations=[
            {
                "text": text or t("empty", lang),
                "showarrow": False,
                "x": 0.5,
                "y": 0.5,
                "xref": "paper",
                "yref": "paper",
                "font": {"size": 15, "color": "#6C757D"},
            }
        ],
    )
    return fig


def is_empty_figure(fig: go.Figure) -> bool:
    return not fig.data and any(
        a.text in (t("empty", "ko"), t("empty", "en")) for a in fig.layout.annotations
    )


def chart(fig: go.Figure, **props) -> object:
    """A dcc.Graph for a figure made in a callback, as tall as the figure says: without a
    height its container collapses (the dealer insight charts rendered 56-80 px tall)."""
    from dash import dcc

    height = fig.layout.height or 360
    return dcc.Graph(
        figure=fig,
        config={"displayModeBar": False, "responsive": True},
        style={"height": f"{height}px"},
        **props,
    )


# --- tables (the text alternative of every chart) ----------------------------------

# Columns holding fractions (0-1) that tables show as percent.
FRACTION_COLUMNS = frozenset({"share", "share_market", "share_all"})
# Columns whose values are codes with catalogue labels: column -> key prefix.
VALUE_LABELS = {"status": "status"}


def empty_table(lang: str = "ko") -> html.P:
    return html.P(t("empty", lang), className="text-muted fst-italic my-3 cs-empty")


def table_columns(
    frame: pl.DataFrame,
    *,
    lang: str = "ko",
    editable: Iterable[str] = (),
    fraction_columns: Iterable[str] = (),
) -> list[dict]:
    """DataTable columns with catalogue headers (market columns get market names),
    thousands separators, one decimal for percent and other fractional numbers."""
    from warehouse.canonical import MARKETS

    editable, fractions = set(editable), FRACTION_COLUMNS | set(fraction_columns)
    columns = []
    for name, dtype in frame.schema.items():
        header = market_label(name, lang) if name in MARKETS else t(f"col.{name}", lang)
        column: dict = {"name": header, "id": name, "editable": name in editable}
        if dtype.is_numeric() or name in editable:
            decimals = 1 if (name in fractions or dtype.is_float()) else 0
            column["type"] = "numeric"
            column["format"] = Format(
                group=Group.yes,
                precision=decimals,
                scheme=Scheme.fixed if decimals else Scheme.decimal_integer,
            )
        columns.append(column)
    return columns


def table_rows(
    frame: pl.DataFrame,
    *,
    lang: str = "ko",
    value_labels: Mapping[str, str] | None = None,
    fraction_columns: Iterable[str] = (),
) -> list[dict]:
    """Rows for a DataTable: fractions as percent (0.1), markets by their display name,
    code values (e.g. status) by their catalogue label, formula-like text escaped."""
    fractions = FRACTION_COLUMNS | set(fraction_columns)
    out = frame.with_columns([(pl.col(c) * 100).round(1) for c in frame.columns if c in fractions])
    # yes / no in the page's language, not raw true / false
    out = out.with_columns(
        pl.col(c).replace_strict(
            {True: t("bool.true", lang), False: t("bool.false", lang)}, return_dtype=pl.Utf8
        )
        for c, dtype in out.schema.items()
        if dtype == pl.Boolean
    )
    labels = {**VALUE_LABELS, **(value_labels or {})}
    for column in out.columns:
        if column not in labels and column != "market":
            continue
        codes = [v for v in out.get_column(column).unique().to_list() if v is not None]
        mapping = {
            v: (
                market_label(v, lang)
                if column == "market"
                else _code_label(f"{labels[column]}.{v}", v, lang)
            )
            for v in codes
        }
        out = out.with_columns(
            pl.col(column).replace_strict(mapping, default=None, return_dtype=pl.Utf8)
        )
    # the table's CSV button exports these rows as they are: formula-like text is escaped
    # here (the one rule in warehouse.export), since DataTable has no export hook
    from warehouse.export import escape_formulas

    return escape_formulas(out).to_dicts()


def _code_label(key: str, code: str, lang: str) -> str:
    """The catalogue label of a code value; a code without one is shown as it is (a
    descriptive segment name is translated from its words)."""
    if key.startswith("segment."):
        from app.i18n.dealer import segment_label

        return segment_label(code, lang)
    label = t(key, lang)
    return code if label == key else label


def data_table(
    frame: pl.DataFrame,
    *,
    lang: str = "ko",
    table_id: str | None = None,
    page_size: int = 10,
    value_labels: Mapping[str, str] | None = None,
    fraction_columns: Iterable[str] = (),
    export: bool = True,
) -> dash_table.DataTable | html.P:
    """A sortable table with a CSV export button: every chart's text alternative.
    `export=False` where the page has its own download of the same table (one button)."""
    if frame.is_empty():
        return empty_table(lang)
    kwargs: dict = {"id": table_id} if table_id is not None else {}
    return dash_table.DataTable(
        **kwargs,
        data=table_rows(
            frame, lang=lang, value_labels=value_labels, fraction_columns=fraction_columns
        ),
        columns=table_columns(frame, lang=lang, fraction_columns=fraction_columns),
        page_size=page_size,
        sort_action="native",
        export_format="csv" if export else "none",
        **TABLE_STYLE,
    )


TABLE_STYLE: dict = {
    "style_table": {"overflowX": "auto"},
    "style_cell": {
        "textAlign": "left",
        "fontSize": "0.85rem",
        "padding": "4px 8px",
        "fontFamily": "inherit",
        "whiteSpace": "normal",
        "height": "auto",
    },
    "style_header": {"fontWeight": "600", "backgroundColor": "#F8F9FA"},
    "style_data_conditional": [
        {
            "if": {"column_editable": True},
            "backgroundColor": "#FFF8E1",
            "border": f"1px solid {ORANGE}",
        },
    ],
}
