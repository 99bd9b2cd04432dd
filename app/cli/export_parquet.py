"""`carsight export-parquet`: the warehouse as a Hive-partitioned Parquet lake."""

from __future__ import annotations

from pathlib import Path

import click

from app.cli.common import cli_settings, refuse, require_warehouse


@click.command("export-parquet")
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option("--db", type=click.Path(path_type=Path), help="Warehouse file [env CARSIGHT_DB].")
def export_parquet(out_dir: Path, db: Path | None) -> None:
    """Write the warehouse as Parquet under OUT_DIR: fact_sales partitioned by brand, year
    and flow (Hive style), customers by brand, every other table one file, and a manifest.
    Serve it with `carsight serve --lake OUT_DIR`, or copy it to object storage and serve
    `--lake s3://bucket/prefix`.
    """
    from warehouse.errors import FileRefused
    from warehouse.lake import export_parquet as export

    settings = cli_settings(db=db)
    require_warehouse(settings.db)
    try:
        manifest = export(settings.db, out_dir)
    except FileRefused as exc:
        refuse(exc)
        return
    tables = manifest["tables"]
    rows = sum(t["rows"] for t in tables.values())
    click.echo(
        f"lake {out_dir}: {len(tables)} tables, {rows:,} rows "
        f"(fact_sales {tables['fact_sales']['rows']:,}, partitioned by "
        f"{', '.join(tables['fact_sales']['partition_by'])})"
    )
