"""Helpers every page's callbacks share."""

from __future__ import annotations

import dash

from app import ids


def trigger_kind() -> str:
    """What fired the running callback: 'initial' (the page just opened), 'lang' (the
    language toggle), 'data' (a new warehouse version) or 'user' (one of the page's
    controls)."""
    try:
        trigger = dash.ctx.triggered_id
    except Exception:  # called as a plain function (tests): treat as the first call
        return "initial"
    if trigger is None:
        return "initial"
    if trigger == ids.DATA_VERSION:
        return "data"
    return "lang" if trigger == ids.LANG_STORE else "user"
