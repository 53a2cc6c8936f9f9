"""A corpus that fights back: terminal escapes, markup, huge and deep files, bad names, links out.

Text from the corpus must reach the terminal as text: no escape sequence, C1 control or bidi
override it carries may be written to the terminal, by the app or by any command; Rich markup in
it is shown literally; a 1 MB line does not freeze the app; a 100 MB file is skipped and said
so; links out of the folder are not followed; files changing during indexing do no harm.
"""

from __future__ import annotations

import json
import os
import random
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import e2e_flows as flows
import pytest
from e2e_corpus import (
    BAD_NAMES,
    CHURN_WORD,
    HOSTILE_WORD,
    MARKUP_WORD,
    MEGA_WORD,
    NAMES_WORD,
    NESTED_WORD,
    OUTSIDE_WORD,
    PAYLOADS,
    SIZE_CAP_FILE,
    terminal_leaks,
    write_generated,
    write_hostile,
)
from e2e_harness import TIMEOUT, Isolation, PtyApp, Tmux, run_cli


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return write_hostile(tmp_path / "hostile", tmp_path / "outside")


@pytest.fixture
def indexed(iso: Isolation, hostile: Path) -> Iterator[tuple[Path, str]]:
    """The hostile corpus, indexed; yields it with the index command's report."""
    out = run_cli(iso, "index", str(hostile), timeout=TIMEOUT * 6)
    report = (out.stdout + out.stderr).decode("utf-8", "replace")
    assert out.returncode == 0, f"index exited {out.returncode}:\n{report}"
    assert "Traceback" not in report, report
    assert not terminal_leaks(out.stdout + out.stderr), terminal_leaks(out.stdout + out.stderr)
    yield hostile, report


def search_json(iso: Isolation, corpus: Path, query: str) -> list[dict[str, object]]:
    out = run_cli(iso, "search", str(corpus), query, "--json", "--limit", "50")
    assert out.returncode == 0, out.stderr.decode("utf-8", "replace")
    assert not terminal_leaks(out.stdout), terminal_leaks(out.stdout)
    return [json.loads(line) for line in out.stdout.decode("utf-8").splitlines() if line.strip()]


# -- the commands -----------------------------------------------------------------------------


def test_index_skips_and_reports_what_it_cannot_read(indexed: tuple[Path, str]) -> None:
    _, report = indexed
    name = Path(SIZE_CAP_FILE).name
    lines = [line for line in report.splitlines() if name in line]
    assert lines, f"the 100 MB file is not reported as skipped:\n{report}"
    assert any(word in " ".join(lines).lower() for word in ("large", "size", "big", "cap", "mb")), (
        f"no size reason given for the 100 MB file: {lines}"
    )


def test_search_output_is_inert_and_stays_inside_the_folder(
    iso: Isolation, indexed: tuple[Path, str]
) -> None:
    corpus, _ = indexed
    hits = search_json(iso, corpus, HOSTILE_WORD)
    assert any(str(h["path"]).endswith("escapes.txt") for h in hits), hits
    for hit in hits:
        for key in ("title", "snippet", "source", "path"):
            value = str(hit.get(key) or "")
            assert "\x1b" not in value and "\u202e" not in value, (key, value)

    human = run_cli(iso, "search", str(corpus), HOSTILE_WORD)
    assert human.returncode == 0, human.stderr
    assert not terminal_leaks(human.stdout + human.stderr), terminal_leaks(human.stdout)
    assert HOSTILE_WORD in human.stdout.decode("utf-8", "replace")

    # Markup is data, not styling, on the command line too.
    markup = run_cli(iso, "search", str(corpus), MARKUP_WORD).stdout.decode("utf-8", "replace")
    assert f"[bold]{MARKUP_WORD}[/bold]" in markup, markup

    # Links that leave the folder (a file, a folder, /etc) are not followed.
    assert search_json(iso, corpus, OUTSIDE_WORD) == []
    # ...and a link looping back into the folder does not index it twice.
    for hit in hits:
        path = str(hit["path"])
        assert "loop/" not in path and not path.startswith(("etc-link", "outside-dir")), path

    # The good records of a JSONL file with a monster line in the middle are all there.
    nested = {str(h["title"]) for h in search_json(iso, corpus, NESTED_WORD)}
    assert {f"Fine line {NESTED_WORD}", f"Last line {NESTED_WORD}"} <= nested, nested

    # Files with hostile names are indexed and their paths come out escaped, not raw.
    named = search_json(iso, corpus, NAMES_WORD)
    assert len(named) == len(BAD_NAMES), named


