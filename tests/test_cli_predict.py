"""`carsight predict` end to end on the trained reference data: JSON, CSV and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from app.cli import EXIT_REFUSED, main
from app.cli.predict import EXIT_PARTIAL
from tests.train_support import trained_copy

pytestmark = pytest.mark.slow
CUSTOMER = {
    "gender": "여",
    "age": 34,
    "market": "대한민국",
    "vehicle_class": "중형 SUV",
    "eco_friendly": True,
    "budget": 45_000_000,
    "payment_method": "신용카드",
    "channel": "온라인",
    "purchase_count": 0,
}


@pytest.fixture(scope="module")
def artifacts_dir(reference_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return trained_copy(reference_db, tmp_path_factory)[1]


def _run(*args: str) -> object:
    return CliRunner().invoke(main, ["predict", *args], catch_exceptions=False)


@pytest.mark.parametrize("brand", ["kia", "Kia", "hyundai", "Hyundai"])
def test_json_customer_prints_segment_tier_and_three_cars_with_body_and_powertrain(
    artifacts_dir: Path, brand: str
) -> None:
    result = _run(
        "--brand",
        brand,
        "--artifacts",
        str(artifacts_dir),
        "--json",
        json.dumps(CUSTOMER, ensure_ascii=False),
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["brand"] == brand.capitalize()
    assert {"segment", "tier", "tier_probabilities", "wishes", "recommendations"} <= set(out)
    # no purchases: 신규 by definition, never "at risk"; the value tier is the prediction
    assert (out["segment"], out["segment_rule"]) == ("신규", "no_purchases")
    assert set(out["tier_probabilities"]) == {"VIP 잠재", "일반", "실속"}
    assert out["tier"] in out["tier_probabilities"]
    assert out["wishes"]["class_status"] == "met"
    recs = out["recommendations"]
    assert len(recs) == 3
    for rec in recs:
        assert {"model", "expected_price", "body_type", "powertrain", "eco", "reasons"} <= set(rec)
        assert isinstance(rec["expected_price"], int) and rec["reasons"]
        assert any("예산 대비" in r for r in rec["reasons"])
    assert recs[0]["body_type"] == "SUV" and recs[0]["eco"] is True
    assert "ICE" not in recs[0]["powertrain"].split("/")  # the eco powertrain is offered


def test_english_reasons_with_lang_en(artifacts_dir: Path) -> None:
    result = _run(
        "--brand",
        "kia",
        "--artifacts",
        str(artifacts_dir),
        "--lang",
        "en",
        "--json",
        json.dumps(CUSTOMER, ensure_ascii=False),
    )
    assert result.exit_code == 0, result.output
    reasons = json.loads(result.output)["recommendations"][0]["reasons"]
    assert any("of the budget" in r for r in reasons)


def test_invalid_json_input_exits_non_zero_naming_the_field(artifacts_dir: Path) -> None:
    result = _run(
        "--brand",
        "kia",
        "--artifacts",
        str(artifacts_dir),
        "--json",
        json.dumps({**CUSTOMER, "age": 12, "budget": -1}, ensure_ascii=False),
    )
    assert result.exit_code == EXIT_REFUSED
    assert "나이는 18~100세여야 합니다 (입력: 12)" in result.output
    assert "예산" in result.output


def test_missing_models_are_refused_with_the_fix(tmp_path: Path) -> None:
    result = _run(
        "--brand",
        "kia",
        "--artifacts",
        str(tmp_path),
        "--json",
        json.dumps(CUSTOMER, ensure_ascii=False),
    )
    assert result.exit_code == EXIT_REFUSED and "carsight train" in result.output


def test_csv_scores_good_rows_and_reports_bad_rows_by_line_and_field(
    artifacts_dir: Path, tmp_path: Path
) -> None:
    src, out = tmp_path / "new_customers.csv", tmp_path / "scored.csv"
    good = {**CUSTOMER, "name": "김민지", "email": "minji@example.com"}
    rows = [
        good,
        {**good, "age": 150},
        {**good, "gender": "M", "budget": 80_000_000},
        {**good, "market": "Mars", "channel": "fax"},
    ]
    pl.DataFrame(rows).write_csv(src)
    result = CliRunner().invoke(
        main,
        [
            "predict",
            "--brand",
            "kia",
            "--artifacts",
            str(artifacts_dir),
            "--lang",
            "en",
            "--csv",
            str(src),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == EXIT_PARTIAL, result.output
    errors = result.stderr.splitlines()
    assert any("line 3:" in e and "Age must be 18-100 (got: 150)" in e for e in errors)
    assert any("line 5:" in e and e.split("line 5: ")[1].startswith("Market") for e in errors)
    assert any("line 5:" in e and "Channel" in e for e in errors)
    scored = pl.read_csv(out)
    assert scored.get_column("line").to_list() == [2, 4]
    for column in (
        "segment",
        "tier",
        "tier_probability",
        "rec1_model",
        "rec1_body_type",
        "rec1_powertrain",
        "rec1_expected_price",
        "rec1_reasons",
        "rec3_model",
        "rec3_reasons",
    ):
        assert column in scored.columns
    assert scored.get_column("rec1_reasons").str.contains("of the budget").all()


def test_csv_with_only_good_rows_exits_zero(artifacts_dir: Path, tmp_path: Path) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    pl.DataFrame([CUSTOMER] * 3).write_csv(src)
    result = _run(
        "--brand",
        "hyundai",
        "--artifacts",
        str(artifacts_dir),
        "--csv",
        str(src),
        "--out",
        str(out),
    )
    assert result.exit_code == 0, result.output
    assert pl.read_csv(out).height == 3


def test_an_unknown_brand_is_refused_before_looking_for_models(tmp_path: Path) -> None:
    result = _run(
        "--brand", "tesla", "--artifacts", str(tmp_path), "--json", json.dumps(CUSTOMER)
    )  # fmt: skip
    assert result.exit_code == EXIT_REFUSED
    assert "'tesla' is not a brand CarSight predicts for; use hyundai or kia" in result.output
    assert "carsight train" not in result.output  # it used to blame a missing artifact
