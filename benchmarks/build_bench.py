"""Benchmark `carsight build`: the reference data and a generated 10M-row set.

Each build runs in its own Python process so peak memory (ru_maxrss) belongs to
that build alone. Reports the median wall time over --runs, fact rows per
second and peak RSS. Usage:

    python benchmarks/build_bench.py [--runs 3] [--scale 100] [--skip-big]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from warehouse.build import build
start = time.perf_counter()
report = build([Path(p) for p in sys.argv[2:]], Path(sys.argv[1]))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "fact_rows": report.fact_rows,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_build(db: Path, sources: list[Path]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(db), *map(str, sources)],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench(name: str, sources: list[Path], runs: int, workdir: Path) -> dict[str, object]:
    results = [run_build(workdir / f"{name}-{i}.duckdb", sources) for i in range(runs)]
    seconds = statistics.median(r["seconds"] for r in results)
    rows = int(results[0]["fact_rows"])
    return {
        "dataset": name,
        "runs": runs,
        "fact_rows": rows,
        "median_seconds": round(seconds, 2),
        "all_seconds": [round(r["seconds"], 2) for r in results],
        "rows_per_second": round(rows / seconds),
        "peak_rss_mb": round(max(r["peak_rss_mb"] for r in results)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per data set (median)")
    parser.add_argument("--scale", type=float, default=100.0, help="generator scale for big set")
    parser.add_argument("--skip-big", action="store_true", help="only the reference data")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="carsight-bench-") as tmp:
        workdir = Path(tmp)
        if SHARED.is_dir():
            results.append(bench("shared_data", [SHARED], args.runs, workdir))
        else:
            print(f"skipping reference data: {SHARED} not found", file=sys.stderr)
        if not args.skip_big:
            from warehouse.generate import generate

            raw = workdir / "generated"
            start = time.perf_counter()
            generate(raw, seed=7, scale=args.scale)
            print(
                f"generated scale {args.scale} in {time.perf_counter() - start:.1f}s",
                file=sys.stderr,
            )
            results.append(
                bench(f"generated_x{args.scale:g}", [raw], max(1, args.runs - 2), workdir)
            )
    for r in results:
        print(json.dumps(r))
    print("\n| data set | fact rows | median build (s) | rows/s | peak RSS (MB) |")
    print("|---|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['dataset']} | {r['fact_rows']:,} | {r['median_seconds']} "
            f"| {r['rows_per_second']:,} | {r['peak_rss_mb']:,} |"
        )


if __name__ == "__main__":
    main()
