"""The shared `browser` (one per test worker) reaches each test as a new one would:
signed out and with no stored data, but with the app's scripts still in its HTTP cache."""

from __future__ import annotations

from urllib.parse import urlparse

from selenium import webdriver

from tests.e2e.conftest import open_settled, reset_browser

_CACHED_RENDERER = """
return performance.getEntriesByType('resource')
  .filter(e => e.name.includes('dash_renderer'))
  .map(e => e.transferSize);
"""


def test_a_reset_browser_is_signed_out_with_no_stored_data_but_a_warm_cache(served_app, browser):
    open_settled(browser, served_app + "data", "en")
    browser.execute_script("sessionStorage.setItem('left-behind', '1')")
    assert browser.execute_script("return localStorage.getItem('app-lang')") == '"en"'

    reset_browser(browser)

    webdriver.Chrome.get(browser, served_app + "data")  # without the automatic sign-in
    assert urlparse(browser.current_url).path == "/login"
    assert browser.execute_script("return localStorage.getItem('app-lang')") is None
    assert browser.execute_script("return sessionStorage.length") == 0
    open_settled(browser, served_app + "data")
    assert browser.execute_script("return document.documentElement.lang") == "ko"
    assert browser.execute_script(_CACHED_RENDERER) == [0]  # from the cache, not the server
