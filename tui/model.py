"""Data shared by every layer: what an article is once read, and what annotation finds in it.

These models are the `annotate --json` contract of DESIGN.md; changing a field name breaks
scripts that read our output, so fields are added, never renamed.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

LABELS: tuple[str, ...] = ("PERSON", "ORG", "PLACE", "DATE", "MONEY", "PERCENT", "EVENT")
"""The seven labels whose meaning is fixed by the contract; engines may add others."""


class Span(BaseModel):
    """A region of an article's cleaned text, end exclusive."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int


class Entity(BaseModel):
    """One mention of a named thing; `canonical` is the fullest name the article gives it."""

    start: int
    end: int
    label: str
    text: str
    canonical: str


class Quote(BaseModel):
    """A quotation tied to its speaker; `speaker` is a full name, never a pronoun or surname."""

    start: int
    end: int
    text: str
    kind: Literal["direct", "indirect"]
    speaker: str | None = None
    cue: str | None = None
    speaker_sure: bool = True
    """False where the engine guessed the speaker (a pronoun two people could stand for, a
    person named far back): `speaker` is then the best guess, to be shown as one."""
    parts: list[Span] = Field(default_factory=list)
    """For a quotation split by its attribution ('"A," said X, "B."'), the stretches that are
    the speaker's words; `start`/`end` then span the whole utterance, attribution included.
    Empty for a quotation in one piece."""

    def spoken(self) -> str:
        """The speaker's own words: the parts joined with an ellipsis, or the whole quote."""
        if not self.parts or len(self.text) != self.end - self.start:
            return self.text
        at = self.start
        return " … ".join(self.text[p.start - at : p.end - at] for p in self.parts)


class Annotations(BaseModel):
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)


class Article(BaseModel):
    """An article read from the corpus, cleaned and ready for annotation and indexing.

    `id` is derived from the path relative to the corpus root (plus `#N` for the Nth record of
    a multi-article file) so it survives re-reads and a moved corpus; `content_hash` tells
    whether the text changed since the last index.
    """

    id: str
    path: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    source: str | None = None
    section: str | None = None
    url: str | None = None
    tags: list[str] = Field(default_factory=list)
    text: str = ""
    captions: list[Span] = Field(default_factory=list)
    content_hash: str = ""

    def model_post_init(self, _context: object) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.title or "", self.text)


def content_hash(*parts: str) -> str:
    """A short, stable digest of an article's content, used to skip unchanged files."""
    h = hashlib.blake2b(digest_size=12)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def article_id(relpath: str, record: int | None = None) -> str:
    """Stable id: the POSIX path relative to the corpus root, with `#N` for the Nth record."""
    return relpath if record is None else f"{relpath}#{record}"


class Problem(BaseModel):
    """Why a file (or one record of it) was skipped or only partly read.

    Ingest never raises for bad input; it reports one of these instead, and the `index`
    summary and the app's problems view list them.
    """

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


class ReadResult(BaseModel):
    """What reading one file gave: zero or more articles, and any problems met on the way."""

    articles: list[Article] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
