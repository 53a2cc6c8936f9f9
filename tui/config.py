"""Settings: a TOML file in the user config directory, overridden by `BROADSHEET_*` variables.

Index and review data live outside the corpus, because a corpus may be read-only or shared by
several users; each corpus gets its own folder keyed by its absolute path.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Literal

from platformdirs import user_cache_dir, user_config_dir, user_data_dir
from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

APP_NAME = "broadsheet"


def config_file() -> Path:
    """Where the settings file lives; `BROADSHEET_CONFIG` points elsewhere (tests, setups)."""
    override = os.environ.get("BROADSHEET_CONFIG")
    if override:
        return Path(override).expanduser()
    return Path(user_config_dir(APP_NAME)) / "config.toml"


class Settings(BaseSettings):
    """Everything a user may set. Unknown keys in the file are ignored so old files keep working."""

    model_config = SettingsConfigDict(
        env_prefix="BROADSHEET_", env_nested_delimiter="__", extra="ignore"
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


def load_settings() -> Settings:
    """Read the settings; a broken file is reported by the caller as one line, not a traceback."""
    return Settings()


def corpus_key(corpus: Path) -> str:
    """A readable, collision-safe folder name for a corpus: its name plus a hash of its path."""
    absolute = str(corpus.expanduser().resolve())
    digest = hashlib.sha1(absolute.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", corpus.resolve().name or "root").strip("-")[:40]
    return f"{name or 'corpus'}-{digest}"


def index_dir_for(corpus: Path, settings: Settings | None = None) -> Path:
    settings = settings or load_settings()
    return settings.cache_dir / "indexes" / corpus_key(corpus)


def review_db_for(corpus: Path, settings: Settings | None = None) -> Path:
    settings = settings or load_settings()
    return settings.data_dir / "reviews" / f"{corpus_key(corpus)}.sqlite"


def history_file(settings: Settings | None = None) -> Path:
    settings = settings or load_settings()
    return settings.data_dir / "search-history.json"


def sample_corpus() -> Path:
    """The bundled sample: packaged inside the wheel, or `corpus/` beside `tui/` in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "_sample_corpus"
    if packaged.is_dir():
        return packaged
    return here.parent / "corpus"
