"""`carsight email report|campaign|retry`: queue e-mails and deliver them.

Every message goes through the operational store's outbox and every attempt is
logged there (`email_log`). `--dry-run DIR` writes .eml files instead of sending.
"""

from __future__ import annotations

from pathlib import Path

import click

from app.cli.common import cli_settings, refuse, require_warehouse
from app.cli.report import report_options, report_spec


def _deliver(settings, dry_run: Path | None) -> None:
    from app.mail.transport import MailConfigError, deliver_outbox

    try:
        done = deliver_outbox(settings, dry_run_dir=dry_run)
    except MailConfigError as exc:
        refuse(exc)
        return
    click.echo(
        f"sent {done.sent}, failed {done.failed}, dry-run {done.dry_run}, "
        f"skipped (opted out) {done.skipped_opt_out} in {done.seconds:.1f}s"
    )
    for error in done.errors[:20]:
        click.echo(f"failed: {error}", err=True)
    if done.failed:
        click.echo("failed messages stay queued: run `carsight email retry` later", err=True)
        raise SystemExit(3)


_dry_run = click.option(
    "--dry-run",
    "dry_run",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write each message as an .eml file into this folder instead of sending.",
)


@click.group()
def email() -> None:
    """Report and campaign e-mails (SMTP settings: CARSIGHT_SMTP_*)."""


@email.command("report")
@report_options
@click.option("--to", "to", required=True, help="Recipients, comma-separated: a@x.com,b@y.com")
@_dry_run
def email_report(
    brand: str,
    market: str | None,
    period: str | None,
    source: str,
    lang: str,
    db: Path | None,
    to: str,
    dry_run: Path | None,
) -> None:
    """E-mail the strategy report (PDF and XLSX attached) to --to."""
    from app.mail.message import HeaderRefused, parse_recipients

    settings = cli_settings(db=db)
    try:
        recipients = parse_recipients(to)
    except HeaderRefused as exc:
        refuse(ValueError(f"--to: {exc}"))
        return
    spec = report_spec(brand, market, period, source)
    require_warehouse(settings.db)
    # the report builder (plotly, kaleido) is imported only once the options are good
    from app.mail.report_mail import queue_report
    from warehouse.connection import Warehouse

    queued = queue_report(
        warehouse=Warehouse(settings.db),
        ops_db=settings.ops_db,
        spec=spec,
        to=recipients,
        sender=settings.smtp_from,
        lang=lang,
    )
    click.echo(f"queued {queued} message(s)")
    _deliver(settings, dry_run)


@email.command("campaign")
@click.option("--brand", required=True, help="hyundai or kia.")
@click.option("--segment", help="VIP, 일반, 신규 or 이탈가능.")
@click.option("--cluster", type=int, help="Customer type number (instead of --segment).")
@click.option("--market", help="Only customers of this market.")
@click.option("--offer", help="Offer text (default: the template's offer).")
@click.option("--name", help="Campaign name in the log (default: brand-target-market-date).")
@click.option("--preview", is_flag=True, help="Print the recipient count and one message only.")
@click.option("--db", type=click.Path(path_type=Path), help="Warehouse file [env CARSIGHT_DB].")
@_dry_run
def email_campaign(
    brand: str,
    segment: str | None,
    cluster: int | None,
    market: str | None,
    offer: str | None,
    name: str | None,
    preview: bool,
    db: Path | None,
    dry_run: Path | None,
) -> None:
    """E-mail a segment or customer type: personalised cars, offer, unsubscribe link."""
    from analytics.sales import InvalidFilter, normalise_brand
    from app.mail import campaign
    from app.mail.message import HeaderRefused
    from warehouse.connection import Warehouse

    settings = cli_settings(db=db)
    require_warehouse(settings.db)
    try:
        spec = campaign.CampaignSpec(
            brand=normalise_brand(brand),
            segment=segment,
            cluster=cluster,
            market=market,
            offer=offer,
            name=name,
        )
        common = {
            "warehouse": Warehouse(settings.db),
            "ops_db": settings.ops_db,
            "artifacts_dir": settings.artifacts_dir,
            "spec": spec,
        }
        if preview:
            shown = campaign.preview(**common)
            click.echo(f"recipients {shown.count} (opted out, left out: {shown.opted_out})")
            if shown.sample:
                click.echo(f"subject: {shown.sample.subject}\n\n{shown.sample.text}")
            return
        queued, opted_out = campaign.queue_campaign(
            **common, sender=settings.smtp_from, base_url=settings.public_url
        )
    except (InvalidFilter, campaign.CampaignRefused, HeaderRefused) as exc:
        refuse(exc)
        return
    click.echo(f"queued {queued} message(s); {opted_out} opted-out customer(s) left out")
    _deliver(settings, dry_run)


@email.command("retry")
@_dry_run
def email_retry(dry_run: Path | None) -> None:
    """Send the queued and failed messages of the outbox again."""
    _deliver(cli_settings(), dry_run)
