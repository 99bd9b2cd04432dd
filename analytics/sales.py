"""The sales frame every strategy view starts from.

`load_sales` is the only function here that touches the warehouse; everything
else in `analytics/` is a pure function of the frame it returns:

    brand, market, model, vehicle_type, powertrain: str
    year: int, month: int
    units: int        vehicles (customer source: purchases)
    amount_krw: int   transaction amounts, KRW (customer source only; else null)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import polars as pl

from warehouse import canonical, sql
from warehouse.connection import BoundedMemo, Warehouse, file_key

Brand = Literal["Hyundai", "Kia", "all"]
# Sources with market x model detail. Each is used alone: adding flows together
# would count the same car twice (e.g. Kia US retail and Kia US plant sales).
SOURCES: tuple[str, ...] = (
    "customers", "overseas_retail", "eu_retail", "domestic_sales", "overseas_plant_sales",
)  # fmt: skip
BRANDS: tuple[str, ...] = ("all", "Hyundai", "Kia")
SALES_SCHEMA = {
    "brand": pl.Utf8, "market": pl.Utf8, "model": pl.Utf8, "vehicle_type": pl.Utf8,
    "powertrain": pl.Utf8, "year": pl.Int32, "month": pl.Int32, "units": pl.Int64,
    "amount_krw": pl.Int64,
}  # fmt: skip


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


def load_sales(warehouse: Warehouse, flt: SalesFilter) -> pl.DataFrame:
    """Monthly units per brand, market and model for the filter (see module doc)."""
    flt = flt.validated()
    params = {
        "brand": flt.brand,
        "from_ym": parse_year_month(flt.period_from) if flt.period_from else 0,
        "to_ym": parse_year_month(flt.period_to) if flt.period_to else 999_999,
    }
    if flt.source == "customers":
        frame = warehouse.frame(sql.load("marts/sales_customers"), params)
    else:
        frame = warehouse.frame(sql.load("marts/sales_flow"), {**params, "flow": flt.source})
    frame = frame.cast(SALES_SCHEMA)  # type: ignore[arg-type]
    if flt.vehicle_types:
        frame = frame.filter(pl.col("vehicle_type").is_in(list(flt.vehicle_types)))
    if flt.powertrains:
        frame = frame.filter(pl.col("powertrain").is_in(list(flt.powertrains)))
    return frame


def empty_sales() -> pl.DataFrame:
    return pl.DataFrame(schema=SALES_SCHEMA)


_SALES_MEMO = BoundedMemo(limit=64)


def cached_sales(warehouse: Warehouse, flt: SalesFilter) -> pl.DataFrame:
    """`load_sales` memoised by warehouse file (path + inode) and filter spec.

    A rebuild swaps in a new file (new inode), so stale entries are never served.
    Frames are immutable, so sharing them between callbacks is safe.
    """
    flt = flt.validated()
    return _SALES_MEMO.get((file_key(warehouse), flt), lambda: load_sales(warehouse, flt))
