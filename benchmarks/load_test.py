"""Load test of the production server: N simulated users replaying what browsers send.

Starts `carsight serve --production --workers W` on a free 127.0.0.1 port (a strong
random CARSIGHT_SECRET_KEY, one signed-in analyst-or-dealer user per simulated user in
a temporary operational store), then runs N concurrent users for DURATION seconds.
Each user signs in through the login form and repeats a realistic session:

- global strategy: the page opens (filter choices, the filter spec, every chart), a
  filter change (brand, source, period) re-renders the charts, a click on a market bar
  makes it the focus market (cross-filter) and re-renders;
- dealer page (a dealer user): the page opens for their brand, a market change;
- customer prediction: the form's choices, a submitted customer, the result.

Halfway through, the warehouse file is swapped for a rebuilt copy (renamed over it, as
`carsight build` does). Reports requests/s, p50/p95/p99 latency and every error; exits 1
when a request failed or p95 is over the target. Targets only 127.0.0.1, bounded in time.

    python benchmarks/load_test.py --db data/warehouse.duckdb --artifacts data/artifacts \
        [--users 50] [--duration 60] [--workers 2] [--p95-target-ms 500]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp  # noqa: E402
from common import REPO, percentile  # noqa: E402  (benchmarks/ is on sys.path)

PASSWORD = "load-test-password-1"
SPEC_OUTPUT = "gs-spec.data"


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    by_step: dict[str, list[float]] = field(default_factory=dict)
    sessions: int = 0
    worker_rss_mb: list[float] = field(default_factory=list)

    def record(self, step: str, seconds: float) -> None:
        self.latencies.append(seconds)
        self.by_step.setdefault(step, []).append(seconds)


class Flow:
    """Builds `/_dash-update-component` bodies from the app's own dependency list."""

    def __init__(self, deps: list[dict]) -> None:
        self.deps = deps

    def dep(self, output_part: str) -> dict:
        found = [d for d in self.deps if output_part in d["output"]]
        if not found:
            raise KeyError(f"no callback writes {output_part}")
        return found[0]

    def body(self, output_part: str, values: dict[str, Any], trigger: str | None = None) -> dict:
        dep = self.dep(output_part)

        def entry(item: dict) -> Any:
            if '"ALL"' in item["id"]:  # a pattern-matching input: no matching components
                return []
            key = f"{item['id']}.{item['property']}"
            return {"id": item["id"], "property": item["property"], "value": values.get(key)}

        output = dep["output"]
        parts = output.strip(".").split("...") if output.startswith("..") else [output]
        outputs = [
            []
            if '"ALL"' in p
            else {
                "id": p.split("@")[0].rsplit(".", 1)[0],
                "property": p.split("@")[0].rsplit(".", 1)[1],
            }
            for p in parts
        ]
        first = dep["inputs"][0]
        return {
            "output": output,
            "outputs": outputs if output.startswith("..") else outputs[0],
            "inputs": [entry(i) for i in dep["inputs"]],
            "state": [entry(s) for s in dep["state"]],
            "changedPropIds": [trigger or f"{first['id']}.{first['property']}"],
        }


