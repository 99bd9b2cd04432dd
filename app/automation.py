"""The automation area's actions as plain functions: what the automation page's
callbacks call (and the security layer wraps with its access rules).

Each action takes the `Settings` it works on and an explicit `actor`
(`app.actor.Actor`, today always `SYSTEM`): the brand scope and the sender rule are
checked by the functions below and by the ones they call, never by the page.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import os
import re
import tempfile
import threading
from pathlib import Path

import polars as pl
from cachetools import LRUCache

from analytics.report.content import ReportSpec
from app.actor import SYSTEM, Actor
from app.mail import campaign
from app.mail.transport import MailConfigError, deliver_outbox
from app.report import ReportFiles, build_report
from app.settings import Settings
from warehouse import inbox, mail_store
from warehouse.canonical import MARKETS
from warehouse.connection import Warehouse

__all__ = ["MARKETS", "MailConfigError"]  # raised by send_campaign when no SMTP server is set

LOG_SCHEMA = {
    "id": pl.Int64, "sent_at": pl.Utf8, "recipient": pl.Utf8, "kind": pl.Utf8,
    "template": pl.Utf8, "campaign": pl.Utf8, "subject": pl.Utf8, "status": pl.Utf8,
    "attempt": pl.Int64, "error": pl.Utf8,
}  # fmt: skip


def report_files(
    settings: Settings,
    warehouse: Warehouse,
    *,
    spec: ReportSpec,
    formats: tuple[str, ...],
    lang: str,
    actor: Actor = SYSTEM,
) -> tuple[ReportFiles, dict[str, bytes]]:
    """Build the report in a temporary folder and return the files' bytes by format."""
    with tempfile.TemporaryDirectory(prefix="carsight-download-") as tmp:
        files = build_report(
            warehouse=warehouse, spec=spec, formats=formats, out_dir=Path(tmp), lang=lang,
            actor=actor,
        )  # fmt: skip
        return files, {fmt: path.read_bytes() for fmt, path in files.paths.items()}


def email_log(settings: Settings, *, actor: Actor = SYSTEM, limit: int = 500) -> pl.DataFrame:
    """The newest e-mail attempts (LOG_SCHEMA; sent_at in UTC)."""
    columns, rows = mail_store.email_log(settings.ops_db, limit=limit)
    frame = (
        pl.DataFrame(rows, schema=columns, orient="row").cast(LOG_SCHEMA)  # type: ignore[arg-type]
        if rows
        else pl.DataFrame(schema=LOG_SCHEMA)
    )
    # the page shows addresses masked (j***@example.com), like the dealer page's contacts
    return frame.with_columns(
        pl.col("recipient").str.replace(r"^(.)[^@]*@", "$1***@"),
    ).rename({"status": "outcome", "kind": "mail_kind"})


def schedules(settings: Settings, *, actor: Actor = SYSTEM) -> pl.DataFrame | str:
    """The schedules panel: one row per job, or why there is none (a message)."""
    from app.schedule import ScheduleError, load_config, status_table

    try:
        config = load_config(settings.schedule_config)
    except ScheduleError as exc:
        return str(exc)
    return status_table(config, settings.ops_db, dt.datetime.now(dt.UTC))


_SAFE_NAME = re.compile(r"[^\w.\- ()\[\]]+", re.UNICODE)


def safe_name(name: str) -> str:
    """An uploaded file's name without folders or odd characters (the year and brand
    the loader reads from the name survive: letters, digits, - _ . are kept)."""
    base = Path(str(name or "").replace("\\", "/")).name
    cleaned = _SAFE_NAME.sub("_", base).strip(" .") or "upload"
    return cleaned[:150]


def ingest_uploads(
    settings: Settings, files: list[tuple[str, str]], *, actor: Actor = SYSTEM
) -> list[inbox.FileResult]:
    """Save each uploaded (name, data URL) pair under settings.upload_dir and load it
    through the ingest path; one result per file."""
    actor.require_sender()
    folder = settings.upload_dir / dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    saved: list[Path] = []
    results: list[inbox.FileResult] = []
    for name, contents in files:
        clean = safe_name(name)
        try:
            payload = base64.b64decode(contents.split(",", 1)[1], validate=True)
        except (IndexError, binascii.Error):
            results.append(
                inbox.FileResult(clean, "refused", message=f"{clean}: the upload was damaged")
            )
            continue
        if len(payload) > inbox.MAX_BYTES:
            results.append(
                inbox.FileResult(
                    clean,
                    "refused",
                    message=f"{clean}: {len(payload) / 1e6:.1f} MB is over the "
                    f"{inbox.MAX_BYTES / 1e6:.0f} MB limit",
                )
            )
            continue
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / clean
        path.write_bytes(payload)
        saved.append(path)
    results += inbox.ingest_each(saved, db=settings.db, ops_db=settings.ops_db)
    # messages name the file as uploaded, never the server's folder (the browser sees them)
    return [
        dataclasses.replace(r, message=r.message.replace(f"{folder}{os.sep}", ""))
        if r.message
        else r
        for r in results
    ]


