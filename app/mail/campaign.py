"""Campaign e-mails to a segment or customer type (optionally one market).

Flow: `audience` (who: customers of the brand with an e-mail address, minus the
opt-outs) -> `preview` (the count and one rendered message, shown in the dashboard
before anything is sent) -> `queue_campaign` (one personalised message per
recipient into the outbox; a campaign queued twice queues nothing new) -> delivery
(`app.mail.transport.deliver`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.headerregistry import Address
from pathlib import Path

import polars as pl

from analytics.campaign import TOP, personalise
from app.actor import SYSTEM, Actor
from app.i18n import market_label, t
from app.mail import compose
from app.mail.message import address, build_message, sender_address, wire_bytes
from warehouse import mail_store
from warehouse.campaigns import load_campaign_audience
from warehouse.canonical import market_of
from warehouse.connection import Warehouse

SEGMENTS: tuple[str, ...] = tuple(compose.SEGMENT_TEMPLATES)


class CampaignRefused(ValueError):
    """A campaign that cannot be built as asked (the message says what to change)."""


@dataclass(frozen=True)
class CampaignSpec:
    """Who gets the campaign: one brand's segment OR customer type, optionally one
    market; `offer` replaces the template's default offer; `name` identifies the
    campaign in the log (default: brand-target-market-date)."""

    brand: str
    segment: str | None = None
    cluster: int | None = None
    market: str | None = None
    offer: str | None = None
    name: str | None = None

    def validated(self, actor: Actor) -> CampaignSpec:
        brand = actor.scoped_brand(self.brand)
        if brand not in ("Hyundai", "Kia"):
            raise CampaignRefused("a campaign is for one brand: choose Hyundai or Kia")
        if (self.segment is None) == (self.cluster is None):
            raise CampaignRefused("choose either a segment or a customer type (cluster)")
        if self.segment is not None and not 0 < len(self.segment.strip()) <= 40:
            raise CampaignRefused("a segment name has 1 to 40 characters")
        market = None
        if self.market:
            market = market_of(self.market)
            if market is None:
                raise CampaignRefused(f"unknown market {self.market!r}")
        target = self.segment if self.segment is not None else f"type{self.cluster}"
        name = self.name or f"{brand}-{target}-{market or 'all'}-{dt.date.today():%Y%m%d}"
        return CampaignSpec(brand, self.segment, self.cluster, market, self.offer, name)


@dataclass(frozen=True)
class Audience:
    recipients: pl.DataFrame  # analytics.campaign.personalise columns
    opted_out: int  # customers left out because they unsubscribed


@dataclass(frozen=True)
class Preview:
    spec: CampaignSpec
    count: int
    opted_out: int
    sample: compose.Rendered | None


def audience(
    *,
    warehouse: Warehouse,
    ops_db: Path,
    artifacts_dir: Path,
    spec: CampaignSpec,
    actor: Actor = SYSTEM,
) -> Audience:
    """The campaign's recipients with their recommended cars; opt-outs removed."""
    spec = spec.validated(actor)
    frame = load_campaign_audience(
        warehouse, brand=spec.brand, segment=spec.segment, cluster=spec.cluster, market=spec.market
    )
    blocked = mail_store.opted_out(ops_db)
    kept = frame.filter(~pl.col("email").str.to_lowercase().is_in(list(blocked)))
    return Audience(
        personalise(kept, predictor=predictor_for(artifacts_dir, spec.brand)),
        frame.height - kept.height,
    )


def predictor_for(artifacts_dir: Path, brand: str):
    from analytics.artifacts import ArtifactError
    from analytics.predict.model import load_predictor

    try:
        return load_predictor(artifacts_dir, brand)
    except (ArtifactError, FileNotFoundError, KeyError):
        return None  # not trained: the e-mails go out without recommended cars


def cars_of(row: dict, lang: str) -> list[compose.Car]:
    cars = []
    for i in range(1, TOP + 1):
        model = row.get(f"rec{i}_model")
        if not model:
            continue
        cars.append(
            compose.Car(
                model=model,
                price=t("mail.price", lang, krw=int(row[f"rec{i}_expected_price"])),
                eco=t("mail.eco", lang) if row.get(f"rec{i}_eco") else "",
            )
        )
    return cars


