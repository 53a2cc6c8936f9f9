"""The audit scorer (`benchmarks/score_audit.py`): its matching rules on hand-made examples, and
the audit set's span hashes against the shared data.

The examples are written here, not taken from the shared data: they pin down the >= 50% overlap
rule, the same-kind rule for recall, any-overlap precision, speaker comparison (aliases, case,
whitespace), the missing `speaker_sure` field counting as sure, and null gold speakers being
left out of speaker accuracy.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "score_audit", ROOT / "benchmarks" / "score_audit.py"
)
assert _spec and _spec.loader
sa = importlib.util.module_from_spec(_spec)
sys.modules["score_audit"] = sa
_spec.loader.exec_module(sa)

Gold, Pred = sa.Gold, sa.Pred


def gold(start: int, end: int, kind: str = "direct", speaker: str | None = "Ann Lee", **kw):
    return Gold(set="bbc", doc="x.txt", start=start, end=end, kind=kind, speaker=speaker, **kw)


# -- overlap and recall -----------------------------------------------------------------------


def test_half_of_the_gold_span_is_enough() -> None:
    g = gold(100, 200)
    assert sa.best_match(g, [Pred(150, 400, "direct")]) is not None  # exactly 50%
    assert sa.best_match(g, [Pred(151, 400, "direct")]) is None  # 49%


def test_recall_needs_the_same_kind() -> None:
    res = sa.score_doc([gold(0, 50), gold(60, 120, kind="indirect")], [Pred(0, 120, "direct")])
    c = res.counts
    assert (c.gold_direct, c.found_direct) == (1, 1)
    assert (c.gold_indirect, c.found_indirect) == (1, 0)
    assert [g.kind for g, _ in res.misses] == ["indirect"]
    # the direct prediction still counts as the nearest guess for the missed reported clause
    assert res.misses[0][1] == Pred(0, 120, "direct")


def test_best_match_prefers_most_overlap() -> None:
    g = gold(0, 100)
    a, b = Pred(0, 60, "direct", speaker="A"), Pred(20, 100, "direct", speaker="B")
    assert sa.best_match(g, [a, b]) == b


def test_precision_counts_any_overlap_and_lists_extras() -> None:
    preds = [Pred(0, 10, "direct"), Pred(95, 300, "indirect"), Pred(400, 420, "direct")]
    res = sa.score_doc([gold(90, 100)], preds)
    assert res.counts.predicted == 3
    assert res.counts.predicted_matching == 1
    assert res.extras == [preds[0], preds[2]]
    assert res.counts.figures()["precision"] == pytest.approx(1 / 3, abs=1e-4)


def test_one_long_prediction_can_find_two_gold_quotes() -> None:
    res = sa.score_doc([gold(0, 40), gold(45, 90)], [Pred(0, 90, "direct", speaker="Ann Lee")])
    assert res.counts.found_direct == 2
    assert res.counts.speaker_right == 2


# -- speakers ---------------------------------------------------------------------------------


def test_speaker_matches_name_or_alias_ignoring_case_and_spaces() -> None:
    g = gold(0, 10, speaker="Donald J. Trump", aliases=("Donald Trump",))
    assert sa.speaker_right(g, "donald  j. TRUMP")
    assert sa.speaker_right(g, " Donald\nTrump ")
    assert not sa.speaker_right(g, "Trump")  # a surname alone is not enough
    assert not sa.speaker_right(g, "Eric Trump")
    assert not sa.speaker_right(g, None)


def test_wrong_speaker_sure_and_unsure_and_unattributed() -> None:
    golds = [gold(0, 10), gold(20, 30), gold(40, 50), gold(60, 70)]
    preds = [
        Pred(0, 10, "direct", speaker="Ann Lee"),  # right
        Pred(20, 30, "direct", speaker="Bob Roe", sure=True),  # sure but wrong
        Pred(40, 50, "direct", speaker="Bob Roe", sure=False),  # wrong, but said so
        Pred(60, 70, "direct", speaker=None),  # unattributed
    ]
    res = sa.score_doc(golds, preds)
    f = res.counts.figures()
    assert res.counts.named_found == 4
    assert f["speaker_accuracy"] == 0.25
    assert f["sure_but_wrong"] == 0.25
    assert f["unattributed"] == 0.25
    assert [p.speaker for _, p in res.wrong] == ["Bob Roe", "Bob Roe", None]


def test_null_gold_speaker_counts_for_recall_not_speaker_accuracy() -> None:
    res = sa.score_doc([gold(0, 10, speaker=None)], [Pred(0, 10, "direct", speaker="Bob Roe")])
    assert res.counts.found_direct == 1
    assert res.counts.named_found == 0
    assert res.counts.figures()["speaker_accuracy"] is None
    assert res.wrong == []


def test_predict_treats_missing_speaker_sure_as_sure() -> None:
    old = SimpleNamespace(start=0, end=5, kind="direct", speaker="Ann Lee", cue="said")
    new = SimpleNamespace(**vars(old), speaker_sure=False)
    engine = SimpleNamespace(annotate=lambda text: SimpleNamespace(quotes=[old, new]))
    preds = sa.predict(engine, "whatever")
    assert [p.sure for p in preds] == [True, False]


def test_counts_add_up_across_documents() -> None:
    a = sa.score_doc([gold(0, 10)], [Pred(0, 10, "direct", speaker="Ann Lee")])
    b = sa.score_doc([gold(0, 10, kind="indirect")], [])
    total = sa.Counts()
    total.add(a.counts)
    total.add(b.counts)
    f = total.figures()
    assert (f["docs"], f["direct_recall"], f["reported_recall"]) == (2, 1.0, 0.0)


# -- hashes -----------------------------------------------------------------------------------


class _FakeTexts:
    def __init__(self, text: str) -> None:
        self.text = text

    def get(self, set_name: str, doc: str) -> str:
        return self.text


def test_hash_check_catches_moved_offsets() -> None:
    text = 'He said: "Hello there." Then left.'
    start = text.index('"')
    end = text.index('."') + 2
    good = gold(start, end, span_sha1=sa.span_hash(text[start:end]))
    moved = gold(start + 1, end, span_sha1=good.span_sha1)
    past_end = gold(start, len(text) + 5, span_sha1=good.span_sha1)
    bad = sa.check_hashes([good, moved, past_end], _FakeTexts(text))
    assert [g for g, _ in bad] == [moved, past_end]


def test_audit_file_is_well_formed() -> None:
    golds = sa.load_gold(sa.AUDIT)
    assert 250 <= len(golds) <= 450
    docs = {(g.set, g.doc) for g in golds}
    assert {s for s, _ in docs} == {"bbc", "buzzfeed", "polnear"}
    for set_name in sa.SETS:
        assert sum(1 for s, _ in docs if s == set_name) == 10
    for g in golds:
        assert g.kind in ("direct", "indirect")
        assert 0 <= g.start < g.end
        assert len(g.span_sha1) == 8
        assert g.speaker is None or g.speaker.strip()
    # no article or quote text is stored: the records carry only these fields
    with sa.AUDIT.open(encoding="utf-8") as fh:
        keys = {k for line in fh if line.strip() for k in json.loads(line)}
    assert keys == {"set", "doc", "start", "end", "kind", "speaker", "aliases", "span_sha1", "note"}


OFFICES = sa.AUDIT.with_name("offices.jsonl")
SPOKESPEOPLE = sa.AUDIT.with_name("spokespeople.jsonl")


@pytest.mark.parametrize(
    "path", [sa.AUDIT, OFFICES, SPOKESPEOPLE], ids=["audit", "offices", "spokespeople"]
)
def test_audit_spans_match_the_shared_data(path: Path) -> None:
    if not sa.DATA.is_dir():
        pytest.skip(f"shared data not found at {sa.DATA}; span hashes not checked")
    golds = sa.load_gold(path)
    bad = sa.check_hashes(golds, sa.Texts(sa.DATA))
    assert not bad, [f"{g.set} {g.doc} {g.start}-{g.end}: {why}" for g, why in bad]


@pytest.mark.parametrize(
    ("path", "count", "docs"),
    [
        (OFFICES, 48, ["politics/040.txt", "politics/218.txt", "politics/251.txt"]),
        (
            SPOKESPEOPLE,
            49,
            ["business/433.txt", "politics/042.txt", "politics/168.txt", "tech/354.txt"],
        ),
    ],
    ids=["offices", "spokespeople"],
)
def test_the_bbc_sets_hold_references_only(path: Path, count: int, docs: list[str]) -> None:
    golds = sa.load_gold(path)
    assert len(golds) == count
    assert {(g.set, g.doc) for g in golds} == {("bbc", doc) for doc in docs}
    with path.open(encoding="utf-8") as fh:
        keys = {k for line in fh if line.strip() for k in json.loads(line)}
    assert keys == {"set", "doc", "start", "end", "kind", "speaker", "aliases", "span_sha1", "note"}


def test_parts_of_one_quotation_with_one_speaker_find_a_gold_span_together() -> None:
    # '"A," she said, "B."' recorded as one span: the engine gives each part its own quote.
    g = gold(0, 100)
    parts = [Pred(0, 40, "direct", speaker="Ann Lee"), Pred(55, 100, "direct", speaker="Ann Lee")]
    assert sa.best_match(g, parts) == parts[1]
    assert sa.best_match(g, parts[:1]) is None  # one part alone covers too little


def test_parts_with_different_speakers_do_not_add_up() -> None:
    g = gold(0, 100)
    preds = [Pred(0, 40, "direct", speaker="Ann Lee"), Pred(55, 100, "direct", speaker="Bo Li")]
    assert sa.best_match(g, preds) is None


def test_an_unnamed_speaker_given_a_persons_name_is_counted_apart() -> None:
    """'A spokesman said ...': speaker accuracy leaves it out, so giving it to the man the
    spokesman speaks for would go unseen; "unnamed as a person" counts it."""
    golds = [gold(0, 10, speaker=None), gold(20, 30, speaker=None), gold(40, 50, speaker=None)]
    preds = [
        Pred(0, 10, "direct", speaker="Tony Blair", person=True),  # a person named elsewhere
        Pred(20, 30, "direct", speaker="a government spokesman", sure=False),
        Pred(40, 50, "direct", speaker="Bob Roe", sure=False, person=True),
    ]
    res = sa.score_doc(golds, preds)
    f = res.counts.figures()
    assert res.counts.unnamed_found == 3
    assert f["unnamed_as_person"] == round(2 / 3, 4)
    assert f["unnamed_as_person_sure"] == round(1 / 3, 4)
    assert [p.speaker for _, p in res.named_unnamed] == ["Tony Blair", "Bob Roe"]
    assert f["speaker_accuracy"] is None
