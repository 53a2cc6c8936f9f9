"""Property: `read_file` never raises, whatever the bytes and whatever the (valid) file name."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.ingest import SUFFIXES, read_file, read_plain, safe_text
from tui.model import ReadResult

# Name bytes: anything a POSIX file system accepts in one component (no "/" and no NUL).
name_bytes = st.binary(min_size=1, max_size=30).filter(
    lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")
)
# Mostly-text content exercises the readers; raw bytes exercise decoding.
fragments = st.sampled_from(
    ["---\n", "+++\n", "# ", "\n\n", "By JANE DOE|12 March 2023\n", "Published: ", "(Photo/X)",
     " | News\n", "NEWS / LOCAL\n", "Copyright ©", "[x](y)", "**", "{", "}", "[", "]", '"text":',
     "\x1b[31m", "\x1b]52;c;", "\u202e", "\u00a0\n", "<p>", "</p>", "<title>", "â€™", "\r\n"]
)  # fmt: skip
texts = st.lists(st.one_of(fragments, st.text(max_size=40)), max_size=30).map("".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["title", "text", "body", "date", "author", "byline", "source", "tags",
                         "paragraphs", "url", "section", "articles", "x"]), inner, max_size=6),
    max_leaves=20,
)  # fmt: skip
contents = st.one_of(
    st.binary(max_size=2000),
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    texts.map(lambda t: t.encode("utf-16", "surrogatepass")),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.lists(json_values, max_size=5).map(lambda vs: "\n".join(map(json.dumps, vs)).encode()),
)


def check(result: ReadResult) -> None:
    assert isinstance(result, ReadResult)
    for problem in result.problems:
        assert not problem.reason.startswith("internal error"), problem.reason
        problem.path.encode("utf-8")
    for a in result.articles:
        assert a.title and a.text, a
        for value in (a.id, a.path, a.title, a.text, a.author, a.source, a.section, a.date):
            if value is not None:
                value.encode("utf-8")
                assert safe_text(value) == value
        for span in a.captions:
            assert 0 <= span.start < span.end <= len(a.text)
        a.model_dump_json()


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(name=name_bytes, suffix=st.sampled_from(sorted(SUFFIXES)), data=contents)
def test_read_file_never_raises(name: bytes, suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = os.fsencode(tmp)
        full = os.path.join(root, name + suffix.encode())
        with open(full, "wb") as f:
            f.write(data)
        path = Path(os.fsdecode(full))
        check(read_file(path, Path(tmp)))
        plain = read_plain(path, Path(tmp))
        assert not any(p.reason.startswith("internal error") for p in plain.problems)
        plain.model_dump_json()
