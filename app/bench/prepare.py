"""The generated data set of a bench scale, prepared once and reused.

`<data_dir>/<scale>/` holds `raw/` (the sample generator's files at the
scale's generator factor), `warehouse.duckdb` (built from them, then trained and
forecast on), `artifacts/` (trained models) and `ready.json` (what was made,
with which seed and scale). A later run with the same scale and seed reuses it;
generated data never goes into the repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

# scale name -> generator factor (`carsight generate --scale`). small is the
# reference size; medium >= 1M fact rows and 100k customers; large >= 10M and 1M.
SCALES: dict[str, float] = {"ci": 0.2, "small": 1.0, "medium": 10.5, "large": 100.0}
SEED = 7
# The forecast runs cover the region-export series: the same ~20 series at every
# scale (model-level series multiply with the generator's trim variants); at the
# CI scale only Kia's to Mexico and Middle East/Africa (2).
FORECAST_FILTERS = {"ci": "Kia|region_export|market=M"}
FORECAST_FILTER = "region_export"


def forecast_filter(scale: str) -> str:
    return FORECAST_FILTERS.get(scale, FORECAST_FILTER)


class Measured(NamedTuple):
    """One run of a command in a child process."""

    seconds: float  # wall, from process start (imports included)
    peak_mb: float  # the child's own peak RSS
    cpu_s: float  # user + system CPU seconds of the child and the processes it waited for:
    # on a shared machine the wall time is mostly the wait for a core, this is the work


@dataclass(frozen=True)
class Prepared:
    scale: str
    folder: Path
    raw: Path
    db: Path
    artifacts: Path
    facts: int
    customers: int
    # steps run by this prepare: name -> how the command ran
    made: dict[str, Measured] = field(default_factory=dict)


def carsight_measured(*args: str) -> Measured:
    """Wall seconds, peak RSS MB and CPU seconds of `carsight ARGS` in a child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from app.cli import main; main()", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        tail = " | ".join(proc.stderr.read().strip().splitlines()[-3:])  # type: ignore[union-attr]
        raise RuntimeError(f"carsight {args[0]} failed: {tail}")
    return Measured(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def prepare(data_dir: Path, scale: str, log: Callable[[str], None]) -> Prepared:
    """Generate, build, train and forecast the scale's data set unless `ready.json` says
    it is there (same seed and factor). The generator is deterministic (same seed and
    scale, same files), so files already there are reused step by step."""
    folder = data_dir / scale
    raw, db, artifacts = folder / "raw", folder / "warehouse.duckdb", folder / "artifacts"
    marker = folder / "ready.json"
    wanted = {"scale": scale, "factor": SCALES[scale], "seed": SEED}
    if marker.is_file() and db.is_file():
        made = json.loads(marker.read_text())
        if {k: made.get(k) for k in wanted} == wanted:
            return Prepared(scale, folder, raw, db, artifacts, made["facts"], made["customers"])
    folder.mkdir(parents=True, exist_ok=True)
    factor = str(SCALES[scale])
    steps = [  # each step is skipped when what it makes is already there
        (
            "generate",
            raw.is_dir() and any(raw.rglob("*.csv")),
            ["generate", "--out", str(raw), "--seed", str(SEED), "--scale", factor, "--quiet"],
        ),
        ("build", db.is_file(), ["build", str(raw), "--db", str(db)]),
        (
            "train",
            artifacts.is_dir() and any(artifacts.iterdir()),
            ["train", "--db", str(db), "--artifacts", str(artifacts), "--quiet"],
        ),
        (
            "forecast",
            False,
            ["forecast", "--db", str(db), "--series-filter", forecast_filter(scale), "--quiet"],
        ),
    ]
    made: dict[str, Measured] = {}
    for name, done, args in steps:
        if done:
            continue
        made[name] = run = carsight_measured(*args)
        load = os.getloadavg()[0]
        log(
            f"prepare {scale}: {name} {run.seconds:.0f}s ({run.cpu_s:.0f} CPU s), "
            f"{run.peak_mb:,.0f} MB (load {load:.1f})"
        )
    facts, customers = _counts(db)
    marker.write_text(json.dumps({**wanted, "facts": facts, "customers": customers}))
    return Prepared(scale, folder, raw, db, artifacts, facts, customers, made)


def _counts(db: Path) -> tuple[int, int]:
    import duckdb

    con = duckdb.connect()
    try:
        con.execute("attach ? as w (read_only)", [str(db)])
        facts = con.sql("select count(*) from w.fact_sales").fetchall()[0][0]
        customers = con.sql("select count(*) from w.customers").fetchall()[0][0]
        return int(facts), int(customers)
    finally:
        con.close()
