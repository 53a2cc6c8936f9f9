"""The `Settings` model (pydantic-settings), apart from `tui.config` so that finding a corpus's
index folder, which a one-shot `broadsheet search` does, need not load pydantic-settings.

Import it from `tui.config` (`from tui.config import Settings, load_settings`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from platformdirs import user_cache_dir, user_data_dir
from pydantic import Field, ValidationInfo, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from tui.config import APP_NAME, ENV_PREFIX, config_file
from tui.review.store import default_reviewer


class Settings(BaseSettings):
    """Everything a user may set. Unknown keys in the file are ignored so old files keep working."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_nested_delimiter="__", extra="ignore"
    )

    engine: Literal["rules", "spacy"] = "rules"
    theme: str = "textual-dark"
    cache_dir: Path = Field(default_factory=lambda: Path(user_cache_dir(APP_NAME)))
    data_dir: Path = Field(default_factory=lambda: Path(user_data_dir(APP_NAME)))
    keymap: dict[str, str] = Field(
        default_factory=dict,
        description="binding id -> keys, e.g. {'flag': 'x'}; ids are listed in the help screen",
    )
    search_debounce_ms: int = 150
    preview: bool = Field(
        default=True,
        description=(
            "on wide screens the reader follows the list cursor; off, it changes only on Enter"
            " (each preview redraws the reader: about 17 KB per move at 120x40 instead of 1 KB,"
            " which a slow link feels)"
        ),
    )
    history_size: int = 100
    reader_width: int = Field(
        default=100, ge=30, description="longest reader line in columns (a readable measure)"
    )
    review_store: str = Field(
        default="private",
        description=(
            "where review marks live: 'private' (your own file in data_dir), 'corpus'"
            " (CORPUS/.broadsheet-review.sqlite, shared with the corpus folder's group), a path"
            " to a SQLite file to share with its folder's group, or a postgresql:// URL"
        ),
    )
    reviewer: str = Field(
        default_factory=default_reviewer,
        description="the name your marks are recorded under (default: your login name)",
    )

    @field_validator("cache_dir", "data_dir", mode="before")
    @classmethod
    def _empty_means_default(cls, value: object, info: ValidationInfo) -> object:
        # `BROADSHEET_CACHE_DIR=` (set but empty) would otherwise be Path(""): the index and the
        # review marks written into whatever folder the command was started from.
        if isinstance(value, str) and not value.strip():
            where = user_cache_dir if info.field_name == "cache_dir" else user_data_dir
            return Path(where(APP_NAME))
        return value

    @field_validator("review_store", mode="before")
    @classmethod
    def _store_location(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        text = value.strip()
        if not text:
            return "private"
        if text.startswith(("postgresql:", "postgres:")) and "://" not in text:
            raise ValueError("expected a URL such as postgresql://user@host/dbname")
        if "://" in text and not text.startswith(("postgresql://", "postgres://")):
            raise ValueError(
                "expected 'private', 'corpus', a path to a SQLite file or a postgresql:// URL"
            )
        relative = not Path(text).expanduser().is_absolute()
        if text not in ("private", "corpus") and "://" not in text and relative:
            raise ValueError("a store path must be absolute (or start with ~)")
        return text

    @field_validator("reviewer", mode="before")
    @classmethod
    def _reviewer_name(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        name = " ".join(value.split())
        if not name:
            return default_reviewer()
        if any(not ch.isprintable() for ch in name) or len(name) > 64:
            raise ValueError("expected a printable name of at most 64 characters")
        return name

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=config_file())
        return (init_settings, env_settings, toml)
