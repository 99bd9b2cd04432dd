"""What the stand-alone benchmark scripts share: the paths and the trained set-up.

The scripts run as `python benchmarks/<name>.py`, so this folder is on sys.path and
they import this module as `common`. The timing helpers live in `app.bench.core`
(`carsight bench`); this module only re-exports the percentile.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from app.bench.core import percentile  # noqa: E402

__all__ = ["REPO", "SHARED", "build_and_train", "percentile"]


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
