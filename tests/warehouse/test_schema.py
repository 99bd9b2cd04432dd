"""The schema document (warehouse/schema.yml) matches a freshly built warehouse.

The warehouse is built once per module from ../shared/data, or from a generated
sample set when that folder is absent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from warehouse.schema import AUDIENCES, load_schema, render_markdown

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"
DOCS = REPO / "docs" / "schema.md"
REGENERATE = 'python -c "from warehouse.schema import write_markdown; write_markdown()"'


@pytest.fixture(scope="module")
def warehouse_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's reference warehouse (`reference_db`: a build of every file in
    ../shared/data), read only; without that folder, a build of a generated sample."""
    if SHARED_DATA.is_dir():
        return request.getfixturevalue("reference_db")
    from warehouse.build import build

    try:
        from warehouse.sample import generate
    except ImportError:
        pytest.skip(
            f"{SHARED_DATA} is missing and warehouse.sample.generate is not "
            "available to make a sample data set"
        )
    tmp = tmp_path_factory.mktemp("schema")
    generate(tmp / "raw", seed=1, scale=0.2)
    db = tmp / "warehouse.duckdb"
    build([tmp / "raw"], db)
    return db


@pytest.fixture(scope="module")
def db_columns(warehouse_db: Path) -> dict[str, list[tuple[str, str]]]:
    """table or view name -> [(column, DuckDB type)] in column order."""
    con = duckdb.connect(str(warehouse_db), read_only=True)
    try:
        names = con.sql("select table_name from information_schema.tables").fetchall()
        rows = con.sql(
            "select table_name, column_name, data_type from information_schema.columns "
            "order by table_name, ordinal_position"
        ).fetchall()
    finally:
        con.close()
    out: dict[str, list[tuple[str, str]]] = {name: [] for (name,) in names}
    for table, column, dtype in rows:
        out[table].append((column, dtype))
    return out


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return load_schema()


@pytest.fixture(scope="module")
def documented(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["name"]: t for t in schema["tables"]}


def test_schema_lists_each_table_once_with_kind_and_audience(schema: dict[str, Any]) -> None:
    names = [t["name"] for t in schema["tables"]]
    assert len(names) == len(set(names)), (
        f"listed twice: {sorted({n for n in names if names.count(n) > 1})}"
    )
    bad = [
        (t["name"], t.get("kind"), t.get("audience"))
        for t in schema["tables"]
        if t.get("kind") not in {"table", "view"} or t.get("audience") not in AUDIENCES
    ]
    assert bad == [], f"kind must be table|view and audience one of {AUDIENCES}: {bad}"


def test_schema_documents_exactly_the_tables_and_views_in_the_warehouse(
    db_columns: dict[str, list[tuple[str, str]]], documented: dict[str, dict[str, Any]]
) -> None:
    undocumented = sorted(set(db_columns) - set(documented))
    missing = sorted(set(documented) - set(db_columns))
    assert not undocumented and not missing, (
        f"in the warehouse but not in warehouse/schema.yml: {undocumented}; "
        f"in warehouse/schema.yml but not in the warehouse: {missing}"
    )


def test_kind_matches_the_warehouse(
    warehouse_db: Path, documented: dict[str, dict[str, Any]]
) -> None:
    con = duckdb.connect(str(warehouse_db), read_only=True)
    try:
        kinds = dict(
            con.sql(
                "select table_name, case table_type when 'VIEW' then 'view' "
                "else 'table' end from information_schema.tables"
            ).fetchall()
        )
    finally:
        con.close()
    wrong = {
        name: (t["kind"], kinds[name])
        for name, t in documented.items()
        if name in kinds and t["kind"] != kinds[name]
    }
    assert wrong == {}, f"documented kind vs actual: {wrong}"


def test_columns_and_types_match_the_warehouse_in_order(
    db_columns: dict[str, list[tuple[str, str]]], documented: dict[str, dict[str, Any]]
) -> None:
    problems = []
    for name in sorted(set(db_columns) & set(documented)):
        want = [(c["name"], c["type"]) for c in documented[name]["columns"]]
        got = db_columns[name]
        if want != got:
            problems.append(f"{name}:\n  schema.yml: {want}\n  warehouse:  {got}")
    assert not problems, "columns differ from warehouse/schema.yml:\n" + "\n".join(problems)


def test_every_table_and_column_has_a_description(schema: dict[str, Any]) -> None:
    empty = []
    for table in schema["tables"]:
        if not str(table.get("description") or "").strip():
            empty.append(table["name"])
        empty += [
            f"{table['name']}.{c['name']}"
            for c in table["columns"]
            if not str(c.get("description") or "").strip()
        ]
    assert empty == [], f"empty descriptions in warehouse/schema.yml: {empty}"


def test_public_columns_have_descriptions_of_at_least_three_words(
    schema: dict[str, Any],
) -> None:
    short = [
        f"{t['name']}.{c['name']}: {c.get('description')!r}"
        for t in schema["tables"]
        if t["audience"] == "public"
        for c in t["columns"]
        if len(str(c.get("description") or "").split()) < 3
    ]
    assert short == [], "public columns need a description of 3+ words:\n" + "\n".join(short)


def test_fact_sales_description_names_every_flow(documented: dict[str, dict[str, Any]]) -> None:
    from warehouse.formats import FLOWS

    text = documented["fact_sales"]["description"]
    assert [f for f in FLOWS if f not in text] == []


def test_docs_schema_md_is_up_to_date(schema: dict[str, Any]) -> None:
    expected = render_markdown(schema)
    actual = DOCS.read_text(encoding="utf-8") if DOCS.is_file() else None
    if actual != expected:
        pytest.fail(
            f"{DOCS.relative_to(REPO)} is {'stale' if actual is not None else 'missing'}: "
            f"regenerate it from warehouse/schema.yml by running, in {REPO}:\n  {REGENERATE}",
            pytrace=False,
        )
