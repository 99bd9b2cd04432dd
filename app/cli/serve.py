"""`carsight serve`: the web app; builds, trains and forecasts the sample first when no
warehouse exists."""

from __future__ import annotations

from pathlib import Path

import click

from app.cli.build import build
from app.cli.common import cli_settings
from app.cli.forecast import forecast
from app.cli.train import train


@click.command()
@click.option("--host", help="Interface to listen on [default 127.0.0.1].")
@click.option("--port", type=int, help="Port [default 8050].")
@click.option("--db", type=click.Path(path_type=Path), help="Warehouse file [env CARSIGHT_DB].")
@click.option("--debug", is_flag=True, help="Dash debug mode (hot reload, error overlay).")
@click.pass_context
def serve(
    ctx: click.Context, host: str | None, port: int | None, db: Path | None, debug: bool
) -> None:
    """Run the web app. Builds, trains and forecasts the sample warehouse first when none exists."""
    settings = cli_settings(db=db, host=host, port=port)
    if not settings.db.is_file():
        click.echo(f"no warehouse at {settings.db}: building the built-in sample data set")
        ctx.invoke(build, raw_dirs=(), db=settings.db, quiet=False)
        click.echo("training the customer segmentation on the sample data")
        ctx.invoke(train, db=settings.db, as_of=None, k=None, artifacts_dir=None, quiet=False)
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
    import threading

    import callbacks.predict
    from app import create_app

    app = create_app(settings)
    _import_heavy_modules()
    # verifying and loading the prediction models takes seconds: do it before the first
    # customer arrives, not in their request
    threading.Thread(target=callbacks.predict.warm, name="warm-predictor", daemon=True).start()
    click.echo(f"CarSight on http://{settings.host}:{settings.port}/")
    app.run(host=settings.host, port=settings.port, debug=debug)


def _import_heavy_modules() -> None:
    """Import what the warm-up thread and the first requests need before serving.

    A module imported for the first time by two threads at once (the warm-up thread
    loading the models, a request thread encoding a figure) can be seen half-initialised
    by one of them: that gave a 500. Imported here, in one thread, it cannot.
    """
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    import plotly.graph_objects  # noqa: F401
    import plotly.io  # noqa: F401
    import sklearn.pipeline  # noqa: F401
    import skops.io  # noqa: F401
