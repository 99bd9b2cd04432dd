"""Shared fixtures: the reference data folder and a warehouse built from it."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest
from hypothesis import settings

import app  # noqa: F401  (first: Polars' engine as the product sets it, before polars loads)

# Property tests check results, not speed: on a shared two-core machine one example can take
# longer than Hypothesis's default 200 ms deadline, which failed a correct test as flaky.
settings.register_profile("carsight", deadline=None)
settings.load_profile("carsight")

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(autouse=True)
def _fresh_callback_memo():
    """Each test starts with an empty callback memo (callbacks.registry): a test that
    monkeypatches what a view reads must not get another test's memoized output."""
    registry = sys.modules.get("callbacks.registry")
    if registry is not None:
        registry.clear_memo()
    yield


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"reference data folder {SHARED_DATA} is not present")
    return SHARED_DATA


@pytest.fixture(scope="session")
def reference_db(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse built from every file in ../shared/data (once per run: tests.shared_once)."""
    from tests.shared_once import made_once
    from warehouse.build import build

    folder = made_once(
        tmp_path_factory, "reference", lambda out: build([shared_data], out / "warehouse.duckdb")
    )
    return folder / "warehouse.duckdb"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app's own sample data set (seed 42, as `carsight serve` builds it), built once
    per run (tests.shared_once). Tests read it; one that changes it works on a copy."""
    from tests.shared_once import made_once
    from warehouse.build import build
    from warehouse.sample import generate

    def make(folder: Path) -> None:
        generate(folder / "raw", seed=42)
        build([folder / "raw"], folder / "warehouse.duckdb")

    return made_once(tmp_path_factory, "sample", make) / "warehouse.duckdb"


@pytest.fixture()
def ref(reference_db: Path):
    """A read-only connection to the reference warehouse; `ref(sql)` returns rows."""
    con = duckdb.connect(str(reference_db), read_only=True)

    def run(query: str, params: list | None = None) -> list[tuple]:
        return con.sql(query, params=params).fetchall() if params else con.sql(query).fetchall()

    yield run
    con.close()


@pytest.fixture(scope="session")
def trained_reference(
    reference_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """(warehouse, artifacts dir) after `carsight train` on a copy of the reference data:
    one run for the whole session (tests.train_support)."""
    from tests.train_support import trained_copy

    return trained_copy(reference_db, tmp_path_factory)


# Fixtures that train models or run forecasts (tens of seconds to minutes): a test that
# uses one is slow however quick its own body is.
SLOW_FIXTURES = frozenset({"trained_reference", "trained", "forecast_db"})


E2E = Path(__file__).resolve().parent / "e2e"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """When the marker expression deselects e2e tests (the fast tier), do not even import
    the browser-test modules."""
    if collection_path != E2E or not config.option.markexpr:
        return None
    from _pytest.mark.expression import Expression

    selects = Expression.compile(config.option.markexpr).evaluate
    # a browser test is e2e and slow, and may be long
    marks = ({"e2e", "slow"}, {"e2e", "slow", "long"})
    return True if not any(selects(lambda name, m=m, **_: name in m) for m in marks) else None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    """Let tests.cli_support know which test runs (its subprocess runner is for slow ones)."""
    from tests import cli_support

    cli_support.RUNNING.append(item)
    try:
        yield
    finally:
        cli_support.RUNNING.pop()


# tryfirst: xdist's worker reads the `xdist_group` marks in its own hook, which ran before
# this one, so the marks added here came too late and each language's audits were split
# across the two workers, each opening every page again.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/e2e/ drives a real browser: it is `e2e` (and `slow`)
    whether or not its file says so, so `-m "not e2e"` never starts Chromium. Every test
    that needs a trained model or a forecast run is `slow`.

    For the xdist workers (`--dist loadgroup`): the page-wide audits of one language
    share its sweep of the pages (the `page_sweep` fixture, one browser visit per page,
    language and width), so they run on one worker, and the other language's on the
    other; and slow tests come first, so that the many quick ones fill in at the end and
    neither worker is left with a long test while the other idles."""
    for item in items:
        if E2E in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.slow)
        fixtures = set(getattr(item, "fixturenames", ()))
        if SLOW_FIXTURES & fixtures:
            item.add_marker(pytest.mark.slow)
        if "page_sweep" in fixtures:
            lang = getattr(item, "callspec", None) and item.callspec.params.get("lang")
            item.add_marker(pytest.mark.xdist_group(f"page_sweep-{lang}"))
            item.add_marker(pytest.mark.long)
    items.sort(key=_start_order)


def _start_order(item: pytest.Item) -> int:
    """Long tests first, then slow ones, then the quick ones (a stable sort keeps the
    collection order within each)."""
    if item.get_closest_marker("long"):
        return 0
    return 1 if item.get_closest_marker("slow") else 2
