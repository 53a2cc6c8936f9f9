"""Laying out an article for the reader: offsets, speaker tags, wrapping (no app needed)."""

from __future__ import annotations

from itertools import pairwise

from rich.cells import cell_len

from tui.app.document import (
    HIT_STYLE,
    QUOTE_STYLE,
    SPEAKER_STYLE,
    Layout,
    build_document,
    wrap,
)
from tui.app.text import quote_with_speaker
from tui.model import Annotations, Article, Entity, Quote, Span

TEXT = (
    "Rosalind Okafor spoke in Port Ellis.\n"
    "\n"
    "“We are ready,” Okafor said. Exports fell 2.3%.\n"
    "Photo: MARA OSEI/HARBOUR POST"
)


def article() -> Article:
    caption_start = TEXT.index("Photo:")
    return Article(
        id="a.txt",
        path="a.txt",
        title="Okafor speaks",
        date="2024-09-17",
        source="Harbour Post",
        text=TEXT,
        captions=[Span(start=caption_start, end=len(TEXT))],
    )


def annotations() -> Annotations:
    def ent(text: str, label: str, canonical: str | None = None) -> Entity:
        start = TEXT.index(text)
        return Entity(
            start=start, end=start + len(text), label=label, text=text, canonical=canonical or text
        )

    quote_start = TEXT.index("“")
    quote_end = TEXT.index("”") + 1
    return Annotations(
        entities=[
            ent("Rosalind Okafor", "PERSON"),
            ent("Port Ellis", "PLACE"),
            ent("2.3%", "PERCENT"),
            ent("Okafor said", "PERSON", "Rosalind Okafor"),
        ],
        quotes=[
            Quote(
                start=quote_start,
                end=quote_end,
                text=TEXT[quote_start:quote_end],
                kind="direct",
                speaker="Rosalind Okafor",
            )
        ],
    )


def spans_of(block_text: str, spans: list[tuple[int, int, str]], style: str) -> list[str]:
    return [block_text[s:e] for s, e, st in spans if st == style]


def test_blocks_keep_every_highlight_on_its_text() -> None:
    doc = build_document(article(), annotations(), [Span(start=9, end=15)])
    kinds = [block.kind for block in doc.blocks]
    assert kinds[:3] == ["title", "meta", "meta"]
    assert kinds[4:] == ["body", "blank", "body", "caption"]
    first = doc.blocks[4]
    spans = [(s.start, s.end, s.style) for s in first.spans]
    assert spans_of(first.text, spans, "reader--person") == ["Rosalind Okafor"]
    assert spans_of(first.text, spans, "reader--place") == ["Port Ellis"]
    assert spans_of(first.text, spans, HIT_STYLE) == ["Okafor"]
    assert doc.labels == {"PERSON": 2, "PLACE": 1, "PERCENT": 1}


def test_speaker_tag_goes_before_the_quote_and_shifts_offsets() -> None:
    doc = build_document(article(), annotations())
    quote_block = doc.blocks[6]
    assert quote_block.text.startswith("[Rosalind Okafor] “We are ready,”")
    spans = [(s.start, s.end, s.style) for s in quote_block.spans]
    assert spans_of(quote_block.text, spans, SPEAKER_STYLE) == ["[Rosalind Okafor]"]
    assert spans_of(quote_block.text, spans, QUOTE_STYLE) == ["“We are ready,”"]
    assert spans_of(quote_block.text, spans, "reader--percent") == ["2.3%"]
    targets, quote = doc.quotes[0]
    assert quote.speaker == "Rosalind Okafor"
    assert quote_block.text[targets[0].start : targets[0].end] == "“We are ready,”"


def test_hidden_labels_are_not_highlighted_but_still_counted() -> None:
    doc = build_document(article(), annotations(), hidden_labels={"PERSON"})
    styles = {s.style for block in doc.blocks for s in block.spans}
    assert "reader--person" not in styles
    assert "reader--place" in styles
    assert doc.labels["PERSON"] == 2


