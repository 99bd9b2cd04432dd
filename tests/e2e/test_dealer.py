"""The dealer page in a real headless Chromium against `carsight serve` on trained data."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from app import ids
from tests.e2e.conftest import (
    click_point,
    dash_idle,
    figure_title,
    query_of,
    severe_logs,
    wait_quiet,
)

# The tallest bar segment of the second model in the model x cluster chart, and its model.
_SECOND_MODEL_BAR = """
const gd = document.querySelector(`[id='${arguments[0]}'] .js-plotly-plot`);
let best = null, height = 0;
gd.querySelectorAll('.trace.bars').forEach(trace => {
  const point = trace.querySelectorAll('.point')[1];
  const h = point ? point.getBoundingClientRect().height : 0;
  if (h > height) { height = h; best = point.querySelector('path'); }
});
return [best, gd.data[0].x[1]];
"""


def _drill_title(driver) -> str:
    return driver.execute_script(
        "const t = document.querySelector(`[id='${arguments[0]}'] .gtitle`);"
        "return t ? t.textContent : '';",
        ids.DEALER_DRILLDOWN,
    )


def test_filter_by_market_then_click_model_cluster_opens_the_drilldown(
    served_reference_app, browser
):
    browser.get(served_reference_app + "dealer?brand=Hyundai")
    wait = WebDriverWait(browser, 60, poll_frequency=0.1)
    wait.until(lambda d: figure_title(d, ids.DEALER_MODEL_CLUSTER) and dash_idle(d))
    assert "VIP" in browser.find_element(By.ID, ids.DEALER_SEGMENT_ACTIONS).text

    Select(browser.find_element(By.ID, ids.DEALER_MARKET)).select_by_value("Korea")
    wait.until(lambda d: query_of(d).get("market") == ["Korea"])
    wait.until(lambda d: "대한민국" in _drill_title(d) and dash_idle(d))

    # the filtered chart re-renders (and the page below it grows): the bar is found
    # again after every scroll (a bar found before the last re-render was stale or had
    # moved, so the click missed it once in two runs)
    wait_quiet(browser)
    model = browser.execute_script(_SECOND_MODEL_BAR, ids.DEALER_MODEL_CLUSTER)[1]
    assert model not in _drill_title(browser)
    click_point(
        browser,
        lambda d: d.execute_script(_SECOND_MODEL_BAR, ids.DEALER_MODEL_CLUSTER)[0],
        lambda d: f"대한민국 · {model} " in _drill_title(d),
    )
    wait_quiet(browser)
    drill = browser.find_element(By.ID, ids.DEALER_DRILLDOWN).text
    assert "프로모션" in drill
    assert severe_logs(browser) == []
