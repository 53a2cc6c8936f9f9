"""Entity and quote extraction behind one `Extractor` interface.

`get_extractor("rules")` is the default engine (pure Python, fast enough to run on every article
at index time); `get_extractor("spacy")` needs the optional `broadsheet[spacy]` extra and raises
`EngineUnavailable` with an install hint when it is missing, so callers can fall back.
"""

from tui.nlp.extractor import ENGINES, EngineUnavailable, Extractor, get_extractor

__all__ = ["ENGINES", "EngineUnavailable", "Extractor", "get_extractor"]
