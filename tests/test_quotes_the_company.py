""" "The company said" in an article about one company: the company the article is about, not
another one the writer mentioned in passing just before.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

from tui.model import Quote
from tui.nlp.rules import RulesExtractor


def _company_quotes(text: str) -> list[Quote]:
    quotes = RulesExtractor().annotate(text).quotes
    return [q for q in quotes if q.kind == "indirect" and q.text.startswith("it would")]


def test_the_company_is_the_article_subject_not_a_company_named_in_passing() -> None:
    text = (
        "Harwick Foods profits slip\n\n"
        "Food maker Harwick Foods has reported lower profits for the third year running.\n\n"
        "Harwick Foods said sales fell 3% to 2.1bn euros in the year. Rival food maker "
        "Bexley Holdings last year sold its frozen food arm after similar problems.\n\n"
        "The company said it would cut 400 jobs across its factories in Europe."
    )
    found = _company_quotes(text)
    assert [q.speaker for q in found] == ["Harwick Foods"]


def test_the_company_named_last_is_kept_when_the_article_is_about_it() -> None:
    text = (
        "Food makers report mixed results\n\n"
        "Shares in several food makers moved sharply on Tuesday after results.\n\n"
        "Harwick Foods said sales fell 3% to 2.1bn euros in the year. Bexley Holdings reported "
        "higher sales. Bexley Holdings shares rose 4%.\n\n"
        "The company said it would open 40 new factories across Europe."
    )
    found = _company_quotes(text)
    assert [q.speaker for q in found] == ["Bexley Holdings"]


def test_the_company_that_opens_the_story_even_when_named_once() -> None:
    # The story's company is the subject of its first sentence; a subsidiary named once just
    # before "The company" is the company's own part, not what it stands for.
    text = (
        "Telecoms group Norvel Telecom saw strong profits on the back of US mobile earnings.\n\n"
        "Debt fell sharply over the year. Norvel Wireless Inc, the company's American arm, "
        'made a strong contribution. "It is a fine result," said one analyst. The company '
        "also said it would resume paying a dividend after two years."
    )
    found = _company_quotes(text)
    assert [q.speaker for q in found] == ["Norvel Telecom"]
