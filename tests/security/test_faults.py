"""Faults the served app must survive: a build killed half-way, a corrupted model artifact,
a missing warehouse, a garbage upload. Each ends in a clear message, never a traceback,
a server path or a changed warehouse."""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.security.support import DATA_SUMMARY, signed_in_client

ROOT = Path(__file__).resolve().parents[2]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_a_build_killed_half_way_leaves_the_previous_warehouse_served(
    reference_db, shared_data, tmp_path
):
    db = tmp_path / "warehouse.duckdb"
    shutil.copyfile(reference_db, db)
    before = _sha(db)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CARSIGHT_CONFIG": str(tmp_path / "none")}
    build = subprocess.Popen(
        [sys.executable, "-c", "from app.cli import main; main()", "build", str(shared_data),
         "--db", str(db), "--quiet"],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    # Killed while it writes the new warehouse (a fixed sleep raced a fast machine's
    # whole build: the rebuilt file then replaced the old one, as it should).
    partial = tmp_path / f".{db.name}.tmp-{build.pid}"
    deadline = time.monotonic() + 120
    while not partial.exists() and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert partial.exists(), "the build never started writing its new warehouse"
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=30)
    assert _sha(db) == before  # the half-written file never replaced it

    from app import create_app
    from app.settings import load_settings

    app = create_app(load_settings(db=db, ops_db=tmp_path / "ops.sqlite"))
    client = signed_in_client(app, tmp_path / "ops.sqlite", "after-kill", "analyst")
    summary = client.post("/_dash-update-component", json=DATA_SUMMARY)
    assert summary.status_code == 200 and "data-summary" in summary.get_data(as_text=True)


def test_a_missing_warehouse_gives_a_clear_message_not_a_traceback(tmp_path):
    from app import create_app
    from app.settings import load_settings

    app = create_app(load_settings(db=tmp_path / "gone.duckdb", ops_db=tmp_path / "ops.sqlite"))
    client = signed_in_client(app, tmp_path / "ops.sqlite", "missing-wh", "admin")
    response = client.post("/_dash-update-component", json=DATA_SUMMARY)
    text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "carsight build" in text  # what to do
    assert "Traceback" not in text and "site-packages" not in text


@pytest.mark.slow
def test_a_corrupted_model_artifact_explains_itself_on_the_prediction_tab(
    trained_reference, tmp_path
):
    import callbacks.global_strategy as gs
    import callbacks.predict as predict
    from app.services import install
    from app.settings import load_settings

    db, source = trained_reference
    artifacts = tmp_path / "artifacts"
    shutil.copytree(source, artifacts)
    model = next((artifacts / "segmentation" / "Kia").rglob("*.skops"))
    model.write_bytes(model.read_bytes()[:100] + b"garbage")
    install(load_settings(db=db, artifacts_dir=artifacts, ops_db=tmp_path / "ops.sqlite"))
    status = predict.form_choices("Kia", "ko", None, None, None, None, None, None)[0]
    message = str(status)
    assert "SHA-256" in message or "skops" in message  # names what is wrong
    assert "carsight train" in message  # and the fix
    # another brand and the other pages are unaffected
    assert predict.form_choices("Hyundai", "ko", None, None, None, None, None, None)[0] is None
    spec = gs.resolve_filters({"source": "customers"}, [], [], None, "ko")["spec"]
    assert gs.render_top10(spec, "ko")  # figures as before


def test_a_garbage_upload_is_refused_and_changes_nothing(tmp_path):
    import callbacks.automation as automation
    from app.services import install
    from app.settings import load_settings
    from warehouse.build import build

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "hmc-sales-by-model-december-y2023.csv").write_text(
        "Model,Vehicle Type,Sales Type,Jan.,Feb.,Mar.,Apr.,May,Jun.,Jul.,Aug.,Sep.,Oct.,Nov.,"
        "Dec.\nAvante (CN7),PC,Domestic" + ",10" * 12 + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "warehouse.duckdb"
    build([raw], db)
    before = _sha(db)
    install(load_settings(db=db, ops_db=tmp_path / "ops.sqlite", upload_dir=tmp_path / "uploads"))
    garbage = "data:text/csv;base64," + base64.b64encode(os.urandom(4096)).decode()
    cards = automation.upload(
        [garbage, garbage, "data:x;base64,@@@"], ["hmc-y2023.csv", "tool.exe", "broken.csv"], "en"
    )
    text = str(cards)
    assert text.count("refused") + text.count("Refused") >= 3 or "danger" in text
    assert _sha(db) == before
    assert str(tmp_path) not in text  # no server path reaches the browser
