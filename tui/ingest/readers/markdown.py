"""Markdown articles with optional YAML (``---``) or TOML (``+++``) front matter.

The body is kept as readable text, not rendered: headings lose their ``#``, emphasis and code
markers go, links keep their text and lose their URL, images on a line of their own become
captions (their alt text), HTML tags and link definitions are dropped. That is enough for the
reader, the search index and the entity offsets, which all want words, while tables, lists and
quotes stay legible as they are written.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from frontmatter.default_handlers import BaseHandler, YAMLHandler

from tui.model import Problem, ReadResult

from .. import fields
from ..article import as_text, make_article
from ..clean import collapse_spaces, tidy
from ..paragraphs import heads_title, join_paragraphs, same_text
from .common import no_text, problem

_HEADING_MAX = 500  # longer lines are paragraphs; bounds the heading patterns' work
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_ATX = re.compile(r"^#{1,6}(?:\s+(.*?))?\s*#*\s*$")
_SETEXT = re.compile(r"^(?:=+|-+)\s*$")
_RULE = re.compile(r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]\n]{1,200}\]:\s*\S")
_IMAGE_LINE = re.compile(r"^!\[([^\[\]\n]*)\]\([^()\n]*\)\s*$")
_QUOTE = re.compile(r"^(?:>\s?)+")
_BULLET = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s")
_COMMENT = re.compile(r"^<!--.*-->$")
# Inline markup. Each pattern stops at the first character that could close or reopen it, so
# every match attempt scans a disjoint stretch: linear on a 1 MB line.
_INLINE: tuple[tuple[str, re.Pattern[str], str], ...] = (
    # (a character every match contains, so text without it is skipped; pattern; replacement)
    ("[", re.compile(r"!\[([^\[\]\n]*)\]\([^()\n]*\)"), ""),
    ("[", re.compile(r"\[([^\[\]\n]*)\]\([^()\n]*\)"), r"\1"),
    ("[", re.compile(r"\[([^\[\]\n]*)\]\[[^\[\]\n]*\]"), r"\1"),
    ("<", re.compile(r"<((?:https?://|mailto:)[^<>\s]*)>"), r"\1"),
    ("`", re.compile(r"`([^`\n]+)`"), r"\1"),
    ("**", re.compile(r"\*\*([^*\n]+)\*\*"), r"\1"),
    ("__", re.compile(r"__([^_\n]+)__"), r"\1"),
    ("*", re.compile(r"(?<![\w*])\*([^*\s][^*\n]*)\*(?![\w*])"), r"\1"),
    ("_", re.compile(r"(?<![\w_])_([^_\s][^_\n]*)_(?!\w)"), r"\1"),
    ("~~", re.compile(r"~~([^~\n]+)~~"), r"\1"),
    ("<", re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>"), ""),
)
# Backslash-escaped punctuation is hidden from the patterns above as a private-use character
# (U+E000 + its ASCII code) and restored afterwards, so "\*not emphasis\*" keeps its stars.
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_HIDDEN = re.compile(r"[\ue000-\ue07f]")


def read_markdown(raw: str, rel: str) -> ReadResult:
    """Read one Markdown article; a broken front matter block is reported and the body still
    read."""
    text = tidy(raw).lstrip("\n")
    meta, body, trouble = _front_matter(text, rel)
    keyed = fields.normalise_keys(meta)
    title = fields.pick(keyed, fields.TITLE)

    paragraphs, captions, headings = _layout(body)
    if headings and 0 in headings:
        first = paragraphs[0]
        if title is None or heads_title(first, as_text(title) or ""):
            title = title or first
            paragraphs = paragraphs[1:]
            captions = {i - 1 for i in captions}
    elif paragraphs and title is not None and same_text(paragraphs[0], as_text(title) or ""):
        paragraphs = paragraphs[1:]
        captions = {i - 1 for i in captions}

    problems = [trouble] if trouble else []
    if not paragraphs:
        result = no_text(rel)
        result.problems[:0] = problems
        return result
    body_text, spans = join_paragraphs(paragraphs, captions)
    article = make_article(
        rel,
        text=body_text,
        title=title,
        date=fields.pick(keyed, fields.DATE),
        author=fields.pick(keyed, fields.AUTHOR),
        source=fields.pick(keyed, fields.SOURCE),
        section=fields.pick(keyed, fields.SECTION),
        url=fields.pick(keyed, fields.URL),
        tags=fields.pick(keyed, fields.TAGS),
        captions=spans,
    )
    return ReadResult(articles=[article], problems=problems)


def _front_matter(text: str, rel: str) -> tuple[dict[Any, Any], str, Problem | None]:
    """Split off front matter: (metadata, body, problem).

    Broken front matter is reported and its block dropped from the body (it is not article
    text either). A block that parses to something other than a mapping was never front
    matter (two horizontal rules around a paragraph), so the text is left whole.
    """
    delimiter = text[:3]
    if delimiter not in ("---", "+++"):
        return {}, text, None
    handler: BaseHandler = YAMLHandler() if delimiter == "---" else _TomlHandler()
    try:
        fm, body = handler.split(text)
    except ValueError:
        return {}, text, None  # no closing delimiter: a rule line, not front matter
    kind = "YAML" if delimiter == "---" else "TOML"
    try:
        meta = handler.load(fm)
    except RecursionError:
        return {}, body, problem(rel, f"bad {kind} front matter: nested too deeply")
    except Exception as exc:  # PyYAML and tomllib raise their own error types
        first = str(exc).strip().split("\n", 1)[0][:200]
        return {}, body, problem(rel, f"bad {kind} front matter: {first}")
    if not isinstance(meta, dict):
        return {}, text, None
    return meta, body, None


class _TomlHandler(BaseHandler):
    """TOML front matter through the standard library's tomllib (python-frontmatter's own
    TOML handler needs the third-party ``toml`` package, which we do not depend on)."""

    FM_BOUNDARY = re.compile(r"^\+{3}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"

    def load(self, fm: str, **kwargs: object) -> dict[str, Any]:
        return tomllib.loads(fm)


def _layout(body: str) -> tuple[list[str], set[int], set[int]]:
    """Paragraphs of a Markdown body: (paragraphs, caption indices, heading indices)."""
    paragraphs: list[str] = []
    captions: set[int] = set()
    headings: set[int] = set()
    block: list[str] = []
    fence: str | None = None
    code: list[str] = []

    def flush() -> None:
        if block:
            para = _block_text(block)
            if para:
                paragraphs.append(para)
            block.clear()

    for raw_line in body.split("\n"):
        line = raw_line.rstrip()
        if fence is not None:
            if line.lstrip().startswith(fence):
                fence = None
                if code:
                    paragraphs.append("\n".join(code))
                    code = []
            else:
                code.append(line)
            continue
        stripped = line.strip()
        m = _FENCE.match(stripped)
        if m:
            flush()
            fence = m.group(1)[:3]
            continue
        if not stripped:
            flush()
            continue
        if not block and len(stripped) <= _HEADING_MAX and _RULE.match(stripped):
            continue
        if _SETEXT.match(stripped) and len(block) == 1:
            heading = _inline(block[0])
            block.clear()
            if heading:
                headings.add(len(paragraphs))
                paragraphs.append(heading)
            continue
        atx = _ATX.match(stripped) if len(stripped) <= _HEADING_MAX else None
        if atx:
            flush()
            heading = _inline(atx.group(1) or "")
            if heading:
                headings.add(len(paragraphs))
                paragraphs.append(heading)
            continue
        image = _IMAGE_LINE.match(stripped)
        if image:
            flush()
            alt = _inline(image.group(1))
            if alt:
                captions.add(len(paragraphs))
                paragraphs.append(alt)
            continue
        if _LINK_DEF.match(line) or _COMMENT.match(stripped):
            continue
        block.append(stripped)
    flush()
    if code:  # an unclosed fence runs to the end
        paragraphs.append("\n".join(code))
    return paragraphs, captions, headings


def _block_text(block: list[str]) -> str:
    lines = [_QUOTE.sub("", line) for line in block]
    if any(_BULLET.match(line) for line in lines):
        return "\n".join(p for p in (_inline(line) for line in lines) if p)
    return _inline(" ".join(lines))


def _inline(text: str) -> str:
    if "\\" in text:
        text = _ESCAPED.sub(lambda m: chr(0xE000 + ord(m.group(1))), text)
    for needed, pattern, replacement in _INLINE:
        if needed in text:
            text = pattern.sub(replacement, text)
    text = _HIDDEN.sub(lambda m: chr(ord(m.group()) - 0xE000), text)
    return collapse_spaces(text)
