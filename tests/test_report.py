"""`carsight report` and app.report: HTML, PDF and XLSX from the dashboard's analytics."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import polars as pl
import pypdf
import pytest

from analytics.momentum import market_model_units
from analytics.report.content import ReportSpec, report_content
from analytics.sales import SalesFilter, load_sales
from analytics.top10 import top10
from app.report import build_report, parse_formats
from app.report.tables import Table
from app.report.xlsx import write_xlsx
from warehouse.connection import Warehouse

SHEETS_KO = [
    "핵심 지표", "시장별 상위 모델", "편차", "히트맵", "예측", "분기별 예측", "예측 정확도",
    "모델 순위", "세그먼트", "고객 유형", "추천",
]  # fmt: skip


def _text(pdf: Path) -> str:
    reader = pypdf.PdfReader(str(pdf))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


@pytest.mark.slow
def test_report_on_the_reference_data_in_three_formats(reference_db: Path, tmp_path: Path):
    files = build_report(
        warehouse=Warehouse(reference_db),
        spec=ReportSpec(brand="Hyundai"),
        out_dir=tmp_path,
        lang="ko",
    )
    assert set(files.paths) == {"html", "pdf", "xlsx"}
    pdf = files.paths["pdf"]
    assert pdf.read_bytes().startswith(b"%PDF")
    text = _text(pdf)
    assert "CarSight판매전략보고서" in text  # Korean title, extracted from the PDF
    assert "핵심지표와전년대비" in text
    html = files.paths["html"].read_text(encoding="utf-8")
    assert "<svg" in html and "<script" not in html  # charts inline as SVG, no scripts
    book = openpyxl.load_workbook(files.paths["xlsx"])
    assert book.sheetnames == SHEETS_KO
    # the top-models sheet holds top10's numbers for the focus market
    content = files.content
    assert content is not None
    sales = load_sales(Warehouse(reference_db), SalesFilter(source="customers", brand="Hyundai"))
    expected = top10(market_model_units(sales), market=content.focus_market or "", n=5)
    sheet = book["시장별 상위 모델"]
    rows = list(sheet.iter_rows(min_row=2, max_row=1 + expected.height, values_only=True))
    assert [r[3] for r in rows] == expected.get_column("units").to_list()
    assert files.seconds["total"] < 60  # the benchmark checks the 30 s target


def test_the_report_content_uses_the_dashboard_functions(reference_db: Path):
    content = report_content(warehouse=Warehouse(reference_db), spec=ReportSpec(brand="Kia"))
    assert content.focus_market is not None
    assert content.kpis.get_column("metric").to_list() == [
        "units",
        "revenue_krw",
        "markets",
        "models",
    ]
    shares = content.top_models.group_by("market").agg(pl.col("share").sum())
    assert (shares.get_column("share") <= 1.0 + 1e-9).all()


def test_xlsx_escapes_formula_text_and_keeps_numbers(tmp_path: Path):
    frame = pl.DataFrame(
        {"model": ['=HYPERLINK("x")', "+cmd", "-1", "@A1", "Avante"], "units": [-3, 1, 2, 3, 4]}
    )
    path = write_xlsx([Table("top_models", frame)], tmp_path / "t.xlsx", lang="en", title="t")
    sheet = openpyxl.load_workbook(path).worksheets[0]
    cells = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [c[0] for c in cells] == ['\'=HYPERLINK("x")', "'+cmd", "'-1", "'@A1", "Avante"]
    assert [c[1] for c in cells] == [-3, 1, 2, 3, 4]
    assert all(sheet.cell(row=r, column=1).data_type == "s" for r in range(2, 7))
    assert sheet.cell(row=2, column=2).data_type == "n"


def test_unknown_formats_are_refused_with_the_valid_ones():
    assert parse_formats("pdf, xlsx") == ("pdf", "xlsx")
    with pytest.raises(ValueError, match="html,pdf,xlsx"):
        parse_formats("pdf,docx")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--brand", "toyota"], "unknown brand 'toyota'"),
        (["--period", "2024-13..2024-12"], "2024-13"),
        (["--period", "2024-05..2024-01"], "is after"),
        (["--format", "docx"], "unknown report format"),
        (["--market", "Atlantis"], "unknown market 'Atlantis'"),
    ],
)
def test_cli_refuses_bad_options_with_one_line(
    reference_db: Path, tmp_path: Path, args: list[str], message: str
):
    from click.testing import CliRunner

    from app.cli import main

    done = CliRunner().invoke(
        main, ["report", "--db", str(reference_db), "--out", str(tmp_path / "out"), *args]
    )
    assert done.exit_code == 2
    assert done.stderr.startswith("error: ") and message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
