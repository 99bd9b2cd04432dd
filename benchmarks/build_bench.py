"""Build memory ceiling: peak RSS and time of `carsight build` on the two large inputs.

Issue 10 asks that a build peaks at no more than 2 GB RSS (the build and its
DuckDB, one process) for the 10M-row generated set and for a single 200 MB file,
at no more than 1.2x the build time from before the streaming loads. Each build
runs as the real command (`carsight build SRC --db OUT`) in its own child
process; its peak is the child's own `ru_maxrss`. Usage:

    python benchmarks/build_bench.py [--sets generated,single] [--runs 1]
        [--scale 100] [--single-mb 200] [--data-dir DIR] [--ceiling-mb 2048]
        [--code DIR ...]

`generated` is `carsight generate --seed 7 --scale 100` (10.3M fact rows, the
`carsight bench --scale large` set); `single` is one Hyundai sales-by-model CSV of
about --single-mb megabytes (1.34M rows, 16M fact rows at 200 MB). Both are
written under --data-dir once and reused. `--code` names one or more source
trees (default: this checkout); with several, their builds alternate run by run
so that a before/after comparison shares the machine's load.

The check: the exit status is 1 when a build of this checkout (the first
--code) peaks above --ceiling-mb, with the offending data set named. Not a
timed test: time depends on the machine's load and is reported, not asserted.
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
SEED = 7
CEILING_MB = 2048.0

_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.")
_MONTHS += ("Nov.", "Dec.")


def single_file(path: Path, megabytes: float, seed: int = SEED) -> int:
    """One Hyundai sales-by-model file (2023) of about `megabytes` MB; returns its data rows.

    Every row has its own model label, so no row repeats another; cells use the
    published spelling (`" 4,120 "`, `" - "` for 0).
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    target = megabytes * 1_000_000
    rows = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        header = "Model,Vehicle Type,Sales Type," + ",".join(_MONTHS) + "\n"
        out.write(header)
        written = len(header)
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


def prepare(data_dir: Path, sets: list[str], scale: float, single_mb: float) -> dict[str, Path]:
    """The input of each data set under `data_dir`, written unless already there."""
    inputs: dict[str, Path] = {}
    if "generated" in sets:
        raw = data_dir / f"generated-x{scale:g}-seed{SEED}"
        if not (raw / ".complete").is_file():
            from warehouse.sample import generate

            start = time.perf_counter()
            generate(raw, seed=SEED, scale=scale)
            (raw / ".complete").touch()
            log(f"generated scale {scale:g} in {time.perf_counter() - start:.0f} s")
        inputs[f"generated_x{scale:g}"] = raw
    if "single" in sets:
        path = data_dir / f"single-{single_mb:g}mb" / "hmc-sales-by-model-december-y2023.csv"
        if not path.is_file():
            rows = single_file(path, single_mb)
            log(f"single file: {rows:,} rows, {path.stat().st_size / 1e6:.0f} MB")
        inputs[f"single_{single_mb:g}mb"] = path
    return inputs


def run_build(source: Path, db: Path, code: Path) -> dict[str, float]:
    """`carsight build SOURCE --db DB` with `code` on the path, in a child process:
    wall and CPU seconds (imports included), the child's peak RSS and the fact rows built.
    On a shared machine CPU seconds compare better than wall seconds."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from app.cli import main; main()", "build", str(source)]
        + ["--db", str(db)],
        cwd=code,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    errors = proc.stderr.read() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build of {source} with {code} failed:\n{errors[-2000:]}")
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        fact_rows = con.sql("select count(*) from fact_sales").fetchall()[0][0]
    finally:
        con.close()
    db.unlink()
    return {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "fact_rows": fact_rows,
    }


def bench(
    name: str, source: Path, runs: int, workdir: Path, codes: list[Path]
) -> list[dict[str, object]]:
    """`runs` builds of `source` per code tree, alternating trees run by run."""
    results: dict[Path, list[dict[str, float]]] = {c: [] for c in codes}
    for i in range(runs):
        for code in codes:
            result = run_build(source, workdir / f"{name}-{i}.duckdb", code)
            log(f"{name} {code} run {i + 1}: {json.dumps(result)} (load {os.getloadavg()[0]:.1f})")
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
                "median_seconds": round(seconds, 1),
                "all_seconds": [round(r["seconds"], 1) for r in rs],
                "median_cpu_seconds": round(statistics.median(r["cpu_seconds"] for r in rs), 1),
                "rows_per_second": round(rows / seconds),
                "peak_rss_mb": round(max(r["peak_rss_mb"] for r in rs)),
            }
        )
    return out


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="builds per data set (median)")
    parser.add_argument("--sets", default="generated,single", help="comma list: generated,single")
    parser.add_argument("--scale", type=float, default=100.0, help="generator scale [100]")
    parser.add_argument("--single-mb", type=float, default=200.0, help="single file size [200]")
    parser.add_argument(
        "--data-dir", type=Path, help="where the inputs are written and reused [a temp folder]"
    )
    parser.add_argument(
        "--ceiling-mb", type=float, default=CEILING_MB, help="peak RSS allowed [2048]"
    )
    parser.add_argument(
        "--code", type=Path, action="append", help="source tree(s) to build with [this checkout]"
    )
    args = parser.parse_args()
    sets = [s for s in args.sets.split(",") if s]
    unknown = set(sets) - {"generated", "single"}
    if unknown:
        parser.error(f"unknown set(s) {', '.join(sorted(unknown))}; use generated,single")
    codes = [c.resolve() for c in (args.code or [REPO])]
    results: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="carsight-build-bench-") as tmp:
        inputs = prepare(args.data_dir or Path(tmp) / "data", sets, args.scale, args.single_mb)
        for name, source in inputs.items():
            results += bench(name, source, args.runs, Path(tmp), codes)
    for r in results:
        print(json.dumps(r))
    print("\n| data set | code | fact rows | build (s) | CPU (s) | rows/s | peak RSS (MB) |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['dataset']} | {r['code']} | {r['fact_rows']:,} | {r['median_seconds']} "
            f"| {r['median_cpu_seconds']} | {r['rows_per_second']:,} | {r['peak_rss_mb']:,} |"
        )
    over = [
        r
        for r in results
        if r["code"] == str(codes[0]) and float(str(r["peak_rss_mb"])) > args.ceiling_mb
    ]
    for r in over:
        log(f"FAIL {r['dataset']}: peak RSS {r['peak_rss_mb']:,} MB > {args.ceiling_mb:,.0f} MB")
    if not over:
        log(f"ok: every build of {codes[0]} peaked at <= {args.ceiling_mb:,.0f} MB")
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
