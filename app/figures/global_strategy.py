"""Figures of the global strategy page: pure functions of a frame, no I/O."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from app.figures import (
    BLACK,
    BRAND_COLOURS,
    DIMMED,
    GREY,
    HEAT_SCALE,
    SEQUENCE,
    STATUS_COLOURS,
    _figure,
    empty_figure,
    market_colour,
)
from app.i18n import market_label, t

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


def trend_line(
    series: pl.DataFrame, *, model: str | None, market: str | None, lang: str = "ko"
) -> go.Figure:
    """Monthly units of one model (`analytics.trend.monthly_series`); null months are gaps."""
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
