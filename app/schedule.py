"""`carsight schedule`: jobs that run without anyone clicking (APScheduler 3).

A `schedule.toml` lists the jobs:

    timezone = "Asia/Seoul"

    [[jobs]]
    id = "weekly-report"
    kind = "report_email"       # the strategy report, PDF + XLSX, to strategists
    cron = "0 8 * * mon"        # crontab: minute hour day month weekday
    to = ["strategy@example.com"]
    brand = "all"

    [[jobs]]
    id = "monthly-forecast"
    kind = "forecast"           # `carsight forecast`
    cron = "0 3 1 * *"

    [[jobs]]
    id = "follow-up"
    kind = "followup"           # e-mail customers N days after they registered
    cron = "0 9 * * *"
    days = 7

Every run has an idempotency key, `<job id>@<due time>`, kept in the operational
store (`warehouse.schedule_store`): a run that is done never runs again, and at
start-up the latest due run of every job that is not done runs (catch-up), so a
restart neither repeats nor skips a run. Messages a run queues carry the run key
in their dedupe key, so a run interrupted after queuing does not send twice.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import polars as pl
from apscheduler.triggers.cron import CronTrigger
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from app.actor import SYSTEM, Actor
from app.settings import Settings
from warehouse import schedule_store

Kind = Literal["report_email", "forecast", "followup"]
LOOKBACK = dt.timedelta(days=400)  # how far back the latest due run of a yearly job is found


class ScheduleError(ValueError):
    """A schedule file that cannot be used; the message names the file and the fix."""


class JobConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,64}$")
    kind: Kind
    cron: str
    # report_email
    to: list[str] = Field(default_factory=list)
    brand: str = "all"
    market: str | None = None
    period: str | None = None
    source: str = "customers"
    lang: Literal["ko", "en"] = "ko"
    # forecast
    horizon: int = Field(default=12, ge=1, le=36)
    series_filter: str | None = None
    workers: int | None = Field(default=None, ge=1)
    # followup
    days: int = Field(default=7, ge=1, le=365)
    window_days: int = Field(default=7, ge=1, le=90)

    @field_validator("cron")
    @classmethod
    def _crontab(cls, value: str) -> str:
        try:
            CronTrigger.from_crontab(value)
        except ValueError as exc:
            raise ValueError(
                f"'{value}' is not a crontab (minute hour day month weekday): {exc}"
            ) from exc
        return value


class ScheduleConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timezone: str = "Asia/Seoul"
    jobs: list[JobConfig] = Field(default_factory=list)

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone '{value}' (e.g. Asia/Seoul)") from exc
        return value

    @field_validator("jobs")
    @classmethod
    def _unique(cls, jobs: list[JobConfig]) -> list[JobConfig]:
        seen = [j.id for j in jobs]
        twice = sorted({i for i in seen if seen.count(i) > 1})
        if twice:
            raise ValueError(f"job id(s) {twice} appear more than once; ids must be unique")
        return jobs


def load_config(path: Path) -> ScheduleConfig:
    """The schedule file, checked; ScheduleError names the file, job and field."""
    if not path.is_file():
        raise ScheduleError(f"{path}: no such schedule file; see `carsight schedule --help`")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ScheduleError(f"{path}: invalid TOML ({exc})") from exc
    try:
        return ScheduleConfig.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ScheduleError(f"{path}: {problems}") from exc


def trigger(job: JobConfig, zone: str) -> CronTrigger:
    return CronTrigger.from_crontab(job.cron, timezone=ZoneInfo(zone))


def latest_due(job: JobConfig, zone: str, now: dt.datetime) -> dt.datetime | None:
    """The latest time at or before `now` (aware) the job was due; None when never."""
    cron = trigger(job, zone)
    found, t = None, cron.get_next_fire_time(None, now - LOOKBACK)
    while t is not None and t <= now:
        found = t
        t = cron.get_next_fire_time(t, t + dt.timedelta(seconds=1))
    return found


def next_due(job: JobConfig, zone: str, now: dt.datetime) -> dt.datetime | None:
    return trigger(job, zone).get_next_fire_time(None, now + dt.timedelta(seconds=1))


def run_key(job: JobConfig, due: dt.datetime) -> str:
    return f"{job.id}@{due.astimezone(dt.UTC):%Y-%m-%dT%H:%M:%SZ}"


# (job, due time, run key, runner) -> a one-line outcome for the schedules panel
Action = Callable[[JobConfig, dt.datetime, str, "Runner"], str]


@dataclass
class Runner:
    """Runs due jobs once each. `clock` gives the current aware time (tests control it)."""

    config: ScheduleConfig
    settings: Settings
    actor: Actor = SYSTEM
    clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
    actions: dict[str, Action] | None = None

    def _now_text(self) -> str:
        return self.clock().astimezone(dt.UTC).isoformat(timespec="seconds")

    def run(self, job: JobConfig, due: dt.datetime) -> str:
        """Run `job` for its due time `due` unless that run is done; returns its outcome
        ('done', 'failed' or 'skipped' when another run owns or finished it)."""
        key = run_key(job, due)
        claimed = schedule_store.claim(
            self.settings.ops_db,
            run_key=key,
            job_id=job.id,
            kind=job.kind,
            due_at=due.astimezone(dt.UTC).isoformat(timespec="seconds"),
            now=self._now_text(),
        )
        if not claimed:
            return "skipped"
        action = (self.actions or ACTIONS)[job.kind]
        try:
            detail = action(job, due, key, self)
        except Exception as exc:  # a failed run is recorded and retried at the next start
            schedule_store.finish(
                self.settings.ops_db,
                run_key=key,
                status="failed",
                now=self._now_text(),
                detail=f"{type(exc).__name__}: {exc}"[:500],
            )
            return "failed"
        schedule_store.finish(
            self.settings.ops_db, run_key=key, status="done", now=self._now_text(), detail=detail
        )
        return "done"

    def catch_up(self) -> dict[str, str]:
        """Run every job's latest due run that is not done (at start-up)."""
        now = self.clock()
        out = {}
        for job in self.config.jobs:
            due = latest_due(job, self.config.timezone, now)
            if due is not None:
                out[job.id] = self.run(job, due)
        return out

    def fire(self, job_id: str) -> str:
        """Called by APScheduler when a job's trigger fires: run its current due run."""
        job = next(j for j in self.config.jobs if j.id == job_id)
        due = latest_due(job, self.config.timezone, self.clock())
        return self.run(job, due) if due is not None else "skipped"


