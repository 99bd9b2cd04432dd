"""`carsight generate`: the deterministic synthetic data set (warehouse.sample)."""

from __future__ import annotations

from pathlib import Path

import click

from app.cli.common import progress_bar


@click.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    required=True,
    help="Folder to write the raw sample files into.",
)
@click.option("--seed", type=int, default=42, show_default=True, help="Random seed.")
@click.option(
    "--scale",
    type=float,
    default=1.0,
    show_default=True,
    help="Row multiplier for benchmarks (100 gives >10M fact rows, >1M customers).",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
def generate(out_dir: Path, seed: int, scale: float, quiet: bool) -> None:
    """Write a deterministic synthetic data set in the raw IR and customer formats."""
    from warehouse.sample import generate as run

    if scale <= 0:
        raise click.BadParameter("must be > 0", param_hint="--scale")
    with progress_bar(not quiet) as progress:
        paths = run(out_dir, seed=seed, scale=scale, progress=progress)
    click.echo(f"wrote {len(paths)} files under {out_dir}")
