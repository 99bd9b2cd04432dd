"""Benchmark `carsight build`: the reference data, a generated 10M-row set, one 200 MB file.

Each build runs in its own Python process so peak memory (ru_maxrss) belongs to
that build alone. Reports the median wall time over --runs, fact rows per
second and peak RSS per data set. Usage:

    python benchmarks/build_bench.py [--runs 3] [--scale 100] [--single-mb 200]
        [--sets shared,generated,single] [--code DIR ...]

`--code` names one or more source trees (default: this checkout); with several,
their builds alternate run by run, so a before/after comparison shares the
machine's load. `single` is one Hyundai sales-by-model CSV of about --single-mb
megabytes (1.4 M rows, 17 M fact rows at 200 MB), written by `single_file`.
"""

from __future__ import annotations

import argparse
import json
import os
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

_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.")
_MONTHS += ("Nov.", "Dec.")


def single_file(path: Path, megabytes: float, seed: int = 7) -> int:
    """One Hyundai sales-by-model file (2023) of about `megabytes` MB; returns its data rows.

    Every row has its own model label, so no row repeats another; cells use the
    published spelling (`" 4,120 "`, `" - "` for 0).
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    target = megabytes * 1_000_000
    written = 0
    rows = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        header = "Model,Vehicle Type,Sales Type," + ",".join(_MONTHS) + "\n"
        out.write(header)
        written += len(header)
        while written < target:
            units = rng.integers(0, 9000, size=(10_000, 12))
            units[units < 900] = 0
            lines = []
            for i, row in enumerate(units):
                n = rows + i
                cells = ",".join(f'" {u:,} "' if u else '" - "' for u in row)
                kind = ("PC", "RV", "CV")[n % 3]
                sales = ("Domestic", "Export")[n % 2]
                lines.append(f"Model {n} (X{n}),{kind},{sales},{cells}\n")
            block = "".join(lines)
            out.write(block)
            written += len(block.encode())
            rows += len(lines)
    return rows


def run_build(db: Path, sources: list[Path], code: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(code)}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(db), *map(str, sources)],
        check=True,
        capture_output=True,
        text=True,
        cwd=code,
        env=env,
    )
    db.unlink(missing_ok=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench(
    name: str, sources: list[Path], runs: int, workdir: Path, codes: list[Path]
) -> list[dict[str, object]]:
    """`runs` builds of `sources` per code tree, alternating trees run by run."""
    results: dict[Path, list[dict[str, float]]] = {c: [] for c in codes}
    for i in range(runs):
        for code in codes:
            result = run_build(workdir / f"{name}-{i}.duckdb", sources, code)
            print(f"{name} {code} run {i + 1}: {json.dumps(result)}", file=sys.stderr)
            results[code].append(result)
    out = []
    for code, rs in results.items():
        seconds = statistics.median(r["seconds"] for r in rs)
        rows = int(rs[0]["fact_rows"])
        out.append(
            {
                "dataset": name,
                "code": str(code),
                "runs": runs,
                "fact_rows": rows,
                "median_seconds": round(seconds, 2),
                "all_seconds": [round(r["seconds"], 2) for r in rs],
                "rows_per_second": round(rows / seconds),
                "peak_rss_mb": round(max(r["peak_rss_mb"] for r in rs)),
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per data set (median)")
    parser.add_argument("--scale", type=float, default=100.0, help="generator scale for big set")
    parser.add_argument("--single-mb", type=float, default=200.0, help="size of the single file")
    parser.add_argument(
        "--sets", default="shared,generated,single", help="comma list: shared,generated,single"
    )
    parser.add_argument(
        "--code", type=Path, action="append", help="source tree(s) to build with [this checkout]"
    )
    parser.add_argument("--skip-big", action="store_true", help="only the reference data")
    args = parser.parse_args()
    sets = {"shared"} if args.skip_big else set(args.sets.split(","))
    codes = [c.resolve() for c in (args.code or [REPO])]
    results = []
    with tempfile.TemporaryDirectory(prefix="carsight-bench-") as tmp:
        workdir = Path(tmp)
        if "shared" in sets:
            if SHARED.is_dir():
                results += bench("shared_data", [SHARED], args.runs, workdir, codes)
            else:
                print(f"skipping reference data: {SHARED} not found", file=sys.stderr)
        if "generated" in sets:
            from warehouse.generate import generate

            raw = workdir / "generated"
            start = time.perf_counter()
            generate(raw, seed=7, scale=args.scale)
            print(
                f"generated scale {args.scale} in {time.perf_counter() - start:.1f}s",
                file=sys.stderr,
            )
            results += bench(f"generated_x{args.scale:g}", [raw], args.runs, workdir, codes)
        if "single" in sets:
            path = workdir / "single" / "hmc-sales-by-model-december-y2023.csv"
            n = single_file(path, args.single_mb)
            size = path.stat().st_size / 1e6
            print(f"single file: {n:,} rows, {size:.0f} MB", file=sys.stderr)
            results += bench(f"single_{args.single_mb:g}mb", [path], args.runs, workdir, codes)
    for r in results:
        print(json.dumps(r))
    print("\n| data set | code | fact rows | median build (s) | rows/s | peak RSS (MB) |")
    print("|---|---|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['dataset']} | {r['code']} | {r['fact_rows']:,} | {r['median_seconds']} "
            f"| {r['rows_per_second']:,} | {r['peak_rss_mb']:,} |"
        )


if __name__ == "__main__":
    main()
