"""`broadsheet export`: review marks with article metadata, as scripts read them."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.config import Settings, review_db_for
from tui.review import ReviewStore

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
OKAFOR = "trade/okafor-unveils-export-plan-at-northern-trade-summit.txt"
DAIRY = "trade/calder-and-new-zealand-sign-dairy-pact.txt"
BUDGET = "cities/port-ellis-council-passes-budget.txt"
FIELD_NAMES = [
    "id",
    "path",
    "title",
    "date",
    "author",
    "source",
    "reviewed",
    "flagged",
    "tags",
    "note",
    "reviewed_by",
    "flagged_by",
    "flagged_at",
    "note_by",
    "note_at",
    "tagged_by",
]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "BROADSHEET_DATA_DIR": str(tmp_path / "data"),
        "BROADSHEET_CACHE_DIR": str(tmp_path / "cache"),
        "BROADSHEET_CONFIG": str(tmp_path / "config.toml"),
    }


def store_for(env: dict[str, str], corpus: Path = CORPUS) -> ReviewStore:
    settings = Settings(data_dir=Path(env["BROADSHEET_DATA_DIR"]))
    return ReviewStore(review_db_for(corpus, settings))


def export(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", "export", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )


@pytest.fixture
def marked(env: dict[str, str]) -> dict[str, str]:
    with store_for(env) as store:
        store.set_flagged(OKAFOR)
        store.set_tags(OKAFOR, ["trade", "follow-up"])
        store.set_note(OKAFOR, "check the $4.2bn figure")
        store.set_reviewed(DAIRY)
        store.set_reviewed(BUDGET)
        store.set_flagged(BUDGET)
        store.toggle_flagged(BUDGET)  # flagged, then unflagged: still reviewed
        store.set_flagged("gone/missing.txt")  # an article no longer in the corpus
    return env


def test_jsonl_has_every_mark_with_metadata_from_the_files(marked: dict[str, str]) -> None:
    out = export(marked, str(CORPUS), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    records = {r["id"]: r for r in map(json.loads, out.stdout.splitlines())}
    assert set(records) == {OKAFOR, DAIRY, BUDGET, "gone/missing.txt"}
    okafor = records[OKAFOR]
    assert list(okafor) == FIELD_NAMES
    assert okafor["path"] == OKAFOR
    assert okafor["title"].startswith("Okafor unveils $4.2bn export plan")
    assert okafor["flagged"] is True and okafor["reviewed"] is False
    assert okafor["tags"] == ["trade", "follow-up"]
    assert okafor["note"] == "check the $4.2bn figure"
    assert records["gone/missing.txt"]["title"] is None


def test_records_say_who_marked_what_and_when(env: dict[str, str]) -> None:
    """Two reviewers on one store: each record names who reviewed, flagged, noted and tagged,
    and a flag since cleared names nobody."""
    settings = Settings(data_dir=Path(env["BROADSHEET_DATA_DIR"]))
    location = review_db_for(CORPUS, settings)
    with ReviewStore(location, reviewer="ana") as ana, ReviewStore(location, reviewer="bob") as bob:
        ana.set_flagged(OKAFOR)
        ana.set_tags(OKAFOR, ["trade"])
        bob.set_tags(OKAFOR, ["trade", "ports"], base=["trade"])
        bob.set_note(OKAFOR, "call the ministry")
        ana.set_reviewed(DAIRY)
        bob.set_reviewed(DAIRY)
        bob.set_flagged(BUDGET)
        ana.set_flagged(BUDGET, False)
        ana.set_reviewed(BUDGET)
        flagged_at = ana.get(OKAFOR).flagged_at
    out = export(env, str(CORPUS), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    records = {r["id"]: r for r in map(json.loads, out.stdout.splitlines())}
    okafor, dairy, budget = records[OKAFOR], records[DAIRY], records[BUDGET]
    assert okafor["flagged_by"] == "ana" and okafor["flagged_at"] == flagged_at
    assert okafor["note_by"] == "bob" and okafor["note_at"]
    assert okafor["tagged_by"] == {"trade": "ana", "ports": "bob"}
    assert okafor["reviewed_by"] == []
    assert dairy["reviewed_by"] == ["ana", "bob"] and dairy["reviewed"] is True
    assert dairy["note_by"] is None and dairy["flagged_by"] is None
    assert budget["flagged"] is False and budget["flagged_by"] is None
    as_csv = export(env, str(CORPUS), "--format", "csv")
    by_id = {row["id"]: row for row in csv.DictReader(io.StringIO(as_csv.stdout))}
    assert by_id[DAIRY]["reviewed_by"] == "ana; bob"
    assert by_id[OKAFOR]["tagged_by"] == "trade=ana; ports=bob"
    assert by_id[OKAFOR]["flagged_by"] == "ana"


def test_filters_combine(marked: dict[str, str]) -> None:
    flagged = export(marked, str(CORPUS), "--flagged", "--format", "jsonl")
    assert [json.loads(line)["id"] for line in flagged.stdout.splitlines()] == [
        "gone/missing.txt",
        OKAFOR,
    ]
    reviewed = export(marked, str(CORPUS), "--reviewed", "--format", "jsonl")
    assert [json.loads(line)["id"] for line in reviewed.stdout.splitlines()] == [BUDGET, DAIRY]
    both = export(marked, str(CORPUS), "--reviewed", "--flagged", "--format", "jsonl")
    assert both.returncode == 0 and both.stdout == ""


def test_query_narrows_to_matching_articles_and_uses_the_index(marked: dict[str, str]) -> None:
    out = export(marked, str(CORPUS), "--query", "okafor", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    records = {r["id"]: r for r in map(json.loads, out.stdout.splitlines())}
    # both trade stories name Okafor; the budget story and the vanished file do not match
    assert set(records) == {OKAFOR, DAIRY}
    assert records[OKAFOR]["title"].startswith("Okafor unveils")


def test_bad_query_is_one_line_and_exit_1(marked: dict[str, str]) -> None:
    out = export(marked, str(CORPUS), "--query", 'title:"open', "--format", "jsonl")
    assert out.returncode == 1
    assert out.stderr.startswith("broadsheet: bad query")
    assert len(out.stderr.strip().splitlines()) == 1


def test_csv_to_a_file(marked: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "marks.csv"
    out = export(marked, str(CORPUS), "--format", "csv", "--output", str(target))
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    by_id = {row["id"]: row for row in rows}
    assert by_id[OKAFOR]["tags"] == "trade; follow-up"
    assert by_id[OKAFOR]["flagged"] == "true"
    assert by_id[DAIRY]["reviewed"] == "true"
    assert by_id["gone/missing.txt"]["title"] == ""


def test_nothing_marked_exports_nothing_and_creates_nothing(
    env: dict[str, str], tmp_path: Path
) -> None:
    out = export(env, str(CORPUS), "--format", "csv")
    assert out.returncode == 0
    assert out.stdout.strip() == ",".join(FIELD_NAMES)
    assert not (tmp_path / "data").exists()


def test_usage_errors(env: dict[str, str]) -> None:
    missing_format = export(env, str(CORPUS))
    assert missing_format.returncode == 2
    missing_corpus = export(env, str(CORPUS / "nope"), "--format", "jsonl")
    assert missing_corpus.returncode == 1
    assert missing_corpus.stderr.startswith("broadsheet: ")
    assert "Traceback" not in missing_corpus.stderr


def test_unwritable_output_is_one_line(marked: dict[str, str], tmp_path: Path) -> None:
    out = export(
        marked, str(CORPUS), "--format", "jsonl", "--output", str(tmp_path / "no" / "x.jsonl")
    )
    assert out.returncode == 1
    assert "cannot write" in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize("payload", ['=HYPERLINK("http://x","y")', "@SUM(A1:A9)", "+1+1", "-2+3"])
def test_csv_cells_never_run_as_formulas_and_jsonl_stays_exact(
    env: dict[str, str], tmp_path: Path, payload: str
) -> None:
    """(A leading tab or CR cannot reach a cell: notes and tags are stripped when stored.)"""
    with store_for(env) as store:
        store.set_tags(OKAFOR, [payload, "plain"])
        store.set_note(OKAFOR, payload)
    target = tmp_path / "marks.csv"
    out = export(env, str(CORPUS), "--format", "csv", "--output", str(target))
    assert out.returncode == 0, out.stderr
    (row,) = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    assert row["note"] == "'" + payload
    assert row["tags"].startswith("'") or row["tags"].startswith("plain")
    for cell in row.values():
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    lines = export(env, str(CORPUS), "--format", "jsonl").stdout.splitlines()
    (record,) = [json.loads(line) for line in lines]
    assert record["note"] == payload and payload in record["tags"]


def test_no_corpus_exports_the_bundled_corpus_as_the_app_opens_it(marked: dict[str, str]) -> None:
    out = export(marked, "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    records = {r["id"] for r in map(json.loads, out.stdout.splitlines())}
    assert OKAFOR in records and DAIRY in records


def test_no_marks_says_so_on_stderr_and_succeeds(env: dict[str, str]) -> None:
    out = export(env, "--format", "jsonl")
    assert out.returncode == 0
    assert out.stdout == ""
    assert out.stderr.startswith("broadsheet: no review marks for ")
    assert str(CORPUS) in out.stderr
    assert "Traceback" not in out.stderr


def test_no_marks_matching_the_filters_says_so_too(marked: dict[str, str]) -> None:
    out = export(marked, str(CORPUS), "--format", "csv", "--flagged", "--reviewed")
    assert out.returncode == 0
    assert out.stdout.splitlines() == [",".join(FIELD_NAMES)]
    assert "no review marks like that" in out.stderr


def test_the_core_writes_the_same_records_for_the_app(marked: dict[str, str]) -> None:
    """The app writes exports with `tui.review.export` too: the same records as the command."""
    from tui.review.export import collect, write_file

    out = export(marked, str(CORPUS), "--format", "jsonl")
    target = Path(marked["BROADSHEET_DATA_DIR"]) / "from-core.jsonl"
    with store_for(marked) as store:
        write_file(collect(CORPUS, store), target)
    # the same records, line for line (their order follows the store's, not a contract)
    assert sorted(target.read_text(encoding="utf-8").splitlines()) == sorted(
        out.stdout.splitlines()
    )


def test_saved_searches_are_exported_with_their_counts(env: dict[str, str]) -> None:
    from tui.review.saved import SavedSearches

    settings = Settings(data_dir=Path(env["BROADSHEET_DATA_DIR"]))
    with ReviewStore(review_db_for(CORPUS, settings), reviewer="ana") as store:
        SavedSearches(store).save("minister", "okafor")
    index = subprocess.run(
        [sys.executable, "-m", "tui.cli", "index", str(CORPUS)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert index.returncode == 0, index.stderr
    out = export(env, "--searches", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    (record,) = [json.loads(line) for line in out.stdout.splitlines()]
    assert record["name"] == "minister" and record["query"] == "okafor"
    assert record["saved_by"] == "ana"
    assert record["count"] == 8  # the sample's articles that mention Okafor


def test_no_saved_searches_says_so(env: dict[str, str]) -> None:
    out = export(env, "--searches", "--format", "csv")
    assert out.returncode == 0
    assert out.stdout.splitlines() == ["name,query,saved_at,count,saved_by"]
    assert "no saved searches" in out.stderr
