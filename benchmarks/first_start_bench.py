"""Time from `carsight serve` in a fresh folder (no warehouse) to the first page.

Runs `carsight serve` in an empty temporary folder, as a fresh clone does after README
command 1, polls http://127.0.0.1:PORT/ and reports the seconds until the first HTTP 200
(target: 30 s) and the CPU seconds the serve process used until then (the part of the
wall time that does not depend on how busy the machine is), then how long the background
training and forecast took until the "준비 중" status went away (the pages are complete).
Exits 1 over the target.

    python benchmarks/first_start_bench.py [--target-s 30] [--wait-complete]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class FirstStart(NamedTuple):
    first: float  # seconds to the first 200 on /
    first_cpu: float | None  # CPU seconds of `carsight serve` (and its waited children) by then
    complete: float | None  # seconds until training and forecast landed (when waited for)


def _cpu_seconds(pid: int) -> float | None:
    """utime + stime + cutime + cstime of a Linux process, in seconds (None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def first_start(folder: Path, *, wait_complete: bool) -> FirstStart:
    """Serve in `folder` (empty: a fresh clone) and time the first page and, with
    `wait_complete`, the end of the background training and forecast."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARSIGHT_")}
    env["PYTHONPATH"] = str(REPO)
    start = time.monotonic()
    with open(folder / "serve.log", "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from app.cli import main; main()", "serve", "--port",
             str(port)],
            cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            first = first_cpu = None
            while first is None:
                if proc.poll() is not None:
                    raise RuntimeError((folder / "serve.log").read_text())
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                        if r.status == 200:
                            first = time.monotonic() - start
                            first_cpu = _cpu_seconds(proc.pid)
                except OSError:
                    time.sleep(0.2)
            status = folder / "data" / "warehouse.duckdb.first-start.json"
            complete = None
            while wait_complete and complete is None:
                if not status.exists():
                    complete = time.monotonic() - start
                elif b'"error"' in status.read_bytes():
                    raise RuntimeError(status.read_text())
                time.sleep(1)
            return FirstStart(first, first_cpu, complete)
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target-s", type=float, default=30.0)
    parser.add_argument("--wait-complete", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run = first_start(Path(tmp), wait_complete=args.wait_complete)
    print(f"first page (HTTP 200 on /): {run.first:.1f} s (target {args.target_s:.0f} s)")
    if run.first_cpu is not None:
        print(f"CPU time of carsight serve until then: {run.first_cpu:.1f} s")
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    if run.complete is not None:
        print(f"training and forecast done (준비 중 gone): {run.complete:.1f} s")
    return 0 if run.first <= args.target_s else 1


if __name__ == "__main__":
    sys.exit(main())
