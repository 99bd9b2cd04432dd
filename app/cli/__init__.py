"""The `carsight` command line. Every sub-command has `--help`.

Long steps show a progress bar. Errors are printed as one clear message with
the file, line and column where known, and the process exits non-zero.

One module per command; the helpers they share live in `app.cli.common`. This
module only gathers the commands into the `carsight` group (`app.cli:main`).
"""

from __future__ import annotations

import click

from app.cli.analyze import analyze
from app.cli.bench import bench
from app.cli.build import build
from app.cli.common import EXIT_REFUSED, CarsightGroup
from app.cli.email import email
from app.cli.export_parquet import export_parquet
from app.cli.forecast import forecast
from app.cli.generate import generate
from app.cli.ingest import ingest
from app.cli.predict import predict
from app.cli.report import report
from app.cli.schedule import schedule
from app.cli.serve import serve
from app.cli.sql import sql
from app.cli.train import train
from app.cli.users import users
from app.cli.watch import watch


@click.group(cls=CarsightGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="carsight")
def main() -> None:
    """CarSight: Hyundai/Kia sales strategy on a DuckDB warehouse."""


for _command in (
    generate,
    build,
    ingest,
    serve,
    analyze,
    train,
    forecast,
    predict,
    report,
    email,
    schedule,
    watch,
    sql,
    users,
    bench,
    export_parquet,
):
    main.add_command(_command)

__all__ = ["EXIT_REFUSED", "main"]
