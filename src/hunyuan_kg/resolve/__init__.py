"""Cross-document resolution: names → entities (:mod:`.names`), reports → events."""

from .events import EventReport, merge_events
from .names import Entity, NameResolver

__all__ = ["Entity", "EventReport", "NameResolver", "merge_events"]
