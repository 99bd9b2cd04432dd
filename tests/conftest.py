"""Shared fixtures: the reference data folder and a warehouse built from it."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"reference data folder {SHARED_DATA} is not present")
    return SHARED_DATA


@pytest.fixture(scope="session")
def reference_db(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse built from every file in ../shared/data."""
    from warehouse.build import build

    db = tmp_path_factory.mktemp("reference") / "warehouse.duckdb"
    build([shared_data], db)
    return db


@pytest.fixture()
def ref(reference_db: Path):
    """A read-only connection to the reference warehouse; `ref(sql)` returns rows."""
    con = duckdb.connect(str(reference_db), read_only=True)

    def run(query: str, params: list | None = None) -> list[tuple]:
        return con.sql(query, params=params).fetchall() if params else con.sql(query).fetchall()

    yield run
    con.close()


# Fixtures that train models or run forecasts (tens of seconds to minutes): a test that
# uses one is slow however quick its own body is.
SLOW_FIXTURES = frozenset({"trained_reference", "trained", "forecast_db"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/e2e/ drives a real browser: it is `e2e` (and `slow`)
    whether or not its file says so, so `-m "not e2e"` never starts Chromium. Every test
    that needs a trained model or a forecast run is `slow`."""
    e2e = Path(__file__).resolve().parent / "e2e"
    for item in items:
        if e2e in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.slow)
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
