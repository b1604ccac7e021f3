"""Plain, serializable records shared by extraction, resolution, the graph and exports.

They carry no spaCy or networkx objects, so they pickle cheaply across processes and
Dask workers and can be cached as JSON.

>>> s = Source(doc="a1", sentence="腾讯发布混元。", start=2, end=4)
>>> s.to_dict()["sentence"]
'腾讯发布混元。'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EventStatus = Literal["happened", "planned", "denied"]

ENTITY_TYPES = ("PERSON", "ORG", "PRODUCT", "EVENT", "LOC")
#: The types of named things: what events, relations and aliases are about.
NAME_TYPES = ("PERSON", "ORG", "PRODUCT")
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
#: ``Source.dct_source`` values, from the most to the least trustworthy: how the
#: publication date a source's date rests on was found ("" = it rests on none).
DCT_SOURCES = ("", "metadata", "given", "header", "none", "inferred")
#: Publication dates nobody stated: an event whose date rests on one is marked.
UNSTATED_DCT = ("inferred", "none")
#: A year written out (2023, 2023 年, ２０２３, 二〇二三年) or a two-digit one with 年 (21 年),
#: not a count of years (10 年前, 20 年来).
_STATED_YEAR = re.compile(
    r"(?<!\d)\d{4}(?!\d)"
    r"|(?:(?<!\d)\d{2}\s*|[〇○零一二三四五六七八九]{2,4})年(?![前后來来内內间間以多])"
)


def depends_on_dct(date_text: str) -> bool:
    """Whether a date as written needs the publication date to be read: it names no
    year (去年 9 月, 5 月 30 日, 今天, 三天前).

    >>> [depends_on_dct(t) for t in ("去年 9 月", "5 月 30 日", "今天", "10 年前")]
    [True, True, True, True]
    >>> [depends_on_dct(t) for t in ("2023 年 9 月", "21 年", "2024-05-30", "二〇二三年", "")]
    [False, False, False, False, False]
    """
    return bool(date_text.strip()) and not _STATED_YEAR.search(date_text)


def worst_dct_source(values: Iterable[str]) -> str:
    """The least trustworthy of ``dct_source`` values (see :data:`DCT_SOURCES`; an
    unknown value counts as inferred); "" for none.

    >>> worst_dct_source(["metadata", "inferred", ""]), worst_dct_source([])
    ('inferred', '')
    """
    rank = {v: i for i, v in enumerate(DCT_SOURCES)}
    return max(values, key=lambda v: rank.get(v, len(DCT_SOURCES)), default="")


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
    document text) of the mention, trigger or relation cue that gave it.

    For an event report, ``date_text`` is its date as written, and ``dct_source`` the
    document's ``dct_source`` (metadata, header, given, inferred, none) when that date
    needs the publication date to be read (:func:`depends_on_dct`: 去年 9 月, 5 月 30 日),
    else ""."""

    doc: str
    sentence: str
    start: int
    end: int
    date_text: str = ""
    dct_source: str = ""

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
    #: a list, or (in a built graph) a sequence read from the build's store on iteration
    sources: Sequence[Source] = field(default_factory=list)

    @property
    def dct_source(self) -> str:
        """The least trustworthy publication date its sources' dates rest on
        (:func:`worst_dct_source`: inferred > none > header > given > metadata > "")."""
        return worst_dct_source(s.dct_source for s in self.sources)

    @property
    def dct_unstated(self) -> bool:
        """Whether its date rests on a publication date nobody stated (inferred or none):
        the timeline files mark such events."""
        return self.dct_source in UNSTATED_DCT

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
