"""Pseudonymous ids: a keyed hash in place of a customer's or prospect's real id.

Customer ids in the source files are login handles (`H-aaronwalsh`), and a prospect's
id carries the user id typed at the counter. Views show `C-` / `P-` plus 16 hex digits
of sha256(key:id) instead: stable for one key (so a table, a chart and an export agree),
meaningless without it. The key comes from the app (`app.security.keys`), never from code.
"""

from __future__ import annotations

import duckdb
import polars as pl

from warehouse import sql
from warehouse.connection import query_frame


def pseudonymize(frame: pl.DataFrame, *, column: str, prefix: str, key: str) -> pl.DataFrame:
    """`frame` with `column` replaced by its pseudonym (same position and name)."""
    if column not in frame.columns or frame.is_empty():
        return frame
    ids = frame.select(pl.col(column).cast(pl.Utf8).unique().drop_nulls().alias("id"))
    con = duckdb.connect()
    try:
        con.register("ids", ids.to_arrow())
        mapping = query_frame(con, sql.load("pii/pseudonyms"), {"prefix": prefix, "key": key})
    finally:
        con.close()
    order = frame.columns
    return (
        frame.join(
            mapping,
            left_on=pl.col(column).cast(pl.Utf8),
            right_on="id",
            how="left",
            maintain_order="left",
        )
        .drop(column)
        .rename({"pseudonym": column})
        .select(order)
    )
