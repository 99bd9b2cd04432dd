"""Files arriving while the app runs: per-file results, the watch folder, data versions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from warehouse.build import build
from warehouse.inbox import data_version, ingest_each, watch_once

REGION = "raw/hyundai/hmc-export-by-region-december-y2023.csv"


@pytest.fixture()
def small_db(shared_data: Path, tmp_path: Path) -> Path:
    """A warehouse of the Hyundai raw downloads only."""
    db = tmp_path / "warehouse.duckdb"
    build([shared_data / "raw" / "hyundai"], db)
    return db


def _bad_copy(shared_data: Path, folder: Path) -> Path:
    """The region-export file as a 2024 download with one unreadable number (line 3)."""
    lines = (shared_data / REGION).read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace('" 9,824 "', '"nine thousand"', 1)
    path = folder / "hmc-export-by-region-december-y2024.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_each_file_reports_format_rows_and_rejected_rows(shared_data, small_db, tmp_path):
    kia = tmp_path / "기아_2023년_해외현지판매.csv"
    shutil.copy(shared_data / "raw" / "kia" / kia.name, kia)
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    before = data_version(small_db)
    loaded, bad, refused = ingest_each(
        [kia, _bad_copy(shared_data, tmp_path), text], db=small_db, ops_db=None
    )
    assert (loaded.status, bad.status, refused.status) == ("loaded", "loaded", "refused")
    assert loaded.format and loaded.rows_loaded > 0 and loaded.rows_rejected == 0
    assert bad.rows_rejected == 1 and bad.rows_loaded == bad.rows_read - 1
    [reject] = bad.rejects
    assert reject["line"] == 3 and reject["reason"]
    assert "only .csv and .xlsx" in (refused.message or "")
    assert data_version(small_db).key != before.key  # readers see a new version


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    big = tmp_path / "big.csv"
    big.write_text("a,b\n" + "1,2\n" * 100, encoding="utf-8")
    [result] = ingest_each([big], db=tmp_path / "none.duckdb", ops_db=None, max_bytes=10)
    assert result.status == "refused" and "limit" in (result.message or "")


@pytest.mark.slow
def test_watch_moves_files_to_processed_or_failed(shared_data, small_db, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(shared_data / "raw" / "kia" / "기아_2023년_해외공장판매실적.csv", inbox)
    (inbox / "garbage.csv").write_text("this,is\nnot,an IR file\n", encoding="utf-8")
    results = watch_once(inbox, db=small_db, ops_db=None)
    assert sorted(r.status for r in results) == ["loaded", "refused"]
    assert [p.name for p in (inbox / "processed").iterdir()] == ["기아_2023년_해외공장판매실적.csv"]
    failed = sorted(p.name for p in (inbox / "failed").iterdir())
    assert failed == ["garbage.csv", "garbage.csv.error.txt"]
    assert (inbox / "failed" / "garbage.csv.error.txt").read_text(encoding="utf-8").strip()
    assert [p.name for p in inbox.iterdir() if p.is_file()] == []


def test_the_data_version_of_a_missing_file():
    assert data_version(Path("/nonexistent/warehouse.duckdb")).key == "missing"
