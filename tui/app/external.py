"""Things that leave the app: the clipboard (OSC 52, so it works over SSH), `$PAGER`, `$EDITOR`,
the browser, and piping the article to a command (`|`, as mutt).

Programs that take the terminal run with the app suspended (`App.suspend`): the terminal is
given back as it was before the app started and taken again after, so a pager or an editor
draws on a clean screen and the app redraws itself when they end. A pipe's output would vanish
as the app takes the screen back, so the command's output is followed by "press Enter" (as
mutt's wait_key) before the app returns. Where the app cannot suspend (run headless, in tests),
programs run with no terminal: their input is the text given, their output is dropped.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from textual.app import SuspendNotSupported

from tui.app.dialogs import InputDialog
from tui.app.document import link_target
from tui.app.state import AppState
from tui.app.text import one_line, quote_with_speaker
from tui.ingest import safe_text
from tui.model import Article

DEFAULT_PAGER = "less"
DEFAULT_EDITOR = "vi"
RETURN_PROMPT = "\n[Broadsheet] press Enter to return "


class PipeDialog(InputDialog[str]):
    def __init__(self, title: str, last: str) -> None:
        super().__init__(
            f"Pipe to a command: {one_line(title)}",
            last,
            "The article's clean text goes to the command's input · Enter runs · Esc cancels",
            placeholder="e.g. wc -w, or less, or tee ~/article.txt",
        )

    def result(self, value: str) -> str | None:
        return value.strip() or None


def article_text(article: Article) -> str:
    """The clean article as one piece of text: title, date and source, then the body."""
    head = [article.title or article.path]
    meta = " · ".join(part for part in (article.date, article.source, article.author) if part)
    if meta:
        head.append(meta)
    return "\n".join(head) + "\n\n" + article.text.rstrip() + "\n"


TERMINAL_BROWSERS = ("www-browser", "w3m", "lynx", "links", "elinks")


def has_desktop() -> bool:
    """A graphical session the browser can open in, beside the terminal."""
    return sys.platform == "darwin" or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def terminal_browser() -> list[str] | None:
    """The command of a browser that runs in this terminal: `$BROWSER`, else one installed."""
    chosen = os.environ.get("BROWSER", "").strip()
    if chosen:
        return shlex.split(chosen.split(os.pathsep)[0])
    for name in TERMINAL_BROWSERS:
        found = shutil.which(name)
        if found:
            return [found]
    return None


class ExternalTools(AppState):
    """Copying, and handing the article to other programs."""

    _last_pipe = ""

    def _open_article(self) -> Article | None:
        article = self.reader.article
        if article is None:
            self.notify("Open an article first (Enter on the list).", timeout=2)
        return article

    def _article_file(self, article: Article) -> Path:
        path = Path(article.path)
        return path if path.is_absolute() else self.corpus / path

    def action_copy_path(self) -> None:
        current = self._current()
        if current is None:
            return
        article = self.reader.article
        path = article.path if article is not None and article.id == current[0] else None
        if path is None:
            hit = self.results_list.current_hit
            path = hit.path if hit is not None else current[0].split("#", 1)[0]
        full = Path(path) if Path(path).is_absolute() else self.corpus / path
        self.copy_to_clipboard(str(full))
        self.notify(f"Copied {one_line(str(full))}", timeout=2)

    def action_copy_quote(self) -> None:
        quote = self.reader.quote
        if quote is None:
            self.notify("No quote to copy: open an article and pick one with ] or [", timeout=2)
            return
        self.copy_to_clipboard(quote_with_speaker(quote))
        self.notify("Quote copied", timeout=2)

    def action_copy_article(self) -> None:
        """`Y`: the whole clean article to the clipboard."""
        article = self._open_article()
        if article is not None:
            self.copy_to_clipboard(safe_text(article_text(article)))  # every character kept
            self.notify(f"Copied the article ({len(article.text):,} characters)", timeout=2)

    def action_open_pager(self) -> None:
        """The article's file in `$PAGER` (less if unset)."""
        article = self._open_article()
        if article is not None:
            pager = os.environ.get("PAGER") or DEFAULT_PAGER
            self.run_outside([*shlex.split(pager), str(self._article_file(article))])

    def action_open_editor(self) -> None:
        """The article's file in `$VISUAL` or `$EDITOR` (vi if neither is set)."""
        article = self._open_article()
        if article is not None:
            editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or DEFAULT_EDITOR
            self.run_outside([*shlex.split(editor), str(self._article_file(article))])

    def action_open_url(self) -> None:
        """The article's web address, where the file gave one, in a browser.

        Where there is a desktop (a local session), the desktop's browser opens it beside the
        terminal. Over SSH there is none: a terminal browser (`$BROWSER`, else w3m, lynx or
        links) takes the terminal as a pager does; with none installed, the address is still a
        hyperlink in the reader's header, which the user's own terminal opens on ctrl+click.
        """
        article = self._open_article()
        if article is None:
            return
        url = link_target(article.url)
        if url is None:
            self.notify("This article has no web address.", timeout=2)
            return
        if has_desktop():
            self.open_url(url)
            self.notify(f"Opening {one_line(url)}", timeout=2)
            return
        browser = terminal_browser()
        if browser is None:
            self.notify(
                "No browser on this machine: ctrl+click the address under the title "
                "(a terminal link), or set $BROWSER.",
                timeout=6,
            )
            return
        if any("%s" in part for part in browser):  # the $BROWSER convention: %s is the address
            self.run_outside([part.replace("%s", url) for part in browser])
        else:
            self.run_outside([*browser, url])

    def action_pipe(self) -> None:
        """`|`: the clean article to a shell command's input, as mutt pipes a message."""
        article = self._open_article()
        if article is None:
            return

        def run(command: str | None) -> None:
            if command:
                ExternalTools._last_pipe = command
                self.run_outside(command, text=safe_text(article_text(article)), wait=True)

        self.push_screen(PipeDialog(article.title or article.path, self._last_pipe), run)

    def run_outside(
        self, command: list[str] | str, text: str | None = None, wait: bool = False
    ) -> int | None:
        """Run a program on the real terminal with the app suspended (a string runs in the
        shell); `text` is its input. Returns its exit status, None if it could not start."""
        shell = isinstance(command, str)
        name = command if isinstance(command, str) else command[0]
        try:
            with self.suspend():
                code = self._run(command, shell, text, terminal=True)
                if wait:
                    self._wait_for_enter(code)
        except SuspendNotSupported:  # headless: no terminal to give
            code = self._run(command, shell, text, terminal=False)
        if code is None:
            self.notify(f"Cannot run {one_line(name)}", severity="error", timeout=4)
        elif code != 0:
            self.notify(f"{one_line(name)} exited with status {code}", timeout=3)
        self.refresh(layout=True)
        return code

    @staticmethod
    def _run(command: list[str] | str, shell: bool, text: str | None, terminal: bool) -> int | None:
        quiet = None if terminal else subprocess.DEVNULL
        try:
            done = subprocess.run(
                command,
                shell=shell,
                input=text.encode("utf-8") if text is not None else None,
                stdin=None if text is not None or terminal else subprocess.DEVNULL,
                stdout=quiet,
                stderr=quiet,
                check=False,
            )
        except OSError:
            return None
        return done.returncode

    @staticmethod
    def _wait_for_enter(code: int | None) -> None:
        status = "" if code == 0 else f" (exit status {code})"
        sys.stdout.write(RETURN_PROMPT.replace(" press", f"{status} press", 1))
        sys.stdout.flush()
        try:
            with open("/dev/tty", encoding="utf-8", errors="replace") as tty:
                tty.readline()
        except OSError:
            pass
