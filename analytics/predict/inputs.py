"""Counter inputs of a prediction: parsing, canonical values and validation.

A dealer (the /predict page, `carsight predict --json` or a CSV row) hands in
a mapping of raw values; `parse_input` turns it into a `CustomerInput` or
raises `InputError` listing every field that is wrong at once. Unknown keys
are ignored, and identity fields (name, email, phone, address, user_id) are
never read here, so they cannot influence a prediction.

Keys and accepted values:

| key | accepted | canonical |
|---|---|---|
| gender | 남/여, M/F, male/female | 'M' / 'F' |
| age | integer 18-100 | int |
| birth_date | YYYY-MM-DD (used when age is absent) | age in whole years on `today` |
| market | canonical name or Korean label (warehouse.canonical) | canonical, in the brand's vocab |
| vehicle_class | e.g. 중형 SUV, from the brand's vocab | as given |
| model_of_interest | optional; a model of the brand | canonical model family |
| eco_friendly | true/false, 1/0, 예/아니오, yes/no, y/n | bool |
| budget | KRW, > 0 and inside the brand's budget bounds | int |
| payment_method | 현금/계좌이체/신용카드, cash/transfer/card | Korean label |
| channel | 온라인/오프라인, online/offline | Korean label |
| purchase_count | integer >= 0 (previous purchases) | int |

Budget bounds (`InputVocab.budget_min` / `budget_max`) are derived at train
time from the brand's transaction amounts (see
`analytics.predict.recommend_vehicles.budget_bounds`) and stored in the artifact, so a
budget far outside what the brand's customers ever paid is refused instead of
being scored by extrapolation.

Error codes (rendered in the app layer, `app.i18n.predict.render_error`):
required, not_a_number, not_an_integer, not_a_date, not_a_boolean,
unknown_value, age_range, budget_not_positive, budget_range,
purchase_count_negative, birth_date_future.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from warehouse.canonical import market_of
from warehouse.catalogue import family_of

AGE_MIN, AGE_MAX = 18, 100
IDENTITY_KEYS = frozenset({"name", "email", "phone", "address", "user_id"})
GENDERS: dict[str, str] = {
    "m": "M",
    "male": "M",
    "남": "M",
    "남성": "M",
    "남자": "M",
    "f": "F",
    "female": "F",
    "여": "F",
    "여성": "F",
    "여자": "F",
}
PAYMENT_METHODS: dict[str, str] = {
    "현금": "현금",
    "cash": "현금",
    "계좌이체": "계좌이체",
    "transfer": "계좌이체",
    "bank transfer": "계좌이체",
    "신용카드": "신용카드",
    "card": "신용카드",
    "credit card": "신용카드",
}
CHANNELS: dict[str, str] = {
    "온라인": "온라인",
    "online": "온라인",
    "오프라인": "오프라인",
    "offline": "오프라인",
}
BOOLEANS: dict[str, bool] = {
    "true": True,
    "1": True,
    "예": True,
    "yes": True,
    "y": True,
    "네": True,
    "t": True,
    "false": False,
    "0": False,
    "아니오": False,
    "아니요": False,
    "no": False,
    "n": False,
    "f": False,
}
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class CustomerInput:
    """A validated counter customer. Amounts in KRW; age in years."""

    brand: str
    gender: str  # 'M' | 'F'
    age: int
    market: str  # canonical market (warehouse.canonical.MARKETS)
    vehicle_class: str
    model_of_interest: str | None
    eco_friendly: bool
    budget_krw: int
    payment_method: str  # 현금 | 계좌이체 | 신용카드
    channel: str  # 온라인 | 오프라인
    purchase_count: int


@dataclass(frozen=True)
class FieldError:
    """One wrong field: `code` names the rule, `params` fill the message template."""

    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


class InputError(ValueError):
    """Invalid input; `.errors` lists every wrong field (rendered by the app layer)."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(f"{e.field}: {e.code} {e.params}" for e in self.errors))


@dataclass(frozen=True)
class InputVocab:
    """The values a brand's predictor knows, from its training data (display order)."""

    brand: str
    markets: tuple[str, ...]
    vehicle_classes: tuple[str, ...]
    models: tuple[str, ...]
    payment_methods: tuple[str, ...]
    channels: tuple[str, ...]
    genders: tuple[str, ...] = ("M", "F")
    budget_min: int = 1
    budget_max: int = 10**12
    age_min: int = AGE_MIN
    age_max: int = AGE_MAX
    budget_rule: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "brand": self.brand,
            "markets": list(self.markets),
            "vehicle_classes": list(self.vehicle_classes),
            "models": list(self.models),
            "payment_methods": list(self.payment_methods),
            "channels": list(self.channels),
            "genders": list(self.genders),
            "budget_min": self.budget_min,
            "budget_max": self.budget_max,
            "age_min": self.age_min,
            "age_max": self.age_max,
            "budget_rule": self.budget_rule,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> InputVocab:
        return cls(
            brand=str(data["brand"]),
            markets=tuple(data["markets"]),
            vehicle_classes=tuple(data["vehicle_classes"]),
            models=tuple(data["models"]),
            payment_methods=tuple(data["payment_methods"]),
            channels=tuple(data["channels"]),
            genders=tuple(data["genders"]),
            budget_min=int(data["budget_min"]),
            budget_max=int(data["budget_max"]),
            age_min=int(data.get("age_min", AGE_MIN)),
            age_max=int(data.get("age_max", AGE_MAX)),
            budget_rule=str(data.get("budget_rule", "")),
        )


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _text(value: Any) -> str:
    return _SPACES.sub(" ", str(value)).strip()


