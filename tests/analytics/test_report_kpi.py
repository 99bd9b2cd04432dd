"""KPIs with year-over-year change: only months reported in both years compare."""

from __future__ import annotations

import polars as pl

from analytics.report.kpi import ROWS_SCHEMA, kpis


def _sales(rows: list[tuple]) -> pl.DataFrame:
    """rows: (market, model, year, month, units, amount_krw)."""
    return pl.DataFrame(
        [
            {"market": m, "model": mo, "year": y, "month": mon, "units": u, "amount_krw": a}
            for m, mo, y, mon, u, a in rows
        ],
        schema=ROWS_SCHEMA,
    )  # fmt: skip


def _row(frame: pl.DataFrame, metric: str) -> dict:
    return frame.filter(metric=metric).row(0, named=True)


def test_units_compare_only_months_reported_in_both_years():
    sales = _sales(
        [
            ("USA", "K5", 2023, 1, 10, None),
            ("USA", "K5", 2024, 1, 15, None),  # Jan: 15 vs 10
            ("Korea", "K5", 2024, 1, 5, None),  # Jan: + 5 -> 20 vs 10
            ("USA", "K5", 2024, 2, 7, None),  # Feb 2023 not reported: not compared
        ]
    )
    out = kpis(sales, period_from="2024-01", period_to="2024-12")
    units = _row(out, "units")
    assert units["value"] == 27  # 15 + 5 + 7
    assert units["value_compared"] == 20  # January only
    assert units["previous"] == 10
    assert units["yoy_pct"] == 100.0  # (20 / 10 - 1) * 100
    assert units["months_reported"] == 2
    assert units["months_compared"] == 1


def test_revenue_is_missing_when_the_source_has_no_amounts():
    sales = _sales([("USA", "K5", 2023, 1, 10, None), ("USA", "K5", 2024, 1, 12, None)])
    revenue = _row(kpis(sales, period_from="2024-01", period_to=None), "revenue_krw")
    assert revenue["value"] is None and revenue["yoy_pct"] is None


def test_revenue_yoy_in_percent_rounded_to_a_tenth():
    sales = _sales([("USA", "K5", 2023, 3, 1, 3_000), ("USA", "K5", 2024, 3, 1, 4_000)])
    revenue = _row(kpis(sales, period_from="2024-01", period_to="2024-12"), "revenue_krw")
    assert revenue["yoy_pct"] == 33.3  # (4000 / 3000 - 1) * 100 = 33.33


def test_no_earlier_year_means_no_change_not_zero():
    sales = _sales([("USA", "K5", 2024, 1, 9, None)])
    units = _row(kpis(sales, period_from=None, period_to=None), "units")
    assert units["value"] == 9
    assert units["previous"] is None and units["yoy_pct"] is None
    assert units["months_compared"] == 0


def test_distinct_markets_and_models_are_counted():
    sales = _sales(
        [
            ("USA", "K5", 2024, 1, 1, None),
            ("USA", "EV6", 2024, 1, 1, None),
            ("Korea", "K5", 2024, 2, 1, None),
        ]
    )
    out = kpis(sales, period_from=None, period_to=None)
    assert _row(out, "markets")["value"] == 2
    assert _row(out, "models")["value"] == 2
