"""`carsight forecast`: backtest and forecast every sales series (analytics.forecast.pipeline).

Reads the monthly history from the warehouse, runs seasonal naive, Prophet and
one global LightGBM model in parallel processes, combines them (ensemble,
selection), and replaces forecast_runs, forecast_series, forecasts,
forecast_backtest and forecast_metrics in the warehouse (same atomic swap as
the build). Prints a leaderboard per flow: the median MASE per model and how
many series each model wins.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from app.cli.common import cli_settings, progress_bar, refuse, require_warehouse

if TYPE_CHECKING:
    from analytics.forecast.pipeline import ForecastResult, Progress


def run_forecast_command(
    db: Path,
    *,
    horizon: int,
    series_filter: str | None,
    workers: int,
    progress: Progress,
    after_read: Callable[[], None] | None = None,
    executor: str = "local",
    scheduler: str | None = None,
) -> ForecastResult:
    """Run the pipeline on `db` and write the tables; returns the ForecastResult.

    When the warehouse's data version changed after the read, nothing is written
    (warehouse.meta.DataChanged). `after_read` runs right after the read (a test hook).
    """
    import polars as pl

    from analytics.forecast.pipeline import ForecastConfig, run_forecast
    from warehouse.build import write_forecasts
    from warehouse.forecasts import load_forecast_input
    from warehouse.meta import data_version

    started_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    clock = time.perf_counter()
    version = data_version(db)
    facts, markets = load_forecast_input(db)
    if after_read is not None:
        after_read()
    result = run_forecast(
        facts,
        markets=markets,
        config=ForecastConfig(
            horizon=horizon, workers=workers, executor=executor, scheduler=scheduler
        ),
        series_filter=series_filter,
        progress=progress,
    )
    run_id = f"{started_at:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"
    finished_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    run = pl.DataFrame(
        {
            "run_id": [run_id],
            "started_at": [started_at],
            "finished_at": [finished_at],
            "horizon": [horizon],
            "series_filter": [series_filter],
            "n_series": [result.series.height],
            "seconds": [time.perf_counter() - clock],
            "source": [str(db)],
        }
    )
    tagged = {
        name: frame.with_columns(pl.lit(run_id).alias("run_id"))
        for name, frame in {
            "forecast_series": result.series,
            "forecasts": result.forecasts,
            "forecast_backtest": result.backtest,
            "forecast_metrics": result.metrics,
        }.items()
    }
    write_forecasts(db, {"forecast_runs": run, **tagged}, data_version=version)
    result.stage_seconds["total"] = time.perf_counter() - clock
    result.stage_seconds["write"] = result.stage_seconds["total"] - sum(
        v
        for k, v in result.stage_seconds.items()
        if k in ("series", "models (wall)", "ensemble+metrics")
    )
    return result


def print_leaderboard(result: ForecastResult) -> None:
    """Median pooled MASE per model and series won, per flow, on the latest cutoff."""
    from analytics.forecast.pipeline import leaderboard

    board = leaderboard(result.metrics, result.series)
    click.echo(
        "leaderboard (latest cutoff, pooled over its scored months; MASE < 1 beats seasonal "
        "naive; wins among seasonal_naive/prophet/lightgbm/ensemble)"
    )
    for (flow,), rows in board.group_by("flow", maintain_order=True):
        click.echo(f"  {flow}")
        for row in rows.iter_rows(named=True):
            mase = "n/a" if row["median_mase"] is None else f"{row['median_mase']:.3f}"
            click.echo(
                f"    {row['model_name']:<15} median MASE {mase:>6}  "
                f"series {row['n_series']:>3}  wins {row['wins']:>3}"
            )


@click.command()
@click.option(
    "--horizon",
    type=click.IntRange(1, 24),
    default=12,
    show_default=True,
    help="Months to forecast after each series' last reported month.",
)
@click.option(
    "--series-filter",
    "series_filter",
    metavar="TEXT",
    help="Only series whose id contains TEXT (case-insensitive), e.g. 'Kia|region_export'.",
)
@click.option("--db", type=click.Path(path_type=Path), help="Warehouse file [env CARSIGHT_DB].")
@click.option(
    "--workers", type=click.IntRange(1, 64), help="Parallel processes [default: every core]."
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where the per-series work runs: local processes, or Dask distributed "
    "(the scale extra: pip install -e '.[scale]').",
)
@click.option(
    "--scheduler",
    metavar="URL",
    help=(
        "The Dask scheduler, tcp://HOST:PORT [default: a LocalCluster of --workers "
        "processes]. Waits for it as long as Dask's connect timeout says (30 s by default)."
    ),
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def forecast(
    ctx: click.Context,
    horizon: int,
    series_filter: str | None,
    db: Path | None,
    workers: int | None,
    executor: str,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Backtest and forecast every sales series; write the five forecast tables."""
    from warehouse.errors import FileRefused

    settings = cli_settings(db=db)
    if scheduler and executor != "dask":
        refuse(ValueError("--scheduler needs --executor dask"))
    require_warehouse(settings.db)
    with progress_bar(not quiet) as progress:
        try:
            result = run_forecast_command(
                settings.db,
                horizon=horizon,
                series_filter=series_filter,
                workers=workers or os.cpu_count() or 1,
                progress=progress,
                executor=executor,
                scheduler=scheduler,
            )
        except (FileRefused, ValueError) as exc:
            refuse(exc)
            return
        except (OSError, TimeoutError) as exc:  # a Dask scheduler that does not answer
            refuse(OSError(f"the Dask scheduler {scheduler} did not answer ({exc})"))
            return
    for error in result.errors:
        click.echo(f"WARNING {error}", err=True)
    print_leaderboard(result)
    seconds = result.stage_seconds
    click.echo(
        f"warehouse {settings.db}: {result.series.height} series, "
        f"{result.forecasts.height:,} forecast rows, "
        f"{result.backtest.height:,} backtest rows; {seconds['total']:.1f}s"
    )
