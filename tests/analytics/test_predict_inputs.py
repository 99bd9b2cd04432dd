"""Counter inputs: canonical values, every validation rule, all errors at once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from analytics.predict import CustomerInput, FieldError, InputError, InputVocab, parse_input
from app.i18n.catalogues.predict import PREDICT_STRINGS
from app.i18n.predict import render_error

TODAY = dt.date(2026, 6, 15)
VOCAB = InputVocab(
    brand="Kia",
    markets=("Korea", "USA", "Western Europe"),
    vehicle_classes=("중형 SUV", "준중형 세단"),
    models=("K5", "EV6", "Sorento"),
    payment_methods=("현금", "계좌이체", "신용카드"),
    channels=("온라인", "오프라인"),
    budget_min=9_000_000,
    budget_max=137_000_000,
)
GOOD: dict[str, Any] = {
    "gender": "여",
    "age": 34,
    "market": "대한민국",
    "vehicle_class": "중형 SUV",
    "model_of_interest": "EV6",
    "eco_friendly": "예",
    "budget": "45,000,000",
    "payment_method": "신용카드",
    "channel": "온라인",
    "purchase_count": 0,
}


def _errors(raw: dict[str, Any]) -> list[FieldError]:
    with pytest.raises(InputError) as info:
        parse_input(raw, VOCAB, today=TODAY)
    return info.value.errors


def _codes(raw: dict[str, Any]) -> dict[str, str]:
    return {e.field: e.code for e in _errors(raw)}


def test_korean_values_parse_to_canonical_input() -> None:
    assert parse_input(GOOD, VOCAB, today=TODAY) == CustomerInput(
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


def test_english_values_give_the_same_input() -> None:
    english = {
        **GOOD,
        "gender": "F",
        "market": "Korea",
        "eco_friendly": True,
        "budget": 45_000_000,
        "payment_method": "card",
        "channel": "online",
        "model_of_interest": "ev6",
    }
    assert parse_input(english, VOCAB, today=TODAY) == parse_input(GOOD, VOCAB, today=TODAY)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("true", True),
        ("1", True),
        ("예", True),
        (1, True),
        ("false", False),
        ("0", False),
        ("아니오", False),
        (0, False),
        (False, False),
    ],
)
def test_eco_flag_accepts_boolean_spellings(raw: Any, expected: bool) -> None:
    assert parse_input({**GOOD, "eco_friendly": raw}, VOCAB, today=TODAY).eco_friendly is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("현금", "현금"), ("cash", "현금"), ("transfer", "계좌이체"), ("Card", "신용카드")],
)
def test_payment_method_accepts_korean_and_english(raw: str, expected: str) -> None:
    assert (
        parse_input({**GOOD, "payment_method": raw}, VOCAB, today=TODAY).payment_method == expected
    )


def test_birth_date_gives_the_age_in_whole_years_when_age_is_absent() -> None:
    raw = {k: v for k, v in GOOD.items() if k != "age"}
    assert parse_input({**raw, "birth_date": "1990-06-16"}, VOCAB, today=TODAY).age == 35
    assert parse_input({**raw, "birth_date": "1990-06-15"}, VOCAB, today=TODAY).age == 36


def test_unknown_and_identity_keys_are_ignored() -> None:
    noisy = {
        **GOOD,
        "name": "김민지",
        "email": "kim@example.com",
        "phone": "010-1234-5678",
        "favourite_colour": "blue",
    }
    assert parse_input(noisy, VOCAB, today=TODAY) == parse_input(GOOD, VOCAB, today=TODAY)


def test_optional_model_of_interest_may_be_missing() -> None:
    raw = {k: v for k, v in GOOD.items() if k != "model_of_interest"}
    assert parse_input(raw, VOCAB, today=TODAY).model_of_interest is None
    assert (
        parse_input({**raw, "model_of_interest": ""}, VOCAB, today=TODAY).model_of_interest is None
    )


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("gender", None, "required"),
        ("gender", "X", "unknown_value"),
        ("age", 17, "age_range"),
        ("age", 101, "age_range"),
        ("age", "서른", "not_an_integer"),
        ("age", 34.5, "not_an_integer"),
        ("market", None, "required"),
        ("market", "Mars", "unknown_value"),
        ("market", "China", "unknown_value"),  # a real market, but not in this brand's vocab
        ("vehicle_class", "", "required"),
        ("vehicle_class", "우주선", "unknown_value"),
        ("model_of_interest", "Model T", "unknown_value"),
        ("eco_friendly", None, "required"),
        ("eco_friendly", "maybe", "not_a_boolean"),
        ("budget", None, "required"),
        ("budget", "많이", "not_a_number"),
        ("budget", 0, "budget_not_positive"),
        ("budget", -5_000_000, "budget_not_positive"),
        ("budget", 1_000_000, "budget_range"),
        ("budget", 500_000_000, "budget_range"),
        ("payment_method", None, "required"),
        ("payment_method", "bitcoin", "unknown_value"),
        ("channel", None, "required"),
        ("channel", "phone", "unknown_value"),
        ("purchase_count", None, "required"),
        ("purchase_count", -1, "purchase_count_negative"),
        ("purchase_count", "two", "not_an_integer"),
    ],
)
def test_each_field_is_validated(field: str, value: Any, code: str) -> None:
    assert _codes({**GOOD, field: value}) == {field: code}


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("1990-13-01", "not_a_date"),
        ("2030-01-01", "birth_date_future"),
        ("2015-01-01", "age_range"),
    ],
)
def test_birth_date_is_validated(value: str, code: str) -> None:
    raw = {k: v for k, v in GOOD.items() if k != "age"}
    assert _codes({**raw, "birth_date": value}) == {"birth_date": code}


def test_missing_age_and_birth_date_is_reported_on_age() -> None:
    assert _codes({k: v for k, v in GOOD.items() if k != "age"}) == {"age": "required"}


def test_every_wrong_field_is_reported_at_once() -> None:
    errors = _errors({"age": 12, "budget": -1, "market": "Mars"})
    assert [e.field for e in errors] == [
        "gender",
        "age",
        "market",
        "vehicle_class",
        "eco_friendly",
        "budget",
        "payment_method",
        "channel",
        "purchase_count",
    ]
    age = next(e for e in errors if e.field == "age")
    assert age.params == {"value": 12, "min": 18, "max": 100}


def test_budget_range_error_carries_the_brand_bounds() -> None:
    (error,) = _errors({**GOOD, "budget": 1_000_000})
    assert error.params == {"value": 1_000_000, "min": 9_000_000, "max": 137_000_000}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_error_code_renders_in_both_languages(lang: str) -> None:
    raws = [
        {
            "age": 12,
            "budget": -1,
            "market": "Mars",
            "eco_friendly": "x",
            "purchase_count": -2,
            "vehicle_class": "우주선",
            "gender": "X",
            "payment_method": "bitcoin",
            "channel": "phone",
        },
        {**GOOD, "budget": 1_000_000, "age": "x"},
        {**GOOD, "budget": "x", "purchase_count": "x"},
        {**{k: v for k, v in GOOD.items() if k != "age"}, "birth_date": "2030-01-01"},
        {**{k: v for k, v in GOOD.items() if k != "age"}, "birth_date": "x"},
    ]
    for raw in raws:
        for error in _errors(raw):
            text = render_error(error, lang)
            assert "{" not in text and error.code not in text, text


def test_age_message_names_the_rule_and_the_value() -> None:
    (error,) = _errors({**GOOD, "age": 12})
    assert render_error(error, "ko") == "나이는 18~100세여야 합니다 (입력: 12)"
    assert render_error(error, "en") == "Age must be 18-100 (got: 12)"


def test_engine_strings_have_both_languages() -> None:
    engine = {
        k: v
        for k, v in PREDICT_STRINGS.items()
        if k.startswith(("predict.error.", "predict.reason."))
    }
    assert engine and all(set(v) == {"ko", "en"} for v in engine.values())
