"""The ``Doc`` and ``Span`` extensions hunyuan_kg adds, registered in one place.

* ``doc._.doc_id`` (str), ``doc._.dct`` (``datetime.date`` or None) and ``doc._.source``
  (the publisher named in the metadata, or ""): set before the pipeline runs
  (``hkg_dates`` anchors relative dates on ``dct``; bylines point at ``source``).
* ``doc._.events``: list of :class:`~hunyuan_kg.pipeline.events.EventCandidate` (``hkg_events``).
* ``doc._.relations``: list of :class:`~hunyuan_kg.pipeline.relations.RelationCandidate`
  (``hkg_relations``).
* ``span._.date``: the :class:`~hunyuan_kg.temporal.DateMention` of a span in
  ``doc.spans["dates"]`` (``hkg_dates``).
* ``span._.antecedent``: the :class:`~hunyuan_kg.pipeline.refs.EntityRef` a description such
  as 这家公司 stands for (``hkg_anaphora``).

Entity spans carry the gazetteer id in spaCy's own ``span.kb_id_``.

Everything is stored in ``doc.user_data`` as data msgpack can carry: ``dct`` as its ISO
string, the records through the encoders of :mod:`hunyuan_kg._msgpack`. So
``Doc.to_bytes``, ``DocBin(store_user_data=True)`` and ``nlp.pipe(texts, n_process=2)`` keep
them.

>>> import datetime as dt, spacy
>>> register()
>>> doc = spacy.blank("zh")("腾讯")
>>> doc._.events
[]
>>> doc._.dct = dt.date(2024, 7, 4)
>>> doc._.dct, doc.user_data[("hkg", "dct")]
(datetime.date(2024, 7, 4), '2024-07-04')
"""

from __future__ import annotations

import datetime as dt
import weakref
from functools import partial
from typing import Any

from spacy.tokens import Doc, Span

from .. import _msgpack


def _data(doc: Doc) -> dict[Any, Any]:
    return doc.user_data  # keys are tuples (the stubs say str)


def _get_list(key: str, doc: Doc) -> list[Any]:
    value = _data(doc).get(("hkg", key))
    if not isinstance(value, list):  # absent, or a tuple from msgpack
        value = _data(doc)[("hkg", key)] = list(value or [])
    return value


def _get_dct(doc: Doc) -> dt.date | None:
    value = _data(doc).get(("hkg", "dct"))
    return dt.date.fromisoformat(value) if value else None


def _set_dct(doc: Doc, value: dt.date | None) -> None:
    if isinstance(value, dt.datetime):
        value = value.date()
    if value is not None and not isinstance(value, dt.date):
        raise TypeError(f"doc._.dct takes a datetime.date or None, not {type(value).__name__}")
    _data(doc)[("hkg", "dct")] = value.isoformat() if value else None


_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token's text on each access; the
    components read it about ten times per document). Tokens may be split or merged later,
    the text never changes.

    >>> import spacy
    >>> doc = spacy.blank("zh")("腾讯发布混元")
    >>> doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
    True
    """
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def register() -> None:
    """Register the extensions and the msgpack encoders (idempotent)."""
    _msgpack.register()
    if not Doc.has_extension("doc_id"):
        Doc.set_extension("doc_id", default="")
    if not Doc.has_extension("dct"):
        Doc.set_extension("dct", getter=_get_dct, setter=_set_dct)
    if not Doc.has_extension("source"):
        Doc.set_extension("source", default="")
    if not Doc.has_extension("headline"):
        Doc.set_extension("headline", default=0)
    for key in ("events", "relations"):
        if not Doc.has_extension(key):
            Doc.set_extension(key, getter=partial(_get_list, key))
    for key in ("date", "antecedent"):
        if not Span.has_extension(key):
            Span.set_extension(key, default=None)


register()
