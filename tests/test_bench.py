"""`carsight bench` at the CI scale: it runs every group, prints one table and writes
the JSON document with every named result (no timing assertions: the machine is shared)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.cli_support import invoke_carsight, run_carsight

NAMES = [
    *(f"{view}{suffix}"
      for suffix in ("", "@overseas_retail")
      for view in ("choices", "market_totals", "top10", "deviation", "heatmap", "momentum",
                   "priority", "stock_cover", "recommend", "trend", "cold_top10", "cold_choices")),
    "pandas_top10", "pandas_deviation", "pandas_heatmap",
    "roundtrip_resolve_filters", "roundtrip_top10", "roundtrip_heatmap",
    "strategy:gs-top10-bar", "dealer:dealer-segment-bar", "forecast:fc-chart",
    "predict_single", "predict_batch",
    "cold_start", "page_settle_strategy_first", "page_settle_strategy", "page_settle_dealer",
    "page_settle_predict", "page_settle_forecast", "page_settle_data",
    "click_market_bar", "click_market_select", "click_top10_bar", "serving_rss",
    "build", "train", "forecast", "prophet_sequential",
]  # fmt: skip


BROWSER = {"cold_start", "serving_rss"} | {
    n for n in NAMES if n.startswith(("page_settle_", "click_"))
}
GROUPS = ("strategy", "roundtrip", "predict", "browser", "jobs", "dask")


@pytest.fixture(scope="module")
def bench_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CI-scale data set (generated, built, trained, forecast), prepared once for
    both halves of the bench run (tests.shared_once): `--data-dir` reuses it."""
    from tests.shared_once import made_once

    def prepare(folder: Path) -> None:
        skip = [arg for group in GROUPS for arg in ("--skip", group)]
        done = run_carsight(
            "bench", "--scale", "ci", "--n", "5", *skip, "--data-dir", str(folder),
            tmp_path=folder, timeout=900,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]
        assert (folder / "ci" / "ready.json").is_file()

    return made_once(tmp_path_factory, "bench-ci", prepare)


def _bench(tmp_path: Path, data: Path, skip: tuple[str, ...]) -> tuple[dict, str]:
    """`carsight bench --scale ci --quick` without the `skip` groups; (JSON document,
    table). Quick: one timed run per path, as the test checks that every path runs and
    is reported, not its numbers (the full runs took 57 s and 133 s here)."""
    out = tmp_path / "bench.json"
    done = run_carsight(
        "bench", "--scale", "ci", "--quick",
        *[arg for group in skip for arg in ("--skip", group)],
        "--json", str(out), "--data-dir", str(data),
        tmp_path=tmp_path, timeout=1800,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert set(doc) >= {"results", "baselines"} and doc["complete"] is True
    assert doc["quick"] is True
    for r in doc["results"]:
        assert {"name", "scale", "p50_ms", "p95_ms"} <= set(r) and r["scale"] == "ci"
        assert r["p95_ms"] >= r["p50_ms"] >= 0, r
        # one timed run per path (predictions: one per brand)
        assert r["n"] == (2 if r["name"].startswith("predict_") else 1), r
    table = done.stdout
    assert table.startswith("| group | name (ci) | n | p50 ms | p95 ms |")
    assert "quick run (--quick): one timed run per path" in table
    return doc, table


# The bench in two halves, one per test worker: the browser group (about 70 s at the CI
# scale) and every other group.
@pytest.mark.long
@pytest.mark.slow
@pytest.mark.e2e
def test_bench_at_ci_scale_prints_the_table_and_writes_every_named_result(tmp_path, bench_data):
    doc, table = _bench(tmp_path, bench_data, skip=("browser", "dask"))
    names = [r["name"] for r in doc["results"]]
    expected = [n for n in NAMES if n not in BROWSER]
    assert [n for n in expected if n not in names] == []
    assert not BROWSER & set(names)
    by_name = {r["name"]: r for r in doc["results"]}
    for name in ("roundtrip_resolve_filters", "roundtrip_top10", "roundtrip_heatmap"):
        assert (by_name[name]["status"], by_name[name]["updated"]) == ("200", "yes"), name
    for name in ("build", "train", "forecast"):  # the work, apart from the wait for a core
        assert by_name[name]["cpu_s"] > 0, name
    baselines = {b["name"]: b for b in doc["baselines"]}
    assert set(baselines) == {"top10", "deviation", "heatmap", "cold_top10", "forecast"}
    for b in baselines.values():
        assert set(b) >= {"name", "ours_ms", "theirs_ms", "ratio"}
        assert b["ratio"] == pytest.approx(b["theirs_ms"] / b["ours_ms"], rel=0.01, abs=0.001)
    assert all(f"| {name} |" in table for name in expected)
    assert "| baseline | ours ms | theirs ms | ratio (theirs / ours) |" in table


@pytest.mark.long
@pytest.mark.slow
@pytest.mark.e2e
def test_bench_browser_group_times_every_page_and_click_in_headless_chromium(tmp_path, bench_data):
    skip = tuple(g for g in GROUPS if g != "browser")
    doc, table = _bench(tmp_path, bench_data, skip=skip)
    assert sorted(r["name"] for r in doc["results"]) == sorted(BROWSER)
    assert all(f"| {name} |" in table for name in BROWSER)
    assert doc["baselines"] == []


def test_an_unknown_scale_is_refused_with_the_valid_ones(tmp_path):
    done = invoke_carsight("bench", "--scale", "huge", tmp_path=tmp_path)
    assert done.returncode == 2
    assert "'huge' is not one of 'ci', 'small', 'medium', 'large'" in done.stderr


@pytest.mark.slow  # two interpreter starts with the CLI's imports
def test_a_measured_command_reports_wall_cpu_and_memory(tmp_path):
    from app.bench.prepare import carsight_measured

    run = carsight_measured("build", "--help")
    assert run.seconds > 0 and run.peak_mb > 10
    assert 0 < run.cpu_s < run.seconds * (os.cpu_count() or 1) + 1
    with pytest.raises(RuntimeError, match="carsight build failed: .*No such option"):
        carsight_measured("build", "--no-such-option")
