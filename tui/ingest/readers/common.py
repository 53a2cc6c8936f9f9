"""Small helpers the readers share for reporting problems."""

from __future__ import annotations

from tui.model import Problem, ReadResult


def problem(rel: str, reason: str, line: int | None = None) -> Problem:
    """A `Problem` for the file at `rel` (and its line, for line-based formats)."""
    return Problem(path=rel, reason=reason, line=line)


def no_text(rel: str, line: int | None = None) -> ReadResult:
    """The result for a file (or record) that held nothing readable as article text."""
    return ReadResult(problems=[problem(rel, "no text", line)])
