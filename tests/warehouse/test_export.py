"""The one formula-escaping rule every CSV and XLSX export uses."""

from __future__ import annotations

import polars as pl
import pytest

from warehouse.export import csv_text, escape_formulas, safe_cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+82 10", "'+82 10"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Avante", "Avante"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_formula_like_text_gets_a_leading_quote(value, expected):
    assert safe_cell(value) == expected


@pytest.mark.parametrize("value", [-5, -1.5, 0, 3, None, True])
def test_numbers_and_other_values_stay_as_they_are(value):
    assert safe_cell(value) == value


def test_a_frame_escapes_text_columns_only():
    frame = pl.DataFrame({"name": ["=HYPERLINK(1)", "Kia", None], "units": [-3, 2, 1]})
    out = escape_formulas(frame)
    assert out.get_column("name").to_list() == ["'=HYPERLINK(1)", "Kia", None]
    assert out.get_column("units").to_list() == [-3, 2, 1]
    assert out.schema["units"] == pl.Int64


def test_csv_text_has_escaped_cells_and_plain_numbers():
    text = csv_text(pl.DataFrame({"model": ["-2+3"], "units": [-2]}))
    assert text.splitlines() == ["model,units", "'-2+3,-2"]