def render_for(row: dict, spec: CampaignSpec, *, unsubscribe_url: str | None) -> compose.Rendered:
    """One recipient's message text (their language, name, cars and the offer)."""
    lang = row.get("language") or "ko"
    name = compose.campaign_template(segment=spec.segment, cluster=spec.cluster, lang=lang)
    values = {
        "name": row.get("name") or "",
        "brand": t(f"brand.{spec.brand}", lang),
        "persona": row.get("persona") or "",
        "segment": row.get("segment") or "",
        "market": market_label(row.get("market") or "", lang),
    }
    return compose.render(
        name,
        lang=lang,
        values=values,
        cars=cars_of(row, lang),
        offer=spec.offer,
        unsubscribe_url=unsubscribe_url,
    )


def preview(
    *,
    warehouse: Warehouse,
    ops_db: Path,
    artifacts_dir: Path,
    spec: CampaignSpec,
    actor: Actor = SYSTEM,
) -> Preview:
    """How many would get the campaign, and the first recipient's message."""
    spec = spec.validated(actor)
    found = audience(
        warehouse=warehouse, ops_db=ops_db, artifacts_dir=artifacts_dir, spec=spec, actor=actor
    )
    rows = found.recipients.head(1).to_dicts()
    sample = render_for(rows[0], spec, unsubscribe_url="https://…/unsubscribe") if rows else None
    return Preview(spec, found.recipients.height, found.opted_out, sample)


def personal_message(
    row: dict,
    text: compose.Rendered,
    *,
    sender: Address,
    unsubscribe: str,
    dedupe_key: str,
    kind: str,
    campaign: str | None,
) -> mail_store.Outgoing:
    """One customer's message (row: customer_id, email, name) with the unsubscribe
    link in a List-Unsubscribe header, ready for the outbox."""
    message = build_message(
        sender=sender,
        to=[address(row["email"], row.get("name") or "")],
        subject=text.subject,
        text=text.text,
        html=text.html,
        headers={"List-Unsubscribe": f"<{unsubscribe}>"},
    )
    return mail_store.Outgoing(
        dedupe_key=dedupe_key,
        kind=kind,
        template=text.template,
        campaign=campaign,
        customer_id=row["customer_id"],
        recipient=row["email"],
        subject=text.subject,
        message=wire_bytes(message),
    )


def unsubscribe_url(base_url: str, ops_db: Path, email: str) -> str:
    token = mail_store.unsubscribe_token(ops_db, email)
    return f"{base_url.rstrip('/')}/unsubscribe?token={token}"


def queue_campaign(
    *,
    warehouse: Warehouse,
    ops_db: Path,
    artifacts_dir: Path,
    spec: CampaignSpec,
    sender: str,
    base_url: str,
    actor: Actor = SYSTEM,
    kind: str = "campaign",
    dedupe_prefix: str | None = None,
) -> tuple[int, int]:
    """Queue one message per recipient; returns (queued, opted out). A recipient
    already queued for this campaign (same name) is not queued again."""
    actor.require_sender()
    spec = spec.validated(actor)
    found = audience(
        warehouse=warehouse, ops_db=ops_db, artifacts_dir=artifacts_dir, spec=spec, actor=actor
    )
    from_address = sender_address(sender)
    rows = found.recipients.to_dicts()
    tokens = mail_store.unsubscribe_tokens(ops_db, [r["email"] for r in rows])
    outgoing = []
    for row in rows:
        link = f"{base_url.rstrip('/')}/unsubscribe?token={tokens[row['email'].strip().lower()]}"
        text = render_for(row, spec, unsubscribe_url=link)
        outgoing.append(
            personal_message(
                row,
                text,
                sender=from_address,
                unsubscribe=link,
                dedupe_key=f"{dedupe_prefix or kind}:{spec.name}:{row['customer_id']}",
                kind=kind,
                campaign=spec.name,
            )
        )
    queued = mail_store.enqueue_many(ops_db, outgoing)
    return queued, found.opted_out
