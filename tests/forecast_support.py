"""A real `carsight forecast` run on a copy of the reference warehouse, shared by the
forecast-page callback, browser and benchmark code (like `trained_copy` for the dealer)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Kia's exports by region: 2021-2025, about ten series, so the run takes seconds.
SERIES_FILTER = "Kia|region_export"

_RUNS: dict[tuple[Path, str], Path] = {}


def run_forecast(db: Path, *, series_filter: str | None = SERIES_FILTER) -> None:
    """`carsight forecast --db db [--series-filter ...]` as the command line runs it."""
    args = [sys.executable, "-c", "from app.cli import main; main()", "forecast", "--db", str(db)]
    if series_filter:
        args += ["--series-filter", series_filter]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p),
    }
    done = subprocess.run(args, cwd=db.parent, env=env, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(
            f"carsight forecast failed ({done.returncode}):\n"
            f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )


def forecast_copy(
    reference_db: Path, tmp_path_factory, *, series_filter: str = SERIES_FILTER
) -> Path:
    """A copy of the reference warehouse after `carsight forecast --series-filter ...`.

    Made once per test run, reference warehouse and filter (tests.shared_once), so the
    tests run the forecast once.
    """
    key = (reference_db, series_filter)
    if key not in _RUNS:
        from tests.shared_once import made_once, name_of

        def forecast(folder: Path) -> None:
            shutil.copy(reference_db, folder / "warehouse.duckdb")
            run_forecast(folder / "warehouse.duckdb", series_filter=series_filter)

        name = name_of("forecast", reference_db, series_filter)
        _RUNS[key] = made_once(tmp_path_factory, name, forecast) / "warehouse.duckdb"
    return _RUNS[key]
