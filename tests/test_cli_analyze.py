"""`carsight analyze` as a user runs it, against the reference warehouse: in process (click's
runner), and once as a real subprocess (slow)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.cli_support import CliResult, invoke_carsight, run_carsight


def analyze(db: Path, *args: str, tmp_path: Path) -> CliResult:
    return invoke_carsight("analyze", *args, "--db", str(db), tmp_path=tmp_path)


def test_deviation_json_gives_g70_17_4_points_in_korea(reference_db, tmp_path):
    out = analyze(
        reference_db,
        "deviation",
        "--brand",
        "hyundai",
        "--source",
        "customers",
        "--market",
        "대한민국",
        "--format",
        "json",
        tmp_path=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert (doc["market"], doc["filter"]["brand"]) == ("Korea", "Hyundai")
    g70 = next(r for r in doc["rows"] if r["model"] == "G70")
    assert (g70["units_market"], g70["units_all"]) == (60, 60)
    assert g70["deviation_pp"] == 17.4
    assert g70["status"] == "strong"
    assert g70["text"] == "G70 — 지역 평균보다 17.4%p 높음"


def test_top10_csv_parses_with_ranks_units_and_shares(reference_db, tmp_path):
    out = analyze(
        reference_db,
        "top10",
        "--brand",
        "hyundai",
        "--market",
        "Korea",
        "--format",
        "csv",
        tmp_path=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(rows[0]) == ["rank", "model", "units", "share"]
    assert [int(r["rank"]) for r in rows] == list(range(1, len(rows) + 1))
    assert len(rows) == 10
    units = [int(r["units"]) for r in rows]
    assert units == sorted(units, reverse=True)
    g70 = next(r for r in rows if r["model"] == "G70")
    assert (int(g70["units"]), float(g70["share"])) == (60, pytest.approx(60 / 292))


def test_heatmap_csv_has_one_column_per_requested_market(reference_db, tmp_path):
    out = analyze(
        reference_db,
        "heatmap",
        "--markets",
        "USA,캐나다,대한민국",
        "--top-n",
        "3",
        "--format",
        "csv",
        tmp_path=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(rows[0]) == ["model", "USA", "Canada", "Korea"]
    assert len(rows) == 3


def test_recommend_json_carries_kind_model_values_and_text(reference_db, tmp_path):
    out = analyze(
        reference_db,
        "recommend",
        "--source",
        "overseas_retail",
        "--market",
        "USA",
        "--lang",
        "en",
        "--format",
        "json",
        tmp_path=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)["rows"]
    assert rows and {"expand", "competitor"} <= {r["kind"] for r in rows}
    for r in rows:
        assert set(r) == {"kind", "model", "values", "text"}
        assert r["text"].startswith(r["model"])
    expand = next(r for r in rows if r["kind"] == "expand")
    assert f"{expand['values']['deviation_pp']:+.1f}pp" in expand["text"]


@pytest.mark.parametrize(
    ("args", "lists"),
    [
        (["deviation", "--market", "Atlantis"], "Korea"),
        (["deviation", "--source", "tv_sales", "--market", "Korea"], "overseas_retail"),
        (["deviation", "--brand", "bmw", "--market", "Korea"], "hyundai, kia, all"),
        (["top10", "--market", "Korea", "--from", "2024-13"], "2024-03"),
        (["top10", "--market", "Korea", "--from", "2024-06", "--to", "2024-01"], "after"),
        (["top10", "--source", "domestic_sales", "--market", "USA"], "Korea"),
    ],
)
def test_bad_input_is_one_error_line_naming_valid_values_and_exit_2(
    reference_db, tmp_path, args, lists
):
    out = analyze(reference_db, *args, tmp_path=tmp_path)
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert lists in lines[0]


def test_a_missing_warehouse_is_a_clear_error(tmp_path):
    out = analyze(tmp_path / "nope.duckdb", "top10", "--market", "Korea", tmp_path=tmp_path)
    assert out.returncode == 2
    assert out.stderr.startswith("error: no warehouse at")


@pytest.mark.slow
def test_the_console_script_refuses_bad_input_and_answers_as_in_process(reference_db, tmp_path):
    """The real process (a new interpreter, as the `carsight` script runs it): a refusal is
    one line and exit 2; an answer is the same text the in-process runs check."""
    refused = run_carsight(
        "analyze", "deviation", "--market", "Atlantis", "--db", str(reference_db),
        tmp_path=tmp_path,
    )  # fmt: skip
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.startswith("error: ") and refused.stderr.count("\n") == 1
    args = ("deviation", "--brand", "hyundai", "--market", "Korea", "--format", "json")
    real = run_carsight("analyze", *args, "--db", str(reference_db), tmp_path=tmp_path)
    assert real.returncode == 0, real.stderr
    assert real.stdout == analyze(reference_db, *args, tmp_path=tmp_path).stdout
