"""A real local SMTP server (aiosmtpd on loopback), started and stopped by each test."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from app.mail.transport import SmtpConfig


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class Inbox:
    """What the server received, in order."""

    messages: list[Received] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        parsed = message_from_bytes(envelope.original_content, policy=policy.default)
        self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 OK"


class SmtpServer:
    """aiosmtpd on 127.0.0.1:`port`; `start`/`stop` to take it up and down."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.inbox = Inbox()
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def config(self, sender: str = "strategy@carsight.test") -> SmtpConfig:
        return SmtpConfig(
            host="127.0.0.1", port=self.port, user=None, password=None, sender=sender, tls="none"
        )


@pytest.fixture()
def smtp_server():
    server = SmtpServer(free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture()
def smtp_down():
    """A server object whose port has no listener until the test calls start()."""
    server = SmtpServer(free_port())
    yield server
    server.stop()


@pytest.fixture()
def ops_db(tmp_path: Path) -> Path:
    return tmp_path / "ops.sqlite"
