"""`broadsheet index` and `broadsheet search`: output, --json shape and exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_search_helpers import write_md, write_txt

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


def test_search_checks_freshness_by_folder_and_fresh_walks_every_file(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    """A script's `search` looks at folders only (one stat each); a file added is found at once,
    a file rewritten in place keeps its folder's mtime and needs `--fresh`, and `--no-update`
    searches the index as it is."""
    assert run(capsys, "index", str(corpus))[0] == 0
    write_txt(corpus, "new/d.txt", "Ferry strike", "The ferrymen walked out over pay.")
    code, out, _ = run(capsys, "search", str(corpus), "ferrymen", "--json", "--no-update")
    assert code == 0 and out == ""
    code, out, _ = run(capsys, "search", str(corpus), "ferrymen", "--json")
    assert code == 0 and [json.loads(x)["path"] for x in out.splitlines()] == ["new/d.txt"]

    # Rewritten in place, same folder, same name: the folder's mtime does not move.
    target = corpus / "c.txt"
    folder_mtime = (corpus).stat().st_mtime_ns
    target.write_text("Market falls\n\nThe stevedores stopped work on Monday.\n", encoding="utf-8")
    os.utime(corpus, ns=(folder_mtime, folder_mtime))
    code, out, _ = run(capsys, "search", str(corpus), "stevedores", "--json")
    assert code == 0 and out == ""
    code, out, _ = run(capsys, "search", str(corpus), "stevedores", "--json", "--fresh")
    assert code == 0 and [json.loads(x)["path"] for x in out.splitlines()] == ["c.txt"]


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
