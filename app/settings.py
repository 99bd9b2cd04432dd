"""One typed settings object, read from the environment or `carsight.toml`.

Precedence (highest first): explicit keyword arguments, `CARSIGHT_*` environment
variables, `carsight.toml` in the working directory (or the file named by
`CARSIGHT_CONFIG`), then the defaults below. Unknown keys are an error.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    PyprojectTomlConfigSettingsSource,
    SettingsConfigDict,
)

from warehouse import STORAGE_VERSION, STORAGE_VERSION_PATTERN

ENV_ONLY = frozenset({"smtp_password"})  # secrets: never from a file


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
    # e-mail (app.mail): the password is read only from CARSIGHT_SMTP_PASSWORD
    smtp_host: str | None = Field(default=None, description="SMTP server; unset = no sending")
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_user: str | None = None
    smtp_from: str = Field(default="carsight@localhost", description="Sender address")
    smtp_tls: Literal["none", "starttls", "ssl"] = "starttls"
    smtp_password: SecretStr | None = Field(default=None, description="env only")
    mail_rate_per_s: float = Field(default=5.0, gt=0, description="Messages per second at most")
    mail_retries: int = Field(default=3, ge=1, le=10, description="Attempts per message and run")
    mail_backoff_s: float = Field(default=1.0, ge=0, description="Wait before the 2nd attempt")
    mail_outbox: Path = Field(
        default=Path("data/outbox"), description="Dry-run e-mails (.eml) from the app"
    )
    schedule_config: Path = Field(
        default=Path("schedule.toml"), description="`carsight schedule` jobs (dashboard panel)"
    )
    upload_dir: Path = Field(default=Path("data/uploads"), description="Files uploaded in the app")
    public_url: str = Field(
        default="http://127.0.0.1:8050", description="The app's address, for unsubscribe links"
    )
    storage_version: str = Field(
        default=STORAGE_VERSION,
        pattern=f"^({STORAGE_VERSION_PATTERN})$",
        description="DuckDB storage format written by build/ingest (e.g. v1.2.0, v1.0.0); "
        "decides which DuckDB clients can open the warehouse",
    )
    production: bool = Field(
        default=False,
        description="Serve for real users: sign-in always (no demo mode), strong "
        "CARSIGHT_SECRET_KEY required; set by `carsight serve --production`",
    )
    lake: str | None = Field(
        default=None,
        description="A Parquet lake (`carsight export-parquet`) to read instead of `db`: "
        "a folder or s3://bucket/prefix",
    )
    s3_endpoint_url: str | None = Field(
        default=None,
        description="S3-compatible endpoint of an s3:// lake; credentials come from the "
        "AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY environment variables",
    )
    s3_region: str | None = Field(default=None, description="Region of an s3:// lake")

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
        source = PyprojectTomlConfigSettingsSource(settings_cls, toml_file=path)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: invalid TOML ({exc}). Fix the file or remove it.") from exc
    secrets = sorted(ENV_ONLY & set(source.toml_data))
    if secrets:
        raise ValueError(
            f"{path}: {secrets} may not be in a file; set the SMTP password only in the "
            "environment (CARSIGHT_SMTP_PASSWORD)"
        )
    return source


def load_settings(**overrides: Any) -> Settings:
    """Build settings, dropping `None` overrides so CLI options only apply when given."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})


__all__ = ["Settings", "load_settings"]
