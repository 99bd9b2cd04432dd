"""Benchmark the server-side work of every dealer-page callback.

Builds a warehouse from ../shared/data into a temp dir, runs `carsight train`
on it, points the app's settings at the result and calls each callback of
`callbacks.dealer` as a plain function (as tests/callbacks does), N times,
varying the brand (Hyundai, Kia) and the market (전체 and every customer
market). Times include building the figures and components, not their JSON
serialisation or the network. The server-side cache (dealer frame and
contacts per brand, loaded models per version) is warmed first; the first
(cold) call of each callback is reported separately. Target: warm p95 <= 100 ms.
Usage:

    python benchmarks/dealer_bench.py [--db PATH --artifacts DIR] [--n 50]

Prints a Markdown table (p50 / p95 in milliseconds).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import build_and_train, latency_table, percentile  # noqa: E402  (benchmarks/ is on sys.path)

TARGET_MS = 100.0


def cases(cb: Any) -> list[tuple[str, Callable[[dict, str], Any]]]:
    """(name, call(spec, market)) for every dealer callback, in page order."""

    def drilldown(spec: dict, lang: str) -> Any:
        _options, market = cb.drill_markets(spec, lang, None)
        _models, model = cb.drill_models(market, spec, None)
        return cb.render_drilldown(market, model, lang, spec)

    return [
        ("filter_choices", lambda spec, lang: cb.filter_choices(spec["brand"], lang)),
        (
            "resolve_filters",
            lambda spec, lang: cb.resolve_filters(
                spec["brand"], spec["market"] or "all", "all", "all"
            ),
        ),
        ("render_status", cb.render_status),
        ("render_segments", cb.render_segments),
        ("render_clusters", cb.render_clusters),
        ("render_pca", cb.render_pca),
        ("render_model_cluster", cb.render_model_cluster),
        ("render_insights", cb.render_insights),
        ("drill_markets", lambda spec, lang: cb.drill_markets(spec, lang, None)),
        ("drill_models", lambda spec, lang: cb.drill_models(spec["market"] or "Korea", spec, None)),
        ("render_drilldown (markets + models + drilldown)", drilldown),
        (
            "model_from_click",
            lambda spec, lang: cb.model_from_click({"points": [{"customdata": "Avante"}]}),
        ),
        ("render_customers", cb.render_customers),
        ("export_customers", lambda spec, lang: cb.export_customers(1)),
    ]


def run(db: Path, artifacts: Path, n: int) -> list[dict[str, Any]]:
    from app.services import install as use_settings
    from app.settings import load_settings

    use_settings(load_settings(db=db, artifacts_dir=artifacts))
    import callbacks.dealer as cb

    specs = []
    for brand in cb.BRANDS:
        markets = [o["value"] for o in cb.filter_choices(brand, "ko")[0]]
        specs += [cb.resolve_filters(brand, m, "all", "all")[0] for m in markets]
    rows = []
    cb._CACHE.clear()
    for name, call in cases(cb):
        start = time.perf_counter()
        call(specs[0], "ko")  # cold for the callbacks that load (first brand)
        cold = time.perf_counter() - start
        for spec in specs:  # warm every brand's cache: the table reports warm calls
            call(spec, "ko")
        times = []
        for i in range(n):
            spec, lang = specs[i % len(specs)], ("ko", "en")[i % 2]
            start = time.perf_counter()
            call(spec, lang)
            times.append(time.perf_counter() - start)
        rows.append(
            {
                "callback": name,
                "cold_ms": cold * 1000,
                "p50": percentile(times, 50),
                "p95": percentile(times, 95),
            }
        )
    return rows


def markdown(rows: list[dict[str, Any]], n: int) -> str:
    return latency_table(
        rows,
        TARGET_MS,
        f"N = {n} warm calls per callback, brand x market "
        "varied (Hyundai/Kia x 전체 + each market), ko/en alternating.",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a trained warehouse (with --artifacts)")
    parser.add_argument("--artifacts", type=Path, help="the artifacts dir of --db's training")
    parser.add_argument("--n", type=int, default=50)
    args = parser.parse_args()
    if bool(args.db) != bool(args.artifacts):
        parser.error("--db and --artifacts go together (a trained warehouse and its models)")
    with tempfile.TemporaryDirectory(prefix="carsight-dealerbench-") as tmp:
        db, artifacts = (args.db, args.artifacts) if args.db else build_and_train(Path(tmp))
        print(markdown(run(db, artifacts, args.n), args.n))


if __name__ == "__main__":
    main()
