"""The `carsight` command line. Every sub-command has `--help`.

Long steps show a progress bar. Errors are printed as one clear message with
the file, line and column where known, and the process exits non-zero.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from app.settings import Settings, load_settings

EXIT_REFUSED = 2


def _console():  # rich is imported lazily: `carsight --help` stays fast
    from rich.console import Console

    return Console(stderr=True)


@contextmanager
def progress_bar(enabled: bool = True) -> Iterator[Callable[[str, int, int], None]]:
    """A rich progress bar driven by `callback(step, done, total)` calls."""
    if not enabled:
        yield lambda step, done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description:<45}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_console(),
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
            bar.update(tasks[phase], completed=done, total=total, description=step[:45])

        yield update


def _settings(ctx: click.Context, **overrides: object) -> Settings:
    try:
        return load_settings(**overrides)
    except Exception as exc:  # pydantic ValidationError or a bad carsight.toml
        raise click.ClickException(f"invalid settings: {exc}") from exc


def _refused(exc: Exception) -> None:
    # Plain text on one line: file names may contain [brackets] and must not wrap.
    click.echo(f"error: {exc}", err=True)
    sys.exit(EXIT_REFUSED)


def _require_warehouse(db: Path) -> None:
    """Refuse (exit 2) when the warehouse file a command reads does not exist."""
    if not db.is_file():
        from warehouse.errors import FileRefused

        _refused(
            FileRefused(
                db,
                "the warehouse file does not exist",
                hint="Run `carsight build` first, or pass --db.",
            )
        )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="carsight")
def main() -> None:
    """CarSight: Hyundai/Kia sales strategy on a DuckDB warehouse."""


@main.command()
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
    from warehouse.generate import generate as run

    if scale <= 0:
        raise click.BadParameter("must be > 0", param_hint="--scale")
    with progress_bar(not quiet) as progress:
        paths = run(out_dir, seed=seed, scale=scale, progress=progress)
    click.echo(f"wrote {len(paths)} files under {out_dir}")


def _print_report(report: object, limit: int = 40) -> None:
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


def _load_options(func: Callable) -> Callable:
    """Options shared by `build` and `ingest`."""
    for option in reversed(
        [
            click.option(
                "--db", type=click.Path(path_type=Path), help="Warehouse file [env CARSIGHT_DB]."
            ),
            click.option(
                "--brand",
                type=click.Choice(["Hyundai", "Kia"]),
                help="Brand for files whose header and name do not tell it.",
            ),
            click.option(
                "--year", type=int, help="Year for files whose name and content do not tell it."
            ),
            click.option("--quiet", is_flag=True, help="No progress bar."),
        ]
    ):
        func = option(func)
    return func


@main.command()
@click.argument("raw_dirs", nargs=-1, type=click.Path(path_type=Path))
@_load_options
@click.pass_context
def build(
    ctx: click.Context,
    raw_dirs: tuple[Path, ...],
    db: Path | None,
    brand: str | None,
    year: int | None,
    quiet: bool,
) -> None:
    """Rebuild the warehouse from every file under RAW_DIRS.

    With no RAW_DIRS, the built-in sample data set is generated first, so a
    fresh clone works offline. The new warehouse replaces the old one only
    when everything loaded; on any error the previous warehouse is unchanged.
    """
    from warehouse.build import build as run
    from warehouse.errors import FileRefused

    settings = _settings(ctx, db=db)
    dirs = list(raw_dirs)
    with progress_bar(not quiet) as progress:
        if not dirs:
            from warehouse.generate import generate as gen

            gen(settings.sample_dir, seed=settings.sample_seed, scale=1.0, progress=progress)
            dirs = [settings.sample_dir]
        try:
            report = run(
                dirs, settings.db, ops_db=settings.ops_db, brand=brand, year=year, progress=progress
            )
        except FileRefused as exc:
            _refused(exc)
            return
    _print_report(report)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_load_options
@click.pass_context
def ingest(
    ctx: click.Context,
    files: tuple[Path, ...],
    db: Path | None,
    brand: str | None,
    year: int | None,
    quiet: bool,
) -> None:
    """Add FILES to an existing warehouse. Loading the same file twice adds nothing."""
    from warehouse.build import ingest as run
    from warehouse.errors import FileRefused

    settings = _settings(ctx, db=db)
    with progress_bar(not quiet) as progress:
        try:
            report = run(
                list(files),
                settings.db,
                ops_db=settings.ops_db,
                brand=brand,
                year=year,
                progress=progress,
            )
        except FileRefused as exc:
            _refused(exc)
            return
    _print_report(report)


@main.command()
@click.option("--host", help="Interface to listen on [default 127.0.0.1].")
@click.option("--port", type=int, help="Port [default 8050].")
@click.option("--db", type=click.Path(path_type=Path), help="Warehouse file [env CARSIGHT_DB].")
@click.option("--debug", is_flag=True, help="Dash debug mode (hot reload, error overlay).")
@click.pass_context
def serve(
    ctx: click.Context, host: str | None, port: int | None, db: Path | None, debug: bool
) -> None:
    """Run the web app. Builds, trains and forecasts the sample warehouse first when none exists."""
    settings = _settings(ctx, db=db, host=host, port=port)
    if not settings.db.is_file():
        click.echo(f"no warehouse at {settings.db}: building the built-in sample data set")
        ctx.invoke(build, raw_dirs=(), db=settings.db, brand=None, year=None, quiet=False)
        from app.cli_train import train

        click.echo("training the customer segmentation on the sample data")
        ctx.invoke(train, db=settings.db, as_of=None, k=None, artifacts_dir=None, quiet=False)
        from app.cli_forecast import forecast

        # every sample series takes minutes; the region exports take seconds
        click.echo(
            "forecasting the sample region-export series (run `carsight forecast` for every series)"
        )
        ctx.invoke(
            forecast,
            horizon=12,
            series_filter="region_export",
            db=settings.db,
            workers=None,
            quiet=False,
        )
    from app import create_app

    app = create_app(settings)
    import threading

    import callbacks.predict

    # verifying and loading the prediction models takes seconds: do it before the first
    # customer arrives, not in their request
    threading.Thread(target=callbacks.predict.warm, name="warm-predictor", daemon=True).start()
    click.echo(f"CarSight on http://{settings.host}:{settings.port}/")
    app.run(host=settings.host, port=settings.port, debug=debug)


from app.cli_analyze import analyze  # noqa: E402, I001

main.add_command(analyze)
from app.cli_train import train  # noqa: E402, I001

main.add_command(train)
from app.cli_forecast import forecast  # noqa: E402, I001

main.add_command(forecast)
from app.cli_predict import predict  # noqa: E402, I001

main.add_command(predict)

if __name__ == "__main__":  # pragma: no cover
    main()
