"""Who performs an automation action, and what they may touch.

Sign-in and roles do not exist yet (the security issue adds them). Every automation
action (report, e-mail, schedule, upload) already takes an explicit `actor`, so the
security layer only has to build the real `Actor` from the signed-in user:

- admin and strategist: every brand;
- dealer: only their own brand (`Actor.brand`), e.g. a Kia dealer e-mails Kia
  customers only;
- analyst: reads reports, sends nothing.

Until sign-in exists, the CLI and the app act as `SYSTEM` (an admin).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["admin", "strategist", "dealer", "analyst"]
SENDERS: frozenset[str] = frozenset({"admin", "strategist", "dealer"})


class ScopeRefused(PermissionError):
    """The actor may not do this (wrong role or another brand)."""


@dataclass(frozen=True)
class Actor:
    name: str = "system"
    role: Role = "admin"
    brand: str | None = None  # set for a dealer: the one brand they work for
    market: str | None = None  # optionally set for a dealer: the one market they work in

    def scoped_brand(self, brand: str | None) -> str:
        """The brand an action may use: `brand` itself, or the dealer's brand.

        'all' / None means every brand for admins and strategists, and the own
        brand for a dealer; asking for another brand is refused.
        """
        wanted = brand if brand not in (None, "", "all") else "all"
        if self.brand is None:
            return wanted  # type: ignore[return-value]
        if wanted in ("all", self.brand):
            return self.brand
        raise ScopeRefused(f"{self.name} ({self.role}) works for {self.brand}, not {brand}")

    def require_sender(self) -> None:
        """Refuse an action that sends e-mail or changes data for a read-only role."""
        if self.role not in SENDERS:
            raise ScopeRefused(f"{self.name} ({self.role}) may not send e-mail or load data")


SYSTEM = Actor()
