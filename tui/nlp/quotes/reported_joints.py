"""Sentences that hold two claims, joined by a dash, a semicolon, ", and" or ", but": "Fowler
said the race would be harder — and he noted that any change would come later", "Okafor wants
to sell the old ferry, and Weir wants to close the harbour". The sentence readers of `reported`
find one claim per sentence; here the clause before or after the one found is read again as a
sentence of its own, with its own subject and cue. Split from `reported`, which passes its
sentence reader in (`read`), so the two modules do not import each other.
"""

from __future__ import annotations

from typing import Protocol

from tui.model import Quote
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.reported_stance import STANCE_WORD
from tui.nlp.quotes.words import PARTICIPLE_CUES


class Reader(Protocol):
    """The sentence reader of `reported`: one reported-speech quote in text[ss:se], or None."""

    def __call__(
        self, art: ArticleText, ss: int, se: int, *, mixed: bool, stance: bool
    ) -> Quote | None: ...


def claim_before(art: ArticleText, ss: int, q: Quote, mixed: bool, read: Reader) -> Quote | None:
    """A first claim in a sentence of two: "But Fowler said the race would be harder — and he
    noted that any change would come later." Each clause has its own speaker and cue; the
    readers take the one with "that" first, so the clause before the other claim is read as a
    sentence of its own, up to the last joint (a dash, a semicolon, ", and", ", but") before
    it. Kept only when it ends before that joint."""
    text = art.text
    b = -1
    for joint in CLAUSE_JOINTS:
        at = text.rfind(joint, ss + MIN_CLAIM, q.start)
        b = max(b, at)
    shared: bool | None = False  # whether the two claims share one subject
    if b < 0:
        b = _participle_comma(text, ss, q)
        # ", saying": the same subject, whose name is taken from the first claim only when it
        # is sure there ('"...", he said, claiming': who "he" is may be read two ways).
        shared = None if b >= 0 else False
    if b < 0:
        # "Authorities announced the arrest of a man and said a curfew would continue": one
        # subject, two verbs; the first verb's clause ends at the "and" (or "but": "Cole
        # backed the plan but said ...") of the second cue.
        at = max(text.rfind(" and ", ss + MIN_CLAIM, q.start), text.rfind(" but ", ss, q.start))
        if at < 0:
            return None
        between = text[at + 5 : q.start].split()
        if len(between) > JOINED_CUE_WORDS or not q.cue or q.cue.split()[0] not in between:
            return None  # "and" must join the cue's verb itself ("and said"), not a subject
        b, shared = at, True
    stance = STANCE_WORD.search(art._lower(), ss, b) is not None
    first = read(art, ss, b, mixed=mixed, stance=stance)
    if first is None or first.end > b:
        return None
    if shared is None:
        shared = bool(first.speaker_sure)
    if shared and first.speaker:
        # One subject, two verbs: the second verb's speaker is the first's, read where the
        # subject stands next to its verb ("Shadow home secretary David Davis said ... and
        # urged ...": not "Shadow").
        q.speaker, q.speaker_sure = first.speaker, first.speaker_sure
    return first


def _participle_comma(text: str, ss: int, q: Quote) -> int:
    """Where the comma before a participle that opens the claim `q` stands ("A judge has
    rejected a request to unseal the file, saying the courts have no business ..."), or -1:
    the clause before it is the subject's own act or words, a claim of its own."""
    if not q.cue or q.cue.split()[0] not in PARTICIPLE_CUES:
        return -1
    c = text.rfind(", ", ss + MIN_CLAIM, q.start)
    if c < 0 or text[c + 2 : q.start].split()[:1] != q.cue.split()[:1]:
        return -1
    return c if len(text[c + 2 : q.start].split()) <= PARTICIPLE_WORDS else -1


PARTICIPLE_WORDS = 2
"""At most this many words ("saying that") between the comma and a participle's claim."""


def claim_after(art: ArticleText, q: Quote, se: int, mixed: bool, read: Reader) -> Quote | None:
    """A second claim after the first one, joined to it: "Okafor wants to sell the old ferry,
    and Weir wants to close the harbour." The first claim ends at the joint (its words are
    clipped where a second subject comes); the rest is read as a sentence of its own, with its
    own subject, and kept only when it lies wholly after the first."""
    text = art.text
    b = -1
    for joint in CLAUSE_JOINTS:
        at = text.find(joint, q.end, q.end + len(joint) + 2)
        if at >= 0:
            b = at + len(joint)
            break
    if b < 0 or se - b < MIN_CLAIM:
        return None
    stance = STANCE_WORD.search(art._lower(), b, se) is not None
    then = read(art, b, se, mixed=mixed, stance=stance)
    return then if then is not None and then.start >= b else None


CLAUSE_JOINTS = (" — ", " – ", " -- ", "; ", ", and ", ", but ")
"""Where one clause of a sentence ends and another, perhaps with a claim of its own, begins."""

JOINED_CUE_WORDS = 3
"""At most this many words ("and has also said that") between "and" and a second claim for
the "and" to join two verbs of one subject."""

MIN_CLAIM = 25
"""A sentence or clause shorter than this many characters holds no reported speech."""
