"""The data page's summary reads (warehouse.status) on the reference warehouse."""

from __future__ import annotations

from pathlib import Path

from analytics.warehouse_status import warehouse_status
from warehouse import status
from warehouse.connection import Warehouse


def test_counts_match_the_tables(reference_db: Path, ref) -> None:
    wh = Warehouse(reference_db)
    try:
        counts = status.load_counts(wh)
    finally:
        wh.close()
    assert counts == {
        "files": ref("select count(*) from load_log where status = 'loaded'")[0][0],
        "fact_rows": 29494,
        "rejected_rows": ref("select count(*) from rejected_rows")[0][0],
        "warnings": ref("select count(*) from data_quality where severity = 'warning'")[0][0],
    }


def test_status_lists_warnings_first_and_every_file_once(reference_db: Path, ref) -> None:
    wh = Warehouse(reference_db)
    try:
        found = warehouse_status(warehouse=wh)
    finally:
        wh.close()
    severities = found.data_quality.get_column("severity").to_list()
    assert severities == sorted(severities, reverse=True)
    assert found.data_quality.height == ref("select count(*) from data_quality")[0][0]
    files = found.load_log.get_column("source_file").to_list()
    assert files == sorted(files)
    assert len(files) == ref("select count(*) from load_log")[0][0]