def test_quote_across_paragraphs_is_split_per_block() -> None:
    text = "“First part\nsecond part” she said."
    quote = Quote(start=0, end=text.index("”") + 1, text="", kind="direct", speaker=None)
    doc = build_document(
        Article(id="b", path="b", text=text), Annotations(quotes=[quote]), hit_spans=[]
    )
    targets, _ = doc.quotes[0]
    assert len(targets) == 2
    assert [doc.blocks[t.block].text[t.start : t.end] for t in targets] == [
        "“First part",
        "second part”",
    ]


def test_metadata_from_outside_is_cleaned() -> None:
    doc = build_document(
        Article(id="c", path="evil\x1b[31m.txt", title="T\u202eitle", text="x"), Annotations()
    )
    shown = " ".join(block.text for block in doc.blocks)
    assert "\x1b" not in shown and "\u202e" not in shown


def test_wrap_fits_width_and_covers_the_text() -> None:
    text = "The quick brown fox jumps over the lazy dog. " * 20
    lines = wrap(text, 30)
    assert lines[0][0] == 0 and lines[-1][1] == len(text)
    for (_, end), (start, _) in pairwise(lines):
        assert end == start
    for start, end in lines:
        assert cell_len(text[start:end].rstrip()) <= 30


def test_wrap_cuts_words_longer_than_a_line_and_wide_characters() -> None:
    assert wrap("a" * 25, 10) == [(0, 10), (10, 20), (20, 25)]
    wide = "漢字" * 10
    for start, end in wrap(wide, 7):
        assert cell_len(wide[start:end]) <= 7


def test_one_megabyte_single_line_lays_out() -> None:
    text = "word " * 200_000
    doc = build_document(Article(id="big", path="big", text=text), Annotations())
    layout = Layout(doc, 80)
    assert len(layout) > 12_000
    body = len(doc.blocks) - 1
    assert layout.line_of(body, len(text) - 1) == len(layout) - 1


def test_emoji_whose_width_terminals_disagree_on_are_drawn_plain_and_highlights_stay() -> None:
    """tmux 3.3 draws "👋🏽" in four cells and "❤️" in one, Rich counts two for each: a line
    drawn wider than Rich measured it pushes the pane's border out of line. The reader shows
    the hand and the heart in their plain form (one character for one, so every highlight
    stays on its words); the clipboard keeps the article's own characters."""
    wave, heart = "\U0001f44b\U0001f3fd", "\u2764\ufe0f"
    text = f"Mayor {wave} Okafor {heart} said “We {wave} are ready,” on Friday."
    start = text.index("Okafor")
    quote_start, quote_end = text.index("“"), text.index("”") + 1
    quote = Quote(
        start=quote_start,
        end=quote_end,
        text=text[quote_start:quote_end],
        kind="direct",
        speaker="Rosalind Okafor",
    )
    doc = build_document(
        Article(id="e.txt", path="e.txt", title=f"Mayor {wave} greets", text=text),
        Annotations(
            entities=[
                Entity(
                    start=start, end=start + 6, label="PERSON", text="Okafor", canonical="Okafor"
                )
            ],
            quotes=[quote],
        ),
    )
    assert doc.blocks[0].text == "Mayor \U0001f44b\u034f greets"
    body = next(block for block in doc.blocks if block.kind == "body")
    assert "\U0001f3fd" not in body.text and "\ufe0f" not in body.text
    assert cell_len(body.text) == cell_len(
        "[Rosalind Okafor] Mayor 👋 Okafor ❤ said “We 👋 are ready,” on Friday."
    )
    spans = [(s.start, s.end, s.style) for s in body.spans]
    assert spans_of(body.text, spans, "reader--person") == ["Okafor"]
    assert spans_of(body.text, spans, QUOTE_STYLE) == ["“We \U0001f44b\u034f are ready,”"]
    assert quote_with_speaker(quote) == f"“We {wave} are ready,” — Rosalind Okafor"
