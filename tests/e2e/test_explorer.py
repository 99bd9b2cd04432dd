"""The market explorer in a real headless Chromium against `carsight serve` on the app's
own sample data: every page loads without console errors, and a click on a chart
narrows the page's other charts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from app import ids
from tests.e2e.conftest import _serve, dash_idle, figure_title, query_of, severe_logs

PAGES = ("exports",)


def dom(page: str, role: str) -> str:
    return json.dumps(ids.explorer(page, role), sort_keys=True, separators=(",", ":"))


def css(page: str, role: str) -> str:
    return "[id='" + dom(page, role) + "']"


@pytest.fixture(scope="module")
def served_sample(tmp_path_factory: pytest.TempPathFactory):
    """`carsight serve` on the sample data set (seed 42, as `carsight serve` builds it)."""
    from warehouse.build import build
    from warehouse.sample import generate

    folder: Path = tmp_path_factory.mktemp("explorer-sample")
    generate(folder / "raw", seed=42)
    build([folder / "raw"], folder / "warehouse.duckdb")
    yield from _serve(folder / "warehouse.duckdb", folder)


def _open(browser, url: str, page: str, chart: str) -> WebDriverWait:
    browser.get(url)
    wait = WebDriverWait(browser, 45, poll_frequency=0.1)
    wait.until(lambda d: figure_title(d, dom(page, chart)) and dash_idle(d))
    return wait


def _value(browser, page: str, role: str) -> str:
    select = Select(browser.find_element(By.CSS_SELECTOR, css(page, role)))
    return select.first_selected_option.get_attribute("value")


@pytest.mark.parametrize(
    ("page", "chart"),
    [("exports", ids.EXP_LINES)],
)
def test_each_explorer_page_loads_on_sample_data_without_console_errors(
    served_sample, browser, page, chart
):
    _open(browser, f"{served_sample}explorer/{page}", page, chart)
    insights = browser.find_element(By.CSS_SELECTOR, css(page, ids.EXP_INSIGHTS))
    assert insights.text.strip()
    assert severe_logs(browser) == []


def test_clicking_a_region_bar_narrows_the_monthly_lines_and_the_url(served_sample, browser):
    page = "exports"
    wait = _open(browser, f"{served_sample}explorer/exports?brand=Hyundai", page, ids.EXP_SHARE)
    lines = css(page, ids.EXP_LINES)
    assert len(browser.find_elements(By.CSS_SELECTOR, f"{lines} g.trace.scatter")) > 3
    bars = browser.find_elements(By.CSS_SELECTOR, f"{css(page, ids.EXP_SHARE)} g.point path")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", bars[1])
    ActionChains(browser).move_to_element(bars[1]).click().perform()
    wait.until(lambda d: _value(d, page, ids.EXP_FOCUS) not in ("*", ""))
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
