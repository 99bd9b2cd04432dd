"""`carsight schedule --config schedule.toml`: run the configured jobs (app.schedule)."""

from __future__ import annotations

from pathlib import Path

import click

from app.cli.common import cli_settings, refuse


@click.command()
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="The jobs file [default: the schedule_config setting, schedule.toml].",
)
@click.option("--once", is_flag=True, help="Run what is due now, then exit (no scheduler).")
@click.option("--db", type=click.Path(path_type=Path), help="Warehouse file [env CARSIGHT_DB].")
def schedule(config_path: Path | None, once: bool, db: Path | None) -> None:
    """Run the weekly report e-mail, the monthly forecast and the follow-up campaign
    on their cron schedules. Each run is recorded with an idempotency key in the
    operational store: a restart runs a missed run once and never repeats a done one."""
    from app.schedule import Runner, ScheduleError, load_config, scheduler

    settings = cli_settings(db=db)
    path = config_path or settings.schedule_config
    try:
        config = load_config(path)
    except ScheduleError as exc:
        refuse(exc)
        return
    runner = Runner(config, settings)
    for job_id, outcome in runner.catch_up().items():
        click.echo(f"{job_id}: {outcome}")
    if once:
        return
    click.echo(f"scheduling {len(config.jobs)} job(s) from {path} (Ctrl+C stops)")
    try:
        scheduler(runner).start()
    except (KeyboardInterrupt, SystemExit):
        click.echo("stopped")
