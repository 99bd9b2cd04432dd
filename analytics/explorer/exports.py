"""Exports by region: exports from Korea per destination region (canonical market).

Input (`EXPORTS_SCHEMA`, warehouse/sql/marts/explorer_exports.sql): brand, market,
year, month, units (vehicles). A month a brand has not reported has no row.
`region_months` turns it into the page's one frame (market, year, month, units);
everything else is a pure function of that frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from analytics.explorer.common import (
    Options,
    View,
    in_period,
    months_of,
    peak_month,
    ranked,
    same_month_growth,
    select_brand,
    shares,
    view_of,
    years_of,
)
from analytics.months import ym_label

EXPORTS_SCHEMA = {
    "brand": pl.Utf8, "market": pl.Utf8, "year": pl.Int32, "month": pl.Int32, "units": pl.Int64,
}  # fmt: skip
MONTHS_SCHEMA = {"market": pl.Utf8, "year": pl.Int32, "month": pl.Int32, "units": pl.Int64}
TOTAL = "__total__"  # the totals row / column of the region tables


def region_months(
    exports: pl.DataFrame, *, brand: str, period_from: str | None, period_to: str | None
) -> pl.DataFrame:
    """Units (vehicles) per region and reported month of the brand ("all": both brands,
    in the months both report the region) in the period: MONTHS_SCHEMA, sorted."""
    chosen = select_brand(
        in_period(exports, period_from=period_from, period_to=period_to),
        brand=brand,
        keys=("market",),
    )
    return (
        chosen.group_by("market", "year", "month")
        .agg(pl.col("units").sum())
        .cast(MONTHS_SCHEMA)  # type: ignore[arg-type]
        .sort("market", "year", "month")
    )


def region_summary(months: pl.DataFrame) -> pl.DataFrame:
    """One row per region over the period: market, units (vehicles), share (fraction of
    all regions' units), months (reported), peak_month ('YYYY-MM'), peak_units
    (vehicles). Largest region first."""
    if months.is_empty():
        return pl.DataFrame(
            schema={
                "market": pl.Utf8, "units": pl.Int64, "share": pl.Float64, "months": pl.Int32,
                "peak_month": pl.Utf8, "peak_units": pl.Int64,
            }
        )  # fmt: skip
    counts = months.group_by("market").agg(pl.len().cast(pl.Int32).alias("months"))
    return (
        shares(months, by="market")
        .join(counts, on="market", how="left")
        .join(peak_month(months, by=["market"]), on="market", how="left")
        .sort(["units", "market"], descending=[True, False])
    )


def yearly_summary(months: pl.DataFrame, *, year: int) -> pl.DataFrame:
    """Per region for one year (what `carsight analyze exports` prints): market, units
    (vehicles in the year's reported months), share (fraction of the year's units of
    all regions), months (reported), yoy_change (fraction, against the same months of
    the year before; null when that year lacks them), compared_months, peak_month
    ('YYYY-MM' of the year), peak_units (vehicles). Largest region first."""
    of_year = months.filter(pl.col("year") == year)
    growth = same_month_growth(months, by=["market"], year=year).select(
        "market", pl.col("growth").alias("yoy_change"), "compared_months"
    )
    return (
        region_summary(of_year)
        .join(growth, on="market", how="left")
        .select(
            "market",
            "units",
            "share",
            "months",
            "yoy_change",
            "compared_months",
            "peak_month",
            "peak_units",
        )  # fmt: skip
        .sort(["units", "market"], descending=[True, False])
    )


def year_table(months: pl.DataFrame) -> pl.DataFrame:
    """Region x year: market, one column per year (vehicles; null = not reported in that
    year), total; a last row TOTAL sums each column over the regions."""
    return _pivot(months.with_columns(pl.col("year").cast(pl.Utf8).alias("column")))


def month_table(months: pl.DataFrame, *, periods: list[str] | None = None) -> pl.DataFrame:
    """Region x month: market, one column per month 'YYYY-MM' (every one of `periods`,
    e.g. the period's month grid, else the reported ones; vehicles; null = not
    reported), total; a last TOTAL row."""
    column = ym_label(pl.col("year"), pl.col("month"))
    return _pivot(months.with_columns(column.alias("column")), columns=periods)


def _pivot(frame: pl.DataFrame, columns: list[str] | None = None) -> pl.DataFrame:
    if frame.is_empty():
        return pl.DataFrame(schema={"market": pl.Utf8, "total": pl.Int64})
    columns = columns or sorted(frame.get_column("column").unique().to_list())
    wide = (
        frame.group_by("market", "column")
        .agg(pl.col("units").sum())
        .pivot(on="column", index="market", values="units", on_columns=columns)
    )
    # a month no region reported has no pivot column: add it, empty (not reported)
    wide = wide.with_columns(
        pl.lit(None, pl.Int64).alias(c) for c in columns if c not in wide.columns
    ).select("market", *columns)
    wide = wide.with_columns(pl.sum_horizontal(columns).cast(pl.Int64).alias("total")).sort(
        ["total", "market"], descending=[True, False]
    )
    totals = wide.select(
        pl.lit(TOTAL).alias("market"),
        *[
            # a column where no region reported stays null (not reported), never 0
            pl.when(pl.col(c).is_null().all()).then(None).otherwise(pl.col(c).sum()).alias(c)
            for c in [*columns, "total"]
        ],
    )
    return pl.concat([wide, totals.cast(wide.schema)])  # type: ignore[arg-type]


def calendar_profile(months: pl.DataFrame) -> pl.DataFrame:
    """Region x calendar month, for the seasonality heatmap: market, month (1-12),
    years (how many years reported that month), mean_units (vehicles per reported
    month), index (mean_units / the region's mean over all its reported months; 1.0 =
    a typical month). Calendar months never reported have no row."""
    per_month = months.group_by("market", "month").agg(
        pl.len().cast(pl.Int32).alias("years"), pl.col("units").mean().alias("mean_units")
    )
    overall = months.group_by("market").agg(pl.col("units").mean().alias("_overall"))
    return (
        per_month.join(overall, on="market", how="left")
        .with_columns(
            pl.when(pl.col("_overall") > 0)
            .then(pl.col("mean_units") / pl.col("_overall"))
            .otherwise(None)
            .alias("index")
        )
        .drop("_overall")
        .sort("market", "month")
    )


def growth_by_region(months: pl.DataFrame) -> pl.DataFrame:
    """Year-over-year change of each region: the period's last year against the year
    before, over the same reported months (see common.same_month_growth). Columns:
    market, year, units, months, compared_months, units_compared, prev_units (vehicles),
    growth (fraction). Empty when the period has fewer than two years."""
    years = years_of(months)
    if len(years) < 2:
        return pl.DataFrame(
            schema={
                "market": pl.Utf8, "year": pl.Int32, "units": pl.Int64, "months": pl.Int32,
                "compared_months": pl.Int32, "units_compared": pl.Int64,
                "prev_units": pl.Int64, "growth": pl.Float64,
            }
        )  # fmt: skip
    growth = same_month_growth(months, by=["market"], year=years[-1])
    return growth.with_columns(pl.lit(years[-1], pl.Int32).alias("year")).select(
        "market", "year", "units", "months", "compared_months", "units_compared",
        "prev_units", "growth",
    ).sort(["growth", "market"], descending=[True, False], nulls_last=True)  # fmt: skip


@dataclass(frozen=True)
class ExportInsights:
    """The numbers the page's sentences are generated from (units: vehicles; shares and
    growth: fractions). Absent facts are None; `declining` lists (market, growth)."""

    total_units: int = 0
    largest: str | None = None
    largest_units: int | None = None
    largest_share: float | None = None
    peak_month: str | None = None
    peak_units: int | None = None
    year: int | None = None
    compared_months: int | None = None
    fastest: str | None = None
    fastest_growth: float | None = None
    declining: list[tuple[str, float]] = field(default_factory=list)
    focus: str | None = None


def insights(months: pl.DataFrame, *, focus: str | None = None) -> ExportInsights:
    """The largest region and its share, the peak month of all regions together (or of
    the focus region) and its value, the fastest-growing and the declining regions (last
    year of the period against the year before, same months)."""
    if months.is_empty():
        return ExportInsights(focus=focus)
    summary = region_summary(months)
    top = summary.row(0, named=True)
    scope = months.filter(pl.col("market") == focus) if focus else months
    peak = peak_month(scope).row(0, named=True) if scope.height else {}
    growth = growth_by_region(months).filter(pl.col("growth").is_not_null())
    fastest = growth.row(0, named=True) if growth.height else None
    declining = growth.filter(pl.col("growth") < 0).sort("growth")
    return ExportInsights(
        total_units=int(summary.get_column("units").sum()),
        largest=top["market"],
        largest_units=top["units"],
        largest_share=top["share"],
        peak_month=peak.get("peak_month"),
        peak_units=peak.get("peak_units"),
        year=fastest["year"] if fastest else None,
        compared_months=fastest["compared_months"] if fastest else None,
        fastest=fastest["market"] if fastest and fastest["growth"] > 0 else None,
        fastest_growth=fastest["growth"] if fastest and fastest["growth"] > 0 else None,
        declining=[(m, g) for m, g in declining.select("market", "growth").iter_rows()],
        focus=focus,
    )


def options(exports: pl.DataFrame, *, brand: str) -> Options:
    """The months and regions the brand's exports have (regions by units, largest first)."""
    months = region_months(exports, brand=brand, period_from=None, period_to=None)
    return Options(months=months_of(months), focus=ranked(months, "market"))


def view(
    exports: pl.DataFrame,
    *,
    brand: str,
    period_from: str | None,
    period_to: str | None,
    focus: str | None = None,
) -> View:
    """The page's View: rows = `region_months` (market, year, month, units), scope = the
    focus region's months."""
    months = region_months(exports, brand=brand, period_from=period_from, period_to=period_to)
    return view_of(
        months, focus_column="market", focus=focus, period_from=period_from, period_to=period_to
    )
