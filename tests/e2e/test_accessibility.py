"""Every page of the app, in both languages, passes axe-core's WCAG 2 A and AA rules on
the trained reference warehouse (axe-core 4.9 as bundled by axe-selenium-python-nhsuk).

The pages come from the app's page registry (`page_paths`), so a new page is audited too.
Before: 39+ violations (no <html lang>, unnamed pager buttons, focusable elements
inside aria-hidden, nested interactive controls, low-contrast filter toggles, ...).
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import open_settled
from tests.e2e.page_checks import LAPTOP, audit


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_page_has_no_wcag_a_or_aa_violation(page_sweep, lang):
    found = {}
    for path, page in page_sweep.visit(lang, LAPTOP).items():
        assert page["lang"] == lang, path
        if page["axe"]:
            found[path] = [
                (v["id"], len(v["nodes"]), v["nodes"][0]["target"], v["help"]) for v in page["axe"]
            ]
    assert found == {}


def test_html_lang_and_the_tab_title_follow_the_language_toggle(served_reference_app, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from app import ids
    from app.i18n import t

    open_settled(browser, served_reference_app, "ko")
    assert browser.execute_script("return document.documentElement.lang") == "ko"
    assert browser.title == t("app.title", "ko")
    browser.find_element(By.ID, ids.LANG_TOGGLE).click()
    wait = WebDriverWait(browser, 30, poll_frequency=0.2)
    wait.until(lambda d: d.execute_script("return document.documentElement.lang") == "en")
    wait.until(lambda d: d.title == t("app.title", "en"))


def test_the_audit_reports_each_violation_with_every_node(browser):
    """The audit the page checks use finds what it should, node by node (a page with two
    unnamed buttons and an image without a text alternative)."""
    browser.get(
        "data:text/html,<html lang='en'><title>t</title><main><h1>t</h1>"
        "<button></button><button></button><img src='x.png'></main></html>"
    )
    found = {v["id"]: len(v["nodes"]) for v in audit(browser)}
    assert found == {"button-name": 2, "image-alt": 1}
