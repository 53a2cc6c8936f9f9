"""The models of `tui.model` that check their input: an article and what annotation finds in it.

They are pydantic models because they are built from what readers and annotation engines hand
over (and, for `annotate --json`, dumped as the contract says). Import them from `tui.model`,
which loads this module on first use: pydantic costs some 70 ms to import, which a one-shot
`broadsheet search` (it never builds an article) should not pay.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from tui.model import Problem, Span, content_hash


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

    def shown_speaker(self) -> str | None:
        """The speaker as a reader is shown it: "Tony Blair?" when the engine is not sure it is
        him (a pronoun with two candidates, a long way back): a wrong name shown as certain is
        worse than a doubt. The reader, the panel, the clipboard and `annotate` all say it so."""
        if not self.speaker:
            return None
        return self.speaker if self.speaker_sure else f"{self.speaker}?"

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


class ReadResult(BaseModel):
    """What reading one file gave: zero or more articles, and any problems met on the way."""

    articles: list[Article] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
