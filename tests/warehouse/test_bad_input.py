"""Bad input never damages the warehouse.

Every test starts from a small baseline warehouse built from valid files in the
real IR formats (a Hyundai sales-by-model file and a Kia exports-by-region file
with `Total` rows) and checks one promise of the loader:

- a file-level problem is refused with the file, line, column and reason, and
  the previous warehouse file is byte-for-byte unchanged and still readable;
- a row-level problem is quarantined in `rejected_rows`, never in `fact_sales`;
- the same file twice adds nothing;
- an analyst's read-only connection survives a rebuild;
- every spelling of months, numbers and encodings gives the same facts.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import openpyxl
import polars as pl
import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.cli_support import CliResult, invoke_carsight  # noqa: E402
from warehouse.build import build, ingest  # noqa: E402
from warehouse.errors import FileRefused  # noqa: E402
from warehouse.facts import parse_facts  # noqa: E402
from warehouse.formats import detect, header_key  # noqa: E402
from warehouse.textio import read_table  # noqa: E402

H_MONTHS = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
]
K_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_STYLES = {
    "Jan.": H_MONTHS,
    "Jan": K_MONTHS,
    "January": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "1월": [f"{m}월" for m in range(1, 13)],
}

HMC_IDENTITY = ["Model", "Vehicle Type", "Sales Type"]
# Cells as published, with the units they mean (vehicles).
HMC_ROWS: list[tuple[list[str], list[str], list[int]]] = [
    (
        ["Avante (CN7)", "PC", "Domestic"],
        [" 5,241 ", "1,214", " - ", "-", "", " 120 ", "7", "8", "9", "10", "11", " 4,120 "],
        [5241, 1214, 0, 0, 0, 120, 7, 8, 9, 10, 11, 4120],
    ),
    (
        ["Tucson (NX4)", "RV", "Export"],
        [
            "1,000",
            "2,000",
            "3,000",
            "4,000",
            "5,000",
            "6,000",
            "7,000",
            "8,000",
            "9,000",
            "10,000",
            "11,000",
            "12,000",
        ],
        [1000 * m for m in range(1, 13)],
    ),
    (
        ["Sonata (DN8)", "PC", "Domestic"],
        [
            " 812 ",
            " 790 ",
            " - ",
            " 1,001 ",
            " 66 ",
            " 54 ",
            " 43 ",
            " 32 ",
            " 21 ",
            " 10 ",
            " 9 ",
            " 8 ",
        ],
        [812, 790, 0, 1001, 66, 54, 43, 32, 21, 10, 9, 8],
    ),
]
HMC_TOTAL = sum(sum(units) for _, _, units in HMC_ROWS)

KIA_DETAIL: dict[tuple[str, str], list[int]] = {
    ("Passenger Car", "US"): [1214, 100, 0, 0, 5, 6, 7, 8, 9, 10, 11, 12],
    ("Recreational Vehicle", "US"): [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120],
    ("Passenger Car", "Canada"): [3, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
}
KIA_DETAIL_TOTAL = sum(sum(v) for v in KIA_DETAIL.values())


def hmc_2024_text() -> str:
    """Same units as the 2023 file, different bytes: loads are deduplicated by content."""
    return hmc_sales_text().replace("Avante (CN7)", "Avante (CN7 HEV)")


def kia_cell(units: int, month: int) -> str:
    """Kia spells numbers as `"1,214"`, and 0 as `-` or an empty cell."""
    if units == 0:
        return "-" if month % 2 else ""
    return f"{units:,}"


def csv_lines(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    return csv_lines([header, *rows])


def hmc_sales_text(
    months: list[str] = H_MONTHS, rows: list[tuple[list[str], list[str], list[int]]] = HMC_ROWS
) -> str:
    return csv_text([*HMC_IDENTITY, *months], [ident + cells for ident, cells, _ in rows])


def kia_export_text() -> str:
    rows: list[list[str]] = []
    for region in ("US", "Canada"):
        details = {car: units for (car, reg), units in KIA_DETAIL.items() if reg == region}
        for car, units in details.items():
            rows.append([car, region, *(kia_cell(u, m) for m, u in enumerate(units, 1))])
        totals = [sum(col) for col in zip(*details.values(), strict=True)]
        rows.append(["Total", region, *(kia_cell(u, m) for m, u in enumerate(totals, 1))])
    return csv_text(["Car", "Region", *K_MONTHS], rows)


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode(encoding)
    path.write_bytes(content)
    return path


def write_xlsx(path: Path, text: str, *, numbers: bool) -> Path:
    """The CSV `text` as a one-sheet workbook; with `numbers`, units become numeric cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    for i, row in enumerate(csv.reader(io.StringIO(text))):
        cells: list[object] = []
        for cell in row:
            plain = cell.strip().replace(",", "")
            if i and numbers and plain.isdigit():
                cells.append(float(plain) if len(cells) % 2 else int(plain))  # 4120.0 as well
            else:
                cells.append(cell if cell else None)
        sheet.append(cells)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


