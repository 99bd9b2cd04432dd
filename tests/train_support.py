"""A real `carsight train` run on a copy of the reference warehouse, shared by every test
that needs trained segments and models (analytics, callbacks, security, mail, CLI and
browser tests): training takes tens of seconds, so the suite pays for it once.

The run goes through the command line (in process, `carsight train --quiet`), so its printed
report is kept for the tests of that output (like `forecast_copy` for the forecast page).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class TrainedRun:
    """The trained warehouse copy, its artifacts folder and what `carsight train` printed."""

    db: Path
    artifacts: Path
    output: str


_RUNS: dict[Path, TrainedRun] = {}
OUTPUT = "train-output.txt"


def trained_run(reference_db: Path, tmp_path_factory: pytest.TempPathFactory) -> TrainedRun:
    """`carsight train` on a copy of `reference_db` after the shared forecast run
    (`tests.forecast_support.forecast_copy`), once per test run and reference warehouse
    (tests.shared_once: every xdist worker reads the same run). So one warehouse has
    every page's data, and the suite runs that forecast once, not once more on the
    trained copy for the page audits.

    Tests read the copy and its artifacts; a test that changes them works on its own copy.
    """
    if reference_db not in _RUNS:
        from tests.forecast_support import forecast_copy
        from tests.shared_once import made_once, name_of

        source = forecast_copy(reference_db, tmp_path_factory)

        def train(folder: Path) -> None:
            from click.testing import CliRunner

            from app.cli import main

            db, artifacts = folder / "warehouse.duckdb", folder / "artifacts"
            shutil.copyfile(source, db)
            result = CliRunner().invoke(
                main, ["train", "--db", str(db), "--artifacts", str(artifacts), "--quiet"]
            )
            assert result.exit_code == 0, result.output
            (folder / OUTPUT).write_text(result.output, encoding="utf-8")

        folder = made_once(tmp_path_factory, name_of("trained", reference_db), train)
        _RUNS[reference_db] = TrainedRun(
            folder / "warehouse.duckdb",
            folder / "artifacts",
            (folder / OUTPUT).read_text(encoding="utf-8"),
        )
    return _RUNS[reference_db]


def trained_copy(reference_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(warehouse, artifacts dir) of the shared `carsight train` run (see `trained_run`)."""
    run = trained_run(reference_db, tmp_path_factory)
    return run.db, run.artifacts
