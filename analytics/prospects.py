"""Prospects: people registered at the dealer counter who have not bought yet.

They live in the operational store (warehouse.opstore) and reach the warehouse
as the `prospects` table at every build; they are never purchases, so no sales,
RFM segment or customer type counts them. The dealer page lists them live.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from warehouse import opstore

PROSPECT_COLUMNS = (
    "prospect_id", "signup_date", "market", "vehicle_class", "model", "budget_krw",
    "predicted_segment", "predicted_tier", "tier_probability", "model_version",
)  # fmt: skip


def load_prospects(ops_db: Path, *, brand: str, market: str | None = None) -> pl.DataFrame:
    """The brand's prospects (in `market` when given), newest prediction first.

    Columns PROSPECT_COLUMNS: budget_krw in KRW, tier_probability 0-1 (the
    calibrated probability of the predicted value tier; null for prospects
    registered before value tiers), signup_date a Date. No name, phone, e-mail or
    address.
    """
    frame = opstore.read_prospects(ops_db).filter(pl.col("brand") == brand)
    if market:
        frame = frame.filter(pl.col("market") == market)
    return frame.sort(["predicted_at", "prospect_id"], descending=[True, False]).select(
        PROSPECT_COLUMNS
    )


def prospect_table(prospects: pl.DataFrame) -> pl.DataFrame:
    """The dealer's prospect list: `load_prospects` columns with signup_date as text;
    the segment (신규 by definition for a prospect with no purchases) and the value
    potential tier with its probability (0-1) as predicted at registration."""
    return prospects.with_columns(pl.col("signup_date").cast(pl.Utf8)).select(
        "prospect_id", "signup_date", "market", "vehicle_class", "model", "budget_krw",
        "predicted_segment", "predicted_tier", "tier_probability", "model_version",
    )  # fmt: skip
