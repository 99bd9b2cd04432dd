"""The sample generator's catalogues: data files under `catalogues/`, read on first use.

Each catalogue is one JSON file (`catalogues/<name>.json`, package data) and an
attribute of this module in upper case (`catalogue.H_DOMESTIC` reads
`h_domestic.json` once). Model names, plant codes, market names and addresses are
public facts or invented; the numbers in them are invented levels, not data.

Encoding: JSON arrays are tuples; `{"model_row": {...}}` is one IR model row
(`common.M`: label, level and, where not default, launch/end as [year, month],
vtype, vary); `{"items": [[key, value], ...]}` is a dict whose keys are not text.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    if isinstance(value, dict):
        if set(value) == {"model_row"}:
            from warehouse.sample.common import M

            return M(**{k: _decode(v) for k, v in value["model_row"].items()})
        if set(value) == {"items"}:
            return {_decode(k): _decode(v) for k, v in value["items"]}
        return {k: _decode(v) for k, v in value.items()}
    return value


@cache
def load(name: str) -> Any:
    """The catalogue `name` (lower case, the data file's stem)."""
    text = (
        resources.files("warehouse.sample")
        .joinpath(f"catalogues/{name}.json")
        .read_text(encoding="utf-8")
    )
    return _decode(json.loads(text))


def names() -> list[str]:
    """Every catalogue's name."""
    folder = resources.files("warehouse.sample").joinpath("catalogues")
    return sorted(
        p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json")
    )


def __getattr__(attribute: str) -> Any:
    if attribute.isupper() or attribute.lstrip("_").replace("_", "").isupper():
        try:
            return load(attribute.lower())
        except FileNotFoundError:
            pass
    raise AttributeError(f"module {__name__!r} has no attribute {attribute!r}")
