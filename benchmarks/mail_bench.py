"""E-mail sends per second against a real local SMTP server (aiosmtpd on loopback).

    python benchmarks/mail_bench.py [--messages 50] [--rate 5]

Queues N campaign-sized messages (HTML + text, ~6 KB) in a fresh operational store and
times `app.mail.transport.deliver` twice: under the rate limit (`--rate`, the
`mail_rate_per_s` setting, default 5/s) and with the limit off (what one SMTP
connection on this machine sustains).
"""

from __future__ import annotations

import argparse
import socket
import tempfile
from pathlib import Path

import common  # noqa: F401  (puts the repository on sys.path)


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Sink:
    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.count += 1
        return "250 OK"


def _queue(ops_db: Path, n: int, tag: str) -> None:
    from app.mail.message import address, build_message, sender_address, wire_bytes
    from warehouse import mail_store

    body = "추천 차량 안내 " * 200
    items = [
        mail_store.Outgoing(
            dedupe_key=f"{tag}:{i}",
            kind="campaign",
            template="campaign/segment-vip.ko.j2",
            campaign=tag,
            customer_id=f"C{i}",
            recipient=f"c{i}@example.com",
            subject="벤치마크",
            message=wire_bytes(
                build_message(
                    sender=sender_address("bench@carsight.test"),
                    to=[address(f"c{i}@example.com", f"고객 {i}")],
                    subject="벤치마크",
                    text=body,
                    html=f"<p>{body}</p>",
                )
            ),
        )
        for i in range(n)
    ]
    mail_store.enqueue_many(ops_db, items)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=50)
    parser.add_argument("--rate", type=float, default=5.0)
    args = parser.parse_args()

    from aiosmtpd.controller import Controller

    from app.mail.transport import DeliveryPolicy, SmtpConfig, deliver

    port, sink = _port(), _Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    config = SmtpConfig("127.0.0.1", port, None, None, "bench@carsight.test", "none")
    print("| limit | messages | seconds | sends per second |")
    print("|---|---:|---:|---:|")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for label, rate in ((f"{args.rate:g}/s", args.rate), ("off", 1e9)):
                ops_db = Path(tmp) / f"ops-{label.replace('/', '_')}.sqlite"
                _queue(ops_db, args.messages, label)
                done = deliver(ops_db=ops_db, config=config, policy=DeliveryPolicy(rate, 1, 0))
                assert done.sent == args.messages, done
                print(
                    f"| {label} | {done.sent} | {done.seconds:.2f} | "
                    f"{done.sent / done.seconds:.1f} |"
                )
    finally:
        controller.stop()
    print(f"\nthe server received {sink.count} messages")


if __name__ == "__main__":
    main()
