"""Registration form validation: name, phone (E.164), e-mail, address, user id, date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from analytics.predict import InputError
from analytics.predict.registration import Registration, parse_registration
from app.i18n.predict import render_error

TODAY = dt.date(2026, 6, 15)
GOOD: dict[str, Any] = {
    "name": "김민지",
    "phone": "010-1234-5678",
    "email": "minji.kim@example.com",
    "address": "서울시 강남구 테헤란로 1",
    "user_id": "minji_01",
    "signup_date": "2026-06-01",
}


def _codes(raw: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(InputError) as info:
        parse_registration(raw, today=TODAY)
    return {e.field: e.code for e in info.value.errors}


def test_valid_form_is_normalised() -> None:
    assert parse_registration(GOOD, today=TODAY) == Registration(
        name="김민지",
        phone="+821012345678",
        email="minji.kim@example.com",
        address="서울시 강남구 테헤란로 1",
        user_id="minji_01",
        signup_date=dt.date(2026, 6, 1),
    )


@pytest.mark.parametrize(
    ("phone", "e164"),
    [
        ("010-1234-5678", "+821012345678"),
        ("+82 10 1234 5678", "+821012345678"),
        ("02-123-4567", "+8221234567"),
        ("+1 650-253-0000", "+16502530000"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_phone_numbers_in_national_and_international_formats_become_e164(
    phone: str, e164: str
) -> None:
    assert parse_registration({**GOOD, "phone": phone}, today=TODAY).phone == e164


def test_optional_fields_may_be_empty_and_the_date_defaults_to_today() -> None:
    reg = parse_registration({**GOOD, "phone": "", "address": None, "signup_date": ""}, today=TODAY)
    assert (reg.phone, reg.address, reg.signup_date) == (None, None, TODAY)


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("name", "", "required"),
        ("name", "가" * 101, "too_long"),
        ("phone", "12345", "invalid_phone"),
        ("phone", "call me", "invalid_phone"),
        ("email", None, "required"),
        ("email", "minji@", "invalid_email"),
        ("email", "minji kim@example.com", "invalid_email"),
        ("address", "가" * 201, "too_long"),
        ("user_id", "", "required"),
        ("user_id", "a b", "invalid_user_id"),
        ("user_id", "x", "invalid_user_id"),
        ("signup_date", "2026-02-30", "not_a_date"),
    ],
)
def test_each_registration_field_is_validated(field: str, value: Any, code: str) -> None:
    assert _codes({**GOOD, field: value}) == {field: code}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_registration_errors_render_with_the_field_name(lang: str) -> None:
    with pytest.raises(InputError) as info:
        parse_registration(
            {
                "phone": "12345",
                "email": "x@",
                "user_id": "a b",
                "signup_date": "x",
                "address": "가" * 201,
            },
            today=TODAY,
        )
    texts = [render_error(e, lang) for e in info.value.errors]
    assert len(texts) == 6 and all("{" not in t for t in texts)
    assert texts[0].startswith("이름" if lang == "ko" else "Name")


def test_prospect_record_fits_the_operational_store(tmp_path) -> None:
    from analytics.predict import CustomerInput, Prediction
    from analytics.predict.registration import prospect_record
    from warehouse import opstore

    inp = CustomerInput(
        brand="Kia",
        gender="F",
        age=34,
        market="Korea",
        vehicle_class="중형 SUV",
        model_of_interest="EV6",
        eco_friendly=True,
        budget_krw=45_000_000,
        payment_method="신용카드",
        channel="온라인",
        purchase_count=0,
    )
    from analytics.predict import Wishes

    wishes = Wishes("중형 SUV", 45_000_000, True, "met", 3, 3, 2, 37_000_000, 43_000_000, "met")
    pred = Prediction(
        segment="신규",
        segment_rule="no_purchases",
        tier="VIP 잠재",
        tier_probabilities={"VIP 잠재": 0.6, "일반": 0.3, "실속": 0.1},
        recommendations=[],
        wishes=wishes,
        model_version="v1",
    )
    record = prospect_record(
        parse_registration(GOOD, today=TODAY),
        inp,
        pred,
        predicted_at=dt.datetime(2026, 6, 15, 9, 30),
    )
    assert set(record) <= set(opstore.PROSPECT_COLUMNS)
    assert (record["predicted_segment"], record["predicted_tier"]) == ("신규", "VIP 잠재")
    assert record["tier_probability"] == 0.6 and "predicted_cluster" not in record
    assert record["budget_krw"] == 45_000_000 and record["predicted_at"] == "2026-06-15 09:30:00"
    assert "amount_krw" not in record  # a budget is not a transaction amount
    assert opstore.register_prospect(tmp_path / "ops.sqlite", record) == "N-Kia-minji_01"
    stored = opstore.read_prospects(tmp_path / "ops.sqlite").row(0, named=True)
    assert (stored["predicted_tier"], stored["tier_probability"]) == ("VIP 잠재", 0.6)
