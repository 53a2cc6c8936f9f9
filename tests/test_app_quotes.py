"""How quotations read in the reader, the side panel and the clipboard: reported speech is never
put in quotation marks, and a speaker the engine is unsure of carries a question mark."""

from __future__ import annotations

from tui.app.document import build_document
from tui.app.text import quote_with_speaker, speaker_label
from tui.model import Annotations, Article, Quote

TEXT = (
    "“We are ready,” Jacky Chung said on Monday.\n"
    "\n"
    "Chung said that freight costs would rise before the summer.\n"
    "\n"
    "Mr Blair met Mr Brown. “It went well,” he said."
)


def quote(fragment: str, kind: str, speaker: str | None, sure: bool = True) -> Quote:
    start = TEXT.index(fragment)
    return Quote(
        start=start,
        end=start + len(fragment),
        text=fragment,
        kind=kind,  # type: ignore[arg-type]
        speaker=speaker,
        cue="said",
        speaker_sure=sure,
    )


DIRECT = quote("“We are ready,”", "direct", "Jacky Chung")
REPORTED = quote("freight costs would rise before the summer", "indirect", "Jacky Chung")
UNSURE = quote("“It went well,”", "direct", "Gordon Brown", sure=False)


def test_reported_speech_is_copied_without_quotation_marks() -> None:
    copied = quote_with_speaker(REPORTED)
    assert copied == "Jacky Chung (reported): freight costs would rise before the summer"
    assert not any(mark in copied for mark in "“”\"'")


def test_a_direct_quote_is_copied_in_its_marks_with_its_speaker() -> None:
    assert quote_with_speaker(DIRECT) == "“We are ready,” — Jacky Chung"


def test_an_unsure_speaker_is_shown_as_a_question() -> None:
    assert speaker_label(UNSURE) == "Gordon Brown?"
    assert speaker_label(DIRECT) == "Jacky Chung"
    assert quote_with_speaker(UNSURE) == "“It went well,” — Gordon Brown?"


def test_reader_tags_say_reported_and_unsure() -> None:
    article = Article(id="a.txt", path="a.txt", title="Freight", text=TEXT)
    doc = build_document(article, Annotations(quotes=[DIRECT, REPORTED, UNSURE]))
    body = "\n".join(block.text for block in doc.blocks if block.kind == "body")
    assert "[Jacky Chung] “We are ready,”" in body
    assert "[Jacky Chung, reported] freight costs" in body
    assert "[Gordon Brown?] “It went well,”" in body


def test_a_split_quotation_shows_and_copies_only_the_speakers_words() -> None:
    from tui.model import Span

    text = '"The money is welcome," said Jacky Chung, an economist, "but the detail matters."'
    first = '"The money is welcome,"'
    second = '"but the detail matters."'
    split = Quote(
        start=0,
        end=len(text),
        text=text,
        kind="direct",
        speaker="Jacky Chung",
        cue="said",
        parts=[
            Span(start=0, end=len(first)),
            Span(start=text.index(second), end=len(text)),
        ],
    )
    copied = quote_with_speaker(split)
    assert copied == '"The money is welcome," … "but the detail matters." — Jacky Chung'
    doc = build_document(
        Article(id="s", path="s", title="T", text=text), Annotations(quotes=[split])
    )
    targets, _ = doc.quotes[0]
    marked = [doc.blocks[t.block].text[t.start : t.end] for t in targets]
    assert marked == [first, second]  # the narrative between the parts is not marked
