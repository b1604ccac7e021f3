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
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..fileio import atomic_writer
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
    """Write the timeline of ``kg`` as UTF-8 JSON (not ASCII-escaped, 2-space indent).

    Written one event at a time (never the whole document in memory), byte for byte as
    ``json.dumps(timeline_document(kg), ensure_ascii=False, indent=2)``."""
    events = kg.timeline
    with atomic_writer(path) as fh:
        if not events:
            fh.write(json.dumps(timeline_document(kg), ensure_ascii=False, indent=2) + "\n")
            return
        head = {"generated_by": "hunyuan_kg", "version": VERSION}
        fh.write("{\n")
        for key, value in head.items():
            fh.write(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
        fh.write('  "events": [\n')
        for i, event in enumerate(events):
            fh.write(",\n    " if i else "    ")
            for piece in event_json(event):
                # JSON escapes every newline inside a string: each line is the dump's own
                fh.write(piece.replace("\n", "\n    "))
        fh.write("\n  ]\n}\n")


def event_json(event: TimelineEvent) -> Iterator[str]:
    """``json.dumps(event.to_dict(), ensure_ascii=False, indent=2)`` in pieces: the
    event, then its sources one at a time (never all in memory).

    >>> e = TimelineEvent("EVENT:1", "launch", "混元发布", sources=[Source("a", "句。", 0, 1)])
    >>> "".join(event_json(e)) == json.dumps(e.to_dict(), ensure_ascii=False, indent=2)
    True
    """
    text = json.dumps(replace(event, sources=[]).to_dict(), ensure_ascii=False, indent=2)
    empty = True
    for source in event.sources:
        dumped = json.dumps(source.to_dict(), ensure_ascii=False, indent=2)
        head = text.removesuffix("]\n}") if empty else ","
        yield head + "\n    " + dumped.replace("\n", "\n    ")
        empty = False
    yield text if empty else "\n  ]\n}"


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
