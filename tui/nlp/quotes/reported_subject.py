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
from tui.nlp.quotes.described import describe
from tui.nlp.quotes.naming import ROLE_HEADS, name_phrase
from tui.nlp.quotes.reported_groups import relative_group, unnamed_group
from tui.nlp.quotes.tokens import Named, Tok
from tui.nlp.quotes.words import (
    DOCUMENTS,
    EVIDENCE_VERBS,
    IMPERSONAL,
    RELATIVE_ADVERBS,
    REPORTING,
    TENSE_AUX,
    THAT_VERBS,
)
from tui.nlp.speaker_words import wordset


def _subject(art: ArticleText, toks: Sequence[Tok], k: int) -> tuple[tuple[int, int], Named] | None:
    """The subject before a reporting verb at token k and who it names: a name or a
    pronoun, two people joined by "and" ("Mr. Grassley and Mr. Leahy said"), or people left
    unnamed with what qualifies them ("Elected officials from both parties say")."""
    if k > 0 and toks[k - 1].low == "having":
        return None  # "Having said that, Mark is in better shape": an idiom, no one's claim
    span = subject_before(art, toks, k, 0)
    if span is None and k >= 3 and toks[k - 2].low == "on" and toks[k - 1].low in WEEKDAYS:
        span = subject_before(art, toks, k - 2, 0)  # "The Times on Saturday wrote that ..."
    if span is None and k >= 2 and toks[k - 1].low in TENSE_AUX and toks[k].text.islower():
        # "Donald Trump is warning voters that ...", "Clinton has argued that ...".
        a = k - 1
        while a > 0 and k - a < 3 and toks[a - 1].low in TENSE_AUX:
            a -= 1
        span = subject_before(art, toks, a, 0)
    if (
        span is None
        and k >= 2
        and toks[k - 1].low.endswith("ly")
        and toks[k - 1].text.islower()
        and toks[k - 1].low not in NOT_ADVERBS
    ):
        span = subject_before(art, toks, k - 1, 0)  # "Manafort politely suggested that ..."
    if (
        span is not None
        and toks[k].low in IMPERSONAL
        and toks[k - 1].low in ("is", "was", "been")
        and art.text[span[0] : span[1]].lower() == "it"
    ):
        return span, Named(None, None)  # "It is understood that ...": no one is named
    if span is None:
        span = _relative_antecedent(art, toks, k)  # "Senator Holt, who said ..."
    if span is not None:
        named = name_phrase(art, span[0], span[1], toks[k].start)
        if not named.name and describe(art, *span) is None:
            # "Others say", "The unions said": no name, and no description of the lists; a
            # group named by a plural noun still speaks.
            return _plural_group(art, toks, k) or unnamed_group(art, toks, k) or (span, named)
        return span, named
    found = (
        _pair_subject(art, toks, k)
        or relative_group(art, toks, k)
        or _group_subject(toks, k)
        or _described(art, toks, k)
        or _plural_group(art, toks, k)
        or unnamed_group(art, toks, k)
    )
    if (
        found is None
        and k > 1
        and toks[0].low in ("and", "but")
        and all(t.text[:1].isupper() or t.text == "." for t in toks[1:k])
    ):
        return _subject(art, toks[1:], k - 1)  # "And Reed vows not to ..."
    return found


