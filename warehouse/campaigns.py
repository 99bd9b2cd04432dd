"""Read the recipients of a campaign (sql/marts/campaign_audience.sql).

Unlike the dealer page's masked contacts, this getter returns names and e-mail
addresses: only the e-mail sender uses it, never a page.
"""

from __future__ import annotations

import polars as pl

from warehouse import sql
from warehouse.connection import Warehouse

AUDIENCE_SCHEMA = {
    "customer_id": pl.Utf8, "brand": pl.Utf8, "name": pl.Utf8, "email": pl.Utf8,
    "market": pl.Utf8, "segment": pl.Utf8, "cluster": pl.Int64, "persona": pl.Utf8,
    "age": pl.Int64, "gender": pl.Utf8, "vehicle_class": pl.Utf8, "amount_krw": pl.Int64,
    "payment_method": pl.Utf8, "purchase_count": pl.Int64, "channel": pl.Utf8,
    "eco_friendly": pl.Boolean, "signup_date": pl.Date,
}  # fmt: skip


def load_campaign_audience(
    warehouse: Warehouse,
    *,
    brand: str,
    segment: str | None = None,
    cluster: int | None = None,
    market: str | None = None,
) -> pl.DataFrame:
    """Customers of `brand` with an e-mail address in the segment / type / market
    (None = any); columns AUDIENCE_SCHEMA. Empty before `carsight train`."""
    import duckdb

    params = {"brand": brand, "segment": segment, "cluster": cluster, "market": market}
    try:
        frame = warehouse.frame(sql.load("marts/campaign_audience"), params)
    except duckdb.CatalogException:  # not trained yet: no segment tables
        return pl.DataFrame(schema=AUDIENCE_SCHEMA)
    return frame.select(list(AUDIENCE_SCHEMA)).cast(AUDIENCE_SCHEMA, strict=False)  # type: ignore[arg-type]


def load_customer_types(warehouse: Warehouse, *, brand: str) -> pl.DataFrame:
    """cluster, persona, customers (count) of the brand; empty before `carsight train`."""
    import duckdb

    schema = {"cluster": pl.Int64, "persona": pl.Utf8, "customers": pl.Int64}
    try:
        frame = warehouse.frame(sql.load("marts/campaign_customer_types"), {"brand": brand})
    except duckdb.CatalogException:
        return pl.DataFrame(schema=schema)
    return frame.cast(schema)  # type: ignore[arg-type]


def load_segments(warehouse: Warehouse, *, brand: str) -> pl.DataFrame:
    """segment, customers (count) of the brand; empty before `carsight train`."""
    import duckdb

    schema = {"segment": pl.Utf8, "customers": pl.Int64}
    try:
        frame = warehouse.frame(sql.load("marts/campaign_segments"), {"brand": brand})
    except duckdb.CatalogException:
        return pl.DataFrame(schema=schema)
    return frame.cast(schema)  # type: ignore[arg-type]
