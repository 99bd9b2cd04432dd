"""Validation of the registration form: the identity of a counter customer.

`parse_registration` checks name, phone, e-mail, address, user id and sign-up
date and raises `InputError` with every `FieldError` at once (the same error
type as the prediction inputs; messages in `app.i18n.predict`):

- name: required, at most 100 characters;
- phone: optional; parsed with `phonenumbers` (international formats such as
  +1 415 555 0100 accepted, national numbers read as `default_region`, KR)
  and normalised to E.164 when the number is valid; a number that parses
  but is not a valid number is refused (`invalid_phone`);
- email: required (it is the follow-up channel and a duplicate key), checked
  with `email-validator` without a DNS lookup and normalised (lower-case
  domain);
- address: optional, at most 200 characters;
- user_id: required, plain: letters, digits and . _ - (3-40 characters);
- signup_date: YYYY-MM-DD, default `today`;
- name, e-mail, address and user id must not start with `=`, `+`, `-` or `@`: a
  spreadsheet would run such a value as a formula (`formula_like`). The phone is
  exempt: it is normalised to E.164 (`+82…`) and exports escape it anyway.

Identity fields never reach the prediction (`analytics.predict.inputs`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from analytics.predict.inputs import FieldError, InputError

USER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{2,39}$")
USER_ID_MIN, USER_ID_MAX = 3, 40
NAME_MAX, ADDRESS_MAX = 100, 200
DEFAULT_REGION = "KR"
# first characters a spreadsheet reads as the start of a formula (OWASP CSV injection)
FORMULA_LEADS = ("=", "+", "-", "@")


@dataclass(frozen=True)
class Registration:
    """A validated registration: phone in E.164 where possible, dates ISO."""

    name: str
    phone: str | None
    email: str
    address: str | None
    user_id: str
    signup_date: dt.date


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def normalise_phone(value: str, *, region: str = DEFAULT_REGION) -> str | None:
    """E.164 form of a valid phone number, None when it is not one."""
    import phonenumbers

    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def normalise_email(value: str) -> tuple[str | None, str]:
    """(normalised address, '') or (None, the validator's reason)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(value, check_deliverability=False).normalized, ""
    except EmailNotValidError as exc:
        return None, str(exc)


def parse_registration(
    raw: Mapping[str, Any], *, today: dt.date, region: str = DEFAULT_REGION
) -> Registration:
    """Validate the registration fields of `raw`; raises InputError listing every error."""
    errors: list[FieldError] = []
    name = _text(raw.get("name"))
    if name is None:
        errors.append(FieldError("name", "required"))
    elif len(name) > NAME_MAX:
        errors.append(FieldError("name", "too_long", {"max": NAME_MAX}))

    phone = _text(raw.get("phone"))
    if phone is not None:
        normal = normalise_phone(phone, region=region)
        if normal is None:
            errors.append(FieldError("phone", "invalid_phone", {"value": phone}))
        phone = normal

    email = _text(raw.get("email"))
    if email is None:
        errors.append(FieldError("email", "required"))
    else:
        normal, why = normalise_email(email)
        if normal is None:
            errors.append(FieldError("email", "invalid_email", {"value": email, "reason": why}))
        email = normal

    address = _text(raw.get("address"))
    if address is not None and len(address) > ADDRESS_MAX:
        errors.append(FieldError("address", "too_long", {"max": ADDRESS_MAX}))

    user_id = _text(raw.get("user_id"))
    if user_id is None:
        errors.append(FieldError("user_id", "required"))
    elif not USER_ID.match(user_id):
        errors.append(
            FieldError(
                "user_id",
                "invalid_user_id",
                {"value": user_id, "min": USER_ID_MIN, "max": USER_ID_MAX},
            )
        )

    signup = raw.get("signup_date")
    signup_date = today
    if isinstance(signup, dt.date):
        signup_date = signup
    elif _text(signup) is not None:
        try:
            signup_date = dt.date.fromisoformat(str(_text(signup)))
        except ValueError:
            errors.append(FieldError("signup_date", "not_a_date", {"value": _text(signup)}))

    for field, value in (("name", name), ("email", email), ("address", address)):
        if value is not None and value.startswith(FORMULA_LEADS):
            errors.append(FieldError(field, "formula_like", {"first": value[0]}))
    if user_id is not None and user_id.startswith(FORMULA_LEADS):
        errors = [e for e in errors if e.field != "user_id"]
        errors.append(FieldError("user_id", "formula_like", {"first": user_id[0]}))

    if errors:
        raise InputError(errors)
    assert name is not None and email is not None and user_id is not None
    return Registration(
        name=name,
        phone=phone,
        email=email,
        address=address,
        user_id=user_id,
        signup_date=signup_date,
    )


def prospect_record(
    reg: Registration, inp: Any, pred: Any, *, predicted_at: dt.datetime | None = None
) -> dict[str, Any]:
    """The operational-store row (warehouse.opstore.PROSPECT_COLUMNS) of a registration.

    `inp` is the `CustomerInput` and `pred` the `Prediction` shown to the
    dealer; the budget is stored as budget_krw (a prospect has bought nothing
    yet, so it is never a transaction amount), the model of interest as the
    model, with the segment (신규 by definition when no purchases before, else
    null: the history decides), the predicted value tier and its calibrated
    probability, and the model version.
    """
    when = predicted_at or dt.datetime.now(dt.UTC)
    return {
        "brand": inp.brand,
        "user_id": reg.user_id,
        "name": reg.name,
        "phone": reg.phone,
        "email": reg.email,
        "address": reg.address,
        "signup_date": reg.signup_date.isoformat(),
        "age": inp.age,
        "gender": inp.gender,
        "vehicle_class": inp.vehicle_class,
        "model": inp.model_of_interest,
        "model_label": inp.model_of_interest,
        "eco_friendly": int(inp.eco_friendly),
        "budget_krw": inp.budget_krw,
        "payment_method": inp.payment_method,
        "purchase_count": inp.purchase_count,
        "channel": inp.channel,
        "market": inp.market,
        "predicted_segment": pred.segment,
        "predicted_tier": pred.tier,
        "tier_probability": pred.tier_probability,
        "model_version": pred.model_version,
        "predicted_at": when.strftime("%Y-%m-%d %H:%M:%S"),
    }
