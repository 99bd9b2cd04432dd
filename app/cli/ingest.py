"""`carsight ingest`: add files to an existing warehouse (warehouse.build)."""

from __future__ import annotations

from pathlib import Path

import click

from app.cli.common import (
    cli_settings,
    load_flags,
    load_options,
    print_report,
    progress_bar,
    refuse,
)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@load_options
@click.pass_context
def ingest(
    ctx: click.Context,
    files: tuple[Path, ...],
    db: Path | None,
    quiet: bool,
    **options: object,
) -> None:
    """Add FILES to an existing warehouse. Loading the same file twice adds nothing."""
    from warehouse.build import ingest as run
    from warehouse.errors import FileRefused

    settings = cli_settings(db=db)
    flags = load_flags(options)
    with progress_bar(not quiet) as progress:
        try:
            report = run(
                list(files),
                settings.db,
                ops_db=settings.ops_db,
                flags=flags,
                progress=progress,
                storage_version=settings.storage_version,
            )
        except FileRefused as exc:
            refuse(exc)
            return
    print_report(report)
