"""Corpora the end-to-end tests write for themselves: a small newsroom, and a big generated one.

The articles are invented but shaped like the real thing (a BBC-style `.txt`, Markdown with front
matter, a JSON record): named people, organisations and places, direct quotes with their
speakers. Each article carries a word found in no other, so a search can pick exactly one.
"""

from __future__ import annotations

import json
import os
import random
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Story:
    file: str
    title: str
    unique: str
    """A word found in this article and no other."""
    speaker: str | None = None
    quote: str | None = None


DREDGING = Story(
    file="environment/severn-dredging-plan-approved.txt",
    title="Severn dredging plan approved despite fishermen's protest",
    unique="Wexcombe",
    speaker="Marguerite Hollis",
    quote="We have listened to every objection, and the plan is better for it",
)
PARKING = Story(
    file="cities/ashcombe-freezes-parking-charges.txt",
    title="Ashcombe council freezes parking charges for a second year",
    unique="Ashcombe",
    speaker="Priya Raman",
    quote="Nobody should pay more to visit their own high street",
)
FORECAST = Story(
    file="markets/lowmoor-bank-cuts-growth-forecast.md",
    title="Lowmoor Bank cuts growth forecast as exports slow",
    unique="Lowmoor",
    speaker="Daniel Osei",
    quote="The slowdown is broad, but it is not yet deep",
)
SIGNALS = Story(
    file="transport/rail-signalling-strike.json",
    title="Rail workers vote to strike over signalling cuts",
    unique="signalling",
    speaker="Helen Marsh",
    quote="Our members will not sign off on a railway they believe is unsafe",
)
GLACIER = Story(
    file="science/glacier-retreat-doubles.txt",
    title="Glacier retreat in the Hardanger range has doubled, study finds",
    unique="Hardanger",
    speaker="Ingrid Solberg",
    quote="The ice is going faster than any of our models said it would",
)
LIBRARY = Story(
    file="culture/millbrook-library-reopens.txt",
    title="Millbrook library reopens after two-year restoration",
    unique="Millbrook",
    speaker="Tobias Grant",
    quote="People queued in the rain to get their library back",
)

STORIES: tuple[Story, ...] = (DREDGING, PARKING, FORECAST, SIGNALS, GLACIER, LIBRARY)

SEARCH_TERM = "dredging"
"""In the title and body of DREDGING (several times, the last far down) and once in GLACIER."""

_DREDGING_BODY = """\
The Severn Estuary Authority (SEA) has approved a £48m dredging programme for the shipping \
channel at Avonmouth, overruling objections from fishermen who say the work will destroy \
spawning grounds that have supported the local catch for generations.

"{quote}," said Marguerite Hollis, who chairs the authority, after the board voted seven to \
two in favour on Thursday evening.

Hollis said the final scheme had been redrawn three times since the consultation opened in \
March 2024, and that the areas closest to the salt marshes would now be left untouched.

The Westbury Fishermen's Association, which represents about 140 boats working out of \
Portishead and Clevedon, said it would ask for a judicial review.

"They have moved the lines on a map, but the silt goes where the tide takes it," said Callum \
Price, the association's secretary. "Every boat in this harbour will feel it by next spring."

Price said catches of sole and thornback ray had already fallen by 30% since earlier \
maintenance work in 2019, a figure the authority disputes.

Natural England, the government's adviser on the environment, said it had not objected to the \
plan but would monitor water quality at six sites along the channel.

Port operators have argued for years that the channel is too shallow for the largest \
container ships now in service. Bristol Port Company said that without deeper water it would \
lose business to Southampton and Rotterdam within a decade.

The company's chief executive, Rebecca Aldous, told the board that 1,200 jobs depended on the \
port remaining competitive. "We are not asking for a favour," she said. "We are asking to \
stay in the game."

Local councillors were split. Two members of North Somerset Council spoke against the plan, \
citing the cost of repairing sea defences if the banks shifted, while the council's leader \
said the economic case was overwhelming.

The authority will publish a full environmental statement in the autumn, and work is not \
expected to begin before January 2026.

Campaigners have promised to keep up the pressure. A petition opposing the scheme has \
gathered more than 18,000 signatures, and a protest flotilla is planned for the bank holiday.

Hollis said the authority would meet fishermen every quarter while the work was under way, \
and that compensation would be available for boats that could show a loss of earnings.

The last word went to the oldest skipper in the harbour, who has fished the estuary for \
fifty-one years and said the dredging would reach the Wexcombe sandbanks within a year.
"""

