"""Run the `carsight` command line as a user does, in a subprocess or in this process.

`run_carsight` starts Python again, exactly as the console script does: a handful of
tests (marked slow) keep that path honest. `invoke_carsight` runs the same click group in
this process through click's runner (same argument parsing, exit codes, stdout and
stderr), without paying a new interpreter and the app's imports per call: the fast tier
uses it.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

# The test being run (tests/conftest.py sets it): `run_carsight` is for slow tests only.
RUNNING: list[Any] = []


def run_carsight(
    *args: str, tmp_path: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """`carsight ARGS` with cwd `tmp_path` and no carsight.toml (settings from defaults)."""
    if RUNNING and RUNNING[-1].get_closest_marker("slow") is None:
        import pytest

        pytest.fail(
            f"{RUNNING[-1].nodeid}: run_carsight starts a new interpreter (about a second of "
            "CPU): use invoke_carsight, or mark the test slow if the real process is the point"
        )
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


@dataclass(frozen=True)
class CliResult:
    """What a finished `carsight` process gives: the exit code and both streams."""

    returncode: int
    stdout: str
    stderr: str


def invoke_carsight(
    *args: str,
    tmp_path: Path,
    env: Mapping[str, str | None] | None = None,
    input: str | None = None,
    clean_env: bool = False,
) -> CliResult:
    """`carsight ARGS` in this process, with cwd `tmp_path` and no carsight.toml.

    `env` adds (or, with None, removes) environment variables for the call only;
    `clean_env` also removes every CARSIGHT_* variable of the caller. An exception the
    command does not handle is printed to stderr with its traceback and exits 1, as the
    interpreter would: tests that promise "no traceback" can still fail.
    """
    from click.testing import CliRunner

    from app.cli import main

    call_env: dict[str, str | None] = {"CARSIGHT_CONFIG": str(tmp_path / "absent.toml")}
    if clean_env:
        call_env |= {k: None for k in os.environ if k.startswith("CARSIGHT_")}
        call_env["CARSIGHT_CONFIG"] = str(tmp_path / "absent.toml")
    call_env |= dict(env or {})
    with contextlib.chdir(tmp_path):
        result = CliRunner(env=call_env).invoke(main, list(args), input=input)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))
    return CliResult(result.exit_code, result.stdout, stderr)
