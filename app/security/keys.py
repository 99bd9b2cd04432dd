"""Secrets from the environment only: the session key, and the keyed hashes derived
from it (pseudonymous customer ids).

`CARSIGHT_SECRET_KEY` signs the session cookies (and CSRF tokens). Production refuses
to start without a strong one; a development server without one makes a random key
per process (sessions then end when it stops).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import cache

SECRET_ENV = "CARSIGHT_SECRET_KEY"
MIN_KEY_LENGTH = 32
MIN_DISTINCT = 12
HOW_TO_MAKE = "make one with: python -c 'import secrets; print(secrets.token_urlsafe(48))'"


class WeakKey(ValueError):
    """The secret key is missing or too weak for production."""


def key_problem(key: str | None) -> str | None:
    """Why `key` is not strong enough (None when it is)."""
    if not key:
        return f"{SECRET_ENV} is not set; {HOW_TO_MAKE}"
    if len(key) < MIN_KEY_LENGTH:
        return f"{SECRET_ENV} has {len(key)} characters, at least {MIN_KEY_LENGTH} are needed; " + (
            HOW_TO_MAKE
        )
    if len(set(key)) < MIN_DISTINCT:
        return f"{SECRET_ENV} repeats too few characters to be random; {HOW_TO_MAKE}"
    return None


def session_key(*, production: bool) -> str:
    """The key that signs sessions: from the environment; a random one only outside
    production. Raises WeakKey in production when it is missing or weak."""
    key = os.environ.get(SECRET_ENV)
    problem = key_problem(key)
    if production and problem:
        raise WeakKey(problem)
    return key if key and not problem else _process_key()


@cache
def _process_key() -> str:
    return secrets.token_urlsafe(48)


def derived_key(purpose: str, secret: str) -> bytes:
    """A separate key for one purpose, so one use of the secret never reveals another."""
    return hmac.new(secret.encode(), purpose.encode(), hashlib.sha256).digest()
