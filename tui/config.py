"""Settings: a TOML file in the user config directory, overridden by `BROADSHEET_*` variables.

Index and review data live outside the corpus, because a corpus may be read-only or shared by
several users; each corpus gets its own folder keyed by its absolute path.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_cache_dir, user_config_dir

if TYPE_CHECKING:
    from tui.settings import Settings as Settings

APP_NAME = "broadsheet"
ENV_PREFIX = "BROADSHEET_"
_PLAIN_PATH_VARIABLES = ("config", "cache_dir", "data_dir")
"""`BROADSHEET_*` variables the index folder can be found beside without loading the settings
model: the config file's location, and two path fields that any string validates as."""


def config_file() -> Path:
    """Where the settings file lives; `BROADSHEET_CONFIG` points elsewhere (tests, setups)."""
    override = os.environ.get("BROADSHEET_CONFIG")
    if override:
        return Path(override).expanduser()
    return Path(user_config_dir(APP_NAME)) / "config.toml"


def __getattr__(name: str) -> Any:
    # `Settings` is defined in `tui.settings`, loaded on first use (pydantic-settings is slow to
    # import and finding a corpus's index folder does not need it).
    if name == "Settings":
        from tui.settings import Settings

        return Settings
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class SettingsError(ValueError):
    """The settings file or a `BROADSHEET_*` variable holds something unusable: one line saying
    where, which key, and what is expected."""


def load_settings() -> Settings:
    """Read the settings; a broken file or value raises `SettingsError` (one line)."""
    import tomllib

    from pydantic import ValidationError
    from pydantic_settings import SettingsError as SourceError

    from tui.settings import Settings

    path = config_file()
    try:
        return Settings()
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc})") from None
    except SourceError as exc:  # e.g. BROADSHEET_KEYMAP=notjson: a table needs JSON there
        found = re.search(r'field "(\w+)"', str(exc))
        key = found.group(1) if found else "?"
        raise SettingsError(
            f'{ENV_PREFIX}{key.upper()}: {key}: expected JSON (a table such as {{"flag": "x"}})'
        ) from None
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(part) for part in error.get("loc", ())) or "?"
        variable = ENV_PREFIX + key.split(".")[0].upper()
        where = variable if variable in {k.upper() for k in os.environ} else str(path)
        got = error.get("input")
        shown = f", got {got!r}" if isinstance(got, (str, int, float, bool)) else ""
        message = str(error.get("msg", "invalid value"))
        message = message[:1].lower() + message[1:]
        raise SettingsError(f"{where}: {key}: {message}{shown}") from None


def _cache_dir() -> Path:
    """`load_settings().cache_dir`, without loading the settings model when nothing but the
    environment can set it: no settings file, and no `BROADSHEET_*` variable the model could
    reject (pydantic-settings matches the names case-insensitively, so this does too)."""
    found: list[str] = []
    for key, value in os.environ.items():
        lowered = key.lower()
        if not lowered.startswith(ENV_PREFIX.lower()):
            continue
        field = lowered[len(ENV_PREFIX) :]
        if field not in _PLAIN_PATH_VARIABLES:
            return load_settings().cache_dir
        if field == "cache_dir" and value.strip():  # empty means the default, as in Settings
            found.append(value)
    if len(found) > 1 or config_file().is_file():
        return load_settings().cache_dir
    return Path(found[0]) if found else Path(user_cache_dir(APP_NAME))


def corpus_key(corpus: Path) -> str:
    """A readable, collision-safe folder name for a corpus: its name plus a hash of its path."""
    absolute = str(corpus.expanduser().resolve())
    digest = hashlib.sha1(absolute.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", corpus.resolve().name or "root").strip("-")[:40]
    return f"{name or 'corpus'}-{digest}"


def index_dir_for(corpus: Path, settings: Settings | None = None) -> Path:
    cache_dir = settings.cache_dir if settings is not None else _cache_dir()
    return cache_dir / "indexes" / corpus_key(corpus)


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
