"""The warehouse schema document (`schema.yml`) and its Markdown rendering.

`schema.yml` describes every table and view of the warehouse, every column and
its DuckDB type; `tests/warehouse/test_schema.py` checks it against a freshly
built warehouse. `docs/schema.md` is generated from it by `write_markdown`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

SCHEMA_FILE = "schema.yml"
AUDIENCES = ("public", "internal")
_AUDIENCE_TITLES = {
    "public": "Public tables and views",
    "internal": "Internal tables (loader bookkeeping)",
}
_AUDIENCE_INTROS = {
    "public": "The stable analyst interface: script against these.",
    "internal": "How the loader got to `fact_sales`. They may change between releases; "
    "do not build analyses on them.",
}


def load_schema() -> dict[str, Any]:
    """The parsed `warehouse/schema.yml`."""
    text = resources.files("warehouse").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema = yaml.safe_load(text)
    if not isinstance(schema, dict) or not isinstance(schema.get("tables"), list):
        raise ValueError(f"warehouse/{SCHEMA_FILE} must be a mapping with a 'tables' list")
    return schema


def _cell(text: object) -> str:
    """Text fit for one Markdown table cell: one line, pipes escaped."""
    return " ".join(str(text or "").split()).replace("|", "\\|")


def _anchor(name: str) -> str:
    return name.lower().replace(" ", "-")


def render_markdown(schema: dict[str, Any]) -> str:
    """A readable Markdown reference of `schema` (the content of docs/schema.md)."""
    tables: list[dict[str, Any]] = schema["tables"]
    lines = [
        "# Warehouse schema",
        "",
        "<!-- Generated from warehouse/schema.yml; do not edit by hand. Regenerate with:",
        '     python -c "from warehouse.schema import write_markdown; write_markdown()" -->',
        "",
        f"Schema version {schema.get('version', '?')}. Every table and view of the DuckDB "
        "warehouse written by `carsight build` / `carsight ingest`, with each column's "
        "DuckDB type. Open the warehouse read-only (`duckdb -readonly warehouse.duckdb`).",
        "",
    ]
    conventions: list[str] = schema.get("conventions") or []
    if conventions:
        lines += ["## Conventions", ""]
        lines += [f"- {' '.join(str(c).split())}" for c in conventions]
        lines.append("")

    for audience in AUDIENCES:
        group = [t for t in tables if t.get("audience") == audience]
        if not group:
            continue
        lines += [f"## {_AUDIENCE_TITLES[audience]}", "", _AUDIENCE_INTROS[audience], ""]
        lines += ["| name | kind | columns |", "|---|---|---|"]
        lines += [
            f"| [{t['name']}](#{_anchor(t['name'])}) | {t['kind']} | "
            f"{len(t.get('columns') or [])} |"
            for t in group
        ]
        lines.append("")
        for table in group:
            lines += [f"### {table['name']}", "", f"*{table['kind']}, {audience}*", ""]
            lines += [str(table.get("description", "")).strip(), ""]
            lines += ["| column | type | description |", "|---|---|---|"]
            lines += [
                f"| `{c['name']}` | `{c['type']}` | {_cell(c.get('description'))} |"
                for c in table.get("columns") or []
            ]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def write_markdown(path: Path = Path("docs/schema.md")) -> Path:
    """Write `render_markdown(load_schema())` to `path` (relative to the working directory)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_markdown(load_schema()), encoding="utf-8")
    return path
