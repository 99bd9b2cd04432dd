"""`carsight analyze`: the global strategy page's analyses as a command.

Built on the same analytics functions the page callbacks use, so the JSON
carries the same fields and numbers the page shows. Errors in the filter
(unknown market, source, brand or period) are one line, `error: ...`, listing
the valid values, with exit code 2.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from app.cli.common import EXIT_REFUSED

ANALYSES = ("top10", "deviation", "heatmap", "recommend")


class _Refused(Exception):
    """A user input we cannot run with; the message says what is valid."""


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _market(value: str, known: list[str], source: str) -> str:
    from analytics.sales import InvalidFilter, normalise_market

    try:
        market = normalise_market(value)
    except InvalidFilter:
        raise _Refused(
            f"unknown market '{value}'; valid: {', '.join(known) or 'none'} "
            "(canonical names or Korean labels, e.g. 대한민국)"
        ) from None
    if market not in known:
        raise _Refused(
            f"market '{value}' has no sales for source {source} in this filter; "
            f"markets with data: {', '.join(known) or 'none'}"
        )
    return market


def _rows(frame: Any) -> list[dict[str, Any]]:
    return frame.to_dicts()  # type: ignore[no-any-return]


def run_analysis(
    analysis: str,
    *,
    db: Path,
    source: str,
    brand: str,
    market: str | None,
    markets: list[str],
    top_n: int | None,
    threshold: float,
    measure: str,
    period_from: str | None,
    period_to: str | None,
    vehicle_types: list[str],
    powertrains: list[str],
    lang: str,
) -> tuple[dict[str, Any], Any]:
    """(JSON document, table for CSV) for one analysis; raises _Refused on bad input."""
    import polars as pl

    from analytics.deviation import deviation
    from analytics.heatmap import heatmap
    from analytics.momentum import market_model_units
    from analytics.sales import InvalidFilter, SalesFilter, cached_sales, parse_year_month
    from analytics.top10 import top10
    from warehouse.connection import Warehouse
    from warehouse.errors import FileRefused

    flt = SalesFilter(
        source=source,
        brand=brand,
        period_from=period_from,
        period_to=period_to,
        vehicle_types=tuple(vehicle_types),
        powertrains=tuple(powertrains),
    )
    try:
        flt = flt.validated()
        if (
            period_from
            and period_to
            and (parse_year_month(period_from) > parse_year_month(period_to))
        ):
            raise InvalidFilter(f"--from {period_from} is after --to {period_to}")
        if not Path(db).is_file():
            raise _Refused(f"no warehouse at {db}; run `carsight build` first or pass --db")
        wh = Warehouse(db)
        sales = cached_sales(wh, flt)
        totals = market_model_units(sales)
    except (InvalidFilter, FileRefused) as exc:
        raise _Refused(str(exc)) from None
    known = sorted(totals.get_column("market").unique().to_list())
    spec: dict[str, Any] = {
        "source": flt.source,
        "brand": flt.brand,
        "from": flt.period_from,
        "to": flt.period_to,
        "vehicle_types": list(flt.vehicle_types),
        "powertrains": list(flt.powertrains),
    }
    doc: dict[str, Any] = {"analysis": analysis, "filter": spec}

    if analysis == "heatmap":
        chosen = [_market(m, known, flt.source) for m in markets] if markets else known
        n = top_n if top_n is not None else 5
        table = heatmap(
            totals, markets=chosen, top_n=n, measure="share" if measure == "share" else "units"
        )
        doc.update(markets=chosen, top_n=n, measure=measure, rows=_rows(table))
        return doc, table

    if not market:
        raise _Refused(
            f"{analysis} needs --market; markets with data: {', '.join(known) or 'none'}"
        )
    focus = _market(market, known, flt.source)
    doc["market"] = focus

    if analysis == "top10":
        n = top_n if top_n is not None else 10
        table = top10(totals, market=focus, n=n)
        doc.update(top_n=n, rows=_rows(table))
        return doc, table

    from app.i18n.global_strategy import render, render_deviation

    if analysis == "deviation":
        dev = deviation(totals, market=focus, threshold_pp=threshold)
        texts = [
            render_deviation(r, lang) if r["status"] != "neutral" else None
            for r in dev.select("model", "deviation_pp", "status").to_dicts()
        ]
        table = dev.with_columns(pl.Series("text", texts, dtype=pl.Utf8))
        doc.update(threshold_pp=threshold, rows=_rows(table))
        return doc, table

    from analytics.competitors import load_competitor_context
    from analytics.recommend import recommend

    rivals, ours = load_competitor_context(wh, flt, market=focus)
    recs = recommend(
        sales, market=focus, competitors=rivals, our_units=ours, threshold_pp=threshold
    )
    rows = [
        {"kind": r.kind, "model": r.model, "values": r.values, "text": render(r, lang)}
        for r in recs
    ]
    table = pl.DataFrame(
        {
            "kind": [r["kind"] for r in rows],
            "model": [r["model"] for r in rows],
            "text": [r["text"] for r in rows],
            "values": [json.dumps(r["values"], ensure_ascii=False) for r in rows],
        },
        schema={"kind": pl.Utf8, "model": pl.Utf8, "text": pl.Utf8, "values": pl.Utf8},
    )
    doc.update(threshold_pp=threshold, rows=rows)
    return doc, table


@click.command()
@click.argument("analysis", metavar="ANALYSIS")
@click.option("--brand", default="all", show_default=True, help="hyundai, kia or all.")
@click.option(
    "--source",
    default="customers",
    show_default=True,
    help="customers, or an IR flow: overseas_retail, eu_retail, domestic_sales, "
    "overseas_plant_sales.",
)
@click.option("--market", help="Focus market: canonical name or Korean label (대한민국).")
@click.option("--markets", help="Heatmap markets, comma-separated [default: all with data].")
@click.option("--top-n", type=int, help="Models to show [top10: 10, heatmap: 5].")
@click.option(
    "--threshold",
    type=float,
    default=5.0,
    show_default=True,
    help="Deviation threshold in percentage points.",
)
@click.option(
    "--measure",
    type=click.Choice(["units", "share"]),
    default="units",
    show_default=True,
    help="Heatmap cells: vehicles or within-market share.",
)
@click.option("--year", type=int, help="exports, competitors: the year [default: the latest].")
@click.option("--from", "period_from", help="First month, YYYY-MM (inclusive).")
@click.option("--to", "period_to", help="Last month, YYYY-MM (inclusive).")
@click.option("--vehicle-type", "vehicle_types", help="Vehicle types, comma-separated.")
@click.option("--powertrain", "powertrains", help="Powertrains, comma-separated (ICE, EV, ...).")
@click.option("--db", type=click.Path(path_type=Path), help="Warehouse file [env CARSIGHT_DB].")
@click.option("--lang", type=click.Choice(["ko", "en"]), help="Language of generated text.")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True
)
def analyze(
    analysis: str,
    brand: str,
    source: str,
    market: str | None,
    markets: str | None,
    top_n: int | None,
    threshold: float,
    measure: str,
    year: int | None,
    period_from: str | None,
    period_to: str | None,
    vehicle_types: str | None,
    powertrains: str | None,
    db: Path | None,
    lang: str | None,
    fmt: str,
) -> None:
    """Run one analysis of the strategy, dealer or explorer pages; print JSON or CSV.

    ANALYSIS is one of top10, deviation, heatmap, recommend (strategy page),
    segments, clusters, insights, regions (dealer page) or exports, models, plants,
    retail, competitors (market explorer).

    Example: carsight analyze deviation --brand hyundai --source customers
    --market 대한민국 --format json

    Dealer analyses (segments, clusters, insights, regions) take one --brand and
    optionally --market, --from and --to (purchase months). `regions` gives one row
    per region (short 시·도 name or US state code) with its customers and top body
    type and model with shares, e.g. carsight analyze regions --brand kia --format csv

    Explorer analyses: e.g. carsight analyze exports --brand hyundai --year 2024 --format
    csv gives per region the year's total, share, year-over-year change and peak month.
    """
    from app.cli.analyze_dealer import DEALER_ANALYSES, DealerRefused, run_dealer_analysis
    from app.cli.analyze_explorer import (
        EXPLORER_ANALYSES,
        ExplorerRefused,
        run_explorer_analysis,
    )
    from app.cli.analyze_region import REGION_ANALYSES, run_region_analysis
    from app.settings import load_settings

    try:
        known = (*ANALYSES, *DEALER_ANALYSES, *REGION_ANALYSES, *EXPLORER_ANALYSES)
        if analysis not in known:
            valid = ", ".join(known)
            raise _Refused(f"unknown analysis '{analysis}'; valid: {valid}")
        if top_n is not None and top_n < 1:
            raise _Refused(f"--top-n must be at least 1, got {top_n}")
        try:
            settings = load_settings(db=db)
        except Exception as exc:  # pydantic ValidationError or a bad carsight.toml
            raise _Refused(f"invalid settings: {exc}".replace("\n", " ")) from None
        if analysis in EXPLORER_ANALYSES:
            try:
                doc, table = run_explorer_analysis(
                    analysis,
                    db=settings.db,
                    brand=brand,
                    year=year,
                    market=market,
                    period_from=period_from,
                    period_to=period_to,
                    top_n=top_n,
                    lang=lang or settings.language,
                )
            except ExplorerRefused as exc:
                raise _Refused(str(exc)) from None
        elif analysis in DEALER_ANALYSES or analysis in REGION_ANALYSES:
            dealer_filter = {
                "db": settings.db,
                "brand": brand,
                "market": market,
                "period_from": period_from,
                "period_to": period_to,
                "lang": lang or settings.language,
            }
            try:
                doc, table = (
                    run_region_analysis(**dealer_filter)
                    if analysis in REGION_ANALYSES
                    else run_dealer_analysis(
                        analysis, artifacts_dir=settings.artifacts_dir, **dealer_filter
                    )
                )
            except DealerRefused as exc:
                raise _Refused(str(exc)) from None
        else:
            doc, table = run_analysis(
                analysis,
                db=settings.db,
                source=source,
                brand=brand,
                market=market,
                markets=_split(markets),
                top_n=top_n,
                threshold=threshold,
                measure=measure,
                period_from=period_from,
                period_to=period_to,
                vehicle_types=_split(vehicle_types),
                powertrains=_split(powertrains),
                lang=lang or settings.language,
            )
    except _Refused as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_REFUSED)
    if fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        from warehouse.export import csv_text

        click.echo(csv_text(table), nl=False)
