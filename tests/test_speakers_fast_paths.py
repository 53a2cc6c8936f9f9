"""The speaker registry's quick readings agree with the plain definitions they stand in for."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.nlp import speakers
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
