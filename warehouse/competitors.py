"""Checks of the competitor file (best-selling models per market and year).

Two problems of the reference file, found at load time and recorded in
`competitor_sales` and `data_quality` (never silently fixed):

* **Repeated market blocks.** A market's block for a year (its models and
  volumes) can be a copy of another market's block: the reference India 2025
  rows repeat Mexico 2025 (Nissan Versa, Chevrolet Aveo, NP300), cars India
  does not sell. Blocks with the same model/volume vector are compared with each
  market's own blocks of other years; the block whose models its market also
  lists in other years is the original, the others are copies
  (`repeated_of` = the original's market label) and are left out of the
  competitor context. When that does not tell them apart, every block of the
  group is left out.
* **Partial years.** The file has yearly totals without months. A year whose
  total (over the markets it shares with the year before) is below
  PARTIAL_RATIO of the year before is partial; it covers about
  round(12 x ratio) months, from January (`months`; 12 for a full year).
  Comparisons with our sales then use the same months only.
"""

from __future__ import annotations

from typing import Any

import polars as pl

PARTIAL_RATIO = 0.9


CHECKS = ("competitor_repeated_block", "competitor_partial_year")


def check_blocks(frame: pl.DataFrame) -> tuple[pl.DataFrame, list[tuple[str, str, str]]]:
    """`frame` (year, market_label, model_name, units, ...) with `repeated_of` and `months`
    added (replaced when present), and the notes (check_name, severity, detail) for
    data_quality, one of CHECKS each."""
    notes: list[tuple[str, str, str]] = []
    frame = frame.drop("repeated_of", "months", strict=False)
    if frame.is_empty():
        return frame.with_columns(
            pl.lit(None, dtype=pl.Utf8).alias("repeated_of"), pl.lit(12, pl.Int8).alias("months")
        ), notes
    copies = _repeated_blocks(frame, notes)
    flagged = frame.join(copies, on=["year", "market_label"], how="left")
    months = _months_per_year(flagged.filter(pl.col("repeated_of").is_null()), notes)
    out = flagged.join(months, on="year", how="left").with_columns(
        pl.col("months").fill_null(12).cast(pl.Int8)
    )
    return out, notes


def _repeated_blocks(frame: pl.DataFrame, notes: list[tuple[str, str, str]]) -> pl.DataFrame:
    """year, market_label, repeated_of: the blocks that copy another market's block."""
    blocks = frame.group_by("year", "market_label").agg(
        pl.struct("model_name", "units").sort_by("model_name", "units").alias("vector"),
        pl.col("model_name").sort_by("units", descending=True).alias("models"),
    )
    blocks = blocks.with_columns(pl.col("vector").hash().alias("key"))
    groups = blocks.filter(pl.len().over("year", "key") > 1)
    rows: list[dict[str, Any]] = []
    for (year, _key), group in groups.group_by("year", "key", maintain_order=True):
        members = group.sort("market_label").to_dicts()
        scores = {m["market_label"]: _own_history(frame, m, year) for m in members}
        best = max(scores.values())
        originals = [m for m, s in scores.items() if s == best and best > 0]
        original = originals[0] if len(originals) == 1 else None
        for member in members:
            label = member["market_label"]
            if label == original:
                continue
            others = [m["market_label"] for m in members if m["market_label"] != label]
            rows.append({"year": year, "market_label": label, "repeated_of": original or others[0]})
            shown = ", ".join(member["models"][:3])  # the best sellers
            notes.append(
                (
                    "competitor_repeated_block",
                    "warning",
                    f"{label} {year}: its {len(member['models'])} models and volumes repeat "
                    f"{' and '.join(others)} {year} exactly ({shown}, ...); "
                    + (
                        f"{label} does not list these models in other years, so the rows are "
                        f"taken as a copy of {original} and left out of the competitor context"
                        if original
                        else "the file does not tell which market is the original, so both "
                        "are left out of the competitor context"
                    ),
                )
            )
    schema: dict[str, Any] = {
        "year": frame.schema["year"],
        "market_label": pl.Utf8,
        "repeated_of": pl.Utf8,
    }
    return pl.DataFrame(rows, schema=schema)


def _own_history(frame: pl.DataFrame, block: dict[str, Any], year: int) -> int:
    """How many of the block's models its market also lists in other years."""
    own = frame.filter((pl.col("market_label") == block["market_label"]) & (pl.col("year") != year))
    return len(set(block["models"]) & set(own.get_column("model_name").to_list()))


def _months_per_year(frame: pl.DataFrame, notes: list[tuple[str, str, str]]) -> pl.DataFrame:
    """year, months: 12, or the estimated months of a partial year."""
    years = sorted(frame.get_column("year").unique().to_list())
    rows = []
    for before, year in zip(years, years[1:], strict=False):
        shared = set(frame.filter(pl.col("year") == before).get_column("market_label")) & set(
            frame.filter(pl.col("year") == year).get_column("market_label")
        )
        totals = [
            int(
                frame.filter((pl.col("year") == y) & pl.col("market_label").is_in(list(shared)))
                .get_column("units")
                .sum()
            )
            for y in (before, year)
        ]
        if not totals[0] or totals[1] >= PARTIAL_RATIO * totals[0]:
            continue
        ratio = totals[1] / totals[0]
        months = min(11, max(1, round(12 * ratio)))
        rows.append({"year": year, "months": months})
        notes.append(
            (
                "competitor_partial_year",
                "info",
                f"{year} sums to {totals[1]:,} vehicles over the {len(shared)} markets also in "
                f"{before} ({totals[0]:,}): a partial year of about {months} month(s) from "
                f"January; competitor comparisons use our sales of the same months only "
                f"({year}-01" + (f" to {year}-{months:02d})" if months > 1 else ")"),
            )
        )
    return pl.DataFrame(rows, schema={"year": frame.schema["year"], "months": pl.Int8})
