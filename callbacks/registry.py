"""The one place callbacks are registered: `@callback(...)` instead of `@dash.callback`.

Every callback goes through `callback`, which
- validates the inputs at the boundary: the callback's type annotations (pydantic, via
  `validate_call`) say what each input may be; anything else gives no update and one
  translated message in the shell's input alert, never an HTTP 500;
- turns a warehouse that cannot be read (missing, locked read-write by another process)
  into the same visible message, naming the file and what to do;
- checks the access table (`app.security.access`) before the callback runs: a role the
  callback's rule does not allow, or a dealer asking for another brand's data
  (`ScopeRefused`, raised where the data is read), gets HTTP 403 and runs nothing;
- records the callback in `REGISTRY` with its page and access rule;
- with `memo=True` (pure views of the warehouse: the same inputs, data and user scope
  give the same outputs), keeps the outputs in a small per-process LRU cache keyed by
  the callback, its inputs, the warehouse file served (a rebuild swaps it, so a swap
  never serves old figures), the trained models' `latest` pointers (a retrain moves
  them) and the signed-in user's role and brand/market scope. The
  access check runs first on every call; only complete results are kept. Many users
  looking at the same market views then share one computation (Dash's performance
  guide memoizes callbacks the same way).

Registering is separate from defining: `register_all(app)` (called by `app.create_app`)
adds every recorded callback to one Dash app, so each app the factory builds (the served
one, or one per test) gets the same callbacks.
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import dash
from cachetools import LRUCache
from dash import no_update
from dash.exceptions import MissingCallbackContextException
from flask import abort
from polars.exceptions import PanicException
from pydantic import ConfigDict, ValidationError, validate_call

from app import ids, services
from app.i18n import LANGUAGES, t
from app.security import access

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Registered:
    """One registered callback: where it lives and who may call it."""

    page: str
    name: str  # module.function
    access: access.Rule
    function: Callable[..., Any]  # the guarded function (validation + messages)
    dependencies: tuple[Any, ...]  # Output/Input/State, as given to dash.callback
    options: dict[str, Any]


REGISTRY: list[Registered] = []

# Outputs of memo callbacks (a figure is ~10-200 kB). In the 50-user load test
# (benchmarks/load_test.py) 256 entries gave 233 requests/s, p95 474 ms; 2,048 gave
# 359 requests/s, p95 337 ms, with workers at 569/601 MB resident after the run
# against 563/544 MB (one run each, on an otherwise idle machine).
MEMO_SIZE = 2048
_MEMO: LRUCache[tuple, Any] = LRUCache(maxsize=MEMO_SIZE)
_MEMO_LOCK = threading.Lock()


def _memo_key(name: str, args: tuple, kwargs: dict) -> tuple:
    """What a memo callback's outputs depend on: the callback, its inputs (JSON, so
    dicts and lists compare by value), the warehouse file served, the trained models'
    pointers and who asks."""
    who = services.actor()
    inputs = json.dumps([args, kwargs], sort_keys=True, default=str)
    return (
        name,
        inputs,
        services.file_identity(),
        services.models_identity(),
        who.role,
        who.brand,
        who.market,
    )


def clear_memo() -> None:
    """Forget every memoized output (tests; a settings change)."""
    with _MEMO_LOCK:
        _MEMO.clear()


def callback(*dependencies: Any, page: str, memo: bool = False, **options: Any):
    """`dash.callback` with the access check, the input boundary and an entry in REGISTRY
    (see module doc)."""

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        checked = validate_call(func, config=ConfigDict(arbitrary_types_allowed=True))
        signature = inspect.signature(func)
        name = f"{func.__module__}.{func.__name__}"
        rule = access.callback_rule(name)

        @functools.wraps(func)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            if not rule.allows(services.actor().role):
                abort(403)
            try:
                if not memo:
                    return checked(*args, **kwargs)
                key = _memo_key(name, args, kwargs)
                with _MEMO_LOCK:
                    if key in _MEMO:
                        return _MEMO[key]
                result = checked(*args, **kwargs)
                if result is not no_update:
                    with _MEMO_LOCK:
                        _MEMO[key] = result
                return result
            except services.ScopeRefused:
                abort(403)
            except ValidationError as exc:
                fields = sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]})
                lang = _lang(signature, args, kwargs)
                return refuse(t("input.refused", lang, fields=", ".join(fields)))
            except services.Unavailable as exc:
                lang = _lang(signature, args, kwargs)
                return refuse(t("input.unavailable", lang, detail=str(exc)))
            except PanicException:
                # A Polars panic (seen once in 3,000 load-test requests: 'assertion failed:
                # i < self.len()' in a string kernel) is a BaseException: uncaught, it ends
                # the gunicorn worker and resets every request in flight on it.
                log.exception("callback %s: Polars panicked", name)
                return refuse(t("input.failed", _lang(signature, args, kwargs)))

        REGISTRY.append(Registered(page, name, rule, guarded, dependencies, options))
        return guarded

    return register


def register_all(app: dash.Dash) -> None:
    """Add every recorded callback to `app`."""
    for entry in REGISTRY:
        app.callback(*entry.dependencies, **entry.options)(entry.function)


def for_page(page: str) -> Callable[..., Any]:
    """`callback` with the page of a whole callbacks module bound."""
    return functools.partial(callback, page=page)


def _lang(signature: inspect.Signature, args: tuple, kwargs: dict) -> str:
    try:
        lang = signature.bind_partial(*args, **kwargs).arguments.get("lang")
    except TypeError:
        return LANGUAGES[0]
    return lang if lang in LANGUAGES else LANGUAGES[0]


def refuse(message: str) -> Any:
    """No update to the callback's outputs; `message` in the shell's input alert."""
    try:
        dash.set_props(ids.INPUT_ALERT, {"children": message, "is_open": True})
    except MissingCallbackContextException:  # called as a plain function (tests)
        log.info("input refused: %s", message)
    return no_update
