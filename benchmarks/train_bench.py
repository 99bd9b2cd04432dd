"""Benchmark `carsight train` on about 1 million generated customers (target: <= 60 s).

Uses the warehouse built from `carsight generate --scale 100` (about 1.02M
customers, 10M fact rows) at --big (default /tmp/bigwh/w.duckdb) when it
exists, otherwise generates and builds one (slow: minutes). The warehouse is
copied to a temp folder first, so the source file is never written. Each run is
the real command (`python -m app.cli train --quiet`) in its own process, timed
wall-clock from process start (imports included) to exit; peak RSS is the
child's. Reports the median over --runs.

What keeps it fast (see analytics/segments/train.py): every KMeans fit
(RFM K=4, the K=2..10 search, 5 stability refits) runs on a fixed-seed sample
of at most 50,000 customers per brand and all customers are then assigned to
the nearest centroid; silhouettes use a 5,000-row sample. Usage:

    python benchmarks/train_bench.py [--runs 3] [--big PATH] [--reference]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
BIG = Path("/tmp/bigwh/w.duckdb")
TARGET_SECONDS = 60.0


def _customers(db: Path) -> int:
    import duckdb

    con = duckdb.connect()
    try:
        con.execute("attach ? as w (read_only)", [str(db)])
        return int(con.sql("select count(*) from w.customers").fetchall()[0][0])
    finally:
        con.close()


def run_train(db: Path, artifacts: Path) -> dict[str, object]:
    """One `carsight train` in a child process; wall seconds, peak RSS and its output."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app.cli",
            "train",
            "--db",
            str(db),
            "--artifacts",
            str(artifacts),
            "--quiet",
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    out, err = proc.stdout.read(), proc.stderr.read()  # type: ignore[union-attr]
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"carsight train failed:\n{out}\n{err}")
    return {"seconds": seconds, "peak_rss_mb": usage.ru_maxrss / 1024, "output": out.strip()}


def bench(name: str, source: Path, runs: int, workdir: Path) -> dict[str, object]:
    db = workdir / f"{name}.duckdb"
    shutil.copyfile(source, db)
    customers = _customers(db)
    results = [run_train(db, workdir / f"artifacts-{name}-{i}") for i in range(runs)]
    seconds = statistics.median(float(r["seconds"]) for r in results)  # type: ignore[arg-type]
    return {
        "dataset": name,
        "customers": customers,
        "runs": runs,
        "median_seconds": round(seconds, 1),
        "all_seconds": [round(float(r["seconds"]), 1) for r in results],  # type: ignore[arg-type]
        "customers_per_second": round(customers / seconds),
        "peak_rss_mb": round(max(float(r["peak_rss_mb"]) for r in results)),  # type: ignore[arg-type]
        "within_target": seconds <= TARGET_SECONDS if customers >= 1_000_000 else None,
        "last_output": results[-1]["output"],
    }


def _build_big(workdir: Path) -> Path:
    from warehouse.build import build
    from warehouse.generate import generate

    raw, db = workdir / "generated", workdir / "big-source.duckdb"
    start = time.perf_counter()
    generate(raw, seed=7, scale=100)
    build([raw], db)
    print(f"generated and built scale 100 in {time.perf_counter() - start:.0f}s", file=sys.stderr)
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per data set (median)")
    parser.add_argument(
        "--big", type=Path, default=BIG, help="warehouse built from `carsight generate --scale 100`"
    )
    parser.add_argument(
        "--reference", action="store_true", help="also time the reference data (../shared/data)"
    )
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="carsight-train-bench-") as tmp:
        workdir = Path(tmp)
        if args.reference and SHARED.is_dir():
            from warehouse.build import build

            ref = workdir / "reference-source.duckdb"
            build([SHARED], ref)
            results.append(bench("reference", ref, args.runs, workdir))
        source = args.big if args.big.is_file() else _build_big(workdir)
        results.append(bench("generated_x100", source, args.runs, workdir))
    for r in results:
        print(json.dumps(r, ensure_ascii=False))
    print("\n| data set | customers | median train (s) | customers/s | peak RSS (MB) |")
    print("|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['dataset']} | {r['customers']:,} | {r['median_seconds']} | "
            f"{r['customers_per_second']:,} | {r['peak_rss_mb']} |"
        )


if __name__ == "__main__":
    main()
