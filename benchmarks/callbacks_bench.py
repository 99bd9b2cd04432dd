"""Benchmark the analytics behind each global-strategy callback.

For every warehouse and source, times N repetitions (varying the focus market)
of what a callback does on the server: the sales frame from `cached_sales`
(warm: cache hit; cold: cache cleared, so a DuckDB query + Polars cast), then
top10, deviation, heatmap (on the sales frame, and on the memoised
market x model aggregate that gives identical results), recommend (including
the competitor query; its aggregate is built once per frame, timed cold
separately), priority and stock_cover. Reports p50 and p95 in milliseconds.
Usage:

    python benchmarks/callbacks_bench.py [--db PATH ...] [--n 50] [--cold-n 5]
        [--sources customers,overseas_retail]

Without --db: a warehouse built from ../shared/data into a temp dir, plus
/tmp/bigwh/w.duckdb (10M fact rows, `carsight generate --scale 100`) when it
exists. Targets (warm): p95 <= 100 ms on shared data, <= 300 ms on 10M rows.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import REPO, SHARED, percentile  # noqa: E402, F401  (benchmarks/ is on sys.path)

BIG = Path("/tmp/bigwh/w.duckdb")

from analytics import momentum as momentum_mod  # noqa: E402
from analytics import sales as sales_mod  # noqa: E402
from analytics.competitors import load_competitor_context  # noqa: E402
from analytics.deviation import deviation  # noqa: E402
from analytics.heatmap import heatmap  # noqa: E402
from analytics.momentum import market_model_units  # noqa: E402
from analytics.priority import priority, stock_cover  # noqa: E402
from analytics.recommend import recommend  # noqa: E402
from analytics.sales import SalesFilter, cached_sales  # noqa: E402
from analytics.top10 import top10  # noqa: E402
from warehouse.connection import Warehouse  # noqa: E402


def timed(fn: Callable[[int], Any], n: int) -> list[float]:
    out = []
    for i in range(n):
        start = time.perf_counter()
        fn(i)
        out.append(time.perf_counter() - start)
    return out


def bench_source(wh: Warehouse, source: str, n: int, cold_n: int) -> list[dict[str, Any]]:
    flt = SalesFilter(source=source)
    sales_mod._CACHE.clear()
    brands = ["all", "Hyundai", "Kia"]

    def cold(i: int) -> None:
        sales_mod._CACHE.clear()
        cached_sales(wh, SalesFilter(source=source, brand=brands[i % len(brands)]))

    cold_times = timed(cold, cold_n)
    # The first call of recommend, priority or momentum on a new frame also
    # builds the market x model aggregate: timed as its own cold step below.
    frame = cached_sales(wh, flt)

    def cold_aggregate(i: int) -> None:
        momentum_mod._MEMO.clear()
        market_model_units(frame)

    aggregate_times = timed(cold_aggregate, cold_n)
    markets = (
        frame.group_by("market")
        .len()
        .sort(["len", "market"], descending=[True, False])
        .get_column("market")
        .to_list()
    )
    if not markets:
        return []

    def market(i: int) -> str:
        return markets[i % len(markets)]

    def models(m: str) -> dict[str, int]:
        top = top10(frame, market=m)
        return {name: 100 * (k + 1) for k, name in enumerate(top.get_column("model"))}

    stocks = {m: models(m) for m in markets}

    def sales() -> Any:
        return cached_sales(wh, flt)

    def do_heatmap(i: int, source: Callable[[], Any] = sales) -> None:
        chosen = [market(i + k) for k in range(min(4, len(markets)))]
        heatmap(source(), markets=chosen, top_n=5, measure="units" if i % 2 else "share")

    def agg() -> Any:
        return market_model_units(sales())

    def do_recommend(i: int) -> None:
        m = market(i)
        rivals, ours = load_competitor_context(wh, flt, market=m)
        recommend(sales(), market=m, competitors=rivals, our_units=ours)

    steps: dict[str, Callable[[int], Any]] = {
        "load (warm)": lambda i: sales(),
        "top10": lambda i: top10(sales(), market=market(i)),
        "deviation": lambda i: deviation(sales(), market=market(i)),
        "heatmap": do_heatmap,
        "top10 on aggregate": lambda i: top10(agg(), market=market(i)),
        "deviation on aggregate": lambda i: deviation(agg(), market=market(i)),
        "heatmap on aggregate": lambda i: do_heatmap(i, agg),
        "recommend": do_recommend,
        "priority": lambda i: priority(sales(), market=market(i)),
        "stock_cover": lambda i: stock_cover(sales(), market=market(i), stock=stocks[market(i)]),
    }
    results = [
        {"step": "load (cold)", "n": cold_n, "times": cold_times},
        {"step": "market x model aggregate (cold)", "n": cold_n, "times": aggregate_times},
    ]
    results += [{"step": name, "n": n, "times": timed(fn, n)} for name, fn in steps.items()]
    return [
        {
            "source": source,
            "rows": frame.height,
            "step": r["step"],
            "n": r["n"],
            "p50_ms": round(percentile(r["times"], 50), 2),
            "p95_ms": round(percentile(r["times"], 95), 2),
        }
        for r in results
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--db",
        type=Path,
        action="append",
        help="warehouse to time (repeatable) [default: shared data + 10M]",
    )
    parser.add_argument("--n", type=int, default=50, help="repetitions per step")
    parser.add_argument("--cold-n", type=int, default=5, help="repetitions of the cold load")
    parser.add_argument(
        "--sources", default=",".join(sales_mod.SOURCES), help="comma-separated sources"
    )
    args = parser.parse_args()
    sources = [s for s in args.sources.split(",") if s]
    with tempfile.TemporaryDirectory(prefix="carsight-cbbench-") as tmp:
        dbs: list[tuple[str, Path]] = [(str(p), p) for p in args.db or []]
        if not dbs:
            from warehouse.build import build

            shared_db = Path(tmp) / "shared.duckdb"
            build([SHARED], shared_db)
            dbs.append(("shared_data", shared_db))
            if BIG.is_file():
                dbs.append(("generated_10M", BIG))
            else:
                print(f"skipping the 10M-row warehouse: {BIG} not found", file=sys.stderr)
        rows = []
        for name, db in dbs:
            wh = Warehouse(db)
            for source in sources:
                for r in bench_source(wh, source, args.n, args.cold_n):
                    rows.append({"warehouse": name, **r})
                    print(json.dumps(rows[-1]), file=sys.stderr)
            wh.close()
    print("| warehouse | source | frame rows | step | n | p50 ms | p95 ms |")
    print("|---|---|---:|---|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['warehouse']} | {r['source']} | {r['rows']:,} | {r['step']} | {r['n']} "
            f"| {r['p50_ms']:.1f} | {r['p95_ms']:.1f} |"
        )


if __name__ == "__main__":
    main()
