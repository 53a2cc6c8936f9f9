"""Small modal dialogs: tags, note, export path, problems list. Enter accepts, Esc cancels."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.app.text import one_line
from tui.app.typing_input import TypingInput
from tui.model import Problem
from tui.review import normalize_tags

T = TypeVar("T")


class TagSuggester(Suggester):
    """Completes the tag being typed (the text after the last comma) from tags already used."""

    def __init__(self, tags: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags = tags

    async def get_suggestion(self, value: str) -> str | None:
        _, _, last = value.rpartition(",")
        typed = last.lstrip()
        if not typed:
            return None
        for tag in self.tags:
            if tag.casefold().startswith(typed.casefold()) and len(tag) > len(typed):
                return value + tag[len(typed) :]
        return None


class InputDialog(ModalScreen[T | None], Generic[T]):
    """A titled dialog around one input line."""

    # Focus by selector rather than in on_mount: a dialog pushed while the app is already
    # quitting (keys arriving together over SSH) must not fail looking for its input.
    AUTO_FOCUS = "#dialog-input"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog-cancel"),
    ]

    def __init__(
        self,
        title: str,
        value: str,
        hint: str,
        placeholder: str = "",
        suggester: Suggester | None = None,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.dialog_title = title
        self.value = value
        self.hint = hint
        self.placeholder = placeholder
        self.suggester = suggester

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.dialog_title, style="bold"), classes="dialog-title")
            yield TypingInput(
                self.value,
                placeholder=self.placeholder,
                suggester=self.suggester,
                select_on_focus=False,
                id="dialog-input",
            )
            yield Label(Text(self.hint, style="dim"), classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(self.result(event.value))

    def result(self, value: str) -> T | None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)


class TagsDialog(InputDialog[list[str]]):
    def __init__(self, title: str, tags: list[str], known: list[str]) -> None:
        super().__init__(
            f"Tags: {one_line(title)}",
            ", ".join(tags),
            "Comma-separated. → completes a known tag · Enter saves · Esc cancels · "
            "search them with tag:NAME",
            placeholder="e.g. follow-up, budget",
            suggester=TagSuggester(known),
        )

    def result(self, value: str) -> list[str]:
        return normalize_tags(value.split(","))


class NoteDialog(InputDialog[str]):
    def __init__(self, title: str, note: str) -> None:
        super().__init__(
            f"Note: {one_line(title)}",
            note,
            "Enter saves · an empty note removes it · Esc cancels",
            placeholder="a note for this article",
        )

    def result(self, value: str) -> str:
        return value.strip()


class ExportDialog(InputDialog[Path]):
    def __init__(self, what: str, default: Path) -> None:
        super().__init__(
            f"Export {what}",
            str(default),
            "File to write: .csv for CSV, anything else JSON lines · Enter writes · Esc cancels",
        )

    def result(self, value: str) -> Path | None:
        value = value.strip()
        return Path(value).expanduser() if value else None


class ProblemsScreen(ModalScreen[None]):
    """Files skipped or only partly read while indexing, with the reason."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="problems-close"),
    ]

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(classes="dialog-screen")
        self.problems = problems

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            count = len(self.problems)
            yield Label(
                Text(f"Problems while indexing ({count})", style="bold"), classes="dialog-title"
            )
            options = [Option(Text(one_line(str(problem)))) for problem in self.problems]
            if not options:
                options = [Option(Text("No problems: every file was read.", style="dim"))]
            yield OptionList(*options, id="problem-list")
            yield Label(Text("Esc closes", style="dim"), classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
