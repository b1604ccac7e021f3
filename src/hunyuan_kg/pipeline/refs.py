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
        """The span's entity; a description such as 这家公司 (``span._.antecedent``, set by
        ``hkg_anaphora``) stands for its antecedent, at the description's offsets."""
        ante = span._.antecedent if Span.has_extension("antecedent") else None
        if ante is not None:
            return cls(ante.text, ante.label, ante.kb_id, span.start_char, span.end_char)
        return cls(span.text, span.label_, span.kb_id_, span.start_char, span.end_char)

    @property
    def identity(self) -> str:
        """What the mention names within its document: its gazetteer id, else its text.

        >>> [EntityRef("鹅厂", "ORG", kb, 0, 2).identity for kb in ("tencent", "")]
        ['tencent', '鹅厂']
        """
        return self.kb_id or self.text


def span_identity(span: Span) -> str:
    """What an entity span names within its document, as :attr:`EntityRef.identity` does:
    its gazetteer id, else its text (腾讯 and 鹅厂 linked to one entry are one)."""
    return span.kb_id_ or span.text
