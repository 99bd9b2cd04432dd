"""Headless Chromium against `carsight serve`: cold start, page settle, click-to-update,
and the serving process's memory after a standard click-through.

Uses Debian's /usr/bin/chromium and chromedriver through selenium, as the browser
tests do. A page has settled when Dash has had no callback in flight for
`QUIET_S` (its time is the start of that quiet stretch). A click has updated when
the chart that depends on it shows the new value and Dash is idle.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.bench.core import REPEATS, Report, load_average
from app.bench.prepare import Prepared

QUIET_S = 0.5
PAGES = {
    "strategy": "/",
    "dealer": "/dealer",
    "predict": "/predict",
    "forecast": "/forecast",
    "data": "/data",
}
COLD_START_TARGET_MS = {"ci": 5000.0, "small": 5000.0}
CLICK_TARGET_MS = {"ci": 300.0, "small": 300.0, "large": 1000.0}
RSS_TARGET_MB = {"large": 1536.0}

_IDLE = (
    "return document.readyState === 'complete' && document.title !== 'Updating...' && "
    "!document.querySelector('[data-dash-is-loading=\"true\"]') && "
    "!!document.querySelector('#react-entry-point *');"
)
_TITLE = (
    "const t = document.querySelector(`[id='${arguments[0]}'] .gtitle`);"
    "return t ? t.textContent : '';"
)

# True once plotly's hover data names the point drawn by this bar (its trace and point
# number, read from the data d3 bound to the bar's elements).
HOVERS_ON = """
const bar = arguments[0];
const gd = bar.closest('.js-plotly-plot');
const hovered = (gd && gd._hoverdata) || [];
const point = bar.parentNode.__data__, trace = bar.closest('g.trace').__data__;
if (!point || !trace) return false;
return hovered.some(h => h.pointNumber === point.i && h.curveNumber === trace[0].trace.index);
"""


def available() -> bool:
    return bool(
        (shutil.which("chromium") or shutil.which("chromium-browser"))
        and shutil.which("chromedriver")
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(data: Prepared, workdir: Path) -> Iterator[tuple[str, subprocess.Popen, float]]:
    """`carsight serve` on the prepared warehouse and models (its operational store, with the
    bench's administrator, is `workdir/ops.sqlite`): (url, process, seconds from process
    start to the first served page)."""
    port = _free_port()
    env = {
        **os.environ,
        "CARSIGHT_DB": str(data.db),
        "CARSIGHT_ARTIFACTS_DIR": str(data.artifacts),
        "CARSIGHT_OPS_DB": str(workdir / "ops.sqlite"),
    }
    url = f"http://127.0.0.1:{port}/"
    log = open(workdir / f"serve-{port}.log", "w")  # noqa: SIM115 (closed below)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from app.cli import main; main()", "serve", "--port", str(port)],
        cwd=workdir,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        try:
            seconds = _wait_up(proc, url, start)
        except RuntimeError as exc:
            log.flush()
            tail = (workdir / f"serve-{port}.log").read_text().strip().splitlines()[-5:]
            raise RuntimeError(f"{exc}: {' | '.join(tail)}") from None
        yield url, proc, seconds
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _wait_up(proc: subprocess.Popen, url: str, start: float) -> float:
    deadline = start + 300
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"carsight serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("carsight serve did not answer within 300 s")


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (MB), from /proc."""
    total = 0.0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.is_file():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
    return total


@contextmanager
def chromium(workdir: Path) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser") or ""
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
        f"--user-data-dir={workdir / 'chrome'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def settle(driver: Any, timeout: float = 120) -> float:
    """Seconds from now until Dash has been idle for QUIET_S (start of that stretch)."""
    start = time.perf_counter()
    quiet_since: float | None = None
    while time.perf_counter() - start < timeout:
        now = time.perf_counter()
        if driver.execute_script(_IDLE):
            quiet_since = quiet_since or now
            if now - quiet_since >= QUIET_S:
                return quiet_since - start
        else:
            quiet_since = None
        time.sleep(0.02)
    raise TimeoutError("the page did not settle")


def open_page(driver: Any, url: str) -> float:
    start = time.perf_counter()
    driver.get(url)
    return (time.perf_counter() - start) + settle(driver)


def signed_in(driver: Any, url: str, password: str) -> None:
    """Open the app and sign in as the bench's administrator (not timed)."""
    from app.bench.signin import sign_in_browser

    driver.get(url)
    sign_in_browser(driver, password)
    settle(driver)


