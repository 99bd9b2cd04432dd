"""Finding a returning customer at the counter: what the dealer typed, and what it means.

A customer who bought before has a real segment, type and purchase history in the
warehouse; the counter shows those, never a prediction. `parse_lookup` reads the
one search box: an e-mail address (has '@'), a phone number (7 or more digits,
only digits, spaces and + - ( ) . /, an extension such as 'x124' ignored) or else
a user id / customer id. The search itself is `warehouse.trained.find_customers`,
always within one brand (a dealer finds only their own brand's customers).

Phone numbers are compared by their digits: a Korean country code (82) in front
of a national number is read as its leading 0 (+82 10-1234-5678 = 010-1234-5678),
and one number that ends with the other (at least PHONE_SUFFIX_MIN digits) is a
match too: a number typed or stored without its country code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analytics.predict.inputs import FieldError, InputError

PHONE_MIN_DIGITS = 7
PHONE_SUFFIX_MIN = 8
_EXTENSION = re.compile(r"\s*(?i:x|ext\.?)\s*\d+$")
_PHONE_CHARS = re.compile(r"^[\d\s+\-().]+$")
KINDS = ("email", "phone", "id")


@dataclass(frozen=True)
class LookupQuery:
    """kind: 'email' (lower case), 'phone' (digits, see `phone_digits`) or 'id' (as typed)."""

    kind: str
    value: str


def phone_digits(text: str) -> str:
    """The comparable digits of a phone number (see the module doc)."""
    digits = re.sub(r"\D", "", _EXTENSION.sub("", text))
    return "0" + digits[2:] if digits.startswith("82") and len(digits) >= 10 else digits


def parse_lookup(text: str | None) -> LookupQuery:
    """What the dealer typed as a query; InputError (field 'lookup') when it is empty
    or too short to find one customer."""
    raw = (text or "").strip()
    if not raw:
        raise InputError([FieldError("lookup", "required")])
    if "@" in raw:
        local, _, domain = raw.partition("@")
        if not local or "." not in domain:
            raise InputError([FieldError("lookup", "not_an_email", {"value": raw})])
        return LookupQuery("email", raw.lower())
    bare = _EXTENSION.sub("", raw)
    if _PHONE_CHARS.match(bare) and sum(c.isdigit() for c in bare) >= PHONE_MIN_DIGITS:
        return LookupQuery("phone", phone_digits(raw))
    if len(raw) < 3:
        raise InputError([FieldError("lookup", "too_short", {"value": raw})])
    return LookupQuery("id", raw)
