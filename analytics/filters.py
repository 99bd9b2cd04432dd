"""What the sales data offers to filter by: markets, months, vehicle types, powertrains."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from analytics.markets import market_totals
from analytics.months import ym_label

DEFAULT_MARKET = "Korea"


@dataclass(frozen=True)
class Choices:
    """What the data offers for a source and brand (all months, all types)."""

    markets: tuple[str, ...] = ()  # canonical order (warehouse.canonical.MARKETS)
    months: tuple[str, ...] = ()  # 'YYYY-MM', ascending
    vehicle_types: tuple[str, ...] = ()
    powertrains: tuple[str, ...] = ()

    def default_market(self) -> str | None:
        if DEFAULT_MARKET in self.markets:
            return DEFAULT_MARKET
        return self.markets[0] if self.markets else None


def choices(sales: pl.DataFrame) -> Choices:
    """The markets, months, vehicle types and powertrains present in `sales`."""
    months = (
        sales.lazy()
        .select(ym_label(pl.col("year"), pl.col("month")).unique().sort().alias("ym"))
        .collect()
        .get_column("ym")
        .to_list()
    )

    def distinct(column: str) -> tuple[str, ...]:
        return tuple(sales.get_column(column).drop_nulls().unique().sort().to_list())

    return Choices(
        markets=tuple(market_totals(sales).get_column("market").to_list()),
        months=tuple(months),
        vehicle_types=distinct("vehicle_type"),
        powertrains=distinct("powertrain"),
    )
