"""`carsight analyze exports|models|plants|retail|competitors` as a user runs it: in this
process (the click command, same parsing, streams and exit codes) and once in a real
subprocess (slow)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from app.cli.analyze_explorer import ExplorerRefused, run_explorer_analysis
from tests.cli_support import invoke_carsight, run_carsight


def analyze(db, *args: str, tmp_path):
    return invoke_carsight("analyze", *args, "--db", str(db), tmp_path=tmp_path)


def test_exports_table_in_process_matches_the_page_numbers(reference_db):
    doc, table = run_explorer_analysis(
        "exports", db=reference_db, brand="both", year=None, market=None, period_from=None,
        period_to=None, top_n=None,
    )  # fmt: skip
    # both brands, latest year: 2025, of which January only is reported by both
    assert (doc["brand"], doc["year"], doc["months_reported"]) == ("all", 2025, 1)
    compared = dict(table.select("market", "compared_months").iter_rows())
    assert set(compared.values()) == {1, 0}
    # Hyundai's 유럽-기타 (Other) first appears in 2025: nothing to compare it with
    assert [m for m, n in compared.items() if n == 0] == ["Other"]
    assert table.filter(table["market"] == "Other").item(0, "yoy_change") is None
    with pytest.raises(ExplorerRefused, match="--year 1999 has no region exports"):
        run_explorer_analysis(
            "exports", db=reference_db, brand="kia", year=1999, market=None, period_from=None,
            period_to=None, top_n=None,
        )  # fmt: skip


@pytest.mark.slow
def test_exports_json_gives_each_regions_total_share_change_and_peak_month(reference_db, tmp_path):
    out = run_carsight(
        "analyze",
        "exports", "--brand", "hyundai", "--year", "2024", "--format", "json", "--db",
        str(reference_db), tmp_path=tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert (doc["analysis"], doc["brand"], doc["year"], doc["months_reported"]) == (
        "exports",
        "Hyundai",
        2024,
        12,
    )
    usa = doc["rows"][0]
    assert usa["market"] == "USA"
    assert (usa["units"], usa["peak_month"], usa["peak_units"]) == (637_638, "2024-04", 63_939)
    # 2023: 581,122 (raw IR file) -> 2024: 637,638 over the same 12 months
    assert usa["yoy_change"] == pytest.approx(637_638 / 581_122 - 1)
    assert sum(r["share"] for r in doc["rows"]) == pytest.approx(1.0)


def test_exports_csv_parses_with_the_documented_columns(reference_db, tmp_path):
    out = analyze(
        reference_db, "exports", "--brand", "kia", "--year", "2024", "--format", "csv",
        tmp_path=tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(rows[0]) == [
        "market", "units", "share", "months", "yoy_change", "compared_months", "peak_month",
        "peak_units",
    ]  # fmt: skip
    assert all(len(r["peak_month"]) == 7 and r["peak_month"].startswith("2024-") for r in rows)


def test_exports_refuses_a_year_without_data_naming_the_years_that_have_it(reference_db, tmp_path):
    out = analyze(
        reference_db, "exports", "--brand", "hyundai", "--year", "2021", tmp_path=tmp_path
    )
    assert out.returncode == 2
    assert out.stderr.strip() == (
        "error: --year 2021 has no region exports for brand Hyundai; years with data: "
        "2023, 2024, 2025"
    )
    assert out.stdout == ""


def test_exports_refuses_an_unknown_brand_in_one_line(reference_db, tmp_path):
    out = analyze(reference_db, "exports", "--brand", "tesla", tmp_path=tmp_path)
    assert out.returncode == 2
    assert out.stderr.strip() == "error: unknown brand 'tesla'; valid: hyundai, kia, both"


def test_competitors_names_the_counter_model_and_why(reference_db, tmp_path):
    out = analyze(
        reference_db, "competitors", "--market", "미국", "--year", "2024", "--lang", "en",
        tmp_path=tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)["rows"]
    model_y = next(r for r in rows if r["model_name"] == "Tesla Model Y")
    # an EV-only SUV of ours is closer than one offered with EV among others
    assert (model_y["our_model"], model_y["match"]) == ("EV9", "exact")
    assert "EV9" in model_y["text"] and "22,017" in model_y["text"]


@pytest.mark.parametrize("analysis", ["models", "plants", "retail"])
def test_the_other_explorer_tables_run_as_csv(reference_db, tmp_path, analysis):
    out = analyze(reference_db, analysis, "--from", "2024-01", "--to", "2024-12", "--format",
                  "csv", tmp_path=tmp_path)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert len(list(csv.DictReader(io.StringIO(out.stdout)))) > 3
