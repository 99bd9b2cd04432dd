"""What a file says about itself (brand, year) against what the command line says.

Flags fill gaps, never override: `--brand` and `--year` apply only to files
whose header, content or name does not tell their brand or year. A file that
tells another value than the flag is refused naming both. `--force-brand` and
`--force-year` relabel on purpose; each relabel is printed as a warning and
recorded in `load_log.relabel`. Years after next year are refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from warehouse import canonical
from warehouse.errors import FileRefused
from warehouse.numbers import year_from_text


@dataclass(frozen=True)
class Flags:
    """The labelling options of `build` and `ingest`."""

    brand: str | None = None
    year: int | None = None
    force_brand: str | None = None
    force_year: int | None = None
    encoding: str | None = None  # for CSV files that are not UTF-8 (default CP949)


def latest_year() -> int:
    """The last year a file may cover: next year (IR files are published in advance)."""
    return dt.date.today().year + 1


def brand_of_name(path: Path) -> str | None:
    """Brand named by the file name or one of its three nearest folders."""
    for part in [path.name, *[p.name for p in path.parents][:3]]:
        found = canonical.brand_from_text(part)
        if found:
            return found
    return None


def resolve_brand(
    path: Path, told: str | None, told_by: str, flags: Flags, relabel: list[str]
) -> str | None:
    """The brand to store: what the file tells (`told`, by `told_by`), else `--brand`.

    `--force-brand` wins over both and appends a note to `relabel`.
    """
    if flags.force_brand is not None:
        if told != flags.force_brand:
            relabel.append(
                f"brand {told or 'unknown'} -> {flags.force_brand} (--force-brand; "
                f"{told_by} says {told or 'nothing'})"
            )
        return flags.force_brand
    if told is not None and flags.brand is not None and told != flags.brand:
        raise FileRefused(
            path,
            f"{told_by} says the brand is {told}, but --brand says {flags.brand}",
            line=1,
            hint="--brand only fills in files that do not tell their brand: drop it, or pass "
            f"--force-brand {flags.brand} to relabel this file on purpose",
        )
    return told if told is not None else flags.brand


def check_year(path: Path, year: int, source: str) -> int:
    """Refuse years after next year (`source` says where the year came from)."""
    if year > latest_year():
        raise FileRefused(
            path,
            f"{source} says the year is {year}, after next year ({latest_year()})",
            line=1,
            hint="Check the file name or --year; sales cannot be reported for that year yet",
        )
    return year


def resolve_year(path: Path, flags: Flags, relabel: list[str]) -> int:
    """The year of a file whose rows do not carry one: its name's, else `--year`."""
    named = year_from_text(path.name)
    if flags.force_year is not None:
        if named != flags.force_year:
            relabel.append(
                f"year {named or 'unknown'} -> {flags.force_year} (--force-year; "
                f"file name says {named or 'nothing'})"
            )
        return check_year(path, flags.force_year, "--force-year")
    if named is not None:
        if flags.year is not None and flags.year != named:
            raise FileRefused(
                path,
                f"the file name says the year is {named}, but --year says {flags.year}",
                line=1,
                hint="--year only fills in files that do not tell their year: drop it, or pass "
                f"--force-year {flags.year} to relabel this file on purpose",
            )
        return check_year(path, named, "the file name")
    if flags.year is None:
        raise FileRefused(
            path,
            "no year found in the file name or content (expected e.g. '-y2023' or '2024년')",
            line=1,
            hint="Pass --year YYYY to say which year the file covers.",
        )
    return check_year(path, flags.year, "--year")


def check_content_years(path: Path, years: list[int], flags: Flags) -> None:
    """A file whose rows carry their years: `--year` must agree, `--force-year` cannot apply."""
    if flags.force_year is not None:
        raise FileRefused(
            path,
            f"--force-year cannot relabel a file whose rows carry their own year ({_span(years)})",
            line=1,
            hint="Drop --force-year for this file, or change its year column",
        )
    if flags.year is not None and years and set(years) != {flags.year}:
        raise FileRefused(
            path,
            f"the rows say the year is {_span(years)}, but --year says {flags.year}",
            line=1,
            hint="--year only fills in files that do not tell their year: drop it",
        )


def _span(years: list[int]) -> str:
    lo, hi = min(years), max(years)
    return str(lo) if lo == hi else f"{lo}-{hi}"
