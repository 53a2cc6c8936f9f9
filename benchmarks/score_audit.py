"""Score the quote engine against the by-eye audit set in `tests/fixtures/audit/quotes.jsonl`.

Why it exists: the PolNeAR scorer measures the engine against one corpus's annotation scheme,
which skips many things a reader cares about (pronoun speakers resolved to a name, role
appositions, multi-paragraph quotations, organisations speaking, scare quotes that are *not*
quotations). The audit set is 30 real articles (10 BBC, 10 BuzzFeed, 10 PolNeAR train) read by
eye, with every quotation and its speaker recorded as references only (document id, character
offsets, speaker names, a short hash of the span); the article text stays in `../shared/data`
and is never copied into the project. See `tests/fixtures/audit/README.md` for the rules.

    python benchmarks/score_audit.py              # figures per set and overall
    python benchmarks/score_audit.py --errors     # plus every miss, wrong speaker, extra quote
    python benchmarks/score_audit.py --json       # the figures as one JSON object

Matching: a gold quotation is *found* when a predicted quote of the same kind overlaps at least
half of the gold span, or when several inside it with one speaker (the parts of one quotation,
each its own quote) together cover half of it. Precision is the share of predicted quotes that
overlap some gold quotation (any kind, any amount). Speaker accuracy is over found gold
quotations whose gold speaker is not null: the predicted speaker must equal the speaker or one
of its aliases, compared case-insensitively with whitespace collapsed. A predicted quote may carry
`speaker_sure` (bool); when the field is missing it counts as sure. "Sure but wrong" is the
share of found, named gold quotations where the engine gave a speaker, was sure, and was wrong;
"unattributed" is the share where it gave no speaker at all. Those figures cannot see a quotation
whose speaker the article never names ("a spokesman said") given to a person it names elsewhere
(the man the spokesman speaks for, the one named before him): "unnamed as a person" is the share
of found gold quotations with a null speaker to which the engine gave one of the article's PERSON
names (its own entities), with how many of those it was sure of.

Every gold span's sha1 prefix is checked against the shared text first; mismatched entries are
reported and left out of the figures (exit status 1). Skips with a message (exit 0) when
`../shared/data` is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
AUDIT = ROOT / "tests" / "fixtures" / "audit" / "quotes.jsonl"
SETS = ("bbc", "buzzfeed", "polnear")
MIN_OVERLAP = 0.5


@dataclass(frozen=True)
class Gold:
    """One audited quotation: a reference into a shared-data article, never its text."""

    set: str
    doc: str
    start: int
    end: int
    kind: str
    speaker: str | None
    aliases: tuple[str, ...] = ()
    span_sha1: str = ""
    note: str = ""


@dataclass(frozen=True)
class Pred:
    """One quote as the engine predicted it."""

    start: int
    end: int
    kind: str
    speaker: str | None = None
    sure: bool = True
    cue: str | None = None
    person: bool = False
    """The speaker is one of the article's PERSON names (the engine's own entities)."""


@dataclass
class Counts:
    """Tallies for one set (or all sets); `figures()` turns them into rates."""

    docs: int = 0
    gold_direct: int = 0
    found_direct: int = 0
    gold_indirect: int = 0
    found_indirect: int = 0
    predicted: int = 0
    predicted_matching: int = 0
    named_found: int = 0
    speaker_right: int = 0
    sure_wrong: int = 0
    unattributed: int = 0
    unnamed_found: int = 0
    unnamed_as_person: int = 0
    unnamed_as_person_sure: int = 0

    def add(self, other: Counts) -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)

    def figures(self) -> dict[str, float | int | None]:
        def rate(num: int, den: int) -> float | None:
            return round(num / den, 4) if den else None

        return {
            "docs": self.docs,
            "gold_direct": self.gold_direct,
            "gold_indirect": self.gold_indirect,
            "predicted": self.predicted,
            "direct_recall": rate(self.found_direct, self.gold_direct),
            "reported_recall": rate(self.found_indirect, self.gold_indirect),
            "precision": rate(self.predicted_matching, self.predicted),
            "named_found": self.named_found,
            "speaker_accuracy": rate(self.speaker_right, self.named_found),
            "sure_but_wrong": rate(self.sure_wrong, self.named_found),
            "unattributed": rate(self.unattributed, self.named_found),
            "unnamed_found": self.unnamed_found,
            "unnamed_as_person": rate(self.unnamed_as_person, self.unnamed_found),
            "unnamed_as_person_sure": rate(self.unnamed_as_person_sure, self.unnamed_found),
        }


@dataclass
class DocResult:
    """Counts for one document plus the individual errors, for `--errors`."""

    counts: Counts = field(default_factory=Counts)
    misses: list[tuple[Gold, Pred | None]] = field(default_factory=list)
    wrong: list[tuple[Gold, Pred]] = field(default_factory=list)
    named_unnamed: list[tuple[Gold, Pred]] = field(default_factory=list)
    extras: list[Pred] = field(default_factory=list)


# -- matching ---------------------------------------------------------------------------------


def span_hash(text: str) -> str:
    """First 8 hex digits of the sha1 of a span's UTF-8 text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Number of characters two half-open spans share."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def norm_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def speaker_right(gold: Gold, predicted: str | None) -> bool:
    """Whether a predicted speaker names the gold speaker (or one of its aliases)."""
    if gold.speaker is None or not predicted:
        return False
    wanted = {norm_name(gold.speaker), *(norm_name(a) for a in gold.aliases)}
    return norm_name(predicted) in wanted


