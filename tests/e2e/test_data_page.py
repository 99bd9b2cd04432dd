"""The data page in a real headless Chromium against `carsight serve`."""

from __future__ import annotations

import duckdb
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from app import ids
from tests.e2e.conftest import severe_logs


def test_data_page_shows_warehouse_counts_and_switches_language(served_app, browser, reference_db):
    con = duckdb.connect(str(reference_db), read_only=True)
    fact_rows = con.sql("select count(*) from fact_sales").fetchall()[0][0]
    con.close()

    browser.get(served_app + "data")
    wait = WebDriverWait(browser, 30)
    summary = wait.until(ec.presence_of_element_located((By.ID, ids.DATA_SUMMARY)))
    wait.until(lambda d: "적재 파일" in summary.text)
    assert f"{fact_rows:,}" in summary.text
    assert "데이터 웨어하우스" in summary.text

    browser.find_element(By.ID, ids.LANG_TOGGLE).click()
    wait.until(lambda d: "Files loaded" in d.find_element(By.ID, ids.DATA_SUMMARY).text)
    assert browser.find_element(By.ID, ids.LANG_TOGGLE).text == "한국어"
    quality = browser.find_element(By.ID, ids.DATA_QUALITY_TABLE).text
    assert "file_year_excluded" in quality
    assert severe_logs(browser) == []
