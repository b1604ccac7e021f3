"""``timeline.md``: the timeline as Markdown, one section per year.

An event whose date rests on an inferred (or missing) publication date ends its line
with a bold warning (``⚠ 发布日期为推断 / publication date inferred``).

All extracted text is Markdown-escaped, so a title such as ``<script>`` or ``*x*``
shows literally on GitHub or in any CommonMark renderer.

>>> md_escape("<b>混元</b> *1*")
'\\\\<b\\\\>混元\\\\</b\\\\> \\\\*1\\\\*'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from ..fileio import atomic_writer
from ._text import HOW_TO_DATE, dct_mark, participants_text, year_of

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_WS = re.compile(r"\s+")


def md_escape(text: str) -> str:
    """Backslash-escape the CommonMark punctuation that matters mid-line; fold whitespace."""
    return _MD_SPECIAL.sub(r"\\\1", _WS.sub(" ", text).strip())


def timeline_markdown(kg: KnowledgeGraph) -> str:
    """The Markdown text of ``timeline.md``."""
    return "\n".join(markdown_lines(kg))


def markdown_lines(kg: KnowledgeGraph) -> Iterator[str]:
    """The lines of ``timeline.md``, one at a time (joined by newlines, no final one)."""
    lines = ["# Timeline", ""]
    events = kg.timeline
    if any(dct_mark(e) for e in events):
        lines += [f"Events marked ⚠ are dated from a publication date {HOW_TO_DATE}.", ""]
    if not events:
        lines += ["No dated events.", ""]
    for year, group in groupby(events, key=lambda e: year_of(e.date or "")):
        lines += [f"## {year}", ""]
        for e in group:
            status = "" if e.status == "happened" else f" *({e.status})*"
            mark = f" · **{m}**" if (m := dct_mark(e)) else ""
            lines.append(
                f"- **{e.date}** · {md_escape(e.type)} · {md_escape(e.title)}{status}{mark}"
            )
            if e.participants:
                lines.append(f"  - Participants: {md_escape(participants_text(e))}")
            yield from lines
            lines = []
            for s in e.sources:
                yield f"  - Source {md_escape(s.doc)}: {md_escape(s.sentence)}"
        lines.append("")
    yield from lines


def write_timeline_md(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write ``timeline.md`` (UTF-8), a line at a time."""
    with atomic_writer(path) as fh:
        for i, line in enumerate(markdown_lines(kg)):
            fh.write(f"\n{line}" if i else line)
