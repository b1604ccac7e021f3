"""Plain, serializable records shared by extraction, resolution, the graph and exports.

They carry no spaCy or networkx objects, so they pickle cheaply across processes and
Dask workers and can be cached as JSON.

>>> s = Source(doc="a1", sentence="腾讯发布混元。", start=2, end=4)
>>> s.to_dict()["sentence"]
'腾讯发布混元。'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EventStatus = Literal["happened", "planned", "denied"]

ENTITY_TYPES = ("PERSON", "ORG", "PRODUCT", "EVENT", "LOC")
EVENT_TYPES = (
    "launch",
    "release",
    "open_source",
    "join",
    "depart",
    "appoint",
    "found",
    "funding",
    "acquisition",
    "listing",
    "partnership",
    "integration",
    "conference",
    "other",
)
RELATION_TYPES = (
    "role",
    "part_of",
    "develops",
    "based_on",
    "uses",
    "competes_with",
    "participant",
)


@dataclass(frozen=True, slots=True)
class Source:
    """Where something was read: document id, the sentence, and the offsets (into the
    document text) of the mention, trigger or relation cue that gave it."""

    doc: str
    sentence: str
    start: int
    end: int
    date_text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Participant:
    """An entity taking part in an event; ``role`` is e.g. agent, theme, person, org."""

    id: str
    label: str
    type: str
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if d["role"] is None:
            del d["role"]
        return d


@dataclass(slots=True)
class TimelineEvent:
    """One real-world event, merged over every document that reports it.

    ``date`` is ISO truncated to ``granularity`` (``2021``, ``2023-09``, ``2023-09-07``)
    or None for an undated event.
    """

    id: str
    type: str
    title: str
    date: str | None = None
    granularity: str | None = None
    status: EventStatus = "happened"
    participants: list[Participant] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date,
            "granularity": self.granularity,
            "type": self.type,
            "title": self.title,
            "status": self.status,
            "participants": [p.to_dict() for p in self.participants],
            "sources": [s.to_dict() for s in self.sources],
        }
