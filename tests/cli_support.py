"""Run the `carsight` command line in a subprocess, as the console script does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_carsight(
    *args: str, tmp_path: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """`carsight ARGS` with cwd `tmp_path` and no carsight.toml (settings from defaults)."""
    env = {**os.environ, "CARSIGHT_CONFIG": str(tmp_path / "absent.toml"), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        # Exactly what the `carsight` console script runs.
        [sys.executable, "-c", "from app.cli import main; main()", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        timeout=timeout,
    )
