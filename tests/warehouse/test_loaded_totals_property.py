"""Loaded totals equal an independent recomputation, or the file is refused (issue 10).

Hypothesis writes small Hyundai sales-by-model files (`hmc-sales-by-model-y2023.csv`)
with random repeated rows, blank and dash cells, `Total` subtotal rows, negative
numbers and formula-like cells and labels, and builds a real warehouse from each.
The expected monthly totals are recomputed here in plain Python from the rules
the loader documents, without any of its code:

- a row repeating another row's labels refuses the whole file;
- a row with a label starting with = + - @, or with a units cell that is not a
  non-negative whole number (negative, formula, text), is quarantined whole;
- a `Total` row is a subtotal (never counted) when its sales type has a kept detail
  row, else it is the only figure and counts;
- blank and dash cells are 0, and months after the year's last non-zero month are
  not reported (absent, not 0).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from warehouse.build import build
from warehouse.errors import FileRefused

pytestmark = pytest.mark.slow

HEADER = ["Model", "Vehicle Type", "Sales Type"] + [
    m + "." if len(m) == 3 and m != "May" else m
    for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
]
MODELS = ["Avante (CN7)", "Tucson (NX4)", "Santa Fe (MX5)", "Kona (SX2)", "Casper (AX1)"]
FORMULA_LABELS = ['=HYPERLINK("x")', "+Avante", "-Kona", "@Sonata"]
FLOWS = {"Domestic": "domestic_sales", "Export": "export_sales"}

# (cell text, units) for valid cells; None units for cells that quarantine the row
VALID = st.one_of(
    st.integers(0, 99_999).map(lambda n: (f"{n:,}", n)),
    st.integers(0, 99_999).map(lambda n: (f" {n:,} ", n)),
    st.integers(0, 99_999).map(lambda n: (f"{n}.0", n)),
    st.sampled_from([("", 0), ("-", 0), (" - ", 0)]),
)
INVALID = st.one_of(
    st.integers(1, 9_999).map(lambda n: (f"-{n}", None)),
    st.integers(1, 9_999).map(lambda n: (f"({n:,})", None)),
    st.sampled_from([("=5+1", None), ("=SUM(D2:D3)", None), ("+3", None), ("@A1", None)]),
    st.sampled_from([("n/a", None), ("12a", None)]),
)


@st.composite
def ir_rows(draw: st.DrawFn) -> list[list[object]]:
    """Rows: [model, vehicle type, sales type, (text, units) x 12]."""
    rows: list[list[object]] = []
    for _ in range(draw(st.integers(1, 8))):
        model = draw(st.sampled_from(MODELS + FORMULA_LABELS))
        stype = draw(st.sampled_from(list(FLOWS)))
        bad_cells = draw(st.booleans()) and draw(st.booleans())
        cells = [draw(st.one_of(VALID, INVALID) if bad_cells else VALID) for _ in range(12)]
        rows.append([model, draw(st.sampled_from(["PC", "RV"])), stype, *cells])
    for stype in FLOWS:  # a subtotal row per sales type, sometimes
        if draw(st.booleans()):
            details = [r for r in rows if r[2] == stype]
            cells = []
            for m in range(12):
                units = sum(r[3 + m][1] or 0 for r in details)  # type: ignore[index]
                cells.append((f"{units:,}", units))
            rows.append(["Total", "", stype, *cells])
    if draw(st.booleans()) and rows:  # a repeated row (same labels, maybe other numbers)
        twin = list(draw(st.sampled_from(rows)))
        twin[0] = f" {twin[0]} "  # spacing does not make another row
        rows.insert(draw(st.integers(0, len(rows))), twin)
    return rows


def _norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text)).strip()


def expected_totals(rows: list[list[object]]) -> dict[tuple[str, int], int] | None:
    """{(flow, month): units} the warehouse must hold, or None when the file is refused."""
    keys = [(_norm(r[0]), _norm(r[1]), _norm(r[2])) for r in rows]
    if len(set(keys)) < len(keys):
        return None

    def kept(row: list[object]) -> bool:
        labels_ok = not any(_norm(v).startswith(("=", "+", "-", "@")) for v in row[:3])
        return labels_ok and all(cell[1] is not None for cell in row[3:])  # type: ignore[index]

    good = [r for r in rows if kept(r)]
    details = {r[2] for r in good if _norm(r[0]) != "Total"}
    facts = [r for r in good if _norm(r[0]) != "Total" or r[2] not in details]
    units = [(FLOWS[str(r[2])], m + 1, r[3 + m][1]) for r in facts for m in range(12)]  # type: ignore[index]
    reported = [m for _, m, n in units if n > 0]
    if not reported:
        return {}
    last = max(reported)
    totals: dict[tuple[str, int], int] = {}
    for flow, month, n in units:
        if month <= last:
            totals[(flow, month)] = totals.get((flow, month), 0) + n
    return totals


def _csv_cell(text: str) -> str:
    return f'"{text}"' if any(c in text for c in ',"') else text


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=ir_rows())
def test_loaded_totals_equal_a_recomputation_or_the_file_is_refused(
    tmp_path: Path, rows: list[list[object]]
) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    path = folder / "hmc-sales-by-model-y2023.csv"
    lines = [",".join(HEADER)]
    for row in rows:
        cells = [str(v) for v in row[:3]] + [c[0] for c in row[3:]]  # type: ignore[index]
        lines.append(",".join(_csv_cell(c.replace('"', '""')) for c in cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = folder / "warehouse.duckdb"
    expected = expected_totals(rows)
    event("refused" if expected is None else "loaded")
    if expected is None:
        with pytest.raises(FileRefused, match="repeat the same row"):
            build([path], db)
        assert not db.exists()
        return
    build([path], db)
    con = duckdb.connect(str(db), read_only=True)
    try:
        loaded = con.execute(
            "select flow, month, sum(units) from fact_sales group by all"
        ).fetchall()
    finally:
        con.close()
    assert {(f, int(m)): int(n) for f, m, n in loaded} == expected
    quarantined = con_rows(db, "select count(distinct line) from rejected_rows")
    event(f"quarantined rows: {'some' if quarantined else 'none'}")


def con_rows(db: Path, query: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.execute(query).fetchone()[0])  # type: ignore[index]
    finally:
        con.close()
