"""Figures, tables and cards of the dealer page: pure functions of a frame or a training
manifest, no I/O."""

from __future__ import annotations

from collections.abc import Mapping

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
import polars as pl
from dash import html

from app.figures import (
    BLUE,
    BLUISH_GREEN,
    BOTTOM_LEGEND,
    DIMMED,
    GREY,
    HEAT_SCALE,
    ORANGE,
    SEQUENCE,
    SKY_BLUE,
    VERMILLION,
    _figure,
    empty_figure,
    empty_table,
)
from app.i18n import market_label, t
from app.i18n.dealer import segment_label

# --- dealer page --------------------------------------------------------------------

SEGMENT_COLOURS = {"VIP": BLUE, "일반": GREY, "신규": BLUISH_GREEN, "이탈가능": VERMILLION}


def cluster_colour(cluster: int) -> str:
    """Cluster n keeps one colour on every dealer chart (clusters are numbered 1..K)."""
    return SEQUENCE[(int(cluster) - 1) % len(SEQUENCE)]


def _segment_text(segment: str, lang: str) -> str:
    from app.i18n.dealer import segment_label

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
        legend=BOTTOM_LEGEND,
    )
    return fig


def rfm_heatmap(grid: pl.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Customers per R score (rows) x F score (columns) (`analytics.insights.rfm_grid`)."""
    title = t("fig.rfm.title", lang)
    if grid.is_empty():
        return empty_figure(lang, title=title)
    table = grid.pivot(on="f_score", index="r_score", values="customers").sort("r_score")
    # every score 1-5 has a column: a score nobody has (ties share a score, so when most
    # customers bought once F1 is followed by F3) is an empty column, said in a note
    missing = [str(f) for f in range(1, 6) if str(f) not in table.columns]
    table = table.with_columns(pl.lit(None, dtype=pl.UInt32).alias(f) for f in missing)
    f_cols = [str(f) for f in range(1, 6)]
    z = [
        [None if str(f) in missing else (v or 0) for f, v in zip(range(1, 6), row, strict=True)]
        for row in table.select(f_cols).rows()
    ]
    fig = _figure(title)
    if missing:
        fig.add_annotation(
            text=t("fig.rfm.missing", lang, scores=", ".join(f"F{f}" for f in missing)),
            xref="paper", yref="paper", x=0, y=1.02, xanchor="left", yanchor="bottom",
            showarrow=False, font={"size": 12, "color": "#495057"},
        )  # fmt: skip
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
        legend=BOTTOM_LEGEND,
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
        legend=BOTTOM_LEGEND,
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
            "legend": BOTTOM_LEGEND,
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
    (`analytics.segments.clusters.pca_projection`); axis titles carry the explained variance (%)."""
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
            "legend": BOTTOM_LEGEND,
        },
    )


# --- tables and cards of the dealer page (views) -------------------------------------


def _check_text(check: dict, lang: str) -> str:
    """One naming check with its measured value and threshold, ✓ or ✗."""
    scale = 1e6 if check["check"].startswith("value") else 1.0
    text = t(
        f"dealer.naming.check.{check['check']}",
        lang,
        value=check["value"] / scale,
        threshold=check["threshold"] / scale,
    )
    mark = t("dealer.naming.holds" if check["holds"] else "dealer.naming.fails", lang)
    return f"{text} {mark}"


def naming_view(rfm_info: dict, lang: str) -> list:
    """Each of the four names: its condition, the cluster that carries it (or the closest
    one and why not), with the measured values against the brand's thresholds."""
    naming = rfm_info.get("naming")
    if not naming:
        return [empty_table(lang)]
    th = naming["thresholds"]
    intro = html.P(
        t(
            "dealer.naming.intro",
            lang,
            r_med=th["recency_days_median"],
            r_p75=th["recency_days_p75"],
            f_p75=th["frequency_p75"],
            m_med=th["monetary_krw_median"] / 1e6,
            v_p75=th["value_p75"] / 1e6,
        ),
        className="small",
    )
    rows, why = [], []
    for entry in naming["names"]:
        shown = segment_label(str(entry["shown_segment"]), lang)
        checks = html.Ul(
            [html.Li(_check_text(c, lang)) for c in entry["checks"]], className="cs-list mb-0"
        )
        if entry["met"]:
            who = t("dealer.naming.bearer", lang, segment=shown, customers=entry["customers"])
            result = t("dealer.naming.met", lang)
        else:
            who = t("dealer.naming.closest", lang, segment=shown)
            result = t("dealer.naming.unmet", lang)
            failed = "; ".join(_check_text(c, lang) for c in entry["checks"] if not c["holds"])
            why.append(
                html.P(
                    t(
                        "dealer.naming.why",
                        lang,
                        name=segment_label(entry["segment"], lang),
                        shown=shown,
                        failed=failed,
                    ),
                    className="small mb-1 cs-naming-why",
                )
            )
        rows.append(
            html.Tr(
                [
                    html.Th(segment_label(entry["segment"], lang), scope="row"),
                    html.Td(t(f"dealer.naming.condition.{entry['segment']}", lang)),
                    html.Td(who),
                    html.Td(checks),
                    html.Td(result, className="fw-semibold" if entry["met"] else "text-danger"),
                ]
            )
        )
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(f"dealer.naming.col.{c}", lang), scope="col")
                for c in ("name", "condition", "cluster", "measured", "result")
            ]
        )
    )
    table = html.Div(
        html.Table([head, html.Tbody(rows)], className="table table-sm small cs-naming"),
        className="table-responsive",
    )
    return [intro, table, *why]


