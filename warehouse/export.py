"""Cells that are safe to open in a spreadsheet: the one escaping every export uses.

A text cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return,
which some spreadsheet programs strip before reading a formula) is run as a formula
when a CSV or XLSX file is opened in Excel, LibreOffice or Google Sheets
("CSV injection"). Such text gets a leading `'`, which makes the program show the
text as typed. Numbers are never touched: -5 stays the number -5. Every CSV and
XLSX the product writes goes through `safe_cell` (one value) or `escape_formulas`
(a whole frame).
"""

from __future__ import annotations

from typing import TypeVar

import polars as pl

FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_PATTERN = r"^[=+\-@\t\r]"

T = TypeVar("T")


def safe_cell(value: T) -> T | str:
    """`value` with a leading `'` when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def escape_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with every text cell passed through `safe_cell`; other columns unchanged."""
    text = [name for name, dtype in frame.schema.items() if dtype in (pl.Utf8, pl.Categorical)]
    if not text:
        return frame
    return frame.with_columns(
        pl.when(pl.col(name).cast(pl.Utf8).str.contains(_FORMULA_PATTERN))
        .then(pl.lit("'") + pl.col(name).cast(pl.Utf8))
        .otherwise(pl.col(name).cast(pl.Utf8))
        .alias(name)
        for name in text
    )


def csv_text(frame: pl.DataFrame) -> str:
    """`frame` as CSV text (UTF-8, header row) with formula-like text cells escaped."""
    return escape_formulas(frame).write_csv()


__all__ = ["FORMULA_PREFIXES", "csv_text", "escape_formulas", "safe_cell"]
