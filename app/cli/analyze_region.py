"""`carsight analyze regions`: preferences by region (지역별 선호 모델) as a command.

Like `app.cli.analyze_dealer`, this module registers nothing: `run_region_analysis`
returns the (JSON document, CSV table) pair that `app.cli.analyze.analyze` prints. It
is built on `analytics.region`, the functions the dealer page's 지역 view uses, over
the same dealer frame, so the numbers are the page's numbers. It needs a built
warehouse, not `carsight train`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

REGION_ANALYSES = ("regions",)


def run_region_analysis(
    *,
    db: Path,
    brand: str | None,
    market: str | None,
    period_from: str | None = None,
    period_to: str | None = None,
    lang: str = "ko",
) -> tuple[dict[str, Any], Any]:
    """(JSON document, Polars table for CSV): one row per region; DealerRefused on bad input.

    Rows: region (short 시·도 name or US state code), customers, top_body_type,
    top_body_type_customers, top_body_type_share (0-1), body_type_average_share (0-1),
    top_model, top_model_customers, top_model_share (0-1), small_sample.
    """
    from analytics import region
    from app.cli.analyze_dealer import dealer_customers
    from app.i18n.region import has_action, render

    _everyone, frame, chosen, focus = dealer_customers(db, brand, market, period_from, period_to)
    table = region.region_summary(frame)
    said = [
        {
            "region": i.values["region"],
            "kind": i.kind,
            "text": render(i, lang),
            "action": render(i, lang, part="action") if has_action(i) else None,
            "values": i.values,
        }
        for i in region.region_insights(table)
    ]
    doc: dict[str, Any] = {
        "analysis": "regions",
        "filter": {"brand": chosen, "market": focus, "from": period_from, "to": period_to},
        "body_type_source": region.BODY_COLUMN,
        "min_customers": region.MIN_CUSTOMERS,
        "customers": frame.height,
        "unknown_region_customers": frame.get_column("region").null_count(),
        "rows": table.to_dicts(),
        "insights": said,
    }
    return doc, table
