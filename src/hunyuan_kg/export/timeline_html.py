"""``timeline.html``: one self-contained, offline, phone-friendly page of the timeline.

Events are grouped by year, each with its participants and sources (document and
sentence); an event whose date rests on an inferred (or missing) publication date has a
``⚠`` badge (``class="badge dct"``), and the summary line counts them. Every piece of
extracted text is HTML-escaped; on top of that the page's Content-Security-Policy only
lets its own inline script (pinned by hash) run, so an article containing ``<script>`` can
never execute. No CDN, fonts or images are loaded.

>>> from hunyuan_kg.kg import KnowledgeGraph
>>> from hunyuan_kg.records import TimelineEvent
>>> kg = KnowledgeGraph(events=[TimelineEvent("EVENT:1", "launch", "<script>x</script>",
...                                           "2023-09-07", "day")])
>>> page = timeline_html(kg)
>>> "&lt;script&gt;x&lt;/script&gt;" in page and "<script>x" not in page
True
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator, Mapping
from functools import cache
from html import escape
from importlib.resources import files
from itertools import groupby
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from ..fileio import atomic_writer
from ..records import TimelineEvent
from ._meta import GENERATOR
from ._text import HOW_TO_DATE, dct_mark, year_of
from ._xml import clean_text

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

TITLE = "Timeline"


def _h(text: str) -> str:
    return escape(clean_text(text), quote=True)


@cache
def _template(name: str) -> str:
    return files("hunyuan_kg.export").joinpath("templates", name).read_text(encoding="utf-8")


def _event_html(event: TimelineEvent, doc_titles: Mapping[str, str]) -> Iterator[str]:
    """One event's ``<li>``, in pieces."""
    planned = event.status != "happened"
    meta = [
        f'<time datetime="{_h(event.date or "")}">{_h(event.date or "")}</time>',
        f'<span class="badge type">{_h(event.type)}</span>',
    ]
    if planned:
        meta.append(f'<span class="badge status">{_h(event.status)}</span>')
    if mark := dct_mark(event):
        meta.append(f'<span class="badge dct" title="{_h(HOW_TO_DATE)}">{_h(mark)}</span>')
    parts = [
        f'<li class="event{" planned" if planned else ""}">',
        f'<div class="meta">{" ".join(meta)}</div>',
        f'<h3 class="headline">{_h(event.title)}</h3>',
    ]
    if event.participants:
        chips = "".join(
            f'<span class="p-{_h(p.type)}" title="{_h(p.type)}">{_h(p.label)}</span>'
            for p in event.participants
        )
        parts.append(f'<p class="participants">{chips}</p>')
    yield "\n".join(parts)
    if event.sources:
        yield '\n<ul class="sources">'
        for s in event.sources:  # one at a time: an event's sources are never all in memory
            doc = doc_titles.get(s.doc) or s.doc
            yield (
                f'<li><span class="doc" title="{_h(s.doc)}">{_h(doc)}</span>: '
                f'<span class="sentence">{_h(s.sentence)}</span></li>'
            )
        yield "</ul>"
    yield "\n</li>"


def timeline_html(kg: KnowledgeGraph) -> str:
    """The complete HTML page of the timeline of ``kg``."""
    return "".join(html_pieces(kg))


#: Stands for the page's body in the template until the body is written piece by piece.
_BODY = "\x00hunyuan_kg body\x00"


def html_pieces(kg: KnowledgeGraph) -> Iterator[str]:
    """The page of :func:`timeline_html` in pieces (a year's events at a time)."""
    events = kg.timeline
    doc_titles = {d.id: d.title for d in kg.documents if d.title}
    nav = []
    for year, _ in groupby(events, key=lambda e: year_of(e.date or "")):
        nav.append(f'<a href="#{_h(f"y{year}")}">{_h(year)}</a>')
    years = sorted({year_of(e.date or "") for e in events})
    if events:
        span = years[0] if len(years) == 1 else f"{years[0]} – {years[-1]}"
        summary = f"{len(events)} events · {span} · {len(kg.documents)} documents"
        if marked := sum(1 for e in events if dct_mark(e)):
            summary += f" · ⚠ {marked} dated from a publication date {HOW_TO_DATE}"
    else:
        summary = "No dated events."
    script = _template("timeline.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    page = Template(_template("timeline.html")).substitute(
        title=TITLE,
        summary=_h(summary),
        nav=" ".join(nav),
        count=str(len(events)),
        body=_BODY,
        script=script,
        script_hash=f"sha256-{digest}",
        generator=GENERATOR,
    )
    before, after = page.split(_BODY)
    yield before
    for i, (year, group) in enumerate(groupby(events, key=lambda e: year_of(e.date or ""))):
        yield (
            f'{chr(10) if i else ""}<section class="year" id="{_h(f"y{year}")}">\n'
            f'<h2>{_h(year)}</h2>\n<ol class="events">\n'
        )
        for j, e in enumerate(group):
            if j:
                yield "\n"
            yield from _event_html(e, doc_titles)
        yield "\n</ol>\n</section>"
    yield after


def write_timeline_html(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write ``timeline.html`` (UTF-8), a year's events at a time."""
    with atomic_writer(path) as fh:
        for piece in html_pieces(kg):
            fh.write(piece)