# --- warehouse snapshots ------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    sha256: str
    counts: tuple[tuple[str, int], ...]
    fact_units: int


def snapshot(db: Path) -> Snapshot:
    """Checksum of the file, then row counts read through a fresh read-only connection."""
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    con = duckdb.connect(str(db), read_only=True)
    try:
        counts = tuple(
            (t, con.sql(f"select count(*) from {t}").fetchall()[0][0])  # names: allow-list
            for t in ("fact_sales", "source_rows", "rejected_rows", "load_log", "reported_totals")
        )
        units = con.sql("select coalesce(sum(units), 0) from fact_sales").fetchall()[0][0]
    finally:
        con.close()
    return Snapshot(digest, counts, int(units))


def rows(db: Path, query: str, params: list[object] | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.sql(query, params=params).fetchall()
    finally:
        con.close()


def facts_of(db: Path, *, year: int | None = None) -> list[tuple]:
    """fact_sales without the file name, so copies of the same data compare equal."""
    return rows(
        db,
        "select brand, flow, model_label, vehicle_type, market, sales_type, year, "
        "month, units, source_line from fact_sales where year = coalesce(?, year) "
        "order by all",
        [year],
    )


def leftovers(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.iterdir() if ".tmp-" in p.name)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("baseline")
    raw = root / "raw"
    write(raw / "hyundai" / "hmc-sales-by-model-december-y2023.csv", hmc_sales_text())
    write(raw / "kia" / "kia-export-by-region-2023.csv", kia_export_text())
    db = root / "warehouse.duckdb"
    build([raw], db)
    return db


@pytest.fixture
def warehouse(baseline: Path, tmp_path: Path) -> Path:
    db = tmp_path / "wh" / "warehouse.duckdb"
    db.parent.mkdir()
    shutil.copyfile(baseline, db)
    return db


@pytest.fixture
def raw_dir(baseline: Path) -> Path:
    return baseline.parent / "raw"


def refuse_ingest(src: Path, db: Path, **kwargs: object) -> FileRefused:
    """Ingest `src`, expect a refusal, and check the warehouse did not change at all."""
    before = snapshot(db)
    with pytest.raises(FileRefused) as info:
        ingest([src], db, **kwargs)  # type: ignore[arg-type]
    assert snapshot(db) == before
    assert leftovers(db) == []
    message = str(info.value)
    assert src.name in message
    assert re.search(r", line \d+", message), message
    return info.value


def bad_hmc_2024(tmp_path: Path, text: str | bytes, encoding: str = "utf-8") -> Path:
    """A Hyundai sales-by-model file for 2024, which the 2023 baseline does not overlap."""
    return write(tmp_path / "in" / "hmc-sales-by-model-december-y2024.csv", text, encoding)


# --- the baseline itself --------------------------------------------------------------------


def test_baseline_loads_every_detail_row_and_no_total_row(baseline: Path) -> None:
    assert rows(baseline, "select sum(units) from fact_sales where brand = 'Hyundai'") == [
        (HMC_TOTAL,)
    ]
    # Kia `Total` rows are subtotals: kept in reported_totals, never added to the facts.
    assert rows(baseline, "select sum(units) from fact_sales where brand = 'Kia'") == [
        (KIA_DETAIL_TOTAL,)
    ]
    assert rows(baseline, "select sum(units) from reported_totals") == [(KIA_DETAIL_TOTAL,)]
    assert rows(
        baseline, "select count(*) from fact_sales where brand = 'Kia' and vehicle_type = 'Total'"
    ) == [(0,)]
    assert rows(baseline, "select count(*) from rejected_rows") == [(0,)]
    assert rows(
        baseline, "select count(*) from data_quality where check_name = 'total_mismatch'"
    ) == [(0,)]


# --- file-level problems: refused, warehouse unchanged ------------------------------------


def test_unknown_format_is_refused_and_previous_warehouse_survives(
    warehouse: Path, tmp_path: Path
) -> None:
    src = bad_hmc_2024(tmp_path, "Foo,Bar,Baz\n1,2,3\n")
    exc = refuse_ingest(src, warehouse)
    assert exc.line == 1
    assert "unknown format" in exc.reason


def test_missing_column_is_refused_naming_the_column(warehouse: Path, tmp_path: Path) -> None:
    header = ["Model", "Sales Type", *H_MONTHS]
    src = bad_hmc_2024(tmp_path, csv_text(header, [["Kona", "Domestic", *["1"] * 12]]))
    exc = refuse_ingest(src, warehouse)
    assert exc.line == 1
    assert "missing column" in exc.reason
    assert exc.column is not None and header_key(exc.column) == "vehicletype"


def test_missing_column_is_named_as_the_format_spells_it(warehouse: Path, tmp_path: Path) -> None:
    header = ["Model", "Sales Type", *H_MONTHS]
    src = bad_hmc_2024(tmp_path, csv_text(header, [["Kona", "Domestic", *["1"] * 12]]))
    with pytest.raises(FileRefused) as info:
        ingest([src], warehouse)
    assert info.value.column == "Vehicle Type"


def test_extra_column_is_refused_naming_the_column(warehouse: Path, tmp_path: Path) -> None:
    header = [*HMC_IDENTITY[:2], "Colour", HMC_IDENTITY[2], *H_MONTHS]
    src = bad_hmc_2024(tmp_path, csv_text(header, [["Kona", "RV", "red", "Domestic", *["1"] * 12]]))
    exc = refuse_ingest(src, warehouse)
    assert (exc.line, exc.column) == (1, "Colour")
    assert "column 'Colour'" in str(exc)


def test_duplicate_month_column_is_refused_naming_the_column(
    warehouse: Path, tmp_path: Path
) -> None:
    header = [*HMC_IDENTITY, *H_MONTHS[:3], "March", *H_MONTHS[3:]]
    src = bad_hmc_2024(tmp_path, csv_text(header, [["Kona", "RV", "Domestic", *["1"] * 13]]))
    exc = refuse_ingest(src, warehouse)
    assert (exc.line, exc.column) == (1, "March")


@pytest.mark.parametrize(
    "cut",
    [
        pytest.param(lambda text: text[: text.rindex('" 4,120 "') + 4], id="inside-quoted-cell"),
        pytest.param(lambda text: text[: text.rindex(" 43 ")], id="mid-row"),
    ],
)
def test_truncated_file_is_refused_and_previous_warehouse_survives(
    warehouse: Path, tmp_path: Path, cut: object
) -> None:
    text = hmc_sales_text(rows=[HMC_ROWS[0], HMC_ROWS[2], HMC_ROWS[0]])
    truncated = cut(text)  # type: ignore[operator]
    src = bad_hmc_2024(tmp_path, truncated)
    exc = refuse_ingest(src, warehouse)
    assert exc.line == truncated.count("\n") + 1  # the line that was cut off
    assert "truncated" in exc.reason


def test_truncated_xlsx_is_refused_and_previous_warehouse_survives(
    warehouse: Path, tmp_path: Path
) -> None:
    whole = write_xlsx(tmp_path / "whole.xlsx", hmc_sales_text(), numbers=True).read_bytes()
    src = write(
        tmp_path / "in" / "hmc-sales-by-model-december-y2024.xlsx", whole[: len(whole) // 2]
    )
    before = snapshot(warehouse)
    with pytest.raises(FileRefused) as info:
        ingest([src], warehouse)
    assert snapshot(warehouse) == before
    assert src.name in str(info.value) and "XLSX" in info.value.reason


@pytest.mark.parametrize(
    ("data", "bad_line"),
    [
        pytest.param(
            hmc_sales_text().replace("Sonata", "Société").encode("cp1252"), 4, id="cp1252"
        ),
        pytest.param(hmc_sales_text().encode("utf-16"), 1, id="utf-16"),
        pytest.param(
            hmc_sales_text()
            .replace("Avante", "아반떼")
            .replace("Sonata", "쏘나타")
            .encode("cp949")
            .replace("쏘나타".encode("cp949"), b"\xff" + "쏘나타".encode("cp949")),
            4,
            id="cp949-with-a-stray-byte",
        ),
    ],
)
def test_wrong_encoding_is_refused_naming_the_line(
    warehouse: Path, tmp_path: Path, data: bytes, bad_line: int
) -> None:
    src = bad_hmc_2024(tmp_path, data)
    exc = refuse_ingest(src, warehouse)
    assert exc.line == bad_line
    assert "neither UTF-8 nor CP949" in exc.reason
    assert "UTF-8" in exc.hint


@pytest.mark.parametrize(
    "data",
    [b"", b"\n\n", b"\xef\xbb\xbf", b"  \r\n \t"],
    ids=["zero-bytes", "blank-lines", "bom-only", "whitespace"],
)
def test_empty_file_is_refused_and_previous_warehouse_survives(
    warehouse: Path, tmp_path: Path, data: bytes
) -> None:
    exc = refuse_ingest(bad_hmc_2024(tmp_path, data), warehouse)
    assert exc.line == 1
    assert "empty" in exc.reason


def test_file_without_year_is_refused_asking_for_year(warehouse: Path, tmp_path: Path) -> None:
    src = write(tmp_path / "in" / "hmc-sales-by-model.csv", hmc_2024_text())
    exc = refuse_ingest(src, warehouse)
    assert "no year" in exc.reason
    assert "--year" in str(exc)


def test_file_without_year_loads_when_year_is_given(tmp_path: Path) -> None:
    src = write(tmp_path / "in" / "hmc-sales-by-model.csv", hmc_sales_text())
    db = tmp_path / "year.duckdb"
    build([src], db, year=2023)
    assert rows(db, "select distinct year from fact_sales") == [(2023,)]
    assert rows(db, "select sum(units) from fact_sales") == [(HMC_TOTAL,)]


def test_refused_file_in_a_build_leaves_the_previous_warehouse(
    warehouse: Path, raw_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "rebuild"
    shutil.copytree(raw_dir, folder)
    write(folder / "hyundai" / "hmc-sales-by-model-december-y2024.csv", "Foo,Bar\n1,2\n")
    before = snapshot(warehouse)
    with pytest.raises(FileRefused, match=r"hmc-sales-by-model-december-y2024\.csv, line 1"):
        build([folder], warehouse)
    assert snapshot(warehouse) == before
    assert leftovers(warehouse) == []


# --- row-level problems: quarantined, not in fact_sales -------------------------------------


def ingest_with_bad_rows(warehouse: Path, tmp_path: Path, bad_cells: list[list[str]]) -> Path:
    """A 2024 file: two good rows, a blank line, then one bad row per entry from line 5 on."""
    good = hmc_sales_text(rows=HMC_ROWS[:2])
    bad = csv_lines(
        [[f"Kona (SX{i})", "RV", "Domestic", *cells] for i, cells in enumerate(bad_cells)]
    )
    src = bad_hmc_2024(tmp_path, good + "\n" + bad)
    baseline_facts = facts_of(warehouse)
    ingest([src], warehouse)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        # The good rows of the new file are in, the bad ones are not.
        assert con.sql(
            "select sum(units), max(source_line) from fact_sales where year = 2024"
        ).fetchall() == [(sum(sum(u) for _, _, u in HMC_ROWS[:2]), 3)]
        assert con.sql(
            "select rows_read, rows_loaded, rows_rejected from load_log "
            "where source_file like '%y2024%'"
        ).fetchall() == [(2 + len(bad_cells), 2, len(bad_cells))]
        files = con.sql("select distinct source_file from rejected_rows").fetchall()
        assert [Path(f).resolve() for (f,) in files] == [src.resolve()]
    finally:
        con.close()
    # The baseline's facts are untouched.
    assert facts_of(warehouse, year=2023) == baseline_facts
    return src


def rejected(db: Path) -> list[tuple]:
    return rows(db, 'select line, "column", reason, raw from rejected_rows order by line')


def test_non_numeric_units_rows_are_quarantined_and_not_loaded(
    warehouse: Path, tmp_path: Path
) -> None:
    values = ["abc", "12a", "1.5"]
    ingest_with_bad_rows(warehouse, tmp_path, [["1", v, *["3"] * 10] for v in values])
    got = rejected(warehouse)
    assert [(line, column, reason) for line, column, reason, _ in got] == [
        (5, "Feb.", "units not numeric: 'abc'"),
        (6, "Feb.", "units not numeric: '12a'"),
        (7, "Feb.", "units not a whole number: '1.5'"),
    ]
    assert got[0][3] == "Kona (SX0),RV,Domestic,1,abc," + ",".join(["3"] * 10)


def test_negative_units_rows_are_quarantined_and_not_loaded(
    warehouse: Path, tmp_path: Path
) -> None:
    values = ["-5", " -1,200 ", "(300)"]
    ingest_with_bad_rows(warehouse, tmp_path, [[*["2"] * 11, v] for v in values])
    assert [(line, column, reason) for line, column, reason, _ in rejected(warehouse)] == [
        (5, "Dec.", "negative units '-5'"),
        (6, "Dec.", "negative units '-1,200'"),
        (7, "Dec.", "negative units '(300)'"),
    ]


def test_rows_with_too_few_or_too_many_cells_are_quarantined(
    warehouse: Path, tmp_path: Path
) -> None:
    ingest_with_bad_rows(warehouse, tmp_path, [["7"] * 5, ["7"] * 14])
    assert [(line, column, reason) for line, column, reason, _ in rejected(warehouse)] == [
        (5, None, "row has 8 fields, the header has 15"),
        (6, None, "row has 17 fields, the header has 15"),
    ]


# --- the same file twice -----------------------------------------------------------------


def test_ingesting_an_already_loaded_file_adds_nothing(warehouse: Path, raw_dir: Path) -> None:
    before = snapshot(warehouse)
    src = raw_dir / "kia" / "kia-export-by-region-2023.csv"
    report = ingest([src], warehouse)
    after = snapshot(warehouse)
    assert dict(after.counts)["fact_sales"] == dict(before.counts)["fact_sales"]
    assert after.fact_units == before.fact_units
    assert report.files_skipped == [f"{src}: duplicate"]
    assert rows(
        warehouse,
        "select status from load_log where source_file like ? order by status",
        ["%kia-export%"],
    ) == [("duplicate",), ("loaded",)]


def test_ingesting_a_new_file_twice_adds_it_once(warehouse: Path, tmp_path: Path) -> None:
    src = bad_hmc_2024(tmp_path, hmc_2024_text())
    ingest([src], warehouse)
    once = snapshot(warehouse)
    copy = write(
        tmp_path / "downloads" / "hmc-sales-by-model-december-y2024 (1).csv", src.read_bytes()
    )
    ingest([src], warehouse)
    ingest([copy], warehouse)
    twice = snapshot(warehouse)
    assert dict(twice.counts)["fact_sales"] == dict(once.counts)["fact_sales"]
    assert twice.fact_units == once.fact_units
    assert rows(
        warehouse,
        "select status, count(*) from load_log where source_file like ? "
        "group by status order by status",
        ["%y2024%"],
    ) == [("duplicate", 2), ("loaded", 1)]


def test_build_counts_byte_identical_copies_once(raw_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    shutil.copytree(raw_dir, folder)
    shutil.copyfile(
        folder / "hyundai" / "hmc-sales-by-model-december-y2023.csv",
        folder / "hmc-sales-by-model-december-y2023 (1).csv",
    )
    single, double = tmp_path / "single.duckdb", tmp_path / "double.duckdb"
    build([raw_dir], single)
    build([folder], double)
    assert facts_of(double) == facts_of(single)
    assert rows(double, "select sum(units) from fact_sales where brand = 'Hyundai'") == [
        (HMC_TOTAL,)
    ]
    assert rows(
        double, "select status, count(*) from load_log group by status order by status"
    ) == [("duplicate", 1), ("loaded", 2)]


# --- readers during a rebuild ------------------------------------------------------------


def hmc_2024_folder(raw_dir: Path, tmp_path: Path) -> Path:
    """The baseline files plus a Hyundai 2024 file: 36 more fact rows, HMC_TOTAL more units."""
    folder = tmp_path / "more"
    shutil.copytree(raw_dir, folder)
    write(folder / "hyundai" / "hmc-sales-by-model-december-y2024.csv", hmc_2024_text())
    return folder


def test_open_read_only_connection_survives_a_rebuild(
    warehouse: Path, raw_dir: Path, tmp_path: Path
) -> None:
    analyst = duckdb.connect(str(warehouse), read_only=True)
    try:
        old = analyst.sql("select count(*), sum(units) from fact_sales").fetchall()
        build([hmc_2024_folder(raw_dir, tmp_path)], warehouse)
        # The old connection still reads the warehouse it opened, completely.
        assert analyst.sql("select count(*), sum(units) from fact_sales").fetchall() == old
        assert analyst.sql("select count(*) from load_log").fetchall() == [(2,)]
    finally:
        analyst.close()
    assert rows(warehouse, "select count(*), sum(units) from fact_sales") == [
        (old[0][0] + 36, old[0][1] + HMC_TOTAL)
    ]
    assert leftovers(warehouse) == []


STALE_INSTANCE = (
    "BUG: warehouse/build.py opens the warehouse with duckdb.connect(str(db_path), "
    "read_only=True) (read_state, _report); while any read-only connection to that path is "
    "open in the same process, DuckDB's instance cache hands back the OLD, already-replaced "
    "database"
)


def test_build_report_counts_the_new_warehouse_while_a_reader_is_open(
    warehouse: Path, raw_dir: Path, tmp_path: Path
) -> None:
    analyst = duckdb.connect(str(warehouse), read_only=True)
    try:
        old_rows = analyst.sql("select count(*) from fact_sales").fetchall()[0][0]
        report = build([hmc_2024_folder(raw_dir, tmp_path)], warehouse)
        assert report.fact_rows == old_rows + 36
    finally:
        analyst.close()


def test_two_ingests_while_a_reader_is_open_keep_both_files(
    warehouse: Path, tmp_path: Path
) -> None:
    first = bad_hmc_2024(tmp_path, hmc_2024_text())
    second = write(
        tmp_path / "in" / "hmc-sales-by-model-december-y2025.csv", hmc_sales_text(rows=HMC_ROWS[:2])
    )
    analyst = duckdb.connect(str(warehouse), read_only=True)
    try:
        ingest([first], warehouse)
        ingest([second], warehouse)
    finally:
        analyst.close()
    assert rows(
        warehouse,
        "select year, count(*) from fact_sales where brand = 'Hyundai' group by year order by year",
    ) == [(2023, 36), (2024, 36), (2025, 24)]


# --- spellings of months, numbers and encodings ---------------------------------------------


def parsed(path: Path, **kwargs: object) -> pl.DataFrame:
    """Facts of one file, in a fixed order (one fact per line and month here)."""
    table = read_table(path)
    facts = parse_facts(table, detect(table), **kwargs).facts  # type: ignore[arg-type]
    return facts.sort("line", "month")


@pytest.mark.parametrize("style", list(MONTH_STYLES))
def test_month_header_spellings_give_identical_facts(tmp_path: Path, style: str) -> None:
    reference = parsed(write(tmp_path / "a" / "hmc-sales-y2023.csv", hmc_sales_text()))
    variant = parsed(
        write(tmp_path / "b" / "hmc-sales-y2023.csv", hmc_sales_text(MONTH_STYLES[style]))
    )
    assert variant.equals(reference)
    assert reference.height == 36


def test_number_spellings_parse_to_vehicles(baseline: Path) -> None:
    got = rows(
        baseline,
        "select month, units from fact_sales where model_label = 'Avante (CN7)' order by month",
    )
    assert [u for _, u in got] == HMC_ROWS[0][2]
    kia = rows(
        baseline,
        "select month, units from fact_sales where brand = 'Kia' and "
        "vehicle_type = 'Passenger Car' and market_label = 'US' order by month",
    )
    assert [u for _, u in kia] == KIA_DETAIL[("Passenger Car", "US")]


ENCODED = {
    "utf-8-sig": lambda p, t: write(p.with_suffix(".csv"), t, "utf-8-sig"),
    "cp949": lambda p, t: write(p.with_suffix(".csv"), t, "cp949"),
    "xlsx-text": lambda p, t: write_xlsx(p.with_suffix(".xlsx"), t, numbers=False),
    "xlsx-numbers": lambda p, t: write_xlsx(p.with_suffix(".xlsx"), t, numbers=True),
}
# Korean model names make the encoding matter; the model column keeps them as published.
KOREAN_HMC_TEXT = hmc_sales_text().replace("Avante (CN7)", "아반떼 (CN7)")


@pytest.fixture(scope="module")
def utf8_facts(tmp_path_factory: pytest.TempPathFactory) -> list[tuple]:
    root = tmp_path_factory.mktemp("utf8")
    write(root / "raw" / "hmc-sales-by-model-december-y2023.csv", KOREAN_HMC_TEXT)
    write(root / "raw" / "kia-export-by-region-2023.csv", kia_export_text())
    build([root / "raw"], root / "reference.duckdb")
    facts = facts_of(root / "reference.duckdb")
    assert len(facts) == 36 + 36
    assert ("아반떼 (CN7)", 5241) in {(r[2], r[8]) for r in facts}
    return facts


@pytest.mark.parametrize("variant", list(ENCODED))
def test_encodings_and_xlsx_give_identical_facts(
    tmp_path: Path, utf8_facts: list[tuple], variant: str
) -> None:
    ENCODED[variant](tmp_path / "raw" / "hmc-sales-by-model-december-y2023", KOREAN_HMC_TEXT)
    ENCODED[variant](tmp_path / "raw" / "kia-export-by-region-2023", kia_export_text())
    db = tmp_path / "variant.duckdb"
    build([tmp_path / "raw"], db)
    assert facts_of(db) == utf8_facts
    encoding = rows(db, "select encoding from load_log where source_file like '%hmc%'")
    assert encoding == [("xlsx" if variant.startswith("xlsx") else variant,)]


def test_xlsx_with_a_wrong_dimension_tag_keeps_every_column(tmp_path: Path) -> None:
    """Some exporters write `<dimension ref="A1"/>`; openpyxl's read-only mode trusts it."""
    import zipfile

    good = write_xlsx(
        tmp_path / "good" / "hmc-sales-by-model-december-y2023.xlsx", hmc_sales_text(), numbers=True
    )
    bad = tmp_path / "bad" / "hmc-sales-by-model-december-y2023.xlsx"
    bad.parent.mkdir()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            if name.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:F4"/>', data)
            dst.writestr(name, data)
    assert parsed(bad).equals(parsed(good))


# --- the command line ----------------------------------------------------------------------


def carsight(*args: str, cwd: Path, columns: int = 120) -> CliResult:
    """`carsight ARGS --quiet` in `cwd` (in process), with no settings from the caller's
    environment."""
    return invoke_carsight(
        *args, "--quiet", tmp_path=cwd, env=_cli_env(cwd, columns), clean_env=True
    )


def carsight_process(*args: str, cwd: Path, columns: int = 120) -> CliResult:
    """The same as `carsight`, in a new interpreter as the console script runs it."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CARSIGHT_", "FORCE_COLOR", "TTY_"))
    }
    env |= {k: v for k, v in _cli_env(cwd, columns).items() if v is not None}
    done = subprocess.run(
        [sys.executable, "-c", "from app.cli import main; main()", *args, "--quiet"],
        cwd=cwd, env={**env, "PYTHONPATH": str(REPO)}, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    return CliResult(done.returncode, done.stdout, done.stderr)


def _cli_env(cwd: Path, columns: int) -> dict[str, str | None]:
    return {
        "CARSIGHT_OPS_DB": str(cwd / "no-operational.sqlite"),
        "COLUMNS": str(columns),  # a typical terminal; rich wraps at this width
        "FORCE_COLOR": None,
        "TTY_COMPATIBLE": None,
        "TTY_INTERACTIVE": None,
    }


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param("Foo,Bar,Baz\n1,2,3\n", "line 1: unknown format", id="unknown-format"),
        pytest.param(hmc_sales_text()[:-40], "line 4: the file is truncated", id="truncated"),
        pytest.param(
            hmc_sales_text().replace("Sonata", "Société").encode("cp1252"),
            "line 4: cannot decode byte",
            id="wrong-encoding",
        ),
    ],
)
def test_cli_ingest_refuses_bad_file_with_exit_code_2(
    warehouse: Path, tmp_path: Path, content: str | bytes, expected: str
) -> None:
    src = bad_hmc_2024(tmp_path, content)
    before = snapshot(warehouse)
    result = carsight(
        "ingest", str(src.relative_to(tmp_path)), "--db", str(warehouse), cwd=tmp_path
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ")
    assert f"{src.name}, {expected}" in result.stderr
    assert snapshot(warehouse) == before


def test_cli_asks_for_year_then_loads_with_it(warehouse: Path, tmp_path: Path) -> None:
    src = write(tmp_path / "in" / "hmc-sales-by-model.csv", hmc_2024_text())
    refused = carsight("ingest", "in/hmc-sales-by-model.csv", "--db", str(warehouse), cwd=tmp_path)
    assert refused.returncode == 2
    assert f"{src.name}, line 1" in refused.stderr and "--year" in refused.stderr
    loaded = carsight(
        "ingest", "in/hmc-sales-by-model.csv", "--db", str(warehouse), "--year", "2024",
        cwd=tmp_path,
    )  # fmt: skip
    assert loaded.returncode == 0, loaded.stderr
    assert rows(warehouse, "select sum(units) from fact_sales where year = 2024") == [(HMC_TOTAL,)]


def test_cli_build_refuses_a_folder_with_a_bad_file(warehouse: Path, tmp_path: Path) -> None:
    write(tmp_path / "raw" / "hmc-sales-by-model-december-y2024.csv", "Foo,Bar\n1,2\n")
    before = snapshot(warehouse)
    result = carsight("build", "raw", "--db", str(warehouse), cwd=tmp_path)
    assert result.returncode == 2
    assert "hmc-sales-by-model-december-y2024.csv, line 1: unknown format" in result.stderr
    assert snapshot(warehouse) == before


@pytest.mark.parametrize(
    "run", [carsight, pytest.param(carsight_process, marks=pytest.mark.slow, id="process")]
)
def test_cli_refusal_is_one_line_even_for_long_file_names(
    warehouse: Path, tmp_path: Path, run
) -> None:
    name = "hmc-sales-by-model-december-y2024-downloaded-from-the-ir-site-for-the-board-deck.csv"
    write(tmp_path / "in" / name, "Foo,Bar,Baz\n1,2,3\n")
    result = run("ingest", f"in/{name}", "--db", str(warehouse), cwd=tmp_path, columns=100)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert f"in/{name}, line 1" in result.stderr


def test_cli_refusal_prints_file_names_with_brackets_verbatim(
    warehouse: Path, tmp_path: Path
) -> None:
    name = "hmc-sales-by-model [copy]-y2024.csv"
    write(tmp_path / name, "Foo,Bar,Baz\n1,2,3\n")
    result = carsight("ingest", name, "--db", str(warehouse), cwd=tmp_path)
    assert result.returncode == 2
    assert f"{name}, line 1" in result.stderr
