"""requirements.lock pins every dependency pyproject.toml declares, inside its range."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def _pins() -> dict[str, str]:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    return {
        canonicalize_name(m.group(1)): m.group(2)
        for m in re.finditer(r"^([A-Za-z0-9_.\-]+)==(\S+)", text, flags=re.M)
    }


def test_every_declared_dependency_is_pinned_within_its_range():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    pins = _pins()
    wrong = {}
    for spec in declared:
        req = Requirement(spec)
        pinned = pins.get(canonicalize_name(req.name))
        if pinned is None or not req.specifier.contains(pinned, prereleases=True):
            wrong[req.name] = (str(req.specifier), pinned)
    assert wrong == {}, (
        f"requirements.lock disagrees with pyproject.toml {wrong}: regenerate it with the "
        "command in the README (uv pip compile ...)"
    )
