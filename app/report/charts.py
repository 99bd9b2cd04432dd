"""The report's charts: the dashboard's own figure factories, exported as SVG.

Kaleido (1.x) drives the system Chromium (`/usr/bin/chromium`, or the browser named
by `BROWSER_PATH`) over the DevTools protocol; one browser renders every chart of a
report (starting it takes a few seconds, each chart then ~0.2 s). MathJax is off:
the charts have no formulas and the machine is offline.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
from collections.abc import Mapping

import plotly.graph_objects as go

from analytics.report.content import ReportContent
from app.figures.dealer import cluster_bar, segment_bar
from app.figures.forecast import forecast_chart
from app.figures.global_strategy import deviation_bar, heatmap_figure, top10_bar
from app.i18n import market_label, t

WIDTH, HEIGHT = 900, 420
# Korean glyphs in the PDF: Debian's fonts-nanum first (.ci/run installs it). Its
# NanumGothic maps the space to an unreadable glyph in PDF text; NanumBarunGothic does not.
FONT_FAMILY = "NanumBarunGothic, 'Noto Sans CJK KR', 'Noto Sans KR', sans-serif"
_ONE_BROWSER = threading.Lock()  # two reports at once share the machine, not a browser


class ChartError(RuntimeError):
    """The charts could not be drawn (no Chromium, or it failed)."""


def report_figures(content: ReportContent, lang: str) -> dict[str, go.Figure]:
    """The report's charts by section key, made by the dashboard's figure factories."""
    focus = content.focus_market
    charts: dict[str, go.Figure] = {}
    if focus is not None:
        top = content.top_models.filter(market=focus).drop("market")
        charts["top_models"] = top10_bar(
            top, market=focus, lang=lang, selected=None, brand=content.spec.brand
        )
        charts["deviation"] = deviation_bar(
            content.deviation, market=focus, threshold_pp=5.0, lang=lang
        )
    if content.heatmap.width > 1:
        charts["heatmap"] = heatmap_figure(
            content.heatmap, measure="units", top_n=content.heatmap.height, lang=lang, selected=None
        )
    fc = content.forecast
    if fc.series is not None and fc.model_name is not None:
        charts["forecast"] = forecast_chart(
            fc.history,
            fc.forecasts,
            fc.backtest,
            title=t("report.forecast", lang),
            visible=[fc.model_name],
            band_model=fc.model_name,
            show_backtest=True,
            lang=lang,
        )
    if content.segments.height:
        charts["segments"] = segment_bar(content.segments, lang=lang)
    if content.clusters.height:
        sizes = content.clusters.select("cluster", "persona", "customers", "share")
        charts["clusters"] = cluster_bar(sizes, lang=lang)
    for fig in charts.values():
        fig.update_layout(font_family=FONT_FAMILY, width=WIDTH)
    return charts


def _browser_path() -> str | None:
    return os.environ.get("BROWSER_PATH") or shutil.which("chromium") or shutil.which("chrome")


async def _render(charts: Mapping[str, go.Figure]) -> dict[str, str]:
    import kaleido

    out: dict[str, str] = {}
    async with kaleido.Kaleido(n=1, mathjax=False, timeout=60) as k:
        for key, fig in charts.items():
            height = fig.layout.height or HEIGHT
            opts = {"format": "svg", "width": WIDTH, "height": height}
            out[key] = (await k.calc_fig(fig, opts=opts)).decode("utf-8")
    return out


def svg_images(charts: Mapping[str, go.Figure]) -> dict[str, str]:
    """Each chart as SVG text, drawn by one Chromium session."""
    if not charts:
        return {}
    path = _browser_path()
    if path is None:
        raise ChartError("no Chromium found: install Debian's chromium or set BROWSER_PATH")
    os.environ.setdefault("BROWSER_PATH", path)
    with _ONE_BROWSER:
        try:
            return asyncio.run(_render(charts))
        except Exception as exc:  # kaleido/choreographer raise many kinds
            raise ChartError(f"Chromium could not draw the charts: {exc}") from exc


def market_name(content: ReportContent, lang: str) -> str:
    """The focus market as the report names it (marked when it was chosen automatically)."""
    if content.focus_market is None:
        return t("gs.any", lang)
    name = market_label(content.focus_market, lang)
    return name if content.spec.market else t("report.market.auto", lang, market=name)
