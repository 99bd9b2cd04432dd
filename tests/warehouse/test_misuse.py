"""Data integrity under misuse (issue 10): one test per way a user's misuse lost data.

Each test feeds the loader a file or a flag the way a real user would get it
wrong and checks that it is refused (with what to do), warned, or loaded right:
never silently relabelled, doubled or misread.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.warehouse.test_bad_input import (
    HMC_ROWS,
    HMC_TOTAL,
    facts_of,
    hmc_sales_text,
    kia_export_text,
    rows,
    snapshot,
    write,
)
from warehouse.build import build, ingest
from warehouse.claims import Flags
from warehouse.errors import FileRefused
from warehouse.formats import detect, latin_columns
from warehouse.textio import check_plausible_text, read_table

HMC_2023 = "hmc-sales-by-model-december-y2023.csv"


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    write(folder / "hyundai" / HMC_2023, hmc_sales_text())
    write(folder / "kia" / "kia-export-by-region-2023.csv", kia_export_text())
    return folder


# --- finding 1: flags fill gaps, never override -------------------------------------------


def test_year_flag_never_relabels_a_file_whose_name_tells_its_year(
    raw: Path, tmp_path: Path
) -> None:
    with pytest.raises(FileRefused) as info:
        build([raw], tmp_path / "w.duckdb", year=2020)
    assert "says the year is 2023" in info.value.reason
    assert "--year says 2020" in info.value.reason
    assert "--force-year" in info.value.hint
    assert not (tmp_path / "w.duckdb").exists()


def test_brand_flag_never_relabels_a_file_whose_header_tells_its_brand(
    raw: Path, tmp_path: Path
) -> None:
    with pytest.raises(FileRefused) as info:
        build([raw / "hyundai"], tmp_path / "w.duckdb", brand="Kia")
    assert "the brand is Hyundai" in info.value.reason and "--brand says Kia" in info.value.reason


def test_year_flag_must_agree_with_a_year_column(tmp_path: Path) -> None:
    text = "국가,연도,월,y,ds\n미국,2023,1,100,2023-01-01\n미국,2024,1,90,2024-01-01\n"
    src = write(tmp_path / "현대_시장구분별_수출실적.csv", text)
    with pytest.raises(FileRefused) as info:
        build([src], tmp_path / "w.duckdb", year=2020)
    assert "rows say the year is 2023-2024" in info.value.reason


def test_force_year_relabels_and_is_recorded_in_load_log(raw: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build([raw / "hyundai"], db, flags=Flags(force_year=2022))
    assert rows(db, "select distinct year from fact_sales") == [(2022,)]
    assert rows(db, "select year, relabel from load_log") == [
        (2022, "year 2023 -> 2022 (--force-year; file name says 2023)")
    ]
    assert rows(db, "select severity from data_quality where check_name = 'relabelled'") == [
        ("warning",)
    ]


def test_brand_flag_fills_in_a_file_that_does_not_tell(tmp_path: Path) -> None:
    text = "국가,연도,월,y,ds\n미국,2023,1,100,2023-01-01\n"
    src = write(tmp_path / "export_long.csv", text)
    db = tmp_path / "w.duckdb"
    build([src], db, brand="Kia")
    assert rows(db, "select brand, year, relabel from load_log") == [("Kia", None, None)]


def test_cli_force_flags_exist_and_contradictions_exit_2(raw: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from app.cli import main

    db = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    refused = runner.invoke(main, ["build", str(raw), "--db", db, "--year", "2020", "--quiet"])
    assert refused.exit_code == 2
    assert "--year says 2020" in refused.output
    forced = runner.invoke(
        main, ["build", str(raw / "hyundai"), "--db", db, "--force-year", "2022", "--quiet"]
    )
    assert forced.exit_code == 0, forced.output
    assert "relabelled" in forced.output
    # the brand as users type it (`--brand kia`), refused for the file that tells Hyundai
    lower = runner.invoke(main, ["build", str(raw), "--db", db, "--brand", "kia", "--quiet"])
    assert lower.exit_code == 2
    assert "--brand says Kia" in lower.output


# --- finding 2: spreadsheets ------------------------------------------------------------


def _workbook(path: Path, cells: dict[str, object]) -> Path:
    """The Hyundai test file as a workbook, with `cells` (e.g. {'D2': '=5000+241'}) set."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sales"
    for row in csv.reader(io.StringIO(hmc_sales_text())):
        sheet.append([int(c.replace(",", "")) if c.strip().replace(",", "").isdigit() else c
                      for c in row])  # fmt: skip
    for ref, value in cells.items():
        sheet[ref] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _with_cached_values(path: Path, values: dict[str, str]) -> Path:
    """Add Excel's computed values to formula cells, as Excel does when it saves."""
    out = path.with_name("cached-" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name.startswith("xl/worksheets/"):
                text = data.decode()
                for ref, value in values.items():
                    kind = "" if value.isdigit() else ' t="str"'
                    text = re.sub(
                        rf'<c r="{ref}"([^>]*)><f>(.*?)</f>(<v\s*/>|<v></v>)?</c>',
                        lambda m, v=value, k=kind, r=ref: (
                            f'<c r="{r}"{k}><f>{m.group(2)}</f><v>{v}</v></c>'
                        ),
                        text,
                    )
                data = text.encode()
            dst.writestr(name, data)
    return out


def test_formula_without_cached_value_refuses_the_file_naming_sheet_and_cell(
    tmp_path: Path,
) -> None:
    src = _workbook(tmp_path / "in" / "hmc-sales-by-model-december-y2023.xlsx", {"D2": "=5000+241"})
    with pytest.raises(FileRefused) as info:
        build([src], tmp_path / "w.duckdb")
    assert "sheet 'Sales', cell D2" in info.value.reason
    assert "=5000+241" in info.value.reason
    assert "save it in Excel" in info.value.hint and "CSV" in info.value.hint


def test_formula_with_cached_value_uses_the_value(tmp_path: Path) -> None:
    plain = _workbook(tmp_path / "in" / "hmc-sales-by-model-december-y2023.xlsx", {})
    src = _with_cached_values(
        _workbook(tmp_path / "f" / "hmc-sales-by-model-december-y2023.xlsx", {"D2": "=5000+241"}),
        {"D2": "5241"},
    )
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    build([plain], a)
    build([src], b)
    assert rows(b, "select sum(units) from fact_sales") == [(HMC_TOTAL,)]
    assert rows(a, "select sum(units) from fact_sales") == rows(
        b, "select sum(units) from fact_sales"
    )


def test_formula_in_a_label_column_is_quarantined_not_an_empty_model(tmp_path: Path) -> None:
    src = _with_cached_values(
        _workbook(tmp_path / "f" / "hmc-sales-by-model-december-y2023.xlsx", {"A2": '="Avante"'}),
        {"A2": "Avante"},
    )
    db = tmp_path / "w.duckdb"
    build([src], db)
    assert rows(
        db, "select count(*) from fact_sales where model_label is null or model_label = ''"
    )[0] == (0,)
    reasons = rows(db, "select line, reason from rejected_rows")
    assert [line for line, _ in reasons] == [2]
    assert "label starts with '='" in reasons[0][1]


@pytest.mark.parametrize("label", ['=HYPERLINK("x")', "+cmd", "-2+3", "@SUM(A1)"])
def test_formula_like_label_text_in_a_csv_is_quarantined(tmp_path: Path, label: str) -> None:
    src = write(
        tmp_path / "in" / HMC_2023, hmc_sales_text().replace("Sonata (DN8)", label.replace('"', ""))
    )
    db = tmp_path / "w.duckdb"
    build([src], db)
    assert rows(db, "select distinct line from rejected_rows") == [(4,)]
    assert rows(db, "select count(distinct source_line) from fact_sales") == [(2,)]


# --- findings 3 and 4: repeats and identity ---------------------------------------------------


def test_a_repeated_row_refuses_the_file_naming_both_lines(tmp_path: Path) -> None:
    text = hmc_sales_text()
    lines = text.splitlines(keepends=True)
    src = write(tmp_path / "in" / HMC_2023, "".join([*lines, lines[1]]))
    with pytest.raises(FileRefused) as info:
        build([src], tmp_path / "w.duckdb")
    assert "lines 2 and 5 repeat the same row" in info.value.reason
    assert info.value.line == 5


def test_same_bytes_under_another_years_name_are_refused_not_a_duplicate(
    raw: Path, tmp_path: Path
) -> None:
    shutil.copyfile(
        raw / "hyundai" / HMC_2023, raw / "hyundai" / "hmc-sales-by-model-december-y2024.csv"
    )
    with pytest.raises(FileRefused) as info:
        build([raw], tmp_path / "w.duckdb")
    message = str(info.value)
    assert "the same bytes as" in message
    assert "Hyundai 2023" in message and "Hyundai 2024" in message


def test_same_bytes_under_the_same_claims_stay_a_duplicate(raw: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build([raw], db)
    before = snapshot(db)
    copy = write(tmp_path / "dl" / "hmc-sales-by-model-december-y2023 (1).csv", hmc_sales_text())
    report = ingest([copy], db)
    assert report.files_skipped == [f"{copy}: duplicate"]
    assert snapshot(db).fact_units == before.fact_units


def test_years_after_next_year_are_refused(tmp_path: Path) -> None:
    far = dt.date.today().year + 2
    src = write(tmp_path / "in" / f"hmc-sales-by-model-december-y{far}.csv", hmc_sales_text())
    with pytest.raises(FileRefused) as info:
        build([src], tmp_path / "w.duckdb")
    assert f"the year is {far}, after next year" in info.value.reason
    text = f"국가,연도,월,y,ds\n미국,2023,1,100,2023-01-01\n미국,{far},1,90,{far}-01-01\n"
    db = tmp_path / "long.duckdb"
    build([write(tmp_path / "현대_시장구분별_수출실적.csv", text)], db)
    assert rows(db, "select distinct year from fact_sales") == [(2023,)]
    assert "after next year" in rows(db, "select reason from rejected_rows")[0][0]


# --- finding 5: encodings -----------------------------------------------------------------


def test_latin1_read_as_cp949_is_refused_asking_for_encoding(tmp_path: Path) -> None:
    text = hmc_sales_text().replace("Avante (CN7)", "ÀÉÔÜ (CN7)")
    src = write(tmp_path / "in" / HMC_2023, text, "latin-1")
    with pytest.raises(FileRefused) as info:
        build([src], tmp_path / "w.duckdb")
    assert "pass `--encoding latin-1`" in str(info.value)
    assert info.value.line == 2
    db = tmp_path / "ok.duckdb"
    build([src], db, flags=Flags(encoding="latin-1"))
    assert ("ÀÉÔÜ (CN7)",) in rows(db, "select distinct model_label from fact_sales")
    assert rows(db, "select encoding from load_log") == [("iso8859-1",)]


def test_hangul_in_a_latin_column_of_a_cp949_guess_is_refused(tmp_path: Path) -> None:
    text = hmc_sales_text().replace("Domestic", "내수")
    src = write(tmp_path / "in" / HMC_2023, text, "cp949")
    with pytest.raises(FileRefused) as info:
        build([src], tmp_path / "w.duckdb")
    assert "Latin in every known format" in info.value.reason
    assert info.value.column == "Sales Type"


def test_every_reference_file_read_as_cp949_raises_no_false_alarm(
    shared_data: Path, tmp_path: Path
) -> None:
    checked = 0
    for path in sorted(shared_data.rglob("*.csv")):
        text = path.read_bytes().decode("utf-8-sig")
        try:
            data = text.encode("cp949")
        except UnicodeEncodeError:
            continue
        if data == text.encode("utf-8"):
            continue  # ASCII only: stays UTF-8
        copy = tmp_path / path.relative_to(shared_data)
        write(copy, data)
        table = read_table(copy)
        assert table.encoding == "cp949"
        check_plausible_text(table, latin_columns(table, detect(table)))
        checked += 1
    assert checked >= 10


# --- finding 6: memory (the ceiling itself: benchmarks/build_bench.py) ----------------------


def test_a_file_inserted_a_slice_of_lines_at_a_time_gives_the_same_rows(
    raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import warehouse.build

    whole, sliced = tmp_path / "whole.duckdb", tmp_path / "sliced.duckdb"
    build([raw], whole)
    monkeypatch.setattr(warehouse.build, "LINES_PER_INSERT", 2)
    build([raw], sliced)
    source = "select * exclude (source_file) from source_rows order by all"
    assert rows(sliced, source) == rows(whole, source)
    assert facts_of(sliced) == facts_of(whole)
    quality = "select check_name, severity, detail from data_quality order by all"
    assert rows(sliced, quality) == rows(whole, quality)


def test_a_file_of_many_unknown_model_labels_gets_a_bounded_number_of_notes(
    tmp_path: Path,
) -> None:
    from warehouse.build import MAX_UNCATALOGUED_NOTES

    n = MAX_UNCATALOGUED_NOTES + 5
    ident, cells, _ = HMC_ROWS[0]
    unknown = [([f"Zq{i:03d} (ZZ{i})", *ident[1:]], cells, []) for i in range(n)]
    db = tmp_path / "w.duckdb"
    build([write(tmp_path / "in" / HMC_2023, hmc_sales_text(rows=unknown))], db)
    notes = rows(
        db,
        "select detail from data_quality where check_name = 'model_not_in_catalogue' "
        "order by detail",
    )
    assert len(notes) == MAX_UNCATALOGUED_NOTES + 1
    assert notes[0][0].startswith("Hyundai model label 'Zq000 (ZZ0)' is not in the model")
    assert any(d.startswith("and 5 more model labels not in the model catalogue") for (d,) in notes)
    assert rows(db, "select count(distinct model_label) from fact_sales") == [(n,)]


# --- finding 10: a customer file's brand comes from its models and name, not its header ----


def _kia_with_hyundai_header(shared_data: Path, folder: Path, name: str) -> Path:
    """The Kia reference customers in the Hyundai-style layout (이름, spaced names)."""
    from warehouse.customers import CUSTOMER_HEADER_VARIANTS

    reader = csv.reader(io.StringIO((shared_data / "customers" / "기아_고객데이터.csv")
                                    .read_text(encoding="utf-8-sig")))  # fmt: skip
    next(reader)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CUSTOMER_HEADER_VARIANTS["hyundai"])
    for i, row in enumerate(reader):
        writer.writerow([f"고객{i}", *row])
    return write(folder / name, out.getvalue())


def test_kia_customers_in_the_hyundai_layout_load_as_kia_and_update(
    shared_data: Path, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    build([shared_data / "customers"], db)
    before = rows(db, "select brand, count(*) from customers group by all order by all")
    new = _kia_with_hyundai_header(shared_data, tmp_path / "new", "기아_고객데이터_신규입력용.csv")
    ingest([new], db)
    assert rows(db, "select brand, count(*) from customers group by all order by all") == before
    assert rows(db, "select count(*) from customers where brand = 'Kia' and name is null") == [(0,)]
    assert rows(db, "select brand from load_log where source_file like '%신규입력용%'") == [
        ("Kia",)
    ]


def test_reference_hyundai_customers_keep_kia_model_rows_with_a_warning(ref) -> None:
    assert ref("select count(*) from customers where brand = 'Hyundai'") == [(1892,)]
    details = ref(
        "select detail from data_quality where check_name = 'other_brand_models' "
        "and severity = 'warning'"
    )
    assert len(details) == 1
    assert details[0][0].startswith("361 of 1,892 rows purchased models of Kia")


def test_customer_file_named_for_the_other_brand_is_refused_with_counts(
    shared_data: Path, tmp_path: Path
) -> None:
    src = tmp_path / "현대_고객데이터_new.csv"
    shutil.copyfile(shared_data / "customers" / "기아_고객데이터.csv", src)
    with pytest.raises(FileRefused) as info:
        build([src], tmp_path / "w.duckdb")
    assert "file name says Hyundai" in info.value.reason
    assert "purchased models say Kia (Kia 1,900 of 1,900 rows)" in info.value.reason


def test_customer_and_cp949_files_are_read_in_one_pass(
    shared_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The customer file's brand is decided on the models counted while it is parsed, and a
    CP949 guess is checked chunk by chunk as it is parsed: each file is read once."""
    from warehouse import textio

    passes: dict[str, int] = {}
    read_chunks = textio._csv_chunks

    def counted(source: textio.TableSource, size: int):  # type: ignore[no-untyped-def]
        passes[source.path.name] = passes.get(source.path.name, 0) + 1
        yield from read_chunks(source, size)

    monkeypatch.setattr(textio, "_csv_chunks", counted)
    src = tmp_path / "in"
    shutil.copyfile(shared_data / "customers" / "기아_고객데이터.csv", write(src / "c.csv", ""))
    facts = shared_data / "processed" / "kia" / "기아_차종별판매실적.csv"
    cp949 = facts.read_bytes().decode("utf-8-sig").encode("cp949")
    write(src / facts.name, cp949)
    db = tmp_path / "w.duckdb"
    build([src], db)
    assert rows(
        db, "select source_file like '%c.csv', brand, encoding from load_log order by 1"
    ) == [
        (False, "Kia", "cp949"),
        (True, "Kia", "utf-8"),
    ]
    assert passes == {"c.csv": 1, facts.name: 1}


def test_customer_layout_refusal_does_not_name_a_brand(shared_data: Path, tmp_path: Path) -> None:
    text = (shared_data / "customers" / "기아_고객데이터.csv").read_text(encoding="utf-8-sig")
    src = write(tmp_path / "기아_고객데이터.csv", text.replace("국가", "지역", 1))
    with pytest.raises(FileRefused) as info:
        build([src], tmp_path / "w.duckdb")
    assert "hyundai" not in str(info.value).lower()
    assert "customer file in the layout without 이름" in info.value.hint
