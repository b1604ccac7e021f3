"""The :class:`Document`: one article as ingest hands it to the NLP pipeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

DctSource = Literal["metadata", "header", "given", "inferred", "none"]


@dataclass(frozen=True, slots=True)
class Document:
    """One article: the text the pipeline sees plus what is known about it.

    ``text`` is the exact string every character offset in the project refers to.
    ``dct`` is the document creation (publication) time and ``dct_source`` says how
    it was found: ``metadata`` (front matter, HTML metadata), ``header`` (a dateline
    near the top), ``given`` (the date given for the run, ``--date``, to an article
    that states none), ``inferred`` (guessed from the dates in the text) or ``none``.
    ``digest`` is the sha256 of the file bytes the text was read from (None for
    in-memory text).

    >>> import datetime as dt
    >>> d = Document(id="a1", text="腾讯发布混元。", dct=dt.date(2023, 9, 7), dct_source="metadata")
    >>> d.text[2:4]
    '发布'
    """

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    dct: dt.date | None = None
    dct_source: DctSource = "none"
    encoding: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    digest: str | None = None