class User:
    def __init__(self, base: str, name: str, flow: Flow, stats: Stats, brand: str | None):
        self.base, self.name, self.flow, self.stats, self.brand = base, name, flow, stats, brand

    async def call(self, http: aiohttp.ClientSession, step: str, body: dict) -> dict | None:
        start = time.perf_counter()
        try:
            async with http.post(f"{self.base}/_dash-update-component", json=body) as resp:
                text = await resp.text()
                elapsed = time.perf_counter() - start
                if resp.status not in (200, 204):
                    self.stats.errors[f"{step}: HTTP {resp.status} {text[:120]}"] += 1
                    return None
                if "app-input-alert" in text:  # the boundary refused something
                    self.stats.errors[f"{step}: input alert {text[:160]}"] += 1
                self.stats.record(step, elapsed)
                return json.loads(text) if resp.status == 200 else None
        except (TimeoutError, aiohttp.ClientError) as exc:
            self.stats.errors[f"{step}: {type(exc).__name__} {exc}"[:200]] += 1
            return None

    async def sign_in(self, http: aiohttp.ClientSession) -> None:
        async with http.get(f"{self.base}/login") as resp:
            page = await resp.text()
            found = re.search(r'name="csrf_token" value="([^"]+)"', page)
            if found is None:
                raise RuntimeError(f"{self.name}: /login gave HTTP {resp.status}: {page[:300]}")
            token = found.group(1)
        data = {"user": self.name, "password": PASSWORD, "csrf_token": token, "next": "/"}
        async with http.post(f"{self.base}/login", data=data, allow_redirects=False) as resp:
            if resp.status != 302:
                raise RuntimeError(f"{self.name} could not sign in: HTTP {resp.status}")

    async def strategy(self, http: aiohttp.ClientSession, rng: random.Random) -> None:
        lang = {"app-lang.data": rng.choice(["ko", "en"])}
        source = rng.choice(["customers", "overseas_retail", "domestic_sales", "region_export"])
        controls = {
            "gs-source.value": source,
            "gs-brand.value": rng.choice(["all", "Hyundai", "Kia"]),
            **lang,
        }
        await self.call(http, "gs filter choices", self.flow.body("gs-source.options", controls))
        resolved = await self.call(
            http, "gs resolve filters", self.flow.body(SPEC_OUTPUT, controls)
        )
        spec = _value(resolved, "gs-spec", "data")
        if not spec:
            return
        await self._charts(http, spec, lang)
        markets = spec.get("heatmap_markets") or []
        if markets:  # a click on a market bar: the focus market, then the charts again
            market = rng.choice(markets)
            click = {"gs-market-bar.clickData": {"points": [{"customdata": market}]}}
            await self.call(http, "gs market click", self.flow.body("gs-market.value@", click))
            resolved = await self.call(
                http,
                "gs resolve filters",
                self.flow.body(
                    SPEC_OUTPUT, {**controls, "gs-market.value": market}, "gs-market.value"
                ),
            )
            spec = _value(resolved, "gs-spec", "data") or spec
            await self._charts(http, spec, lang)

    async def _charts(self, http: aiohttp.ClientSession, spec: dict, lang: dict) -> None:
        values = {"gs-spec.data": spec, **lang}
        for step, output in (
            ("gs markets", "gs-market-bar.figure"),
            ("gs top10", "gs-top10-bar.figure"),
            ("gs deviation", "gs-deviation-bar.figure"),
            ("gs heatmap", "gs-heatmap.figure"),
            ("gs recommendations", "gs-recommendations.children"),
            ("gs priority", "gs-priority-table.children"),
        ):
            await self.call(http, step, self.flow.body(output, values))

    async def dealer(self, http: aiohttp.ClientSession, rng: random.Random) -> None:
        lang = {"app-lang.data": "ko"}
        controls = {"dealer-brand.value": self.brand, **lang}
        choices = await self.call(
            http, "dealer filter choices", self.flow.body("dealer-market.options", controls)
        )
        markets = [o["value"] for o in _value(choices, "dealer-market", "options") or []]
        market = rng.choice(markets) if markets else None
        resolved = await self.call(
            http,
            "dealer resolve filters",
            self.flow.body("dealer-spec.data", {**controls, "dealer-market.value": market}),
        )
        spec = _value(resolved, "dealer-spec", "data")
        if not spec:
            return
        values = {"dealer-spec.data": spec, **lang}
        for step, output in (
            ("dealer segments", "dealer-segment-bar.figure"),
            ("dealer clusters", "dealer-cluster-quality.children"),
            ("dealer insights", "dealer-insights.children"),
            ("dealer customers", "dealer-customers-grid.rowData"),
        ):
            await self.call(http, step, self.flow.body(output, values))

    async def predict(self, http: aiohttp.ClientSession, rng: random.Random) -> None:
        brand = self.brand or rng.choice(["Hyundai", "Kia"])
        lang = {"app-lang.data": "ko"}
        form = await self.call(
            http,
            "predict form",
            self.flow.body("predict-status.children", {"predict-brand.value": brand, **lang}),
        )
        if not form:
            return
        values = {"predict-brand.value": brand, "predict-submit.n_clicks": 1, **lang}
        for control in ("market", "vehicle-class", "model", "payment", "channel", "budget"):
            values[f"predict-{control}.value"] = _value(form, f"predict-{control}", "value")
        values.update(
            {
                "predict-gender.value": rng.choice(["M", "F"]),
                "predict-age.value": rng.randint(25, 65),
                "predict-purchase-count.value": rng.randint(0, 3),
                "predict-eco.value": rng.choice([True, False]),
            }
        )
        submitted = await self.call(
            http, "predict submit", self.flow.body("predict-gender-feedback.children", values)
        )
        spec = _value(submitted, "predict-input", "data")
        if spec:
            await self.call(
                http,
                "predict result",
                self.flow.body("predict-result.children", {"predict-input.data": spec, **lang}),
            )

    async def run(self, until: float, seed: int) -> None:
        rng = random.Random(seed)
        jar = aiohttp.CookieJar(unsafe=True)  # cookies for 127.0.0.1
        timeout = aiohttp.ClientTimeout(total=60)
        async with aiohttp.ClientSession(cookie_jar=jar, timeout=timeout) as http:
            await self.sign_in(http)
            while time.monotonic() < until:
                if self.brand:
                    await (self.dealer if rng.random() < 0.6 else self.predict)(http, rng)
                else:
                    await (self.strategy if rng.random() < 0.8 else self.predict)(http, rng)
                self.stats.sessions += 1
                await asyncio.sleep(rng.uniform(0.05, 0.3))  # a person reads between clicks


