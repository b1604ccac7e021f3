"""Human-readable pieces shared by the timeline writers (Markdown, CSV, HTML, TimelineJS).

>>> year_of("2023-09-07")
'2023'
>>> from hunyuan_kg.records import Participant, TimelineEvent
>>> participants_text(TimelineEvent("e", "launch", "t", participants=[
...     Participant("ORG:腾讯", "腾讯", "ORG", "agent")]))
'腾讯 (ORG)'
"""

from __future__ import annotations

from ..records import TimelineEvent
from ._dates import date_parts


def year_of(date: str) -> str:
    """The four-digit year of a partial ISO date (the date itself if it has none)."""
    try:
        return f"{date_parts(date)[0]:04d}"
    except ValueError:
        return date


def participants_text(event: TimelineEvent) -> str:
    """``腾讯 (ORG), 混元 (PRODUCT)``."""
    return ", ".join(f"{p.label} ({p.type})" for p in event.participants)
