"""The market explorer's tables for `carsight analyze exports|models|plants|retail|competitors`.

Like `app.cli.analyze_dealer`, this registers nothing: `run_explorer_analysis` returns the
(JSON document, CSV table) pair `app.cli.analyze.analyze` prints. It runs the analytics
the explorer pages use (analytics.explorer), so the numbers are the pages' numbers:

- exports: per region of one year, the total, share, year-over-year change (same
  months a year earlier) and peak month (YYYY-MM);
- models: the top models of each year of the period, with each model's seasonality
  class (coefficient of variation < 0.3 year-round, >= 0.5 seasonal);
- plants: per plant, the units, share, domestic and export figures and export ratio;
- retail: per market, the units, volatility, peak and low months and, per year, the
  EV and ICE shares;
- competitors: for one market and year, each competitor model with our counter-model
  and the reason for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

EXPLORER_ANALYSES = ("exports", "models", "plants", "retail", "competitors")


class ExplorerRefused(ValueError):
    """A value we cannot run with; the message says what is valid."""


def _brand(value: str | None) -> str:
    from analytics.sales import InvalidFilter, normalise_brand

    try:
        return normalise_brand(value or "all")
    except InvalidFilter as exc:
        raise ExplorerRefused(
            str(exc).replace("valid: hyundai, kia, all", "valid: hyundai, kia, both")
        ) from None


def _month(value: str | None, name: str) -> str | None:
    from analytics.sales import InvalidFilter, parse_year_month

    if value is None:
        return None
    try:
        ym = parse_year_month(value, name)
    except InvalidFilter as exc:
        raise ExplorerRefused(f"--{exc}") from None
    return f"{ym // 100:04d}-{ym % 100:02d}"


def _year(value: int | None, years: list[int], what: str) -> int:
    if not years:
        raise ExplorerRefused(f"the warehouse has no {what}; run `carsight build` with those files")
    if value is None:
        return years[-1]
    if value not in years:
        raise ExplorerRefused(
            f"--year {value} has no {what}; years with data: {', '.join(map(str, years))}"
        )
    return value


def _rows(frame: Any) -> list[dict[str, Any]]:
    return frame.to_dicts()  # type: ignore[no-any-return]


def run_explorer_analysis(
    analysis: str,
    *,
    db: Path,
    brand: str | None,
    year: int | None,
    market: str | None,
    period_from: str | None,
    period_to: str | None,
    top_n: int | None,
    lang: str = "ko",
) -> tuple[dict[str, Any], Any]:
    """(JSON document, Polars table for CSV) of one explorer analysis; ExplorerRefused on
    bad input."""
    import polars as pl

    from analytics.explorer import competitors, exports, models, plants, retail
    from analytics.explorer.common import years_of
    from analytics.explorer.load import load_frame
    from warehouse.catalogue import read_dim_model
    from warehouse.connection import Warehouse
    from warehouse.errors import FileRefused

    if not Path(db).is_file():
        raise ExplorerRefused(f"no warehouse at {db}; run `carsight build` first or pass --db")
    chosen = _brand(brand)
    start, end = _month(period_from, "from"), _month(period_to, "to")
    if start and end and start > end:
        raise ExplorerRefused(f"--from {start} is after --to {end}")
    wh = Warehouse(db)
    doc: dict[str, Any] = {"analysis": analysis, "brand": chosen}
    try:
        if analysis == "exports":
            months = exports.region_months(
                load_frame(wh, "exports"), brand=chosen, period_from=None, period_to=None
            )
            picked = _year(year, years_of(months), f"region exports for brand {chosen}")
            table = exports.yearly_summary(months, year=picked)
            reported = months.filter(pl.col("year") == picked).get_column("month").n_unique()
            doc.update(year=picked, months_reported=reported, rows=_rows(table))
            return doc, table
        if analysis == "models":
            rows = models.model_rows(
                load_frame(wh, "models"), brand=chosen, flow="both", period_from=start,
                period_to=end,
            )  # fmt: skip
            n = top_n if top_n is not None else 10
            classes = models.model_seasonality(rows).select("model", "cv", "cv_class")
            table = models.top_per_year(rows, n=n).join(classes, on="model", how="left")
            doc.update({"from": start, "to": end, "top_n": n, "rows": _rows(table)})
            return doc, table
        if analysis == "plants":
            rows = plants.plant_rows(
                load_frame(wh, "plants"), brand=chosen, period_from=start, period_to=end
            )
            table = plants.plant_totals(rows).join(
                plants.domestic_export(rows), on="plant", how="left"
            )
            doc.update({"from": start, "to": end, "rows": _rows(table)})
            return doc, table
        if analysis == "retail":
            rows = retail.retail_rows(
                load_frame(wh, "retail"), brand=chosen, period_from=start, period_to=end
            )
            summary = retail.market_summary(retail.market_months(rows))
            ev = retail.ev_share_by_year(rows).select(
                "market", "year", "ev_share", "ice_share", "unstated_share", "change_pp"
            )
            doc.update({"from": start, "to": end, "rows": _rows(summary), "ev_by_year": _rows(ev)})
            return doc, summary
        frame = load_frame(wh, "competitors")
        picked = _year(year, years_of(frame), "competitor figures")
        markets = sorted(frame.filter(pl.col("year") == picked).get_column("market").unique())
        focus = _competitor_market(market, markets)
        table = competitors.counter_models(
            frame,
            local=load_frame(wh, "local_units"),
            dim_model=read_dim_model(wh),
            brand=chosen,
            market=focus,
            year=picked,
        )
        from app.i18n.explorer import counter_sentence

        texts = [counter_sentence(r, lang) for r in table.to_dicts()]
        table = table.with_columns(pl.Series("text", texts, dtype=pl.Utf8))
        doc.update(year=picked, market=focus, rows=_rows(table))
        return doc, table
    except FileRefused as exc:
        raise ExplorerRefused(str(exc)) from None


def _competitor_market(value: str | None, markets: list[str]) -> str:
    from analytics.sales import InvalidFilter, normalise_market

    if not value:
        raise ExplorerRefused(
            f"competitors needs --market; markets with data: {', '.join(markets) or 'none'}"
        )
    try:
        market = normalise_market(value)
    except InvalidFilter:
        market = None
    if market not in markets:
        raise ExplorerRefused(
            f"unknown or unlisted market '{value}'; markets with data: {', '.join(markets)} "
            "(canonical names or Korean labels, e.g. 미국)"
        )
    return market
