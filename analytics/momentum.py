"""Sales momentum per model in one market: the last 3 months against the 3 before,
and against the same calendar months one year earlier where those exist; plus
the per-frame market x model aggregate that momentum and its callers share.

Months are counted only where the market has data. A month with no row for the
market (no model sold, or the source has not reported it) is *missing*, never a
zero: the windows step over it. A model with no row in a month that the market
does have is a real zero for that model.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Sequence

import polars as pl

WINDOW_MONTHS = 3

MOMENTUM_SCHEMA = {
    "model": pl.Utf8, "last3": pl.Int64, "prev3": pl.Int64, "momentum_pct": pl.Float64,
    "yoy_last3": pl.Int64, "yoy_pct": pl.Float64, "basis": pl.Utf8, "change_pct": pl.Float64,
    "end_month": pl.Utf8,
}  # fmt: skip

_BY_MARKET_MODEL: dict[int, pl.DataFrame] = {}
_LOCK = threading.Lock()


def _forget(key: int) -> None:
    with _LOCK:
        _BY_MARKET_MODEL.pop(key, None)


def market_model_units(sales: pl.DataFrame) -> pl.DataFrame:
    """Totals per market and model over the whole frame: market, model, units
    (vehicles), amount_krw (KRW; null when the frame has no amounts for them).

    `deviation`, `top10` and `heatmap` give identical results on this frame and
    on `sales` (they only sum units by market and model); on the 10M-row
    warehouse it is ~30x smaller. Memoised per frame object (sales frames are
    immutable and cached by filter spec; an entry goes when its frame is
    garbage-collected), so the one full-frame aggregation runs once per frame.
    """
    key = id(sales)
    with _LOCK:
        hit = _BY_MARKET_MODEL.get(key)
    if hit is not None:
        return hit
    hit = (
        sales.lazy().select("market", "model", "units", "amount_krw")
        .group_by("market", "model")
        .agg(pl.col("units").sum(), pl.col("amount_krw").sum().alias("_amount"),
             pl.col("amount_krw").count().alias("_amounts"))
        .select("market", "model", "units",
                pl.when(pl.col("_amounts") > 0).then(pl.col("_amount")).otherwise(None)
                .cast(pl.Int64).alias("amount_krw"))
        .collect()
    )
    with _LOCK:
        if key not in _BY_MARKET_MODEL:
            weakref.finalize(sales, _forget, key)
        _BY_MARKET_MODEL[key] = hit
    return hit


def _month_index() -> pl.Expr:
    """Months since year 0 (year*12 + month-1): consecutive months differ by 1."""
    return (pl.col("year").cast(pl.Int64) * 12 + pl.col("month").cast(pl.Int64) - 1).alias("mi")


def market_rows(sales: pl.DataFrame, *, market: str) -> pl.DataFrame:
    """The rows of `market`: model, mi (month index year*12 + month-1), units, amount_krw."""
    return (
        sales.lazy().filter(pl.col("market") == market)
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
    """
    rows = market_rows(sales, market=market)
    models = (market_model_units(sales).filter(pl.col("market") == market)
              .get_column("model"))
    return momentum_of_rows(rows, models=models)


def momentum_of_rows(rows: pl.DataFrame, *, models: Sequence[str] | pl.Series) -> pl.DataFrame:
    """`momentum` of one market's rows (as from `market_rows`) for `models`.

    `models`: the models to report, each once: all models of the market (from
    `market_model_units`) or a subset; the windows always come from all of the
    market's months. Only the rows of the (at most 9) window months are
    grouped, so this stays fast on a market with millions of rows.
    """
    months = rows.get_column("mi").unique().sort().to_list()
    if not months:
        return pl.DataFrame(schema=MOMENTUM_SCHEMA)
    last = months[-WINDOW_MONTHS:]
    prev = months[-2 * WINDOW_MONTHS:-WINDOW_MONTHS] if len(months) >= 2 * WINDOW_MONTHS else []
    present = set(months)
    yoy = [m - 12 for m in last]
    yoy_ok = len(last) == WINDOW_MONTHS and all(m in present for m in yoy)
    end = months[-1]
    windows = {"last3": (last, True), "prev3": (prev, bool(prev)), "yoy_last3": (yoy, yoy_ok)}
    used = sorted({m for ms, ok in windows.values() if ok for m in ms})
    wanted = pl.DataFrame({"model": models}, schema={"model": pl.Utf8})
    sums = (
        rows.lazy().filter(pl.col("mi").is_in(used))
        .join(wanted.lazy(), on="model", how="semi")
        # Window columns are made before grouping so the aggregation is a plain
        # sum (a condition inside the aggregation is far slower on 10M rows).
        .with_columns(
            pl.when(pl.col("mi").is_in(ms)).then(pl.col("units")).otherwise(0).alias(name)
            for name, (ms, _) in windows.items()
        )
        .group_by("model")
        .agg(pl.col(*windows).sum())
    )
    return (
        wanted.lazy().join(sums, on="model", how="left")
        .with_columns(
            pl.col(name).fill_null(0) if ok else pl.lit(None, dtype=pl.Int64).alias(name)
            for name, (_, ok) in windows.items()
        )
        .with_columns(_pct("last3", "prev3").alias("momentum_pct"),
                      _pct("last3", "yoy_last3").alias("yoy_pct"))
        .with_columns(
            pl.when(pl.col("yoy_pct").is_not_null()).then(pl.lit("yoy"))
            .otherwise(pl.lit("prev3")).alias("basis"),
            pl.coalesce("yoy_pct", "momentum_pct").alias("change_pct"),
            pl.lit(f"{end // 12:04d}-{end % 12 + 1:02d}").alias("end_month"),
        )
        .sort(["last3", "model"], descending=[True, False])
        .select(*MOMENTUM_SCHEMA)
        .cast(MOMENTUM_SCHEMA)  # type: ignore[arg-type]
        .collect()
    )
