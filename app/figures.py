"""Every figure and table of the app: pure functions of a frame, no I/O.

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


@lru_cache(maxsize=1)
def market_colours() -> dict[str, str]:
    """Canonical market -> colour, fixed by the market's place in the canonical list."""
    from warehouse.canonical import MARKETS

    return {m: SEQUENCE[i % len(SEQUENCE)] for i, m in enumerate(MARKETS)}


def market_colour(market: str | None) -> str:
    return market_colours().get(market or "", GREY)


@lru_cache(maxsize=1)
def template() -> go.layout.Template:
    """The one plotly template: Okabe-Ito colourway, white background, readable fonts."""
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
    return go.Figure(
        data=data or [],
        layout={
            "template": template(),
            "title": {"text": title},
            "height": height,
            **(layout or {}),
        },
    )


def empty_figure(lang: str = "ko", *, title: str = "", height: int = 300) -> go.Figure:
    """A blank chart that says there is no data for this selection."""
    fig = _figure(title, height)
    fig.update_layout(
        xaxis={"visible": False},
        yaxis={"visible": False},
        annotations=[
            {
                "text": t("empty", lang),
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


# --- global strategy ----------------------------------------------------------------


def market_bar(totals: pl.DataFrame, *, focus: str | None, lang: str = "ko") -> go.Figure:
    """Units per market (`totals`: market, units); clicking a bar picks the focus market.

    Each bar carries its canonical market in `customdata` for the click handler.
    """
    title = t("fig.markets.title", lang)
    if totals.is_empty():
        return empty_figure(lang, title=title, height=260)
    markets = totals.get_column("market").to_list()
    units = totals.get_column("units").to_list()
    colours = [market_colour(m) for m in markets]
    fig = _figure(title, height=260)
    fig.add_bar(
        x=[market_label(m, lang) for m in markets],
        y=units,
        customdata=markets,
        marker={
            "color": colours,
            "line": {
                "color": [BLACK if m == focus else "rgba(0,0,0,0)" for m in markets],
                "width": [2.5 if m == focus else 0 for m in markets],
            },
        },
        hovertemplate="%{x}: %{y:,}<extra></extra>",
    )
    fig.update_traces(
        selectedpoints=[markets.index(focus)] if focus in markets else None,
        unselected={"marker": {"opacity": DIMMED}},
    )
    fig.update_layout(
        xaxis_title=t("axis.market", lang),
        yaxis_title=t("axis.units", lang),
        clickmode="event",
        dragmode=False,
    )
    return fig


def top10_bar(
    frame: pl.DataFrame,
    *,
    market: str | None,
    lang: str = "ko",
    selected: str | None = None,
    brand: str = "all",
) -> go.Figure:
    """Horizontal bars of the top-10 (`frame` from analytics.top10: rank, model, units,
    share), best at the top, in the brand's colour; the selected model outlined."""
    title = t("fig.top10.title", lang, market=market_label(market or "", lang))
    if frame.is_empty():
        return empty_figure(lang, title=title)
    models = frame.get_column("model").to_list()
    colour = BRAND_COLOURS.get(brand, BRAND_COLOURS["all"])
    fig = _figure(title, height=max(300, 40 + 30 * len(models)))
    fig.add_bar(
        x=frame.get_column("units").to_list(),
        y=models,
        orientation="h",
        customdata=[[m, s * 100] for m, s in zip(models, frame.get_column("share"), strict=True)],
        text=[f"{s * 100:.1f}%" for s in frame.get_column("share")],
        textposition="auto",
        marker={
            "color": colour,
            "line": {
                "color": [BLACK if m == selected else colour for m in models],
                "width": [3 if m == selected else 0 for m in models],
            },
        },
        hovertemplate="%{y}: %{x:,} (%{customdata[1]:.1f}%)<extra></extra>",
    )
    if selected in models:
        fig.update_traces(
            selectedpoints=[models.index(selected)], unselected={"marker": {"opacity": DIMMED}}
        )
    fig.update_layout(
        xaxis_title=t("axis.units", lang),
        yaxis_title=None,
        yaxis={"autorange": "reversed"},
        clickmode="event",
        dragmode=False,
    )
    return fig


def top10_pie(frame: pl.DataFrame, *, market: str | None, lang: str = "ko") -> go.Figure:
    """Share of the market's units: the top-10 slices plus the rest as one grey slice."""
    title = t("fig.top10_pie.title", lang, market=market_label(market or "", lang))
    if frame.is_empty():
        return empty_figure(lang, title=title)
    models = frame.get_column("model").to_list()
    shares = frame.get_column("share").to_list()
    colours = [SEQUENCE[i % len(SEQUENCE)] for i in range(len(models))]
    rest = 1.0 - sum(shares)
    if rest > 0.0005:
        models, shares, colours = (
            models + [t("fig.top10_pie.others", lang)],
            shares + [rest],
            colours + [GREY],
        )
    fig = _figure(title)
    fig.add_pie(
        labels=models,
        values=shares,
        customdata=frame.get_column("model").to_list() + [None],
        marker={"colors": colours, "line": {"color": "white", "width": 1}},
        sort=False,
        direction="clockwise",
        textinfo="percent",
        texttemplate="%{percent:.1%}",
        textposition="inside",
        insidetextorientation="horizontal",
        hovertemplate="%{label}: %{percent:.1%}<extra></extra>",
        hole=0.35,
    )
    # Slices too thin for a readable label show none (hover and the table still have it).
    fig.update_layout(
        legend={"orientation": "v", "font": {"size": 11}},
        clickmode="event",
        uniformtext={"minsize": 10, "mode": "hide"},
    )
    return fig


def monthly_series(sales: pl.DataFrame, *, market: str | None, model: str | None) -> pl.DataFrame:
    """One model's units per month in one market, for a trend chart: month ('YYYY-MM'),
    units (vehicles).

    Every month from the market's first to its last month with data appears once.
    A month where the market has data but this model has no row is 0 (it sold
    none); a month the market has no data for is null, drawn as a gap — never a
    zero. Empty when the market has no data or the model never sold there.
    """
    schema = {"month": pl.Utf8, "units": pl.Int64}
    if not market or not model:
        return pl.DataFrame(schema=schema)
    month_index = pl.col("year").cast(pl.Int64) * 12 + pl.col("month").cast(pl.Int64) - 1
    in_market = (
        sales.lazy().filter(pl.col("market") == market).with_columns(month_index.alias("mi"))
    )
    covered = in_market.select(pl.col("mi").unique()).collect().get_column("mi")
    mine = (
        in_market.filter(pl.col("model") == model)
        .group_by("mi")
        .agg(pl.col("units").sum().cast(pl.Int64))
        .collect()
    )
    if covered.is_empty() or mine.is_empty():
        return pl.DataFrame(schema=schema)
    axis = pl.DataFrame({"mi": pl.int_range(covered.min(), covered.max() + 1, eager=True)})
    return (
        axis.join(mine, on="mi", how="left")
        .with_columns(
            pl.when(pl.col("mi").is_in(covered.implode()))
            .then(pl.col("units").fill_null(0))
            .otherwise(None)
            .alias("units"),
            pl.format(
                "{}-{}", pl.col("mi") // 12, (pl.col("mi") % 12 + 1).cast(pl.Utf8).str.zfill(2)
            ).alias("month"),
        )
        .select("month", "units")
        .cast(schema)  # type: ignore[arg-type]
    )


def trend_line(
    series: pl.DataFrame, *, model: str | None, market: str | None, lang: str = "ko"
) -> go.Figure:
    """Monthly units of one model (`series` from `monthly_series`); null months are gaps."""
    title = t("fig.trend.title", lang, model=model or "", market=market_label(market or "", lang))
    if series.is_empty() or series.get_column("units").is_null().all():
        return empty_figure(lang, title=title)
    fig = _figure(title, height=300)
    fig.add_scatter(
        x=series.get_column("month").to_list(),
        y=series.get_column("units").to_list(),
        mode="lines+markers",
        connectgaps=False,
        name=model,
        line={"color": market_colour(market), "width": 2},
        marker={"size": 5},
        hovertemplate="%{x}: %{y:,}<extra></extra>",
    )
    fig.update_layout(
        xaxis_title=t("axis.month", lang),
        yaxis_title=t("axis.units", lang),
        xaxis={"type": "category", "nticks": 12},
        yaxis={"rangemode": "tozero"},
        showlegend=False,
    )
    return fig


def deviation_bar(
    frame: pl.DataFrame,
    *,
    market: str | None,
    threshold_pp: float,
    lang: str = "ko",
    per_side: int = 15,
) -> go.Figure:
    """Diverging bars of deviation_pp per model (`frame` from analytics.deviation, sorted
    from most over- to most under-represented), coloured by status, with the ±threshold
    lines. With more than 2 × `per_side` models only both ends are drawn (the title
    says so; the table beside the chart lists every model)."""
    title = t("fig.deviation.title", lang, market=market_label(market or "", lang))
    if frame.is_empty():
        return empty_figure(lang, title=title)
    if frame.height > 2 * per_side:
        frame = pl.concat([frame.head(per_side), frame.tail(per_side)])
        title += t("fig.deviation.ends", lang, n=per_side)
    models = frame.get_column("model").to_list()
    fig = _figure(title, height=max(320, 90 + 20 * len(models)))
    for status in ("strong", "neutral", "untapped"):
        part = frame.filter(pl.col("status") == status)
        if part.is_empty():
            continue
        fig.add_bar(
            x=part.get_column("deviation_pp").to_list(),
            y=part.get_column("model").to_list(),
            orientation="h",
            name=t(f"status.{status}", lang),
            marker={"color": STATUS_COLOURS[status]},
            customdata=part.select(
                (pl.col("share_market") * 100).round(1), (pl.col("share_all") * 100).round(1)
            ).rows(),
            hovertemplate="%{y}: %{x:+.1f}%p (%{customdata[0]:.1f}% vs "
            "%{customdata[1]:.1f}%)<extra></extra>",
        )
    for x in (threshold_pp, -threshold_pp):
        fig.add_vline(x=x, line={"color": "#6C757D", "dash": "dash", "width": 1})
    fig.update_layout(
        barmode="overlay",
        xaxis_title=t("axis.deviation", lang),
        yaxis={"categoryorder": "array", "categoryarray": models[::-1], "dtick": 1},
        # legend under the axis title, in pixels from the bottom whatever the chart height
        legend={
            "orientation": "h",
            "x": 0.5,
            "xanchor": "center",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
        },
        margin={"b": 50},
        dragmode=False,
    )
    return fig


def heatmap_figure(
    frame: pl.DataFrame, *, measure: str, top_n: int, lang: str = "ko", selected: str | None = None
) -> go.Figure:
    """Models × markets (`frame` from analytics.heatmap: model + one column per market).

    measure 'share' values are fractions, shown as percent. The selected model's
    row is outlined.
    """
    title = t(f"fig.heatmap.title.{measure}", lang, n=top_n)
    markets = [c for c in frame.columns if c != "model"]
    if frame.is_empty() or not markets:
        return empty_figure(lang, title=title)
    models = frame.get_column("model").to_list()
    values = frame.select(markets).rows()
    if measure == "share":
        z = [[v * 100 for v in row] for row in values]
        text_template, colour_title = "%{z:.1f}", t("axis.share_pct", lang)
    else:
        z = [list(row) for row in values]
        text_template, colour_title = "%{z:,}", t("axis.units", lang)
    labels = [market_label(m, lang) for m in markets]
    fig = _figure(title, height=max(300, 110 + 40 * len(models)))
    fig.add_heatmap(
        z=z,
        x=labels,
        y=models,
        colorscale=HEAT_SCALE,
        texttemplate=text_template,
        colorbar={"title": {"text": colour_title}, "thickness": 12},
        hovertemplate="%{y} · %{x}: " + text_template + "<extra></extra>",
        xgap=2,
        ygap=2,
    )
    fig.update_layout(yaxis={"autorange": "reversed"}, xaxis_title=None, yaxis_title=None)
    if selected in models:
        row = models.index(selected)
        fig.add_shape(
            type="rect",
            xref="paper",
            x0=0,
            x1=1,
            yref="y",
            y0=row - 0.5,
            y1=row + 0.5,
            line={"color": BLACK, "width": 3},
        )
    return fig


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
    code values (e.g. status) by their catalogue label."""
    fractions = FRACTION_COLUMNS | set(fraction_columns)
    out = frame.with_columns([(pl.col(c) * 100).round(1) for c in frame.columns if c in fractions])
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
    return out.to_dicts()


def _code_label(key: str, code: str, lang: str) -> str:
    """The catalogue label of a code value; a code without one is shown as it is."""
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
) -> dash_table.DataTable | html.P:
    """A sortable table with a CSV export button: every chart's text alternative."""
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
        export_format="csv",
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


# --- dealer page --------------------------------------------------------------------

SEGMENT_COLOURS = {"VIP": BLUE, "일반": GREY, "신규": BLUISH_GREEN, "이탈가능": VERMILLION}


def cluster_colour(cluster: int) -> str:
    """Cluster n keeps one colour on every dealer chart (clusters are numbered 1..K)."""
    return SEQUENCE[(int(cluster) - 1) % len(SEQUENCE)]


def _segment_text(segment: str, lang: str) -> str:
    from app.strings_dealer import segment_label

    return segment_label(segment, lang)


def segment_bar(summary: pl.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Customer share and revenue share (%) per segment (`analytics.insights.segment_summary`)."""
    title = t("fig.segments.title", lang)
    if summary.is_empty():
        return empty_figure(lang, title=title)
    segments = summary.get_column("segment").to_list()
    names = [_segment_text(s, lang) for s in segments]
    fig = _figure(title)
    for column, key, colour in (
        ("customer_share", "fig.segments.customers", SKY_BLUE),
        ("revenue_share", "fig.segments.revenue", BLUE),
    ):
        fig.add_bar(
            x=names,
            y=[round(100 * v, 1) for v in summary.get_column(column)],
            name=t(key, lang),
            marker_color=colour,
            hovertemplate="%{x}: %{y:.1f}%<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(
        barmode="group",
        xaxis_title=t("axis.segment", lang),
        yaxis_title=t("axis.share_pct", lang),
        dragmode=False,
        legend={"orientation": "h", "y": -0.2},
    )
    return fig


def rfm_heatmap(grid: pl.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Customers per R score (rows) x F score (columns) (`analytics.insights.rfm_grid`)."""
    title = t("fig.rfm.title", lang)
    if grid.is_empty():
        return empty_figure(lang, title=title)
    table = grid.pivot(on="f_score", index="r_score", values="customers").sort("r_score")
    f_cols = sorted((c for c in table.columns if c != "r_score"), key=int)
    z = table.select(f_cols).fill_null(0).to_numpy().tolist()
    fig = _figure(title)
    fig.add_heatmap(
        z=z,
        x=[f"F{c}" for c in f_cols],
        y=[f"R{r}" for r in table.get_column("r_score")],
        colorscale=HEAT_SCALE,
        texttemplate="%{z:,}",
        hovertemplate="%{y} × %{x}: %{z:,}<extra></extra>",
    )
    fig.update_layout(
        xaxis_title=t("axis.f_score", lang), yaxis_title=t("axis.r_score", lang), dragmode=False
    )
    return fig


def k_curves(metrics: pl.DataFrame, *, chosen_k: int, lang: str = "ko") -> go.Figure:
    """Inertia (left axis) and silhouette (right axis) per K, with the chosen K marked.

    `metrics`: k, inertia, silhouette (the manifest's `clusters.metrics`).
    """
    title = t("fig.k.title", lang)
    if metrics.is_empty():
        return empty_figure(lang, title=title)
    ks = metrics.get_column("k").to_list()
    fig = _figure(title)
    fig.add_scatter(
        x=ks,
        y=metrics.get_column("inertia").to_list(),
        mode="lines+markers",
        name=t("fig.k.inertia", lang),
        line_color=BLUE,
    )
    fig.add_scatter(
        x=ks,
        y=metrics.get_column("silhouette").to_list(),
        mode="lines+markers",
        name=t("fig.k.silhouette", lang),
        line_color=ORANGE,
        yaxis="y2",
    )
    fig.add_vline(
        x=chosen_k,
        line_dash="dash",
        line_color=VERMILLION,
        annotation_text=t("fig.k.chosen", lang, k=chosen_k),
        annotation_position="top",
    )
    fig.update_layout(
        xaxis={"title": t("axis.k", lang), "dtick": 1},
        yaxis={"title": t("fig.k.inertia", lang)},
        yaxis2={
            "title": t("fig.k.silhouette", lang),
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
        },
        legend={"orientation": "h", "y": -0.2},
        dragmode=False,
    )
    return fig


def cluster_bar(
    sizes: pl.DataFrame, *, lang: str = "ko", personas: Mapping[int, str] | None = None
) -> go.Figure:
    """Customers per cluster (`analytics.insights.cluster_sizes`), persona in the hover."""
    title = t("fig.clusters.title", lang)
    if sizes.is_empty():
        return empty_figure(lang, title=title)
    clusters = sizes.get_column("cluster").to_list()
    names = [
        (personas or {}).get(c) or p
        for c, p in zip(clusters, sizes.get_column("persona").to_list(), strict=True)
    ]
    fig = _figure(title)
    fig.add_bar(
        x=[str(c) for c in clusters],
        y=sizes.get_column("customers").to_list(),
        marker_color=[cluster_colour(c) for c in clusters],
        customdata=names,
        hovertemplate="%{x} — %{customdata}: %{y:,}<extra></extra>",
    )
    fig.update_layout(
        xaxis_title=t("axis.cluster", lang),
        yaxis_title=t("axis.customers", lang),
        xaxis_type="category",
        dragmode=False,
    )
    return fig


def model_cluster_bar(table: pl.DataFrame, *, lang: str = "ko", top_n: int = 15) -> go.Figure:
    """Buyers per model, stacked by cluster (`analytics.insights.model_by_cluster`), for the
    `top_n` models with most buyers. Each bar carries its model in `customdata`."""
    title = t("view.model_cluster", lang)
    if table.is_empty():
        return empty_figure(lang, title=title)
    order = (
        table.group_by("model")
        .agg(pl.col("customers").sum())
        .sort(["customers", "model"], descending=[True, False])
        .head(top_n)
        .get_column("model")
        .to_list()
    )
    fig = _figure(title, height=400)
    for cluster in sorted(table.get_column("cluster").unique().to_list()):
        part = table.filter(pl.col("cluster") == cluster)
        counts = dict(
            zip(
                part.get_column("model").to_list(),
                part.get_column("customers").to_list(),
                strict=True,
            )
        )
        fig.add_bar(
            x=order,
            y=[counts.get(m, 0) for m in order],
            customdata=order,
            name=t("persona.cluster", lang, cluster=cluster),
            marker_color=cluster_colour(cluster),
            hovertemplate="%{x}: %{y:,}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(
        barmode="stack",
        xaxis_title=t("axis.model", lang),
        yaxis_title=t("axis.customers", lang),
        clickmode="event",
        dragmode=False,
        legend={"orientation": "h", "y": -0.3},
    )
    return fig


def share_bar(
    table: pl.DataFrame,
    *,
    x: str,
    colour: str,
    title: str,
    lang: str = "ko",
    x_labels: Mapping | None = None,
    colour_labels: Mapping | None = None,
) -> go.Figure:
    """Stacked 100% bars: `share` (0-1) of each `colour` value within each `x` value."""
    if table.is_empty():
        return empty_figure(lang, title=title)
    xs = sorted(table.get_column(x).unique().to_list())
    x_text = [str((x_labels or {}).get(v, v)) for v in xs]
    bars = []
    for i, value in enumerate(sorted(table.get_column(colour).unique().to_list())):
        part = table.filter(pl.col(colour) == value)
        shares = dict(
            zip(part.get_column(x).to_list(), part.get_column("share").to_list(), strict=True)
        )
        bars.append(
            {
                "type": "bar",
                "x": x_text,
                "y": [round(100 * shares.get(v, 0.0), 1) for v in xs],
                "name": str((colour_labels or {}).get(value, value)),
                "marker": {"color": SEQUENCE[i % len(SEQUENCE)]},
                "hovertemplate": "%{x}: %{y:.1f}%<extra>%{fullData.name}</extra>",
            }
        )
    return _figure(
        title,
        data=bars,
        layout={
            "barmode": "stack",
            "yaxis": {"title": {"text": t("axis.share_pct", lang)}},
            "xaxis": {"type": "category"},
            "dragmode": False,
            "legend": {"orientation": "h", "y": -0.25},
        },
    )


def cluster_value_bar(
    table: pl.DataFrame, *, value: str, title: str, lang: str = "ko", scale: float = 1.0
) -> go.Figure:
    """One bar per cluster of column `value` (divided by `scale`, e.g. 1e6 for M KRW)."""
    if table.is_empty():
        return empty_figure(lang, title=title)
    clusters = table.get_column("cluster").to_list()
    bar = {
        "type": "bar",
        "x": [str(c) for c in clusters],
        "y": [round(v / scale, 1) for v in table.get_column(value).to_list()],
        "marker": {"color": [cluster_colour(c) for c in clusters]},
        "hovertemplate": "%{x}: %{y:,.1f}<extra></extra>",
    }
    return _figure(
        title,
        data=[bar],
        layout={
            "xaxis": {"title": {"text": t("axis.cluster", lang)}, "type": "category"},
            "dragmode": False,
        },
    )


def drilldown_bar(table: pl.DataFrame, *, market: str, model: str, lang: str = "ko") -> go.Figure:
    """Share (%) of the model's buyers in the market per cluster (`analytics.insights.drilldown`);
    promoted clusters solid, the rest dimmed."""
    title = t("fig.drill.title", lang, market=market_label(market, lang), model=model)
    if table.is_empty():
        return empty_figure(lang, title=title)
    clusters = table.get_column("cluster").to_list()
    fig = _figure(title, height=300)
    fig.add_bar(
        x=[str(c) for c in clusters],
        y=[round(100 * s, 1) for s in table.get_column("share")],
        marker={
            "color": [cluster_colour(c) for c in clusters],
            "opacity": [1.0 if p else DIMMED for p in table.get_column("promote")],
        },
        customdata=table.get_column("persona").to_list(),
        hovertemplate="%{x} — %{customdata}: %{y:.1f}%<extra></extra>",
    )
    fig.update_layout(
        xaxis_title=t("axis.cluster", lang),
        yaxis_title=t("axis.share_pct", lang),
        xaxis_type="category",
        dragmode=False,
    )
    return fig


def dealer_pca(
    points: pl.DataFrame,
    *,
    explained: tuple[float, float],
    lang: str = "ko",
    personas: Mapping[int, str] | None = None,
) -> go.Figure:
    """Customers on the first two principal components, one colour per cluster
    (`analytics.clusters.pca_projection`); axis titles carry the explained variance (%)."""
    title = t("fig.pca.title", lang)
    if points.is_empty():
        return empty_figure(lang, title=title)
    traces = []
    for cluster in sorted(points.get_column("cluster").unique().to_list()):
        part = points.filter(pl.col("cluster") == cluster)
        name = t("persona.cluster", lang, cluster=cluster)
        persona = (personas or {}).get(cluster)
        traces.append(
            {
                "type": "scattergl",
                "mode": "markers",
                "x": part.get_column("pc1").to_numpy(),
                "y": part.get_column("pc2").to_numpy(),
                "name": f"{name} — {persona}" if persona else name,
                "marker": {"color": cluster_colour(cluster), "size": 4, "opacity": 0.6},
                "hovertemplate": "%{fullData.name}<extra></extra>",
            }
        )
    pc1, pc2 = (round(100 * v, 1) for v in explained)
    return _figure(
        title,
        height=420,
        data=traces,
        layout={
            "xaxis": {"title": {"text": t("axis.pc1", lang, pct=pc1)}},
            "yaxis": {"title": {"text": t("axis.pc2", lang, pct=pc2)}},
            "legend": {"orientation": "h", "y": -0.25},
        },
    )
