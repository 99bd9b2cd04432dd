"""Parsers for the number and month-header quirks of IR downloads.

Units arrive as `" 4,120 "`, `"1,214"`, `5241.0`, ` - `, `-` or an empty cell.
Empty and dash mean 0. Anything else that is not a non-negative whole number
is invalid and the row is quarantined by the caller.
"""

from __future__ import annotations

import difflib
import re

import polars as pl

_MONTHS_EN = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_MONTH_LOOKUP: dict[str, int] = {}
for _i, _name in enumerate(_MONTHS_EN, start=1):
    _MONTH_LOOKUP[_name] = _i
    _MONTH_LOOKUP[_name[:3]] = _i
    _MONTH_LOOKUP[_name[:3] + "."] = _i
    _MONTH_LOOKUP[_name + "."] = _i
    _MONTH_LOOKUP[f"{_i}월"] = _i
_MONTH_LOOKUP["sept"] = 9
_MONTH_LOOKUP["sept."] = 9

_ZERO_TOKENS = ("", "-", "–", "—")


def month_number(header: str | None) -> int | None:
    """Month 1-12 for a header like `Jan.`, `Jan`, `January`, `1월`; else None."""
    if header is None:
        return None
    key = re.sub(r"\s+", "", str(header)).lower()
    if key in _MONTH_LOOKUP:
        return _MONTH_LOOKUP[key]
    # Misspelt month words seen in real downloads ("Febuary"): accept a close
    # match to a full month name that also shares its first three letters.
    word = key.rstrip(".")
    if word.isalpha() and word.isascii() and len(word) >= 4:
        close = difflib.get_close_matches(word, _MONTHS_EN, n=1, cutoff=0.85)
        if close and close[0][:3] == word[:3]:
            return _MONTH_LOOKUP[close[0]]
    return None


def units_expr(column: str) -> pl.Expr:
    """Vectorised parse of one text column of units to Int64 (null = invalid).

    Unit: vehicles. Null input (missing cell) and dash tokens are 0.
    """
    text = pl.col(column).cast(pl.Utf8).fill_null("").str.strip_chars()
    cleaned = text.str.replace_all(",", "", literal=True).str.strip_chars()
    as_float = cleaned.cast(pl.Float64, strict=False)
    is_whole = (as_float == as_float.floor()) & (as_float >= 0) & (as_float < 1e12)
    valid_syntax = cleaned.str.contains(r"^\d+(\.0*)?$")
    return (
        pl.when(text.is_in(_ZERO_TOKENS))
        .then(pl.lit(0, dtype=pl.Int64))
        .when(valid_syntax & is_whole)
        .then(as_float.cast(pl.Int64))
        .otherwise(pl.lit(None, dtype=pl.Int64))
    )


def units_problem_expr(column: str) -> pl.Expr:
    """Why a units cell is invalid (null when it is valid)."""
    text = pl.col(column).cast(pl.Utf8).fill_null("").str.strip_chars()
    cleaned = text.str.replace_all(",", "", literal=True).str.strip_chars()
    as_float = cleaned.cast(pl.Float64, strict=False)
    return (
        pl.when(units_expr(column).is_not_null())
        .then(pl.lit(None, dtype=pl.Utf8))
        .when((as_float < 0) | cleaned.str.contains(r"^\(\d+(\.\d*)?\)$"))
        .then(pl.lit("negative units ") + pl.lit("'") + text + pl.lit("'"))
        .when(as_float.is_not_null())
        .then(pl.lit("units not a whole number: '") + text + pl.lit("'"))
        .otherwise(pl.lit("units not numeric: '") + text + pl.lit("'"))
    )


def parse_units(value: str | None) -> int | None:
    """Scalar form of `units_expr` (same code path), for tests and one-off cells."""
    frame = pl.DataFrame({"v": [value]}, schema={"v": pl.Utf8})
    return frame.select(units_expr("v")).item()


def normalise_header(value: str | None) -> str:
    """Header cell with BOM, surrounding spaces and inner whitespace runs collapsed."""
    if value is None:
        return ""
    return re.sub(r"\s+", " ", str(value).replace("\ufeff", "")).strip()


def year_from_text(text: str) -> int | None:
    """A 4-digit year 2000-2099 in a file name like `-y2023` or `2024년`."""
    m = re.search(r"(?:^|[^0-9])y?(20\d\d)(?:년|[^0-9]|$)", text)
    return int(m.group(1)) if m else None
