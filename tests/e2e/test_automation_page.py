"""The automation page in a real headless Chromium: sections in both languages, and a
campaign preview with its recipient count before anything can be sent."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from app import ids
from tests.e2e.conftest import severe_logs

pytestmark = pytest.mark.e2e


def test_the_page_previews_a_campaign_and_switches_language(served_reference_app, browser):
    browser.get(served_reference_app + "automation")
    wait = WebDriverWait(browser, 60, poll_frequency=0.2)
    wait.until(lambda d: "1. 보고서" in d.find_element(By.TAG_NAME, "main").text)
    main = browser.find_element(By.TAG_NAME, "main").text
    for heading in ("2. 캠페인 이메일", "3. 이메일 기록", "4. 일정", "5. 데이터 업로드"):
        assert heading in main
    send = browser.find_element(By.ID, ids.AUTO_CAMPAIGN_SEND)
    assert send.get_property("disabled")  # no sending before a preview
    browser.find_element(By.ID, ids.AUTO_CAMPAIGN_PREVIEW).click()
    wait.until(lambda d: "수신자" in d.find_element(By.ID, ids.AUTO_CAMPAIGN_SUMMARY).text)
    assert "명" in browser.find_element(By.ID, ids.AUTO_CAMPAIGN_SUMMARY).text
    wait.until(
        lambda d: not d.find_element(By.ID, ids.AUTO_CAMPAIGN_SEND).get_attribute("disabled")
    )
    browser.find_element(By.ID, ids.LANG_TOGGLE).click()
    wait.until(lambda d: "1. Reports" in d.find_element(By.TAG_NAME, "main").text)
    assert "Drop files here" in browser.find_element(By.ID, ids.AUTO_UPLOAD).text
    assert severe_logs(browser) == []
