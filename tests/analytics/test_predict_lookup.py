"""Finding a returning customer at the counter: the search box and the brand-scoped search."""

from __future__ import annotations

import pytest

from analytics.predict.inputs import InputError
from analytics.predict.lookup import LookupQuery, parse_lookup, phone_digits


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        (" YShaw@Gmail.com ", LookupQuery("email", "yshaw@gmail.com")),
        ("010-1234-5678", LookupQuery("phone", "01012345678")),
        ("+82 10-1234-5678", LookupQuery("phone", "01012345678")),  # Korea's 82 -> 0
        ("114-884-6606 x124", LookupQuery("phone", "1148846606")),  # extension dropped
        ("(345)292-7863", LookupQuery("phone", "3452927863")),
        ("user925019", LookupQuery("id", "user925019")),
        ("H-pgim~2", LookupQuery("id", "H-pgim~2")),
    ],
)
def test_the_search_box_reads_e_mail_phone_or_id(typed: str, query: LookupQuery) -> None:
    assert parse_lookup(typed) == query


@pytest.mark.parametrize(
    ("typed", "code"),
    [("", "required"), ("  ", "required"), ("a@b", "not_an_email"), ("ab", "too_short")],
)
def test_an_unusable_query_is_refused_naming_why(typed: str, code: str) -> None:
    with pytest.raises(InputError) as err:
        parse_lookup(typed)
    assert [(e.field, e.code) for e in err.value.errors] == [("lookup", code)]


def test_phone_digits_keep_a_foreign_country_code() -> None:
    assert phone_digits("+1 650 253 0000") == "16502530000"
    assert phone_digits("+82 2-123-4567") == "021234567"


@pytest.fixture(scope="module")
def warehouse(reference_db):
    from warehouse.connection import Warehouse

    wh = Warehouse(reference_db)
    yield wh
    wh.close()


def _found(warehouse, brand: str, typed: str) -> list[str]:
    from warehouse.trained import find_customers

    q = parse_lookup(typed)
    return find_customers(warehouse, brand=brand, kind=q.kind, value=q.value)[
        "customer_id"
    ].to_list()


@pytest.mark.parametrize(
    ("brand", "typed", "ids"),
    [
        ("Kia", "yshaw@gmail.com", ["K-user925019"]),
        ("Kia", "114-884-6606", ["K-user925019"]),  # stored as '114-884-6606 x124'
        ("Kia", "(345)292-7863", ["K-user991547"]),
        ("Kia", "+1 345 292 7863", ["K-user991547"]),  # stored without the country code
        ("Kia", "user991547", ["K-user991547"]),
        ("Hyundai", "01144960500", ["H-alexandramitchell"]),
    ],
)
def test_a_returning_customer_is_found_by_e_mail_phone_or_id(
    warehouse, brand: str, typed: str, ids: list[str]
) -> None:
    assert _found(warehouse, brand, typed) == ids


def test_two_customers_sharing_a_user_id_are_both_shown(warehouse) -> None:
    assert sorted(_found(warehouse, "Hyundai", "pgim")) == ["H-pgim", "H-pgim~2"]


def test_a_search_never_crosses_brands(warehouse) -> None:
    # a Kia customer's e-mail, phone and id are not found among Hyundai's customers
    for typed in ("yshaw@gmail.com", "(345)292-7863", "user925019"):
        assert _found(warehouse, "Hyundai", typed) == []


def test_the_result_carries_no_contact_details(warehouse) -> None:
    from warehouse.trained import find_customers

    found = find_customers(warehouse, brand="Kia", kind="email", value="yshaw@gmail.com")
    assert not {"name", "phone", "email", "address", "user_id"} & set(found.columns)
    assert {"segment", "cluster", "persona", "purchase_count", "purchase_date"} <= set(
        found.columns
    )
