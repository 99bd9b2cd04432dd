"""Strategy-page analytics, warm and cold, and the original's pandas-per-request baseline.

Warm: what a callback does per request once its filter is cached (the memo hit
plus the analytics function), cycling through the markets. Cold: the first
request for a new filter spec (the DuckDB aggregation; the source and brand's
choices are cached) and a new source and brand (choices too). Each repetition
of a cold path uses a spec no earlier repetition used, caches cleared.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.bench.core import Baseline, Report, load_average, timed
from app.bench.prepare import Prepared

SOURCES = ("customers", "overseas_retail")
TARGET_WARM_MS = {"ci": 30.0, "small": 30.0, "medium": None, "large": 300.0}
TARGET_COLD_MS = {"ci": 100.0, "small": 100.0, "medium": None, "large": 1000.0}
# New filter specs for the cold path: brand x period, none repeated within a run.
COLD_SPECS = [
    {"brand": b, "period_from": f}
    for f in (None, "2023-04", "2023-07", "2023-10", "2024-01")
    for b in ("all", "Hyundai", "Kia")
]


def _suffix(source: str) -> str:
    return "" if source == "customers" else f"@{source}"


def bench_analytics(report: Report, data: Prepared, n: int) -> dict[str, float]:
    """Every strategy view per source; returns p50 ms of the views the baseline compares."""
    from analytics import sales as sales_mod
    from analytics.competitors import load_competitor_context
    from analytics.deviation import deviation
    from analytics.filters import choices
    from analytics.heatmap import heatmap
    from analytics.markets import market_totals
    from analytics.momentum import market_model_units, momentum
    from analytics.priority import priority, stock_cover
    from analytics.recommend import recommend
    from analytics.sales import SalesFilter, cached_choices, cached_sales, cached_trend
    from analytics.top10 import top10
    from analytics.trend import monthly_series
    from warehouse.connection import Warehouse

    wh = Warehouse(data.db)
    ours: dict[str, float] = {}
    warm_target = TARGET_WARM_MS.get(data.scale)
    cold_target = TARGET_COLD_MS.get(data.scale)
    for source in SOURCES:
        tag = _suffix(source)
        flt = SalesFilter(source=source)
        sales = cached_sales(wh, flt)
        markets = (
            market_totals(sales.months)
            .sort(["units", "market"], descending=[True, False])
            .get_column("market")
            .to_list()
        )
        if not markets:
            report.notes.append(f"{source}: no sales at scale {data.scale}; skipped")
            continue

        def market(i: int, markets: list[str] = markets) -> str:
            return markets[i % len(markets)]

        def agg(flt: Any = flt) -> Any:
            return market_model_units(cached_sales(wh, flt))

        tops = {m: top10(agg(), market=m).get_column("model").to_list() for m in markets}
        stocks = {m: {name: 100 * (k + 1) for k, name in enumerate(tops[m])} for m in markets}

        def trend(i: int, flt: Any = flt, tops: dict = tops) -> Any:
            m = market(i)
            model = tops[m][0] if tops[m] else None
            rows = cached_trend(wh, flt, market=m, model=model) if model else None
            return monthly_series(cached_sales(wh, flt), rows, market=m)

        views: dict[str, Callable[[int], Any]] = {
            "choices": lambda i, flt=flt: choices(cached_choices(wh, flt)),
            "market_totals": lambda i, flt=flt: market_totals(cached_sales(wh, flt).months),
            "top10": lambda i: top10(agg(), market=market(i)),
            "deviation": lambda i: deviation(agg(), market=market(i)),
            "heatmap": lambda i, markets=markets: heatmap(
                agg(),
                markets=[markets[(i + k) % len(markets)] for k in range(min(4, len(markets)))],
                top_n=5,
                measure="units" if i % 2 else "share",
            ),
            "momentum": lambda i, flt=flt: momentum(cached_sales(wh, flt), market=market(i)),
            "priority": lambda i, flt=flt: priority(cached_sales(wh, flt), market=market(i)),
            "stock_cover": lambda i, flt=flt, stocks=stocks: stock_cover(
                cached_sales(wh, flt), market=market(i), stock=stocks[market(i)]
            ),
            "recommend": lambda i, flt=flt: recommend(
                cached_sales(wh, flt),
                market=market(i),
                competitors=(context := load_competitor_context(wh, flt, market=market(i)))[0],
                our_units=context[1],
            ),
            "trend": trend,
        }
        for name, fn in views.items():
            result = report.add(
                f"{name}{tag}",
                timed(fn, n, warmup=len(markets)),
                group="strategy",
                target_ms=warm_target,
            )
            ours[result.name] = result.p50_ms

        cold_times = []
        for spec in COLD_SPECS[: report.repeats + 1]:  # the first is the warm-up
            sales_mod.clear_caches()
            new = SalesFilter(source=source, **spec)
            cached_choices(wh, new)  # the page has the source and brand's choices already
            start = time.perf_counter()
            top10(market_model_units(cached_sales(wh, new)), market=markets[0])
            cold_times.append(time.perf_counter() - start)
        cold_result = report.add(
            f"cold_top10{tag}",
            cold_times[1:],
            group="strategy",
            target_ms=cold_target,
            rows=sales.totals.height,
        )
        ours[cold_result.name] = cold_result.p50_ms

        def cold_choices(i: int, source: str = source) -> None:
            sales_mod.clear_caches()
            brand = ("all", "Hyundai", "Kia")[i % 3]
            choices(cached_choices(wh, SalesFilter(source=source, brand=brand)))

        report.add(
            f"cold_choices{tag}", timed(cold_choices, report.repeats, warmup=1), group="strategy"
        )
    wh.close()
    report.loads["strategy"] = load_average()
    return ours


# --- the original's approach: pandas re-reading the CSV files on every request ----------


def _read_customers(raw: Path) -> Any:
    """Both brands' customer files, as the original read them per callback."""
    import pandas as pd

    frames = []
    for path in sorted((raw / "customers").glob("*.csv")):
        frame = pd.read_csv(path)
        frame.columns = [c.replace(" ", "") for c in frame.columns]
        frames.append(frame)
    df = pd.concat(frames, ignore_index=True)
    df["제품구매날짜"] = pd.to_datetime(df["제품구매날짜"], errors="coerce")
    return df


