"""Who reported speech is from: the subject before a reporting verb, read past what stands
between ("is warning", "on Saturday wrote"), two people joined by "and", or people the article
leaves unnamed ("Federal and state officials", "Another 19 percent"). Split from `reported`,
which reads the sentence shapes; this module reads only the subject.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.attribution import subject_before
from tui.nlp.quotes.clauses import ANONYMOUS
from tui.nlp.quotes.naming import name_phrase
from tui.nlp.quotes.tokens import Named, Tok
from tui.nlp.quotes.words import DOCUMENTS
from tui.nlp.speaker_words import wordset


def _subject(art: ArticleText, toks: Sequence[Tok], k: int) -> tuple[tuple[int, int], Named] | None:
    """The subject before a reporting verb at token k and who it names: a name or a
    pronoun, two people joined by "and" ("Mr. Grassley and Mr. Leahy said"), or people left
    unnamed with what qualifies them ("Elected officials from both parties say")."""
    span = subject_before(art, toks, k, 0)
    if span is None and k >= 3 and toks[k - 2].low == "on" and toks[k - 1].low in WEEKDAYS:
        span = subject_before(art, toks, k - 2, 0)  # "The Times on Saturday wrote that ..."
    if span is None and k >= 2 and toks[k - 1].low in TENSE_AUX and toks[k].text.islower():
        # "Donald Trump is warning voters that ...", "Clinton has argued that ...".
        a = k - 1
        while a > 0 and k - a < 3 and toks[a - 1].low in TENSE_AUX:
            a -= 1
        span = subject_before(art, toks, a, 0)
    if span is not None:
        return span, name_phrase(art, span[0], span[1], toks[k].start)
    return _pair_subject(art, toks, k) or _group_subject(toks, k)


WEEKDAYS = wordset("monday tuesday wednesday thursday friday saturday sunday")

SUBJECT_PRONOUNS = wordset("he she they it we i")
"""Pronouns that open a clause of their own after a verb ("agreed it was")."""

TENSE_AUX = wordset("is are was were has have had been")
"""Auxiliaries between a subject and its reporting verb ("is warning", "has been saying")."""


def _pair_subject(
    art: ArticleText, toks: Sequence[Tok], k: int
) -> tuple[tuple[int, int], Named] | None:
    """'Mr. Grassley and Mr. Leahy said': both named, as one speaker "A and B"."""
    a = next((x for x in range(k - 1, max(-1, k - 6), -1) if toks[x].low == "and"), -1)
    if a < 1 or not all(_in_name(t) for t in toks[a + 1 : k]) or a + 1 == k:
        return None
    b = a - 1
    while b >= 0 and a - b <= 4 and _in_name(toks[b]):
        b -= 1
    if b == a - 1 or (b >= 0 and toks[b].text not in ",;:"):
        return None  # the pair must open the sentence or a clause
    first = name_phrase(art, toks[b + 1].start, toks[a - 1].end, toks[k].start)
    second = name_phrase(art, toks[a + 1].start, toks[k - 1].end, toks[k].start)
    if not first.name or not second.name or first.name == second.name:
        return None
    return (toks[b + 1].start, toks[k - 1].end), Named(
        f"{first.name} and {second.name}", None, first.sure and second.sure
    )


def _in_name(tok: Tok) -> bool:
    return tok.text[:1].isupper() or tok.text == "."


def _group_subject(toks: Sequence[Tok], k: int) -> tuple[tuple[int, int], Named] | None:
    """'Elected officials from both parties say', 'Experts on North Korea said': people the
    article leaves unnamed, a few words qualifying them, at the head of the sentence; the
    span answered is all of it, the group's description."""
    f = next((x + 1 for x in range(k - 1, -1, -1) if toks[x].text == ","), 0)
    if f == 2 and toks[0].low in SENTENCE_ADVERBS:
        pass  # "However, 63 percent said ..."
    elif f > 0 and toks[0].low not in SUBORDINATORS:
        return None  # "Smith, and officials from ...": only a clause's own head may speak
    if k - f > GROUP_WORDS:
        return None
    h = next((x for x in range(f, min(k, f + 4)) if toks[x].low in ANONYMOUS | SHARES), -1)
    if (
        h >= 0
        and h + 1 == k
        and toks[h].low not in DOCUMENTS
        and all(t.text.isalnum() for t in toks[f:h])
    ):
        # "Federal and state officials said", "Another 19 percent said": the head last (not
        # "The report says": a record its maker, named elsewhere, speaks through).
        return (toks[f].start, toks[h].end), Named(None, None)
    if h < 0 or h + 1 >= k or toks[h + 1].low not in GROUP_LINKS:
        return None
    if any(t.text in ",;:()" or t.low in GROUP_STOPS for t in toks[h + 1 : k]):
        return None
    return (toks[f].start, toks[k - 1].end), Named(None, None)


SUBORDINATORS = wordset("although though while because since if when as after before despite")
"""Openers of a clause before the main one ("Although Scott lacks ..., officials say ...")."""


SENTENCE_ADVERBS = wordset("however meanwhile still instead indeed yet also separately overall")
"""Words that open a sentence, set off by a comma, before its subject."""

SHARES = wordset("percent")
"""Heads of a share of people that speaks ("63 percent said", "Another 19 percent say")."""

GROUP_WORDS = 10
"""At most this many words in an unnamed group that speaks."""

GROUP_LINKS = wordset("from on in at of for to with close across")
"""Words that open what qualifies an unnamed group ("officials from both parties")."""

GROUP_STOPS = wordset("who which that said says say when while because if")
"""Words that show the qualifying phrase is a clause of its own, not part of the subject."""
