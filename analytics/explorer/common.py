"""What every market-explorer page shares: brand and period selection, the month grid,
peak months, seasonality (coefficient of variation) and same-month growth.

Frames here have integer `year` and `month` columns and `units` in vehicles. A month a
source has not reported has no row: it is never read as zero. Every function is pure
and keeps unreported months out of its arithmetic (a peak, a mean, a growth rate).

Brand selection ("all" = both brands): a month counts for a series only when every
brand that reports that series at all has reported the month; otherwise the combined
figure would silently hold one brand only (e.g. Kia's 2021-2022 region exports, which
Hyundai's files do not cover). The series is named by `keys` (e.g. the market).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from analytics.months import ym_label

BRANDS: tuple[str, ...] = ("all", "Hyundai", "Kia")

# Seasonality classes by the coefficient of variation of monthly units (std / mean over
# the months reported): below YEAR_ROUND_CV "year_round", SEASONAL_CV or above
# "seasonal", in between "moderate"; fewer than MIN_CV_MONTHS months "insufficient".
YEAR_ROUND_CV = 0.3
SEASONAL_CV = 0.5
MIN_CV_MONTHS = 6
CV_CLASSES: tuple[str, ...] = ("year_round", "moderate", "seasonal", "insufficient")


@dataclass(frozen=True)
class Options:
    """What a page's data offers its controls: months ('YYYY-MM', ascending), focus
    values (regions, models, plants, markets or files; most important first), picks
    (values of the page's multi-select), years, and the focus used when none is chosen
    (None = no focus: every region, model, ... is shown)."""

    months: list[str] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)
    picks: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    default_focus: str | None = None


@dataclass(frozen=True)
class View:
    """One page's data under one filter: `rows` (every series), `scope` (the focus's rows,
    or every row without a focus), `grid` (every month of the period, GRID_SCHEMA) and
    `unreported` (the grid's months without any row: drawn as 미집계, never zero)."""

    rows: pl.DataFrame
    scope: pl.DataFrame
    grid: pl.DataFrame
    unreported: pl.DataFrame


def view_of(
    rows: pl.DataFrame,
    *,
    focus_column: str,
    focus: str | None,
    period_from: str | None,
    period_to: str | None,
) -> View:
    """The View of `rows` with `focus` (a value of `focus_column`, or None)."""
    scope = rows.filter(pl.col(focus_column) == focus) if focus else rows
    grid = month_grid(rows, period_from=period_from, period_to=period_to)
    return View(rows, scope, grid, unreported_months(rows, grid))


GRID_SCHEMA = {"year": pl.Int32, "month": pl.Int32, "month_start": pl.Date, "period": pl.Utf8}


def month_index(year: pl.Expr | str = "year", month: pl.Expr | str = "month") -> pl.Expr:
    """year * 12 + month - 1: consecutive months are consecutive integers."""
    y = pl.col(year) if isinstance(year, str) else year
    m = pl.col(month) if isinstance(month, str) else month
    return y.cast(pl.Int64) * 12 + m.cast(pl.Int64) - 1


def parse_month(value: str | None) -> int | None:
    """'YYYY-MM' -> year * 100 + month (None stays None)."""
    if not value:
        return None
    year, month = value.split("-")
    return int(year) * 100 + int(month)


def in_period(
    frame: pl.DataFrame, *, period_from: str | None, period_to: str | None
) -> pl.DataFrame:
    """Rows whose month lies in [period_from, period_to] ('YYYY-MM', inclusive; None =
    open)."""
    lo, hi = parse_month(period_from) or 0, parse_month(period_to) or 999_999
    return frame.filter((pl.col("year") * 100 + pl.col("month")).is_between(lo, hi))


def select_brand(frame: pl.DataFrame, *, brand: str, keys: Sequence[str] = ()) -> pl.DataFrame:
    """The rows of `brand` (Hyundai or Kia), or for "all" the rows of every brand in the
    months each series (`keys`) is reported by all the brands that report it (see the
    module doc). Columns are unchanged (units: vehicles)."""
    if brand != "all":
        return frame.filter(pl.col("brand") == brand)
    keys = list(keys)
    reported = frame.select(*keys, "brand", "year", "month").unique()
    brands = reported.group_by(keys or pl.lit(1).alias("_all")).agg(
        pl.col("brand").n_unique().alias("_brands")
    )
    months = reported.group_by(*keys, "year", "month").agg(
        pl.col("brand").n_unique().alias("_reporting")
    )
    if keys:
        months = months.join(brands, on=keys, how="left")
    else:
        months = months.join(brands.drop("_all"), how="cross")
    complete = months.filter(pl.col("_reporting") == pl.col("_brands")).select(
        *keys, "year", "month"
    )
    return frame.join(complete, on=[*keys, "year", "month"], how="semi")


def month_grid(
    reported: pl.DataFrame, *, period_from: str | None, period_to: str | None
) -> pl.DataFrame:
    """Every month of the period (GRID_SCHEMA: year, month, month_start, period 'YYYY-MM'),
    from `period_from` (else the first reported month of `reported`) to `period_to`
    (else the last reported one). Empty when nothing is reported and no bound is given."""
    lo = parse_month(period_from)
    hi = parse_month(period_to)
    if reported.height:
        ym = reported.select((pl.col("year") * 100 + pl.col("month")).alias("ym"))
        lo = lo or int(ym.get_column("ym").min())  # type: ignore[arg-type]
        hi = hi or int(ym.get_column("ym").max())  # type: ignore[arg-type]
    if lo is None or hi is None or lo > hi:
        return pl.DataFrame(schema=GRID_SCHEMA)
    months = pl.date_range(
        date(lo // 100, lo % 100, 1), date(hi // 100, hi % 100, 1), interval="1mo", eager=True
    )
    return (
        pl.DataFrame({"month_start": months})
        .with_columns(
            pl.col("month_start").dt.year().cast(pl.Int32).alias("year"),
            pl.col("month_start").dt.month().cast(pl.Int32).alias("month"),
        )
        .with_columns(ym_label(pl.col("year"), pl.col("month")).alias("period"))
        .select(list(GRID_SCHEMA))
    )


def unreported_months(reported: pl.DataFrame, grid: pl.DataFrame) -> pl.DataFrame:
    """The months of `grid` in which `reported` (year, month rows) has no row: GRID_SCHEMA."""
    present = reported.select("year", "month").unique()
    return grid.join(present, on=["year", "month"], how="anti").sort("year", "month")


def peak_month(frame: pl.DataFrame, *, by: Sequence[str] = (), low: bool = False) -> pl.DataFrame:
    """Per group of `by`, the reported month holding the most units (`low`: the fewest).

    `frame` has year, month, units (vehicles) and may hold several rows per month (they
    are summed first). Ties go to the earliest month. Returns by..., peak_month
    ('YYYY-MM') and peak_units (vehicles); with `low`, low_month and low_units.
    """
    name = "low" if low else "peak"
    keys = list(by)
    monthly = frame.group_by(*keys, "year", "month").agg(pl.col("units").sum())
    ordered = monthly.sort(
        [*keys, "units", "year", "month"],
        descending=[*([False] * len(keys)), not low, False, False],
    )
    first = ordered.group_by(keys, maintain_order=True).first() if keys else ordered.head(1)
    return first.select(
        *keys,
        ym_label(pl.col("year"), pl.col("month")).alias(f"{name}_month"),
        pl.col("units").cast(pl.Int64).alias(f"{name}_units"),
    )


def seasonality(frame: pl.DataFrame, *, by: Sequence[str] = ()) -> pl.DataFrame:
    """Per group of `by`, the coefficient of variation of monthly units and its class.

    Only reported months count (a missing month is not a zero month). Returns by...,
    months (reported months), mean_units (vehicles per month), cv (population standard
    deviation / mean; null below MIN_CV_MONTHS months or for a zero mean) and
    cv_class (year_round < 0.3 <= moderate < 0.5 <= seasonal; insufficient without cv).
    """
    keys = list(by)
    monthly = frame.group_by(*keys, "year", "month").agg(pl.col("units").sum())
    stats = (
        monthly.group_by(keys or pl.lit(1).alias("_all"))
        .agg(
            pl.len().cast(pl.Int32).alias("months"),
            pl.col("units").mean().alias("mean_units"),
            pl.col("units").std(ddof=0).alias("_std"),
        )
        .with_columns(
            pl.when((pl.col("months") >= MIN_CV_MONTHS) & (pl.col("mean_units") > 0))
            .then(pl.col("_std") / pl.col("mean_units"))
            .otherwise(None)
            .alias("cv")
        )
        .with_columns(cv_class(pl.col("cv")).alias("cv_class"))
    )
    return stats.select(*keys, "months", "mean_units", "cv", "cv_class").sort(keys or "months")


def cv_class(cv: pl.Expr) -> pl.Expr:
    """The seasonality class of a coefficient of variation (see CV_CLASSES)."""
    return (
        pl.when(cv.is_null())
        .then(pl.lit("insufficient"))
        .when(cv < YEAR_ROUND_CV)
        .then(pl.lit("year_round"))
        .when(cv >= SEASONAL_CV)
        .then(pl.lit("seasonal"))
        .otherwise(pl.lit("moderate"))
    )


def same_month_growth(frame: pl.DataFrame, *, by: Sequence[str] = (), year: int) -> pl.DataFrame:
    """Per group of `by`, `year` against the year before over the calendar months both
    years reported (a partial year is compared with the same months only).

    Returns by..., units (vehicles in all reported months of `year`), months (reported
    months of `year`), compared_months (months in both years), units_compared and
    prev_units (vehicles in those months of each year) and growth (units_compared /
    prev_units - 1, a fraction; null without common months or with prev_units 0).
    Groups without a row in `year` are left out.
    """
    keys = list(by)
    monthly = frame.group_by(*keys, "year", "month").agg(pl.col("units").sum())
    current = monthly.filter(pl.col("year") == year)
    previous = monthly.filter(pl.col("year") == year - 1).select(
        *keys, "month", pl.col("units").alias("_prev")
    )
    paired = current.join(previous, on=[*keys, "month"], how="left")
    return (
        paired.group_by(keys or pl.lit(1).alias("_all"))
        .agg(
            pl.col("units").sum().cast(pl.Int64).alias("units"),
            pl.len().cast(pl.Int32).alias("months"),
            pl.col("_prev").is_not_null().sum().cast(pl.Int32).alias("compared_months"),
            pl.col("units")
            .filter(pl.col("_prev").is_not_null())
            .sum()
            .cast(pl.Int64)
            .alias("units_compared"),
            pl.col("_prev").sum().cast(pl.Int64).alias("prev_units"),
        )  # fmt: skip
        .with_columns(
            pl.when((pl.col("compared_months") > 0) & (pl.col("prev_units") > 0))
            .then(pl.col("units_compared") / pl.col("prev_units") - 1)
            .otherwise(None)
            .alias("growth")
        )
        .select(
            *keys, "units", "months", "compared_months", "units_compared", "prev_units", "growth"
        )
        .sort(keys or "units")
    )


def months_of(frame: pl.DataFrame) -> list[str]:
    """Every month of the years `frame` has rows in, 'YYYY-MM', ascending: the months a
    period may start or end at (a month of those years without rows is shown as not
    reported, never as zero)."""
    return [f"{y}-{m:02d}" for y in years_of(frame) for m in range(1, 13)]


def ranked(frame: pl.DataFrame, column: str) -> list[str]:
    """The distinct non-null values of `column`, most units first (ties by name)."""
    return (
        frame.filter(pl.col(column).is_not_null())
        .group_by(column)
        .agg(pl.col("units").sum())
        .sort(["units", column], descending=[True, False])
        .get_column(column)
        .to_list()
    )


def years_of(frame: pl.DataFrame) -> list[int]:
    """The years `frame` has rows in, ascending."""
    if frame.is_empty():
        return []
    return sorted(int(y) for y in frame.get_column("year").unique().to_list())


def shares(frame: pl.DataFrame, *, by: str, within: Sequence[str] = ()) -> pl.DataFrame:
    """Units per `by` (and `within` groups) with each one's share of its `within` group:
    within..., by, units (vehicles), share (fraction 0-1). Largest first."""
    keys = list(within)
    grouped = frame.group_by(*keys, by).agg(pl.col("units").sum().cast(pl.Int64))
    total = pl.col("units").sum().over(keys) if keys else pl.col("units").sum()
    return grouped.with_columns(
        pl.when(total > 0).then(pl.col("units") / total).otherwise(None).alias("share")
    ).sort([*keys, "units", by], descending=[*([False] * len(keys)), True, False])
