"""Every callback of a real app, sent odd inputs over HTTP: no response is a 500.

The callbacks are enumerated from the app's own `/_dash-dependencies`; each input and
state of each callback gets, in turn, wrong types, huge numbers, injection strings,
unknown names, nulls and nested objects (the others stay null), as a browser or a
hand-made request could send them.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

ODD_VALUES = [
    None,
    "",
    "x" * 5_000,
    "'; drop table fact_sales; --",
    "<script>alert(1)</script>",
    "unknown-name",
    "2024-13",
    -1,
    10**30,
    1.5,
    True,
    [],
    [1, "a", None, {"b": 2}],
    {"a": {"b": [1, None]}},
    {"points": [{"customdata": {"x": 1}}]},
]


def _parse_prop(text: str) -> tuple[object, str]:
    ident, prop = text.rsplit(".", 1)
    return (json.loads(ident) if ident.startswith("{") else ident), prop


def _entry(dep: dict, value: object) -> object:
    """One input/state entry; a wildcard id (ALL/MATCH) gets one matching component."""
    ident, prop = dep["id"], dep["property"]
    if isinstance(ident, str) and ident.startswith("{"):
        ident = json.loads(ident)
    if isinstance(ident, dict) and any(isinstance(v, list) for v in ident.values()):
        concrete = {k: ("odd" if isinstance(v, list) else v) for k, v in ident.items()}
        if any(v == ["MATCH"] for v in ident.values()):
            return {"id": concrete, "property": prop, "value": value}
        return [{"id": concrete, "property": prop, "value": value}]
    return {"id": ident, "property": prop, "value": value}


def _outputs(spec: str) -> list | dict:
    parts = spec[2:-2].split("...") if spec.startswith("..") else [spec]
    outs: list = []
    for part in parts:
        ident, prop = _parse_prop(part.split("@")[0])
        entry = _entry({"id": ident, "property": prop}, None)
        outs.append(
            [{"id": e["id"], "property": prop} for e in entry]
            if isinstance(entry, list)
            else {"id": entry["id"], "property": prop}  # type: ignore[index]
        )
    return outs if spec.startswith("..") else outs[0]


def _requests(dep: dict):
    deps = [*dep["inputs"], *dep["state"]]
    n_inputs = len(dep["inputs"])
    for position in range(len(deps)):
        for value in ODD_VALUES:
            entries = [_entry(d, value if i == position else None) for i, d in enumerate(deps)]
            first = dep["inputs"][0]
            yield {
                "output": dep["output"],
                "outputs": _outputs(dep["output"]),
                "inputs": entries[:n_inputs],
                "state": entries[n_inputs:],
                "changedPropIds": [f"{first['id']}.{first['property']}"],
            }


@pytest.fixture(scope="module")
def client(reference_db: Path, tmp_path_factory: pytest.TempPathFactory):
    from app import create_app
    from app.settings import load_settings

    tmp = tmp_path_factory.mktemp("fuzz")
    from tests.security.support import signed_in_client

    app = create_app(
        load_settings(db=reference_db, artifacts_dir=tmp / "none", ops_db=tmp / "ops.sqlite")
    )
    # an administrator: every callback is theirs to call, so every one is fuzzed
    return signed_in_client(app, tmp / "ops.sqlite", "fuzz-admin", "admin")


@pytest.mark.slow
def test_no_callback_answers_odd_input_with_a_server_error(client):
    deps = client.get("/_dash-dependencies").get_json()
    assert len(deps) >= 50  # every page's callbacks are there
    statuses: Counter[int] = Counter()
    failures: list[str] = []
    for dep in deps:
        if dep.get("clientside_function"):
            continue  # runs in the browser: the server has no function to call
        for body in _requests(dep):
            response = client.post("/_dash-update-component", json=body)
            statuses[response.status_code] += 1
            if response.status_code >= 500:
                failures.append(f"{dep['output'][:80]} <- {json.dumps(body['inputs'])[:160]}")
    assert sum(statuses.values()) > 2_000
    assert statuses[401] == statuses[403] == 0  # every request reached its callback
    by_output = Counter(f.split(" <- ")[0] for f in failures)
    assert failures == [], f"{len(failures)} server errors ({dict(statuses)}): {by_output}"
