"""Expensive test data made once per test run, shared by every pytest-xdist worker.

The suite runs on two workers (`-n auto` in pyproject.toml). Each worker is its own
process with its own session, so a session fixture would build the reference warehouse,
train on it and run the forecast once per worker: minutes of CPU spent twice. `made_once`
makes such a folder once under the run's common temporary folder (the parent of every
worker's basetemp; the worker's own basetemp without xdist), guarded by a file lock: the
first worker to ask makes it, the others wait and reuse it.

Tests only read what is made here; a test that changes a warehouse works on its own copy.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

DONE = ".made"


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder every worker of this run shares."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def name_of(kind: str, *inputs: object) -> str:
    """A folder name for `kind` made from `inputs` (paths, filters): the same inputs give
    the same name in every worker."""
    digest = hashlib.sha256(repr([str(i) for i in inputs]).encode()).hexdigest()[:12]
    return f"{kind}-{digest}"


def made_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]
) -> Path:
    """`<run folder>/<name>/`, filled by `make(folder)` the first time any worker asks.

    A failed `make` leaves no marker: the error is raised here, and the next worker
    to ask tries again from an empty folder.
    """
    root = run_folder(tmp_path_factory)
    folder = root / name
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if (folder / DONE).exists():
                return folder
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            make(folder)
            (folder / DONE).touch()
            return folder
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
