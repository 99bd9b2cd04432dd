"""`carsight build`: rebuild the warehouse from raw folders (warehouse.build)."""

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
@click.argument("raw_dirs", nargs=-1, type=click.Path(path_type=Path))
@load_options
@click.pass_context
def build(
    ctx: click.Context,
    raw_dirs: tuple[Path, ...],
    db: Path | None,
    quiet: bool,
    **options: object,
) -> None:
    """Rebuild the warehouse from every file under RAW_DIRS.

    With no RAW_DIRS, the built-in sample data set is generated first, so a
    fresh clone works offline. The new warehouse replaces the old one only
    when everything loaded; on any error the previous warehouse is unchanged.
    """
    from warehouse.build import build as run
    from warehouse.errors import FileRefused

    settings = cli_settings(db=db)
    flags = load_flags(options)
    dirs = list(raw_dirs)
    with progress_bar(not quiet) as progress:
        if not dirs:
            from warehouse.sample import generate as gen

            gen(settings.sample_dir, seed=settings.sample_seed, scale=1.0, progress=progress)
            dirs = [settings.sample_dir]
        try:
            report = run(
                dirs,
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