def _package_label(name: str, lang: str) -> list:
    """A segment of the rfm package: its own English name (marked lang=en on a Korean
    page, for screen readers) and the catalogue's Korean gloss."""
    label = t(f"rfm_package.{name}", lang)
    if lang == "en" or not label.startswith(name):
        return [label]
    return [html.Span(name, lang="en"), label[len(name) :]]


def package_view(rfm_info: dict, lang: str) -> list:
    """Agreement with the R rfm package's score-based segments on the same customers."""
    package = rfm_info.get("rfm_package")
    if not package or package.get("agreement") is None:
        return [empty_table(lang)]
    intro = html.P(
        t(
            "dealer.package.intro",
            lang,
            compared=package["compared"],
            agreement_pct=100 * package["agreement"],
        ),
        className="small",
    )
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(f"dealer.package.col.{c}", lang), scope="col")
                for c in ("segment", "customers", "agree", "top")
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Th(segment_label(str(r["segment"]), lang), scope="row"),
                    html.Td(f"{r['customers']:,}", className="text-end"),
                    html.Td(
                        "—" if r["agree_share"] is None else f"{100 * r['agree_share']:.1f}%",
                        className="text-end",
                    ),
                    html.Td(
                        [
                            *_package_label(r["top_package_segment"], lang),
                            f" ({100 * (r['top_package_share'] or 0):.0f}%)",
                        ]
                    ),
                ]
            )
            for r in package["per_segment"]
        ]
    )
    summary = html.Div(
        html.Table([head, body], className="table table-sm small cs-package"),
        className="table-responsive",
    )
    ours = sorted({r["segment"] for r in package["crosstab"]})
    theirs = [n for n in package["rules"] if n in package["package_sizes"]] + [
        n for n in package["package_sizes"] if n not in package["rules"]
    ]
    counts = {(r["segment"], r["package_segment"]): r["customers"] for r in package["crosstab"]}
    mapping = package.get("mapping") or {}
    cross = html.Details(
        [
            html.Summary(t("dealer.package.crosstab", lang), className="small"),
            html.Div(
                html.Table(
                    [
                        html.Thead(
                            html.Tr(
                                [
                                    html.Th(""),
                                    *[
                                        html.Th(
                                            _package_label(n, lang),
                                            scope="col",
                                            title=t(
                                                "dealer.package.maps_to",
                                                lang,
                                                segment=segment_label(mapping[n], lang),
                                            )
                                            if n in mapping
                                            else None,
                                        )
                                        for n in theirs
                                    ],
                                ]
                            )
                        ),
                        html.Tbody(
                            [
                                html.Tr(
                                    [
                                        html.Th(segment_label(o, lang), scope="row"),
                                        *[
                                            html.Td(
                                                f"{counts.get((o, n), 0):,}",
                                                className="text-end fw-semibold"
                                                if mapping.get(n) == o
                                                else "text-end",
                                            )
                                            for n in theirs
                                        ],
                                    ]
                                )
                                for o in ours
                            ]
                        ),
                    ],
                    className="table table-sm table-bordered small cs-package-crosstab",
                ),
                className="table-responsive",
            ),
        ]
    )
    return [intro, summary, cross]


def cluster_card(row: dict, personas: dict[int, str], fit: dict, lang: str) -> dbc.Card:
    """One customer type of the selection: persona, size, profile and its top models."""
    models = next(
        (
            p.get("top_models") or []
            for p in fit.get("profiles") or []
            if int(p["cluster"]) == row["cluster"]
        ),
        [],
    )
    return dbc.Card(
        dbc.CardBody(
            [
                html.H3(
                    f"{t('persona.cluster', lang, cluster=row['cluster'])} — "
                    f"{personas.get(row['cluster']) or row['persona']}",
                    className="h6",
                ),
                html.P(
                    t(
                        "dealer.card.customers",
                        lang,
                        customers=row["customers"],
                        share_pct=round(100 * row["share"], 1),
                    ),
                    className="mb-1 fw-semibold",
                ),
                html.P(
                    t(
                        "dealer.card.detail",
                        lang,
                        age=row["age_mean"] or 0,
                        female_pct=round(100 * (row["female_share"] or 0), 1),
                        eco_pct=round(100 * (row["eco_share"] or 0), 1),
                        amount_mkrw=round((row["amount_krw_mean"] or 0) / 1e6, 1),
                        frequency=row["frequency_mean"] or 0,
                    ),
                    className="small mb-1",
                ),
                html.P(
                    t("dealer.card.models", lang, models=", ".join(models)),
                    className="small text-muted mb-0",
                ),
            ]
        ),
        className="h-100 cs-cluster-card",
        style={"borderLeft": f"4px solid {cluster_colour(row['cluster'])}"},
    )
