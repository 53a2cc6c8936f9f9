"""The command line as scripts and people use it: exit codes, one-line errors, the JSON contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui import __version__

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


def test_version() -> None:
    out = run("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"broadsheet {__version__}"


def test_help_lists_commands() -> None:
    out = run("--help")
    assert out.returncode == 0
    for command in ("annotate", "index", "search", "export"):
        assert command in out.stdout


def test_usage_error_exits_2_with_one_line() -> None:
    out = run("annotate", "--no-such-flag", "x.txt")
    assert out.returncode == 2
    messages = [line for line in out.stderr.splitlines() if line.startswith("broadsheet:")]
    assert len(messages) == 1
    assert "Traceback" not in out.stderr


def test_missing_corpus_folder_is_one_line_exit_1(tmp_path: Path) -> None:
    out = run(str(tmp_path / "nowhere"))
    assert out.returncode == 1
    assert out.stderr.strip() == f"broadsheet: {tmp_path / 'nowhere'}: no such folder"


def test_annotate_missing_file_reports_and_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Port deal signed\n\nThe Harbour Trade Council said exports rose 4%.\n")
    out = run("annotate", "--json", str(tmp_path / "missing.txt"), str(good))
    assert out.returncode == 1
    assert out.stderr.strip() == f"broadsheet: {tmp_path / 'missing.txt'}: no such file"
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["title"] for r in records] == ["Port deal signed"]


def test_annotate_json_contract(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(
        "Exports rise at Port Ellis\n\n"
        '"We are ready," said Jacky Chung, chief economist at the Harbour Trade Council.\n\n'
        "Exports rose 12% to $4.2bn in March 2025, Chung said.\n"
    )
    out = run("annotate", "--json", str(doc))
    assert out.returncode == 0, out.stderr
    (record,) = [json.loads(line) for line in out.stdout.splitlines()]
    assert set(record) == {
        "path", "title", "date", "author", "source", "section", "text", "entities", "quotes",
        "captions",
    }  # fmt: skip
    assert record["captions"] == []
    assert record["path"] == str(doc)
    assert record["title"] == "Exports rise at Port Ellis"
    text = record["text"]
    for ent in record["entities"]:
        assert set(ent) == {"start", "end", "label", "text", "canonical"}
        assert text[ent["start"] : ent["end"]] == ent["text"]
    for quote in record["quotes"]:
        # The contract's fields, plus `speaker_sure` (added: how sure the engine is of it).
        assert set(quote) == {
            "start",
            "end",
            "text",
            "kind",
            "speaker",
            "cue",
            "speaker_sure",
            "parts",
        }
        assert quote["kind"] in ("direct", "indirect")
        assert isinstance(quote["speaker_sure"], bool)
        assert text[quote["start"] : quote["end"]] == quote["text"]


@pytest.mark.parametrize(
    "page", [FIXTURES / "scraped" / "caption_first.txt", FIXTURES / "html" / "captions.html"]
)
def test_annotate_json_marks_captions(page: Path) -> None:
    out = run("annotate", "--json", str(page))
    assert out.returncode == 0, out.stderr
    (record,) = [json.loads(line) for line in out.stdout.splitlines()]
    text = record["text"]
    shown = [text[c["start"] : c["end"]] for c in record["captions"]]
    assert all(set(c) == {"start", "end"} for c in record["captions"])
    assert any("(Photo/Knight Frank)" in s for s in shown)
    assert any("(Graphics/ANNA LEE)" in s for s in shown)
    assert not text.startswith("Workers clear")  # a caption is never the lead
    inside = [range(c["start"], c["end"] + 1) for c in record["captions"]]

    def in_caption(start: int, end: int) -> bool:
        return any(start in span and end in span for span in inside)

    # Captions are read, never reported from: no entity inside one (a credit's firm or
    # photographer is not a person of the story).
    for ent in record["entities"]:
        assert not in_caption(ent["start"], ent["end"]), ent
    assert not {e["text"] for e in record["entities"]} & {"Knight Frank", "ANNA LEE"}
    assert record["entities"], "the body's entities are still listed"
    # ...and no quote is taken from a caption.
    for quote in record["quotes"]:
        assert not any(quote["start"] in span for span in inside), quote


def test_annotate_plain_keeps_file_text_exactly(tmp_path: Path) -> None:
    raw = "TITLE LINE\n\n  Body with  spaces\u00a0and a NBSP.\n"
    doc = tmp_path / "p.txt"
    doc.write_text(raw, encoding="utf-8")
    out = run("annotate", "--plain", "--json", str(doc))
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    assert record["text"] == raw
    assert record["title"] is None


def test_annotate_never_writes_escape_sequences(tmp_path: Path) -> None:
    doc = tmp_path / "evil.txt"
    doc.write_text(
        "Evil \x1b]0;pwned\x07title\n\n"
        "Body \x1b[31mred\x1b[0m with \x1b]52;c;aGVsbG8=\x07 and \u202eevil and \x9b2J "
        "and more.\n\n"
        '"[bold red]Markup[/bold red] stays text," said Jane Doe, a director at Acme Ltd.\n',
        encoding="utf-8",
    )
    for flags in ([], ["--json"], ["--plain"], ["--plain", "--json"]):
        out = run("annotate", *flags, str(doc))
        assert out.returncode == 0, out.stderr
        for bad in ("\x1b", "\x9b", "\u202e", "\x07"):
            assert bad not in out.stdout, (flags, bad)
        if "--json" not in flags:
            assert "[bold red]Markup[/bold red] stays text" in out.stdout


def test_annotate_sample_corpus_file() -> None:
    first = next(p for p in sorted(CORPUS.rglob("*.txt")))
    out = run("annotate", str(first))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip()


@pytest.mark.parametrize("where", ["stdin", "stdout"])
def test_the_app_refuses_a_pipe_in_one_line(tmp_path: Path, where: str) -> None:
    """`broadsheet CORPUS </dev/null` or `| cat` once ran forever writing escape codes."""
    import pty

    master, terminal = pty.openpty()  # a real terminal for the side that is not piped
    try:
        out = subprocess.run(
            [sys.executable, "-m", "tui.cli", str(tmp_path)],
            stdin=subprocess.DEVNULL if where == "stdin" else terminal,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        os.close(master)
        os.close(terminal)
    name = "input" if where == "stdin" else "output"
    assert out.returncode == 2
    assert out.stderr.startswith(f"broadsheet: the reader needs a terminal, and standard {name} ")
    assert len(out.stderr.splitlines()) == 1 and out.stdout == ""


@pytest.mark.parametrize(
    ("variable", "value", "toml", "expected"),
    [
        ("BROADSHEET_ENGINE", "bogus", None, "BROADSHEET_ENGINE: engine: input should be 'rules'"),
        ("BROADSHEET_SEARCH_DEBOUNCE_MS", "abc", None, "search_debounce_ms: input should be"),
        ("BROADSHEET_KEYMAP", "notjson", None, "BROADSHEET_KEYMAP: keymap: expected JSON"),
        (None, None, "engine = [\n", "not valid TOML"),
        (None, None, 'preview = "maybe"\n', "preview: input should be a valid boolean"),
    ],
)
def test_bad_settings_are_one_line_naming_where_and_what_exit_2(
    tmp_path: Path, variable: str | None, value: str | None, toml: str | None, expected: str
) -> None:
    config = tmp_path / "config.toml"
    if toml is not None:
        config.write_text(toml, encoding="utf-8")
    env = {**os.environ, "BROADSHEET_CONFIG": str(config)}
    env["BROADSHEET_CACHE_DIR"] = str(tmp_path / "cache")
    if variable is not None:
        env[variable] = str(value)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    out = subprocess.run(
        [sys.executable, "-m", "tui.cli", "index", str(corpus)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 2, out.stderr
    assert len(out.stderr.splitlines()) == 1, out.stderr
    assert out.stderr.startswith("broadsheet: settings: ") and expected in out.stderr
    assert (str(config) in out.stderr) == (toml is not None)


def test_an_empty_cache_or_data_dir_means_the_default(tmp_path: Path) -> None:
    """`BROADSHEET_CACHE_DIR=` once wrote the index into the current folder."""
    from tui.config import index_dir_for, load_settings

    corpus = tmp_path / "corpus"
    before = dict(os.environ)
    try:
        os.environ["BROADSHEET_CONFIG"] = str(tmp_path / "none.toml")
        os.environ.pop("BROADSHEET_CACHE_DIR", None)
        os.environ.pop("BROADSHEET_DATA_DIR", None)
        default_index = index_dir_for(corpus)
        default_data = load_settings().data_dir
        os.environ["BROADSHEET_CACHE_DIR"] = ""
        os.environ["BROADSHEET_DATA_DIR"] = "  "
        assert index_dir_for(corpus) == default_index
        assert load_settings().cache_dir / "indexes" == default_index.parent
        assert load_settings().data_dir == default_data
        assert default_index.is_absolute() and default_data.is_absolute()
    finally:
        os.environ.clear()
        os.environ.update(before)


def test_files_are_private_whatever_the_umask(tmp_path: Path) -> None:
    """With umask 000 the index, the review store and exports were created world-writable."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Harbour budget\n\nThe council met.\n", encoding="utf-8")
    env = {
        **os.environ,
        "BROADSHEET_CONFIG": str(tmp_path / "none.toml"),
        "BROADSHEET_CACHE_DIR": str(tmp_path / "cache"),
        "BROADSHEET_DATA_DIR": str(tmp_path / "data"),
    }
    script = (
        "import os, sys; os.umask(0); from tui.cli import main; "
        "from tui.config import review_db_for, load_settings; from tui.review import ReviewStore; "
        "from pathlib import Path; c = Path(sys.argv[1]); "
        "main(['index', str(c)]); s = ReviewStore(review_db_for(c)); s.set_note('a.txt', 'x'); "
        "s.close(); "
        "sys.exit(main(['export', str(c), '--format', 'jsonl', '--output', sys.argv[2]]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(corpus), str(tmp_path / "marks.jsonl")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    made = [*(tmp_path / "cache").rglob("*"), *(tmp_path / "data").rglob("*")]
    made += [tmp_path / "cache", tmp_path / "data", tmp_path / "marks.jsonl"]
    assert len(made) > 10
    loose = [f"{p} {oct(p.stat().st_mode & 0o777)}" for p in made if p.stat().st_mode & 0o077]
    assert not loose, loose


def test_annotate_says_which_speakers_it_is_not_sure_of(tmp_path: Path) -> None:
    """The reader shows "John Smith?" for a guess; the command line's human reading says the
    same, and only where `--json` has `speaker_sure` false."""
    text = (
        "Talks end\n\nJohn Smith met Peter Jones in Leeds on Monday. "
        '"We will win this," he said.\n\n"It is over," Mary Brown said.\n'
    )
    (tmp_path / "talks.txt").write_text(text, encoding="utf-8")
    human = run("annotate", str(tmp_path / "talks.txt"))
    data = json.loads(run("annotate", "--json", str(tmp_path / "talks.txt")).stdout)
    quotes = data["quotes"]
    assert [q["speaker_sure"] for q in quotes] == [False, True], quotes
    for quote in quotes:
        shown = quote["speaker"] + ("" if quote["speaker_sure"] else "?")
        line = next(line for line in human.stdout.splitlines() if quote["text"] in line)
        assert line.endswith(f"— {shown}"), human.stdout
