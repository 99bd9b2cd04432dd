"""The result e-mail of the prediction tab ("결과 발송"): after registration the
customer gets their recommended cars with the reasons and expected prices, in their
language (Korean for customers in Korea, English elsewhere)."""

from __future__ import annotations

from analytics.campaign import language_of
from analytics.predict.model import Prediction
from app.actor import SYSTEM, Actor
from app.i18n import t
from app.i18n.predict import render_reason
from app.mail import compose
from app.mail.campaign import unsubscribe_url
from app.mail.message import address, build_message, sender_address, wire_bytes
from app.settings import Settings
from warehouse import mail_store, opstore


class NotRegistered(LookupError):
    """No registered prospect with that user id for the brand."""


def queue_result(
    settings: Settings,
    *,
    brand: str,
    user_id: str,
    prediction: Prediction,
    actor: Actor = SYSTEM,
) -> tuple[bool, str]:
    """Queue the registered customer's result e-mail; (queued, recipient). A second
    press for the same customer and model version queues nothing."""
    actor.require_sender()
    brand = actor.scoped_brand(brand)
    customer = opstore.registered_prospect(settings.ops_db, brand=brand, user_id=user_id)
    if customer is None or not customer.get("email"):
        raise NotRegistered(f"{brand}: no registered customer '{user_id}' with an e-mail address")
    lang = language_of(customer.get("market"))
    cars = [
        compose.Car(
            model=rec.model,
            price=t("mail.price", lang, krw=rec.expected_price),
            eco=t("mail.eco", lang) if rec.eco else "",
            reasons=[render_reason(r, lang) for r in rec.reasons],
        )
        for rec in prediction.recommendations
    ]
    link = unsubscribe_url(settings.public_url, settings.ops_db, customer["email"])
    text = compose.render(
        compose.template_name("result", lang),
        lang=lang,
        values={"name": customer.get("name") or "", "brand": t(f"brand.{brand}", lang)},
        cars=cars,
        offer="",
        unsubscribe_url=link,
    )
    message = build_message(
        sender=sender_address(settings.smtp_from),
        to=[address(customer["email"], customer.get("name") or "")],
        subject=text.subject,
        text=text.text,
        html=text.html,
        headers={"List-Unsubscribe": f"<{link}>"},
    )
    queued = mail_store.enqueue(
        settings.ops_db,
        dedupe_key=f"result:{customer['prospect_id']}:{prediction.model_version}",
        kind="result",
        template=text.template,
        campaign=None,
        customer_id=customer["prospect_id"],
        recipient=customer["email"],
        subject=text.subject,
        message=wire_bytes(message),
    )
    return queued, customer["email"]
