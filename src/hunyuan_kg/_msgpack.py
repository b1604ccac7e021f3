"""msgpack encoders for the records hunyuan_kg keeps on spaCy ``Doc`` and ``Span`` objects.

spaCy serializes ``doc.user_data`` (the ``._.`` extensions) with ``srsly.msgpack`` for
``Doc.to_bytes``, ``DocBin(store_user_data=True)`` and ``nlp.pipe(..., n_process=N)``. The
records in ``doc._.events``, ``doc._.relations``, ``span._.date`` and ``span._.antecedent`` are
dataclasses; :func:`encode` writes each as a map tagged with its class name, :func:`decode`
builds it back. :func:`register` adds both to srsly's registries when
``hunyuan_kg.pipeline`` is imported (``hunyuan_kg.load()``, or ``spacy.load`` of a saved
pipeline, which imports our components): do one of these before reading a ``DocBin``.
There are deliberately no srsly entry points: srsly would import hunyuan_kg for every
msgpack call in the environment, spaCy's own import included.

>>> from hunyuan_kg.temporal.mention import DateMention
>>> import srsly
>>> register()
>>> m = DateMention("去年 9 月", 0, 6, "2023-09", "month")
>>> srsly.msgpack_loads(srsly.msgpack_dumps([m])) == [m]
True
"""

from __future__ import annotations

import dataclasses
from importlib import import_module
from typing import Any

#: The tag key of an encoded record.
TAG = "__hkg__"

#: Class name -> module, the only classes :func:`decode` builds.
CLASSES: dict[str, str] = {
    "DateMention": "hunyuan_kg.temporal.mention",
    "EntityRef": "hunyuan_kg.pipeline.refs",
    "EventCandidate": "hunyuan_kg.pipeline.events",
    "RelationCandidate": "hunyuan_kg.pipeline.relations",
}


def encode(obj: Any, chain: Any = None) -> Any:
    """srsly msgpack encoder: one of :data:`CLASSES` as a tagged map; anything else goes on
    down the ``chain``."""
    cls = type(obj)
    if CLASSES.get(cls.__name__) == cls.__module__ and dataclasses.is_dataclass(obj):
        data = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
        return {TAG: cls.__name__, **data}
    return obj if chain is None else chain(obj)


def decode(obj: Any, chain: Any = None) -> Any:
    """srsly msgpack decoder (an ``object_hook``): a tagged map back into its record (lists
    back into the tuples the record holds)."""
    name = obj.get(TAG) if isinstance(obj, dict) else None
    if isinstance(name, str) and name in CLASSES:
        cls = getattr(import_module(CLASSES[name]), name)
        fields = {k: v for k, v in obj.items() if k != TAG}
        if "sentence" in fields:
            fields["sentence"] = tuple(fields["sentence"])
        if "participants" in fields:
            fields["participants"] = [tuple(p) for p in fields["participants"]]
        return cls(**fields)
    return obj if chain is None else chain(obj)


def register() -> None:
    """Register :func:`encode` and :func:`decode` with srsly (idempotent)."""
    import srsly.msgpack

    srsly.msgpack.msgpack_encoders.register("hunyuan_kg", func=encode)
    srsly.msgpack.msgpack_decoders.register("hunyuan_kg", func=decode)
