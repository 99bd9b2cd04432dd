"""Benchmark customer prediction: one customer (the page's path) and batch scoring.

Builds a warehouse from ../shared/data into a temp dir and runs `carsight
train` on it (or uses --artifacts from an earlier run), loads each brand's
verified predictor once (as the page caches it per version; the load time is
reported separately) and measures:

- single: `parse_input` + `Predictor.predict` for one raw form, the work the
  /predict callback does per click (callbacks.predict.predict_spec), N times
  over varied customers; target p95 <= 50 ms;
- batch: `Predictor.predict_frame` on --rows customers (default 10,000),
  median of 3 runs; target >= 5,000 customers/s;
- csv path: validating every row with `parse_input` and then `predict_frame`,
  what `carsight predict --csv` does before writing.

Customers are drawn with a fixed seed from each brand's vocabulary. Usage:

    python benchmarks/predict_bench.py [--artifacts DIR] [--n 200] [--rows 10000]

Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from common import build_and_train, percentile  # noqa: E402  (benchmarks/ is on sys.path)

SINGLE_TARGET_MS = 50.0
BATCH_TARGET = 5_000.0
BRANDS = ("Hyundai", "Kia")


def prepare(tmp: Path) -> Path:
    """Artifacts dir: the shared data built and trained into `tmp`."""
    return build_and_train(tmp)[1]


def raw_customers(vocab: Any, n: int, *, seed: int) -> list[dict[str, Any]]:
    """`n` raw forms as the page or a CSV sends them (Korean labels, text numbers)."""
    import numpy as np

    from warehouse.canonical import MARKETS

    rng = np.random.default_rng(seed)
    lo, hi = math.log(vocab.budget_min * 2), math.log(vocab.budget_max / 2)
    return [
        {
            "gender": str(rng.choice(["남", "여"])),
            "age": str(int(rng.integers(20, 75))),
            "market": MARKETS[str(rng.choice(vocab.markets))][0],
            "vehicle_class": str(rng.choice(vocab.vehicle_classes)),
            "model_of_interest": str(rng.choice(vocab.models)) if rng.random() < 0.5 else "",
            "eco_friendly": str(rng.choice(["예", "아니오"])),
            "budget": f"{int(math.exp(rng.uniform(lo, hi))):,}",
            "payment_method": str(rng.choice(vocab.payment_methods)),
            "channel": str(rng.choice(vocab.channels)),
            "purchase_count": str(int(rng.integers(0, 6))),
            "name": "홍길동",
            "email": "hong@example.com",
        }
        for _ in range(n)
    ]


def bench_brand(artifacts: Path, brand: str, *, n: int, rows: int) -> dict[str, Any]:
    import polars as pl

    from analytics.predict import load_predictor, parse_input
    from analytics.predict.features import INPUT_COLUMNS

    today = dt.date.today()
    start = time.perf_counter()
    predictor = load_predictor(artifacts, brand)
    load_s = time.perf_counter() - start
    forms = raw_customers(predictor.vocab, n, seed=1)
    predictor.predict(parse_input(forms[0], predictor.vocab, today=today))  # warm
    times = []
    for form in forms:
        start = time.perf_counter()
        predictor.predict(parse_input(form, predictor.vocab, today=today))
        times.append(time.perf_counter() - start)

    batch_forms = raw_customers(predictor.vocab, rows, seed=2)
    inputs = [parse_input(f, predictor.vocab, today=today) for f in batch_forms]
    frame = pl.DataFrame([{c: getattr(i, c) for c in INPUT_COLUMNS} for i in inputs])
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        predictor.predict_frame(frame)
        runs.append(time.perf_counter() - start)
    start = time.perf_counter()
    parsed = [parse_input(f, predictor.vocab, today=today) for f in batch_forms]
    predictor.predict_frame(
        pl.DataFrame([{c: getattr(i, c) for c in INPUT_COLUMNS} for i in parsed])
    )
    csv_s = time.perf_counter() - start
    return {
        "brand": brand,
        "version": predictor.version,
        "load_s": load_s,
        "p50": percentile(times, 50),
        "p95": percentile(times, 95),
        "n": n,
        "rows": rows,
        "batch_per_s": rows / statistics.median(runs),
        "csv_per_s": rows / csv_s,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artifacts", type=Path, help="trained artifacts folder")
    parser.add_argument("--n", type=int, default=200, help="single predictions per brand")
    parser.add_argument("--rows", type=int, default=10_000, help="customers per batch")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        artifacts = args.artifacts or prepare(Path(tmp))
        results = [bench_brand(artifacts, b, n=args.n, rows=args.rows) for b in BRANDS]
    print(
        f"| brand | load (s) | single p50 (ms) | single p95 (ms) | batch customers/s "
        f"({args.rows:,} rows) | CSV path customers/s | targets met |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    for r in results:
        ok = r["p95"] <= SINGLE_TARGET_MS and r["batch_per_s"] >= BATCH_TARGET
        print(
            f"| {r['brand']} | {r['load_s']:.2f} | {r['p50']:.1f} | {r['p95']:.1f} | "
            f"{r['batch_per_s']:,.0f} | {r['csv_per_s']:,.0f} | {'yes' if ok else 'NO'} |"
        )
    print(
        f"\nsingle = parse_input + Predictor.predict, {args.n} varied customers per brand "
        f"after one warm-up; targets: p95 <= {SINGLE_TARGET_MS:.0f} ms, batch >= "
        f"{BATCH_TARGET:,.0f} customers/s. Versions: "
        + ", ".join(f"{r['brand']} {r['version']}" for r in results)
    )


if __name__ == "__main__":
    main()
