"""The rules engine pauses Python's cycle collector while it reads an article (a speed measure:
see `RulesExtractor.annotate`); the process must find the collector as it left it."""

from __future__ import annotations

import gc

import pytest

from tui.nlp.rules import RulesExtractor

TEXT = 'Jane Doe, the mayor of Marrowby, said on Monday: "We are ready for the storm."'


def test_the_collector_is_on_again_after_an_article() -> None:
    assert gc.isenabled()
    ann = RulesExtractor().annotate(TEXT)
    assert gc.isenabled()
    assert [q.speaker for q in ann.quotes] == ["Jane Doe"]


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        RulesExtractor().annotate(TEXT)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_on_again_after_an_article_that_fails() -> None:
    with pytest.raises(TypeError):
        RulesExtractor().annotate(None)  # type: ignore[arg-type]
    assert gc.isenabled()
