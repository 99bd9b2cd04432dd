"""A fresh clone's first start serves the first page before training and forecasting
are done (they ran first and took about 2 minutes), says "준비 중 … %" meanwhile, and
completes in the background. The time itself is measured by
benchmarks/first_start_bench.py, not here."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pytest

from app.first_start import read_status, status_path


@pytest.mark.long
@pytest.mark.slow
def test_the_first_page_is_served_while_the_models_are_still_being_made(tmp_path: Path):
    from benchmarks.first_start_bench import first_start

    db = tmp_path / "data" / "warehouse.duckdb"
    seen: dict = {}

    # serve, and note the status the moment the first page is there
    import threading

    def watch() -> None:
        while "status" not in seen:
            status = read_status(db)
            if status:
                seen["status"] = status
            time.sleep(0.1)

    threading.Thread(target=watch, daemon=True).start()
    run = first_start(tmp_path, wait_complete=True)
    assert seen["status"]["step"] == "train" and seen["status"]["percent"] == 34
    assert run.complete is not None and run.complete > run.first and run.first_cpu
    assert not status_path(db).exists()
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.sql("select count(*) from customer_segments").fetchall()[0][0] > 0
        assert con.sql("select count(*) from forecast_runs").fetchall()[0][0] == 1


def test_the_shell_says_which_step_runs_and_how_far(tmp_path):
    from app import first_start
    from app.services import install
    from app.settings import load_settings
    from callbacks.live import first_start_progress

    db = tmp_path / "warehouse.duckdb"
    install(load_settings(db=db, ops_db=tmp_path / "ops.sqlite"))
    assert first_start_progress(1, "ko") is None
    first_start._write(db, step="forecast", percent=67)
    assert "준비 중: 수요 예측 … 67%" in str(first_start_progress(1, "ko"))
    assert "Preparing: forecasting demand … 67%" in str(first_start_progress(1, "en"))
    first_start._write(db, step="train", percent=34, error="error: no customers")
    assert "`carsight train`로 다시 실행하세요" in str(first_start_progress(1, "ko"))
