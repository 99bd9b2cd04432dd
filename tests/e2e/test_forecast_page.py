"""The forecast page in a real headless Chromium against `carsight serve` on a warehouse
after a real `carsight forecast` run (Kia exports by region, tests/forecast_support.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from app import ids
from tests.e2e.conftest import _serve, dash_idle, figure_title, query_of, severe_logs
from tests.forecast_support import REPO, forecast_copy

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture(scope="module")
def served_forecast_app(reference_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """`carsight serve` on a copy of the reference warehouse with a stored forecast run."""
    db = forecast_copy(reference_db, tmp_path_factory)
    yield from _serve(db, tmp_path_factory.mktemp("serve-forecast"), PYTHONPATH=str(REPO))


def _text(driver, element_id: str) -> str:
    return driver.find_element(By.ID, element_id).text


def _visible_traces(driver) -> list[str]:
    return driver.execute_script(
        "const gd = document.querySelector(`[id='${arguments[0]}'] .js-plotly-plot`);"
        "return gd ? gd.data.filter(t => t.visible !== 'legendonly').map(t => t.name) : [];",
        ids.FC_CHART,
    )


def test_choose_a_series_and_the_chart_metrics_and_url_follow(served_forecast_app, browser):
    browser.get(served_forecast_app + "forecast?brand=Kia")
    wait = WebDriverWait(browser, 60, poll_frequency=0.1)
    wait.until(lambda d: "전체 시장" in figure_title(d, ids.FC_CHART) and dash_idle(d))
    total_metrics = _text(browser, ids.FC_METRICS_TABLE)
    assert "계절 나이브" in total_metrics and "MASE" in total_metrics
    assert "향후 6개월" in _text(browser, ids.FC_SUMMARY)
    assert "carsight forecast" not in _text(browser, ids.FC_STATUS)

    Select(browser.find_element(By.ID, ids.FC_MARKET)).select_by_value("USA")
    wait.until(lambda d: query_of(d).get("market") == ["USA"])
    wait.until(lambda d: "미국" in figure_title(d, ids.FC_CHART) and dash_idle(d))
    wait.until(lambda d: _text(d, ids.FC_METRICS_TABLE) not in ("", total_metrics))
    assert query_of(browser)["brand"] == ["Kia"]

    # a model switched on in the checklist appears in the chart
    assert "Prophet" not in _visible_traces(browser)
    browser.find_element(By.CSS_SELECTOR, f"#{ids.FC_MODELS} input[value='prophet']").click()
    wait.until(lambda d: "Prophet" in _visible_traces(d))
    # the band model goes into the link and the band, summary and quarters follow it
    Select(browser.find_element(By.ID, ids.FC_BAND)).select_by_value("lightgbm")
    wait.until(lambda d: query_of(d).get("band") == ["lightgbm"])
    wait.until(lambda d: "80% 구간 (LightGBM)" in _visible_traces(d) and dash_idle(d))
    assert "LightGBM 예측 합계" in _text(browser, ids.FC_SUMMARY)
    assert query_of(browser)["market"] == ["USA"]
    assert severe_logs(browser) == []


def test_a_copied_link_reopens_the_view_and_names_a_bad_parameter(served_forecast_app, browser):
    browser.get(served_forecast_app + "forecast?brand=Kia&market=USA&backtest=1&market2=x")
    wait = WebDriverWait(browser, 60, poll_frequency=0.1)
    wait.until(lambda d: "미국" in figure_title(d, ids.FC_CHART) and dash_idle(d))
    assert "market2" in _text(browser, ids.FC_URL_ALERT)
    assert browser.find_element(By.ID, ids.FC_BACKTEST).is_selected()
    assert any(name.startswith("백테스트") for name in _visible_traces(browser))
    assert severe_logs(browser) == []
