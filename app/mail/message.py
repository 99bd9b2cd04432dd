"""E-mail messages built with `email.message.EmailMessage` and `Address` only.

Header input (names, addresses, subjects) containing CR or LF is refused before
anything is built: a line break in a header would let the input add headers or
recipients ("header injection").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from email_validator import EmailNotValidError, validate_email


class HeaderRefused(ValueError):
    """Header input that cannot be used (a line break, or an invalid address)."""


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    maintype: str
    subtype: str


def clean_header(field: str, value: str) -> str:
    """`value` unchanged, or HeaderRefused when it holds a CR or LF."""
    if "\r" in value or "\n" in value:
        raise HeaderRefused(
            f"{field}: line breaks are not allowed in an e-mail header; remove them"
        )
    return value


def address(email: str, name: str = "") -> Address:
    """An Address from a checked e-mail (syntax only, no DNS) and display name."""
    clean_header("name", name)
    clean_header("address", email)
    try:
        checked = validate_email(email.strip(), check_deliverability=False, test_environment=True)
    except EmailNotValidError as exc:
        raise HeaderRefused(f"address {email!r}: {exc}") from exc
    return Address(display_name=name.strip(), addr_spec=checked.normalized)


def sender_address(email: str, name: str = "CarSight") -> Address:
    """The configured sender (settings.smtp_from): trusted configuration, so local
    domains such as `localhost` are allowed; line breaks are still refused."""
    clean_header("sender", email)
    local, _, domain = email.strip().rpartition("@")
    if not local or not domain:
        raise HeaderRefused(f"sender {email!r}: not an e-mail address; set CARSIGHT_SMTP_FROM")
    return Address(display_name=name, username=local, domain=domain)


def parse_recipients(value: str) -> list[Address]:
    """'a@x, b@y' -> Addresses; refuses an empty list or any bad address."""
    parts = [p.strip() for p in value.replace(";", ",").split(",") if p.strip()]
    if not parts:
        raise HeaderRefused("no recipient: give one or more addresses, separated by commas")
    return [address(p) for p in parts]


def build_message(
    *,
    sender: Address,
    to: Iterable[Address],
    subject: str,
    text: str,
    html: str | None = None,
    attachments: Iterable[Attachment] = (),
    headers: Mapping[str, str] | None = None,
) -> EmailMessage:
    """A multipart message: text, optional HTML alternative, then the attachments."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = tuple(to)
    message["Subject"] = clean_header("subject", subject)
    message["Date"] = format_datetime(dt.datetime.now(dt.UTC))
    message["Message-ID"] = make_msgid(domain=sender.domain or "carsight.local")
    for name, value in (headers or {}).items():
        message[clean_header("header name", name)] = clean_header(name, value)
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    for item in attachments:
        message.add_attachment(
            item.content,
            maintype=item.maintype,
            subtype=item.subtype,
            filename=clean_header("attachment name", item.filename),
        )
    return message


def wire_bytes(message: EmailMessage) -> bytes:
    """The message as sent over SMTP: CRLF line ends (smtplib sends bytes as they are,
    and a bare-LF message is one over-long line to the server)."""
    return message.as_bytes(policy=policy.SMTP)
