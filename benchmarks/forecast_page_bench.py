"""Benchmark the server-side work of every forecast-page callback.

Builds a warehouse from ../shared/data into a temp dir and runs `carsight forecast` on it
(or takes `--db`, a warehouse that already holds a run), points the app's settings at it
and calls each callback of `callbacks.forecast` as a plain function (as tests/callbacks
does), N times, cycling through every stored series, the languages, the metric scopes
and the band model. Times include building the figures and components, not their JSON
serialisation or the network. The first call of each callback right after the read
cache is cleared is reported separately ("first call"); the p50/p95 columns are the
calls after it. Target: p95 <= 100 ms. Usage:

    python benchmarks/forecast_page_bench.py [--db PATH] [--series-filter TEXT] [--n 200]

Prints a Markdown table (milliseconds).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import SHARED, latency_table, percentile  # noqa: E402  (benchmarks/ is on sys.path)

TARGET_MS = 100.0


def prepare(tmp: Path, series_filter: str | None) -> Path:
    """The shared data built into `tmp`, then `carsight forecast` run on it."""
    from tests.forecast_support import run_forecast
    from warehouse.build import build

    db = tmp / "warehouse.duckdb"
    start = time.perf_counter()
    build([SHARED], db)
    built = time.perf_counter()
    run_forecast(db, series_filter=series_filter)
    print(
        f"build {built - start:.1f} s, forecast {time.perf_counter() - built:.1f} s",
        file=sys.stderr,
    )
    return db


Case = Callable[[dict, dict, int], Any]


def cases(cb: Any) -> list[tuple[str, Case]]:
    """(name, call(spec, controls, i)) for every forecast callback, in page order."""
    from analytics.forecast.view import MODELS, SCOPES

    def lang(i: int) -> str:
        return ("ko", "en")[i % 2]

    def scope(i: int) -> str:
        return SCOPES[i % len(SCOPES)]

    def band(i: int) -> str:
        return MODELS[i % 3]  # selected, ensemble, lightgbm

    return [
        (
            "choose_series",
            lambda spec, c, i: cb.choose_series(c, scope(i), band(i), bool(i % 2), lang(i), []),
        ),
        ("view_url", lambda spec, c, i: cb.view_url(scope(i), band(i), bool(i % 2), spec)),
        (
            "show_url_problems",
            lambda spec, c, i: cb.show_url_problems(
                [{"param": "market", "value": "Atlantis", "kind": "unavailable", "fallback": None}],
                lang(i),
            ),
        ),
        ("render_status", lambda spec, c, i: cb.render_status(spec, lang(i))),
        (
            "model_choices",
            lambda spec, c, i: cb.model_choices(
                spec, lang(i), band(i), ["selected", "seasonal_naive"]
            ),
        ),
        (
            "render_chart",
            lambda spec, c, i: cb.render_chart(
                spec, ["selected", "seasonal_naive", "prophet"], band(i), bool(i % 2), lang(i)
            ),
        ),
        ("render_metrics", lambda spec, c, i: cb.render_metrics(spec, scope(i), lang(i))),
        ("render_quarters", lambda spec, c, i: cb.render_quarters(spec, band(i), lang(i))),
        ("download_quarters", lambda spec, c, i: cb.download_quarters(1, spec, band(i))),
        ("render_leaderboard", lambda spec, c, i: cb.render_leaderboard(spec, scope(i), lang(i))),
    ]


def run(db: Path, n: int) -> tuple[list[dict[str, Any]], int]:
    from analytics.forecast.view import TOTAL, item_value
    from app.services import install as use_settings
    from app.settings import load_settings
    from warehouse import forecast_read
    from warehouse.connection import Warehouse

    use_settings(load_settings(db=db))
    import callbacks.forecast as cb

    wh = Warehouse(db)
    runs = forecast_read.load_runs(wh)
    if runs.is_empty():
        raise SystemExit(f"{db} holds no forecast run: run `carsight forecast --db {db}`.")
    series = forecast_read.load_series(wh, run_id=runs.item(0, "run_id"))
    controls = [
        {
            "brand": r["brand"],
            "flow": r["flow"],
            "market": r["market"] or TOTAL,
            "item": item_value(r["model"], r["plant"]),
        }
        for r in series.to_dicts()
    ]
    specs = [
        cb.choose_series(c, "latest_cutoff", "selected", False, "ko", [])["spec"] for c in controls
    ]
    assert all(s["series_id"] for s in specs), "every stored series must be reachable"
    rows = []
    for name, call in cases(cb):
        forecast_read.clear_cache()
        start = time.perf_counter()
        call(specs[0], controls[0], 0)
        cold = time.perf_counter() - start
        times = []
        for i in range(n):
            k = i % len(specs)
            start = time.perf_counter()
            call(specs[k], controls[k], i)
            times.append(time.perf_counter() - start)
        rows.append(
            {
                "callback": name,
                "cold_ms": cold * 1000,
                "p50": percentile(times, 50),
                "p95": percentile(times, 95),
            }
        )
    return rows, len(specs)


def markdown(rows: list[dict[str, Any]], n: int, n_series: int) -> str:
    return latency_table(
        rows,
        TARGET_MS,
        f"N = {n} calls per callback over {n_series} stored "
        "series (each series first read from the warehouse once, then from "
        "the memo), ko/en, scopes and band models alternating.",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a warehouse that holds a forecast run")
    parser.add_argument("--series-filter", help="passed to `carsight forecast` (no --db)")
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="carsight-forecastbench-") as tmp:
        db = args.db or prepare(Path(tmp), args.series_filter)
        rows, n_series = run(db, args.n)
        print(markdown(rows, args.n, n_series))


if __name__ == "__main__":
    main()
