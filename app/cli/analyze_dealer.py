"""The dealer analyses for `carsight analyze segments|clusters|insights`.

`app.cli.analyze.analyze` is a single click command (ANALYSIS argument), not a
group, so this module registers nothing: `run_dealer_analysis` returns the
same (JSON document, CSV table) pair as `app.cli.analyze.run_analysis`, ready
for that command to dispatch DEALER_ANALYSES to. It is built on the analytics
functions the dealer page uses, so the numbers are the page's numbers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DEALER_ANALYSES = ("segments", "clusters", "insights")


class DealerRefused(ValueError):
    """A filter value we cannot run with; the message lists the valid values."""


def _month(value: str | None, name: str, *, end: bool) -> Any:
    import calendar
    import datetime as dt

    from analytics.sales import InvalidFilter, parse_year_month

    if value is None:
        return None
    try:
        ym = parse_year_month(value, name)
    except InvalidFilter as exc:
        raise DealerRefused(str(exc)) from None
    year, month = divmod(ym, 100)
    day = calendar.monthrange(year, month)[1] if end else 1
    return dt.date(year, month, day)


def _brand(value: str | None) -> str:
    key = (value or "").strip().lower()
    brands = {"hyundai": "Hyundai", "현대": "Hyundai", "kia": "Kia", "기아": "Kia"}
    if key not in brands:
        raise DealerRefused(
            f"dealer analyses need one brand; got '{value}'; valid: hyundai, kia "
            "(segments and customer types are trained per brand)"
        )
    return brands[key]


def _market(value: str | None) -> str | None:
    from warehouse import canonical

    if not value:
        return None
    market = canonical.market_of(value)
    if market not in canonical.CUSTOMER_MARKETS:
        valid = ", ".join(f"{m} ({canonical.MARKETS[m][0]})" for m in canonical.CUSTOMER_MARKETS)
        raise DealerRefused(f"unknown customer market '{value}'; valid: {valid}")
    return market


def dealer_customers(
    db: Path, brand: str | None, market: str | None, period_from: str | None, period_to: str | None
) -> tuple[Any, Any, str, str | None]:
    """(the brand's dealer frame, the same filtered by market and purchase months, brand,
    canonical market or None); DealerRefused naming a bad option and its valid values."""
    from analytics import insights
    from warehouse.connection import Warehouse
    from warehouse.errors import FileRefused
    from warehouse.trained import load_dealer_customers

    chosen, focus = _brand(brand), _market(market)
    start, end = _month(period_from, "--from", end=False), _month(period_to, "--to", end=True)
    if start and end and start > end:
        raise DealerRefused(f"--from {period_from} is after --to {period_to}")
    try:
        frame = load_dealer_customers(Warehouse(db), brand=chosen)
    except FileRefused as exc:
        raise DealerRefused(str(exc)) from None
    selected = insights.filter_customers(frame, market=focus, period_from=start, period_to=end)
    return frame, selected, chosen, focus


def run_dealer_analysis(
    analysis: str,
    *,
    db: Path,
    artifacts_dir: Path,
    brand: str | None,
    market: str | None,
    period_from: str | None = None,
    period_to: str | None = None,
    lang: str = "ko",
) -> tuple[dict[str, Any], Any]:
    """(JSON document, Polars table for CSV) of one dealer analysis; DealerRefused on bad input."""
    import polars as pl

    from analytics import artifacts, insights
    from app.i18n.dealer import render

    if analysis not in DEALER_ANALYSES:
        raise DealerRefused(f"unknown analysis '{analysis}'; valid: {', '.join(DEALER_ANALYSES)}")
    everyone, frame, chosen, focus = dealer_customers(db, brand, market, period_from, period_to)
    if everyone.get_column("segment").null_count() == everyone.height:
        raise DealerRefused(f"no trained segments for {chosen} in {db}; run `carsight train`")
    doc: dict[str, Any] = {
        "analysis": analysis,
        "filter": {"brand": chosen, "market": focus, "from": period_from, "to": period_to},
    }

    def said(items: list[insights.Insight], view: str | None = None) -> list[dict[str, Any]]:
        return [
            {
                "view": view or i.kind,
                "kind": i.kind,
                "text": render(i, lang),
                "action": render(i, lang, part="action"),
                "values": i.values,
            }
            for i in items
        ]

    if analysis == "segments":
        table = insights.segment_summary(frame)
        doc.update(
            rows=table.to_dicts(),
            actions=said(insights.segment_actions(table)),
            rfm_grid=insights.rfm_grid(frame).to_dicts(),
        )
        return doc, table
    if analysis == "clusters":
        version = frame.get_column("cluster_model_version").drop_nulls().unique().to_list()
        try:
            manifest = artifacts.load_manifest(
                artifacts_dir, chosen, version[0] if len(version) == 1 else None
            )
        except artifacts.ArtifactError as exc:
            raise DealerRefused(str(exc)) from None
        meta = manifest["clusters"]
        table = insights.cluster_summary(frame)
        doc.update(
            model_version=manifest["version"],
            chosen_k=meta["chosen_k"],
            choice=meta["choice"],
            silhouette=meta["silhouette"],
            stability=meta["stability"],
            metrics=meta["metrics"],
            profiles=meta["profiles"],
            rows=table.to_dicts(),
        )
        return doc, table
    rows = [r for view in insights.VIEWS for r in said(insights.view_insights(view, frame), view)]
    doc.update(rows=rows)
    table = pl.DataFrame(
        {
            "view": [r["view"] for r in rows],
            "text": [r["text"] for r in rows],
            "action": [r["action"] for r in rows],
            "values": [json.dumps(r["values"], ensure_ascii=False) for r in rows],
        },
        schema={"view": pl.Utf8, "text": pl.Utf8, "action": pl.Utf8, "values": pl.Utf8},
    )
    return doc, table
