""":class:`EntityRef`: an entity argument of a relation or event, detached from spaCy.

>>> import spacy
>>> doc = spacy.blank("zh")("腾讯会议")
>>> EntityRef.from_span(doc[0:4]).text
'腾讯会议'
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span


@dataclass(frozen=True, slots=True)
class EntityRef:
    """Text, label, gazetteer id and character offsets of an entity mention."""

    text: str
    label: str
    kb_id: str
    start: int
    end: int

    @classmethod
    def from_span(cls, span: Span) -> EntityRef:
        return cls(span.text, span.label_, span.kb_id_, span.start_char, span.end_char)
