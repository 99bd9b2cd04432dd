"""Helpers every `carsight` command shares: settings, refusals, progress bars.

The command modules import this module; nothing here imports a command.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from app.settings import Settings, load_settings

EXIT_REFUSED = 2


def _console():  # rich is imported lazily: `carsight --help` stays fast
    from rich.console import Console

    return Console(stderr=True)


@contextmanager
def progress_bar(
    enabled: bool = True, console: Any = None
) -> Iterator[Callable[[str, int, int], None]]:
    """A rich progress bar driven by `callback(step, done, total)` calls.

    Steps (file names) are shown whole: the text column is as wide as the widest
    step and never wraps or cuts; the bar takes the room that is left.
    """
    if not enabled:
        yield lambda step, done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Column

    with Progress(
        TextColumn("{task.description}", table_column=Column(no_wrap=True)),
        BarColumn(bar_width=None),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console or _console(),
        transient=False,
    ) as bar:
        tasks: dict[str, int] = {}

        def update(step: str, done: int, total: int) -> None:
            phase = (
                step.split(":")[0]
                if ":" in step
                else ("reading files" if step.startswith(("reading", "files read")) else step)
            )
            if phase not in tasks:
                tasks[phase] = bar.add_task(phase, total=total)
            bar.update(tasks[phase], completed=done, total=total, description=step)

        yield update


class UsageRefused(click.ClickException):
    """A command line click cannot parse (unknown command or option, a value of the wrong
    type or range), shown like every other refusal: one `error:` line that names the
    option and where the help is, exit status 2 (click's own shows the usage line, a
    hint and the error on three)."""

    exit_code = EXIT_REFUSED

    def __init__(self, error: click.UsageError, command: str | None = None) -> None:
        super().__init__(error.format_message())
        # the root as the user types it, however the process was started (`python -c`);
        # click's parser leaves some errors (a value given to a flag: `--quick=yes`)
        # without a context, so the group passes the command it was starting
        path = error.ctx.command_path.split(" ")[1:] if error.ctx else []
        if not path and command:
            path = [command]
        self.command_path = " ".join(["carsight", *path])

    def show(self, file: Any = None) -> None:
        click.echo(
            f"error: {self.format_message()} (see '{self.command_path} --help')",
            err=True,
        )


class CarsightGroup(click.Group):
    """The `carsight` group: usage errors of the group and of every command are one line
    (UsageRefused)."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as error:
            raise UsageRefused(error) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            raise UsageRefused(error, ctx.invoked_subcommand) from None


def cli_settings(**overrides: object) -> Settings:
    try:
        return load_settings(**overrides)
    except Exception as exc:  # pydantic ValidationError or a bad carsight.toml
        raise click.ClickException(f"invalid settings: {exc}") from exc


def refuse(exc: Exception) -> None:
    # Plain text on one line: file names may contain [brackets] and must not wrap.
    click.echo(f"error: {exc}", err=True)
    sys.exit(EXIT_REFUSED)


def require_warehouse(db: Path) -> None:
    """Refuse (exit 2) when the warehouse file a command reads does not exist."""
    if not db.is_file():
        from warehouse.errors import FileRefused

        refuse(
            FileRefused(
                db,
                "the warehouse file does not exist",
                hint="Run `carsight build` first, or pass --db.",
            )
        )


def print_report(report: object, limit: int = 40) -> None:
    """Warnings one per line (file: detail), then a count of info notes per check."""
    dq = report.data_quality  # type: ignore[attr-defined]
    warnings = dq.filter(dq["severity"] == "warning")
    for row in warnings.head(limit).iter_rows(named=True):
        where = Path(row["source_file"]).name if row["source_file"] else "warehouse"
        click.echo(f"WARNING {row['check_name']} {where}: {row['detail']}", err=True)
    if warnings.height > limit:
        click.echo(
            f"... {warnings.height - limit} more warnings: "
            "select * from data_quality where severity = 'warning'",
            err=True,
        )
    infos = dq.filter(dq["severity"] == "info").group_by("check_name").len().sort("check_name")
    if infos.height:
        click.echo(
            "info: "
            + ", ".join(f"{r['check_name']} x{r['len']}" for r in infos.iter_rows(named=True))
            + " (see the data_quality table)",
            err=True,
        )
    for skipped in report.files_skipped:  # type: ignore[attr-defined]
        click.echo(f"skipped {skipped}", err=True)
    click.echo(
        f"warehouse {report.db_path}: {report.files_loaded} files, "  # type: ignore[attr-defined]
        f"{report.fact_rows:,} fact rows, {report.rejected_rows:,} rejected rows, "  # type: ignore[attr-defined]
        f"{report.seconds:.1f}s"  # type: ignore[attr-defined]
    )


def load_options(func: Callable) -> Callable:
    """Options shared by `build` and `ingest`."""
    for option in reversed(
        [
            click.option(
                "--db", type=click.Path(path_type=Path), help="Warehouse file [env CARSIGHT_DB]."
            ),
            click.option(
                "--brand",
                type=click.Choice(["Hyundai", "Kia"], case_sensitive=False),
                help="Brand for files whose header and name do not tell it; a file that "
                "tells another brand is refused.",
            ),
            click.option(
                "--year",
                type=int,
                help="Year for files whose name and content do not tell it; a file that "
                "tells another year is refused.",
            ),
            click.option(
                "--force-brand",
                type=click.Choice(["Hyundai", "Kia"], case_sensitive=False),
                help="Relabel every file as this brand (warned, recorded in load_log).",
            ),
            click.option(
                "--force-year",
                type=int,
                help="Relabel every file without a year column as this year (warned, recorded).",
            ),
            click.option(
                "--encoding",
                help="Encoding of CSV files that are not UTF-8, e.g. latin-1 [default: CP949].",
            ),
            click.option("--quiet", is_flag=True, help="No progress bar."),
        ]
    ):
        func = option(func)
    return func


def load_flags(options: dict[str, object]):  # -> warehouse.claims.Flags
    """The labelling options of `build`/`ingest` (see `load_options`) as Flags."""
    from warehouse.claims import Flags
    from warehouse.textio import check_encoding_name

    encoding = options.get("encoding")
    if encoding is not None:
        try:
            check_encoding_name(str(encoding))
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--encoding") from None
    names = ("brand", "year", "force_brand", "force_year", "encoding")
    return Flags(**{k: options.get(k) for k in names})  # type: ignore[arg-type]
