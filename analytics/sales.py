"""The sales aggregate every strategy view starts from, aggregated in DuckDB.

A filter's sales are never loaded row by row: DuckDB aggregates them
(warehouse/sql/marts/sales_*.sql over the `sales_rows` of the chosen source) and
the views receive only aggregates, so the first request for a new filter on a
10M-row warehouse costs one scan, not a multi-million-row frame. The loaders
here are the only functions that touch the warehouse; everything else in the
strategy analytics is a pure function of what they return:

- `SalesAggregate.totals`: one row per market and model (see TOTALS_SCHEMA);
- `SalesAggregate.months`: one row per market and month with data;
- `load_choices`: units per market, month, vehicle type and powertrain;
- `load_trend`: one model's units per month in one market.

Sales rows (the `sales_rows` relation; SALES_SCHEMA, `aggregate_rows` takes a
frame of them): market, brand, model, vehicle_type, powertrain: str; year, month:
int; units: vehicles (customer source: one per purchase); amount_krw: KRW
(customer source only; else null). `brand` is the reporting brand: each brand
reports on its own calendar (Hyundai's customer file ends 2025-12, Kia's 2026-03),
so the momentum windows are per market and brand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from threading import Lock
from typing import Literal

import polars as pl
from cachetools import LRUCache, cached

from warehouse import canonical, sql
from warehouse.connection import FileIdentity, Warehouse, query_frames

Brand = Literal["Hyundai", "Kia", "all"]
# Sources with market x model detail. Each is used alone: adding flows together
# would count the same car twice (e.g. Kia US retail and Kia US plant sales).
SOURCES: tuple[str, ...] = (
    "customers", "overseas_retail", "eu_retail", "domestic_sales", "overseas_plant_sales",
)  # fmt: skip
BRANDS: tuple[str, ...] = ("all", "Hyundai", "Kia")
SALES_SCHEMA = {
    "market": pl.Utf8, "brand": pl.Utf8, "model": pl.Utf8, "vehicle_type": pl.Utf8,
    "powertrain": pl.Utf8, "year": pl.Int32, "month": pl.Int32, "units": pl.Int64,
    "amount_krw": pl.Int64,
}  # fmt: skip
CHOICES_SCHEMA = {
    "market": pl.Utf8, "brand": pl.Utf8, "year": pl.Int32, "month": pl.Int32,
    "vehicle_type": pl.Utf8, "powertrain": pl.Utf8, "units": pl.Int64,
}  # fmt: skip
MONTHS_SCHEMA = {"market": pl.Utf8, "year": pl.Int32, "month": pl.Int32, "units": pl.Int64}
WINDOW_MONTHS = 3
WINDOWS = ("last3", "prev3", "yoy_last3")
TOTALS_SCHEMA = {
    "market": pl.Utf8, "model": pl.Utf8, "units": pl.Int64, "amount_krw": pl.Int64,
    **dict.fromkeys(WINDOWS, pl.Int64), "end_mi": pl.Int64,
}  # fmt: skip
TREND_SCHEMA = {"year": pl.Int32, "month": pl.Int32, "units": pl.Int64}


class InvalidFilter(ValueError):
    """A filter value that is not allowed; the message lists the valid values."""


@dataclass(frozen=True)
class SalesFilter:
    """What slice of sales to analyse. Hashable: used as a cache key."""

    source: str = "customers"
    brand: str = "all"
    period_from: str | None = None  # 'YYYY-MM', inclusive
    period_to: str | None = None  # 'YYYY-MM', inclusive
    vehicle_types: tuple[str, ...] = field(default_factory=tuple)
    powertrains: tuple[str, ...] = field(default_factory=tuple)

    def validated(self) -> SalesFilter:
        if self.source not in SOURCES:
            raise InvalidFilter(f"unknown source '{self.source}'; valid: {', '.join(SOURCES)}")
        brand = normalise_brand(self.brand)
        for name, value in (("from", self.period_from), ("to", self.period_to)):
            if value is not None:
                parse_year_month(value, name)
        return SalesFilter(
            self.source,
            brand,
            self.period_from,
            self.period_to,
            tuple(sorted(self.vehicle_types)),
            tuple(sorted(self.powertrains)),
        )


def normalise_brand(value: str) -> str:
    key = (value or "all").strip().lower()
    lookup = {
        "all": "all",
        "both": "all",
        "hyundai": "Hyundai",
        "현대": "Hyundai",
        "kia": "Kia",
        "기아": "Kia",
    }
    if key not in lookup:
        raise InvalidFilter(f"unknown brand '{value}'; valid: hyundai, kia, all")
    return lookup[key]


def normalise_market(value: str, *, known: list[str] | None = None) -> str:
    """Canonical market from a canonical name or a Korean label (e.g. 대한민국)."""
    market = canonical.market_of(value) if value else None
    if market is None or (known is not None and market not in known):
        valid = ", ".join(known if known is not None else canonical.MARKETS)
        raise InvalidFilter(f"unknown market '{value}'; valid: {valid}")
    return market


def parse_year_month(value: str, name: str = "period") -> int:
    """'YYYY-MM' -> year*100+month."""
    try:
        year, month = value.split("-")
        y, m = int(year), int(month)
        if not (1990 <= y <= 2100 and 1 <= m <= 12):
            raise ValueError
    except ValueError as exc:
        raise InvalidFilter(f"{name}: '{value}' is not a month like 2024-03") from exc
    return y * 100 + m


def _rows_sql(flt: SalesFilter) -> str:
    """The SQL file whose query is the filter's `sales_rows` (source from an allow-list)."""
    return "marts/sales_rows_customers" if flt.source == "customers" else "marts/sales_rows_flow"


