"""Per-article facts the name finder keeps consulting, worked out once per article."""

from __future__ import annotations

import re
from bisect import bisect_right

from tui.nlp import cues
from tui.nlp.gazetteer import Gazetteer
from tui.nlp.name_runs import PREV_WORD, QUICK_PREV_WORD
from tui.nlp.name_sports import SPORTS_SLUG, sporty

SCORE_AFTER = re.compile(r"[ \t]{1,3}\(?\d")
AGE_AFTER = re.compile(r",[ \t]?\d{1,3}[ \t]?,")
# After a dateline's place: maybe ", Country", then a date ("BUCHAREST 1996-08-30") or, in
# wire copy, maybe "(Reuters)" and a dash ("LONDON (Reuters) -").
_DATELINE_REGION = r"(?:[ \t]?,[ \t]?[A-Z][\w.'-]*(?:[ \t][A-Z][\w.'-]*){0,3})?"
DATELINE_AFTER = re.compile(
    _DATELINE_REGION + r"[ \t]{1,3}(?:\d{4}-\d\d-\d\d|\d{1,2}[ \t][A-Z][a-z]{2})"
)
DATELINE_DASH = re.compile(_DATELINE_REGION + r"[ \t]?(?:\([^()\n]{1,40}\))?[ \t]?[-–—]")


class Doc:
    """Per-article facts the classifier keeps consulting."""

    def __init__(self, text: str, gaz: Gazetteer) -> None:
        self.text = text
        self.gaz = gaz
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._caps_lines: dict[int, bool] = {}
        self._lower_words: dict[str, bool] = {}
        self._reversed: str | None = None
        slug = SPORTS_SLUG.match(text)
        self.sports = bool(slug and slug.group(1).split()[0] in cues.SPORTS) or sporty(text)

    def prev_word(self, pos: int) -> str:
        """The word just before `pos` (letters, digits, apostrophes, hyphens, full stops), past
        spaces and tabs; else the one character there ("\n" at a line start); "" at the start
        of the text. Read forwards in the reversed text, where a regex can do it."""
        if pos <= 0:
            return ""
        if self._reversed is None:
            self._reversed = self.text[::-1]
        match = QUICK_PREV_WORD.match(self._reversed, len(self.text) - pos)
        assert match is not None  # the pattern matches the empty string
        word = match.group(1)
        if "_" in word:
            match = PREV_WORD.match(self._reversed, len(self.text) - pos)
            assert match is not None
            word = match.group(1)
        return word[::-1]

    def line_bounds(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.line_starts, pos) - 1
        start = self.line_starts[i]
        end = self.line_starts[i + 1] - 1 if i + 1 < len(self.line_starts) else len(self.text)
        return start, end

    def caps_line(self, pos: int) -> bool:
        """Whether the line holding `pos` has no small letters (a headline, a table row)."""
        start, end = self.line_bounds(pos)
        known = self._caps_lines.get(start)
        if known is None:
            line = self.text[start:end]
            known = line == line.upper() and line != line.lower()
            self._caps_lines[start] = known
        return known

    def writes_lower(self, word: str) -> bool:
        """Whether the article also writes `word` in small letters: "Police" opening a sentence
        is the word police if the article writes "police" elsewhere."""
        known = self._lower_words.get(word)
        if known is None:
            known = False
            text = self.text
            i = text.find(word)
            while i >= 0:
                j = i + len(word)
                if (i == 0 or not _joins(text[i - 1])) and (j == len(text) or not _joins(text[j])):
                    known = True
                    break
                i = text.find(word, j)
            self._lower_words[word] = known
        return known


def _joins(ch: str) -> bool:
    """Whether a character next to a word makes it part of a longer word."""
    return ch.isalnum() or ch in "'’-"
