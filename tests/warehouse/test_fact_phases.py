"""Each phase of the fact parser (warehouse.facts) on a hand-written table.

read -> unpivot -> parse/reject -> tag flows run per chunk; split subtotals, unreported
months and total columns once per file. Expected values are written out by hand.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from warehouse import facts
from warehouse.claims import Flags, latest_year
from warehouse.errors import FileRefused
from warehouse.formats import detect
from warehouse.textio import RawTable

MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct."]
MONTHS += ["Nov.", "Dec."]
HMC = ["Model", "Vehicle Type", "Sales Type", *MONTHS]


def table(header: list[str], rows: list[list[str]], name: str = "hmc-y2023.csv") -> RawTable:
    return RawTable(Path(name), "0" * 64, "utf-8", header, rows, list(range(2, len(rows) + 2)))


def months(*values: str) -> list[str]:
    """12 month cells: `values` first, then empty."""
    return [*values, *[""] * (12 - len(values))]


HMC_ROWS = [
    ["Avante  (CN7)", "PC", "Domestic", *months("1,000", "-", "20")],
    ["Tucson (NX4)", "RV", "Domestic", *months("500", "5", "")],
    ["Total", "", "Domestic", *months("1,500", "5", "21")],
    ["CKD", "", "Export", *months("7")],
]


@pytest.fixture
def hmc() -> RawTable:
    return table(HMC, HMC_ROWS)


# --- phase 1: read ---------------------------------------------------------------------------


def test_read_keeps_lines_and_normalises_role_whitespace(hmc: RawTable) -> None:
    frame = facts.read_phase(hmc, detect(hmc))
    assert frame.get_column("line").to_list() == [2, 3, 4, 5]
    assert frame.get_column("model_label").to_list()[0] == "Avante (CN7)"
    assert frame.get_column("c3").to_list()[0] == "1,000"  # number cells stay text here


# --- phase 2: unpivot ------------------------------------------------------------------------


def test_unpivot_gives_one_cell_per_line_and_month_column(hmc: RawTable) -> None:
    detected = detect(hmc)
    cells = facts.unpivot_phase(facts.read_phase(hmc, detected), detected, hmc.header)
    assert cells.height == 4 * 12
    first = cells.filter(pl.col("line") == 2).sort("month")
    assert first.get_column("units_text").to_list()[:3] == ["1,000", "-", "20"]
    assert first.get_column("column").to_list()[:2] == ["Jan.", "Feb."]
    assert first.get_column("market_col").is_null().all()


def test_unpivot_of_a_market_wide_file_takes_the_month_from_the_line() -> None:
    header = ["Model", "Plant", "Month", "U.S.A", "Canada"]
    raw = table(header, [["K5", "KaGA", "Mar.", "10", "3"]], "kia-y2023.csv")
    detected = detect(raw)
    cells = facts.unpivot_phase(facts.read_phase(raw, detected), detected, raw.header)
    assert cells.select("month", "market_col", "column", "units_text").rows() == [
        (3, 0, "U.S.A", "10"),
        (3, 1, "Canada", "3"),
    ]


# --- phase 3: parse/reject ---------------------------------------------------------------------


def test_parse_turns_units_into_vehicles_and_rejects_bad_cells_once_per_line() -> None:
    raw = table(HMC, [["Avante", "PC", "Domestic", *months("1,200", "-5", "x")]])
    detected = detect(raw)
    frame = facts.read_phase(raw, detected)
    cells = facts.unpivot_phase(frame, detected, raw.header)
    years, parsed, rejected = facts.parse_phase(frame, cells, raw.header, 2023)
    assert years.rows() == [(2, 2023)]
    assert parsed.sort("month").get_column("units").to_list()[:4] == [1200, None, None, 0]
    assert rejected.select("line", "column", "reason").rows() == [
        (2, "Feb.", "negative units '-5'"),
        (2, "Mar.", "units not numeric: 'x'"),
    ]


def test_parse_rejects_a_year_after_next_year() -> None:
    header = ["차량모델", "차량유형", "판매구분", "연도", *[f"{m}월" for m in range(1, 13)]]
    future = str(latest_year() + 1)
    raw = table(header, [["아반떼", "승용", "내수용", future, *months("1")]], "현대.csv")
    detected = detect(raw)
    frame = facts.read_phase(raw, detected)
    _years, _cells, rejected = facts.parse_phase(
        frame, facts.unpivot_phase(frame, detected, header), header, None
    )
    assert rejected.select("column", "reason").rows() == [
        ("연도", f"year is after next year ({latest_year()}): '{future}'")
    ]


# --- phase 4: tag flows ------------------------------------------------------------------------


def test_tag_flows_maps_sales_types_marks_totals_and_rejects_unknown_flows() -> None:
    raw = table(HMC, [*HMC_ROWS, ["Kona", "RV", "Fleet", *months("1")]])
    detected = detect(raw)
    assert detected.fact is not None
    tags, rejected = facts.tag_flows_phase(
        facts.read_phase(raw, detected), detected.fact, {"sales_type": "Sales Type"}
    )
    assert tags.rows() == [
        (2, "domestic", "domestic_sales", False),
        (3, "domestic", "domestic_sales", False),
        (4, "domestic", "domestic_sales", True),
        (5, "export", "export_sales", False),
        (6, None, None, False),
    ]
    assert rejected.select("line", "column").rows() == [(6, "Sales Type")]
    assert rejected.item(0, "reason").startswith("unknown value 'Fleet'; expected one of")


# --- phase 5: split subtotals (whole file) -----------------------------------------------------


def test_split_subtotals_moves_the_total_out_and_checks_it(hmc: RawTable) -> None:
    parsed = facts.parse_facts(hmc, detect(hmc))
    # detail units: Avante 1000+0+20, Tucson 500+5+0, CKD (Export, no detail) 7
    assert parsed.facts.get_column("units").sum() == 1020 + 505 + 7
    assert parsed.totals.select("line", "month", "units").sort("month").rows()[:3] == [
        (4, 1, 1500),
        (4, 2, 5),
        (4, 3, 21),
    ]
    # March: Total says 21, the details add up to 20 + 0
    assert (
        "total_mismatch",
        "2023-03 [domestic]: reported total 21 vs detail sum 20 (diff +1)",
    ) in (parsed.notes)


def test_a_total_without_detail_rows_is_the_only_figure_and_counts() -> None:
    raw = table(HMC, [["Total", "", "Export", *months("7")]])
    parsed = facts.parse_facts(raw, detect(raw))
    assert parsed.totals.is_empty()
    assert parsed.facts.select("month", "units").rows() == [(1, 7)]


def test_months_after_the_last_reported_month_are_missing_not_zero(hmc: RawTable) -> None:
    found = facts.parse_facts(hmc, detect(hmc))
    assert sorted(set(found.facts.get_column("month"))) == [1, 2, 3]
    assert ("months_not_reported", "2023: months 4-12 have no figures after month 3; "
            "treated as not reported") in found.notes  # fmt: skip


def test_unreported_months_are_found_per_year_in_a_file_of_several_years() -> None:
    lines = pl.DataFrame({"line": [2, 3, 4], "year": [2023, 2024, 2025]})
    cells = pl.DataFrame(
        {
            "line": [2, 2, 3, 3, 3, 4],
            "month": [1, 2, 1, 2, 3, 1],
            "market_col": [None] * 6,
            "units": [5, 6, 7, 0, 0, 0],
        },
        schema=facts.CELL_SCHEMA,
    )
    kept, notes = facts.drop_unreported_months(lines, cells)
    assert kept.rows() == [(2, 1, None, 5), (2, 2, None, 6), (3, 1, None, 7)]
    assert notes == [
        ("months_not_reported", "2024: months 2-12 have no figures after month 1; "
         "treated as not reported"),
        ("months_not_reported", "2025: every figure is 0 or empty; "
         "the whole year is treated as not reported"),
    ]  # fmt: skip
    one_year = lines.filter(pl.col("year") == 2025)
    kept, notes = facts.drop_unreported_months(one_year, cells.filter(pl.col("line") == 4))
    assert kept.is_empty() and kept.schema == cells.schema
    assert notes[0][1].startswith("2025: every figure is 0")


def test_a_market_column_holding_row_totals_moves_to_the_totals() -> None:
    lines = pl.DataFrame(
        {
            "line": [2, 3, 4, 5, 6, 7],
            "plant_label": ["P"] * 6,
            "model_label": ["A", "A", "A", "B", "B", "B"],
            "market_label": ["U.S.A", "Canada", "Mexico", "U.S.A", "Canada", "Mexico"],
            "vehicle_type": [None] * 6,
            "flow": ["overseas_retail"] * 6,
            "sales_type": [None] * 6,
            "year": [2023] * 6,
        },
        schema_overrides={"vehicle_type": pl.Utf8, "sales_type": pl.Utf8},
    )
    cells = pl.DataFrame(
        {"line": [2, 3, 4, 5, 6, 7], "month": [1] * 6, "market_col": [None] * 6},
        schema={"line": pl.Int64, "month": pl.Int8, "market_col": pl.Int16},
    ).with_columns(pl.Series("units", [30, 10, 20, 9, 4, 5], dtype=pl.Int64))
    kept, totals, notes = facts.split_total_market_column(lines, cells, "U.S.A")
    assert sorted(kept.get_column("line").to_list()) == [3, 4, 6, 7]
    assert totals.select("line", "units", "group_key").sort("line").rows() == [
        (2, 30, "P|A"),
        (5, 9, "P|B"),
    ]
    assert notes[0][0] == "total_column"


def test_repeated_rows_refuse_the_file_naming_both_lines() -> None:
    raw = table(HMC, [HMC_ROWS[0], HMC_ROWS[1], ["Avante (CN7)", "PC", "Domestic", *months("1")]])
    with pytest.raises(FileRefused, match="lines 2 and 4 repeat the same row"):
        facts.parse_facts(raw, detect(raw))


def test_chunks_give_the_same_facts_as_the_whole_file(hmc: RawTable) -> None:
    whole = facts.parse_facts(hmc, detect(hmc))
    parser = facts.FactParser(hmc.path, hmc.header, detect(hmc), Flags())
    for chunk in hmc.chunks(size=1):
        parser.add(chunk)
    chunked = parser.finish()
    assert chunked.facts.equals(whole.facts)
    assert chunked.totals.sort("line", "month").equals(whole.totals.sort("line", "month"))
    assert chunked.notes == whole.notes
