"""Live data in a real headless Chromium: an ingest while the app serves a page shows
the new numbers within 10 s, without a reload, and no request fails."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from app import ids
from tests.e2e.conftest import _serve, severe_logs
from warehouse.build import build, ingest

pytestmark = pytest.mark.e2e
NEW_FILE = "raw/kia/기아_2023년_해외공장판매실적.csv"


def _fact_rows(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.sql("select count(*) from fact_sales").fetchall()[0][0])
    finally:
        con.close()


@pytest.fixture()
def live_app(shared_data: Path, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("live")
    db = folder / "warehouse.duckdb"
    build([shared_data / "raw" / "hyundai"], db)
    for url in _serve(db, folder):
        yield url, db, folder / "serve.log"


def test_an_ingest_shows_new_numbers_without_a_reload(live_app, browser, shared_data):
    url, db, log = live_app
    before = _fact_rows(db)
    browser.get(url + "data")
    wait = WebDriverWait(browser, 30)
    summary = wait.until(ec.presence_of_element_located((By.ID, ids.DATA_SUMMARY)))
    wait.until(lambda d: f"{before:,}" in summary.text)
    badge = browser.find_element(By.ID, ids.DATA_VERSION_BADGE)
    wait.until(lambda d: "데이터 갱신됨" in badge.text)
    old_badge = badge.text
    browser.execute_script("window.__carsightMarker = 'same page';")

    ingest([shared_data / NEW_FILE], db)
    ingested = time.monotonic()
    after = _fact_rows(db)
    assert after > before
    WebDriverWait(browser, 10, poll_frequency=0.2).until(
        lambda d: f"{after:,}" in d.find_element(By.ID, ids.DATA_SUMMARY).text
    )
    latency = time.monotonic() - ingested
    print(f"refresh latency: {latency:.1f} s")
    assert latency < 10
    # no reload: the marker set on the page survives; the badge names the new version
    assert browser.execute_script("return window.__carsightMarker;") == "same page"
    assert browser.find_element(By.ID, ids.DATA_VERSION_BADGE).text.startswith("데이터 갱신됨")
    assert old_badge  # shown before the swap too
    assert severe_logs(browser) == []
    assert '" 500 ' not in log.read_text(encoding="utf-8")  # no request failed