def _value(response: dict | None, component: str, prop: str) -> Any:
    if not response:
        return None
    return response.get("response", {}).get(component, {}).get(prop)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _add_users(ops: Path, users: int) -> list[tuple[str, str | None]]:
    """One user per simulated user: every fifth a dealer (alternating brands), the rest
    analysts. Returns (name, dealer brand or None)."""
    from app.security.passwords import hash_password
    from warehouse.users import add_user

    hashed = hash_password(PASSWORD)
    out = []
    for n in range(users):
        brand = ("Hyundai", "Kia")[n // 5 % 2] if n % 5 == 4 else None
        name = f"load-{n:03d}"
        role = "dealer" if brand else "analyst"
        add_user(ops, user_name=name, role=role, brand=brand, password_hash=hashed)
        out.append((name, brand))
    return out


def _swap(db: Path) -> None:
    """A rebuilt warehouse renamed over the served one (what `carsight build` does)."""
    copy = db.with_name(f".{db.name}.load-swap")
    shutil.copyfile(db, copy)
    os.replace(copy, db)


async def _load(base: str, users: list[tuple[str, str | None]], duration: float, db: Path):
    stats = Stats()
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        await User(base, users[0][0], Flow([]), stats, None).sign_in(http)
        deps = await (await http.get(f"{base}/_dash-dependencies")).json()
    flow = Flow(deps)
    until = time.monotonic() + duration
    tasks = [
        asyncio.create_task(User(base, name, flow, stats, brand).run(until, seed=n))
        for n, (name, brand) in enumerate(users)
    ]
    await asyncio.sleep(duration / 2)
    swap_start = time.perf_counter()
    await asyncio.to_thread(_swap, db)
    print(f"warehouse swapped at {duration / 2:.0f} s ({time.perf_counter() - swap_start:.2f} s)")
    await asyncio.gather(*tasks)
    return stats


def _wait_up(base: str, proc: subprocess.Popen, log: Path) -> None:
    import urllib.request

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("server exited:\n" + log.read_text())
        try:
            with urllib.request.urlopen(f"{base}/_alive", timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("server did not start:\n" + log.read_text())


def _worker_rss_mb(master: int) -> list[float]:
    """Resident memory of each gunicorn worker (children of the master), in MB (Linux)."""
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return []
    sizes = []
    for child in children:
        try:
            status = Path(f"/proc/{child}/status").read_text()
        except OSError:
            continue
        kb = next((line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")), 0)
        sizes.append(int(kb) / 1024)
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="a trained warehouse")
    parser.add_argument("--artifacts", type=Path, required=True, help="its artifacts folder")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds (max 600)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--p95-target-ms", type=float, default=500.0)
    args = parser.parse_args()
    if not 0 < args.duration <= 600 or not 0 < args.users <= 500:
        parser.error("--duration must be in (0, 600] and --users in (0, 500]")

    with tempfile.TemporaryDirectory(prefix="carsight-load-") as tmp:
        work = Path(tmp)
        db = work / "warehouse.duckdb"  # a copy: the swap must not touch the original
        shutil.copyfile(args.db, db)
        users = _add_users(work / "ops.sqlite", args.users)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        env = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "CARSIGHT_CONFIG": str(work / "absent.toml"),
            "CARSIGHT_SECRET_KEY": secrets.token_urlsafe(48),
            "CARSIGHT_DB": str(db),
            "CARSIGHT_OPS_DB": str(work / "ops.sqlite"),
            "CARSIGHT_ARTIFACTS_DIR": str(args.artifacts.resolve()),
        }
        log = work / "serve.log"
        command = [
            sys.executable, "-c", "from app.cli import main; main()", "serve", "--production",
            "--workers", str(args.workers), "--host", "127.0.0.1", "--port", str(port),
        ]  # fmt: skip
        with open(log, "w") as out:
            proc = subprocess.Popen(command, env=env, cwd=work, stdout=out, stderr=out)
        try:
            _wait_up(base, proc, log)
            time.sleep(3)  # let the workers warm their prediction models
            print(
                f"{args.users} users for {args.duration:.0f} s against "
                f"`carsight serve --production --workers {args.workers}` on {base}"
            )
            started = time.perf_counter()
            stats = asyncio.run(_load(base, users, args.duration, db))
            wall = time.perf_counter() - started
            stats.worker_rss_mb = _worker_rss_mb(proc.pid)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        return _report(stats, wall, args.p95_target_ms, log)


def _report(stats: Stats, wall: float, target_ms: float, log: Path) -> int:
    n = len(stats.latencies)
    errors = sum(stats.errors.values())
    if not n:
        print("no request succeeded", stats.errors)
        return 1
    p50, p95, p99 = (percentile(stats.latencies, q) for q in (50, 95, 99))
    print(f"\nrequests {n}, errors {errors}, sessions {stats.sessions}, wall {wall:.1f} s")
    print(f"throughput {n / wall:.1f} requests/s")
    print(
        f"latency p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms "
        f"(target p95 < {target_ms:.0f})"
    )
    if stats.worker_rss_mb:
        sizes = ", ".join(f"{mb:.0f} MB" for mb in stats.worker_rss_mb)
        print(f"worker RSS after the run: {sizes}")
    print("\n| step | requests | p50 (ms) | p95 (ms) |\n|---|---:|---:|---:|")
    for step, times in sorted(stats.by_step.items()):
        print(
            f"| {step} | {len(times)} | {percentile(times, 50):.0f} | {percentile(times, 95):.0f} |"
        )
    for message, count in stats.errors.most_common(10):
        print(f"error x{count}: {message}")
    tracebacks = log.read_text().count("Traceback")
    if tracebacks:
        kept = Path(tempfile.gettempdir()) / "carsight-load-serve.log"
        shutil.copyfile(log, kept)
        print(f"server log: {tracebacks} tracebacks, kept in {kept}")
    return 0 if errors == 0 and p95 < target_ms else 1


if __name__ == "__main__":
    raise SystemExit(main())
