"""Figures and tables of the dealer page's 지역 (region) view: pure functions of the frames
of `analytics.region`, no I/O."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
from dash import dash_table, html

from app.figures import BLACK, HEAT_SCALE, TABLE_STYLE, _figure, empty_figure, empty_table
from app.i18n import t
from app.i18n.dealer import body_label
from app.i18n.region import region_label

# Small-sample rows: light to mid grey, so they read as "not to be acted on".
GREY_SCALE = [[0.0, "#F1F3F5"], [1.0, "#ADB5BD"]]
ROW_HEIGHT = 30  # px per region row of the heatmap
MAX_ROWS = 20  # the heatmap shows the regions with most customers; the table lists them all
GREYED = "#6C757D"  # text colour of small-sample table rows


def row_label(region: str, small_sample: bool, lang: str) -> str:
    """A region as a heatmap row or table cell: its name, '(표본 부족)' when a small sample."""
    name = region_label(region, lang)
    return f"{name} ({t('region.small_sample', lang)})" if small_sample else name


def region_heatmap(
    shares: pl.DataFrame, *, lang: str = "ko", selected: str | None = None, max_rows: int = MAX_ROWS
) -> go.Figure:
    """Share (%) of each body type (columns) among each region's customers (rows).

    `shares` is `analytics.region.region_body_shares` (regions already in display
    order, most customers first); the first `max_rows` regions are drawn (see
    `heatmap_note` for the sentence that says so). The colour scale runs from 0 to the
    largest share shown. Small-sample regions are drawn in grey; the
    `selected` region is outlined. Each cell's customdata is its region, so a click
    names the region.
    """
    title = t("fig.region.title", lang)
    if shares.is_empty():
        return empty_figure(lang, title=title)
    shown = shares.get_column("region").unique(maintain_order=True).head(max_rows).to_list()
    shares = shares.filter(pl.col("region").is_in(shown))
    bodies = (
        shares.group_by("body_type")
        .agg(pl.col("customers").sum())
        .sort(["customers", "body_type"], descending=[True, False])
        .get_column("body_type")
        .to_list()
    )
    grid = (
        shares.with_columns((pl.col("share") * 100).round(1).alias("pct"))
        .pivot(on="body_type", index=["region", "small_sample"], values="pct")
        .select("region", "small_sample", *bodies)
    )
    regions = grid.get_column("region").to_list()
    small = grid.get_column("small_sample").to_list()
    labels = [row_label(r, s, lang) for r, s in zip(regions, small, strict=True)]
    values = grid.select(bodies).fill_null(0.0).rows()
    x = [body_label(b, lang) for b in bodies]
    customdata = [[r] * len(bodies) for r in regions]
    top = max(max(v) for v in values) or 1.0
    traces = []
    for is_small, scale in ((False, HEAT_SCALE), (True, GREY_SCALE)):
        mine = [s == is_small for s in small]
        if not any(mine):
            continue
        z = [list(v) if m else [None] * len(bodies) for v, m in zip(values, mine, strict=True)]
        text = [
            [f"{c:.0f}%" for c in v] if m else [""] * len(bodies)
            for v, m in zip(values, mine, strict=True)
        ]
        traces.append(
            go.Heatmap(
                z=z,
                x=x,
                y=labels,
                text=text,
                customdata=customdata,
                zmin=0,
                zmax=top,
                colorscale=scale,
                showscale=not is_small,
                colorbar={"title": {"text": "%"}, "thickness": 12, "len": 0.8},
                texttemplate="%{text}",
                hovertemplate=t("fig.region.hover", lang),
                hoverongaps=False,
                xgap=2,
                ygap=2,
            )
        )
    height = max(300, 120 + ROW_HEIGHT * len(regions))
    fig = _figure(title, height=height, data=traces)
    shapes = []
    if selected in regions:
        i = regions.index(selected)
        shapes.append(
            {
                "type": "rect",
                "xref": "paper",
                "yref": "y",
                "x0": 0,
                "x1": 1,
                "y0": i - 0.5,
                "y1": i + 0.5,
                "line": {"color": BLACK, "width": 3},
            }
        )
    fig.update_layout(
        # body types and region names label themselves; axis titles would crowd the title
        xaxis={"side": "top", "fixedrange": True},
        yaxis={
            "autorange": "reversed",
            "fixedrange": True,
            "type": "category",
        },
        # room between the title and the top axis, whose labels rotate on narrow screens
        title={"y": 0.99, "yref": "container", "yanchor": "top"},
        margin={"t": 110},
        shapes=shapes,
        dragmode=False,
    )
    return fig


def heatmap_note(regions: int, *, lang: str = "ko", max_rows: int = MAX_ROWS) -> str | None:
    """The sentence under the heatmap when it shows only the first `max_rows` of `regions`."""
    if regions <= max_rows:
        return None
    return t("region.heatmap_top", lang, shown=max_rows, total=regions)


SUMMARY_COLUMNS = (
    "region",
    "customers",
    "top_body_type",
    "top_body_type_share",
    "body_type_average_share",
    "top_model",
    "top_model_share",
)
_FRACTIONS = ("top_body_type_share", "body_type_average_share", "top_model_share")


def region_table(summary: pl.DataFrame, *, lang: str = "ko", table_id: str | None = None):
    """The top body type and model per region (`analytics.region.region_summary`), small
    samples greyed and labelled; the text alternative of the heatmap."""
    from app.figures import table_columns

    if summary.is_empty():
        return empty_table(lang)
    shown = summary.select(SUMMARY_COLUMNS)
    rows = []
    for row in summary.to_dicts():
        small = bool(row["small_sample"])
        rows.append(
            {
                **{c: row[c] for c in SUMMARY_COLUMNS},
                **{c: round(100 * row[c], 1) if row[c] is not None else None for c in _FRACTIONS},
                "region": row_label(row["region"], small, lang),
                "top_body_type": body_label(row["top_body_type"], lang)
                if row["top_body_type"]
                else None,
                "small_sample": small,
            }
        )
    style = dict(TABLE_STYLE)
    style["style_data_conditional"] = [
        *TABLE_STYLE["style_data_conditional"],
        {
            "if": {"filter_query": "{small_sample} eq true"},
            "color": GREYED,
            "backgroundColor": "#F8F9FA",
            "fontStyle": "italic",
        },
    ]
    kwargs: dict = {"id": table_id} if table_id is not None else {}
    return dash_table.DataTable(
        **kwargs,
        data=rows,
        columns=table_columns(shown, lang=lang, fraction_columns=_FRACTIONS),
        page_size=20,
        sort_action="native",
        export_format="csv",
        **style,
    )


def insight_list(found: list, *, lang: str = "ko") -> html.Ul | html.P:
    """Region insights (`analytics.region.region_insights`) as a list: finding, then the
    stock suggestion when there is one; small samples greyed."""
    from app.i18n.region import has_action, render

    if not found:
        return empty_table(lang)
    items = []
    for insight in found:
        parts: list = [html.Span(render(insight, lang))]
        if has_action(insight):
            parts += [
                html.Br(),
                html.Small(
                    [html.Strong(t("dealer.suggestion", lang)), render(insight, lang, "action")],
                    className="text-success",
                ),
            ]
        small = insight.kind == "region.small"
        items.append(
            html.Li(parts, className="text-muted fst-italic" if small else "cs-region-insight")
        )
    return html.Ul(items, className="cs-list")
