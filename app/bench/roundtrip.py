"""Callbacks through the Dash test client: the HTTP round trip of `/_dash-update-component`
(request parsing, the callback, JSON encoding of the figures), no browser and no network.

`fire` builds the request from the app's own callback map, so it follows the
callbacks as they are: inputs named in `values` ("id.property" -> value) get those
values; a pattern-matching (ALL) input gets the components listed under
"type.property" as (id, value) pairs (none when not listed); every other input None.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.bench.core import Report, load_average, timed
from app.bench.prepare import Prepared

TARGET_MS = {"ci": 300.0, "small": 300.0, "medium": None, "large": 1000.0}
# page -> (its filter-spec store, the callback that resolves it)
PAGES = {"strategy": "gs-spec", "dealer": "dealer-spec", "forecast": "fc-spec"}
BUSIEST = {  # the three callbacks every strategy cross-filter fires, name -> output id
    "roundtrip_resolve_filters": "gs-spec",
    "roundtrip_top10": "gs-top10-bar",
    "roundtrip_heatmap": "gs-heatmap",
}


def _outputs(key: str) -> list[dict[str, str]]:
    parts = key.strip(".").split("...") if key.startswith("..") else [key.split("@")[0]]
    return [dict(zip(("id", "property"), p.rsplit(".", 1), strict=True)) for p in parts]


def _spec(item: dict[str, Any], values: dict[str, Any]) -> Any:
    if str(item["id"]).startswith("{"):  # pattern-matching (ALL): one entry per component
        pattern = json.loads(item["id"])
        matched = values.get(f"{pattern.get('type')}.{item['property']}", [])
        return [{"id": i, "property": item["property"], "value": v} for i, v in matched]
    name = f"{item['id']}.{item['property']}"
    return {"id": item["id"], "property": item["property"], "value": values.get(name)}


def fire(client: Any, app: Any, key: str, values: dict[str, Any]) -> tuple[int, dict]:
    """POST one callback; (HTTP status, response JSON or {})."""
    entry = app.callback_map[key]
    inputs = [_spec(i, values) for i in entry["inputs"]]
    changed = [f"{i['id']}.{i['property']}" for i in inputs if isinstance(i, dict)]
    body = {
        "output": key,
        "outputs": _outputs(key) if key.startswith("..") else _outputs(key)[0],
        "inputs": inputs,
        "state": [_spec(s, values) for s in entry["state"]],
        "changedPropIds": changed[:1],
    }
    response = client.post("/_dash-update-component", json=body)
    data = response.get_json(silent=True) or {}
    return response.status_code, data


def _key_for(app: Any, output_id: str) -> str:
    return next(
        k for k in app.callback_map if f"..{output_id}." in k or k.startswith(f"{output_id}.")
    )


def make_app(data: Prepared, workdir: Path) -> tuple[Any, Any]:
    from app import create_app
    from app.bench.signin import add_admin, sign_in_client
    from app.settings import load_settings

    ops_db = workdir / "roundtrip-ops.sqlite"
    password = add_admin(ops_db)
    settings = load_settings(db=data.db, artifacts_dir=data.artifacts, ops_db=ops_db, language="ko")
    app = create_app(settings)
    client = app.server.test_client()
    sign_in_client(client, password)
    client.get("/")  # fills the callback map
    return app, client


def _resolved_spec(app: Any, client: Any, store: str, values: dict[str, Any]) -> dict | None:
    key = next(k for k in app.callback_map if f"..{store}.data..." in k or k == f"{store}.data")
    _status, data = fire(client, app, key, values)
    for output in (data.get("response") or {}).values():
        if isinstance(output, dict) and "data" in output and isinstance(output["data"], dict):
            return output["data"]
    return None


def bench_roundtrips(report: Report, data: Prepared, n: int, workdir: Path) -> None:
    """The three busiest strategy callbacks, then every callback of each page that reads
    the page's filter spec, through the Dash test client."""
    from analytics.priority import DEFAULT_WEIGHTS
    from app import ids

    app, client = make_app(data, workdir)
    weights = [(ids.gs_weight(name), w) for name, w in DEFAULT_WEIGHTS.items()]
    base = {
        "app-lang.data": "ko",
        f"{ids.GS_WEIGHT_TYPE}.value": weights,
        f"{ids.GS_WEIGHT_TYPE}.id": [(i, i) for i, _ in weights],
    }
    specs = {page: _resolved_spec(app, client, store, base) for page, store in PAGES.items()}
    strategy = specs["strategy"] or {}
    markets = strategy.get("heatmap_markets") or [strategy.get("market")]

    def spec_values(i: int) -> dict[str, Any]:
        spec = {**strategy, "market": markets[i % len(markets)]}
        return {**base, "gs-spec.data": spec, "gs-source.value": "customers"}

    target = TARGET_MS.get(data.scale)
    for name, output_id in BUSIEST.items():
        key = _key_for(app, output_id)
        statuses: set[int] = set()
        updated: set[bool] = set()

        def call(i: int, key: str = key, statuses: set = statuses, updated: set = updated) -> None:
            status, answer = fire(client, app, key, spec_values(i))
            statuses.add(status)
            updated.add(bool(answer.get("response")))

        report.add(
            name,
            timed(call, n, warmup=len(markets)),
            group="roundtrip",
            target_ms=target,
            status="/".join(map(str, sorted(statuses))),
            updated="yes" if updated == {True} else "NO",
        )
    for page, store in PAGES.items():
        spec = specs[page]
        if spec is None:
            report.notes.append(f"{page}: the page resolved no filter spec; its callbacks skipped")
            continue
        values = {**base, f"{store}.data": spec}
        for key, entry in app.callback_map.items():
            if not any(i.get("id") == store for i in entry["inputs"]):
                continue
            first = _outputs(key)[0]["id"]
            status, _ = fire(client, app, key, values)
            times = timed(
                lambda i, key=key, values=values: fire(client, app, key, values),
                1 if report.quick else max(3, n // 2),
                warmup=0,
            )
            report.add(f"{page}:{first}", times, group=f"callbacks_{page}", status=status)
    report.loads["roundtrip"] = load_average()
