"""The data version, the train/forecast race with a rebuild, and leftovers of dead writers.

Every build and ingest stamps a new data version (warehouse_meta). Derived
results (`carsight train`, `carsight forecast`) are written only onto the data
they read: the race is made deterministic with their `after_read` hook, which
rebuilds the warehouse with other data between their read and their write.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.warehouse.test_bad_input import hmc_sales_text, kia_export_text, rows, write
from warehouse.build import build, ingest
from warehouse.meta import DataChanged, data_version, read_meta

REPO = Path(__file__).resolve().parents[2]


def _small(folder: Path) -> Path:
    write(folder / "hyundai" / "hmc-sales-by-model-december-y2023.csv", hmc_sales_text())
    write(folder / "kia" / "kia-export-by-region-2023.csv", kia_export_text())
    return folder


@pytest.mark.slow
def test_every_build_and_ingest_stamps_a_new_data_version(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build([_small(tmp_path / "raw")], db)
    first = read_meta(db)
    assert first["command"] == "build" and len(str(first["fingerprint"])) == 64
    extra = write(
        tmp_path / "more" / "hmc-sales-by-model-december-y2024.csv",
        hmc_sales_text().replace("Avante (CN7)", "Avante (CN7 HEV)"),
    )
    ingest([extra], db)
    second = read_meta(db)
    assert second["command"] == "ingest"
    assert second["data_version"] != first["data_version"]
    assert second["fingerprint"] != first["fingerprint"]
    build([tmp_path / "raw"], db)
    third = read_meta(db)
    assert third["fingerprint"] == first["fingerprint"]
    assert third["data_version"] not in {first["data_version"], second["data_version"]}


def test_next_writer_removes_leftovers_of_dead_writers_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "w.duckdb"
    build([_small(tmp_path / "raw")], db)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    pid = int(dead.stdout)
    stray = [tmp_path / f".w.duckdb.tmp-{pid}", tmp_path / f".w.duckdb.tmp-{pid}.wal"]
    for path in stray:
        path.write_bytes(b"half-written")
    live = tmp_path / f".w.duckdb.tmp-{os.getpid()}.keep"  # not a writer's name: untouched
    live.write_bytes(b"")
    capsys.readouterr()
    build([tmp_path / "raw"], db)
    assert not any(p.exists() for p in stray)
    assert live.exists()
    err = capsys.readouterr().err
    assert "removed 2 leftover file(s) of writers that are no longer running" in err
    assert f".w.duckdb.tmp-{pid}.wal" in err


# --- the race: derived results are written only onto the data they read --------------------


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two small generated data sets with different customers (seed 1 and seed 2)."""
    from warehouse.sample import generate

    root = tmp_path_factory.mktemp("sample")
    generate(root / "a", seed=1, scale=0.05)
    generate(root / "b", seed=2, scale=0.05)
    return root / "a", root / "b"


@pytest.mark.slow
def test_train_writes_nothing_when_a_rebuild_lands_after_its_read(
    sample: tuple[Path, Path], tmp_path: Path
) -> None:
    from analytics.segments.train import train
    from app.i18n.dealer import render_persona

    a, b = sample
    db, artifacts = tmp_path / "w.duckdb", tmp_path / "artifacts"
    build([a], db)
    before = rows(db, "select count(*) from customer_segments")
    with pytest.raises(DataChanged) as info:
        train(
            db,
            artifacts_dir=artifacts,
            persona_text=render_persona,
            after_read=lambda: build([b], db),
        )
    assert "nothing was written" in info.value.reason
    assert "carsight train" in info.value.hint
    assert rows(db, "select count(*) from customer_segments") == before
    assert read_meta(db)["trained_data_version"] is None
    # a first training refused: no version, no pointer, no empty folders
    assert not (artifacts / "segmentation").exists()
    # undisturbed, the same command writes and records the version in tables and manifests
    report = train(db, artifacts_dir=artifacts, persona_text=render_persona)
    version = data_version(db)
    assert read_meta(db)["trained_data_version"] == version
    for run in report.runs:
        manifest = json.loads(
            (artifacts / "segmentation" / run.brand / run.version / "manifest.json").read_text()
        )
        assert manifest["data"]["data_version"] == version


@pytest.mark.slow
def test_forecast_writes_nothing_when_a_rebuild_lands_after_its_read(
    sample: tuple[Path, Path], tmp_path: Path
) -> None:
    from app.cli.forecast import run_forecast_command

    a, b = sample
    db = tmp_path / "w.duckdb"
    build([a], db)

    def quiet(step: str, done: int, total: int) -> None:
        return None

    with pytest.raises(DataChanged):
        run_forecast_command(
            db,
            horizon=3,
            series_filter="Hyundai|region_export|market=Canada",
            workers=1,
            progress=quiet,
            after_read=lambda: build([b], db),
        )
    assert rows(db, "select count(*) from forecast_runs") == [(0,)]
    assert read_meta(db)["forecast_data_version"] is None


# --- kill -9 at random points -------------------------------------------------------------


_BUILD = "import sys; from pathlib import Path; from warehouse.build import build; " \
         "build([Path(sys.argv[1])], Path(sys.argv[2]))"  # fmt: skip


def _totals(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.sql(
            "select brand, flow, count(*), sum(units) from fact_sales group by all order by all"
        ).fetchall()
    finally:
        con.close()


@pytest.mark.slow
def test_a_build_killed_at_random_points_leaves_the_previous_warehouse_and_no_strays(
    shared_data: Path, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    build([shared_data], db)
    before = _totals(db)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    rng = random.Random(10)
    for delay in sorted(rng.uniform(0.5, 6.0) for _ in range(4)):
        child = subprocess.Popen([sys.executable, "-c", _BUILD, str(shared_data), str(db)],
                                 env=env, cwd=tmp_path)  # fmt: skip
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert _totals(db) == before
    build([shared_data], db)
    assert _totals(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb", "w.duckdb.lock"]


# --- which stored results belong to the data held now (the pages' rule) ------------------


def test_results_are_current_for_their_version_and_for_a_rebuild_of_the_same_files() -> None:
    from warehouse.meta import is_current

    now = {"data_version": "20260101T000000-aaaaaaaa-000001"}
    assert is_current("20260101T000000-aaaaaaaa-000001", now)
    assert is_current("20251201T000000-aaaaaaaa-00ffff", now)  # same files, built earlier
    assert not is_current("20251201T000000-bbbbbbbb-000001", now)  # other files
    assert not is_current(None, now)  # results that never recorded their data
    assert is_current(None, {})  # a warehouse from before data versions: nothing to compare


def test_derived_current_reads_both_kinds_from_warehouse_meta(tmp_path: Path) -> None:
    from warehouse.meta import derived_current

    meta = {
        "data_version": "20260101T000000-aaaaaaaa-000001",
        "trained_data_version": "20250101T000000-cccccccc-000001",
        "forecast_data_version": "20260101T000000-aaaaaaaa-000001",
    }
    assert derived_current(meta) == {"trained": False, "forecast": True}
