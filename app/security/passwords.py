"""Password hashing (argon2id) and the password rule. Passwords never leave this module
as text: callers store and compare hashes only."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 10


class PasswordRefused(ValueError):
    """A new password that does not meet the rule."""


@cache
def _hasher() -> PasswordHasher:
    # argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): a sign-in costs tens of
    # milliseconds on a small server, a guess costs an attacker as much
    return PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)


@cache
def _dummy_hash() -> str:
    return _hasher().hash("not a password of anyone")


def check_rule(password: str, *, user_name: str) -> None:
    """Refuse short passwords and ones that contain the user name."""
    if len(password) < MIN_LENGTH:
        raise PasswordRefused(f"the password needs at least {MIN_LENGTH} characters")
    if user_name and user_name.lower() in password.lower():
        raise PasswordRefused("the password must not contain the user name")


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify(password_hash: str | None, password: str) -> bool:
    """Does `password` match? Without a hash (unknown user) a dummy hash is checked, so
    an unknown name takes as long as a wrong password."""
    try:
        return _hasher().verify(password_hash or _dummy_hash(), password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False