def pandas_top10(raw: Path, market: str) -> Any:
    df = _read_customers(raw)
    return df[df["국가"] == market].groupby("구매한제품").size().nlargest(10)


def pandas_deviation(raw: Path, market: str) -> Any:
    df = _read_customers(raw)
    here = df[df["국가"] == market].groupby("구매한제품").size() / (df["국가"] == market).sum()
    everywhere = df.groupby("구매한제품").size() / len(df)
    return ((here.reindex(everywhere.index, fill_value=0) - everywhere) * 100).sort_values()


def pandas_heatmap(raw: Path, markets: list[str]) -> Any:
    df = _read_customers(raw)
    chosen = df[df["국가"].isin(markets)]
    top = chosen.groupby("구매한제품").size().nlargest(5).index
    return chosen[chosen["구매한제품"].isin(top)].pivot_table(
        index="구매한제품", columns="국가", values="아이디", aggfunc="count", fill_value=0
    )


def bench_pandas_baseline(report: Report, data: Prepared, ours: dict[str, float]) -> None:
    """top10, deviation and heatmap the original's way, against ours (warm and cold)."""
    markets = _read_customers(data.raw)["국가"].value_counts().index.tolist()

    def market(i: int) -> str:
        return markets[i % len(markets)]

    cases = {
        "top10": lambda i: pandas_top10(data.raw, market(i)),
        "deviation": lambda i: pandas_deviation(data.raw, market(i)),
        "heatmap": lambda i: pandas_heatmap(data.raw, [market(i + k) for k in range(4)]),
    }
    theirs_how = "pandas read_csv of both customer files + filter + groupby, per request"
    for name, fn in cases.items():
        result = report.add(f"pandas_{name}", timed(fn, report.repeats), group="baseline")
        report.baselines.append(
            Baseline(
                name,
                ours_ms=ours[name],
                theirs_ms=result.p50_ms,
                ours="cached DuckDB aggregate + Polars view (a request after the first)",
                theirs=theirs_how,
            )
        )
    report.baselines.append(
        Baseline(
            "cold_top10",
            ours_ms=ours["cold_top10"],
            theirs_ms=report.get("pandas_top10").p50_ms,
            ours="first request for a new filter: DuckDB aggregation + top10",
            theirs=theirs_how,
        )
    )
    report.loads["baseline"] = load_average()