def best_match(gold: Gold, preds: Sequence[Pred]) -> Pred | None:
    """The same-kind prediction covering at least half of the gold span, most overlap first.

    Failing one, the parts of one quotation: the engine gives each stretch between quotation
    marks its own quote ('"A," she said, "B."' is two), while a gold span may hold several
    (a quotation carried over paragraphs whose reopening the engine read as a new part).
    Same-kind predictions inside the gold span with one speaker that together cover at least
    half of it find it; the longest of them stands for the group."""
    need = MIN_OVERLAP * max(1, gold.end - gold.start)
    best: Pred | None = None
    best_ov = 0
    groups: dict[str | None, list[Pred]] = {}
    for p in preds:
        if p.kind != gold.kind:
            continue
        ov = overlap(gold.start, gold.end, p.start, p.end)
        if ov >= need and ov > best_ov:
            best, best_ov = p, ov
        if ov and gold.start <= p.start and p.end <= gold.end:
            groups.setdefault(p.speaker, []).append(p)
    if best is not None:
        return best
    for parts in groups.values():
        if len(parts) > 1 and sum(p.end - p.start for p in parts) >= need:
            return max(parts, key=lambda p: p.end - p.start)
    return None


def score_doc(golds: Sequence[Gold], preds: Sequence[Pred]) -> DocResult:
    """Match one document's gold quotations against the engine's predictions."""
    res = DocResult()
    c = res.counts
    c.docs = 1
    c.predicted = len(preds)
    for p in preds:
        if any(overlap(g.start, g.end, p.start, p.end) > 0 for g in golds):
            c.predicted_matching += 1
        else:
            res.extras.append(p)
    for g in golds:
        hit = best_match(g, preds)
        if g.kind == "direct":
            c.gold_direct += 1
            c.found_direct += hit is not None
        else:
            c.gold_indirect += 1
            c.found_indirect += hit is not None
        if hit is None:
            near = max(
                preds,
                key=lambda p: overlap(g.start, g.end, p.start, p.end),
                default=None,
            )
            if near is not None and overlap(g.start, g.end, near.start, near.end) == 0:
                near = None
            res.misses.append((g, near))
            continue
        if g.speaker is None:
            c.unnamed_found += 1
            if hit.person:
                c.unnamed_as_person += 1
                c.unnamed_as_person_sure += hit.sure
                res.named_unnamed.append((g, hit))
            continue
        c.named_found += 1
        if speaker_right(g, hit.speaker):
            c.speaker_right += 1
            continue
        if not hit.speaker:
            c.unattributed += 1
        elif hit.sure:
            c.sure_wrong += 1
        res.wrong.append((g, hit))
    return res


