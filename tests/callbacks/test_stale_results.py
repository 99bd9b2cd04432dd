"""Trained and forecast results are shown only for the data they were computed from.

A rebuild with other files gives the warehouse a new data version; the trained
tables and the stored forecast are carried over, but the dealer, predict and
forecast pages then show a translated note to retrain / re-forecast instead of
them. A rebuild from the very same files keeps them (same fingerprint).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.i18n import t
from tests.callbacks.dash_text import text_of
from tests.forecast_support import forecast_copy
from warehouse.build import build, discover
from warehouse.meta import read_meta

pytestmark = pytest.mark.slow


def _rebuild(db: Path, shared: Path, *, drop_one: bool) -> None:
    """Rebuild `db` from the reference files (all, or all but one: other data)."""
    files = discover([shared])
    if drop_one:
        files = [f for f in files if "hmc-sales-by-model" not in f.name]
    build(files, db)


def _copy(source: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "warehouse.duckdb"
    shutil.copy(source, db)
    return db


def _install(db: Path, artifacts: Path | None = None) -> None:
    from app.services import install
    from app.settings import load_settings

    kwargs = {"artifacts_dir": artifacts} if artifacts else {}
    install(load_settings(db=db, **kwargs))


@pytest.fixture(scope="module")
def rebuilt_trained(trained_reference, shared_data, tmp_path_factory) -> dict[str, Path]:
    """Copies of the trained warehouse rebuilt from other files and from the same files."""
    source, artifacts = trained_reference
    folder = tmp_path_factory.mktemp("stale")
    other = _copy(source, folder / "other")
    _rebuild(other, shared_data, drop_one=True)
    same = _copy(source, folder / "same")
    _rebuild(same, shared_data, drop_one=False)
    return {"other": other, "same": same, "artifacts": artifacts}


def test_a_rebuild_with_other_files_leaves_the_trained_version_behind(rebuilt_trained):
    meta = read_meta(rebuilt_trained["other"])
    assert meta["trained_data_version"] is not None
    assert meta["trained_data_version"] != meta["data_version"]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_dealer_page_shows_the_retrain_note_and_no_stale_segments(rebuilt_trained, lang):
    _install(rebuilt_trained["other"], rebuilt_trained["artifacts"])
    import callbacks.dealer as cb

    spec, _search = cb.resolve_filters("Hyundai", "all", "all", "all")
    status = cb.render_status(spec, lang)
    assert text_of(status) == t("dealer.stale", lang)
    assert "carsight train" in text_of(status)
    _bar, _grid, table, actions = cb.render_segments(spec, lang)[:4]
    assert actions == []  # no segment of the old data is shown
    assert text_of(table) == text_of(cb.figures.empty_table(lang))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_predict_page_shows_the_retrain_note(rebuilt_trained, lang):
    _install(rebuilt_trained["other"], rebuilt_trained["artifacts"])
    import callbacks.predict as cb

    out = cb.form_choices("Hyundai", lang, None, None, None, None, None, None)
    assert text_of(out[0]) == t("predict.ui.stale", lang)


def test_a_rebuild_from_the_same_files_keeps_the_trained_results(rebuilt_trained):
    _install(rebuilt_trained["same"], rebuilt_trained["artifacts"])
    import callbacks.dealer as cb
    import callbacks.predict as predict_cb

    spec, _search = cb.resolve_filters("Hyundai", "all", "all", "all")
    assert cb.render_status(spec, "ko") is None
    _bar, _grid, _table, actions = cb.render_segments(spec, "ko")[:4]
    assert actions  # the segments are shown
    assert predict_cb.form_choices("Hyundai", "ko", *[None] * 6)[0] is None


@pytest.fixture(scope="module")
def rebuilt_forecast(reference_db, shared_data, tmp_path_factory) -> Path:
    db = _copy(forecast_copy(reference_db, tmp_path_factory), tmp_path_factory.mktemp("fc"))
    _rebuild(db, shared_data, drop_one=True)
    return db


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_forecast_page_shows_the_reforecast_note_and_no_stale_forecast(rebuilt_forecast, lang):
    _install(rebuilt_forecast)
    import callbacks.forecast as cb

    meta = read_meta(rebuilt_forecast)
    assert meta["forecast_data_version"] not in (None, meta["data_version"])
    selects = {"brand": None, "flow": None, "market": cb.fv.TOTAL, "item": cb.fv.TOTAL}
    out = cb.choose_series(selects, "latest_cutoff", "selected", False, lang, [])
    assert not out["spec"].get("run_id")  # the stored run of the old data is not offered
    status = cb.render_status(out["spec"], lang)
    assert text_of(status) == t("fc.stale", lang)
    assert "carsight forecast" in text_of(status)
