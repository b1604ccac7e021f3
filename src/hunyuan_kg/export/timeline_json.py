"""``timeline.json``: the dated events, in chronological order, as plain JSON.

``{"generated_by": "hunyuan_kg", "version": "<package version>", "events": [...]}``
where each event is :meth:`TimelineEvent.to_dict` (planned ones have
``"status": "planned"``).

>>> import tempfile, pathlib
>>> from hunyuan_kg.kg import KnowledgeGraph
>>> from hunyuan_kg.records import TimelineEvent
>>> e = TimelineEvent("EVENT:1", "launch", "混元发布", "2023-09-07", "day")
>>> kg = KnowledgeGraph(events=[e])
>>> path = pathlib.Path(tempfile.mkdtemp()) / "timeline.json"
>>> write_timeline_json(kg, path)
>>> read_timeline_json(path)[0].title
'混元发布'
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..fileio import atomic_write
from ..records import Participant, Source, TimelineEvent
from ._meta import VERSION

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph


def timeline_document(kg: KnowledgeGraph) -> dict[str, Any]:
    """The JSON document written to ``timeline.json``."""
    return {
        "generated_by": "hunyuan_kg",
        "version": VERSION,
        "events": [event.to_dict() for event in kg.timeline],
    }


def write_timeline_json(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write the timeline of ``kg`` as UTF-8 JSON (not ASCII-escaped, 2-space indent)."""
    text = json.dumps(timeline_document(kg), ensure_ascii=False, indent=2)
    atomic_write(path, text + "\n")


def event_from_dict(d: dict[str, Any]) -> TimelineEvent:
    """Inverse of :meth:`TimelineEvent.to_dict`."""
    return TimelineEvent(
        id=d["id"],
        type=d["type"],
        title=d["title"],
        date=d.get("date"),
        granularity=d.get("granularity"),
        status=d.get("status", "happened"),
        participants=[Participant(**p) for p in d.get("participants", [])],
        sources=[Source(**s) for s in d.get("sources", [])],
    )


def read_timeline_json(path: str | Path) -> list[TimelineEvent]:
    """The events of a ``timeline.json``, in file (chronological) order."""
    with Path(path).open(encoding="utf-8") as fh:
        doc = json.load(fh)
    return [event_from_dict(d) for d in doc["events"]]
