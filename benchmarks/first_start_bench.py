"""Time from `carsight serve` in a fresh folder (no warehouse) to the first page.

Runs `carsight serve` in an empty temporary folder, as a fresh clone does after README
command 1, polls http://127.0.0.1:PORT/ and reports the seconds until the first HTTP 200
(target: 30 s), then how long the background training and forecast took until the
"준비 중" status went away (the pages are complete). Exits 1 over the target.

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

REPO = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def first_start(folder: Path, *, wait_complete: bool) -> tuple[float, float | None]:
    """(seconds to the first 200 on /, seconds until the first start completed or None)."""
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
            first = None
            while first is None:
                if proc.poll() is not None:
                    raise RuntimeError((folder / "serve.log").read_text())
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                        if r.status == 200:
                            first = time.monotonic() - start
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
            return first, complete
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target-s", type=float, default=30.0)
    parser.add_argument("--wait-complete", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        first, complete = first_start(Path(tmp), wait_complete=args.wait_complete)
    print(f"first page (HTTP 200 on /): {first:.1f} s (target {args.target_s:.0f} s)")
    if complete is not None:
        print(f"training and forecast done (준비 중 gone): {complete:.1f} s")
    return 0 if first <= args.target_s else 1


if __name__ == "__main__":
    sys.exit(main())
