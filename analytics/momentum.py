"""Sales momentum per model in one market: the last 3 months against the 3 before,
and against the same calendar months one year earlier where those exist; plus
the per-frame market x model totals that momentum and its callers share.

Months are counted only where the market has data. A month with no row for the
market (no model sold, or the source has not reported it) is *missing*, never a
zero: the windows step over it. A model with no row in a month that the market
does have is a real zero for that model.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

import polars as pl

WINDOW_MONTHS = 3
WINDOWS = ("last3", "prev3", "yoy_last3")

MOMENTUM_SCHEMA = {
    "model": pl.Utf8, "last3": pl.Int64, "prev3": pl.Int64, "momentum_pct": pl.Float64,
    "yoy_last3": pl.Int64, "yoy_pct": pl.Float64, "basis": pl.Utf8, "change_pct": pl.Float64,
    "end_month": pl.Utf8,
}  # fmt: skip


@dataclass(frozen=True)
class _Windows:
    """The month windows of one market (month index = year*12 + month-1)."""

    months: dict[str, list[int]]  # window name -> its months; only computable windows
    end: int  # latest month with data

    @classmethod
    def of(cls, present: list[int]) -> _Windows:
        last = present[-WINDOW_MONTHS:]
        months = {"last3": last}
        if len(present) >= 2 * WINDOW_MONTHS:
            months["prev3"] = present[-2 * WINDOW_MONTHS : -WINDOW_MONTHS]
        yoy = [m - 12 for m in last]
        if len(last) == WINDOW_MONTHS and set(yoy) <= set(present):
            months["yoy_last3"] = yoy
        return cls(months, present[-1])


@dataclass(frozen=True)
class _Totals:
    units: pl.DataFrame  # market, model, units, amount_krw
    windows: pl.DataFrame  # market, model, last3, prev3, yoy_last3 (0 where no rows)
    by_market: dict[str, _Windows]


_MEMO: dict[int, _Totals] = {}
_LOCK = threading.Lock()


def _forget(key: int) -> None:
    with _LOCK:
        _MEMO.pop(key, None)


def _month_index() -> pl.Expr:
    """Months since year 0 (year*12 + month-1): consecutive months differ by 1."""
    return (pl.col("year").cast(pl.Int64) * 12 + pl.col("month").cast(pl.Int64) - 1).alias("mi")


def _totals(sales: pl.DataFrame) -> _Totals:
    """One pass over the frame: per market and model the units, amounts and window
    sums. Memoised per frame object (sales frames are immutable and cached by
    filter spec; an entry goes when its frame is garbage-collected)."""
    key = id(sales)
    with _LOCK:
        hit = _MEMO.get(key)
    if hit is not None:
        return hit
    present = (
        sales.lazy()
        .select("market", _month_index())
        .unique()
        .group_by("market")
        .agg(pl.col("mi").sort())
        .collect()
    )
    by_market = {m: _Windows.of(mis) for m, mis in present.iter_rows()}  # one row per market
    flags = pl.DataFrame(
        [
            (m, mi, *[int(mi in w.months.get(name, ())) for name in WINDOWS])
            for m, w in by_market.items()
            for mi in sorted(set().union(*w.months.values()))
        ],
        schema={"market": pl.Utf8, "mi": pl.Int64, **dict.fromkeys(WINDOWS, pl.Int64)},
        orient="row",
    )  # one row per (market, window month): at most 9 a market
    both = (
        sales.lazy()
        .select("market", "model", "units", "amount_krw", _month_index())
        .join(flags.lazy(), on=["market", "mi"], how="left")
        .group_by("market", "model")
        .agg(
            pl.col("units").sum(),
            pl.col("amount_krw").sum().alias("_amount"),
            pl.col("amount_krw").count().alias("_amounts"),
            # Window sums as plain sums of units x flag: a condition inside the
            # aggregation is far slower on 10M rows.
            *[
                (pl.col("units") * pl.col(name).fill_null(0)).sum().cast(pl.Int64).alias(name)
                for name in WINDOWS
            ],
        )
        .collect()
    )
    hit = _Totals(
        units=both.select(
            "market",
            "model",
            "units",
            pl.when(pl.col("_amounts") > 0)
            .then(pl.col("_amount"))
            .otherwise(None)
            .cast(pl.Int64)
            .alias("amount_krw"),
        ),
        windows=both.select("market", "model", *WINDOWS),
        by_market=by_market,
    )
    with _LOCK:
        if key not in _MEMO:
            weakref.finalize(sales, _forget, key)
        _MEMO[key] = hit
    return hit


def market_model_units(sales: pl.DataFrame) -> pl.DataFrame:
    """Totals per market and model over the whole frame: market, model, units
    (vehicles), amount_krw (KRW; null when the frame has no amounts for them).

    `deviation`, `top10` and `heatmap` give identical results on this frame and
    on `sales` (they only sum units by market and model); on the 10M-row
    warehouse it is ~30x smaller. Built in the one memoised pass over the frame
    that also gives `momentum`, so it costs nothing more after that.
    """
    return _totals(sales).units


def market_rows(sales: pl.DataFrame, *, market: str) -> pl.DataFrame:
    """The rows of `market`: model, mi (month index year*12 + month-1), units, amount_krw."""
    return (
        sales.lazy()
        .filter(pl.col("market") == market)
        .select("model", _month_index(), "units", "amount_krw")
        .collect()
    )


def _pct(now: str, before: str) -> pl.Expr:
    return (
        pl.when(pl.col(before) > 0)
        .then((pl.col(now) / pl.col(before) - 1) * 100)
        .otherwise(None)
        .round(1)
    )


def momentum(sales: pl.DataFrame, *, market: str) -> pl.DataFrame:
    """Recent change in units per model sold in `market` over the filtered period.

    Windows (over the months with data for the market, see module doc):

    - last3: vehicles in the latest 3 months with data (fewer when the market
      has fewer months);
    - prev3: vehicles in the 3 months with data before those; null when the
      market has fewer than 6 months with data;
    - momentum_pct: (last3 / prev3 - 1) * 100, percent, rounded to 0.1; null
      when prev3 is 0 or null;
    - yoy_last3: vehicles in the same 3 calendar months one year earlier; null
      unless the market has data in all three of them;
    - yoy_pct: (last3 / yoy_last3 - 1) * 100, percent, rounded to 0.1; null
      when yoy_last3 is 0 or null;
    - basis: 'yoy' when yoy_pct is computable, else 'prev3' (seasonality makes
      the year-earlier comparison the better one whenever it exists);
    - change_pct: the percent of that basis (null when neither is computable);
    - end_month: 'YYYY-MM' of the latest month with data for the market.

    Sorted by last3 descending, then model. Empty when the market has no rows.
    The first call on a frame makes one pass over all of it (see
    `market_model_units`); later calls, for any market, only read its result.
    """
    totals = _totals(sales)
    windows = totals.by_market.get(market)
    if windows is None:
        return pl.DataFrame(schema=MOMENTUM_SCHEMA)
    end = windows.end
    return (
        totals.windows.lazy()
        .filter(pl.col("market") == market)
        .with_columns(
            pl.col(name) if name in windows.months else pl.lit(None, dtype=pl.Int64).alias(name)
            for name in WINDOWS
        )
        .with_columns(
            _pct("last3", "prev3").alias("momentum_pct"),
            _pct("last3", "yoy_last3").alias("yoy_pct"),
        )
        .with_columns(
            pl.when(pl.col("yoy_pct").is_not_null())
            .then(pl.lit("yoy"))
            .otherwise(pl.lit("prev3"))
            .alias("basis"),
            pl.coalesce("yoy_pct", "momentum_pct").alias("change_pct"),
            pl.lit(f"{end // 12:04d}-{end % 12 + 1:02d}").alias("end_month"),
        )
        .sort(["last3", "model"], descending=[True, False])
        .select(*MOMENTUM_SCHEMA)
        .cast(MOMENTUM_SCHEMA)  # type: ignore[arg-type]
        .collect()
    )