_PARKING_BODY = """\
Ashcombe District Council has frozen parking charges in its town-centre car parks for a \
second year, despite a £2.1m gap in its budget.

"{quote}," said Priya Raman, the council's deputy leader, at a cabinet meeting on Tuesday.

Raman said the freeze would cost about £310,000 and would be paid for from reserves. The \
Ashcombe Traders' Guild welcomed the decision, saying footfall was still 12% below its level \
before the pandemic.

Opposition councillors said the money would be better spent on bus services. "A free car \
park is no use to people who cannot drive," said Martin Doyle, leader of the Green group.
"""

_FORECAST_BODY = """\
Lowmoor Bank has cut its forecast for economic growth this year to 0.8%, from 1.3%, blaming a \
sharp fall in orders from overseas buyers.

"{quote}," said Daniel Osei, the bank's chief economist, presenting the quarterly outlook in \
Leeds on Wednesday.

Osei said manufacturers in the north of England had reported the weakest export orders since \
2020, and that the bank now expected unemployment to rise to 4.9% by the end of the year.

The Federation of Small Businesses said the figures matched what its members were seeing.
"""

_SIGNALS_BODY = """\
Members of the Rail Workers' Union have voted by 83% to strike over plans to cut the number of \
signalling staff on overnight shifts.

"{quote}," said Helen Marsh, the union's general secretary, after the result was announced in \
Birmingham on Monday.

Network Rail said the changes were needed to save £60m a year and would not affect safety. \
Marsh said the union would announce dates for the first walkout next week.
"""

_GLACIER_BODY = """\
Glaciers in the Hardanger range of western Norway are retreating twice as fast as they were \
twenty years ago, according to a study published by the University of Bergen.

"{quote}," said Ingrid Solberg, the glaciologist who led the research.

Solberg's team compared aerial photographs taken since 1962 with satellite measurements. The \
study also found that meltwater had filled a fjord harbour with so much silt that dredging was \
now needed every year.
"""

_LIBRARY_BODY = """\
Millbrook's Victorian library has reopened after a two-year restoration costing £3.4m, paid \
for largely by the National Lottery Heritage Fund.

"{quote}," said Tobias Grant, the head librarian, who opened the doors at 9am on Saturday.

Grant said more than 600 people had visited in the first morning, and 90 had joined as new \
members.
"""


