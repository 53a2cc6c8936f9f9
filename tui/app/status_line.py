"""The status line: index progress, result count and sort, problems found while indexing."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class StatusLine(Horizontal):
    _index_label_width = 0
    """Cells of the index label last shown: a new count of the same width needs no layout."""

    def compose(self) -> ComposeResult:
        yield Label(Text("Opening…"), id="index-status")
        yield ProgressBar(id="index-progress", show_eta=False, show_percentage=True)
        yield Label(Text(""), id="result-status")
        yield Label(Text(""), id="store-status")
        yield Label(Text(""), id="problem-status")

    def indexing(self, done: int, total: int) -> None:
        bar = self.query_one(ProgressBar)
        bar.display = True
        bar.update(total=max(total, 1), progress=done)
        if total and done >= total:  # the writer merges and commits after the last file
            label = f"Writing the index ({total:,} files read)…"
        else:
            label = f"Indexing {done:,}/{total:,}"
        # Counting up several times a second while the CPU is the indexing workers': a label as
        # wide as before repaints itself only, without laying out the screen again.
        text = Text(label)
        width = text.cell_len
        self.query_one("#index-status", Label).update(text, layout=width != self._index_label_width)
        self._index_label_width = width

    def indexed(self, count: int, note: str = "") -> None:
        self.query_one(ProgressBar).display = False
        text = Text(f"{count:,} articles")
        if note:
            text.append(f" · {note}", style="dim")
        self.query_one("#index-status", Label).update(text)
        self._index_label_width = text.cell_len

    def results(self, shown: str) -> None:
        self.query_one("#result-status", Label).update(Text(shown))

    def store_failed(self, failed: bool) -> None:
        """Say, until a mark is saved again, that marks are not being saved: a toast fades,
        and a reviewer must not go on marking a hundred articles into nothing."""
        label = self.query_one("#store-status", Label)
        if label.has_class("-failed") == failed:
            return  # said already (every saved mark asks): no redraw
        label.update(Text("marks not saved: review store unavailable" if failed else ""))
        label.set_class(failed, "-failed")

    def problems(self, count: int, key: str) -> None:
        label = self.query_one("#problem-status", Label)
        label.update(Text(f"{count} problem{'s' * (count != 1)} ({key})" if count else ""))
        label.set_class(count > 0, "-problems")
