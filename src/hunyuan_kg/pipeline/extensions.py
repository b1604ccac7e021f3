"""The ``Doc`` extensions hunyuan_kg adds, registered in one place.

* ``doc._.doc_id`` (str), ``doc._.dct`` (``datetime.date`` or None) and ``doc._.source``
  (the publisher named in the metadata, or ""): set before the pipeline runs
  (``hkg_dates`` anchors relative dates on ``dct``; bylines point at ``source``).
* ``doc._.events``: list of :class:`~hunyuan_kg.pipeline.events.EventCandidate` (``hkg_events``).
* ``doc._.relations``: list of :class:`~hunyuan_kg.pipeline.relations.RelationCandidate`
  (``hkg_relations``).

Entity spans carry the gazetteer id in spaCy's own ``span.kb_id_``; date spans live in
``doc.spans["dates"]`` with ``span._.date``.

>>> import spacy
>>> register()
>>> spacy.blank("zh")("腾讯")._.events
[]
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc


def _user_list(key: str) -> Any:
    return lambda doc: doc.user_data.setdefault(("hkg", key), [])


def register() -> None:
    """Register the extensions (idempotent)."""
    if not Doc.has_extension("doc_id"):
        Doc.set_extension("doc_id", default="")
    if not Doc.has_extension("dct"):
        Doc.set_extension("dct", default=None)
    if not Doc.has_extension("source"):
        Doc.set_extension("source", default="")
    for key in ("events", "relations"):
        if not Doc.has_extension(key):
            Doc.set_extension(key, getter=_user_list(key))


register()