@pytest.mark.parametrize(
    "mode",
    [[], ["--json"], ["--plain"], ["--plain", "--json"]],
    ids=["human", "json", "plain", "plain-json"],
)
def test_annotate_output_is_inert(iso: Isolation, hostile: Path, mode: list[str]) -> None:
    names = [os.fsdecode(os.path.join(os.fsencode(hostile / "names"), n)) for n in BAD_NAMES]
    paths = [str(hostile / f) for f in ("escapes.txt", "markup.txt", "meta.json", "latin1.txt")]
    out = run_cli(iso, "annotate", *mode, *paths, *names)
    raw = out.stdout + out.stderr
    assert "Traceback" not in raw.decode("utf-8", "replace"), raw.decode("utf-8", "replace")
    assert not terminal_leaks(raw), terminal_leaks(raw)
    text = out.stdout.decode("utf-8")
    if "--json" in mode:
        records = [json.loads(line) for line in text.splitlines() if line.strip()]
        assert len(records) == len(paths) + len(names)
        body = "\n".join(r["text"] for r in records)
        for p in PAYLOADS:
            assert p.visible in body, f"{p.visible} (beside the {p.name}) is missing from text"
        assert "[bold red]boom[/]" in body
        for r in records:
            for e in r["entities"]:
                assert r["text"][e["start"] : e["end"]] == e["text"], e
    else:
        # The human view lists entities and quotes; the markup title is printed as is.
        assert "Nadia Tan" in text and "Lena Okoro" in text, text
        assert f"[bold]{MARKUP_WORD}[/bold]" in text or "--plain" in mode, text


# -- the app ----------------------------------------------------------------------------------


# A word only one article holds (so Enter opens it), and what only the open reader shows: the
# speaker tag of the quote at its top.
OPENINGS = (
    ("Lindqvist", "Lindqvist]", 1),  # meta.json: escapes in the title, author and source fields
    ("CLIPTAIL", "Nadia Tan]", 1),  # escapes.txt: every payload in the body
    ("Bassi", "Bassi]", 1),  # latin1.txt: a raw 8-bit CSI byte in a Latin-1 file
    # Files named with a newline, bad bytes, an escape and bidi, a C1 CSI: open each in turn.
    (NAMES_WORD, "Okoro]", len(BAD_NAMES)),
)


def test_app_writes_no_corpus_escape_to_the_terminal(
    pty_app: Callable[..., PtyApp], exe: str, hostile: Path
) -> None:
    corpus = hostile  # the app indexes it on start, as a first-time user would
    app = pty_app([exe, str(corpus)], cols=120, rows=40)
    app.wait_for(flows.READY, what="the app ready")
    for query, in_reader, rows in OPENINGS:
        flows.pty_search(app, query)
        for row in range(rows):
            mark = app.offset()
            app.keys("Enter")
            app.wait_for(in_reader, mark, what=f"result {row + 1} of {query!r} open in the reader")
            app.wait_quiet(0.3, timeout=10)
            for _ in range(4):  # scroll, so every line of the article is drawn
                app.keys("PageDown")
                app.wait_quiet(0.2, timeout=10)
            mark = app.offset()
            app.keys("Escape")
            app.wait_for(flows.LIST_FOOTER, mark, what="back to the list after Esc")
            app.keys("j")
            app.wait_quiet(0.3, timeout=10)
    leaks = terminal_leaks(app.output)
    assert not leaks, "\n".join(leaks)
    text = app.text()
    for p in PAYLOADS:
        assert p.visible in text, f"{p.visible} (beside the {p.name}) was not shown as text"
    app.keys("q")
    assert app.wait_exit() == 0, app.describe()


