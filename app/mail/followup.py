"""The follow-up campaign: prospects registered in the app get one e-mail N days later,
with their recommended cars (the prediction engine) in their language.

Each prospect is followed up once (dedupe key `followup:<prospect id>`), however
often the scheduled job runs; a window of `window_days` lets a run after downtime
catch up on the days it missed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3

import polars as pl

from analytics.campaign import personalise
from app.actor import SYSTEM, Actor
from app.i18n import t
from app.mail import compose
from app.mail.campaign import cars_of, personal_message, predictor_for, unsubscribe_url
from app.mail.message import sender_address
from app.settings import Settings
from warehouse import mail_store, sql

CANDIDATE_SCHEMA = {
    "customer_id": pl.Utf8, "brand": pl.Utf8, "name": pl.Utf8, "email": pl.Utf8,
    "market": pl.Utf8, "age": pl.Int64, "gender": pl.Utf8, "vehicle_class": pl.Utf8,
    "budget_krw": pl.Int64, "payment_method": pl.Utf8, "purchase_count": pl.Int64,
    "channel": pl.Utf8, "eco_friendly": pl.Boolean, "predicted_segment": pl.Utf8,
    "predicted_cluster": pl.Int64, "registered_on": pl.Utf8,
}  # fmt: skip


def candidates(settings: Settings, *, first: dt.date, last: dt.date, brand: str) -> pl.DataFrame:
    """Prospects registered in the app for `brand` ('all' = both) on first..last
    (prospect_id as customer_id)."""
    if not settings.ops_db.is_file():
        return pl.DataFrame(schema=CANDIDATE_SCHEMA)
    with contextlib.closing(sqlite3.connect(f"file:{settings.ops_db}?mode=ro", uri=True)) as con:
        try:
            rows = con.execute(
                sql.load("opstore/followup_candidates"),
                (first.isoformat(), last.isoformat(), brand, brand),
            ).fetchall()
        except sqlite3.OperationalError:  # no customers table yet
            return pl.DataFrame(schema=CANDIDATE_SCHEMA)
    return pl.DataFrame(rows, schema=CANDIDATE_SCHEMA, orient="row")


def queue_followups(
    *,
    settings: Settings,
    job_days: int,
    window_days: int,
    due: dt.datetime,
    brand: str = "all",
    actor: Actor = SYSTEM,
) -> int:
    """Queue the follow-up of every customer registered `job_days` days before `due`
    (or up to `window_days` - 1 days earlier); returns how many were queued now."""
    actor.require_sender()
    brand = actor.scoped_brand(brand)
    last = (due.astimezone(dt.UTC) - dt.timedelta(days=job_days)).date()
    first = last - dt.timedelta(days=window_days - 1)
    found = candidates(settings, first=first, last=last, brand=brand)
    blocked = mail_store.opted_out(settings.ops_db)
    found = found.filter(~pl.col("email").str.to_lowercase().is_in(list(blocked)))
    outgoing: list[mail_store.Outgoing] = []
    sender = sender_address(settings.smtp_from)
    for customer_brand in found.get_column("brand").unique().sort().to_list():
        mine = found.filter(pl.col("brand") == customer_brand)
        scored = personalise(
            mine, predictor=predictor_for(settings.artifacts_dir, customer_brand), counter=True
        )
        for row in scored.to_dicts():
            lang = row["language"]
            link = unsubscribe_url(settings.public_url, settings.ops_db, row["email"])
            text = compose.render(
                compose.template_name("followup", lang),
                lang=lang,
                values={
                    "name": row.get("name") or "",
                    "brand": t(f"brand.{customer_brand}", lang),
                    "days": job_days,
                },
                cars=cars_of(row, lang),
                unsubscribe_url=link,
            )
            outgoing.append(
                personal_message(
                    row,
                    text,
                    sender=sender,
                    unsubscribe=link,
                    dedupe_key=f"followup:{row['customer_id']}",
                    kind="followup",
                    campaign=f"followup-{job_days}d",
                )
            )
    queued = mail_store.enqueue_many(settings.ops_db, outgoing)
    return queued
