"""The market explorer in a real headless Chromium against `carsight serve` on the app's
own sample data: every page loads without console errors, and a click on a chart
narrows the page's other charts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from app import ids
from tests.e2e.conftest import _serve, click_point, dash_idle, query_of, severe_logs

# each page and a view it draws once its data is in
PAGES = (
    ("exports", ids.EXP_LINES),
    ("models", ids.EXP_TOP_BAR),
    ("plants", ids.EXP_TOTALS),
    ("retail", ids.EXP_TREND),
    ("competitors", ids.EXP_OUR_SHARE),
    ("sources", ids.EXP_FILE_LOG),
)


def dom(page: str, role: str) -> str:
    return json.dumps(ids.explorer(page, role), sort_keys=True, separators=(",", ":"))


def css(page: str, role: str) -> str:
    return "[id='" + dom(page, role) + "']"


@pytest.fixture(scope="module")
def served_sample(sample_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """`carsight serve` on the sample data set (seed 42, as `carsight serve` builds it)."""
    yield from _serve(sample_db, tmp_path_factory.mktemp("explorer-sample"))


def _open(browser, url: str, page: str, view: str) -> WebDriverWait:
    browser.get(url)
    wait = WebDriverWait(browser, 90, poll_frequency=0.1)
    wait.until(lambda d: _drawn(d, page, view) and dash_idle(d))
    return wait


def _drawn(driver, page: str, view: str) -> bool:
    """The chart has its title, or (a view without a chart) its container has text; read
    in one script so a re-render between two reads cannot leave a stale element."""
    return driver.execute_script(
        "const el = document.querySelector(`[id='${arguments[0]}']`);"
        "if (!el) return false;"
        "const title = el.querySelector('.gtitle');"
        "if (title) return Boolean(title.textContent);"
        "return !el.querySelector('.js-plotly-plot') && el.innerText.trim().length > 0;",
        dom(page, view),
    )


def _value(browser, page: str, role: str) -> str:
    select = Select(browser.find_element(By.CSS_SELECTOR, css(page, role)))
    return select.first_selected_option.get_attribute("value")


@pytest.mark.parametrize(("page", "view"), PAGES)
def test_each_explorer_page_loads_on_sample_data_without_console_errors(
    served_sample, browser, page, view
):
    _open(browser, f"{served_sample}explorer/{page}", page, view)
    insights = browser.find_element(By.CSS_SELECTOR, css(page, ids.EXP_INSIGHTS))
    assert insights.text.strip()
    assert "선택한 조건에 데이터가 없습니다" not in insights.text
    assert severe_logs(browser) == []


def test_clicking_a_region_bar_narrows_the_monthly_lines_and_the_url(served_sample, browser):
    page = "exports"
    wait = _open(browser, f"{served_sample}explorer/exports?brand=Hyundai", page, ids.EXP_SHARE)
    lines = css(page, ids.EXP_LINES)
    assert len(browser.find_elements(By.CSS_SELECTOR, f"{lines} g.trace.scatter")) > 3
    bars = f"{css(page, ids.EXP_SHARE)} g.point path"
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, bars)) > 1)
    click_point(
        browser,
        lambda d: d.find_elements(By.CSS_SELECTOR, bars)[1],
        lambda d: _value(d, page, ids.EXP_FOCUS) not in ("*", ""),
    )
    region = _value(browser, page, ids.EXP_FOCUS)
    wait.until(lambda d: query_of(d).get("region") == [region])
    wait.until(
        lambda d: (
            dash_idle(d) and len(d.find_elements(By.CSS_SELECTOR, f"{lines} g.trace.scatter")) == 1
        )
    )
    heatmap_rows = browser.execute_script(
        "return document.querySelector(arguments[0] + ' .js-plotly-plot').data[0].y;",
        css(page, ids.EXP_HEATMAP),
    )
    assert len(heatmap_rows) == 1
    assert severe_logs(browser) == []
