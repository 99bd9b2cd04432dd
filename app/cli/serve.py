"""`carsight serve`: the web app; builds the sample when no warehouse exists, serves at
once and trains and forecasts it in the background (`app.first_start`)."""

from __future__ import annotations

from pathlib import Path

import click

from app.cli.build import build
from app.cli.common import cli_settings, refuse
from app.serving import import_heavy_modules


@click.command()
@click.option("--host", help="Interface to listen on [default 127.0.0.1].")
@click.option("--port", type=int, help="Port [default 8050].")
@click.option("--db", type=click.Path(path_type=Path), help="Warehouse file [env CARSIGHT_DB].")
@click.option(
    "--lake",
    metavar="DIR-or-URL",
    help="Serve a Parquet lake (`carsight export-parquet`): a folder or s3://bucket/prefix "
    "[env CARSIGHT_LAKE].",
)
@click.option(
    "--s3-endpoint",
    "s3_endpoint_url",
    metavar="URL",
    help="S3-compatible endpoint of an s3:// lake (setting s3_endpoint_url).",
)
@click.option(
    "--debug",
    is_flag=True,
    help="Dash debug mode (hot reload, error overlay); loopback only, never with --production.",
)
@click.option(
    "--production",
    is_flag=True,
    help="Serve real users with gunicorn: sign-in always (no demo mode); needs a strong "
    "CARSIGHT_SECRET_KEY in the environment.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=2,
    show_default=True,
    help="gunicorn worker processes (with --production).",
)
@click.pass_context
def serve(
    ctx: click.Context,
    host: str | None,
    port: int | None,
    db: Path | None,
    lake: str | None,
    s3_endpoint_url: str | None,
    debug: bool,
    production: bool,
    workers: int,
) -> None:
    """Run the web app; with no warehouse, builds the sample and trains it in the background.

    Without --production this is Flask's development server, and on the built-in sample
    warehouse it signs visitors in as a demo administrator (demo mode).
    """
    settings = cli_settings(
        db=db,
        host=host,
        port=port,
        production=production or None,
        lake=lake,
        s3_endpoint_url=s3_endpoint_url,
    )
    _refuse_unsafe(settings, debug=debug, production=production)
    if settings.lake:
        from warehouse.errors import FileRefused
        from warehouse.lake import Lake, S3Options

        try:  # refuse a bad lake now, in one line, not in every request
            Lake(settings.lake, S3Options(settings.s3_endpoint_url, settings.s3_region)).manifest()
        except FileRefused as exc:
            refuse(exc)
    elif not settings.db.is_file():
        click.echo(f"no warehouse at {settings.db}: building the built-in sample data set")
        ctx.invoke(build, raw_dirs=(), db=settings.db, quiet=False)
        # the first page is served now; models and forecasts land while it is open
        from app.first_start import prepare_in_background

        click.echo(
            "training the customer models and forecasting the sample region exports in the "
            "background (the pages say 준비 중 until they land; `carsight forecast` does "
            "every series)"
        )
        prepare_in_background(settings.db)
    if production:
        from app.serving import run

        click.echo(
            f"CarSight (production, {workers} workers) on http://{settings.host}:{settings.port}/"
        )
        run(settings, workers=workers)
        return
    import threading

    import callbacks.predict
    from app import create_app

    app = create_app(settings)
    import_heavy_modules()
    # verifying and loading the prediction models takes seconds: do it before the first
    # customer arrives, not in their request
    threading.Thread(target=callbacks.predict.warm, name="warm-predictor", daemon=True).start()
    click.echo(f"CarSight on http://{settings.host}:{settings.port}/")
    # The Werkzeug debugger's console is never enabled: even in --debug, errors are shown
    # by Dash's overlay without a way to run code on the server.
    app.run(host=settings.host, port=settings.port, debug=debug, use_debugger=False)


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _refuse_unsafe(settings, *, debug: bool, production: bool) -> None:
    """Exit 2 before serving in a way that would expose the server."""
    from app.security.keys import SECRET_ENV, key_problem

    if production and debug:
        refuse(ValueError("--debug is never allowed with --production; drop --debug"))
    if debug and settings.host not in LOOPBACK:
        refuse(ValueError(f"--debug serves on loopback only (not {settings.host})"))
    if production:
        import os

        problem = key_problem(os.environ.get(SECRET_ENV))
        if problem:
            refuse(ValueError(f"--production needs a strong secret key: {problem}"))
