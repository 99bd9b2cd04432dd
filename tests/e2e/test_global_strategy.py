"""The global strategy page in a real headless Chromium against `carsight serve`.

Few and fast: explicit waits on what the user would see, no fixed sleeps.
"""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from app import ids
from tests.e2e.conftest import click_point, dash_idle, figure_title, query_of, severe_logs

HYUNDAI_KOREA = "?source=customers&brand=Hyundai&market=Korea"


def _open(browser, url: str) -> WebDriverWait:
    browser.get(url)
    wait = WebDriverWait(browser, 30, poll_frequency=0.1)
    wait.until(lambda d: figure_title(d, ids.GS_TOP10_BAR) and dash_idle(d))
    return wait


def _click(browser, element) -> None:
    """Click like a user: once the page has stopped updating (charts change height),
    scrolled at once (Bootstrap makes scrolling smooth) to the middle of the screen,
    clear of the sticky navbar."""
    WebDriverWait(browser, 30, poll_frequency=0.1).until(dash_idle)
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
    )
    element.click()


def _value(browser, select_id: str) -> str:
    return Select(browser.find_element(By.ID, select_id)).first_selected_option.get_attribute(
        "value"
    )


def test_reference_check_g70_is_17_4_points_above_average_in_korea(served_app, browser):
    wait = _open(browser, served_app + HYUNDAI_KOREA + "&top=lots")
    strong = browser.find_element(By.ID, ids.GS_DEVIATION_STRONG)
    wait.until(lambda d: "G70" in strong.text)
    assert strong.text.splitlines()[0] == "G70 — 지역 평균보다 17.4%p 높음"
    # a broken parameter does not break the page: it is named in an alert
    assert "'top'" in browser.find_element(By.ID, ids.GS_URL_ALERT).text
    assert severe_logs(browser) == []


def test_choosing_a_market_updates_the_top10_and_the_url(served_app, browser):
    wait = _open(browser, served_app + HYUNDAI_KOREA)
    assert "대한민국" in figure_title(browser, ids.GS_TOP10_BAR)
    Select(browser.find_element(By.ID, ids.GS_MARKET)).select_by_value("USA")
    wait.until(lambda d: "미국" in figure_title(d, ids.GS_TOP10_BAR))
    # the deviation chart is a callback of its own: it may land after the top-10
    wait.until(lambda d: "미국" in figure_title(d, ids.GS_DEVIATION_BAR))
    wait.until(lambda d: query_of(d).get("market") == ["USA"])
    assert severe_logs(browser) == []


def test_clicking_a_market_bar_makes_it_the_focus_market(served_app, browser):
    wait = _open(browser, served_app + HYUNDAI_KOREA)
    bars = f"#{ids.GS_MARKET_BAR} g.point path"
    assert len(browser.find_elements(By.CSS_SELECTOR, bars)) == 9  # nine markets, Korea first
    click_point(  # 서유럽
        browser,
        lambda d: d.find_elements(By.CSS_SELECTOR, bars)[4],
        lambda d: _value(d, ids.GS_MARKET) == "Western Europe",
    )
    wait.until(lambda d: "서유럽" in figure_title(d, ids.GS_TOP10_BAR))
    # clicking a model in the top-10 shows its trend in the new focus market
    model_bars = f"#{ids.GS_TOP10_BAR} g.point path"
    click_point(
        browser,
        lambda d: d.find_elements(By.CSS_SELECTOR, model_bars)[1],
        lambda d: _value(d, ids.GS_MODEL) != "*",
    )
    model = _value(browser, ids.GS_MODEL)
    wait.until(lambda d: figure_title(d, ids.GS_TREND).startswith(f"{model} 월별 판매 — 서유럽"))
    assert query_of(browser).get("model") == [model]
    assert severe_logs(browser) == []


def test_switching_to_english_changes_labels_and_figure_titles(served_app, browser):
    wait = _open(browser, served_app + HYUNDAI_KOREA)
    heading = browser.find_element(By.TAG_NAME, "h1")
    assert heading.text == "글로벌 수출 전략"
    browser.find_element(By.ID, ids.LANG_TOGGLE).click()
    wait.until(lambda d: heading.text == "Global export strategy")
    wait.until(lambda d: figure_title(d, ids.GS_TOP10_BAR) == "Top-10 models in Korea — units")
    strong = browser.find_element(By.ID, ids.GS_DEVIATION_STRONG)
    wait.until(lambda d: "pp above the all-market average" in strong.text)
    assert Select(browser.find_element(By.ID, ids.GS_MARKET)).first_selected_option.text == "Korea"
    assert "Global strategy" in browser.find_element(By.TAG_NAME, "nav").text
    assert severe_logs(browser) == []


def test_a_copied_url_reopens_the_same_view(served_app, browser):
    wait = _open(browser, served_app + HYUNDAI_KOREA)
    Select(browser.find_element(By.ID, ids.GS_MARKET)).select_by_value("Canada")
    wait.until(lambda d: query_of(d).get("market") == ["Canada"])
    threshold = browser.find_element(By.ID, ids.GS_THRESHOLD)
    threshold.clear()
    threshold.send_keys("3\n")
    wait.until(lambda d: query_of(d).get("threshold") == ["3"])
    _click(
        browser,
        browser.find_element(By.CSS_SELECTOR, f"#{ids.GS_HEATMAP_MEASURE} input[value='share']"),
    )
    wait.until(lambda d: query_of(d).get("measure") == ["share"])
    wait.until(lambda d: "점유율" in figure_title(d, ids.GS_HEATMAP) and dash_idle(d))
    copied = browser.current_url
    strong_before = browser.find_element(By.ID, ids.GS_DEVIATION_STRONG).text

    browser.get("about:blank")
    wait = _open(browser, copied)
    assert _value(browser, ids.GS_MARKET) == "Canada"
    assert browser.find_element(By.ID, ids.GS_THRESHOLD).get_attribute("value") == "3"
    assert browser.find_element(
        By.CSS_SELECTOR, f"#{ids.GS_HEATMAP_MEASURE} input[value='share']"
    ).is_selected()
    assert browser.find_element(
        By.CSS_SELECTOR, f"#{ids.GS_BRAND} input[value='Hyundai']"
    ).is_selected()
    wait.until(lambda d: "캐나다" in figure_title(d, ids.GS_TOP10_BAR))
    wait.until(lambda d: "점유율" in figure_title(d, ids.GS_HEATMAP))
    strong = browser.find_element(By.ID, ids.GS_DEVIATION_STRONG)
    wait.until(lambda d: strong.text == strong_before)
    assert severe_logs(browser) == []
