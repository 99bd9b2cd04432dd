"""Dash builds its validation layout from every page once, at the first request of the
process, whoever sends it. That request is usually anonymous (the login redirect): the
page guard must not leave the pages' component ids out of it, or the browser rejects
every page callback with "ID not found in layout"."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.security.support import signed_in_client


def _ids(component) -> set[str]:
    """The string ids of every component in a serialised Dash tree."""
    found: set[str] = set()
    if isinstance(component, list):
        for child in component:
            found |= _ids(child)
    elif isinstance(component, dict) and "props" in component:
        props = component["props"]
        if isinstance(props.get("id"), str):
            found.add(props["id"])
        for value in props.values():
            found |= _ids(value)
    return found


def _output_ids(dependencies: list[dict]) -> set[str]:
    """String component ids that callbacks write to (pattern-matching ids left out)."""
    found = set()
    for callback in dependencies:
        for part in callback["output"].strip(".").split("..."):
            component = part.strip(".").rsplit(".", 1)[0]
            if component and not component.startswith("{"):
                found.add(component)
    return found


def test_an_anonymous_first_request_keeps_every_page_in_the_validation_layout(tmp_path: Path):
    from app import create_app
    from app.settings import load_settings

    ops_db = tmp_path / "ops.sqlite"
    app = create_app(load_settings(db=tmp_path / "none.duckdb", ops_db=ops_db))
    anonymous = app.server.test_client()
    assert anonymous.get("/").status_code == 302  # the process's first request

    client = signed_in_client(app, ops_db, "validation-admin", "admin")
    index = client.get("/").get_data(as_text=True)
    config = json.loads(
        re.search(
            r'<script id="_dash-config" type="application/json">(.*?)</script>', index, re.S
        ).group(1)
    )
    known = _ids(config["validation_layout"])
    dependencies = client.get("/_dash-dependencies").get_json()
    missing = _output_ids(dependencies) - known
    assert missing == set(), f"callback outputs missing from the validation layout: {missing}"
