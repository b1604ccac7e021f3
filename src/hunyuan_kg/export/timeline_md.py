"""``timeline.md``: the timeline as Markdown, one section per year.

All extracted text is Markdown-escaped, so a title such as ``<script>`` or ``*x*``
shows literally on GitHub or in any CommonMark renderer.

>>> md_escape("<b>混元</b> *1*")
'\\\\<b\\\\>混元\\\\</b\\\\> \\\\*1\\\\*'
"""

from __future__ import annotations

import re
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from ..fileio import atomic_write
from ._text import participants_text, year_of

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_WS = re.compile(r"\s+")


def md_escape(text: str) -> str:
    """Backslash-escape the CommonMark punctuation that matters mid-line; fold whitespace."""
    return _MD_SPECIAL.sub(r"\\\1", _WS.sub(" ", text).strip())


def timeline_markdown(kg: KnowledgeGraph) -> str:
    """The Markdown text of ``timeline.md``."""
    lines = ["# Timeline", ""]
    events = kg.timeline
    if not events:
        lines += ["No dated events.", ""]
    for year, group in groupby(events, key=lambda e: year_of(e.date or "")):
        lines += [f"## {year}", ""]
        for e in group:
            status = "" if e.status == "happened" else f" *({e.status})*"
            lines.append(f"- **{e.date}** · {md_escape(e.type)} · {md_escape(e.title)}{status}")
            if e.participants:
                lines.append(f"  - Participants: {md_escape(participants_text(e))}")
            for s in e.sources:
                lines.append(f"  - Source {md_escape(s.doc)}: {md_escape(s.sentence)}")
        lines.append("")
    return "\n".join(lines)


def write_timeline_md(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write ``timeline.md`` (UTF-8)."""
    atomic_write(path, timeline_markdown(kg))
