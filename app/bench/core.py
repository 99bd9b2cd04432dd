"""Timing, percentiles and the report of `carsight bench`."""

from __future__ import annotations

import json
import math
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPEATS = 5  # minimum timed repetitions after the warm-up, per the issue
QUICK_NOTE = (
    "quick run (--quick): one timed run per path, to check that every path runs; "
    "its numbers are not for comparing"
)


@dataclass
class Result:
    """One timed path: p50/p95 in milliseconds over `n` timed repetitions."""

    name: str
    scale: str
    p50_ms: float
    p95_ms: float
    n: int
    group: str
    target_ms: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k != "extra"} | self.extra


@dataclass
class Baseline:
    """Ours against the original's approach, measured in the same run."""

    name: str
    ours_ms: float
    theirs_ms: float
    ours: str
    theirs: str

    @property
    def ratio(self) -> float:
        """How many times faster ours is (theirs / ours)."""
        return self.theirs_ms / self.ours_ms if self.ours_ms else math.inf


def percentile(times: list[float], q: float) -> float:
    """Nearest-rank percentile of `times` (seconds) in milliseconds."""
    ordered = sorted(times)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)] * 1000


def timed(fn: Callable[[int], Any], n: int, *, warmup: int = 1) -> list[float]:
    """Seconds of `n` calls `fn(i)` after `warmup` untimed calls (i counts on)."""
    for i in range(warmup):
        fn(i)
    out = []
    for i in range(warmup, warmup + n):
        start = time.perf_counter()
        fn(i)
        out.append(time.perf_counter() - start)
    return out


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


class Report:
    """Results and baselines of one run, with the machine load around each group."""

    def __init__(self, scale: str, *, quick: bool = False) -> None:
        self.scale = scale
        self.quick = quick
        self.results: list[Result] = []
        self.baselines: list[Baseline] = []
        self.loads: dict[str, str] = {}
        self.notes: list[str] = [QUICK_NOTE] if quick else []
        self.complete = False  # every group asked for has run

    def add(
        self,
        name: str,
        times: list[float],
        *,
        group: str,
        target_ms: float | None = None,
        **extra: Any,
    ) -> Result:
        result = Result(
            name=name,
            scale=self.scale,
            p50_ms=round(percentile(times, 50), 2),
            p95_ms=round(percentile(times, 95), 2),
            n=len(times),
            group=group,
            target_ms=target_ms,
            extra=extra,
        )
        self.results.append(result)
        return result

    def add_value(
        self, name: str, value: float, *, unit: str, group: str, target: float | None = None
    ) -> Result:
        """A measured quantity that is not a latency (e.g. memory): p50 = p95 = value, in
        `unit` (named in the result)."""
        result = Result(name, self.scale, round(value, 2), round(value, 2), 1, group, target)
        result.extra["unit"] = unit
        self.results.append(result)
        return result

    @property
    def repeats(self) -> int:
        """Timed repetitions of the paths that do not take `--n` (one in a quick run)."""
        return 1 if self.quick else REPEATS

    def get(self, name: str) -> Result:
        return next(r for r in self.results if r.name == name)

    def to_json(self) -> dict[str, Any]:
        return {
            "scale": self.scale,
            "complete": self.complete,
            "quick": self.quick,
            "load_average": self.loads,
            "results": [r.row() for r in self.results],
            "baselines": [
                {
                    "name": b.name,
                    "ours_ms": round(b.ours_ms, 2),
                    "theirs_ms": round(b.theirs_ms, 2),
                    "ratio": round(b.ratio, 3),
                    "ours": b.ours,
                    "theirs": b.theirs,
                }
                for b in self.baselines
            ],
            "notes": self.notes,
        }

    def write_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")

    def table(self) -> str:
        """Markdown: every result, then the baselines, then the load per group."""
        lines = [
            f"| group | name ({self.scale}) | n | p50 ms | p95 ms | target ms | met | detail |",
            "|---|---|---:|---:|---:|---:|:---:|---|",
        ]
        for r in self.results:
            met = "" if r.target_ms is None else ("yes" if r.p95_ms <= r.target_ms else "**no**")
            target = "" if r.target_ms is None else f"{r.target_ms:g}"
            detail = ", ".join(f"{k}={_fmt(v)}" for k, v in r.extra.items())
            lines.append(
                f"| {r.group} | {r.name} | {r.n} | {r.p50_ms:,.1f} | {r.p95_ms:,.1f} "
                f"| {target} | {met} | {detail} |"
            )
        if self.baselines:
            lines += [
                "",
                "| baseline | ours ms | theirs ms | ratio (theirs / ours) | ours | theirs |",
                "|---|---:|---:|---:|---|---|",
            ]
            lines += [
                f"| {b.name} | {b.ours_ms:,.1f} | {b.theirs_ms:,.1f} | {b.ratio:,.2f}x "
                f"| {b.ours} | {b.theirs} |"
                for b in self.baselines
            ]
        if self.loads:
            lines += ["", "load average (1, 5, 15 min) when each group ended:"]
            lines += [f"- {group}: {load}" for group, load in self.loads.items()]
        lines += [f"- {note}" for note in self.notes]
        return "\n".join(lines)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
