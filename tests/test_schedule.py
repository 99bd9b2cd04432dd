"""`carsight schedule`: due runs fire once, a restart neither repeats nor skips them.

The clock is a variable the test moves; the jobs are real (follow-up e-mails to a
real local SMTP server, through the outbox)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.schedule import (
    JobConfig,
    Runner,
    ScheduleConfig,
    ScheduleError,
    latest_due,
    load_config,
    run_key,
    scheduler,
    status_table,
)
from app.settings import Settings
from tests.mail.conftest import SmtpServer, free_port
from warehouse import opstore, schedule_store

SEOUL = dt.timezone(dt.timedelta(hours=9))


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture()
def smtp():
    server = SmtpServer(free_port())
    server.start()
    yield server
    server.stop()


def _settings(tmp_path: Path, smtp: SmtpServer) -> Settings:
    return Settings(
        db=tmp_path / "absent.duckdb",
        ops_db=tmp_path / "ops.sqlite",
        artifacts_dir=tmp_path / "no-artifacts",
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_tls="none",
        smtp_from="crm@carsight.test",
        mail_backoff_s=0,
        mail_rate_per_s=1000,
    )


def _register(ops_db: Path, user: str, created_at: str, market: str = "Korea") -> None:
    opstore.register_prospect(
        ops_db,
        {
            "brand": "Kia", "user_id": user, "name": f"고객 {user}",
            "email": f"{user}@example.com", "market": market, "age": 40, "gender": "M",
            "vehicle_class": "중형 SUV", "budget_krw": 40_000_000, "payment_method": "현금",
            "purchase_count": 1, "channel": "오프라인", "eco_friendly": 0,
        },
    )  # fmt: skip
    with opstore.connect(ops_db) as con:
        con.execute("update prospects set created_at = ? where user_id = ?", (created_at, user))


def _config(days: int = 7) -> ScheduleConfig:
    job = JobConfig(id="follow-up", kind="followup", cron="0 9 * * *", days=days, window_days=7)
    return ScheduleConfig(timezone="Asia/Seoul", jobs=[job])


def test_the_latest_due_time_of_a_daily_job():
    job = _config().jobs[0]
    now = dt.datetime(2025, 3, 10, 8, 59, tzinfo=SEOUL)
    assert latest_due(job, "Asia/Seoul", now) == dt.datetime(2025, 3, 9, 9, 0, tzinfo=SEOUL)
    assert latest_due(job, "Asia/Seoul", now.replace(minute=0, hour=9)) == now.replace(
        minute=0, hour=9
    )


def test_a_due_run_fires_once_and_a_restart_does_not_repeat_it(tmp_path, smtp):
    settings = _settings(tmp_path, smtp)
    _register(settings.ops_db, "early", "2025-03-02 10:00:00")  # 8 days before the run
    _register(settings.ops_db, "due", "2025-03-03 11:00:00")  # 7 days before
    _register(settings.ops_db, "new", "2025-03-09 12:00:00")  # too recent
    clock = Clock(dt.datetime(2025, 3, 10, 9, 0, 5, tzinfo=SEOUL))
    runner = Runner(_config(), settings, clock=clock)
    assert runner.catch_up() == {"follow-up": "done"}
    sent = sorted(r for m in smtp.inbox.messages for r in m.rcpt_tos)
    assert sent == ["due@example.com", "early@example.com"]  # the 7-day window
    # the same due run again (a second fire, or a restart) does nothing
    assert runner.fire("follow-up") == "skipped"
    restarted = Runner(_config(), settings, clock=clock)
    assert restarted.catch_up() == {"follow-up": "skipped"}
    assert len(smtp.inbox.messages) == 2
    # the next day's run follows up only the customers who became due
    _register(settings.ops_db, "later", "2025-03-04 09:30:00")
    clock.now = dt.datetime(2025, 3, 11, 9, 0, 1, tzinfo=SEOUL)
    assert restarted.fire("follow-up") == "done"
    sent = sorted(r for m in smtp.inbox.messages for r in m.rcpt_tos)
    assert sent == ["due@example.com", "early@example.com", "later@example.com"]
    keys = [r["run_key"] for r in schedule_store.runs_of(settings.ops_db, "follow-up")]
    assert keys == ["follow-up@2025-03-10T00:00:00Z", "follow-up@2025-03-11T00:00:00Z"]


def test_a_restart_after_downtime_runs_the_missed_run(tmp_path, smtp):
    settings = _settings(tmp_path, smtp)
    _register(settings.ops_db, "waiting", "2025-03-01 10:00:00")
    # the scheduler was down on the 8th and 9th; it starts on the 9th at 15:00
    clock = Clock(dt.datetime(2025, 3, 9, 15, 0, tzinfo=SEOUL))
    assert Runner(_config(), settings, clock=clock).catch_up() == {"follow-up": "done"}
    assert [m.rcpt_tos for m in smtp.inbox.messages] == [["waiting@example.com"]]


def test_a_failed_run_is_recorded_and_runs_again_at_the_next_start(tmp_path):
    settings = Settings(
        db=tmp_path / "absent.duckdb",
        ops_db=tmp_path / "ops.sqlite",
        artifacts_dir=tmp_path / "none",
        smtp_host="127.0.0.1",
        smtp_port=free_port(),  # nothing listens: delivery fails
        smtp_tls="none",
        mail_backoff_s=0,
        mail_retries=1,
    )
    _register(settings.ops_db, "x", "2025-03-03 10:00:00")
    clock = Clock(dt.datetime(2025, 3, 10, 9, 30, tzinfo=SEOUL))
    assert Runner(_config(), settings, clock=clock).catch_up() == {"follow-up": "failed"}
    [run] = schedule_store.runs_of(settings.ops_db, "follow-up")
    assert run["status"] == "failed" and "failed" in run["detail"]
    server = SmtpServer(settings.smtp_port)
    server.start()
    try:
        assert Runner(_config(), settings, clock=clock).catch_up() == {"follow-up": "done"}
    finally:
        server.stop()
    assert [m.rcpt_tos for m in server.inbox.messages] == [["x@example.com"]]


def test_apscheduler_gets_one_cron_job_per_configured_job(tmp_path, smtp):
    settings = _settings(tmp_path, smtp)
    runner = Runner(_config(), settings)
    sched = scheduler(runner, blocking=False)
    sched.start(paused=True)
    try:
        [job] = sched.get_jobs()
        assert job.id == "follow-up"
        assert job.next_run_time.hour == 9
    finally:
        sched.shutdown(wait=False)


def test_the_panel_lists_last_and_next_runs(tmp_path, smtp):
    settings = _settings(tmp_path, smtp)
    clock = Clock(dt.datetime(2025, 3, 10, 9, 0, 5, tzinfo=SEOUL))
    Runner(_config(), settings, clock=clock).catch_up()
    table = status_table(_config(), settings.ops_db, clock.now)
    row = table.row(0, named=True)
    assert row["job_id"] == "follow-up" and row["last_status"] == "done"
    assert row["last_due"] == "2025-03-10 09:00"
    assert row["next_due"] == "2025-03-11 09:00"


def test_run_keys_are_the_due_time_in_utc():
    job = _config().jobs[0]
    assert run_key(job, dt.datetime(2025, 3, 10, 9, 0, tzinfo=SEOUL)) == (
        "follow-up@2025-03-10T00:00:00Z"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[jobs]]\nid = "a"\nkind = "report_email"\ncron = "99 * * * *"', "not a crontab"),
        ('[[jobs]]\nid = "a"\nkind = "launch_rockets"\ncron = "0 9 * * *"', "kind"),
        ('timezone = "Mars/Olympus"', "unknown time zone"),
        ('[[jobs]]\nid = "a"\nkind = "forecast"\ncron = "0 9 * * *"\nspeed = 3', "speed"),
        ("jobs = [", "invalid TOML"),
    ],
)
def test_a_bad_schedule_file_names_the_problem(tmp_path, text, message):
    path = tmp_path / "schedule.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScheduleError, match=message) as caught:
        load_config(path)
    assert str(path) in str(caught.value)
