"""Summary of what the warehouse holds (for the data page)."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from warehouse import status
from warehouse.connection import Warehouse


@dataclass(frozen=True)
class WarehouseStatus:
    files: int
    fact_rows: int
    rejected_rows: int
    warnings: int
    data_quality: pl.DataFrame
    load_log: pl.DataFrame


def warehouse_status(*, warehouse: Warehouse) -> WarehouseStatus:
    """Files loaded, fact rows, quarantined rows and warnings (counts), with the data-quality
    report and the load log (warehouse.status)."""
    counts = status.load_counts(warehouse)
    return WarehouseStatus(
        counts["files"],
        counts["fact_rows"],
        counts["rejected_rows"],
        counts["warnings"],
        status.load_data_quality(warehouse),
        status.load_files(warehouse),
    )
