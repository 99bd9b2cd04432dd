"""Warehouse tables written by `carsight train`: customer_segments and customer_clusters.

They are written through `warehouse.build.write_trained` (copy the warehouse,
replace the tables, swap the copy in atomically), and a rebuild or ingest
carries them over (`carry_over`) for the customers that still exist, so a
rebuild never silently drops trained results. Table names come only from
TRAINED_TABLES.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from warehouse import sql
from warehouse.connection import Warehouse, open_read_only, query_frame

TRAINED_TABLES: tuple[str, ...] = ("customer_segments", "customer_clusters")
SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "customer_segments": {
        "customer_id": pl.Utf8(), "brand": pl.Utf8(), "recency_days": pl.Int32(),
        "frequency": pl.Int32(), "monetary_krw": pl.Int64(), "r_score": pl.Int8(),
        "f_score": pl.Int8(), "m_score": pl.Int8(), "segment": pl.Utf8(),
        "model_version": pl.Utf8(),
    },
    "customer_clusters": {
        "customer_id": pl.Utf8(), "brand": pl.Utf8(), "cluster": pl.Int16(),
        "persona": pl.Utf8(), "model_version": pl.Utf8(),
    },
}  # fmt: skip


def _check(name: str) -> str:
    if name not in TRAINED_TABLES:
        raise ValueError(f"{name!r} is not a trained table; valid: {', '.join(TRAINED_TABLES)}")
    return name


def conform_to(schema: dict[str, pl.DataType], name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with exactly the columns and types of `schema` (missing columns refused)."""
    missing = [c for c in schema if c not in frame.columns]
    if missing:
        raise ValueError(f"{name}: frame lacks column(s) {missing}")
    return frame.select(list(schema)).cast(schema)  # type: ignore[arg-type]


def conform(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with exactly the columns and types of trained table `name`."""
    return conform_to(SCHEMAS[_check(name)], name, frame)


def create_tables(con: duckdb.DuckDBPyConnection, names: tuple[str, ...] = TRAINED_TABLES) -> None:
    """(Re)create empty trained tables from their DDL."""
    recreate_tables(con, tuple(_check(name) for name in names))


def recreate_tables(con: duckdb.DuckDBPyConnection, names: tuple[str, ...]) -> None:
    """Drop and create tables `names` (an allow-list from code) from sql/build/<name>.sql."""
    for name in names:
        con.execute(f"drop table if exists {name}")  # name: allow-list
        con.execute(sql.load(f"build/{name}"))


def insert_known(con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame) -> int:
    """Insert rows of `frame` whose customer_id is in `customers`; returns rows inserted."""
    if frame.height == 0:
        return 0
    insert_frame(
        con,
        _check(name),
        conform(name, frame),
        where="where customer_id in (select customer_id from customers)",
    )
    return int(query_frame(con, f"select count(*) as n from {name}").item(0, "n"))


def insert_frame(
    con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame, *, where: str = ""
) -> None:
    """Insert `frame` into table `name` by column name; `name` and `where` come from code."""
    con.register("table_frame", frame.to_arrow())
    try:
        con.execute(f"insert into {name} by name select * from table_frame {where}")
    finally:
        con.unregister("table_frame")


def replace_tables(
    con: duckdb.DuckDBPyConnection, tables: dict[str, pl.DataFrame]
) -> dict[str, int]:
    """Replace each named trained table by its frame; returns rows written per table."""
    for name in tables:
        _check(name)
    create_tables(con, tuple(tables))
    return {name: insert_known(con, name, frame) for name, frame in tables.items()}


def read_trained(db_path: Path) -> dict[str, pl.DataFrame]:
    """The trained tables of the warehouse at `db_path` ({} when it has none or is unreadable)."""
    return read_tables(db_path, TRAINED_TABLES)


def read_tables(db_path: Path, names: tuple[str, ...]) -> dict[str, pl.DataFrame]:
    """Tables `names` (an allow-list from code) of the warehouse at `db_path`, where present.

    An unreadable previous warehouse must not stop a rebuild, which is how one
    recovers from it; its derived tables are then simply not carried over ({}).
    """
    if not Path(db_path).is_file():
        return {}
    try:
        con = open_read_only(db_path)
    except (duckdb.Error, OSError):
        return {}
    try:
        present = set(
            query_frame(
                con, "select table_name from information_schema.tables where table_catalog = 'wh'"
            )
            .get_column("table_name")
            .to_list()
        )
        return {
            name: query_frame(con, f"select * from {name}")  # name: allow-list
            for name in names
            if name in present
        }
    except duckdb.Error:
        return {}
    finally:
        con.close()


def carry_over(
    con: duckdb.DuckDBPyConnection, previous: dict[str, pl.DataFrame]
) -> dict[str, tuple[int, int]]:
    """Create the trained tables in a new warehouse and re-insert `previous` rows.

    Only rows whose customer_id is in the new `customers` table are kept.
    Returns {table: (rows kept, rows dropped)} for the tables that had rows.
    """
    create_tables(con)
    out = {}
    for name, frame in previous.items():
        if name in TRAINED_TABLES and frame.height:
            kept = insert_known(con, name, frame)
            out[name] = (kept, frame.height - kept)
    return out


def load_training_input(db_path: Path) -> pl.DataFrame:
    """Every customer's PII-free profile (see sql/marts/segmentation_input.sql)."""
    con = open_read_only(db_path)
    try:
        return query_frame(con, sql.load("marts/segmentation_input"))
    finally:
        con.close()


def load_dealer_customers(warehouse: Warehouse, *, brand: str = "all") -> pl.DataFrame:
    """Profiles with segment and cluster columns (see sql/marts/dealer_customers.sql).

    `brand`: 'Hyundai', 'Kia' or 'all'. Amounts in KRW, recency in days.
    """
    return warehouse.frame(sql.load("marts/dealer_customers"), {"brand": brand})


def find_customers(
    warehouse: Warehouse, *, brand: str, kind: str, value: str, suffix_min: int = 8
) -> pl.DataFrame:
    """Up to 5 of `brand`'s customers matching a counter lookup (sql/marts/customer_lookup.sql):
    `kind` 'email' | 'phone' | 'id' with the normalised `value`
    (analytics.predict.lookup). PII-free profile, segment, type and history; newest
    purchase first. Amounts in KRW, recency in days."""
    if kind not in ("email", "phone", "id"):
        raise ValueError(f"unknown lookup kind {kind!r}; expected email, phone or id")
    return warehouse.frame(
        sql.load("marts/customer_lookup"),
        {"brand": brand, "kind": kind, "value": value, "suffix_min": suffix_min},
    )


def load_dealer_contacts(warehouse: Warehouse, *, brand: str, masked: bool = True) -> pl.DataFrame:
    """Customer ids with phone, e-mail and address, masked in DuckDB unless `masked` is
    False (sql/marts/dealer_contacts*.sql), so masked values are all the app ever holds
    for someone who may not see them."""
    name = "marts/dealer_contacts" if masked else "marts/dealer_contacts_full"
    return warehouse.frame(sql.load(name), {"brand": brand})