def test_app_shows_markup_as_literal_text(
    tmux: Callable[..., Tmux], exe: str, hostile: Path
) -> None:
    corpus = hostile  # the app indexes it on start, as a first-time user would
    t = tmux([exe, str(corpus)], 120, 40)
    flows.wait_ready(t)
    flows.search(t, MARKUP_WORD)
    t.wait_for(f"Markup in a headline [bold]{MARKUP_WORD}[/bold]", what="the title, markup and all")
    flows.open_selected(t)
    # Each is one word, so wrapping cannot split it.
    for literal in (
        "red]boom[/]",
        "[link=file:///etc/passwd]x[/link]",
        "[reverse]inverted[/reverse]",
    ):
        t.wait_for(literal, what=f"the markup {literal!r} shown as text")
    t.keys("Q")  # quit from the reader (q would go back to the list)
    assert t.wait_exit() == 0, t.describe()


def test_app_stays_responsive_on_a_megabyte_line(
    tmux: Callable[..., Tmux], exe: str, hostile: Path
) -> None:
    corpus = hostile  # the app indexes it on start, as a first-time user would
    t = tmux([exe, str(corpus)], 80, 24)
    flows.wait_ready(t)
    flows.search(t, MEGA_WORD)
    t.wait_for("One line of a megab")
    flows.open_selected(t)
    before = t.wait_stable(quiet=0.3, timeout=20)
    started = time.monotonic()
    t.keys("PageDown")
    before = t.wait_change(before, timeout=20)
    t.keys("n")  # the next of some 20,000 hits on that line
    before = t.wait_change(before, timeout=20)
    t.keys("G")
    t.wait_change(before, timeout=20)
    t.keys("Q")
    assert t.wait_exit(timeout=20) == 0, t.describe()
    print(f"1 MB line: PageDown redrew in {time.monotonic() - started:.2f}s")


# -- files that change under the indexer ------------------------------------------------------


def test_files_changing_while_indexed(iso: Isolation, tmp_path: Path) -> None:
    corpus = write_generated(tmp_path / "moving", 400)
    churn = corpus / "churn.txt"
    victims = sorted(corpus.rglob("article-*.txt"))[:50]
    stop = threading.Event()
    rounds = [0]

    def meddle() -> None:
        rng = random.Random(3)
        while not stop.is_set():
            rounds[0] += 1
            churn.write_text(f"Churn {rounds[0]}\n\n" + "word " * rng.randint(0, 5000))
            victim = rng.choice(victims)
            try:
                if rng.random() < 0.5:
                    victim.unlink()
                    time.sleep(0.001)
                    victim.write_text(f"Back {rounds[0]}\n\nReturned {CHURN_WORD}.\n")
                else:
                    with victim.open("r+b") as fh:  # shrink only: growing pads NULs
                        fh.truncate(rng.randint(0, min(40, victim.stat().st_size)))
            except OSError:
                pass
            if rng.random() < 0.3:
                churn.unlink(missing_ok=True)

    thread = threading.Thread(target=meddle, daemon=True)
    thread.start()
    try:
        out = run_cli(iso, "index", str(corpus), timeout=TIMEOUT * 6)
    finally:
        stop.set()
        thread.join(10)
    report = (out.stdout + out.stderr).decode("utf-8", "replace")
    assert rounds[0] > 10, "the files did not change while indexing; the test proves nothing"
    assert out.returncode == 0, report
    assert "Traceback" not in report, report

    # Once things are still, an update brings the index in line with the folder.
    churn.write_text(f"Churn settled\n\nThe final {CHURN_WORD} text.\n", encoding="utf-8")
    again = run_cli(iso, "index", str(corpus), timeout=TIMEOUT * 6)
    assert again.returncode == 0, again.stderr
    hits = search_json(iso, corpus, CHURN_WORD)
    on_disk = sum(1 for p in corpus.rglob("*.txt") if CHURN_WORD in p.read_text("utf-8", "replace"))
    assert len(hits) == on_disk, (len(hits), on_disk)


def test_a_fifo_in_the_corpus_does_not_hang_indexing(iso: Isolation, tmp_path: Path) -> None:
    corpus = write_generated(tmp_path / "withpipe", 5)
    os.mkfifo(corpus / "pipe.txt")
    os.mkfifo(corpus / "pipe.json")
    out = run_cli(iso, "index", str(corpus), timeout=TIMEOUT * 2)
    assert out.returncode == 0, out.stderr
    assert len(search_json(iso, corpus, "Broadsheetville")) == 5
