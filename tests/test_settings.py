"""Settings: defaults, environment, carsight.toml, and unknown keys refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.settings import load_settings


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch, tmp_path):
    for key in ("CARSIGHT_DB", "CARSIGHT_CONFIG", "CARSIGHT_PORT"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)


def test_default_warehouse_path():
    assert load_settings().db == Path("data/warehouse.duckdb")


def test_environment_overrides_the_file(monkeypatch, tmp_path):
    (tmp_path / "carsight.toml").write_text('[carsight]\ndb = "from_file.duckdb"\nport = 9000\n')
    assert load_settings().db == Path("from_file.duckdb")
    assert load_settings().port == 9000
    monkeypatch.setenv("CARSIGHT_DB", "/x/from_env.duckdb")
    assert load_settings().db == Path("/x/from_env.duckdb")
    assert load_settings(db=Path("cli.duckdb")).db == Path("cli.duckdb")


def test_unknown_key_in_the_file_is_an_error_naming_it(tmp_path):
    (tmp_path / "carsight.toml").write_text('[carsight]\ndatabase = "x.duckdb"\n')
    with pytest.raises(ValueError, match="database"):
        load_settings()


def test_invalid_value_is_refused(monkeypatch):
    monkeypatch.setenv("CARSIGHT_PORT", "not-a-port")
    with pytest.raises(ValueError, match="port"):
        load_settings()
