"""The warehouse as a Parquet lake: exported Hive-partitioned, read back through DuckDB.

`export_parquet(db, out_dir)` writes every table of a warehouse file as Parquet
(`fact_sales` partitioned by brand, year and flow; `customers` by brand; the rest
one file each) plus `_carsight_lake.json`, the manifest naming each table's
columns and types. The export goes to a new folder renamed into place, so a reader
never sees half a lake.

`Lake(url)` is a read-only warehouse over such a folder or an S3-compatible
prefix (`s3://bucket/prefix`): an in-memory DuckDB whose tables are views over
`read_parquet` (cast back to the warehouse's types, in its column order) and whose
analyst views are the warehouse's own (`warehouse/sql/views`). Object storage is
read through fsspec/s3fs registered with DuckDB (DuckDB's httpfs extension needs a
download; s3fs is a Python package, the `scale` extra). Every app node can open
the same lake: nothing is written to it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from warehouse import sql
from warehouse.connection import FileIdentity, Warehouse, _Opened, open_read_only
from warehouse.errors import FileRefused

MANIFEST = "_carsight_lake.json"
PARTITIONS: dict[str, tuple[str, ...]] = {
    "fact_sales": ("brand", "year", "flow"),
    "customers": ("brand",),
}
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_TYPE = re.compile(r"^[A-Z][A-Z0-9_]*(\(\d+(, ?\d+)?\))?(\[\])?$")


def _quoted(name: str) -> str:
    """An identifier from the manifest, checked: letters, digits and underscores only."""
    if not _IDENTIFIER.match(name):
        raise ValueError(f"not a plain identifier in the lake manifest: {name!r}")
    return f'"{name}"'


def _checked_type(type_name: str) -> str:
    if not _TYPE.match(type_name):
        raise ValueError(f"not a plain column type in the lake manifest: {type_name!r}")
    return type_name


def export_parquet(db: Path, out_dir: Path) -> dict[str, Any]:
    """Write the warehouse at `db` as a Parquet lake at `out_dir`; returns the manifest.

    `out_dir` must be absent, empty, or an earlier lake (it is replaced whole).
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / MANIFEST).is_file():
        raise FileRefused(
            out_dir,
            "the folder is not empty and holds no CarSight lake",
            hint="Choose a new or empty folder (an earlier lake is replaced whole).",
        )
    con = open_read_only(Path(db))
    staging = out_dir.with_name(f".{out_dir.name}.{secrets.token_hex(4)}.tmp")
    staging.mkdir(parents=True)
    try:
        tables: dict[str, Any] = {}
        names = [
            r[0]
            for r in con.sql(
                "select table_name from duckdb_tables() "
                "where database_name = 'wh' and schema_name = 'main' order by table_name"
            ).fetchall()
        ]
        for table in names:
            columns = [
                (name, type_name)
                for name, type_name, *_ in con.sql(f"describe {_quoted(table)}").fetchall()
            ]
            rows = int(con.sql(f"select count(*) from {_quoted(table)}").fetchall()[0][0])
            partition = [c for c in PARTITIONS.get(table, ()) if c in dict(columns)]
            target = staging / table
            if rows:
                if partition:
                    con.execute(
                        f"copy {_quoted(table)} to '{target}' (format parquet, "
                        f"partition_by ({', '.join(map(_quoted, partition))}))"
                    )
                else:
                    target.mkdir()
                    con.execute(
                        f"copy {_quoted(table)} to '{target / 'data.parquet'}' (format parquet)"
                    )
            tables[table] = {"columns": columns, "partition_by": partition, "rows": rows}
        manifest = {
            "format": 1,
            "export_id": secrets.token_hex(8),
            "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "source": str(db),
            "tables": tables,
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        con.close()
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.{secrets.token_hex(4)}.old")
        out_dir.rename(old)
        staging.rename(out_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(out_dir)
    return manifest


@dataclass(frozen=True)
class S3Options:
    """Where an S3-compatible store answers; credentials come from the environment
    (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, as boto reads them), never from code."""

    endpoint_url: str | None = None
    region: str | None = None


class Lake(Warehouse):
    """A read-only warehouse over a Parquet lake (a folder or `s3://bucket/prefix`)."""

    def __init__(self, url: str, s3: S3Options | None = None) -> None:
        super().__init__(Path(url.split("://", 1)[-1]))
        self.url = url.rstrip("/")
        self.s3 = s3 or S3Options()
        self._manifest: dict[str, Any] | None = None
        self._manifest_lock = threading.Lock()

    # --- reading the manifest and the files ------------------------------------------

    def _filesystem(self) -> Any:
        if not self.url.startswith("s3://"):
            return None
        import s3fs  # the `scale` extra

        kwargs: dict[str, Any] = {}
        if self.s3.endpoint_url:
            kwargs["endpoint_url"] = self.s3.endpoint_url
        if self.s3.region:
            kwargs["client_kwargs"] = {"region_name": self.s3.region}
        return s3fs.S3FileSystem(**kwargs)

    def manifest(self) -> dict[str, Any]:
        with self._manifest_lock:
            if self._manifest is None:
                self._manifest = self._read_manifest()
            return self._manifest

    def _read_manifest(self) -> dict[str, Any]:
        where = f"{self.url}/{MANIFEST}"
        try:
            fs = self._filesystem()
            if fs is None:
                text = Path(where).read_text(encoding="utf-8")
            else:
                with fs.open(where, "r", encoding="utf-8") as handle:
                    text = handle.read()
        except (OSError, ValueError) as exc:
            raise FileRefused(
                Path(where),
                f"no CarSight lake manifest could be read ({exc.__class__.__name__}: {exc})",
                hint="Run `carsight export-parquet DIR` and point --lake at DIR "
                "(or the bucket prefix it was copied to).",
            ) from None
        manifest = json.loads(text)
        if manifest.get("format") != 1:
            raise FileRefused(Path(where), f"unknown lake format {manifest.get('format')!r}")
        return manifest  # type: ignore[no-any-return]

    def identity(self) -> FileIdentity:
        """The lake's identity for caches: its URL and export id (a new export, new key)."""
        return self.url, int(self.manifest()["export_id"], 16)

    # --- the DuckDB connection: one, opened on first use, never swapped ---------------

    def _acquire(self) -> _Opened:
        with self._lock:
            if self._newest is None:
                self._newest = _Opened(self.identity(), self._open())
            self._newest.users += 1
            return self._newest

    def _open(self) -> duckdb.DuckDBPyConnection:
        manifest = self.manifest()
        con = duckdb.connect()
        fs = self._filesystem()
        if fs is not None:
            con.register_filesystem(fs)
        con.execute("attach ':memory:' as wh")
        con.execute("use wh")
        for table, spec in manifest["tables"].items():
            con.execute(self._view_sql(table, spec))
        for view in sql.view_names():
            con.execute(sql.load(view))
        return con

    def _view_sql(self, table: str, spec: dict[str, Any]) -> str:
        columns = ", ".join(
            f"cast({_quoted(name)} as {_checked_type(type_name)}) as {_quoted(name)}"
            for name, type_name in spec["columns"]
        )
        if not spec["rows"]:  # no files were written: an empty view of the same columns
            empty = ", ".join(
                f"cast(null as {_checked_type(type_name)}) as {_quoted(name)}"
                for name, type_name in spec["columns"]
            )
            return f"create view {_quoted(table)} as select {empty} where false"
        pattern = f"{self.url}/{table}/**/*.parquet".replace("'", "''")
        hive = "true" if spec["partition_by"] else "false"
        return (
            f"create view {_quoted(table)} as select {columns} "
            f"from read_parquet('{pattern}', hive_partitioning = {hive})"
        )
