"""The market explorer's reads: one small getter per page frame, each one SQL file under
warehouse/sql/marts/explorer_*.sql, aggregated in DuckDB (never fact rows).

The frames hold both brands and every month; the pages pick brand and period in
Polars (analytics.explorer.common), so one read per data version serves every filter.
Units: vehicles.
"""

from __future__ import annotations

import polars as pl

from analytics.explorer.competitors import COMPETITORS_SCHEMA, LOCAL_UNITS_SCHEMA
from analytics.explorer.exports import EXPORTS_SCHEMA
from analytics.explorer.models import MODELS_SCHEMA
from analytics.explorer.plants import PLANTS_SCHEMA
from analytics.explorer.retail import RETAIL_SCHEMA
from warehouse import sql
from warehouse.connection import Warehouse

# frame name -> (SQL file, schema)
FRAMES: dict[str, tuple[str, dict]] = {
    "exports": ("marts/explorer_exports", EXPORTS_SCHEMA),
    "models": ("marts/explorer_models", MODELS_SCHEMA),
    "plants": ("marts/explorer_plants", PLANTS_SCHEMA),
    "retail": ("marts/explorer_retail", RETAIL_SCHEMA),
    "competitors": ("marts/explorer_competitors", COMPETITORS_SCHEMA),
    "local_units": ("marts/explorer_local_units", LOCAL_UNITS_SCHEMA),
    "source_months": ("marts/explorer_source_months", {"year": pl.Int32, "month": pl.Int32}),
}


def load_frame(warehouse: Warehouse, name: str) -> pl.DataFrame:
    """The explorer frame `name` (a key of FRAMES) with its schema."""
    if name not in FRAMES:
        raise ValueError(f"unknown explorer frame {name!r}; valid: {', '.join(FRAMES)}")
    query, schema = FRAMES[name]
    return warehouse.frame(sql.load(query)).cast(schema)  # type: ignore[arg-type]