def scheduler(runner: Runner, *, blocking: bool = True):
    """An APScheduler scheduler with one cron job per configured job."""
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.schedulers.blocking import BlockingScheduler

    cls = BlockingScheduler if blocking else BackgroundScheduler
    sched = cls(timezone=ZoneInfo(runner.config.timezone))
    for job in runner.config.jobs:
        sched.add_job(
            runner.fire,
            trigger=trigger(job, runner.config.timezone),
            args=[job.id],
            id=job.id,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=None,
        )
    return sched


def status_table(config: ScheduleConfig, ops_db: Path, now: dt.datetime) -> pl.DataFrame:
    """One row per job: job_id, kind, cron, last_due, last_status, last_finished, next_due
    (local time of the schedule's zone, 'YYYY-MM-DD HH:MM'), detail."""
    last = schedule_store.last_runs(ops_db)
    zone = ZoneInfo(config.timezone)

    def local(value: str | None) -> str | None:
        if not value:
            return None
        return dt.datetime.fromisoformat(value).astimezone(zone).strftime("%Y-%m-%d %H:%M")

    rows = []
    for job in config.jobs:
        run = last.get(job.id, {})
        upcoming = next_due(job, config.timezone, now)
        rows.append(
            {
                "job_id": job.id,
                "kind": job.kind,
                "cron": job.cron,
                "last_due": local(run.get("due_at")),
                "last_status": run.get("status"),
                "last_finished": local(run.get("finished_at")),
                "next_due": upcoming.astimezone(zone).strftime("%Y-%m-%d %H:%M")
                if upcoming
                else None,
                "detail": run.get("detail"),
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            "job_id": pl.Utf8, "kind": pl.Utf8, "cron": pl.Utf8, "last_due": pl.Utf8,
            "last_status": pl.Utf8, "last_finished": pl.Utf8, "next_due": pl.Utf8,
            "detail": pl.Utf8,
        },
    )  # fmt: skip


# --- the actions -------------------------------------------------------------------------


def _deliver(runner: Runner) -> str:
    from app.mail.transport import deliver_outbox

    done = deliver_outbox(runner.settings)
    if done.failed:
        raise RuntimeError(f"{done.failed} message(s) failed; they stay queued: {done.errors[:3]}")
    return f"sent {done.sent}, skipped (opted out) {done.skipped_opt_out}"


def report_email(job: JobConfig, due: dt.datetime, key: str, runner: Runner) -> str:
    from analytics.report.content import ReportSpec, parse_period
    from app.mail.message import parse_recipients
    from app.mail.report_mail import queue_report
    from warehouse.connection import Warehouse

    low, high = parse_period(job.period)
    queued = queue_report(
        warehouse=Warehouse(runner.settings.db),
        ops_db=runner.settings.ops_db,
        spec=ReportSpec(job.brand, job.market, low, high, job.source),
        to=parse_recipients(",".join(job.to)),
        sender=runner.settings.smtp_from,
        lang=job.lang,
        actor=runner.actor,
        dedupe_key=key,
    )
    return f"queued {queued}; " + _deliver(runner)


def forecast(job: JobConfig, due: dt.datetime, key: str, runner: Runner) -> str:
    import os

    from app.cli.forecast import run_forecast_command

    runner.actor.require_sender()
    result = run_forecast_command(
        runner.settings.db,
        horizon=job.horizon,
        series_filter=job.series_filter,
        workers=job.workers or max(1, (os.cpu_count() or 2) - 1),
        progress=lambda step, done, total: None,
    )
    return f"{result.series.height} series forecast"


def followup(job: JobConfig, due: dt.datetime, key: str, runner: Runner) -> str:
    from app.mail.followup import queue_followups

    queued = queue_followups(
        settings=runner.settings,
        job_days=job.days,
        window_days=job.window_days,
        due=due,
        brand=job.brand,
        actor=runner.actor,
    )
    return f"queued {queued}; " + _deliver(runner)


ACTIONS: dict[str, Action] = {
    "report_email": report_email,
    "forecast": forecast,
    "followup": followup,
}
