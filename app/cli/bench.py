"""`carsight bench`: every hot path timed at one data scale, one table, optional JSON."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from app.cli.common import refuse

GROUPS = ("strategy", "roundtrip", "predict", "browser", "jobs", "dask")


@click.command()
@click.option(
    "--scale",
    type=click.Choice(["ci", "small", "medium", "large"]),
    default="small",
    show_default=True,
    help="small: the reference size; medium: >= 1M fact rows and 100k customers; "
    "large: >= 10M fact rows and 1M customers; ci: a small CI-sized set.",
)
@click.option("--json", "json_path", type=click.Path(path_type=Path), help="Also write JSON here.")
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    default=Path("data/bench"),
    show_default=True,
    help="Where the generated data set of each scale is kept and reused.",
)
@click.option(
    "--n",
    type=click.IntRange(5, 10_000),
    default=20,
    show_default=True,
    help="Timed repetitions per hot path (after a warm-up).",
)
@click.option(
    "--runs",
    type=click.IntRange(1, 20),
    help="Runs of build, train and forecast [default: 3 up to small, else 1].",
)
@click.option("--skip", multiple=True, type=click.Choice(GROUPS), help="Leave out a group.")
@click.option(
    "--quick",
    is_flag=True,
    help="One timed run per path (not with --n or --runs): checks that every path "
    "runs, in a fraction of the time; its numbers are not for comparing.",
)
def bench(
    scale: str,
    json_path: Path | None,
    data_dir: Path,
    n: int,
    runs: int | None,
    skip: tuple[str, ...],
    quick: bool,
) -> None:
    """Time every hot path at one scale: build, train, forecast, prediction, the strategy
    analytics warm and cold, callbacks through the Dash test client and headless Chromium,
    with the original's pandas and Prophet approaches side by side.

    Example: carsight bench --scale medium --json bench-medium.json
    """
    if quick:
        ctx = click.get_current_context()
        given = [
            f"--{name}"
            for name in ("n", "runs")
            if ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE
        ]
        if given:  # they would be overridden without a word
            raise click.UsageError(
                f"--quick times each path once: leave out {' and '.join(given)}", ctx=ctx
            )
    from app.bench import browser, jobs, strategy
    from app.bench.core import Report, load_average
    from app.bench.prepare import prepare

    def log(message: str) -> None:
        click.echo(message, err=True)

    try:
        data = prepare(data_dir, scale, log)
    except (OSError, RuntimeError) as exc:
        refuse(exc)
        return
    runs = runs or (3 if scale in ("ci", "small") else 1)
    if quick:
        n, runs = 1, 1
    report = Report(scale, quick=quick)
    report.notes.append(
        f"data: {data.facts:,} fact rows, {data.customers:,} customers ({data.db}); "
        f"load at start {load_average()}"
    )

    def checkpoint() -> None:
        # the JSON so far after every group: a long run cut short keeps what it measured
        if json_path:
            report.write_json(json_path)

    with tempfile.TemporaryDirectory(prefix="carsight-bench-") as tmp:
        work = Path(tmp)
        if "strategy" not in skip:
            log("strategy analytics ...")
            ours = strategy.bench_analytics(report, data, n)
            strategy.bench_pandas_baseline(report, data, ours)
            checkpoint()
        if "roundtrip" not in skip:
            log("callbacks through the Dash test client ...")
            from app.bench.roundtrip import bench_roundtrips

            bench_roundtrips(report, data, n, work)
            checkpoint()
        if "predict" not in skip:
            log("prediction ...")
            jobs.bench_predict(report, data, n)
            checkpoint()
        if "browser" not in skip:
            if browser.available():
                log("headless Chromium ...")
                browser.bench_browser(report, data, n if quick else max(5, n // 4), work)
            else:
                report.notes.append("browser: chromium/chromedriver not found; skipped")
            checkpoint()
        if "jobs" not in skip:
            log(f"build x{runs} ...")
            jobs.bench_build(report, data, runs)
            log(f"train x{runs} ...")
            jobs.bench_train(report, data, runs)
            log(f"forecast x{runs} ...")
            result = jobs.bench_forecast(report, data, runs)
            jobs.bench_prophet_baseline(report, data, report.get("forecast").p50_ms)
            report.loads["jobs"] = load_average()
            del result
            checkpoint()
        if "dask" not in skip:
            log("forecast on Dask, 1/2/4 workers ...")
            jobs.bench_dask(report, data)
            checkpoint()
    report.notes.append(f"pid {os.getpid()}; load at end {load_average()}")
    report.complete = True
    click.echo(report.table())
    checkpoint()