def _relative_antecedent(art: ArticleText, toks: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """The name a relative "who" before the verb at k stands for ("Senator Jane Holt, who has
    called for an inquiry"): the name right before the comma, never a description ("an
    architect who said") or a place, which the relative may not be about."""
    a = k - 1
    while a > 2 and (toks[a].low in TENSE_AUX or toks[a].low in RELATIVE_ADVERBS):
        a -= 1  # "who has called", "who also said"
    if a > 3 and toks[a].text.isdigit() and toks[a - 1].low == "in":
        a -= 2  # "who in 2010 said"
    if a < 2 or toks[a].low != "who" or toks[a - 1].text != ",":
        return None
    end = a - 1
    # "McConnell, now the Senate majority leader, who said": the name before the apposition.
    c = next((x for x in range(end - 1, max(0, end - 9), -1) if toks[x].text == ","), -1)
    if (
        c > 0
        and toks[c + 1].text.islower()
        and toks[c - 1].text[:1].isupper()
        and not any(t.text in ";:()" or t.low in TENSE_AUX for t in toks[c + 1 : end])
    ):
        end = c
    start = end
    while start > 0 and toks[start - 1].text[:1].isupper() and end - start < 4:
        start -= 1
    if start == end:
        return None
    span = (toks[start].start, toks[end - 1].end)
    named = name_phrase(art, *span, toks[k].start)
    return span if named.name and named.name not in art.place_names else None


NOT_ADVERBS = wordset("family ally rally assembly supply daily weekly monthly only")
"""Words in -ly that are no adverb between a subject and its verb ("the family said")."""

WEEKDAYS = wordset("monday tuesday wednesday thursday friday saturday sunday")

SUBJECT_PRONOUNS = wordset("he she they it we i")
"""Pronouns that open a clause of their own after a verb ("agreed it was")."""


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
    if a - b == 2 and any(t.low in ROLE_HEADS for t in toks[a + 1 : k]):
        # "Trade and Industry Secretary Patricia Hewitt": one office, one person, named last.
        span = (toks[a + 1].start, toks[k - 1].end)
        named = name_phrase(art, *span, toks[k].start)
        return (span, named) if named.name else None
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
        and all(t.text.replace("-", "").isalnum() for t in toks[f:h])
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


def _described(
    art: ArticleText, toks: Sequence[Tok], k: int
) -> tuple[tuple[int, int], Named] | None:
    """'The actress said ...', 'The billionaire real estate magnate says ...': a description
    of someone, heading the sentence, as the subject of the cue at k. The person the article
    named so, if one fits (`name_phrase`), else the description as written (`describe`)."""
    f = 0
    if k >= 3 and toks[1].text == "," and toks[0].low in SENTENCE_ADVERBS:
        f = 2  # "However, the actress said ..."
    e = k
    while e > f and toks[e - 1].low in TENSE_AUX:
        e -= 1  # "The actress has said"
    if e - f < 2 or e - f > DESCRIBED_WORDS or toks[f].low not in DESCRIBED_OPENERS:
        return None
    if any(not t.text[:1].isalpha() or t.low in TENSE_AUX for t in toks[f:e]):
        return None  # "The actress, who ...": a clause or an apposition, read elsewhere
    span = (toks[f].start, toks[e - 1].end)
    if describe(art, *span) is None:
        return None
    return span, name_phrase(art, span[0], span[1], toks[k].start)


DESCRIBED_WORDS = 6
"""At most this many words in a description heading a sentence as its subject."""

DESCRIBED_OPENERS = wordset("the a an another several some many most two three four")
"""Words that open a description of who spoke ("The actress", "Several lawmakers")."""


def _plural_group(
    art: ArticleText, toks: Sequence[Tok], k: int
) -> tuple[tuple[int, int], Named] | None:
    """'Other Republican candidates said ...', "Trump's opponents say ...", 'Iowa biofuels
    advocates say ...': people named by a plural noun of any kind, heading the sentence,
    shown as written (never sure: they are no one's name). The noun list of `_group_subject`
    cannot hold every kind of people; a short phrase ending in a plural right before the cue,
    with nothing but words before it, is a group that spoke."""
    f = 0
    if k >= 3 and toks[1].text == "," and toks[0].low in SENTENCE_ADVERBS:
        f = 2
    elif toks[0].low in ("but", "and"):
        f = 1
    e = k
    while e > f and toks[e - 1].low in TENSE_AUX:
        e -= 1
    if not 1 <= e - f <= PLURAL_WORDS:
        return None
    head = toks[e - 1]
    if not _plural(head.low) or head.low in NOT_PEOPLE:
        return None
    for t in toks[f : e - 1]:
        if not (t.text.isalpha() or t.text in ("’s", "'s", "-")) or t.low in GROUP_STOPS:
            return None
        if t.low.endswith("ly") or t.low in TENSE_AUX:
            return None  # "Privately ministers believe": an adverb, not part of the group
        if t.low in REPORTING or t.low in THAT_VERBS or t.low in EVIDENCE_VERBS:
            return None  # "Gallup finds states ...": a verb before, the noun is its object
    if any(t.low in SUBJECT_PRONOUNS for t in toks[f:e]):
        return None
    span = (toks[f].start, head.end)
    phrase = " ".join(art.text[span[0] : span[1]].split())
    art.described.add(phrase)
    return span, Named(phrase, None, False)


def _plural(w: str) -> bool:
    """Whether a word in small letters or a capitalised one reads as a plural noun."""
    return (
        len(w) > 3 and w.isalpha() and w.endswith("s") and not w.endswith(("ss", "us", "is", "ics"))
    )


PLURAL_WORDS = 5
"""At most this many words in a group named by a plural noun before its cue."""

NOT_PEOPLE = wordset(
    """results numbers figures data ratings records documents reports polls surveys studies
    papers emails filings minutes things times news years days months weeks this
    was has does goes remarks comments words statements findings results always perhaps
    sometimes afterwards nowadays besides towards whereas thus yes""",
)
"""Plurals that are no people: records (read as evidence elsewhere) and times."""
