"""Warehouse-test fixtures: the app's own sample data set, built."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app's own sample data set (seed 42, as `carsight serve` builds it), built."""
    from warehouse.build import build
    from warehouse.sample import generate

    folder = tmp_path_factory.mktemp("sample")
    generate(folder / "raw", seed=42)
    build([folder / "raw"], folder / "warehouse.duckdb")
    return folder / "warehouse.duckdb"
