"""`carsight email`, `carsight schedule` and `carsight watch` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_support import invoke_carsight, run_carsight


def _carsight(*args: str):
    """`carsight ARGS` in this process (click's runner): refusals exit before any work."""
    from click.testing import CliRunner

    from app.cli import main

    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(
    "to", ["a@example.com\r\nBcc: evil@example.com", "a@example.com,not-an-address", ""]
)
def test_email_report_refuses_bad_recipients(reference_db: Path, tmp_path: Path, to: str):
    done = invoke_carsight(
        "email", "report", "--db", str(reference_db), "--to", to, tmp_path=tmp_path
    )
    assert done.returncode == 2
    assert done.stderr.startswith("error: --to") and len(done.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_email_report_dry_run_writes_eml_files(reference_db: Path, tmp_path: Path):
    done = run_carsight(
        "email", "report", "--db", str(reference_db), "--brand", "kia",
        "--to", "a@example.com,b@example.com", "--dry-run", str(tmp_path / "eml"),
        tmp_path=tmp_path, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "queued 2 message(s)" in done.stdout and "dry-run 2" in done.stdout
    files = sorted((tmp_path / "eml").glob("*.eml"))
    assert len(files) == 2
    raw = files[0].read_bytes()
    assert b"Content-Type: application/pdf" in raw and b"\r\n" in raw


def test_a_campaign_without_recipients_queues_nothing(tmp_path: Path, reference_db, monkeypatch):
    monkeypatch.setenv("CARSIGHT_OPS_DB", str(tmp_path / "ops.sqlite"))
    done = _carsight(
        "email", "campaign", "--db", str(reference_db), "--brand", "kia", "--segment", "VIP"
    )
    # the reference warehouse is not trained: no recipients, nothing to send, no server needed
    assert done.exit_code == 0, done.stderr
    assert "queued 0 message(s)" in done.stdout


def test_schedule_refuses_a_missing_or_bad_config(tmp_path: Path):
    done = _carsight("schedule", "--config", str(tmp_path / "none.toml"))
    assert done.exit_code == 2 and "no such schedule file" in done.stderr
    bad = tmp_path / "schedule.toml"
    bad.write_text('[[jobs]]\nid = "x"\nkind = "forecast"\ncron = "61 * * * *"\n')
    done = _carsight("schedule", "--config", str(bad), "--once")
    assert done.exit_code == 2 and "jobs.0.cron" in done.stderr


def test_watch_refuses_a_missing_folder(reference_db: Path, tmp_path: Path):
    done = _carsight("watch", str(tmp_path / "nope"), "--db", str(reference_db), "--once")
    assert done.exit_code == 2 and "no such folder" in done.stderr
