"""One typed settings object, read from the environment or `carsight.toml`.

Precedence (highest first): explicit keyword arguments, `CARSIGHT_*` environment
variables, `carsight.toml` in the working directory (or the file named by
`CARSIGHT_CONFIG`), then the defaults below. Unknown keys are an error.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    PyprojectTomlConfigSettingsSource,
    SettingsConfigDict,
)


class Settings(BaseSettings):
    """Everything CarSight can be configured with."""

    model_config = SettingsConfigDict(
        env_prefix="CARSIGHT_", extra="forbid", pyproject_toml_table_header=("carsight",)
    )

    db: Path = Field(default=Path("data/warehouse.duckdb"), description="DuckDB warehouse file")
    ops_db: Path = Field(
        default=Path("data/operational.sqlite"),
        description="SQLite store for data the app writes (new customers, e-mail log, users)",
    )
    sample_dir: Path = Field(
        default=Path("data/sample_raw"), description="Where `build` writes the built-in sample set"
    )
    artifacts_dir: Path = Field(default=Path("data/artifacts"), description="Trained models")
    sample_seed: int = Field(default=42, description="Seed of the built-in sample data set")
    host: str = "127.0.0.1"
    port: int = 8050
    language: str = Field(default="ko", pattern="^(ko|en)$")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The `[carsight]` table of carsight.toml (or $CARSIGHT_CONFIG); an absent file
        # gives no values. extra="forbid" above refuses unknown keys, naming them.
        path = Path(os.environ.get("CARSIGHT_CONFIG", "carsight.toml"))
        return (init_settings, env_settings, _toml_source(settings_cls, path))


def _toml_source(settings_cls: type[BaseSettings], path: Path) -> PydanticBaseSettingsSource:
    try:
        return PyprojectTomlConfigSettingsSource(settings_cls, toml_file=path)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: invalid TOML ({exc}). Fix the file or remove it.") from exc


def load_settings(**overrides: Any) -> Settings:
    """Build settings, dropping `None` overrides so CLI options only apply when given."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})


__all__ = ["Settings", "load_settings"]
