"""The served app keeps answering while the warehouse file is swapped under it, and while
an analyst holds the file read-write."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from app import ids

HEADER = "Model,Vehicle Type,Sales Type," + ",".join(
    ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]
)
# the data page's summary: three warehouse reads per request
STATUS_REQUEST = {
    "output": f"..{ids.DATA_SUMMARY}.children...{ids.DATA_QUALITY_TABLE}.children"
    f"...{ids.DATA_LOAD_LOG_TABLE}.children..",
    "outputs": [
        {"id": ids.DATA_SUMMARY, "property": "children"},
        {"id": ids.DATA_QUALITY_TABLE, "property": "children"},
        {"id": ids.DATA_LOAD_LOG_TABLE, "property": "children"},
    ],
    "inputs": [
        {"id": ids.LANG_STORE, "property": "data", "value": "en"},
        {"id": ids.DATA_VERSION, "property": "data", "value": None},
    ],
    "changedPropIds": [f"{ids.LANG_STORE}.data"],
}
HOLD_READ_WRITE = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])      # read-write: takes the file's lock
print("locked", flush=True)
sys.stdin.readline()
"""


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    from warehouse.build import build

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "hmc-sales-by-model-december-y2023.csv").write_text(
        HEADER + "\nAvante (CN7),PC,Domestic" + ",10" * 12 + "\n", encoding="utf-8"
    )
    path = tmp_path / "warehouse.duckdb"
    build([raw], path)
    return path


@pytest.fixture()
def served(db: Path, tmp_path: Path):
    """The real app on a threaded local server; yields a `post()` that returns
    (status, body)."""
    from werkzeug.serving import make_server

    from app import create_app
    from app.settings import load_settings
    from tests.security.support import session_cookie

    app = create_app(load_settings(db=db, ops_db=tmp_path / "ops.sqlite"))
    cookie = session_cookie(app, tmp_path / "ops.sqlite", "swap-analyst", "analyst")
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/_dash-update-component"

    def post(body: dict) -> tuple[int, str]:
        request = urllib.request.Request(
            url,
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", "Cookie": cookie},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    yield post
    server.shutdown()
    thread.join(timeout=10)


def _swap(db: Path, n: int) -> None:
    """Rename a rebuilt copy over the warehouse file (a new inode each time), as
    `carsight build` does."""
    copy = db.with_name(f".{db.name}.swap-{n}")
    shutil.copyfile(db, copy)
    os.replace(copy, db)


def _ok(status: int, body: str) -> bool:
    # a read that failed would show the input alert instead of the summary
    return status == 200 and ids.INPUT_ALERT not in body and "Fact rows" in body


@pytest.mark.slow
def test_concurrent_requests_survive_repeated_swaps(served, db: Path):
    outcomes: Counter[str] = Counter()
    stop = threading.Event()

    def client() -> None:
        while not stop.is_set():
            status, body = served(STATUS_REQUEST)
            outcomes["ok" if _ok(status, body) else f"{status}: {body[:200]}"] += 1

    clients = [threading.Thread(target=client) for _ in range(8)]
    for thread in clients:
        thread.start()
    deadline = time.monotonic() + 120
    n = 0
    while (n < 25 or sum(outcomes.values()) < 100) and time.monotonic() < deadline:
        _swap(db, n)
        n += 1
        time.sleep(0.1)
    stop.set()
    for thread in clients:
        thread.join(timeout=60)
    assert [k for k in outcomes if k != "ok"] == []
    assert outcomes["ok"] >= 100


@pytest.mark.slow
def test_an_analyst_holding_the_new_file_read_write_does_not_stop_the_app(served, db: Path):
    assert _ok(*served(STATUS_REQUEST))  # the app has the warehouse open
    _swap(db, 0)  # a rebuild, then an analyst opens the new file read-write first
    analyst = subprocess.Popen(
        [sys.executable, "-c", HOLD_READ_WRITE, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert analyst.stdout.readline().strip() == "locked"
        assert _ok(*served(STATUS_REQUEST))  # still served, from the version already open
    finally:
        analyst.communicate("done\n", timeout=30)
    assert _ok(*served(STATUS_REQUEST))


@pytest.mark.slow
def test_a_locked_warehouse_at_start_shows_one_banner_naming_the_lock(served, db: Path):
    analyst = subprocess.Popen(
        [sys.executable, "-c", HOLD_READ_WRITE, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert analyst.stdout.readline().strip() == "locked"
        status, body = served(STATUS_REQUEST)
    finally:
        analyst.communicate("done\n", timeout=30)
    assert status == 200
    assert "locked by another process" in body and "duckdb -readonly" in body
    assert _ok(*served(STATUS_REQUEST))  # the lock is gone: the page reads again
