"""`carsight watch INBOX_DIR`: load files copied into a folder, then move them to
processed/ or failed/ (warehouse.inbox)."""

from __future__ import annotations

import time
from pathlib import Path

import click

from app.cli.common import cli_settings, refuse, require_warehouse


@click.command()
@click.argument("inbox", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--interval", type=float, default=5.0, show_default=True, help="Seconds between looks."
)
@click.option("--once", is_flag=True, help="Load what is there now, then exit.")
@click.option("--db", type=click.Path(path_type=Path), help="Warehouse file [env CARSIGHT_DB].")
def watch(inbox: Path, interval: float, once: bool, db: Path | None) -> None:
    """Ingest every .csv/.xlsx copied into INBOX; loaded files go to INBOX/processed,
    refused ones to INBOX/failed with a <name>.error.txt saying why."""
    from warehouse.inbox import watch_once

    settings = cli_settings(db=db)
    require_warehouse(settings.db)
    if not inbox.is_dir():
        refuse(ValueError(f"{inbox}: no such folder; create it or name another"))
    if interval <= 0:
        refuse(ValueError("--interval must be > 0 seconds"))
    click.echo(f"watching {inbox} (Ctrl+C stops)" if not once else f"loading {inbox}")
    try:
        while True:
            for result in watch_once(inbox, db=settings.db, ops_db=settings.ops_db):
                detail = result.message or (
                    f"{result.format}: {result.rows_loaded:,} rows loaded, "
                    f"{result.rows_rejected:,} rejected"
                )
                click.echo(f"{result.status}\t{result.name}\t{detail}")
            if once:
                return
            time.sleep(interval)
    except KeyboardInterrupt:
        click.echo("stopped")
