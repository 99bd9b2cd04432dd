"""`carsight forecast` on the reference data: wall time, stages, leaderboard, MAPE.

    python benchmarks/forecast_bench.py [--workers N] [--data ../shared/data]

Builds a warehouse from the reference files into a temporary folder, runs the
full forecast (every series, horizon 12) exactly as the command does, and
prints: wall time and per-stage seconds with the machine's load average; the
leaderboard per flow (latest cutoff, the honest score, and all cutoffs); on
region_export the median MASE of selected/ensemble against seasonal naive and
Prophet; and our MAPE on Kia's region-export markets next to the original
project's 1.1%-12.2% (it reported six markets without naming which value
belongs to which, so only the range can be compared).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import polars as pl  # noqa: E402

from analytics.forecast.pipeline import leaderboard  # noqa: E402


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # finished worker processes
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _print_board(board: pl.DataFrame, title: str) -> None:
    print(f"\n{title}")
    for (flow,), rows in board.group_by("flow", maintain_order=True):
        cells = ", ".join(
            f"{r['model_name']} {r['median_mase']:.3f} ({r['wins']} won)"
            if r["median_mase"] is not None
            else f"{r['model_name']} n/a"
            for r in rows.iter_rows(named=True)
        )
        print(f"  {flow} [{rows['n_series'].max()} series]: {cells}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--series-filter", default=None)
    args = parser.parse_args()

    from app.cli.forecast import run_forecast_command
    from warehouse.build import build

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "warehouse.duckdb"
        started = time.perf_counter()
        build([args.data], db)
        print(f"build of {args.data}: {time.perf_counter() - started:.1f}s")
        print(f"before: {_load()}")
        started = time.perf_counter()
        cpu_before = _cpu_seconds()
        result = run_forecast_command(
            db,
            horizon=12,
            series_filter=args.series_filter,
            workers=args.workers,
            progress=lambda *_: None,
        )
        wall = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu_before
        print(f"after:  {_load()}")

    print(
        f"\ncarsight forecast: {result.series.height} series, {args.workers} workers, "
        f"wall {wall:.1f}s (target <= 180s)"
    )
    print(
        f"  CPU seconds (this process + workers): {cpu:.1f}s, i.e. about "
        f"{cpu / args.workers:.0f}s of wall time on {args.workers} otherwise idle cores"
    )
    for stage, seconds in result.stage_seconds.items():
        print(f"  {stage:<30} {seconds:8.1f}s")
    if result.errors:
        print(f"  {len(result.errors)} model failures, e.g. {result.errors[0]}")
    print(
        "  series per flow: "
        + ", ".join(
            f"{r['flow']} {r['len']}"
            for r in result.series.group_by("flow").len().sort("flow").iter_rows(named=True)
        )
    )

    _print_board(
        leaderboard(result.metrics, result.series),
        "leaderboard, latest cutoff (median pooled MASE; the honest score of selected)",
    )
    _print_board(
        leaderboard(result.metrics, result.series, scope="all_cutoffs"),
        "leaderboard, all four cutoffs (selected's first cutoff falls back to naive)",
    )

    print("\n80% interval coverage, mean over series (target 0.80):")
    coverage = (
        result.metrics.filter(pl.col("horizon").is_null())
        .group_by("scope", "model_name")
        .agg(pl.col("coverage80").mean())
        .sort("scope", "model_name")
    )
    for (scope,), rows in coverage.group_by("scope", maintain_order=True):
        print(
            f"  {scope}: "
            + ", ".join(
                f"{r['model_name']} {r['coverage80']:.2f}" for r in rows.iter_rows(named=True)
            )
        )

    pooled = result.metrics.filter(pl.col("horizon").is_null()).join(
        result.series.select("series_id", "brand", "flow", "level", "market"), on="series_id"
    )
    region = pooled.filter(pl.col("flow") == "region_export", pl.col("level") == "market")
    print("\nregion_export markets (median pooled MASE):")
    for scope in ("latest_cutoff", "all_cutoffs"):
        medians = dict(
            region.filter(pl.col("scope") == scope)
            .group_by("model_name")
            .agg(pl.col("mase").median())
            .iter_rows()
        )
        prophet = medians["prophet"]
        cells = []
        for name in ("selected", "ensemble"):
            gain = 100 * (1 - medians[name] / prophet) if prophet else float("nan")
            cells.append(f"{name} {medians[name]:.3f} ({gain:+.0f}% vs prophet)")
        print(
            f"  {scope}: "
            + ", ".join(cells)
            + f"; seasonal_naive {medians['seasonal_naive']:.3f}; prophet {prophet:.3f}"
            + f"; lightgbm {medians['lightgbm']:.3f}"
        )

    print("\nregion_export per series (pooled MASE, latest cutoff | all cutoffs):")
    wide = region.pivot(on="scope", index=["series_id", "model_name"], values="mase").join(
        result.series.select("series_id", "chosen_model"), on="series_id"
    )
    for (series_id,), rows in wide.sort("series_id").group_by("series_id", maintain_order=True):
        cells = "  ".join(
            f"{r['model_name']} {r['latest_cutoff']:.2f}|{r['all_cutoffs']:.2f}"
            for r in rows.sort("model_name").iter_rows(named=True)
        )
        print(
            f"  {series_id.split('|')[0]} {series_id.split('|')[2]:<26} "
            f"chosen {rows['chosen_model'][0]:<14} {cells}"
        )

    kia = region.filter(pl.col("brand") == "Kia")
    print(
        "\nKia region-export MAPE per market (%), pooled horizons; the original reported "
        "1.1-12.2% on six markets, in-sample-looking and without a per-market mapping:"
    )
    table = kia.pivot(on="model_name", index=["market", "scope"], values="mape").sort(
        "scope", "market"
    )
    for row in table.iter_rows(named=True):
        print(
            f"  {row['scope']:<14} {row['market']:<20} "
            + "  ".join(
                f"{m} {row[m]:5.1f}"
                for m in ("selected", "ensemble", "prophet", "lightgbm", "seasonal_naive")
            )
        )
    for scope in ("latest_cutoff", "all_cutoffs"):
        values = kia.filter(pl.col("scope") == scope, pl.col("model_name") == "selected")["mape"]
        print(
            f"  selected, {scope}: {values.min():.1f}%-{values.max():.1f}% "
            f"(median {values.median():.1f}%)"
        )


if __name__ == "__main__":
    main()
