"""Refresh latency: an ingest while a browser shows the data page -> the page shows the
new fact-row count (target < 10 s), without a reload.

    python benchmarks/live_refresh_bench.py [--runs 3]

Builds a warehouse of ../shared/data/raw/hyundai, serves it with `carsight serve`, opens
/data in headless Chromium and ingests one more reference file per run (the Kia raw
downloads, then the processed tables); the latency runs from the end of the ingest
(the new file swapped in) to the new number on screen. Polls every 0.1 s.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import REPO, SHARED

FILES = [
    "raw/kia/기아_2023년_해외공장판매실적.csv",
    "raw/kia/기아_2023년_해외현지판매.csv",
    "processed/hyundai/현대_지역별수출실적.csv",
]


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fact_rows(db: Path) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.sql("select count(*) from fact_sales").fetchall()[0][0])
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    from warehouse.build import build, ingest

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "warehouse.duckdb"
        build([SHARED / "raw" / "hyundai"], db)
        port = _port()
        env = {**os.environ, "CARSIGHT_DB": str(db), "CARSIGHT_OPS_DB": str(folder / "ops.db")}
        env["PYTHONPATH"] = str(REPO)
        with open(folder / "serve.log", "w") as log:
            server = subprocess.Popen(
                [sys.executable, "-c", "from app.cli import main; main()", "serve", "--port",
                 str(port)],
                cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        latencies = []
        try:
            url = f"http://127.0.0.1:{port}/data"
            for _ in range(120):
                try:
                    urllib.request.urlopen(url, timeout=2)
                    break
                except OSError:
                    time.sleep(0.5)
            driver.get(url)
            for name in FILES[: args.runs]:
                before = _fact_rows(db)
                deadline = time.monotonic() + 60
                while f"{before:,}" not in driver.find_element(By.ID, "data-summary").text:
                    if time.monotonic() > deadline:
                        raise RuntimeError("the page never showed the current count")
                    time.sleep(0.1)
                ingest([SHARED / name], db)
                done = time.monotonic()
                after = _fact_rows(db)
                while f"{after:,}" not in driver.find_element(By.ID, "data-summary").text:
                    if time.monotonic() - done > 30:
                        raise RuntimeError(f"no refresh within 30 s after {name}")
                    time.sleep(0.1)
                latencies.append(time.monotonic() - done)
                print(f"{name}: {before:,} -> {after:,} fact rows, {latencies[-1]:.1f} s")
        finally:
            driver.quit()
            server.terminate()
            server.wait(timeout=10)
        failed = (folder / "serve.log").read_text(encoding="utf-8").count('" 500 ')
    print(
        f"refresh latency: median {statistics.median(latencies):.1f} s, "
        f"max {max(latencies):.1f} s (target < 10 s); HTTP 500 responses: {failed}"
    )


if __name__ == "__main__":
    main()
