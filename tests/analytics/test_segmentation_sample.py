"""Segment names and personas on the app's own sample data (`carsight generate`), trained
once per module: the names meet their conditions and the personas differ, as on the
reference data (tests/analytics/test_segmentation_train.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.analytics.naming_support import FOUR, check_names, check_personas

pytestmark = pytest.mark.slow
BRANDS = ("Hyundai", "Kia")


@pytest.fixture(scope="module")
def trained_sample(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    import shutil

    from analytics.segments.train import train
    from app.i18n.dealer import render_persona
    from tests.shared_once import made_once

    def make(folder: Path) -> None:
        shutil.copyfile(sample_db, folder / "warehouse.duckdb")
        train(folder / "warehouse.duckdb", artifacts_dir=folder / "artifacts",
              persona_text=render_persona)  # fmt: skip

    folder = made_once(tmp_path_factory, "trained-sample", make)
    return folder / "warehouse.duckdb", folder / "artifacts"


@pytest.mark.parametrize("brand", BRANDS)
def test_sample_segment_names_meet_their_documented_conditions(trained_sample, brand) -> None:
    db, art = trained_sample
    table = check_names(db, brand)
    assert set(table) & set(FOUR), table  # at least one of the four names is earned


@pytest.mark.parametrize("brand", BRANDS)
def test_sample_personas_are_distinct(trained_sample, brand) -> None:
    _db, art = trained_sample
    names = check_personas(art, brand)
    assert len(names) >= 2
