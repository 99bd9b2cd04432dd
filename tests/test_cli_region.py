"""`carsight analyze regions` as a user runs it (in process) against the reference warehouse.

Counts are checked against the raw customer file (read in place, counts only).
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

from tests.cli_support import invoke_carsight

KIA_FILE = Path(__file__).resolve().parents[1].parent / "shared/data/customers/기아_고객데이터.csv"
COLUMNS = [
    "region",
    "customers",
    "top_body_type",
    "top_body_type_customers",
    "top_body_type_share",
    "body_type_average_share",
    "top_model",
    "top_model_customers",
    "top_model_share",
    "small_sample",
]


def regions(db: Path, *args: str, tmp_path: Path):
    return invoke_carsight("analyze", "regions", *args, "--db", str(db), tmp_path=tmp_path)


def test_kia_csv_has_one_row_per_sido_with_the_raw_file_counts(reference_db, tmp_path):
    out = regions(reference_db, "--brand", "kia", "--format", "csv", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(rows[0]) == COLUMNS
    with KIA_FILE.open(encoding="utf-8-sig", newline="") as handle:
        first_words = Counter(r["주소"].split()[0] for r in csv.DictReader(handle))
    assert len(rows) == len(first_words) == 17
    got = {r["region"]: int(r["customers"]) for r in rows}
    assert got["서울"] == first_words["서울특별시"]
    assert got["제주"] == first_words["제주특별자치도"]
    assert sum(got.values()) == sum(first_words.values()) == 1_900
    for r in rows:
        share = int(r["top_body_type_customers"]) / int(r["customers"])
        assert abs(float(r["top_body_type_share"]) - share) < 1e-12
        assert r["small_sample"] == "false"


def test_json_insights_are_the_brief_wording_of_the_rows_numbers(reference_db, tmp_path):
    out = regions(reference_db, "--brand", "kia", "--format", "json", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert (doc["customers"], doc["unknown_region_customers"], doc["min_customers"]) == (
        1_900,
        0,
        30,
    )
    rows = {r["region"]: r for r in doc["rows"]}
    assert [i["region"] for i in doc["insights"]] == [r["region"] for r in doc["rows"]]
    suggested = [i for i in doc["insights"] if i["action"]]
    assert suggested, "the reference data has regions well above the average"
    for item in doc["insights"]:
        row = rows[item["region"]]
        share = int(100 * row["top_body_type_share"] + 0.5)
        average = int(100 * row["body_type_average_share"] + 0.5)
        body, region = row["top_body_type"], row["region"]
        assert item["text"].startswith(f"{region} — {body} {share}%")
        if share - average >= 5:
            assert item["action"] == (
                f"{region}: {body} 재고 비중 확대 검토 ({body} {share}%, 전체 평균 {average}%)"
            )
        else:
            assert item["action"] is None


def test_hyundai_usa_gives_state_codes_all_small_samples_in_english(reference_db, tmp_path):
    out = regions(
        reference_db,
        "--brand",
        "hyundai",
        "--market",
        "미국",
        "--lang",
        "en",
        "--format",
        "json",
        tmp_path=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    # 200 US customers: 175 US-style addresses, 25 military (APO/FPO/DPO) left unknown
    assert (doc["customers"], doc["unknown_region_customers"]) == (200, 25)
    assert all(len(r["region"]) == 2 and r["region"].isupper() for r in doc["rows"])
    assert sum(r["customers"] for r in doc["rows"]) == 175
    assert all(r["small_sample"] for r in doc["rows"])
    first = doc["insights"][0]
    assert (
        first["text"]
        == f"{first['region']} — small sample ({first['values']['customers']} customers)"
    )
    assert first["action"] is None


def test_bad_brand_or_market_is_one_error_line_and_exit_2(reference_db, tmp_path):
    for args, needle in (
        (("--brand", "all"), "valid: hyundai, kia"),
        (("--brand", "kia", "--market", "Mars"), "unknown customer market 'Mars'"),
        (("--brand", "kia", "--from", "2025-13"), "--from"),
    ):
        out = regions(reference_db, *args, tmp_path=tmp_path)
        assert out.returncode == 2
        assert out.stdout == ""
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and needle in lines[0]