def write_newsroom(root: Path) -> Path:
    """The small corpus most flows run on: six articles in three formats, in sub-folders."""
    root.mkdir(parents=True, exist_ok=True)

    def txt(story: Story, body: str, date_line: str = "") -> None:
        path = root / story.file
        path.parent.mkdir(parents=True, exist_ok=True)
        text = body.format(quote=story.quote)
        path.write_text(f"{story.title}\n\n{date_line}{text}", encoding="utf-8")

    txt(DREDGING, _DREDGING_BODY)
    txt(PARKING, _PARKING_BODY)
    txt(GLACIER, _GLACIER_BODY)
    txt(LIBRARY, _LIBRARY_BODY)

    md = root / FORECAST.file
    md.parent.mkdir(parents=True, exist_ok=True)
    md.write_text(
        "---\n"
        f'title: "{FORECAST.title}"\n'
        "date: 2024-10-02\n"
        "author: Sarah Whitcombe\n"
        "source: Northern Ledger\n"
        "tags: [economy, forecasts]\n"
        "---\n\n" + _FORECAST_BODY.format(quote=FORECAST.quote),
        encoding="utf-8",
    )

    js = root / SIGNALS.file
    js.parent.mkdir(parents=True, exist_ok=True)
    js.write_text(
        json.dumps(
            {
                "title": SIGNALS.title,
                "date": "2024-11-18",
                "author": "Owen Pryce",
                "source": "Midland Courier",
                "url": "https://example.org/news/rail-strike",
                "text": _SIGNALS_BODY.format(quote=SIGNALS.quote),
            },
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    return root


# -- a big generated corpus -------------------------------------------------------------------

COMMON = "Broadsheetville"
"""A word every generated article carries, so a search for it counts them all."""

_FIRST = ["Amelia", "Jonah", "Farah", "Mateo", "Grace", "Idris", "Lena", "Oskar", "Nadia", "Hugo"]
_LAST = ["Carver", "Okoro", "Lindqvist", "Bassi", "Whitlow", "Moreau", "Achebe", "Tan", "Ruiz"]
_ORGS = [
    "Harbour Trade Council",
    "Kestrel Water Company",
    "Northern Rail Partnership",
    "Civic Housing Trust",
    "Lakeside Health Board",
]
_PLACES = ["Kingsport", "Ellerby", "Marrow Bay", "Aldgate Cross", "Fenwick"]
_VERBS = ["approved", "delayed", "rejected", "expanded", "reviewed"]


def generated_unique(n: int) -> str:
    """The word only article `n` holds (letters only, so every analyser keeps it whole)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    word = ""
    k = n
    for _ in range(4):
        word = letters[k % 26] + word
        k //= 26
    return f"zq{word}"


def write_generated(root: Path, count: int, seed: int = 7) -> Path:
    """`count` small articles (BBC shape), each naming people and quoting one of them."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        person = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        org = rng.choice(_ORGS)
        place = rng.choice(_PLACES)
        verb = rng.choice(_VERBS)
        folder = root / f"batch{n // 250:02d}"
        folder.mkdir(exist_ok=True)
        title = f"{org} {verb} plan for {place} ({n})"
        body = (
            f"The {org} has {verb} a plan for {place}, the {COMMON} Gazette reports. "
            f"Reference {generated_unique(n)}.\n\n"
            f'"We expect the work to take about {rng.randint(2, 30)} months," said {person}, '
            f"a spokesperson for the {org}, on {rng.choice(['Monday', 'Tuesday', 'Friday'])}.\n\n"
            f"The plan will cost £{rng.randint(1, 90)}m and has been criticised by residents of "
            f"{place}, who said they had not been consulted.\n"
        )
        (folder / f"article-{n:05d}.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    return root


# -- a hostile corpus -------------------------------------------------------------------------


@dataclass(frozen=True)
class Payload:
    """Something a terminal would act on, hidden in corpus text, and the words it sits next to."""

    name: str
    raw: str
    """As written into the corpus."""
    leak: tuple[bytes, ...]
    """Byte strings that, if seen in what the app writes, mean the payload reached the terminal."""
    visible: str
    """A word beside the payload that should be shown as ordinary text."""


ESC = "\x1b"
PAYLOADS: tuple[Payload, ...] = (
    Payload("SGR colour", f"{ESC}[6;35mBLINKYPINK{ESC}[0m", (b"\x1b[6;35m",), "BLINKYPINK"),
    Payload("cursor move", f"{ESC}[99;77HMOVEDCURSOR", (b"\x1b[99;77H",), "MOVEDCURSOR"),
    Payload(
        "OSC 52 clipboard write",
        f"{ESC}]52;c;cHduZWQgY2xpcGJvYXJk{ESC}\\CLIPTAIL",
        (b"\x1b]52;",),
        "CLIPTAIL",
    ),
    Payload(
        "OSC 0 title",
        f"{ESC}]0;pwned\x07TITLETAIL",
        (b"\x1b]0;pwned", b"]0;pwned\x07"),
        "TITLETAIL",
    ),
    Payload(
        "OSC 8 link",
        f"{ESC}]8;;https://evil.example/x{ESC}\\CLICKME{ESC}]8;;{ESC}\\",
        (b"\x1b]8;;https://evil.example",),
        "CLICKME",
    ),
    Payload("DCS", f"{ESC}P1$qHOSTILEDCS{ESC}\\DCSTAIL", (b"\x1bP1$q",), "DCSTAIL"),
    Payload(
        "8-bit C1 CSI and OSC",
        "\x9b31mCONESIWORD \x9d0;pwnedc1\x9c",
        ("\x9b".encode(), "\x9d".encode(), "\x9c".encode()),
        "CONESIWORD",
    ),
    Payload(
        "bidi override",
        "\u202eREVERSEDWORD\u202c and \u2066ISOLATED\u2069",
        ("\u202e".encode(), "\u2066".encode(), "\u2069".encode(), "\u202c".encode()),
        "REVERSEDWORD",
    ),
)

MARKUP = ("[bold red]boom[/]", "[link=file:///etc/passwd]x[/link]", "[reverse]inverted[/reverse]")

HOSTILE_WORD = "zqhostile"
"""In the escapes article's title and body, so a search opens it."""
MARKUP_WORD = "zqmarkup"
MEGA_WORD = "zqmegaline"
NESTED_WORD = "zqnested"
OUTSIDE_WORD = "zqoutside"
NAMES_WORD = "zqbadname"
CHURN_WORD = "zqchurn"
SIZE_CAP_FILE = "archive/huge-dump.txt"
BAD_NAMES = (
    b"line\nbreak.json",
    b"bad-\xff\xfe-bytes.json",
    b"title-\x1b]0;pwnedname\x07-\xe2\x80\xae.json",
    b"c1-\x9b6;35mC1NAME.json",
)
"""File names with a newline, bad UTF-8, an escape sequence, a bidi override, a raw C1 CSI."""
HUGE_BYTES = 100 * 1024 * 1024
MEGA_BYTES = 1024 * 1024


def hostile_escapes_text() -> str:
    lines = [
        f"Council papers leak {HOSTILE_WORD} terminal tricks",
        "",
        f'"We did not expect this," said Nadia Tan, a clerk of the {HOSTILE_WORD} council.',
        "",
    ]
    for p in PAYLOADS:
        lines += [f"The {p.name} case: before {p.raw} after, {HOSTILE_WORD}.", ""]
    lines.append(f"Last {HOSTILE_WORD} line.")
    return "\n".join(lines) + "\n"


def hostile_markup_text() -> str:
    body = " ".join(f"Reader typed {m} here." for m in MARKUP)
    return (
        f"Markup in a headline [bold]{MARKUP_WORD}[/bold]\n\n"
        f"{body} The {MARKUP_WORD} story, said Hugo Moreau of the Civic Housing Trust.\n"
    )


def write_hostile(root: Path, outside: Path) -> Path:
    """Files that try to act on the terminal, break the reader, or escape the folder."""
    root.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    (root / "archive").mkdir(exist_ok=True)
    (root / "names").mkdir(exist_ok=True)

    (root / "escapes.txt").write_text(hostile_escapes_text(), encoding="utf-8")
    (root / "markup.txt").write_text(hostile_markup_text(), encoding="utf-8")
    # Escapes in metadata too: JSON title, author and source carry payloads.
    (root / "meta.json").write_text(
        json.dumps(
            {
                "title": f"Metadata {ESC}]0;pwned\x07 {HOSTILE_WORD} \u202eheadline",
                "author": f"{ESC}[6;35mBLINKYPINK author",
                "source": f"{ESC}]8;;https://evil.example/x{ESC}\\Evil Wire{ESC}]8;;{ESC}\\",
                "text": f"Body of the metadata {HOSTILE_WORD} story. [bold red]boom[/]\n\n"
                '"Metadata can bite too," said Oskar Lindqvist, an archivist.',
            }
        ),
        encoding="utf-8",
    )
    # Raw 8-bit C1 CSI byte in a file that is not UTF-8 (Latin-1 text around it).
    (root / "latin1.txt").write_bytes(
        (
            f"Caf\xe9 owners {HOSTILE_WORD} complain\n\nThe caf\xe9 \x9b31mLATINCSI and "
            f"more {HOSTILE_WORD} text.\n\n"
            '"The caf\xe9 stays open," said Idris Bassi, the owner.\n'
        ).encode("latin-1")
    )

    # A 1 MB single line.
    words = f"tide harbour ferry {MEGA_WORD} quay gull Kingsport ".encode()
    line = (words * (MEGA_BYTES // len(words) + 1))[:MEGA_BYTES]
    (root / "mega-line.txt").write_bytes(
        f"One line of a megabyte {MEGA_WORD}\n\n".encode() + line + b"\n"
    )

    # 100 MB, made sparse: text first, then a hole. Over any sane size cap.
    with (root / SIZE_CAP_FILE).open("wb") as fh:
        fh.write(b"Huge archive dump\n\nThe quick brown fox. " * 100)
        fh.truncate(HUGE_BYTES)

    # JSON nested far deeper than any parser's recursion limit, and a JSONL with it on a line.
    depth = 200_000
    nested = '{"title": "Nested ' + NESTED_WORD + '", "text": "deep", "x": ' + "[" * depth
    (root / "nested.json").write_text(nested + "]" * depth + "}", encoding="utf-8")
    (root / "nested.jsonl").write_text(
        json.dumps({"title": f"Fine line {NESTED_WORD}", "text": f"first {NESTED_WORD} ok"})
        + "\n"
        + '{"title": "deep", "text": '
        + "[" * depth
        + "]" * depth
        + "}\n"
        + "{broken json\n"
        + json.dumps({"title": f"Last line {NESTED_WORD}", "text": f"third {NESTED_WORD} ok"})
        + "\n",
        encoding="utf-8",
    )

    # File names that are themselves hostile: a newline, undecodable bytes, an escape sequence.
    # No title inside, so the list and reader fall back to showing the name itself.
    names_dir = os.fsencode(root / "names")
    for i, raw_name in enumerate(BAD_NAMES):
        with open(os.path.join(names_dir, raw_name), "wb") as fh:
            text = f'Body {i} about {NAMES_WORD}.\n\n"Names matter," said Lena Okoro.'
            fh.write(json.dumps({"text": text}).encode())

    # Links that leave the folder, and one that loops back into it.
    secret = outside / "secret.txt"
    secret.write_text(f"Outside secret\n\nThe {OUTSIDE_WORD} payroll.\n", encoding="utf-8")
    (root / "leak.txt").symlink_to(secret)
    (root / "outside-dir").symlink_to(outside, target_is_directory=True)
    (root / "etc-link").symlink_to("/etc", target_is_directory=True)
    (root / "archive" / "loop").symlink_to("..", target_is_directory=True)

    # Plain bad input: binary bytes, an empty file, a NUL-riddled "text" file.
    (root / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (root / "empty.md").write_bytes(b"")
    (root / "nuls.txt").write_bytes(b"Nul title\n\n" + b"a\x00b\x00c\x00" * 1000)
    return root


LEAK_PATTERNS: tuple[tuple[str, re.Pattern[bytes]], ...] = (
    (
        "OSC 8 link to a corpus URL",
        re.compile(rb"\x1b\]8;[^\x07\x1b]*(?:evil\.example|/etc/passwd)"),
    ),
    ("OSC title from a corpus", re.compile(rb"\x1b\][012];[^\x07\x1b]*pwned")),
    ("OSC 52 clipboard", re.compile(rb"\x1b\]52;")),
    ("BEL from a corpus", re.compile(rb"pwned[a-z]*\x07")),
)
_C1 = re.compile("[\x80-\x9f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def terminal_leaks(raw: bytes) -> list[str]:
    """Every corpus payload found acting in `raw` (bytes written to a terminal), with context."""
    found: list[str] = []

    def where(at: int) -> str:
        return repr(raw[max(0, at - 40) : at + 40])

    for p in PAYLOADS:
        for needle in p.leak:
            at = raw.find(needle)
            if at != -1:
                found.append(f"{p.name}: {needle!r} reached the terminal near {where(at)}")
    for name, pattern in LEAK_PATTERNS:
        m = pattern.search(raw)
        if m:
            found.append(f"{name}: {m.group()!r} near {where(m.start())}")
    text = raw.decode("utf-8", "surrogateescape")
    for name, pattern in (("C1 control character", _C1), ("bidi control", _BIDI)):
        m = pattern.search(text)
        if m:
            at = len(text[: m.start()].encode("utf-8", "surrogateescape"))
            found.append(f"{name} U+{ord(m.group()):04X} near {where(at)}")
    bad = [c.encode("utf-8", "surrogateescape") for c in text if "\udc80" <= c <= "\udcff"]
    c1 = [b for b in bad if 0x80 <= b[0] <= 0x9F]
    if c1:
        found.append(f"raw 8-bit C1 control byte(s) {c1!r} (an 8-bit terminal acts on them)")
    if bad:
        found.append(f"{len(bad)} bytes that are not UTF-8, e.g. {bad[:4]!r}")
    return found
