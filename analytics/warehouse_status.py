"""Summary of what the warehouse holds (for the data page)."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

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
    counts = warehouse.frame(
        "select (select count(*) from load_log where status = 'loaded') as files, "
        "(select count(*) from fact_sales) as fact_rows, "
        "(select count(*) from rejected_rows) as rejected_rows, "
        "(select count(*) from data_quality where severity = 'warning') as warnings"
    )
    dq = warehouse.frame(
        "select severity, check_name, source_file, detail from data_quality "
        "order by severity desc, check_name, source_file"
    )
    log = warehouse.frame(
        "select source_file, format, brand, encoding, status, rows_read, "
        "rows_loaded, rows_rejected, fact_rows from load_log "
        "order by source_file"
    )
    row = counts.row(0, named=True)
    return WarehouseStatus(
        row["files"], row["fact_rows"], row["rejected_rows"], row["warnings"], dq, log
    )
