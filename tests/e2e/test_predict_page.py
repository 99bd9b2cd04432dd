"""The customer-prediction page in a real headless Chromium against `carsight serve` on a
trained copy of the reference data (with its own empty operational store)."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from app import ids
from tests.e2e.conftest import _serve, dash_idle, severe_logs
from tests.train_support import trained_copy

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture(scope="module")
def served_predict_app(reference_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """`carsight serve` on the trained reference copy, with a fresh operational store."""
    db, artifacts = trained_copy(reference_db, tmp_path_factory)
    yield from _serve(
        db, tmp_path_factory.mktemp("serve-predict"), CARSIGHT_ARTIFACTS_DIR=str(artifacts)
    )


def _click(browser, element_id: str) -> None:
    """Click once the page is idle, scrolled to the middle (clear of the sticky navbar)."""
    WebDriverWait(browser, 30, poll_frequency=0.1).until(dash_idle)
    element = browser.find_element(By.ID, element_id)
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
    )
    element.click()


def _type(browser, element_id: str, text: str) -> None:
    """Replace an input's text as a user would (select all, type)."""
    element = browser.find_element(By.ID, element_id)
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
    )
    element.send_keys(Keys.CONTROL, "a")
    element.send_keys(Keys.DELETE)
    element.send_keys(text)


def _text(browser, element_id: str) -> str:
    return browser.find_element(By.ID, element_id).text


def test_predict_then_register_and_a_second_registration_with_the_same_email_is_refused(
    served_predict_app, browser
):
    browser.get(served_predict_app + "predict?brand=Hyundai")
    wait = WebDriverWait(browser, 60, poll_frequency=0.1)
    wait.until(lambda d: Select(d.find_element(By.ID, ids.PREDICT_MARKET)).options and dash_idle(d))

    # a rejected form says which field is wrong and changes nothing
    _type(browser, ids.PREDICT_AGE, "17")
    _click(browser, ids.PREDICT_SUBMIT)
    wait.until(lambda d: "18" in _text(d, ids.PREDICT_AGE_FEEDBACK))
    assert "is-invalid" in browser.find_element(By.ID, ids.PREDICT_AGE).get_attribute("class")
    assert "나이" in _text(browser, ids.PREDICT_FORM_ALERT)
    assert browser.find_elements(By.CSS_SELECTOR, ".cs-rec") == []
    assert not browser.find_element(By.ID, ids.PREDICT_REG_NAME).is_displayed()

    # a valid form: the prediction with three recommended cars
    _type(browser, ids.PREDICT_AGE, "38")
    _type(browser, ids.PREDICT_BUDGET, "52000000")
    wait.until(lambda d: "52,000,000원" in _text(d, ids.PREDICT_BUDGET_HINT))
    Select(browser.find_element(By.ID, ids.PREDICT_MARKET)).select_by_value("USA")
    Select(browser.find_element(By.ID, ids.PREDICT_VEHICLE_CLASS)).select_by_value("중형 SUV")
    _click(browser, ids.PREDICT_SUBMIT)
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".cs-rec")) == 3)
    assert _text(browser, ids.PREDICT_AGE_FEEDBACK) == ""
    result = _text(browser, ids.PREDICT_RESULT)
    assert "세그먼트" in result and "가치 잠재력" in result and "예상 가격" in result
    assert "정의상 신규" in result or "이력 조회 필요" in result
    assert "예산 대비" in result and "모델 버전" in result

    # register the customer
    wait.until(lambda d: d.find_element(By.ID, ids.PREDICT_REG_NAME).is_displayed())
    _type(browser, ids.PREDICT_REG_NAME, "김하늘")
    _type(browser, ids.PREDICT_REG_PHONE, "010-2345-6789")
    _type(browser, ids.PREDICT_REG_EMAIL, "e2e.customer@example.com")
    _type(browser, ids.PREDICT_REG_USER_ID, "e2e_first")
    _click(browser, ids.PREDICT_REG_SUBMIT)
    wait.until(lambda d: "등록했습니다" in _text(d, ids.PREDICT_REG_RESULT))
    saved = _text(browser, ids.PREDICT_REG_RESULT)
    # the page shows the prospect's pseudonymous id (as the prospect list does), never the
    # internal id built from the brand and the user id typed
    assert re.search(r"P-[0-9a-f]{16}", saved) and "e2e_first" not in saved

    # the same e-mail again, under another user id: refused, and the form keeps its values
    _type(browser, ids.PREDICT_REG_USER_ID, "e2e_second")
    _click(browser, ids.PREDICT_REG_SUBMIT)
    wait.until(lambda d: "이미 등록된 이메일" in _text(d, ids.PREDICT_REG_RESULT))
    email = browser.find_element(By.ID, ids.PREDICT_REG_EMAIL)
    assert "is-invalid" in email.get_attribute("class")
    assert email.get_attribute("value") == "e2e.customer@example.com"
    assert (
        browser.find_element(By.ID, ids.PREDICT_REG_USER_ID).get_attribute("value") == "e2e_second"
    )

    # the result follows the language toggle
    _click(browser, ids.LANG_TOGGLE)
    wait.until(lambda d: "3 cars to show first" in _text(d, ids.PREDICT_RESULT))
    wait.until(dash_idle)
    assert severe_logs(browser) == []


def test_the_model_card_opens_with_cross_validated_metrics(served_predict_app, browser):
    browser.get(served_predict_app + "predict?brand=kia")
    wait = WebDriverWait(browser, 60, poll_frequency=0.1)
    wait.until(lambda d: Select(d.find_element(By.ID, ids.PREDICT_MARKET)).options and dash_idle(d))
    assert (
        browser.find_element(By.ID, ids.PREDICT_BRAND)
        .find_element(By.CSS_SELECTOR, "input[value='Kia']")
        .is_selected()
    )
    _click(browser, ids.PREDICT_CARD_TOGGLE)
    wait.until(
        lambda d: (
            len(d.find_elements(By.CSS_SELECTOR, ".cs-confusion")) == 1
            and d.find_element(By.ID, ids.PREDICT_CARD_BODY).is_displayed()
        )
    )
    # the card opens in a collapse: while it slides open, Selenium's text leaves out the rows
    # still clipped below its edge, so wait for the whole card rather than read it mid-way
    expected = ("Macro-F1", "층화 5겹 교차검증", "다수 클래스", "로그 손실", "기대 보정 오차")
    with contextlib.suppress(TimeoutException):  # the assertion below names what is missing
        wait.until(lambda d: all(s in _text(d, ids.PREDICT_CARD_BODY) for s in expected))
    card = _text(browser, ids.PREDICT_CARD_BODY)
    assert [s for s in expected if s not in card] == [], card
    assert severe_logs(browser) == []


def test_a_returning_customer_is_looked_up_by_phone(served_predict_app, browser):
    browser.get(served_predict_app + "predict?brand=Hyundai")
    wait = WebDriverWait(browser, 60, poll_frequency=0.1)
    wait.until(lambda d: Select(d.find_element(By.ID, ids.PREDICT_MARKET)).options and dash_idle(d))
    _type(browser, ids.PREDICT_LOOKUP_INPUT, "011-4496-0500")
    _click(browser, ids.PREDICT_LOOKUP_SUBMIT)
    wait.until(lambda d: "실제 세그먼트" in _text(d, ids.PREDICT_LOOKUP_RESULT))
    found = _text(browser, ids.PREDICT_LOOKUP_RESULT)
    assert "예측이 아닌 웨어하우스의 실제 기록" in found and "구매 2회" in found
    assert "0500" not in found  # the contact typed is not echoed
    assert severe_logs(browser) == []