def data_version(settings: Settings) -> inbox.DataVersion:
    return inbox.data_version(settings.db)


_VERSIONS: LRUCache = LRUCache(maxsize=8)  # file identity -> its stamped version
_VERSIONS_LOCK = threading.Lock()


def current_version(settings: Settings) -> dict[str, str | None]:
    """The warehouse's version as the shell's DATA_VERSION store holds it: key (the
    `data_version` every build and ingest stamps in warehouse_meta) and stamped (its
    build time, 'YYYY-MM-DD HH:MM').

    Polled every few seconds by every open page, so the file is only stat-ed; the
    stamp is read (one read-only open) when the file on disk is a new one.
    """
    seen = inbox.data_version(settings.db)
    if seen.stamped_at is None:
        return {"key": seen.key, "stamped": None}
    with _VERSIONS_LOCK:
        known = _VERSIONS.get((str(settings.db), seen.key))
    if known is not None:
        return known  # type: ignore[no-any-return]
    from warehouse.meta import read_meta

    try:
        meta = read_meta(settings.db)
    except Exception:  # swapped again or locked while we looked: the next poll reads it
        meta = {}
    built = meta.get("built_at")
    version = {
        "key": meta.get("data_version") or seen.key,
        "stamped": str(built)[:16] if built else f"{seen.stamped_at:%Y-%m-%d %H:%M}",
    }
    with _VERSIONS_LOCK:
        _VERSIONS[(str(settings.db), seen.key)] = version
    return version


def unsubscribe(settings: Settings, token: str) -> str | None:
    """Opt out the address of an unsubscribe link's token (None: unknown token)."""
    return mail_store.opt_out_by_token(settings.ops_db, token)


def send_campaign(
    settings: Settings,
    warehouse: Warehouse,
    *,
    spec: campaign.CampaignSpec,
    dry_run: bool,
    actor: Actor = SYSTEM,
) -> dict[str, int]:
    """Queue the campaign and deliver the outbox (dry run: .eml files in
    settings.mail_outbox); counts by outcome."""
    queued, opted_out = campaign.queue_campaign(
        warehouse=warehouse,
        ops_db=settings.ops_db,
        artifacts_dir=settings.artifacts_dir,
        spec=spec,
        sender=settings.smtp_from,
        base_url=settings.public_url,
        actor=actor,
    )
    return {"queued": queued, "opted_out": opted_out, **deliver_now(settings, dry_run=dry_run)}


def deliver_now(settings: Settings, *, dry_run: bool = False) -> dict[str, int]:
    """Send what the outbox holds now (dry run: .eml files in settings.mail_outbox);
    MailConfigError when no SMTP server is set."""
    done = deliver_outbox(settings, dry_run_dir=settings.mail_outbox if dry_run else None)
    return {"sent": done.sent, "failed": done.failed, "dry_run": done.dry_run}


def customer_types(
    settings: Settings, warehouse: Warehouse, *, brand: str, lang: str, actor: Actor = SYSTEM
) -> pl.DataFrame:
    """The brand's customer types for the campaign form: cluster, persona (in `lang`
    from the verified training manifest when there is one), customers."""
    from analytics.artifacts import ArtifactError, load_manifest
    from warehouse.campaigns import load_customer_types

    brand = actor.scoped_brand(brand)
    types = load_customer_types(warehouse, brand=brand)
    try:
        profiles = (load_manifest(settings.artifacts_dir, brand).get("clusters") or {}).get(
            "profiles"
        ) or []
    except ArtifactError:
        return types
    names = {int(p["cluster"]): p.get(f"persona_{lang}") for p in profiles}
    return types.with_columns(
        pl.col("cluster")
        .replace_strict(names, default=None, return_dtype=pl.Utf8)
        .fill_null(pl.col("persona"))
        .alias("persona")
    )


def segments(warehouse: Warehouse, *, brand: str, actor: Actor = SYSTEM) -> pl.DataFrame:
    """The brand's trained segments for the campaign form (segment, customers)."""
    from warehouse.campaigns import load_segments

    return load_segments(warehouse, brand=actor.scoped_brand(brand))
