"""The dealer page's 지역 (region) view in a real headless Chromium against `carsight serve`."""

from __future__ import annotations

import time

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from app import ids
from tests.e2e.conftest import dash_idle, figure_title, query_of, severe_logs

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

# Customers in the cluster-size chart (sum of its bars), as drawn in the browser.
_CLUSTER_CUSTOMERS = """
const gd = document.querySelector(`[id='${arguments[0]}'] .js-plotly-plot`);
if (!gd || !gd.data) return null;
return gd.data.reduce((n, trace) => n + (trace.y || []).reduce((a, b) => a + b, 0), 0);
"""
# Offset of a heatmap row's first cell from the plot's centre, from plotly's own axes.
_ROW_CENTRE = """
const gd = document.querySelector(`[id='${arguments[0]}'] .js-plotly-plot`);
const row = gd.data[0].customdata.findIndex(r => r[0] === arguments[1]);
const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
return [xa._offset + xa.l2p(0) - box.width / 2, ya._offset + ya.l2p(row) - box.height / 2];
"""

# The region of the heatmap row under the pointer (plotly's hover data; the row's cells
# carry it as their customdata, as _ROW_CENTRE reads it), or null.
_HOVERED = """
const gd = document.querySelector(`[id='${arguments[0]}'] .js-plotly-plot`);
const hovered = gd && gd._hoverdata && gd._hoverdata[0];
if (!hovered) return null;
const row = Array.isArray(hovered.pointNumber) ? hovered.pointNumber[0] : hovered.pointNumber;
return gd.data[0].customdata[row][0];
"""


def _settled(driver, element) -> bool:
    """The element is in view and has not moved for 0.5 s, with no callback in flight."""
    before = element.rect
    time.sleep(0.5)
    if element.rect != before or not dash_idle(driver):
        driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
        )
        return False
    return True


def _click_row(driver, wait: WebDriverWait, region: str) -> None:
    """A real mouse click on the heatmap row of `region`, until the URL names it.

    On a loaded machine plotly may still be redrawing the heatmap (the outline of the
    previous pick) when the click lands, and drops it; picking a region twice is the same
    as once, so the click is repeated a few times before the test gives up.
    """
    for _attempt in range(4):
        heatmap = driver.find_element(By.CSS_SELECTOR, f"#{ids.REGION_HEATMAP} .js-plotly-plot")
        driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", heatmap
        )
        # The charts above it still grow as they load: click once the heatmap stays put.
        wait.until(lambda d, h=heatmap: _settled(d, h))
        dx, dy = driver.execute_script(_ROW_CENTRE, ids.REGION_HEATMAP, region)
        ActionChains(driver).move_to_element_with_offset(heatmap, int(dx), int(dy)).perform()
        # plotly reports a click on the point under the pointer's last hover, and its
        # hover handling runs a moment after the move: a click sent at once was dropped
        # (and the test waited 15 s for the URL before trying again); a pointer that
        # landed on another row (the page still scrolling) is moved again
        try:
            WebDriverWait(driver, 1.5, poll_frequency=0.05).until(
                lambda d: d.execute_script(_HOVERED, ids.REGION_HEATMAP) == region
            )
        except TimeoutException:
            continue
        ActionChains(driver).click().perform()
        try:
            WebDriverWait(driver, 15, poll_frequency=0.1).until(
                lambda d: query_of(d).get("region") == [region]
            )
            return
        except TimeoutException:
            continue
    raise AssertionError(f"clicking the heatmap row of {region} never picked it")


def _clusters(driver) -> int | None:
    return driver.execute_script(_CLUSTER_CUSTOMERS, ids.DEALER_CLUSTER_SIZES)


@pytest.mark.long
def test_choosing_a_region_filters_the_cluster_view(served_reference_app, browser):
    browser.get(served_reference_app + "dealer?brand=Kia")
    wait = WebDriverWait(browser, 60, poll_frequency=0.1)
    wait.until(lambda d: figure_title(d, ids.REGION_HEATMAP) and dash_idle(d))
    assert _clusters(browser) == 1_900

    # the region select of the filter card
    Select(browser.find_element(By.ID, ids.DEALER_REGION)).select_by_value("서울")
    wait.until(lambda d: query_of(d).get("region") == ["서울"])
    wait.until(lambda d: dash_idle(d) and _clusters(d) == 175)
    assert "175명" in browser.find_element(By.ID, ids.REGION_SELECTED).text

    # a click on the heatmap row of 경남 picks that region instead
    _click_row(browser, wait, "경남")
    wait.until(lambda d: dash_idle(d) and _clusters(d) == 121)
    assert (
        Select(browser.find_element(By.ID, ids.DEALER_REGION)).first_selected_option.text == "경남"
    )

    # A DOM click: the sections above still grow as their charts land, so a pointer click
    # at the button's position met the sticky navbar even after scrolling it to the centre.
    clear = browser.find_element(By.ID, ids.REGION_CLEAR)
    browser.execute_script("arguments[0].click();", clear)
    wait.until(lambda d: "region" not in query_of(d))
    wait.until(lambda d: dash_idle(d) and _clusters(d) == 1_900)
    assert severe_logs(browser) == []