def _rows_params(flt: SalesFilter) -> dict[str, object]:
    params: dict[str, object] = {
        "brand": flt.brand,
        "from_ym": parse_year_month(flt.period_from) if flt.period_from else 0,
        "to_ym": parse_year_month(flt.period_to) if flt.period_to else 999_999,
        "vehicle_types": list(flt.vehicle_types),
        "powertrains": list(flt.powertrains),
    }
    if flt.source != "customers":
        params["flow"] = flt.source
    return params


def rows_query(flt: SalesFilter, mart: str) -> tuple[str, dict[str, object]]:
    """(SQL, params) of `mart` (a marts/*.sql reading `sales_rows`) over the filter's
    sales rows: for analyses beyond the strategy views (e.g. the report's KPIs)."""
    flt = flt.validated()
    return sql.over(mart, sales_rows=_rows_sql(flt)), _rows_params(flt)


@dataclass(frozen=True)
class Windows:
    """The momentum windows of one market and brand, over the months with data for
    that brand in that market (month index = year*12 + month-1): each brand's windows
    end at its own last reported month. A month without data is stepped over, never
    counted as zero.

    - last3: the latest 3 months with data (fewer when the market has fewer);
    - prev3: the 3 months with data before those; only when the market has >= 6;
    - yoy_last3: the same calendar months as last3 one year earlier; only when
      last3 has 3 months and the market has data in all three of them.
    """

    months: dict[str, list[int]]  # window name -> its months; only computable windows
    end: int  # latest month with data

    @classmethod
    def of(cls, present: list[int]) -> Windows:
        last = present[-WINDOW_MONTHS:]
        months = {"last3": last}
        if len(present) >= 2 * WINDOW_MONTHS:
            months["prev3"] = present[-2 * WINDOW_MONTHS : -WINDOW_MONTHS]
        yoy = [m - 12 for m in last]
        if len(last) == WINDOW_MONTHS and set(yoy) <= set(present):
            months["yoy_last3"] = yoy
        return cls(months, present[-1])


@dataclass(frozen=True, eq=False)
class SalesAggregate:
    """One filter's sales, aggregated (see the module doc).

    - totals: market, model; units (vehicles over the filtered period);
      amount_krw (KRW; null where the source has no amounts); last3, prev3,
      yoy_last3 (vehicles in the momentum windows, each row of the model counted
      in its own brand's window, see `Windows`; 0 where the model has no row in
      those months; prev3 / yoy_last3 null unless that window exists for every
      brand the model has rows of); end_mi (month index of the latest window end
      among those brands);
    - months: market, year, month, units (vehicles): one row per month in which
      the market has data;
    - windows: (market, brand) -> its `Windows`.
    """

    totals: pl.DataFrame
    months: pl.DataFrame
    windows: dict[tuple[str, str], Windows]

    def market_windows(self, market: str) -> Windows | None:
        """The windows of the brand whose data in `market` ends last (None: no data)."""
        mine = [w for (m, _brand), w in sorted(self.windows.items()) if m == market]
        return max(mine, key=lambda w: w.end, default=None)