def _integer(value: Any) -> int | None:
    """An integer from int, integral float or text like '35,000,000'; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value.is_integer() else None
    text = _text(value).replace(",", "").replace("_", "")
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if math.isfinite(number) and number.is_integer() else None


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return math.isfinite(value)
    try:
        return math.isfinite(float(_text(value).replace(",", "").replace("_", "")))
    except ValueError:
        return False


def _choice(raw: Any, aliases: Mapping[str, str], allowed: tuple[str, ...]) -> str | None:
    key = _text(raw)
    value = aliases.get(key.lower(), aliases.get(key, key))
    return value if value in allowed else None


def age_on(birth: dt.date, today: dt.date) -> int:
    """Age in whole years on `today`."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def parse_input(raw: Mapping[str, Any], vocab: InputVocab, *, today: dt.date) -> CustomerInput:
    """Validate `raw` against `vocab`; raises InputError listing every wrong field."""
    errors: list[FieldError] = []

    def get(key: str) -> Any:
        value = raw.get(key)
        return None if _blank(value) else value

    def fail(name: str, code: str, **params: Any) -> None:
        errors.append(FieldError(name, code, params))

    gender = None
    if (value := get("gender")) is None:
        fail("gender", "required")
    elif (gender := GENDERS.get(_text(value).lower())) is None:
        fail("gender", "unknown_value", value=_text(value), choices=list(vocab.genders))

    age = None
    if (value := get("age")) is not None:
        if (age := _integer(value)) is None:
            fail("age", "not_an_integer", value=_text(value))
        elif not vocab.age_min <= age <= vocab.age_max:
            fail("age", "age_range", value=age, min=vocab.age_min, max=vocab.age_max)
            age = None
    elif (value := get("birth_date")) is not None:
        try:
            birth = value if isinstance(value, dt.date) else dt.date.fromisoformat(_text(value))
        except ValueError:
            fail("birth_date", "not_a_date", value=_text(value))
        else:
            if birth > today:
                fail("birth_date", "birth_date_future", value=birth.isoformat())
            elif not vocab.age_min <= (age := age_on(birth, today)) <= vocab.age_max:
                fail("birth_date", "age_range", value=age, min=vocab.age_min, max=vocab.age_max)
                age = None
    else:
        fail("age", "required")

    market = None
    if (value := get("market")) is None:
        fail("market", "required")
    elif (market := market_of(_text(value))) not in vocab.markets:
        fail("market", "unknown_value", value=_text(value), choices=list(vocab.markets))
        market = None

    vehicle_class = None
    if (value := get("vehicle_class")) is None:
        fail("vehicle_class", "required")
    elif (vehicle_class := _text(value)) not in vocab.vehicle_classes:
        fail(
            "vehicle_class",
            "unknown_value",
            value=vehicle_class,
            choices=list(vocab.vehicle_classes),
        )

    model = None
    if (value := get("model_of_interest")) is not None:
        family = family_of(vocab.brand, _text(value))
        model = next(
            (m for m in vocab.models if family is not None and m.lower() == family.lower()), None
        )
        if model is None:
            fail(
                "model_of_interest", "unknown_value", value=_text(value), choices=list(vocab.models)
            )

    eco = None
    if (value := get("eco_friendly")) is None:
        fail("eco_friendly", "required")
    elif isinstance(value, bool):
        eco = value
    elif (eco := BOOLEANS.get(_text(value).lower())) is None:
        fail("eco_friendly", "not_a_boolean", value=_text(value))

    budget = None
    if (value := get("budget")) is None:
        fail("budget", "required")
    elif not _is_number(value):
        fail("budget", "not_a_number", value=_text(value))
    else:
        amount = (
            float(_text(value).replace(",", "").replace("_", ""))
            if isinstance(value, str)
            else float(value)
        )
        if amount <= 0:
            fail("budget", "budget_not_positive", value=round(amount))
        elif not vocab.budget_min <= amount <= vocab.budget_max:
            fail(
                "budget",
                "budget_range",
                value=round(amount),
                min=vocab.budget_min,
                max=vocab.budget_max,
            )
        else:
            budget = round(amount)

    payment = None
    if (value := get("payment_method")) is None:
        fail("payment_method", "required")
    elif (payment := _choice(value, PAYMENT_METHODS, vocab.payment_methods)) is None:
        fail(
            "payment_method",
            "unknown_value",
            value=_text(value),
            choices=list(vocab.payment_methods),
        )

    channel = None
    if (value := get("channel")) is None:
        fail("channel", "required")
    elif (channel := _choice(value, CHANNELS, vocab.channels)) is None:
        fail("channel", "unknown_value", value=_text(value), choices=list(vocab.channels))

    count = None
    if (value := get("purchase_count")) is None:
        fail("purchase_count", "required")
    elif (count := _integer(value)) is None:
        fail("purchase_count", "not_an_integer", value=_text(value))
    elif count < 0:
        fail("purchase_count", "purchase_count_negative", value=count)
        count = None

    if errors:
        raise InputError(errors)
    assert gender and age is not None and market and vehicle_class and eco is not None
    assert budget is not None and payment and channel and count is not None
    return CustomerInput(
        brand=vocab.brand,
        gender=gender,
        age=age,
        market=market,
        vehicle_class=vehicle_class,
        model_of_interest=model,
        eco_friendly=eco,
        budget_krw=budget,
        payment_method=payment,
        channel=channel,
        purchase_count=count,
    )
