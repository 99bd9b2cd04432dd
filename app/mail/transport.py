"""Delivery: the outbox's queued and failed messages go out over SMTP (or, in dry-run
mode, into `.eml` files), rate-limited, with retries and exponential backoff, each
attempt logged in the operational store's `email_log`.

SMTP settings come from the typed settings object (`CARSIGHT_SMTP_HOST`, `_PORT`,
`_USER`, `_FROM`, `_TLS` = none | starttls | ssl); the password only from the
environment (`CARSIGHT_SMTP_PASSWORD`).
"""

from __future__ import annotations

import contextlib
import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from app.settings import Settings
from warehouse import mail_store

RETRYABLE = (smtplib.SMTPException, OSError)


class Clock(Protocol):
    def monotonic(self) -> float: ...
    def sleep(self, seconds: float) -> None: ...


class _RealClock:
    monotonic = staticmethod(time.monotonic)
    sleep = staticmethod(time.sleep)


@dataclass(frozen=True)
class SmtpConfig:
    host: str | None
    port: int
    user: str | None
    password: str | None
    sender: str
    tls: str  # none | starttls | ssl
    timeout_s: float = 20.0

    @classmethod
    def from_settings(cls, settings: Settings) -> SmtpConfig:
        password = settings.smtp_password.get_secret_value() if settings.smtp_password else None
        return cls(
            host=settings.smtp_host,
            port=settings.smtp_port,
            user=settings.smtp_user,
            password=password,
            sender=settings.smtp_from,
            tls=settings.smtp_tls,
        )


@dataclass(frozen=True)
class DeliveryPolicy:
    """rate_per_s: messages per second at most; retries: attempts per message and
    delivery run; backoff_s: the wait before the 2nd attempt, doubled after each."""

    rate_per_s: float = 5.0
    retries: int = 3
    backoff_s: float = 1.0


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    dry_run: int = 0
    skipped_opt_out: int = 0
    attempts: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


class MailConfigError(RuntimeError):
    """SMTP is not configured (no host)."""


class _Smtp:
    """One SMTP session, opened on first use and reopened after an error."""

    def __init__(self, config: SmtpConfig) -> None:
        self.config = config
        self._client: smtplib.SMTP | None = None

    def send(self, raw: bytes, sender: str, recipient: str) -> None:
        if self._client is None:
            self._client = self._open()
        try:
            self._client.sendmail(sender, [recipient], raw)
        except BaseException:
            self.close()
            raise

    def _open(self) -> smtplib.SMTP:
        c = self.config
        if not c.host:
            raise MailConfigError("no SMTP server: set CARSIGHT_SMTP_HOST (or use --dry-run)")
        client: smtplib.SMTP
        if c.tls == "ssl":
            client = smtplib.SMTP_SSL(
                c.host, c.port, timeout=c.timeout_s, context=ssl.create_default_context()
            )
        else:
            client = smtplib.SMTP(c.host, c.port, timeout=c.timeout_s)
            if c.tls == "starttls":
                client.starttls(context=ssl.create_default_context())
        if c.user:
            client.login(c.user, c.password or "")
        return client

    def close(self) -> None:
        if self._client is not None:
            with contextlib.suppress(*RETRYABLE):
                self._client.quit()
            self._client = None


def _eml_name(item: mail_store.OutboxItem) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "@.-_" else "_" for ch in item.recipient)
    return f"{item.id:06d}-{item.kind}-{safe}.eml"


def deliver(
    *,
    ops_db: Path,
    config: SmtpConfig,
    policy: DeliveryPolicy = DeliveryPolicy(),
    dry_run_dir: Path | None = None,
    clock: Clock | None = None,
    on_attempt: Callable[[mail_store.OutboxItem, str], None] | None = None,
) -> DeliveryReport:
    """Send every queued or failed message of the outbox.

    Messages to opted-out addresses are skipped (logged as skipped_opt_out). In
    dry-run mode (`dry_run_dir`), each message is written to an .eml file there
    instead (logged as dry_run). Otherwise each message gets up to
    `policy.retries` attempts in this run; one that still fails stays 'failed' in
    the outbox for a later run (`carsight email retry`).
    """
    clock = clock or _RealClock()
    report = DeliveryReport()
    started = clock.monotonic()
    interval = 1.0 / policy.rate_per_s if policy.rate_per_s > 0 else 0.0
    next_slot = clock.monotonic()
    blocked = mail_store.opted_out(ops_db)
    smtp = _Smtp(config)
    if dry_run_dir is not None:
        dry_run_dir.mkdir(parents=True, exist_ok=True)
    try:
        for item in mail_store.pending(ops_db):
            if item.recipient.lower() in blocked:
                mail_store.record_attempt(ops_db, item, status="skipped_opt_out", error=None)
                report.skipped_opt_out += 1
                continue
            if dry_run_dir is not None:
                (dry_run_dir / _eml_name(item)).write_bytes(item.message)
                mail_store.record_attempt(ops_db, item, status="dry_run", error=None)
                report.dry_run += 1
                continue
            for attempt in range(policy.retries):
                wait = next_slot - clock.monotonic()
                if wait > 0:
                    clock.sleep(wait)
                next_slot = max(next_slot, clock.monotonic()) + interval
                report.attempts += 1
                try:
                    smtp.send(item.message, config.sender, item.recipient)
                except MailConfigError:
                    raise
                except RETRYABLE as exc:
                    error = f"{type(exc).__name__}: {exc}"[:500]
                    mail_store.record_attempt(ops_db, item, status="failed", error=error)
                    item = _bumped(item)
                    if on_attempt:
                        on_attempt(item, "failed")
                    if attempt + 1 < policy.retries:
                        clock.sleep(policy.backoff_s * 2**attempt)
                        continue
                    report.failed += 1
                    report.errors.append(f"{item.recipient}: {error}")
                else:
                    mail_store.record_attempt(ops_db, item, status="sent", error=None)
                    report.sent += 1
                    if on_attempt:
                        on_attempt(item, "sent")
                    break
    finally:
        smtp.close()
        report.seconds = clock.monotonic() - started
    return report


def _bumped(item: mail_store.OutboxItem) -> mail_store.OutboxItem:
    return mail_store.OutboxItem(
        item.id,
        item.kind,
        item.template,
        item.campaign,
        item.customer_id,
        item.recipient,
        item.subject,
        item.message,
        item.attempts + 1,
    )


def deliver_outbox(settings: Settings, *, dry_run_dir: Path | None = None) -> DeliveryReport:
    """`deliver` with the SMTP server and the rate, retry and backoff of `settings`."""
    return deliver(
        ops_db=settings.ops_db,
        config=SmtpConfig.from_settings(settings),
        policy=DeliveryPolicy(
            settings.mail_rate_per_s, settings.mail_retries, settings.mail_backoff_s
        ),
        dry_run_dir=dry_run_dir,
    )
