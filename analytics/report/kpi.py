"""Headline numbers of a period with their year-over-year change."""

from __future__ import annotations

import polars as pl

from analytics.sales import SalesFilter, parse_year_month, rows_query
from warehouse.connection import Warehouse

ROWS_SCHEMA = {
    "market": pl.Utf8, "model": pl.Utf8, "year": pl.Int32, "month": pl.Int32,
    "units": pl.Int64, "amount_krw": pl.Int64,
}  # fmt: skip

KPI_SCHEMA = {
    "metric": pl.Utf8,
    "value": pl.Float64,
    "value_compared": pl.Float64,
    "previous": pl.Float64,
    "yoy_pct": pl.Float64,
    "months_reported": pl.Int64,
    "months_compared": pl.Int64,
}
METRICS: tuple[str, ...] = ("units", "revenue_krw", "markets", "models")


def _ym() -> pl.Expr:
    return pl.col("year") * 100 + pl.col("month")


def _in_period(period_from: str | None, period_to: str | None) -> pl.Expr:
    low = parse_year_month(period_from, "from") if period_from else 0
    high = parse_year_month(period_to, "to") if period_to else 999_999
    return _ym().is_between(low, high)


def _measures(frame: pl.DataFrame) -> dict[str, float | None]:
    amounts = frame.get_column("amount_krw")
    return {
        "units": float(frame.get_column("units").sum()),
        "revenue_krw": float(amounts.sum()) if amounts.is_not_null().any() else None,
        "markets": float(frame.get_column("market").drop_nulls().n_unique()),
        "models": float(frame.get_column("model").drop_nulls().n_unique()),
    }


def load_kpi_rows(warehouse: Warehouse, flt: SalesFilter) -> pl.DataFrame:
    """Units (vehicles) and amounts (KRW) per month, market and model of the filter's
    source and brand over ALL months (the period is applied by `kpis`, which needs
    the year before it): ROWS_SCHEMA. Same `sales_rows` as every strategy view."""
    query, params = rows_query(SalesFilter(flt.source, flt.brand), "marts/report_kpi_rows")
    return warehouse.frame(query, params).cast(ROWS_SCHEMA)  # type: ignore[arg-type]


def kpis(sales: pl.DataFrame, *, period_from: str | None, period_to: str | None) -> pl.DataFrame:
    """The period's totals and their change against the same months a year earlier.

    `sales`: `load_kpi_rows` (market, model, year, month, units, amount_krw) WITHOUT
    a period filter, so the year before is in it. One row per metric: units
    (vehicles), revenue_krw (KRW; null when the source has no amounts), markets and
    models (distinct counts).
    value: the metric over every reported month of the period. The comparison
    uses only the months reported in BOTH years (months_compared of them;
    unreported months are missing, never zero): value_compared is the metric over
    those months of the period, previous over the same months a year earlier, and
    yoy_pct = (value_compared / previous - 1) * 100, percent rounded to 0.1; all
    three are null when nothing can be compared. months_reported: months of the
    period with data.
    """
    current = sales.filter(_in_period(period_from, period_to))
    months_now = set(current.select(_ym().unique()).to_series().to_list())
    months_before = set(sales.select(_ym().unique()).to_series().to_list())
    matched = sorted(m for m in months_now if (m - 100) in months_before)
    now_all = _measures(current)
    now_matched = _measures(current.filter(_ym().is_in(matched)))
    before = _measures(sales.filter(_ym().is_in([m - 100 for m in matched])))
    rows = []
    for metric in METRICS:
        value, base, same = now_all[metric], before[metric], now_matched[metric]
        comparable = bool(matched) and base not in (None, 0.0) and same is not None
        rows.append(
            {
                "metric": metric,
                "value": value,
                "previous": base if matched else None,
                "value_compared": same if matched else None,
                "yoy_pct": round((same / base - 1) * 100, 1) if comparable else None,  # type: ignore[operator]
                "months_reported": len(months_now),
                "months_compared": len(matched),
            }
        )
    return pl.DataFrame(rows, schema=KPI_SCHEMA)