def _filtered(choices: pl.DataFrame, flt: SalesFilter) -> pl.LazyFrame:
    """The choices rows inside the filter's period, types and powertrains."""
    ym = pl.col("year") * 100 + pl.col("month")
    lo = parse_year_month(flt.period_from) if flt.period_from else 0
    hi = parse_year_month(flt.period_to) if flt.period_to else 999_999
    keep = ym.is_between(lo, hi)
    if flt.vehicle_types:
        keep &= pl.col("vehicle_type").is_in(list(flt.vehicle_types))
    if flt.powertrains:
        keep &= pl.col("powertrain").is_in(list(flt.powertrains))
    return choices.lazy().filter(keep)


def _months(choices: pl.DataFrame, flt: SalesFilter) -> pl.DataFrame:
    """The market x month rows of the filter, from its source and brand's choices:
    the same rows the filter's own scan would group (period, types and
    powertrains are columns of the choices)."""
    return (
        _filtered(choices, flt)
        .group_by("market", "year", "month")
        .agg(pl.col("units").sum())
        .sort("market", "year", "month")
        .collect()
        .cast(MONTHS_SCHEMA)  # type: ignore[arg-type]
    )


def _windows(choices: pl.DataFrame, flt: SalesFilter) -> dict[tuple[str, str], Windows]:
    """(market, brand) -> its windows over the filter's months with data for both."""
    present = (
        _filtered(choices, flt)
        .group_by("market", "brand")
        .agg((pl.col("year").cast(pl.Int64) * 12 + pl.col("month") - 1).unique().sort().alias("mi"))
        .collect()
    )
    return {(market, brand): Windows.of(mis) for market, brand, mis in present.iter_rows()}


def _window_params(windows: dict[tuple[str, str], Windows]) -> dict[str, list]:
    """`sales_totals.sql`'s window lists: one entry per (market, brand, window month),
    and one per (market, brand) with its last month and which windows it has."""
    entries = [
        (market, brand, mi, *[mi in w.months.get(name, ()) for name in WINDOWS])
        for (market, brand), w in windows.items()
        for mi in sorted(set().union(*w.months.values()))
    ]
    names = ("window_markets", "window_brands", "window_months",
             *(f"in_{name}" for name in WINDOWS))  # fmt: skip
    params: dict[str, list] = {name: [e[i] for e in entries] for i, name in enumerate(names)}
    params["brand_markets"] = [market for market, _ in windows]
    params["brand_brands"] = [brand for _, brand in windows]
    params["brand_end"] = [w.end for w in windows.values()]
    params["brand_has_prev3"] = ["prev3" in w.months for w in windows.values()]
    params["brand_has_yoy"] = ["yoy_last3" in w.months for w in windows.values()]
    return params


def _aggregate(
    choices: pl.DataFrame, flt: SalesFilter, totals: Callable[[dict[str, list]], pl.DataFrame]
) -> SalesAggregate:
    months = _months(choices, flt)
    windows = _windows(choices, flt)
    frame = totals(_window_params(windows)).cast(TOTALS_SCHEMA)  # type: ignore[arg-type]
    return SalesAggregate(totals=frame, months=months, windows=windows)


def load_choices(warehouse: Warehouse, flt: SalesFilter) -> pl.DataFrame:
    """Units (vehicles) per market, month, vehicle type and powertrain of the filter's
    source and brand, whatever its period and types: CHOICES_SCHEMA."""
    flt = SalesFilter(flt.source, flt.brand).validated()
    query = sql.over("marts/sales_choices", sales_rows=_rows_sql(flt))
    return warehouse.frame(query, _rows_params(flt)).cast(CHOICES_SCHEMA)  # type: ignore[arg-type]


