"""``timelinejs.json``: the timeline in Knight Lab TimelineJS3's JSON format.

Each dated event is a slide whose ``start_date`` has ``year`` and, as far as the
event's date goes, ``month`` and ``day`` (strings, as in Knight Lab's examples).
TimelineJS inserts ``text.headline`` and ``text.text`` as HTML, so every piece of
extracted text in them is HTML-escaped.

>>> from hunyuan_kg.records import TimelineEvent
>>> slide(TimelineEvent("EVENT:1", "launch", "<混元>", "2023-09", "month"))["start_date"]
{'year': '2023', 'month': '9'}
>>> slide(TimelineEvent("EVENT:1", "launch", "<混元>", "2023-09", "month"))["text"]["headline"]
'&lt;混元&gt;'
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..fileio import atomic_write
from ..records import TimelineEvent
from ._dates import date_parts
from ._text import participants_text
from ._xml import clean_text

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph


def _h(text: str) -> str:
    return escape(clean_text(text), quote=True)


def start_date(date: str) -> dict[str, str]:
    """TimelineJS date object of a partial ISO date, only as precise as the date."""
    year, month, day = date_parts(date)
    out = {"year": str(year)}
    if month is not None:
        out["month"] = str(month)
        if day is not None:
            out["day"] = str(day)
    return out


def slide(event: TimelineEvent) -> dict[str, Any]:
    """One TimelineJS slide for a dated event."""
    body = []
    if event.status != "happened":
        body.append(f"<p><em>{_h(event.status)}</em></p>")
    if event.participants:
        body.append(f"<p>{_h(participants_text(event))}</p>")
    if event.sources:
        items = "".join(
            f"<li><strong>{_h(s.doc)}</strong>: {_h(s.sentence)}</li>" for s in event.sources
        )
        body.append(f"<ul>{items}</ul>")
    return {
        "unique_id": event.id,
        "start_date": start_date(event.date or ""),
        "text": {"headline": _h(event.title), "text": "".join(body)},
        "group": event.type,
        "autolink": False,
    }


def timelinejs_document(kg: KnowledgeGraph) -> dict[str, Any]:
    """The TimelineJS JSON document (title slide plus one slide per dated event)."""
    return {
        "title": {"text": {"headline": "Timeline", "text": f"{len(kg.timeline)} events"}},
        "events": [slide(e) for e in kg.timeline],
    }


def write_timelinejs(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write ``timelinejs.json`` (UTF-8, 2-space indent)."""
    text = json.dumps(timelinejs_document(kg), ensure_ascii=False, indent=2)
    atomic_write(path, text + "\n")
