"""Memoized strategy views (`callback(..., memo=True)`): one computation serves the same
inputs, data and user scope; another file, language or scope computes again, and the
access check still runs on every call."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from app.actor import Actor
from app.url_state import ANY

HEADER = "Model,Vehicle Type,Sales Type," + ",".join(
    ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]
)
CONTROLS = {
    "source": "domestic_sales",
    "brand": "all",
    "period_from": ANY,
    "period_to": ANY,
    "vehicle_types": [],
    "powertrains": [],
    "market": ANY,
    "markets": None,
    "top_n": 5,
    "measure": "units",
    "threshold": 5,
    "model": ANY,
}


def _build(folder: Path, db: Path, units: int) -> None:
    from warehouse.build import build

    raw = folder / f"raw-{units}"
    raw.mkdir()
    (raw / "hmc-sales-by-model-december-y2023.csv").write_text(
        HEADER + "\nAvante (CN7),PC,Domestic" + f",{units}" * 12 + "\n", encoding="utf-8"
    )
    build([raw], db)  # a new file renamed over the old one, as carsight build does


@pytest.fixture()
def cb(tmp_path: Path):
    from app import ids
    from app.services import install
    from app.settings import load_settings
    from callbacks import registry

    db = tmp_path / "warehouse.duckdb"
    _build(tmp_path, db, 10)
    install(load_settings(db=db))
    registry.clear_memo()
    import callbacks.global_strategy as module

    weight_ids = [ids.gs_weight(name) for name in ("volume", "momentum", "revenue")]
    spec = module.resolve_filters(CONTROLS, [0.5, 0.3, 0.2], weight_ids, [], "ko")["spec"]
    yield module, spec, db, tmp_path
    registry.clear_memo()


def _units(figure) -> float:
    return sum(sum(trace.x if trace.orientation == "h" else trace.y) for trace in figure.data)


def test_the_same_inputs_are_computed_once(cb):
    module, spec, _db, _tmp = cb
    first = module.render_markets(spec, "ko")
    assert module.render_markets(spec, "ko") is first
    assert module.render_markets(spec, "en") is not first  # another language
    assert module.render_markets({**spec}, "ko") is first  # equal by value, not identity


def test_a_rebuilt_warehouse_is_never_served_from_the_memo(cb):
    module, spec, db, tmp = cb
    before = module.render_markets(spec, "ko")[0]
    assert _units(before) == 120
    _build(tmp, db, 20)
    after = module.render_markets(spec, "ko")[0]
    assert _units(after) == 240


def test_each_user_scope_has_its_own_entry_and_the_access_check_runs_first(cb, monkeypatch):
    from werkzeug.exceptions import Forbidden

    from app import services

    module, spec, _db, _tmp = cb
    as_strategist = Actor(name="s", role="strategist")
    monkeypatch.setattr(services, "actor", lambda: as_strategist)
    strategist_view = module.render_heatmap(spec, "ko")
    monkeypatch.setattr(services, "actor", lambda: Actor(name="a", role="analyst"))
    assert module.render_heatmap(spec, "ko") is not strategist_view
    # a dealer may not see the strategy page: refused although the view is memoized
    monkeypatch.setattr(services, "actor", lambda: Actor(name="d", role="dealer", brand="Kia"))
    with Flask(__name__).test_request_context(), pytest.raises(Forbidden):
        module.render_heatmap(spec, "ko")


def test_a_polars_panic_gives_a_message_not_a_dead_worker(cb, monkeypatch):
    """A Polars panic is a BaseException: uncaught it ended the gunicorn worker (and reset
    every request in flight on it) in the load test."""
    from dash import no_update
    from polars.exceptions import PanicException

    from app.i18n import t

    module, spec, _db, _tmp = cb

    def panics(*_args, **_kwargs):
        raise PanicException("assertion failed: i < self.len()")

    monkeypatch.setattr(module, "recommend", panics)
    messages = []
    monkeypatch.setattr("callbacks.registry.refuse", lambda message: messages.append(message))
    module.render_recommendations(spec, "en")
    assert messages == [t("input.failed", "en")]
    monkeypatch.undo()
    assert module.render_recommendations(spec, "en") is not no_update  # nothing kept


def test_a_retrain_is_never_served_from_the_memo(cb, tmp_path: Path):
    """Dealer views read the trained models too: moving a brand's `latest` pointer (what
    `carsight train` does) computes them again, on the same warehouse file."""
    from app.services import install
    from app.settings import load_settings
    from callbacks import dealer

    _module, _spec, db, _tmp = cb
    artifacts = tmp_path / "artifacts"
    install(load_settings(db=db, artifacts_dir=artifacts))
    spec = {"brand": "Kia", "market": None, "from": None, "to": None, "region": None}
    first = dealer.render_status(spec, "ko")
    assert dealer.render_status(spec, "ko") is first
    pointer = artifacts / "segmentation" / "Kia" / "latest"
    pointer.parent.mkdir(parents=True)
    pointer.write_text('{"version": "v1"}', encoding="utf-8")
    assert dealer.render_status(spec, "ko") is not first
