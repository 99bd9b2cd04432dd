"""Pieces every benchmark script shares: paths, the percentile and the trained set-up.

The scripts run as `python benchmarks/<name>.py`, so this folder is on sys.path and
they import this module as `common`.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def percentile(times: list[float], q: float) -> float:
    """Nearest-rank percentile of `times` (seconds) in milliseconds."""
    ordered = sorted(times)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)] * 1000


def build_and_train(tmp: Path) -> tuple[Path, Path]:
    """(warehouse, artifacts): the shared data built and trained into `tmp`."""
    from analytics.segments.train import train
    from app.i18n.dealer import render_persona
    from warehouse.build import build

    db, artifacts = tmp / "warehouse.duckdb", tmp / "artifacts"
    start = time.perf_counter()
    build([SHARED], db)
    built = time.perf_counter()
    train(db, artifacts_dir=artifacts, persona_text=render_persona)
    print(
        f"build {built - start:.1f} s, train {time.perf_counter() - built:.1f} s", file=sys.stderr
    )
    return db, artifacts


def latency_table(rows: list[dict], target_ms: float, note: str) -> str:
    """Markdown: one row per callback (callback, cold_ms, p50, p95 in ms) and `note` below."""
    lines = [
        f"| callback | first call (ms) | p50 (ms) | p95 (ms) | p95 <= {target_ms:.0f} ms |",
        "|---|---:|---:|---:|:---:|",
    ]
    for r in rows:
        ok = "yes" if r["p95"] <= target_ms else "**no**"
        lines.append(
            f"| {r['callback']} | {r['cold_ms']:.1f} | {r['p50']:.1f} | {r['p95']:.1f} | {ok} |"
        )
    lines.append(f"\n{note}")
    return "\n".join(lines)