# -- data -------------------------------------------------------------------------------------


def load_gold(path: Path = AUDIT) -> list[Gold]:
    golds = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            o = json.loads(line)
            golds.append(
                Gold(
                    set=o["set"],
                    doc=str(o["doc"]),
                    start=int(o["start"]),
                    end=int(o["end"]),
                    kind=o["kind"],
                    speaker=o.get("speaker"),
                    aliases=tuple(o.get("aliases") or ()),
                    span_sha1=o.get("span_sha1", ""),
                    note=o.get("note", ""),
                )
            )
    return golds


class Texts:
    """Reads audit documents from the shared data exactly as `annotate --plain` sees them."""

    def __init__(self, data_dir: Path = DATA) -> None:
        self.data_dir = data_dir
        self._buzzfeed: dict[str, str] | None = None

    def get(self, set_name: str, doc: str) -> str:
        if set_name == "bbc":
            return _read(self.data_dir / "bbc" / doc)
        if set_name == "polnear":
            return _read(self.data_dir / "polnear" / "train" / "text" / f"{doc}.txt")
        if set_name == "buzzfeed":
            if self._buzzfeed is None:
                self._buzzfeed = {}
                path = self.data_dir / "buzzfeed" / "articles.jsonl"
                with path.open(encoding="utf-8") as fh:
                    for line in fh:
                        o = json.loads(line)
                        self._buzzfeed[str(o["id"])] = o["text"]
            return self._buzzfeed[doc]
        raise ValueError(f"unknown set {set_name!r}")


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()


def check_hashes(golds: Iterable[Gold], texts: Texts) -> list[tuple[Gold, str]]:
    """Gold entries whose offsets no longer point at the audited words, with the reason."""
    bad = []
    for g in golds:
        try:
            text = texts.get(g.set, g.doc)
        except (OSError, KeyError) as exc:
            bad.append((g, f"cannot read document: {exc}"))
            continue
        if g.end > len(text) or span_hash(text[g.start : g.end]) != g.span_sha1:
            bad.append((g, "span hash mismatch"))
    return bad


def predict(extractor: object, text: str) -> list[Pred]:
    """Run the engine on one text and convert its quotes."""
    ann = extractor.annotate(text)  # type: ignore[attr-defined]
    entities = getattr(ann, "entities", ())  # an engine that finds quotes only has none
    people = {n for e in entities if e.label == "PERSON" for n in (e.canonical, e.text)}
    preds = []
    for q in ann.quotes:
        sure = getattr(q, "speaker_sure", True)
        preds.append(
            Pred(
                start=q.start,
                end=q.end,
                kind=q.kind,
                speaker=q.speaker,
                sure=True if sure is None else bool(sure),
                cue=getattr(q, "cue", None),
                person=q.speaker in people,
            )
        )
    return preds


# -- report -----------------------------------------------------------------------------------


