"""What the warehouse holds, for the data page: counts, the data-quality report, the files.

Each read is one SQL file under `sql/marts/warehouse_status_*.sql`.
"""

from __future__ import annotations

import polars as pl

from warehouse import sql
from warehouse.connection import Warehouse


def load_counts(warehouse: Warehouse) -> dict[str, int]:
    """files (loaded), fact_rows, rejected_rows and warnings (data-quality warnings)."""
    row = warehouse.frame(sql.load("marts/warehouse_status_counts")).row(0, named=True)
    return {name: int(value) for name, value in row.items()}


def load_data_quality(warehouse: Warehouse) -> pl.DataFrame:
    """severity, check_name, source_file, detail: warnings first."""
    return warehouse.frame(sql.load("marts/warehouse_status_quality"))


def load_files(warehouse: Warehouse) -> pl.DataFrame:
    """One row per file read: format, brand, encoding, status and its row counts."""
    return warehouse.frame(sql.load("marts/warehouse_status_files"))
