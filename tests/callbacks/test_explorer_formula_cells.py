"""Formula-like text in a loaded file never leaves the market explorer as a formula.

The competitor file is loaded as published, so a model or brand name may start with
`=`, `+`, `-` or `@` (the IR label columns refuse such cells; this one cannot). Every
way such a cell leaves the explorer is checked on a real warehouse built from such a
file: the tables' CSV buttons (the DataTable rows they export), the source grid's CSV
download, `carsight analyze competitors --format csv`, and the one table builder every
explorer table goes through, with tab and carriage-return cells too.
"""

from __future__ import annotations

import ast
import csv
import io
from pathlib import Path

import polars as pl
import pytest
from dash import dash_table

from app.url_state import ANY
from tests.cli_support import invoke_carsight

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# as published -> as exported (a leading ' makes a spreadsheet show the text as typed)
CELLS = {
    '=HYPERLINK("http://x","y")': '\'=HYPERLINK("http://x","y")',
    "+Tesla": "'+Tesla",
    "-Toyota": "'-Toyota",
    "@SUM(A1)": "'@SUM(A1)",
    "-2+3": "'-2+3",
    "+cmd": "'+cmd",
    "@Ford": "'@Ford",
}
COMPETITOR_FILE = """연도,국가명,모델명,판매량,차량 구분,브랜드,파워트레인
2024,미국,"=HYPERLINK(""http://x"",""y"")",400,SUV,+Tesla,전기차
2024,미국,@SUM(A1),300,SUV,-Toyota,하이브리드
2024,미국,-2+3,250,세단,Toyota,내연기관
2024,미국,+cmd,200,SUV,@Ford,내연기관
2024,미국,Kia Sportage,100,SUV,Kia,내연기관
"""


@pytest.fixture(scope="module")
def formula_db(tmp_path_factory) -> Path:
    from warehouse.build import build

    folder = tmp_path_factory.mktemp("formula-competitors")
    raw = folder / "raw"
    raw.mkdir()
    (raw / "competitor_top_models_by_country.csv").write_text(COMPETITOR_FILE, encoding="utf-8")
    build([raw], folder / "warehouse.duckdb")
    return folder / "warehouse.duckdb"


@pytest.fixture(scope="module")
def installed(formula_db):
    from app.services import install
    from app.settings import load_settings

    install(load_settings(db=formula_db))
    return formula_db


def tables_in(component) -> list[dash_table.DataTable]:
    """Every DataTable in a callback's output (components, lists, tuples)."""
    if isinstance(component, dash_table.DataTable):
        return [component]
    if isinstance(component, list | tuple):
        return [t for c in component for t in tables_in(c)]
    children = getattr(component, "children", None)
    return tables_in(children) if children is not None else []


def text_cells(tables: list[dash_table.DataTable]) -> list[str]:
    return [v for table in tables for row in table.data for v in row.values() if isinstance(v, str)]


def assert_escaped(cells: list[str]) -> None:
    assert cells, "no text cell to check"
    unsafe = [c for c in cells if c.startswith(FORMULA_START)]
    assert unsafe == []


def test_every_competitor_table_exports_formula_text_escaped(installed):
    import callbacks.explorer_competitors as c

    controls = {"brand": "all", "period_from": ANY, "period_to": ANY, "focus": "USA"}
    spec = c.resolve_competitors({**controls, "year": "2024"}, [], "en", {})["spec"]
    tables = [
        *tables_in(c.competitors_share(spec, "en")),
        *tables_in(c.competitors_models(spec, "en")),
        *tables_in(c.competitors_counters(spec, "en")),
    ]
    assert len(tables) >= 3
    cells = text_cells(tables)
    assert_escaped(cells)
    # the names are there, escaped, not dropped
    assert set(CELLS.values()) <= set(cells)


def test_the_source_tables_and_the_grid_download_escape_formula_text(installed):
    import callbacks.explorer_sources as s

    controls = {"brand": "all", "period_from": ANY, "period_to": ANY, "focus": ANY}
    spec = s.resolve_sources(controls, [], "en", {})["spec"]
    assert_escaped(text_cells(tables_in(s.sources_files(spec, "en"))))
    download, note = s.sources_download(1, [None], spec, "en")
    rows = list(csv.DictReader(io.StringIO(download["content"])))
    assert note is None and len(rows) == 5
    names = {r["model_name"] for r in rows} | {r["brand"] for r in rows}
    assert set(CELLS.values()) <= names
    assert_escaped([v for r in rows for v in r.values()])


def test_analyze_competitors_csv_escapes_formula_text_and_json_keeps_it(formula_db, tmp_path):
    args = ("analyze", "competitors", "--market", "USA", "--year", "2024", "--lang", "en",
            "--db", str(formula_db))  # fmt: skip
    out = invoke_carsight(*args, "--format", "csv", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    cells = [v for r in rows for v in r.values() if v]
    assert_escaped(cells)
    assert set(CELLS.values()) <= set(cells)
    # JSON is data for programs, not a spreadsheet: the names stay as published
    doc = invoke_carsight(*args, "--format", "json", tmp_path=tmp_path)
    assert doc.returncode == 0, doc.stderr
    assert '=HYPERLINK(\\"http://x\\",\\"y\\")' in doc.stdout


def test_the_explorer_table_builder_escapes_every_formula_start_and_keeps_numbers():
    from app.figures.explorer import table

    frame = pl.DataFrame(
        {
            "market": ["=cmd", "USA", "@x", "+y", "-z", "\tTab", "\rCR"],
            "model": ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=1", "\r=1", "Sportage"],
            "flow": ["-domestic"] * 7,
            "units": [-5, 10, 20, 30, 40, 50, 60],
            "share": [-0.5, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
        }
    )
    built = table(frame, lang="ko", fraction_columns=["share"], value_labels={"flow": str})
    assert built.export_format == "csv"
    rows = built.data
    assert [r["model"] for r in rows] == ["'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\t=1",
                                          "'\r=1", "Sportage"]  # fmt: skip
    assert [r["market"] for r in rows] == ["'=cmd", "미국", "'@x", "'+y", "'-z", "'\tTab", "'\rCR"]
    assert {r["flow"] for r in rows} == {"'-domestic"}
    assert [r["units"] for r in rows][:2] == [-5, 10]  # numbers are never touched
    assert rows[0]["share"] == -50.0


def test_every_explorer_table_is_built_by_the_escaping_builder():
    """No explorer callback or layout makes a DataTable (or a grid with its own export)
    of its own: each goes through app.figures.explorer.table, checked above."""
    root = Path(__file__).resolve().parents[2]
    files = sorted(root.glob("callbacks/explorer*.py")) + sorted(root.glob("layouts/explorer*.py"))
    assert len(files) >= 12
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute):
                assert node.attr not in ("DataTable", "exportDataAsCsv"), (path.name, node.attr)
            if isinstance(node, ast.keyword):
                assert node.arg != "csvExportParams", path.name
