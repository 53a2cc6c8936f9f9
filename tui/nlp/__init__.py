"""Entity and quote extraction behind one `Extractor` interface.

`get_extractor("rules")` is the default engine (fast enough to run on every article at index
time; compiled with mypyc where the install could, see `native`); `get_extractor("spacy")`
needs the optional `broadsheet[spacy]` extra and raises `EngineUnavailable` with an install
hint when it is missing, so callers can fall back.
"""

# First: decides whether the compiled modules may run (see `native`), before any is imported.
from tui.nlp import native  # noqa: F401
from tui.nlp.extractor import ENGINES, EngineUnavailable, Extractor, get_extractor

__all__ = ["ENGINES", "EngineUnavailable", "Extractor", "get_extractor"]