def until(driver: Any, check: Callable[[Any], bool], timeout: float = 60) -> float:
    """Seconds until `check(driver)` holds and Dash is idle."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check(driver) and driver.execute_script(_IDLE):
            return time.perf_counter() - start
        time.sleep(0.01)
    raise TimeoutError("the chart did not update")


def title(driver: Any, graph_id: str) -> str:
    return str(driver.execute_script(_TITLE, graph_id))


def _bars(driver: Any, graph_id: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, f"#{graph_id} g.point path")


def _scroll(driver: Any, element: Any) -> None:
    driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
    )


def _click(driver: Any, element: Any) -> float:
    """Rest the pointer on a bar until plotly hovers it, then click; the time of the
    click. A user's click always follows a hover, and plotly reports a click on the
    point of the last hover: a click sent in the same breath as the move is dropped."""
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).move_to_element(element).perform()
    deadline = time.perf_counter() + 2
    while not driver.execute_script(HOVERS_ON, element) and time.perf_counter() < deadline:
        time.sleep(0.02)
    start = time.perf_counter()
    ActionChains(driver).click().perform()
    return start


def click_market_bar(driver: Any, i: int) -> float:
    """A market bar -> the focus market's top-10 redraws."""
    before = title(driver, "gs-top10-bar")
    bars = _bars(driver, "gs-market-bar")
    _scroll(driver, bars[0])
    start = _click(driver, bars[(i + 1) % len(bars)])
    until(driver, lambda d: title(d, "gs-top10-bar") != before)
    return time.perf_counter() - start


def select_market(driver: Any, i: int) -> float:
    """The focus-market dropdown -> top-10 and deviation redraw."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    select = Select(driver.find_element(By.ID, "gs-market"))
    values = [
        o.get_attribute("value")
        for o in select.options
        if o.is_enabled() and o.get_attribute("value") != "*"
    ]
    current = select.first_selected_option.get_attribute("value")
    others = [v for v in values if v != current] or values
    before = title(driver, "gs-deviation-bar")
    start = time.perf_counter()
    select.select_by_value(others[i % len(others)])
    until(driver, lambda d: title(d, "gs-deviation-bar") != before)
    return time.perf_counter() - start


def click_top10_bar(driver: Any, i: int) -> float:
    """A top-10 bar -> that model's trend line."""
    before = title(driver, "gs-trend")
    bars = _bars(driver, "gs-top10-bar")
    _scroll(driver, bars[0])
    start = _click(driver, bars[(i + 1) % len(bars)])
    until(driver, lambda d: title(d, "gs-trend") != before)
    return time.perf_counter() - start


CLICKS = {
    "click_market_bar": click_market_bar,
    "click_market_select": select_market,
    "click_top10_bar": click_top10_bar,
}


def bench_browser(report: Report, data: Prepared, n: int, workdir: Path) -> None:
    """Cold starts, then one served app: first and warm page settles, clicks, RSS."""
    from app.bench.signin import add_admin

    password = add_admin(workdir / "ops.sqlite")
    starts = []
    for _ in range(1 if report.quick else max(2, REPEATS // 2)):
        with serving(data, workdir) as (_url, _proc, seconds):
            starts.append(seconds)
    report.add(
        "cold_start", starts, group="browser", target_ms=COLD_START_TARGET_MS.get(data.scale)
    )
    with serving(data, workdir) as (url, proc, _seconds), chromium(workdir) as driver:
        signed_in(driver, url + "login?next=/data", password)  # the strategy page stays cold
        first = open_page(driver, url)
        report.add("page_settle_strategy_first", [first], group="browser")
        for page, path in PAGES.items():
            report.add(
                f"page_settle_{page}",
                [open_page(driver, url.rstrip("/") + path) for _ in range(report.repeats)],
                group="browser",
            )
        open_page(driver, url + "?source=customers")
        for name, click in CLICKS.items():
            click(driver, 0)  # warm-up
            times = [click(driver, i) for i in range(1, n + 1)]
            report.add(name, times, group="browser", target_ms=CLICK_TARGET_MS.get(data.scale))
        report.add_value(
            "serving_rss",
            rss_mb(proc.pid),
            unit="MB",
            group="browser",
            target=RSS_TARGET_MB.get(data.scale),
        )
    report.loads["browser"] = load_average()
