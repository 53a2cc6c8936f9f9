"""`broadsheet index` and `broadsheet search`: output, --json shape and exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_search_helpers import add_bulk_words, write_md, write_txt

from tui.cli import main

REPO = Path(__file__).resolve().parents[1]
HOLDER = """
import sys
from pathlib import Path
from tui.search.layout import Layout
assert Layout(Path(sys.argv[1])).lock.acquire(0)
print("LOCKED", flush=True)
sys.stdin.read()
"""


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROADSHEET_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BROADSHEET_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write_md(
        root,
        "a.md",
        "Harbour budget approved",
        "The harbour council approved the budget.",
        date="2021-03-01",
        source="Harbour Times",
    )
    write_md(
        root,
        "b.md",
        "Budget row [bold]deepens[/bold]",
        "Critics said the budget\x1b]0;pwned\x07 was unfair.",
        date="2022-05-01",
        source="Daily Ledger",
    )
    write_txt(root, "c.txt", "Market falls", "The market fell on Monday.")
    (root / "junk.json").write_bytes(b"\x00\x01\x02 not json \xff")
    return root


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_index_then_update_summary(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ix = str(tmp_path / "ix")
    code, out, err = run(capsys, "index", str(corpus), "--index-dir", ix)
    assert code == 0, err
    assert "3 added" in out and "1 skipped" in out and "rebuilt: no index yet" in out
    assert "junk.json" in out  # the skipped file, with its reason
    code, out, _ = run(capsys, "index", str(corpus), "--index-dir", ix)
    assert code == 0 and "0 added" in out and "4 unchanged" in out and "junk.json" in out
    code, out, _ = run(capsys, "index", str(corpus), "--index-dir", ix, "--rebuild")
    assert code == 0 and "rebuilt" in out


def test_search_json_shape(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "search", str(corpus), "budget", "--json", "--index-dir", str(tmp_path / "ix")
    )
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["a.md", "b.md"] or {r["id"] for r in rows} == {
        "a.md",
        "b.md",
    }
    for r in rows:
        assert set(r) == {"id", "path", "title", "date", "source", "score", "snippet"}
        assert isinstance(r["score"], float) and r["score"] > 0
        assert "budget" in r["snippet"].lower()
    assert "\x1b" not in out and "\x07" not in out


def test_search_sorted_by_date_with_limit(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys,
        "search",
        str(corpus),
        "budget OR market",
        "--sort",
        "date",
        "--json",
        "--limit",
        "2",
        "--index-dir",
        str(tmp_path / "ix"),
    )
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["b.md", "a.md"]


def test_search_text_output_is_never_markup(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "search", str(corpus), "deepens", "--index-dir", str(tmp_path / "ix")
    )
    assert code == 0
    assert "[bold]deepens[/bold]" in out
    assert "1 of 1 results" in out


def test_search_uses_the_default_index_folder(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "search", str(corpus), "market", "--json")
    assert code == 0 and json.loads(out)["id"] == "c.txt"
    assert any((tmp_path / "cache" / "indexes").iterdir())


def test_did_you_mean(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", str(corpus), "harbor", "--index-dir", str(tmp_path / "ix"))
    assert code == 0 and "Did you mean: harbour" in out


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["search", "{corpus}", '"unclosed'], 1, "bad query: missing closing quote"),
        (["search", "{corpus}", "nosuch:x"], 1, "unknown field"),
        (["search", "{missing}", "x"], 1, "no such folder"),
        (["index", "{missing}"], 1, "no such folder"),
        (["index", "{file}"], 1, "not a folder"),
        (["search", "{corpus}", "x", "--limit", "0"], 2, "--limit"),
        (["search", "{corpus}", "x", "--sort", "size"], 2, "--sort"),
        (["search", "{corpus}"], 2, "QUERY"),
        (["index"], 2, "CORPUS"),
    ],
)
def test_exit_statuses(
    corpus: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    status: int,
    message: str,
) -> None:
    names = {"corpus": str(corpus), "missing": str(tmp_path / "nope"), "file": str(corpus / "a.md")}
    args = [a.format(**names) for a in argv] + (
        ["--index-dir", str(tmp_path / "ix")] if len(argv) > 1 else []
    )
    try:
        code, out, err = run(capsys, *args)
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
        out, err = capsys.readouterr()
    assert code == status
    assert message in err
    assert "Traceback" not in err
    assert out == ""


def test_locked_index_is_a_one_line_error(
    corpus: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import tui.commands.index as index_cmd
    import tui.commands.search as search_cmd

    monkeypatch.setattr(search_cmd, "SEARCH_LOCK_WAIT", 0.2)
    monkeypatch.setattr(index_cmd, "INDEX_LOCK_WAIT", 0.2)
    ix = tmp_path / "ix"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(ix)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().startswith("LOCKED")
        code, _, err = run(capsys, "search", str(corpus), "budget", "--index-dir", str(ix))
        assert code == 1 and "locked by another process" in err and err.count("\n") == 1
        code, _, err = run(capsys, "index", str(corpus), "--index-dir", str(ix))
        assert code == 1 and "locked by another process" in err
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def test_installed_command_end_to_end(corpus: Path, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO), BROADSHEET_CONFIG=str(tmp_path / "none.toml"))
    cmd = [sys.executable, "-m", "tui.cli"]
    ok = subprocess.run(
        [*cmd, "search", str(corpus), "harbour", "--json", "--index-dir", str(tmp_path / "ix")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert ok.returncode == 0 and json.loads(ok.stdout)["id"] == "a.md"
    bad = subprocess.run(
        [*cmd, "search", str(corpus), "(harbour", "--index-dir", str(tmp_path / "ix")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert bad.returncode == 1
    assert bad.stderr.startswith("broadsheet: bad query") and bad.stderr.count("\n") == 1


def rewrite_in_place(path: Path, title: str, body: str) -> None:
    """Overwrite a file under the same name and put its folder's mtime back, as a write in
    place (`>` in a shell, a scraper refreshing a page) leaves it."""
    folder_mtime = path.parent.stat().st_mtime_ns
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    os.utime(path.parent, ns=(folder_mtime, folder_mtime))


def hit_paths(out: str) -> list[str]:
    return [json.loads(x)["path"] for x in out.splitlines()]


def test_search_sees_files_added_and_rewritten_in_place(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    """A file added is found by the next search, and so is a file rewritten in place under the
    same name (its folder's mtime does not move); `--no-update` searches the index as it is."""
    assert run(capsys, "index", str(corpus))[0] == 0
    write_txt(corpus, "new/d.txt", "Ferry strike", "The ferrymen walked out over pay.")
    code, out, _ = run(capsys, "search", str(corpus), "ferrymen", "--json", "--no-update")
    assert code == 0 and out == ""
    code, out, _ = run(capsys, "search", str(corpus), "ferrymen", "--json")
    assert code == 0 and hit_paths(out) == ["new/d.txt"]

    rewrite_in_place(corpus / "c.txt", "Market falls", "The stevedores stopped work on Monday.")
    code, out, err = run(capsys, "search", str(corpus), "stevedores", "--json")
    assert code == 0 and hit_paths(out) == ["c.txt"]
    assert "may not be searched" not in err  # a small corpus is checked in full every time
    rewrite_in_place(corpus / "new/d.txt", "Ferry strike", "The deckhands walked out over pay.")
    code, out, _ = run(capsys, "search", str(corpus), "deckhands", "--json", "--fresh")
    assert code == 0 and hit_paths(out) == ["new/d.txt"]


def test_a_search_process_updates_and_finds_what_changed(corpus: Path, tmp_path: Path) -> None:
    """Whole `broadsheet search` processes (each its own interpreter, with Whoosh's readers as
    the command line loads them) after a file is removed and another rewritten in place: the
    update they run, and the searches of an index holding deletions, find only what is there."""
    env = dict(os.environ, PYTHONPATH=str(REPO), BROADSHEET_CONFIG=str(tmp_path / "none.toml"))
    ix = str(tmp_path / "ix")

    def search(query: str, *extra: str) -> list[str]:
        argv = [sys.executable, "-m", "tui.cli", "search", str(corpus), query, "--json"]
        done = subprocess.run(
            [*argv, "--index-dir", ix, *extra], capture_output=True, text=True, env=env
        )
        assert done.returncode == 0, done.stderr
        return hit_paths(done.stdout)

    assert sorted(search("budget")) == ["a.md", "b.md"]
    (corpus / "b.md").unlink()
    rewrite_in_place(corpus / "c.txt", "Market falls", "The budget of the stevedores was cut.")
    assert sorted(search("budget")) == ["a.md", "c.txt"]
    assert sorted(search("budget", "--no-update")) == ["a.md", "c.txt"]
    assert search("critics", "--no-update") == []  # only the removed file said it
    assert search("market", "--no-update") == ["c.txt"]


def test_search_between_full_checks_says_a_change_may_be_missed(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    """With `--check-every`, searches soon after a full check do not look at every file; the
    answer may then miss a file rewritten in place, and stderr says so. The next full check
    (here: the default, which checks a small corpus at every search) finds it."""
    code, out, err = run(capsys, "search", str(corpus), "market", "--json", "--check-every", "3600")
    assert code == 0 and hit_paths(out) == ["c.txt"]
    assert "may not be searched" not in err  # no check recorded yet: this one checked

    rewrite_in_place(corpus / "c.txt", "Market falls", "The stevedores stopped work on Monday.")
    code, out, err = run(
        capsys, "search", str(corpus), "stevedores", "--json", "--check-every", "3600"
    )
    assert code == 0 and out == ""
    assert err.startswith("broadsheet: a file rewritten in place in the last ")
    assert "--fresh checks now" in err and err.count("\n") == 1

    code, out, err = run(capsys, "search", str(corpus), "stevedores", "--json")
    assert code == 0 and hit_paths(out) == ["c.txt"] and "may not be searched" not in err
    code, out, err = run(
        capsys, "search", str(corpus), "stevedores", "--json", "--check-every", "0"
    )
    assert code == 0 and hit_paths(out) == ["c.txt"] and err == ""


def test_search_check_every_must_be_a_number(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["search", str(corpus), "market", "--check-every", "soon"])
    assert stop.value.code == 2
    assert "--check-every: not a number: 'soon'" in capsys.readouterr().err


def test_search_does_not_load_the_corpus_readers(corpus: Path, tmp_path: Path) -> None:
    """A search of an index that is up to date reads no article file, so it must not pay for
    importing the readers (hundreds of regular expressions, YAML and HTML parsers)."""
    ix = str(tmp_path / "ix")
    assert main(["index", str(corpus), "--index-dir", ix]) == 0
    probe = (
        "import sys, io, contextlib\n"
        "from tui.cli import main\n"
        "HEAVY = ('pydantic', 'asyncio', 'http', 'email', 'ssl')\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['search', {str(corpus)!r}, 'market', '--index-dir', {ix!r}])\n"
        "print(code, sorted(m for m in sys.modules if m.startswith('tui.ingest')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True
    )
    code, loaded = done.stdout.split(" ", 1)
    assert code == "0"
    assert "tui.ingest.read" not in loaded and "tui.ingest.readers" not in loaded


@pytest.mark.parametrize("output", [[], ["--json"]])
def test_search_loads_neither_pydantic_nor_asyncio_nor_http(
    corpus: Path, tmp_path: Path, output: list[str]
) -> None:
    """A script's `broadsheet search` of an up-to-date index builds no article, runs no event
    loop and fetches no URL: importing pydantic, asyncio or urllib.request (with http, email
    and ssl) would cost it tens of milliseconds per call."""
    ix = str(tmp_path / "ix")
    assert main(["index", str(corpus), "--index-dir", ix]) == 0
    argv = ["search", str(corpus), "budget", "--index-dir", ix, *output]
    probe = (
        "import sys, io, contextlib\n"
        "from tui.cli import main\n"
        "HEAVY = ('pydantic', 'asyncio', 'http', 'email', 'ssl')\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    code = main({argv!r})\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in HEAVY or m == 'urllib.request']\n"
        "import json\n"
        "print(json.dumps([code, out.getvalue().lower().count('budget'), heavy]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True
    )
    code, shown, heavy = json.loads(done.stdout)
    assert code == 0 and shown >= 2  # both budget articles were found and shown
    assert heavy == []


def test_search_no_update_without_an_index_says_so(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    code, out, err = run(capsys, "search", str(corpus), "budget", "--no-update")
    assert code == 1 and out == ""
    assert "no index yet" in err and "Traceback" not in err


def test_search_of_an_empty_folder_says_nothing_is_indexed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    status = main(["search", str(empty), "oil", "--index-dir", str(tmp_path / "ix")])
    out, err = capsys.readouterr()
    assert status == 0
    assert "0 of 0 results" in out
    assert "bad query" not in err
    assert f"nothing is indexed for {empty}" in err


def test_search_without_facets_finds_the_same(corpus: Path, tmp_path: Path) -> None:
    """The command line asks for no facets (it shows none); its hits and total must be those
    the app gets with them."""
    from tui.search import open_engine

    engine = open_engine(corpus, tmp_path / "ix")
    try:
        engine.update()
        full = engine.search("budget", limit=5)
        bare = engine.search("budget", limit=5, facets=False)
    finally:
        engine.close()
    assert [h.id for h in bare.hits] == [h.id for h in full.hits]
    assert sorted(h.id for h in bare.hits) == ["a.md", "b.md"]
    assert (bare.total, bare.total_exact) == (full.total, full.total_exact) == (2, True)
    assert sorted(f.value for f in full.sources) == ["Daily Ledger", "Harbour Times"]
    assert bare.sources == bare.people == bare.orgs == []


def test_a_large_corpus_is_checked_once_a_window_and_says_so(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    """How often every file is checked depends on the corpus's size, as found by the last
    check: the record of a check that saw more than `QUICK_FILES` files (made here for this
    small corpus) puts the next searches in the window, and they say so."""
    from tui.commands import freshness

    ix = tmp_path / "ix"
    assert run(capsys, "index", str(corpus), "--index-dir", str(ix))[0] == 0
    real = freshness.snapshot(corpus)
    large = freshness.Snapshot(real.digest, real.started, real.took, freshness.QUICK_FILES + 1)
    freshness.record(ix, corpus.resolve(), large)
    rewrite_in_place(corpus / "c.txt", "Market falls", "The stevedores stopped work on Monday.")

    code, out, err = run(capsys, "search", str(corpus), "stevedores", "--index-dir", str(ix))
    assert code == 0 and "0 of 0 results" in out
    assert f"every file is checked every {freshness.AUTO_EVERY:g} s" in err

    code, out, err = run(
        capsys, "search", str(corpus), "stevedores", "--index-dir", str(ix), "--check-every", "0"
    )
    assert code == 0 and "1 of 1 result" in out and err == ""


def test_me_in_a_search_is_the_reviewer_the_settings_name(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reviewed-by:me` means the `reviewer` of the config, as in the app; not the login."""
    from tui.search import open_engine
    from tui.search.marks import by_mark

    index = tmp_path / "ix"
    assert run(capsys, "index", str(corpus), "--index-dir", str(index))[0] == 0
    eng = open_engine(corpus, index, None)  # as the app mirrors its marks into the index
    eng.set_marks("a.md", ["reviewed", by_mark("reviewed", "ana")])
    eng.close()
    config = tmp_path / "no-config.toml"  # the file BROADSHEET_CONFIG names here
    query = ["search", str(corpus), "reviewed-by:me", "--json", "--index-dir", str(index)]
    config.write_text('reviewer = "ana"\n', encoding="utf-8")
    code, out, _ = run(capsys, *query)
    assert code == 0 and [json.loads(line)["id"] for line in out.splitlines()] == ["a.md"]
    config.write_text('reviewer = "bob"\n', encoding="utf-8")
    code, out, _ = run(capsys, *query)
    assert code == 0 and out == ""


def test_a_damaged_index_is_not_called_a_bad_query(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_bulk_words(corpus, 200)  # postings long enough to live in the postings file
    index = tmp_path / "ix"
    assert run(capsys, "index", str(corpus), "--index-dir", str(index))[0] == 0
    from tui.search.layout import Layout

    gen = Layout(index).current()
    assert gen is not None
    postings = next(gen.glob("*.pst"))
    size = postings.stat().st_size
    with open(postings, "r+b") as fh:  # same size: only reading it shows the damage
        fh.seek(size // 8)
        fh.write(bytes(range(256)) * (size // 256 // 2))
    messages = []
    for word in ("zebraword", "the", "said", "year", "government"):
        code, _, err = run(capsys, "search", str(corpus), word, "--index-dir", str(index))
        if code != 0:
            messages.append(err)
    assert messages, "no query met the scrambled postings (pick other words)"
    for err in messages:
        assert "bad query" not in err and "damaged" in err and "broadsheet index" in err, err
        assert len(err.strip().splitlines()) == 1
    code, _, _ = run(capsys, "index", str(corpus), "--index-dir", str(index))
    assert code == 0
    code, out, _ = run(capsys, "search", str(corpus), "budget", "--index-dir", str(index))
    assert code == 0 and "Harbour budget approved" in out


def test_the_first_search_after_index_does_not_update_again(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    """`broadsheet index` records what it indexed, so the search that follows can trust it (no
    second walk and update): within a check window, the search answers from that record."""
    index = tmp_path / "ix"
    assert run(capsys, "index", str(corpus), "--index-dir", str(index))[0] == 0
    assert (index / "files-checked.json").is_file()
    args = ["--json", "--index-dir", str(index), "--check-every", "3600"]
    code, out, err = run(capsys, "search", str(corpus), "market", *args)
    assert code == 0 and hit_paths(out) == ["c.txt"]
    assert "may not be searched yet" in err  # answered from the index's record, not a walk
    rewrite_in_place(corpus / "c.txt", "Market falls", "The stevedores stopped work on Monday.")
    code, out, _ = run(
        capsys, "search", str(corpus), "stevedores", "--json", "--index-dir", str(index)
    )
    assert code == 0 and hit_paths(out) == ["c.txt"]


def test_a_search_that_must_rebuild_the_index_says_so_first(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After an upgrade changes the index format, a script's next search rebuilds (minutes on
    a big corpus): one line on stderr says why it waits, then the results come as usual."""
    from tui.search.layout import Layout
    from tui.search.manifest import FILENAME, Manifest

    index = tmp_path / "ix"
    assert run(capsys, "index", str(corpus), "--index-dir", str(index))[0] == 0
    code, out, err = run(capsys, "search", str(corpus), "budget", "--index-dir", str(index))
    assert code == 0 and "building the index" not in err
    gen = Layout(index).current()
    assert gen is not None
    manifest = Manifest(gen / FILENAME)
    manifest.apply([], [], {"schema": "3"})  # as an index written by an older Broadsheet
    manifest.close()
    code, out, err = run(
        capsys, "search", str(corpus), "budget", "--index-dir", str(index), "--json"
    )
    assert code == 0, err
    assert "building the index first (index format changed)" in err
    assert len([json.loads(line) for line in out.splitlines()]) == 2
