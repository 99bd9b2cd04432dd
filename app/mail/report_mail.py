"""Report e-mails: the strategy report's PDF and XLSX attached, one message per recipient."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from email.headerregistry import Address
from pathlib import Path

from analytics.report.content import ReportSpec
from app.actor import SYSTEM, Actor
from app.i18n import t
from app.mail import compose
from app.mail.message import Attachment, build_message, sender_address, wire_bytes
from app.report import build_report
from app.report.charts import market_name
from warehouse import mail_store
from warehouse.connection import Warehouse

XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def queue_report(
    *,
    warehouse: Warehouse,
    ops_db: Path,
    spec: ReportSpec,
    to: Sequence[Address],
    sender: str,
    lang: str = "ko",
    actor: Actor = SYSTEM,
    dedupe_key: str | None = None,
) -> int:
    """Build the report (PDF + XLSX) and queue one message per recipient; returns how
    many were queued (a repeated `dedupe_key` queues nothing: scheduled runs use it)."""
    actor.require_sender()
    with tempfile.TemporaryDirectory(prefix="carsight-mail-report-") as tmp:
        files = build_report(
            warehouse=warehouse,
            spec=spec,
            formats=("pdf", "xlsx"),
            out_dir=Path(tmp),
            lang=lang,
            actor=actor,
        )
        content = files.content
        assert content is not None
        attachments = [
            Attachment(
                files.paths["pdf"].name, files.paths["pdf"].read_bytes(), "application", "pdf"
            ),
            Attachment(files.paths["xlsx"].name, files.paths["xlsx"].read_bytes(), *XLSX),
        ]
    period = (
        f"{content.spec.period_from or '…'}..{content.spec.period_to or '…'}"
        if content.spec.period_from or content.spec.period_to
        else t("report.period.all", lang)
    )
    values = {
        "name": "",
        "brand": t(f"brand.{content.spec.brand}", lang),
        "market": market_name(content, lang),
        "period": period,
    }
    text = compose.render(
        compose.template_name("report", lang), lang=lang, values=values, greeting=False, offer=""
    )
    queued = 0
    for recipient in to:
        message = build_message(
            sender=sender_address(sender),
            to=[recipient],
            subject=text.subject,
            text=text.text,
            html=text.html,
            attachments=attachments,
        )
        queued += mail_store.enqueue(
            ops_db,
            dedupe_key=f"{dedupe_key}:{recipient.addr_spec}"
            if dedupe_key
            else message["Message-ID"],
            kind="report",
            template=text.template,
            campaign=content.spec.slug(),
            customer_id=None,
            recipient=recipient.addr_spec,
            subject=text.subject,
            message=wire_bytes(message),
        )
    return queued
