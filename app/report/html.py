"""The report as one self-contained HTML page (charts inline as SVG, no scripts)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from analytics.recommend import KINDS
from analytics.report.content import ReportContent
from app.i18n import t
from app.i18n.forecast import flow_label, model_label
from app.i18n.global_strategy import render
from app.report.charts import market_name
from app.report.tables import Table, header, labelled, report_tables

_TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def cell_text(value: Any, *, fraction: bool) -> tuple[str, bool]:
    """(display text, is numeric): thousands separators, fractions as percent (0.1)."""
    if value is None:
        return "–", False
    if isinstance(value, bool):
        return str(value), False
    if isinstance(value, int):
        return f"{value:,}", True
    if isinstance(value, float):
        if fraction:
            return f"{value * 100:,.1f}%", True
        if value.is_integer():
            return f"{value:,.0f}", True
        return (f"{value:,.1f}" if abs(value) >= 10 else f"{value:,.2f}"), True
    return str(value), False


def table_block(table: Table, lang: str, *, heading: str | None = None) -> dict:
    frame = labelled(table.frame, lang)
    rows = [
        [
            cell_text(v, fraction=c in table.fractions)
            for c, v in zip(frame.columns, row, strict=True)
        ]
        for row in frame.iter_rows()
    ]
    return {
        "heading": heading,
        "headers": [header(c, lang) for c in frame.columns],
        "rows": rows,
        "bullets": None,
        "empty": None,
    }


def empty_block(text: str | None) -> dict:
    """A block with no table: `text` (None = the generic 'no data' line)."""
    return {"heading": None, "rows": [], "bullets": None, "headers": [], "empty": text}


def _series_name(content: ReportContent, lang: str) -> str:
    row = content.forecast.series or {}
    parts = [t(f"brand.{row.get('brand')}", lang), flow_label(str(row.get("flow")), lang)]
    parts += [str(row[k]) for k in ("market", "model", "plant") if row.get(k)]
    return " · ".join(parts)


def sections(content: ReportContent, charts: dict[str, str], lang: str) -> list[dict]:
    tables = {table.key: table for table in report_tables(content, lang)}
    market = market_name(content, lang)

    def section(key: str, title: str, blocks: list[dict], hint: str | None = None) -> dict:
        return {
            "key": key,
            "title": title,
            "hint": hint,
            "chart": charts.get(key),
            "blocks": blocks,
        }

    fc = content.forecast
    if fc.series is None:
        forecast_blocks = [empty_block(t("report.forecast.none", lang))]
        forecast_hint = None
    else:
        forecast_blocks = [
            table_block(
                tables["forecast_quarters"], lang, heading=t("report.forecast.quarters", lang)
            ),
            table_block(
                tables["forecast_accuracy"], lang, heading=t("report.forecast.accuracy", lang)
            ),
            table_block(
                tables["leaderboard"], lang, heading=t("report.forecast.leaderboard", lang)
            ),
        ]
        forecast_hint = t(
            "report.forecast.series",
            lang,
            series=_series_name(content, lang),
            model=model_label(fc.model_name or "", lang),
        )
    trained = content.segments.height > 0
    segment_blocks = (
        [table_block(tables["segments"], lang), table_block(tables["clusters"], lang)]
        if trained
        else [
            {
                "heading": None,
                "rows": [],
                "bullets": None,
                "headers": [],
                "empty": t("report.segments.none", lang),
            }
        ]
    )
    rec_blocks = [
        {
            "heading": t(f"rec.{kind}.title", lang),
            "bullets": [render(r, lang) for r in content.recommendations if r.kind == kind],
            "rows": [],
            "headers": [],
            "empty": None,
        }
        for kind in KINDS
        if any(r.kind == kind for r in content.recommendations)
    ] or [{**empty_block(None), "bullets": []}]
    return [
        section(
            "kpis",
            t("report.kpis", lang),
            [table_block(tables["kpis"], lang)],
            t("report.kpis.hint", lang),
        ),
        section(
            "top_models", t("report.top_models", lang), [table_block(tables["top_models"], lang)]
        ),
        section(
            "deviation",
            t("report.deviation", lang, market=market),
            [table_block(tables["deviation"], lang)],
            t("gs.deviation.hint", lang),
        ),
        section("heatmap", t("report.heatmap", lang), [table_block(tables["heatmap"], lang)]),
        section("forecast", t("report.forecast", lang), forecast_blocks, forecast_hint),
        section("segments", t("report.segments", lang), segment_blocks),
        section("recommendations", t("report.recommendations", lang, market=market), rec_blocks),
    ]


def subtitle(content: ReportContent, lang: str) -> str:
    spec = content.spec
    period = (
        f"{spec.period_from or '…'} – {spec.period_to or '…'}"
        if spec.period_from or spec.period_to
        else t("report.period.all", lang)
    )
    return t(
        "report.subtitle",
        lang,
        brand=t(f"brand.{spec.brand}", lang),
        market=market_name(content, lang),
        period=period,
        source=t(f"source.{spec.source}", lang),
    )


def report_html(content: ReportContent, charts: dict[str, str], *, lang: str) -> str:
    """The whole report page (charts: section key -> SVG text)."""
    template = environment().get_template("report.html.j2")
    return template.render(
        lang=lang,
        title=t("report.title", lang),
        subtitle=subtitle(content, lang),
        generated=t("report.generated", lang, when=f"{content.generated_at:%Y-%m-%d %H:%M}"),
        sections=sections(content, charts, lang),
        empty=t("empty", lang),
    )


__all__ = ["cell_text", "report_html", "table_block"]