def _snip(text: str, start: int, end: int, width: int = 90) -> str:
    s = " ".join(text[start:end].split())
    return s if len(s) <= width else s[: width // 2 - 2] + " ... " + s[-(width // 2 - 3) :]


def _fmt(v: float | int | None) -> str:
    if v is None:
        return "  -  "
    return f"{v:5.3f}" if isinstance(v, float) else str(v)


def print_table(table: dict[str, dict[str, float | int | None]]) -> None:
    cols = [
        ("direct_recall", "direct R"),
        ("reported_recall", "reported R"),
        ("precision", "precision"),
        ("speaker_accuracy", "speaker acc"),
        ("sure_but_wrong", "sure+wrong"),
        ("unattributed", "unattrib"),
        ("unnamed_as_person", "unnamed→name"),
    ]
    head = f"{'set':9} {'docs':>4} {'gold d/i':>9} {'pred':>5} " + " ".join(
        f"{label:>11}" for _, label in cols
    )
    print(head)
    for name, f in table.items():
        gold = f"{f['gold_direct']}/{f['gold_indirect']}"
        row = f"{name:9} {f['docs']:>4} {gold:>9} {f['predicted']:>5} "
        print(row + " ".join(f"{_fmt(f[k]):>11}" for k, _ in cols))


def print_errors(doc_key: tuple[str, str], res: DocResult, text: str) -> None:
    if not (res.misses or res.wrong or res.extras or res.named_unnamed):
        return
    print(f"\n== {doc_key[0]} {doc_key[1]}")
    for g, near in res.misses:
        print(
            f"  MISS {g.kind:8} {g.start}-{g.end} gold={g.speaker!r}  {_snip(text, g.start, g.end)}"
        )
        if near is not None:
            print(
                f"       nearest pred {near.kind} {near.start}-{near.end} "
                f"speaker={near.speaker!r}  {_snip(text, near.start, near.end)}"
            )
        if g.note:
            print(f"       note: {g.note}")
    for g, p in res.wrong:
        sure = "sure" if p.sure else "unsure"
        print(
            f"  SPKR {g.kind:8} {g.start}-{g.end} gold={g.speaker!r} pred={p.speaker!r} "
            f"({sure}, cue={p.cue!r})  {_snip(text, g.start, g.end)}"
        )
        if g.note:
            print(f"       note: {g.note}")
    for g, p in res.named_unnamed:
        sure = "sure" if p.sure else "unsure"
        print(
            f"  NAMED {g.kind:8} {g.start}-{g.end} gold={g.aliases!r} pred={p.speaker!r} "
            f"({sure}, cue={p.cue!r})  {_snip(text, g.start, g.end)}"
        )
    for p in res.extras:
        print(
            f"  EXTRA {p.kind:8} {p.start}-{p.end} pred={p.speaker!r}  "
            f"{_snip(text, p.start, p.end)}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--errors", action="store_true", help="print every miss and wrong speaker")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--engine", default="rules", help="extractor name for get_extractor")
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--audit", type=Path, default=AUDIT, help="the audit JSONL")
    args = parser.parse_args(argv)

    if not args.data.is_dir():
        print(f"skipped: shared data not found at {args.data}", file=sys.stderr)
        return 0
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tui.nlp import get_extractor

    golds = load_gold(args.audit)
    texts = Texts(args.data)
    mismatched = check_hashes(golds, texts)
    for g, why in mismatched:
        print(f"HASH {g.set} {g.doc} {g.start}-{g.end}: {why}", file=sys.stderr)
    bad = {id(g) for g, _ in mismatched}

    by_doc: dict[tuple[str, str], list[Gold]] = {}
    for g in golds:
        by_doc.setdefault((g.set, g.doc), []).append(g)

    extractor = get_extractor(args.engine)
    per_set = {s: Counts() for s in SETS}
    engine_errors: list[str] = []
    for key, doc_golds in by_doc.items():
        text = texts.get(*key)
        try:
            preds = predict(extractor, text)
        except Exception as exc:  # a crashing engine is a finding, not a reason to stop
            engine_errors.append(f"{key[0]} {key[1]}: {type(exc).__name__}: {exc}")
            preds = []
        res = score_doc([g for g in doc_golds if id(g) not in bad], preds)
        per_set.setdefault(key[0], Counts()).add(res.counts)
        if args.errors and not args.json:
            print_errors(key, res, text)

    overall = Counts()
    for c in per_set.values():
        overall.add(c)
    table = {name: c.figures() for name, c in per_set.items() if c.docs}
    table["overall"] = overall.figures()

    for err in engine_errors:
        print(f"ENGINE ERROR {err}", file=sys.stderr)
    if args.json:
        out = {
            "sets": {k: v for k, v in table.items() if k != "overall"},
            "overall": table["overall"],
            "hash_mismatches": len(mismatched),
            "engine_errors": len(engine_errors),
        }
        print(json.dumps(out))
    else:
        if args.errors:
            print()
        print_table(table)
        if mismatched:
            print(f"{len(mismatched)} audit entries no longer match the shared text (left out)")
        if engine_errors:
            print(f"{len(engine_errors)} documents made the engine raise (scored as empty)")
    return 1 if mismatched else 0


if __name__ == "__main__":
    sys.exit(main())
