"""The report's tables, in order, with their headers and value labels in one language.

The HTML, PDF and XLSX outputs all render this one list, so they show the same
numbers with the same headers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from analytics.recommend import KINDS
from analytics.report.content import ReportContent
from app.i18n import market_label, t
from app.i18n.forecast import flow_label, model_label
from app.i18n.global_strategy import render
from warehouse.canonical import MARKETS

# Fractions (0-1) shown as percent; every other float with one decimal.
FRACTIONS = frozenset(
    {
        "share", "share_market", "share_all", "customer_share", "revenue_share",
        "female_share", "eco_share", "online_share", "top_model_share", "top_segment_share",
        "coverage80", "beats_naive",
    }
)  # fmt: skip
# Columns whose values are codes with catalogue labels: column -> key prefix.
VALUE_LABELS = {"status": "status", "metric": "kpi", "segment": "segment"}


@dataclass(frozen=True)
class Table:
    key: str  # sheet name key: report.sheet.<key>
    frame: pl.DataFrame
    fractions: frozenset[str] = field(default_factory=frozenset)


def header(name: str, lang: str) -> str:
    """A column's header: its catalogue label, a market's name or a forecast model's name."""
    if name in MARKETS:
        return market_label(name, lang)
    label = t(f"col.{name}", lang)
    if label != f"col.{name}":
        return label
    return model_label(name, lang)


def labelled(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Code columns (status, metric, segment, market, flow) replaced by their labels."""
    out = frame
    for column in out.columns:
        if column not in VALUE_LABELS and column not in ("market", "flow", "model_name"):
            continue
        codes = [v for v in out.get_column(column).unique().to_list() if v is not None]
        mapping = {v: _label(column, str(v), lang) for v in codes}
        out = out.with_columns(
            pl.col(column).cast(pl.Utf8).replace_strict(mapping, default=None, return_dtype=pl.Utf8)
        )
    return out


def _label(column: str, code: str, lang: str) -> str:
    if column == "market":
        return market_label(code, lang)
    if column == "flow":
        return flow_label(code, lang) if code != "all" else t("gs.any", lang)
    if column == "model_name":
        return model_label(code, lang)
    key = f"{VALUE_LABELS[column]}.{code}"
    label = t(key, lang)
    return code if label == key else label


def recommendations_frame(content: ReportContent, lang: str) -> pl.DataFrame:
    rows = [
        {"kind": t(f"rec.{rec.kind}.title", lang), "model": rec.model, "text": render(rec, lang)}
        for kind in KINDS
        for rec in content.recommendations
        if rec.kind == kind
    ]
    return pl.DataFrame(rows, schema={"kind": pl.Utf8, "model": pl.Utf8, "text": pl.Utf8})


def report_tables(content: ReportContent, lang: str) -> list[Table]:
    """Every table of the report (empty frames stay in the list: the sheet says so)."""
    fc = content.forecast
    return [
        Table("kpis", content.kpis),
        Table("top_models", content.top_models, FRACTIONS),
        Table("deviation", content.deviation, FRACTIONS),
        Table("heatmap", content.heatmap),
        Table("forecast", fc.table),
        Table("forecast_quarters", fc.quarters),
        Table("forecast_accuracy", fc.accuracy, FRACTIONS),
        Table("leaderboard", fc.leaderboard, FRACTIONS),
        Table("segments", content.segments, FRACTIONS),
        Table("clusters", content.clusters, FRACTIONS),
        Table("recommendations", recommendations_frame(content, lang)),
    ]