def load_sales(warehouse: Warehouse, flt: SalesFilter) -> SalesAggregate:
    """The filter's `SalesAggregate`: one DuckDB scan for the totals (the months come
    from the source and brand's cached choices)."""
    flt = flt.validated()
    query = sql.over("marts/sales_totals", sales_rows=_rows_sql(flt))
    params = _rows_params(flt)
    return _aggregate(
        cached_choices(warehouse, flt),
        flt,
        lambda windows: warehouse.frame(query, {**params, **windows}),
    )


def aggregate_rows(rows: pl.DataFrame) -> SalesAggregate:
    """The `SalesAggregate` of sales rows already in memory (SALES_SCHEMA columns),
    through the same SQL marts in an in-memory DuckDB: for small data and tests."""
    if "brand" not in rows.columns:  # one reporting calendar for every row
        rows = rows.with_columns(pl.lit("all").alias("brand"))
    rows = rows.select(*SALES_SCHEMA).cast(SALES_SCHEMA)  # type: ignore[arg-type]
    choices = query_frames(sql.load("marts/sales_choices"), sales_rows=rows)
    return _aggregate(
        choices.cast(CHOICES_SCHEMA),  # type: ignore[arg-type]
        SalesFilter(),
        lambda windows: query_frames(sql.load("marts/sales_totals"), windows, sales_rows=rows),
    )


def load_trend(warehouse: Warehouse, flt: SalesFilter, *, market: str, model: str) -> pl.DataFrame:
    """Units (vehicles) of `model` in `market` per month with a row: year, month, units."""
    flt = flt.validated()
    query = sql.over("marts/sales_trend", sales_rows=_rows_sql(flt))
    params = {**_rows_params(flt), "market": market, "model": model}
    return warehouse.frame(query, params).cast(TREND_SCHEMA)  # type: ignore[arg-type]


# LRU caches keyed by file identity: a rebuild swaps in a new file (a new identity), so
# stale entries are never served; aggregates are immutable, so callbacks share them.
_SALES: LRUCache = LRUCache(maxsize=64)
_CHOICES: LRUCache = LRUCache(maxsize=16)
_TREND: LRUCache = LRUCache(maxsize=256)
_LOCK = Lock()


def cached_sales(warehouse: Warehouse, flt: SalesFilter) -> SalesAggregate:
    """`load_sales` memoised by file identity and filter spec."""
    return _cached_sales(warehouse, warehouse.identity(), flt.validated())


@cached(_SALES, key=lambda _wh, identity, flt: (identity, flt), lock=_LOCK)
def _cached_sales(warehouse: Warehouse, identity: FileIdentity, flt: SalesFilter) -> SalesAggregate:
    return load_sales(warehouse, flt)


def cached_choices(warehouse: Warehouse, flt: SalesFilter) -> pl.DataFrame:
    """`load_choices` memoised like `cached_sales`, per source and brand."""
    return _cached_choices(
        warehouse, warehouse.identity(), SalesFilter(flt.source, flt.brand).validated()
    )


@cached(_CHOICES, key=lambda _wh, identity, flt: (identity, flt), lock=_LOCK)
def _cached_choices(warehouse: Warehouse, identity: FileIdentity, flt: SalesFilter) -> pl.DataFrame:
    return load_choices(warehouse, flt)


def cached_trend(
    warehouse: Warehouse, flt: SalesFilter, *, market: str, model: str
) -> pl.DataFrame:
    """`load_trend` memoised like `cached_sales`."""
    return _cached_trend(warehouse, warehouse.identity(), flt.validated(), market, model)


@cached(
    _TREND, key=lambda _wh, identity, flt, market, model: (identity, flt, market, model), lock=_LOCK
)
def _cached_trend(
    warehouse: Warehouse, identity: FileIdentity, flt: SalesFilter, market: str, model: str
) -> pl.DataFrame:
    return load_trend(warehouse, flt, market=market, model=model)


def clear_caches() -> None:
    """Forget every memoised aggregate (benchmarks time the cold path with it)."""
    with _LOCK:
        for cache in (_SALES, _CHOICES, _TREND):
            cache.clear()
