"""Strategy reports as HTML, PDF and XLSX: `build_report` is what the CLI
(`carsight report`), the dashboard's download button and the scheduled report
e-mail all call.

The content comes from `analytics.report.content` (the dashboard's analytics);
this package only renders it: charts as SVG (kaleido + the system Chromium),
HTML with Jinja2, PDF by Chromium's print-to-PDF, XLSX with xlsxwriter.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from analytics.report.content import ReportContent, ReportSpec, report_content
from app.actor import SYSTEM, Actor
from app.i18n import t
from app.report.charts import report_figures, svg_images
from app.report.html import report_html
from app.report.pdf import html_to_pdf
from app.report.tables import report_tables
from app.report.xlsx import write_xlsx
from warehouse.connection import Warehouse

FORMATS: tuple[str, ...] = ("html", "pdf", "xlsx")


@dataclass
class ReportFiles:
    """What `build_report` wrote: format -> path, and seconds per step."""

    paths: dict[str, Path] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    content: ReportContent | None = None


def parse_formats(value: str | None) -> tuple[str, ...]:
    """'html,pdf' -> ('html', 'pdf'); unknown names are refused with the valid ones."""
    names = tuple(dict.fromkeys(p.strip().lower() for p in (value or "").split(",") if p.strip()))
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise ValueError(
            f"unknown report format(s) {', '.join(unknown) or '(none)'}; "
            f"choose from {','.join(FORMATS)}"
        )
    return names


def build_report(
    *,
    warehouse: Warehouse,
    spec: ReportSpec,
    formats: tuple[str, ...] = FORMATS,
    out_dir: Path,
    lang: str = "ko",
    actor: Actor = SYSTEM,
) -> ReportFiles:
    """Write the report of `spec` in `formats` into `out_dir` (created if needed).

    The actor's brand scope applies (a dealer gets their own brand's report).
    Raises analytics.sales.InvalidFilter on bad spec values, FileRefused when the
    warehouse is missing, ChartError/PdfError when Chromium fails.
    """
    spec = ReportSpec(
        brand=actor.scoped_brand(spec.brand),
        market=spec.market,
        period_from=spec.period_from,
        period_to=spec.period_to,
        source=spec.source,
    ).validated()
    files = ReportFiles()
    started = time.perf_counter()
    content = report_content(warehouse=warehouse, spec=spec)
    files.content = content
    files.seconds["content"] = time.perf_counter() - started
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = out_dir / f"{spec.slug()}-{lang}"
    if "html" in formats or "pdf" in formats:
        step = time.perf_counter()
        charts = svg_images(report_figures(content, lang))
        files.seconds["charts"] = time.perf_counter() - step
        page = report_html(content, charts, lang=lang)
        step = time.perf_counter()
        if "html" in formats:
            files.paths["html"] = stem.with_suffix(".html")
            files.paths["html"].write_text(page, encoding="utf-8")
        if "pdf" in formats:
            with tempfile.TemporaryDirectory(prefix="carsight-report-") as tmp:
                source = Path(tmp) / "report.html"
                source.write_text(page, encoding="utf-8")
                files.paths["pdf"] = html_to_pdf(source, stem.with_suffix(".pdf"))
        files.seconds["html+pdf"] = time.perf_counter() - step
    if "xlsx" in formats:
        step = time.perf_counter()
        files.paths["xlsx"] = write_xlsx(
            report_tables(content, lang),
            stem.with_suffix(".xlsx"),
            lang=lang,
            title=t("report.title", lang),
        )
        files.seconds["xlsx"] = time.perf_counter() - step
    files.seconds["total"] = time.perf_counter() - started
    return files


__all__ = ["FORMATS", "ReportFiles", "ReportSpec", "build_report", "parse_formats"]
