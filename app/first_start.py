"""First start on a fresh clone: `carsight serve` builds the sample warehouse, serves the
first page at once, and trains and forecasts in the background.

Building the sample takes seconds; training the segmentation and prediction models and
forecasting the region exports take a minute or two. Those run one after the other in a
child process each (the same `carsight train` / `carsight forecast` commands, which swap a
new warehouse file in), while a small status file next to the warehouse says which step
runs and how far the first start is; the shell shows it on every page ("준비 중 … %")
until the results land, and the pages re-render when the warehouse version changes
(live refresh).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

# (step, percent of the first start done when the step begins): building the sample is
# the first third, training the second, forecasting the rest
STEPS = (("train", 34), ("forecast", 67))
FORECAST_ARGS = ("--horizon", "12", "--series-filter", "region_export")


def status_path(db: Path) -> Path:
    return db.with_name(db.name + ".first-start.json")


def read_status(db: Path) -> dict | None:
    """{'step', 'percent', 'error'?} while the first start is preparing; None when done."""
    try:
        return json.loads(status_path(db).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write(db: Path, **status: object) -> None:
    path = status_path(db)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(status), encoding="utf-8")
    os.replace(tmp, path)


# the children yield the CPU to the server: the first pages come before the models
CHILD = "import os; hasattr(os, 'nice') and os.nice(10); from app.cli import main; main()"


def _command(step: str, db: Path) -> list[str]:
    extra = FORECAST_ARGS if step == "forecast" else ()
    return [sys.executable, "-c", CHILD, step, "--db", str(db), "--quiet", *extra]


def prepare_in_background(db: Path) -> threading.Thread:
    """Train, then forecast, in child processes; the status file follows each step and
    is removed when both are done (kept, with the error, when one fails)."""
    _write(db, step=STEPS[0][0], percent=STEPS[0][1], started=time.time())

    def run() -> None:
        for step, percent in STEPS:
            _write(db, step=step, percent=percent, started=time.time())
            done = subprocess.run(_command(step, db), capture_output=True, text=True)
            if done.returncode != 0:
                lines = (done.stderr or done.stdout).strip().splitlines()
                _write(db, step=step, percent=percent, error=lines[-1] if lines else "")
                return
        status_path(db).unlink(missing_ok=True)

    thread = threading.Thread(target=run, name="first-start", daemon=True)
    thread.start()
    return thread
