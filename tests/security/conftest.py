"""Security-test fixtures: a trained copy of the reference warehouse."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import trained_copy


@pytest.fixture(scope="session")
def trained_reference(
    reference_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """(warehouse, artifacts dir) after `carsight train` on a copy of the reference data."""
    return trained_copy(reference_db, tmp_path_factory)
