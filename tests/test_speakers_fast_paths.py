"""The speaker registry's quick readings agree with the plain definitions they stand in for."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.model import Entity
from tui.nlp import capital_runs, speaker_runs, speakers
from tui.nlp.gazetteer import fold, gazetteer


def _after_headline_words_by_hand(toks: list[str]) -> list[str]:
    """Every token before the last read: the cut falls after the last headline word."""
    gaz = gazetteer()
    cut = 0
    for i, tok in enumerate(toks[:-1]):
        n = fold(tok)
        if n in gaz.common_words and n not in gaz.given_names and n not in gaz.surnames:
            cut = i + 1
    if cut != len(toks) - 1 or speakers.is_orgish(toks) or fold(toks[-1]) in gaz.common_words:
        return toks
    return toks[cut:]


WORDS = ["Story", "Continued", "Below", "Response", "To", "Trump", "Donald", "Music", "Forum"]
WORDS += ["Said", "About", "Sharpton", "Chung", "Jacky", "The", "Paris"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
@example(["Story", "Continued", "Below", "Trump"])
@example(["Sharpton", "Said", "Something", "About", "Donald", "Trump"])
def test_headline_words_are_cut_as_by_reading_every_token(toks: list[str]) -> None:
    assert speakers._after_headline_words(list(toks)) == _after_headline_words_by_hand(toks)


# A run of one word is read by `speaker_runs._one_word_shape` rather than through `split_run`:
# the words below are of every kind it tells apart (sentence words, particles, titles,
# organisation and place words, acronyms, given names of either gender, apostrophes, accents).
ONE_WORDS = ["The", "But", "Blair", "Chung", "Of", "De", "de", "Van", "Mr", "Mr.", "Sen.", "Dr"]
ONE_WORDS += [
    "President",
    "Ministry",
    "Council",
    "Street",
    "River",
    "NATO",
    "BBC",
    "UNHCR",
    "UNESCO",
]
ONE_WORDS += ["U.S.", "AT&T", "G7", "John", "Mary", "Jacky", "Terry", "O'Neill", "O’Neill"]
ONE_WORDS += ["MP", "QC", "Zoë", "Łódź", "MÜLLER", "Yesterday", "However", "I", "A", "Ms"]
ARTICLE = (
    "Sen. Claire McCaskill of Missouri said on Tuesday that the Ministry of Health had erred. "
    "But Ms O'Neill, a spokeswoman for NATO, told the BBC: the U.S. position stands. "
    "Frank Field MP and Lord Carlile met President Saakashvili in Tbilisi. Yesterday "
    "Jacky Chung, who runs AT&T, said Chung\u00a0Ltd would not comment."
)


@given(
    st.sampled_from(ONE_WORDS)
    | st.text(alphabet="ABCXYZabcxyz.'’&-ÀÉü", min_size=1, max_size=8).filter(
        lambda w: w[:1].isupper()
    )
)
@example("The")
@example("NATO")
def test_a_one_word_run_reads_as_through_split_run(word: str) -> None:
    assert speaker_runs._one_word_shape(word) == speaker_runs._general_shape(word)


def test_every_run_of_an_article_reads_as_through_split_run() -> None:
    runs = [m.group() for m in speakers.NAME_RUN.finditer(ARTICLE)]
    assert "Blair" not in runs and "McCaskill" in " ".join(runs)  # the runs are the article's
    for run in runs:
        assert speaker_runs.run_shape(run) == speaker_runs._general_shape(run), run


def test_the_registry_reads_entities_given_in_any_order() -> None:
    """`Registry.build` sorts the entities it is given: the entity engine's come sorted, other
    engines' need not."""
    spans = [("Claire McCaskill", "PERSON"), ("Ministry of Health", "ORG"), ("NATO", "ORG")]
    spans += [("Jacky Chung", "PERSON"), ("Tbilisi", "PLACE")]
    entities = []
    for name, label in spans:
        start = ARTICLE.index(name)
        entities.append(
            Entity(start=start, end=start + len(name), label=label, text=name, canonical=name)
        )
    in_order = speakers.Registry.build(ARTICLE, entities)
    reversed_order = speakers.Registry.build(ARTICLE, entities[::-1])
    assert [e.text for e in in_order.entities] == [
        "Claire McCaskill",
        "Ministry of Health",
        "NATO",
        "Jacky Chung",
    ]
    assert reversed_order.entities == in_order.entities
    assert set(reversed_order.people) == set(in_order.people) >= {"Claire McCaskill", "Jacky Chung"}
    assert reversed_order.mentions == in_order.mentions
    assert in_order.lookup(["Chung"], None, len(ARTICLE)) == "Jacky Chung"


RUN_PIECES = [" ", "\u00a0", "  ", ". ", ", ", "\n", "Mr.", "Mrs.", "Ms", "Sen.", "Sens.", "Rep"]
RUN_PIECES += ["Reps.", "Del.", "Dr.", "J.", "E.", "U.S.", "de", "del", "della", "der", "den"]
RUN_PIECES += ["da", "das", "dos", "di", "du", "van", "von", "bin", "ibn", "al", "la", "le", "ter"]
RUN_PIECES += ["of", "the", "Claire", "McCaskill", "O'Neill", "Ministry", "Health", "x", "-Kan"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(RUN_PIECES), max_size=30).map("".join))
@example("Sen. Claire McCaskill of Missouri met Mrs. della Rovere and Reps. van der Berg")
@example(f"Claire {'. '.join(capital_runs._ABBR_ALTERNATIVES.split('|'))}. X")
@example(f"Claire {' Claire '.join(capital_runs._PARTICLES.split('|'))} Claire x")
def test_the_run_pattern_finds_the_runs_of_plain_alternations(text: str) -> None:
    # `NAME_RUN` spells its abbreviations and particles as tries; spelt as plain alternations
    # (longest words found by backtracking) it finds the same runs.
    abbr = rf"(?:{capital_runs._ABBR_ALTERNATIVES})\."
    particle = rf"(?:{capital_runs._PARTICLES})"
    up = capital_runs.UPPER
    token = rf"(?:{abbr}|(?:[{up}]\.){{1,3}}(?![\w])|{capital_runs._WORD})"
    plain = re.compile(
        rf"(?=[{up}])(?<![\w’'\-.]){token}"
        rf"(?:[ \u00a0](?:{particle}[ \u00a0](?:the[ \u00a0])?)?{token})*"
    )
    found = [m.span() for m in capital_runs.NAME_RUN.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]
