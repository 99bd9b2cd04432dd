"""Real-browser fixtures: the app served by `carsight serve` and headless Chromium."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from app import ids
from app.bench.browser import HOVERS_ON
from tests.train_support import trained_copy

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


E2E_USER = "e2e-admin"


def _serve(db: Path, workdir: Path, **env_extra: str):
    """`carsight serve` on `db` with one administrator, E2E_USER (the `browser` fixture
    signs in as them when the app asks)."""
    from tests.security.support import add_user

    add_user(workdir / "ops.sqlite", E2E_USER, "admin")
    port = _free_port()
    env = {
        **os.environ,
        "CARSIGHT_DB": str(db),
        "CARSIGHT_OPS_DB": str(workdir / "ops.sqlite"),
        **env_extra,
    }
    with open(workdir / "serve.log", "w") as log:
        proc = subprocess.Popen(
            # As the `carsight` console script runs it (not `-m app.cli`, which would load
            # the CLI module twice: once as __main__ and once as app.cli).
            [
                sys.executable,
                "-c",
                "from app.cli import main; main()",
                "serve",
                "--port",
                str(port),
            ],
            cwd=workdir,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield _wait_until_up(proc, f"http://127.0.0.1:{port}/", workdir / "serve.log")
        finally:
            proc.terminate()
            proc.wait(timeout=10)


@pytest.fixture(scope="session")
def served_app(reference_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """`carsight serve` on the reference warehouse, on a free loopback port."""
    yield from _serve(reference_db, tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="session")
def served_reference_app(reference_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """`carsight serve` on the trained reference warehouse (`trained_copy`: a `carsight
    forecast` run, Kia exports by region, then `carsight train`), so every page has its
    data: the accessibility, language and layout audits and the dealer-page tests run
    on it."""
    from tests.forecast_support import REPO

    db, artifacts = trained_copy(reference_db, tmp_path_factory)
    yield from _serve(
        db,
        tmp_path_factory.mktemp("serve-reference"),
        CARSIGHT_ARTIFACTS_DIR=str(artifacts),
        PYTHONPATH=str(REPO),
    )


@pytest.fixture(scope="session")
def page_paths(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The path of every page in the app's page registry (`dash.page_registry` of an app
    that `create_app` builds, in a separate process so this one keeps its services):
    a page another engineer adds is audited without a change here."""
    folder = tmp_path_factory.mktemp("registry")
    script = (
        "import json, dash\n"
        "from app import create_app\n"
        "from app.settings import load_settings\n"
        f"create_app(load_settings(db={str(folder / 'none.duckdb')!r}, "
        f"ops_db={str(folder / 'ops.sqlite')!r}))\n"
        "print(json.dumps([p['path'] for p in dash.page_registry.values()]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=folder,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    import json

    paths = json.loads(done.stdout.strip().splitlines()[-1])
    assert "/" in paths and len(paths) >= 6, paths
    return paths


def open_settled(driver, url: str, lang: str | None = None, timeout: float = 90) -> None:
    """Open `url` (in `lang`: the toggle's stored choice) and wait until Dash has
    rendered the page and no callback has been in flight for a while."""
    from selenium.webdriver.support.ui import WebDriverWait

    if lang is not None:
        driver.get(url)
        driver.execute_script(
            "localStorage.setItem('app-lang', JSON.stringify(arguments[0]))", lang
        )
    driver.get(url)
    WebDriverWait(driver, timeout, poll_frequency=0.25).until(
        lambda d: d.execute_script(
            "const c = document.getElementById('_pages_content');"
            "return !!(c && c.children.length) && document.readyState === 'complete';"
        )
    )
    wait_quiet(driver, timeout=timeout)


# Installed in every page before its own scripts (`chrome`): what `wait_quiet` reads.
# It counts the Dash callback requests in flight and notes when the page last changed:
# a request started or ended, or the DOM changed (a chart drawn, a plotly transition
# frame, a collapse). Left out: the data-version poll (app.ids.DATA_VERSION_POLL, every
# 3 s on every page; it changes nothing while the data stays the same) and what Dash
# does while any callback is in flight (the tab title, `data-dash-is-loading`).
SETTLE_HOOK = """
(() => {
  const s = window.__settle = {pending: 0, last: performance.now()};
  const touch = () => { s.last = performance.now(); };
  const isPoll = init => !!(init && typeof init.body === 'string' &&
    init.body.includes('"' + POLL_ID + '"'));
  const fetch0 = window.fetch;
  window.fetch = function (input, init) {
    if (isPoll(init)) return fetch0.apply(this, arguments);
    s.pending++; touch();
    return fetch0.apply(this, arguments).finally(() => { s.pending--; touch(); });
  };
  const bookkeeping = r => (r.type === 'attributes' &&
      r.attributeName === 'data-dash-is-loading') ||
    !!(r.target.nodeName === 'TITLE' || (r.target.parentNode &&
      r.target.parentNode.nodeName === 'TITLE'));
  new MutationObserver(records => {
    if (!records.every(bookkeeping)) touch();
  }).observe(document, {subtree: true, childList: true, attributes: true,
                        characterData: true});
})();
"""

# Milliseconds the page has been still (see SETTLE_HOOK), or -1 while it is not. While
# the data-version poll is in flight Dash titles the tab "Updating...": the page counts
# as still again once it is back (a page read in that moment had "Updating" in its text).
_STILL_MS = """
const s = window.__settle;
if (!s || document.readyState !== 'complete') return -1;
if (document.title === 'Updating...') return -1;
if (s.pending || document.querySelector('.collapsing, .dash-spinner')) return -1;
if (document.querySelector('[data-dash-is-loading="true"]')) return -1;
return performance.now() - s.last;
"""


def wait_quiet(driver, *, quiet_s: float = 0.5, timeout: float = 60) -> None:
    """Wait until the page has been still for `quiet_s` seconds: no Dash callback in
    flight, no Bootstrap collapse running and no change to the DOM (a plotly transition
    changes it every frame), so what a user sees is what the test reads (a card read
    mid-animation, or a bar clicked while its chart re-rendered, made tests flaky).

    The stillness is measured in the page (SETTLE_HOOK), so the data-version poll does
    not count as activity: with the tab title as the only signal, each poll (3 s after
    a page opened, and every 3 s after) restarted a 1.5 s quiet wait."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout, poll_frequency=0.1).until(
        lambda d: d.execute_script(_STILL_MS) >= quiet_s * 1000
    )


def _wait_until_up(proc: subprocess.Popen, url: str, log: Path) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(log.read_text())
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return url
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("server did not start:\n" + log.read_text())


def chrome(user_data_dir: Path):
    """Headless Chromium (1280 x 900) that signs in as E2E_USER whenever a page sends it
    to the login page."""
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.fail(
            "chromium and chromedriver are required for e2e tests "
            "(Debian: apt-get install chromium chromium-driver; .ci/run does this)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        f"--user-data-dir={user_data_dir}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})

    class SigningInChrome(webdriver.Chrome):
        """Signs in as E2E_USER whenever a page sends it to the login page, and notes
        each origin it opens (`reset_browser` clears their storage)."""

        origins: set[str]

        def get(self, url: str) -> None:
            parts = urlparse(url)
            if parts.scheme in ("http", "https"):
                self.origins.add(f"{parts.scheme}://{parts.netloc}")
            super().get(url)
            if urlparse(self.current_url).path == "/login":
                sign_in(self)

    driver = SigningInChrome(service=Service(CHROMEDRIVER), options=options)
    driver.origins = set()
    driver.implicitly_wait(0)
    driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument",
        {"source": SETTLE_HOOK.replace("POLL_ID", repr(ids.DATA_VERSION_POLL))},
    )
    return driver


# What a browser keeps per origin that a test could leave behind for the next one.
_STORAGE = "local_storage,session_storage,indexeddb,websql"


def reset_browser(driver) -> None:
    """Bring a used browser back to a new one's state, but for its HTTP cache: a blank
    page, no cookies (so the next page signs in again), no stored data for any origin it
    opened, no console entries left, and the 1280 x 900 window."""
    driver.get("about:blank")
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    for origin in driver.origins:
        driver.execute_cdp_cmd(
            "Storage.clearDataForOrigin", {"origin": origin, "storageTypes": _STORAGE}
        )
    driver.origins = set()
    driver.get_log("browser")
    driver.set_window_size(1280, 900)


@pytest.fixture(scope="session")
def _worker_browser():
    """The one Chromium of this test worker that `browser` lends to each test in turn
    ({"driver": ...}; None until a test asks, or after a test broke it)."""
    held: dict = {"driver": None}
    yield held
    if held["driver"] is not None:
        held["driver"].quit()


@pytest.fixture()
def browser(_worker_browser: dict, tmp_path_factory: pytest.TempPathFactory):
    """A signed-out headless Chromium with no stored data (`reset_browser`).

    One browser per worker serves every test in turn: a new one cost ~1.7 CPU s to
    start, and its first page ~3.8 CPU s more than a page whose scripts are in the
    HTTP cache (sample data, this machine). A browser that a test left unusable is
    replaced."""
    from selenium.common.exceptions import WebDriverException

    driver = _worker_browser["driver"]
    if driver is not None:
        try:
            reset_browser(driver)
        except WebDriverException:
            _quit_quietly(driver)
            driver = None
    if driver is None:
        driver = chrome(tmp_path_factory.mktemp("browser") / "chrome")
    _worker_browser["driver"] = None  # lent out: a test that breaks it leaves None behind
    yield driver
    try:
        driver.get("about:blank")  # stop the page's polling while other tests run
    except WebDriverException:
        _quit_quietly(driver)
        return
    _worker_browser["driver"] = driver


def _quit_quietly(driver) -> None:
    from selenium.common.exceptions import WebDriverException

    with contextlib.suppress(WebDriverException):
        driver.quit()


@pytest.fixture(scope="session")
def page_sweep(served_reference_app, page_paths, tmp_path_factory: pytest.TempPathFactory):
    """Every page of the trained reference app, opened once per language and width for
    the page-wide audits (tests/e2e/page_checks.py), in a browser of its own."""
    from tests.e2e.page_checks import PageSweep

    driver = chrome(tmp_path_factory.mktemp("sweep") / "chrome")
    yield PageSweep(driver, served_reference_app.rstrip("/"), page_paths)
    driver.quit()


def sign_in(driver, user: str = E2E_USER) -> None:
    """Fill in and send the login form the driver is on; wait for the app."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.security.support import PASSWORD

    driver.find_element(By.ID, "login-user").send_keys(user)
    driver.find_element(By.ID, "login-password").send_keys(PASSWORD)
    driver.find_element(By.ID, "login-submit").click()
    WebDriverWait(driver, 30).until(lambda d: urlparse(d.current_url).path != "/login")


def severe_logs(driver) -> list[dict]:
    """Browser console errors, ignoring the favicon request."""
    return [
        entry
        for entry in driver.get_log("browser")
        if entry["level"] == "SEVERE" and "favicon" not in entry["message"]
    ]


def figure_title(driver, graph_id: str) -> str:
    """The title text of a dcc.Graph's plotly figure ('' while it is still drawing)."""
    return driver.execute_script(
        "const t = document.querySelector(`[id='${arguments[0]}'] .gtitle`);"
        "return t ? t.textContent : '';",
        graph_id,
    )


def query_of(driver) -> dict[str, list[str]]:
    """The current URL's query parameters."""
    from urllib.parse import parse_qs, urlparse

    return parse_qs(urlparse(driver.current_url).query)


def dash_idle(driver) -> bool:
    """No callback in flight: Dash titles the page 'Updating...' and marks components
    `data-dash-is-loading` while it waits for the server."""
    return driver.execute_script(
        "return document.title !== 'Updating...' && "
        "!document.querySelector('[data-dash-is-loading=\"true\"]');"
    )


def click_point(driver, find_point, done, *, attempts: int = 4, effect_s: float = 15) -> None:
    """Click a plotly bar like a user, until `done(driver)` holds.

    plotly reports a click on the point under the pointer's last hover, and its hover
    handling runs a moment after the move: a click sent at once is dropped (an explorer
    test waited 90 s for an effect that never came). So: wait until the page is still,
    bring the bar (`find_point(driver)`, found again after every move) to the middle of
    the screen, move the pointer onto it, wait until plotly hovers that very point, then
    click; try again if the click had no effect within `effect_s` seconds.
    """
    from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import WebDriverWait

    for _attempt in range(attempts):
        try:
            wait_quiet(driver)
            driver.execute_script(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
                find_point(driver),
            )
            wait_quiet(driver)
            bar = find_point(driver)
            ActionChains(driver).move_to_element(bar).perform()
            WebDriverWait(driver, 1.5, poll_frequency=0.05).until(
                lambda d, b=bar: d.execute_script(HOVERS_ON, b)
            )
            ActionChains(driver).click().perform()
            WebDriverWait(driver, effect_s, poll_frequency=0.1).until(done)
            return
        except (StaleElementReferenceException, TimeoutException):
            continue
    raise AssertionError(f"clicking the bar never took effect in {attempts} attempts")
