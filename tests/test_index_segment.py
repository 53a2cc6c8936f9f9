"""The fast segment writer stores exactly what Whoosh's own writer stores.

Both writers index the same documents (the sample corpus, read, annotated and prepared as a
real build does, plus plain-text fields that go through Whoosh's analysis); then every term's
postings, term statistics, field lengths, stored fields and columns are read back through
Whoosh and compared. The posting files are not compared byte for byte: the fast writer pickles
and compresses blocks differently (see `segment.py`), which only a reader can judge.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from tui.ingest import discover, read_file
from tui.nlp import get_extractor
from tui.search.prepare import prepare
from tui.search.schema import build_schema
from tui.search.segment import FastWriter, PostingBuffer, decode

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def docs() -> list[dict[str, Any]]:
    extractor = get_extractor("rules")
    out: list[dict[str, Any]] = []
    for path in discover(CORPUS):
        for article in read_file(path, CORPUS).articles:
            ann = extractor.annotate(article.text, title=article.title, captions=article.captions)
            out.append(prepare(article, ann, article.path))
    assert len(out) > 20
    # Plain strings as well: analysed by the field, as an update of an old index might send.
    out.append({"id": "plain-1", "file": "plain", "body": "Plain words, plain story.", "tag": "x"})
    out.append({"id": "plain-2", "file": "plain", "title": "Plain title", "person": "Ann Lee"})
    return out


def build(folder: Path, docs: list[dict[str, Any]], fast: bool, limitmb: float = 32) -> Any:
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), build_schema())
    cls = FastWriter if fast else SegmentWriter
    # Two segments, then one more commit that merges them (segments read back into a writer).
    half = len(docs) // 2
    for part in (docs[:half], docs[half:]):
        w = cls(ix, limitmb=limitmb, compound=False)
        for doc in part:
            w.add_document(**doc)
        w.commit(merge=False)
    return ix


def snapshot(ix: Any) -> dict[str, Any]:
    """Everything a search can see of an index, in comparable form."""
    out: dict[str, Any] = {}
    with ix.reader() as r:
        schema = ix.schema
        out["docs"] = r.doc_count_all()
        terms: dict[tuple[str, bytes], Any] = {}
        for fieldname, tbytes in r.all_terms():
            info = r.term_info(fieldname, tbytes)
            m = r.postings(fieldname, tbytes)
            postings = []
            while m.is_active():
                postings.append((m.id(), m.weight(), m.value()))
                m.next()
            terms[(fieldname, tbytes)] = (
                info.weight(),
                info.doc_frequency(),
                info.min_length(),
                info.max_length(),
                info.max_weight(),
                info.min_id(),
                info.max_id(),
                postings,
            )
        out["terms"] = terms
        scorable = [n for n in schema.names() if schema[n].scorable]
        out["lengths"] = [
            [r.doc_field_length(d, n) for n in scorable] for d in range(r.doc_count_all())
        ]
        out["field_lengths"] = {n: r.field_length(n) for n in scorable}
        out["stored"] = [r.stored_fields(d) for d in range(r.doc_count_all())]
        out["columns"] = {
            n: list(r.column_reader(n)) for n in ("text", "blob", "date") if r.has_column(n)
        }
    return out


def test_fast_writer_matches_whoosh(docs: list[dict[str, Any]], tmp_path: Path) -> None:
    stock = snapshot(build(tmp_path / "stock", docs, fast=False))
    fast = snapshot(build(tmp_path / "fast", docs, fast=True))
    assert stock["docs"] == fast["docs"] == len(docs)
    assert stock["terms"].keys() == fast["terms"].keys()
    for key, value in stock["terms"].items():
        assert fast["terms"][key] == value, key
    for name in ("lengths", "field_lengths", "stored", "columns"):
        assert fast[name] == stock[name], name


def test_spilled_runs_give_the_same_index(docs: list[dict[str, Any]], tmp_path: Path) -> None:
    in_memory = snapshot(build(tmp_path / "memory", docs, fast=True))
    spilled = snapshot(build(tmp_path / "spilled", docs, fast=True, limitmb=0.02))
    assert spilled == in_memory


def test_merging_segments_matches_whoosh(docs: list[dict[str, Any]], tmp_path: Path) -> None:
    merged = []
    for fast in (False, True):
        ix = build(tmp_path / f"fast-{fast}", docs, fast=fast)
        before = snapshot(ix)
        cls = FastWriter if fast else SegmentWriter
        cls(ix, limitmb=0.05, compound=False).commit(optimize=True)  # spills, for FastWriter
        ix = ix.refresh()
        assert len(ix._segments()) == 1
        after = snapshot(ix)
        # Merging keeps every posting and document; field lengths come back from their
        # one-byte approximations, so totals may move (in Whoosh's writer too).
        assert {k: v for k, v in after.items() if k != "field_lengths"} == {
            k: v for k, v in before.items() if k != "field_lengths"
        }
        merged.append(after)
    assert merged[0] == merged[1]


def test_long_posting_lists_match_whoosh(tmp_path: Path) -> None:
    """Terms in more documents than one posting block holds (128), with weights that differ
    and repeat (title words weigh more), and terms of one posting: read back the same."""
    from tui.search.prepare import body_positions, encode

    many: list[dict[str, Any]] = []
    for n in range(700):
        title = "Market report" if n % 3 else None
        text = f"Markets rose again. Trader{n % 41} said shares in firm{n} moved {n % 5} times."
        if n % 7 == 0:
            text += " Markets markets markets."
        many.append(
            {
                "id": f"doc-{n}",
                "file": f"f{n % 50}",
                "body": encode(*body_positions(title, text)),
                "tag": "weekly news" if n % 2 else f"note{n}",
            }
        )
    stock = snapshot(build(tmp_path / "stock", many, fast=False))
    fast = snapshot(build(tmp_path / "fast", many, fast=True))
    longest = max(len(v[-1]) for v in stock["terms"].values())
    assert longest > 2 * 128, "some posting list spans several blocks"
    assert fast == stock


def test_buffer_spills_and_merges_terms_in_order(tmp_path: Path) -> None:
    from whoosh.filedb.filestore import FileStorage

    store = FileStorage(str(tmp_path)).create()
    buf = PostingBuffer(store, limitmb=0.0001)  # every document spills
    for docnum, words in enumerate([b"b a", b"a c", b"c b a"]):
        postings = [(w, 1, 1.0, bytes([docnum])) for w in sorted(set(words.split()))]
        buf.add_document_field("f", docnum, postings, 1.0)
    buf.add(("e", b"z", 3, 2.0, b""))
    assert len(buf.runs) == 4
    got = [(f, t, decode(data)) for f, t, data in buf.terms()]
    assert got == [
        ("e", b"z", ([3], [2.0], [b""])),
        ("f", b"a", ([0, 1, 2], [1.0] * 3, [b"\x00", b"\x01", b"\x02"])),
        ("f", b"b", ([0, 2], [1.0] * 2, [b"\x00", b"\x02"])),
        ("f", b"c", ([1, 2], [1.0] * 2, [b"\x01", b"\x02"])),
    ]
    buf.cleanup()
    assert store.list() == []


def test_full_build_on_workers_matches_one_process(tmp_path: Path) -> None:
    """A full build big enough for worker processes (each writing its own segment) gives the
    index a one-process build gives."""
    from test_search_helpers import add_bulk_words, engine, ids

    from tui.search.indexer import INLINE_MAX
    from tui.search.manifest import Manifest

    corpus = tmp_path / "corpus"
    add_bulk_words(corpus, INLINE_MAX + 30)
    seen: list[tuple[int, int]] = []
    results = []
    for workers in (2, 1):
        e = engine(corpus, tmp_path / f"index-{workers}", workers=workers)
        s = e.update(progress=lambda d, t: seen.append((d, t)))
        assert s.rebuilt and s.added == INLINE_MAX + 30 and s.articles == INLINE_MAX + 30
        gen = e.layout.current()
        assert gen is not None
        assert not [p for p in gen.iterdir() if p.is_dir()], "worker folders are removed"
        m = Manifest(gen / "manifest.sqlite", readonly=True)
        rows = m.rows()
        m.close()
        assert len(rows) == INLINE_MAX + 30 and all(len(r.ids) == 1 for r in rows.values())
        results.append(
            (
                e.count(),
                ids(e.search("zebraword", limit=500)),
                ids(e.search("item7")),
                ids(e.search('"zebraword item12"')),
                {h.id for h in e.search("government OR market", limit=500).hits},
                e.annotations("bulk/0003.md"),
            )
        )
        # A later update sees every file as unchanged.
        again = e.update()
        assert (again.added, again.updated, again.unchanged) == (0, 0, INLINE_MAX + 30)
        e.close()
    assert seen[-1] == (INLINE_MAX + 30, INLINE_MAX + 30)
    assert results[0] == results[1]
    assert results[0][2] == {"bulk/0007.md"}


def test_scan_says_once_that_a_build_will_need_workers(tmp_path: Path) -> None:
    """A full build starts its worker processes while the corpus is still being walked: the
    walk says so once, when it has found more files than are read in one process."""
    from test_search_helpers import add_bulk_words

    from tui.search.indexer import INLINE_MAX, scan

    small, big = tmp_path / "small", tmp_path / "big"
    add_bulk_words(small, INLINE_MAX)
    add_bulk_words(big, INLINE_MAX + 20)
    for corpus, expected in ((small, 0), (big, 1)):
        calls: list[int] = []
        found, _ = scan(corpus, None, lambda seen=calls: seen.append(1))
        assert len(calls) == expected, corpus.name
        assert len(found) == len(list(corpus.rglob("*.md")))


def test_a_worker_that_failed_and_exited_still_says_why(tmp_path: Path) -> None:
    """A worker that fails sends its reason and exits at once; the build, finding it gone when
    it hands out files, reports that reason (not a broken pipe) and leaves nothing behind."""
    from test_search_helpers import add_bulk_words

    from tui.search.indexer import INLINE_MAX, plan, scan
    from tui.search.parallel_build import SegmentBuild

    corpus, gen = tmp_path / "corpus", tmp_path / "gen"
    add_bulk_words(corpus, INLINE_MAX + 10)
    gen.mkdir()
    tasks = plan(scan(corpus)[0], {}, full=True).tasks
    build = SegmentBuild(corpus, "no-such-engine", 2, gen, None)
    build.start()
    for proc in build.procs:
        proc.join(60)  # each failed to load its annotation engine, said so, and is gone
        assert proc.exitcode == 1
    with pytest.raises(RuntimeError, match="unknown engine 'no-such-engine'"):
        list(build.run(tasks))
    assert build.procs == [] and list(gen.iterdir()) == []
