"""Markdown bodies to plain text with markdown-it-py, with a map back to the source.

The parser (CommonMark plus GFM tables and strikethrough) decides what is markup:
emphasis, inline code, links and reference links keep their text, ordered list items
their number (``1. ``), bullet items only their text; images, autolinks
(``<https://…>``), link reference definitions, code fences and rules go; table pipes
become spaces between cells. Raw HTML is not markup here: an article that quotes
``<script>`` keeps it as text (the exporters escape it), as before. Indented code blocks
are off: in a scraped ``.txt`` an indented paragraph is prose. Blocks are separated by a
blank line, the lines of a paragraph, the items of a tight list and the rows of a table
by a newline. CommonMark does not close ``**…**`` next to CJK punctuation
(``**“混元”**发布``); such left-over ``**``/``__`` runs are removed as the old line
cleaner did.

Every piece of the output text is copied from the source: :class:`Segment` ``s`` says
``text[s.start:s.start + s.length] == source[s.source:s.source + s.length]``, so an
offset into the text maps back to the Markdown file. Only what the parser rewrites
(``\\*`` escapes, ``&amp;`` entities) and the separators are not covered.

Bodies over :data:`MAX_PARSE` characters, or made mostly of markup characters, go
through the linear line cleaner (:func:`~hunyuan_kg.ingest.textclean.strip_markdown`)
instead, without a map.

>>> source = "# 标题\\n\\n**腾讯**发布了[混元][1]，`API` 见 <https://x.cn>。\\n\\n[1]: https://x.cn"
>>> text, segments = markdown_text(source)
>>> text
'标题\\n\\n腾讯发布了混元，API 见 。'
>>> all(text[s.start : s.start + s.length] == source[s.source : s.source + s.length]
...     for s in segments)
True
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from .textclean import strip_markdown

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

#: Longer bodies are cleaned line by line: markdown-it-py is pure Python (about 0.5 s for
#: 100,000 characters of news, but 4 s for 100,000 characters of nested brackets).
MAX_PARSE = 200_000
#: So are bodies over 20,000 characters where more than this share is markup (hostile).
MAX_MARKUP = 0.2
_MARKUP = re.compile(r"[\[\]*_`<>!|#]")

# As in textclean: a run of 4+ asterisks between two words is a word break, other runs of
# ** and __ are left-over bold markers.
_BOLD_JOIN = re.compile(r"(?<=[^\s*])\*{4,}(?=[^\s*])")
_BOLD = re.compile(r"\*{2,}|(?<![\w])__|__(?![\w])")


@dataclass(frozen=True, slots=True)
class Segment:
    """``length`` characters at ``start`` in the text are those at ``source`` in the
    Markdown source."""

    start: int
    source: int
    length: int


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    md.disable("code")
    return md


class _Writer:
    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0
        self.pending = ""  # separator owed before the next text
        self.glued = False  # the pending separator stays (a list number and its text)
        self.cursor = 0
        self.limit = len(source)
        self._lines = [0] + [m.end() for m in re.finditer("\n", source)]

    def region(self, token: Token) -> None:
        """Search the next pieces in the source lines of ``token``."""
        if token.map:
            first, last = token.map
            self.cursor = max(self.cursor, self._line(first))
            self.limit = self._line(last)

    def _line(self, n: int) -> int:
        return self._lines[n] if n < len(self._lines) else len(self.source)

    def separate(self, sep: str) -> None:
        if self.parts and not self.glued and len(sep) > len(self.pending):
            self.pending = sep

    def _put(self, text: str) -> None:
        if self.pending and self.parts:
            self.parts.append(self.pending)
            self.length += len(self.pending)
        self.pending = ""
        self.glued = False
        self.parts.append(text)
        self.length += len(text)

    def copy(self, text: str) -> None:
        """Write ``text``, read from the source (mapped when it is found there)."""
        if not text:
            return
        at = self.source.find(text, self.cursor, max(self.limit, self.cursor))
        start = self.length + (len(self.pending) if self.parts else 0)
        self._put(text)
        if at >= 0:
            self.segments.append(Segment(start, at, len(text)))
            self.cursor = at + len(text)

    def write(self, text: str) -> None:
        """Write ``text`` that is not in the source (a line break, a space)."""
        if text:
            self._put(text)

    def text_piece(self, content: str) -> None:
        """A text token: copied, left-over bold markers dropped (a word break for ****)."""
        for i, chunk in enumerate(_BOLD_JOIN.split(content)):
            if i:
                self.write(" ")
            for piece in _BOLD.split(chunk):
                self.copy(piece)


def _inline(w: _Writer, children: list[Token]) -> None:
    skip = 0
    for t in children:
        if skip:
            skip += {"link_open": 1, "link_close": -1}.get(t.type, 0)
            continue
        if t.type == "text":
            w.text_piece(t.content)
        elif t.type == "code_inline":
            w.copy(t.content)
        elif t.type in ("softbreak", "hardbreak"):
            w.write("\n")
        elif t.type == "link_open" and t.markup == "autolink":
            skip = 1
        # images and the emphasis/link/strikethrough markers write nothing


def markdown_text(source: str) -> tuple[str, list[Segment]]:
    """Plain text of a Markdown ``source`` and the segments that map it back."""
    dense = len(source) > 20_000 and len(_MARKUP.findall(source)) > len(source) * MAX_MARKUP
    if len(source) > MAX_PARSE or dense:
        return strip_markdown(source), []
    w = _Writer(source)
    tokens = _parser().parse(source)
    for i, t in enumerate(tokens):
        if t.type in ("paragraph_open", "heading_open"):
            # a tight list's paragraphs are hidden: its items go one a line
            w.separate("\n" if t.hidden else "\n\n")
        elif t.type == "tr_open":
            w.separate("\n")
        elif t.type in ("table_open", "bullet_list_open", "ordered_list_open"):
            w.separate("\n\n")
        elif t.type == "list_item_open" and t.info:
            # an ordered item keeps its number (a line "2023. …" must not lose a year)
            loose = i + 1 < len(tokens) and not tokens[i + 1].hidden
            w.separate("\n\n" if loose else "\n")
            w.copy(t.info + t.markup)
            w.pending, w.glued = " ", True
        elif t.type in ("th_open", "td_open") and w.parts and not w.pending:
            w.pending = " "
        if t.type == "inline":
            w.region(t)
            _inline(w, t.children or [])
    text = "".join(w.parts)
    return text.strip(), w.segments if text == text.strip() else _shift(text, w.segments)


def _shift(text: str, segments: list[Segment]) -> list[Segment]:
    """Segments after a strip of ``text`` (keeps those still inside)."""
    lead = len(text) - len(text.lstrip())
    end = len(text.strip())
    out = []
    for s in segments:
        start = s.start - lead
        if start >= 0 and start + s.length <= end:
            out.append(Segment(start, s.source, s.length))
    return out


def text_to_source(offset: int, segments: list[Segment]) -> int | None:
    """The source offset of a text offset, or None when it is in no segment.

    >>> text, segments = markdown_text("**腾讯**发布混元")
    >>> text, text_to_source(text.index("混元"), segments)
    ('腾讯发布混元', 8)
    """
    starts = [s.start for s in segments]
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and offset < segments[i].start + segments[i].length:
        return segments[i].source + offset - segments[i].start
    return None
