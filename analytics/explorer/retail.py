"""Overseas retail by market: Kia's local sales per market and Hyundai's EU retail.

Input (`RETAIL_SCHEMA`, warehouse/sql/marts/explorer_retail.sql): brand, flow
(overseas_retail, eu_retail), market, model (family; null for category rows), category,
powertrain (null when the row may mix powertrains), year, month, units (vehicles).
A month not reported has no row.

Powertrain shares are fractions of all units of the market, so a row without a stated
powertrain (UNSTATED) is never dropped: it has its own share, and the EV share is a
lower bound by exactly that much.
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
    seasonality,
    select_brand,
    shares,
    view_of,
)

RETAIL_SCHEMA = {
    "brand": pl.Utf8, "flow": pl.Utf8, "market": pl.Utf8, "model": pl.Utf8,
    "category": pl.Utf8, "powertrain": pl.Utf8, "year": pl.Int32, "month": pl.Int32,
    "units": pl.Int64,
}  # fmt: skip
UNSTATED = "unstated"
CATEGORY = "category"
ELECTRIC = ("EV", "FCEV")
# A market whose ICE share (of all its units) is at least this is "ICE-dependent".
ICE_DEPENDENT_SHARE = 0.7


def retail_rows(
    retail: pl.DataFrame, *, brand: str, period_from: str | None, period_to: str | None
) -> pl.DataFrame:
    """The retail rows of the brand ("all": both, a market's month only when every brand
    selling there reported it) in the period, with `group_powertrain` (powertrain, or
    UNSTATED for model rows without one, CATEGORY for rows without a model)."""
    chosen = select_brand(
        in_period(retail, period_from=period_from, period_to=period_to),
        brand=brand,
        keys=("market",),
    )
    return chosen.with_columns(
        pl.when(pl.col("model").is_null())
        .then(pl.lit(CATEGORY))
        .otherwise(pl.col("powertrain").fill_null(UNSTATED))
        .alias("group_powertrain")
    )


def market_months(rows: pl.DataFrame) -> pl.DataFrame:
    """market, year, month, units (vehicles): one row per reported month of a market."""
    return (
        rows.group_by("market", "year", "month")
        .agg(pl.col("units").sum().cast(pl.Int64))
        .sort("market", "year", "month")
    )


def market_summary(months: pl.DataFrame) -> pl.DataFrame:
    """Per market: market, units (vehicles), share (fraction of all markets' units),
    months, mean_units (vehicles per month), cv and cv_class (volatility, see
    common.seasonality), peak_month/peak_units, low_month/low_units. Largest first."""
    return (
        shares(months, by="market")
        .join(seasonality(months, by=["market"]), on="market", how="left")
        .join(peak_month(months, by=["market"]), on="market", how="left")
        .join(peak_month(months, by=["market"], low=True), on="market", how="left")
        .sort(["units", "market"], descending=[True, False])
    )


def indexed(months: pl.DataFrame, *, markets: list[str]) -> pl.DataFrame:
    """The chosen markets' months with index (units / the market's mean monthly units
    over the period x 100; 100 = a typical month), to compare markets of any size:
    market, year, month, units (vehicles), index."""
    scope = months.filter(pl.col("market").is_in(markets))
    return scope.with_columns(
        pl.when(pl.col("units").mean().over("market") > 0)
        .then(pl.col("units") / pl.col("units").mean().over("market") * 100)
        .otherwise(None)
        .alias("index")
    ).sort("market", "year", "month")


def powertrain_mix(rows: pl.DataFrame) -> pl.DataFrame:
    """Per market and year: market, year, powertrain (a powertrain, UNSTATED or
    CATEGORY), units (vehicles), share (fraction of the market's units that year)."""
    return shares(
        rows.rename({"group_powertrain": "powertrain_group"}),
        by="powertrain_group",
        within=["market", "year"],
    ).rename({"powertrain_group": "powertrain"})


def ev_share_by_year(rows: pl.DataFrame) -> pl.DataFrame:
    """EV share per market and year, and its change against the year before over the
    same reported months: market, year, units, electric (EV + FCEV), ice, unstated
    (vehicles), months, ev_share, ice_share, unstated_share (fractions of units),
    prev_ev_share (the year before, same months; null without them), change_pp
    (percentage points)."""
    power = pl.col("group_powertrain")
    flagged = rows.with_columns(
        pl.when(power.is_in(list(ELECTRIC))).then(pl.col("units")).otherwise(0).alias("_ev"),
        pl.when(power == "ICE").then(pl.col("units")).otherwise(0).alias("_ice"),
        pl.when(power == UNSTATED).then(pl.col("units")).otherwise(0).alias("_unstated"),
    )
    monthly = flagged.group_by("market", "year", "month").agg(
        pl.col("units", "_ev", "_ice", "_unstated").sum()
    )
    yearly = (
        monthly.group_by("market", "year")
        .agg(
            pl.col("units").sum().alias("units"),
            pl.col("_ev").sum().alias("electric"),
            pl.col("_ice").sum().alias("ice"),
            pl.col("_unstated").sum().alias("unstated"),
            pl.len().cast(pl.Int32).alias("months"),
        )
        .with_columns(pl.col("units", "electric", "ice", "unstated").cast(pl.Int64))
        .with_columns(
            [
                pl.when(pl.col("units") > 0)
                .then(pl.col(c) / pl.col("units"))
                .otherwise(None)
                .alias(f"{n}_share")
                for c, n in (("electric", "ev"), ("ice", "ice"), ("unstated", "unstated"))
            ]
        )
    )
    # the year before over the same calendar months (a partial year meets its months only)
    before = monthly.select(
        "market",
        (pl.col("year") + 1).cast(pl.Int32).alias("year"),
        "month",
        pl.col("units").alias("_prev_units"),
        pl.col("_ev").alias("_prev_ev"),
    )
    prev = (
        monthly.join(before, on=["market", "year", "month"], how="inner")
        .group_by("market", "year")
        .agg(pl.col("_prev_units", "_prev_ev").sum())
        .select(
            "market",
            "year",
            pl.when(pl.col("_prev_units") > 0)
            .then(pl.col("_prev_ev") / pl.col("_prev_units"))
            .otherwise(None)
            .alias("prev_ev_share"),
        )
    )
    return (
        yearly.join(prev, on=["market", "year"], how="left")
        .with_columns(((pl.col("ev_share") - pl.col("prev_ev_share")) * 100).alias("change_pp"))
        .sort("market", "year")
    )


@dataclass(frozen=True)
class RetailInsights:
    """The numbers the page's sentences are generated from (units: vehicles; shares:
    fractions). `ice_dependent` lists (market, ice_share, unstated_share)."""

    year: int | None = None
    year_months: int | None = None
    ev_leader: str | None = None
    ev_leader_share: float | None = None
    ev_leader_unstated: float | None = None
    ice_dependent: list[tuple[str, float, float]] = field(default_factory=list)
    most_volatile: str | None = None
    most_volatile_cv: float | None = None
    steadiest: str | None = None
    steadiest_cv: float | None = None


def insights(rows: pl.DataFrame, months: pl.DataFrame) -> RetailInsights:
    """The EV leader market and the ICE-dependent markets (ICE share at least
    ICE_DEPENDENT_SHARE) in the period's last year, and the most and least volatile
    markets (coefficient of variation of monthly units)."""
    if rows.is_empty():
        return RetailInsights()
    ev = ev_share_by_year(rows)
    year = int(ev.get_column("year").max())  # type: ignore[arg-type]
    latest = ev.filter(pl.col("year") == year)
    leader = latest.filter(pl.col("electric") > 0).sort(
        ["ev_share", "units", "market"], descending=[True, True, False]
    )
    dependent = latest.filter(pl.col("ice_share") >= ICE_DEPENDENT_SHARE).sort(
        ["ice_share", "market"], descending=[True, False]
    )
    volatility = (
        market_summary(months)
        .filter(pl.col("cv").is_not_null())
        .sort(["cv", "market"], descending=[True, False])
    )
    top = leader.row(0, named=True) if leader.height else None
    most = volatility.row(0, named=True) if volatility.height else None
    least = volatility.row(-1, named=True) if volatility.height > 1 else None
    return RetailInsights(
        year=year,
        year_months=int(latest.get_column("months").max()),  # type: ignore[arg-type]
        ev_leader=top["market"] if top else None,
        ev_leader_share=top["ev_share"] if top else None,
        ev_leader_unstated=top["unstated_share"] if top else None,
        ice_dependent=[
            (m, s, u)
            for m, s, u in dependent.select("market", "ice_share", "unstated_share").iter_rows()
        ],
        most_volatile=most["market"] if most else None,
        most_volatile_cv=most["cv"] if most else None,
        steadiest=least["market"] if least else None,
        steadiest_cv=least["cv"] if least else None,
    )


def options(retail: pl.DataFrame, *, brand: str) -> Options:
    """The months and markets (most units first) of the brand's retail figures."""
    rows = retail_rows(retail, brand=brand, period_from=None, period_to=None)
    markets = ranked(rows, "market")
    return Options(months=months_of(rows), focus=markets, picks=markets)


def view(
    retail: pl.DataFrame,
    *,
    brand: str,
    period_from: str | None,
    period_to: str | None,
    focus: str | None = None,
) -> View:
    """The page's View: rows = `retail_rows`, scope = the focus market's rows."""
    rows = retail_rows(retail, brand=brand, period_from=period_from, period_to=period_to)
    return view_of(
        rows, focus_column="market", focus=focus, period_from=period_from, period_to=period_to
    )


def extremes(months: pl.DataFrame) -> pl.DataFrame:
    """Each market's peak and low reported month, to mark on its line: market, year,
    month, units (vehicles), kind ('peak' or 'low'). Ties go to the earliest month."""
    if months.is_empty():
        return pl.DataFrame(
            schema={
                "market": pl.Utf8, "year": pl.Int32, "month": pl.Int32, "units": pl.Int64,
                "kind": pl.Utf8,
            }
        )  # fmt: skip
    parts = []
    for low, kind in ((False, "peak"), (True, "low")):
        found = peak_month(months, by=["market"], low=low)
        parts.append(
            found.select(
                "market",
                pl.col(f"{kind}_month").str.slice(0, 4).cast(pl.Int32).alias("year"),
                pl.col(f"{kind}_month").str.slice(5, 2).cast(pl.Int32).alias("month"),
                pl.col(f"{kind}_units").alias("units"),
                pl.lit(kind).alias("kind"),
            )
        )
    return pl.concat(parts)


def volatility(rows: pl.DataFrame) -> pl.DataFrame:
    """Per market: market, months, mean_units (vehicles per month), cv and cv_class
    (common.seasonality), most volatile first (markets without a cv last)."""
    return (
        seasonality(market_months(rows), by=["market"])
        .sort(["cv", "market"], descending=[True, False], nulls_last=True)
        .select("market", "cv", "cv_class", "months", "mean_units")
    )


def largest(months: pl.DataFrame, *, n: int) -> list[str]:
    """The `n` markets with the most units."""
    return ranked(months, "market")[:n]


def of_year(frame: pl.DataFrame, year: int | None) -> pl.DataFrame:
    """The rows of one year (none for None)."""
    return frame.filter(pl.col("year") == year) if year is not None else frame.clear()
