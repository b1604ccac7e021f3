"""Per-document extractions on disk, so that a build's memory does not grow with the corpus.

An :class:`ExtractionStore` is a SQLite file in a temporary folder. Each
:class:`~hunyuan_kg.extraction.DocExtraction` added to it is written at once (its records
pickled, its evidence sentences in a table of their own, each distinct sentence of a
document once) and read back, one document at a time in document-id order, by every
pass of :func:`hunyuan_kg.graph.build_graph`. The graph keeps only compact references to
evidence (document rank, sentence number, offsets); the sentences of the sources it
shows are read back when needed, and an event's sources are a :class:`LazySources`
sequence that reads them from the store whenever it is iterated. The store's folder is
removed when the store (and every graph that refers to it) is garbage-collected. So is
each document's :class:`~hunyuan_kg.kg.DocumentInfo`: ``kg.documents`` of a built graph
is a :class:`StoredDocuments` sequence that reads them from the store on access.

>>> from hunyuan_kg.extraction import DocExtraction
>>> from hunyuan_kg.kg import DocumentInfo
>>> store = ExtractionStore()
>>> store.add(DocExtraction(DocumentInfo("b", None, None, None, "none"), [(0, " 乙。")]))
>>> store.add(DocExtraction(DocumentInfo("a", None, None, None, "none"), [(0, "甲。")]))
>>> a, b = store.iter_docs()
>>> [a.id, b.id], store.sentence(b.row, b.sid_at(0))
(['a', 'b'], '乙。')
"""

from __future__ import annotations

import bisect
import contextlib
import errno
import os
import pickle
import shutil
import sqlite3
import tempfile
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from .listlike import ListLike
from .records import Source

if TYPE_CHECKING:
    from .extraction import DocExtraction
    from .kg import DocumentInfo
    from .pipeline.events import EventCandidate
    from .pipeline.refs import EntityRef
    from .pipeline.relations import RelationCandidate

#: Rows fetched from SQLite at a time when a result is streamed.
_FETCH = 512
#: Sentence number of "no sentence" (an offset before the first evidence sentence).
NO_SENTENCE = -1

_SCHEMA = """
CREATE TABLE docs (row INTEGER PRIMARY KEY, id TEXT NOT NULL, info BLOB NOT NULL,
                   blob BLOB NOT NULL);
CREATE TABLE sents (doc INTEGER NOT NULL, sid INTEGER NOT NULL, text TEXT NOT NULL,
                    PRIMARY KEY (doc, sid)) WITHOUT ROWID;
CREATE TABLE esrc (edge INTEGER NOT NULL, doc INTEGER NOT NULL, sid INTEGER NOT NULL,
                   start INTEGER NOT NULL, "end" INTEGER NOT NULL, date_text TEXT NOT NULL,
                   dct TEXT NOT NULL);
CREATE TABLE evsrc (ev INTEGER NOT NULL, pos INTEGER NOT NULL, doc INTEGER NOT NULL,
                    sid INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
                    date_text TEXT NOT NULL, dct TEXT NOT NULL, PRIMARY KEY (ev, pos))
                    WITHOUT ROWID;
CREATE TABLE reports (bucket INTEGER NOT NULL, width INTEGER NOT NULL, doc INTEGER NOT NULL,
                      start INTEGER NOT NULL, stated INTEGER NOT NULL, blob BLOB NOT NULL);
"""


@dataclass(slots=True)
class StoredDoc:
    """One document read back from the store: its records, with each evidence sentence
    replaced by its number (:meth:`sid_at`); ``rank`` is its place in id order."""

    rank: int
    row: int
    id: str
    info: DocumentInfo
    mentions: list[EntityRef]
    aliases: list[tuple[EntityRef, EntityRef]]
    relations: list[RelationCandidate]
    events: list[EventCandidate]
    starts: list[int]
    sids: list[int]

    def sid_at(self, offset: int) -> int:
        """The number of the evidence sentence that contains ``offset`` (as
        :meth:`DocExtraction.sentence_at`): two numbers of one document are equal exactly
        when the sentences, stripped, are; :data:`NO_SENTENCE` stands for ""."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.sids[i] if i >= 0 else NO_SENTENCE


class ExtractionStore:
    """Extractions streamed to a SQLite file (see the module docstring).

    The file goes in a new temporary folder inside ``parent`` (the system's temporary
    folder when None), removed with the store. Add every extraction with :meth:`add`,
    then read them with :meth:`documents` (which fixes the id order) and
    :meth:`iter_docs`.
    """

    def __init__(self, parent: str | Path | None = None) -> None:
        if parent is not None:
            Path(parent).mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix="hkg-build-", dir=parent))
        self.db = sqlite3.connect(self.folder / "extractions.sqlite", check_same_thread=False)
        with self.os_errors():
            self.db.executescript(
                "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE;"
                "PRAGMA cache_size=-2048;" + _SCHEMA
            )
        self._count = 0
        self._order: list[tuple[str, int]] | None = None
        self._finalizer = weakref.finalize(self, _close, self.db, self.folder)

    def __len__(self) -> int:
        return self._count

    @contextlib.contextmanager
    def os_errors(self) -> Iterator[None]:
        """SQLite's errors as the OSError they are (disk full, read-only, I/O), so that
        callers handle them as any failed write (the command line: exit 3)."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            message = str(exc)
            code = errno.ENOSPC if "full" in message else errno.EIO
            if "readonly" in message:
                code = errno.EROFS
            raise OSError(code, os.strerror(code), str(self.folder)) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """``executemany`` on the store's database (errors as in :meth:`os_errors`)."""
        with self.os_errors():
            self.db.executemany(sql, rows)

    def execute(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Cursor:
        """``execute`` on the store's database (errors as in :meth:`os_errors`)."""
        with self.os_errors():
            return self.db.execute(sql, args)

    def add(self, x: DocExtraction) -> None:
        """Write one extraction (its sentences once each, stripped, numbered)."""
        starts: list[int] = []
        sids: list[int] = []
        number: dict[str, int] = {"": NO_SENTENCE}
        rows: list[tuple[int, str]] = []
        for i, (start, text) in enumerate(x.sentences):
            stripped = text.strip()
            sid = number.get(stripped)
            if sid is None:
                sid = number[stripped] = i
                rows.append((i, stripped))
            starts.append(start)
            sids.append(sid)
        blob = pickle.dumps(
            (x.mentions, x.aliases, x.relations, x.events, starts, sids),
            protocol=pickle.HIGHEST_PROTOCOL,
        )
        info = pickle.dumps(x.info, protocol=pickle.HIGHEST_PROTOCOL)  # any file name
        cur = self.execute(
            "INSERT INTO docs (id, info, blob) VALUES (?, ?, ?)", (x.info.id, info, blob)
        )
        row = cur.lastrowid
        self.executemany("INSERT INTO sents VALUES (?, ?, ?)", [(row, sid, t) for sid, t in rows])
        self._count += 1
        self._order = None

    def add_all(self, extractions: Iterable[Any]) -> None:
        """:meth:`add` every :class:`DocExtraction` of ``extractions`` (others skipped)."""
        from .extraction import DocExtraction

        for x in extractions:
            if isinstance(x, DocExtraction):
                self.add(x)

    def documents(self) -> list[tuple[str, int]]:
        """``(id, row)`` of every document, in id order (then order added): the rank of
        a document is its index here."""
        if self._order is None:
            rows = self.execute("SELECT id, row FROM docs").fetchall()
            self._order = sorted(rows)
        return self._order

    def iter_docs(self) -> Iterator[StoredDoc]:
        """Every document, read back one at a time, in id order."""
        for rank, (doc_id, row) in enumerate(self.documents()):
            found = self.db.execute("SELECT info, blob FROM docs WHERE row = ?", (row,))
            info_blob, blob = found.fetchone()
            info = pickle.loads(info_blob)
            mentions, aliases, relations, events, starts, sids = pickle.loads(blob)
            yield StoredDoc(
                rank, row, doc_id, info, mentions, aliases, relations, events, starts, sids
            )

    def info(self, row: int) -> DocumentInfo:
        """The :class:`DocumentInfo` of the document stored at ``row``."""
        (blob,) = self.db.execute("SELECT info FROM docs WHERE row = ?", (row,)).fetchone()
        info: DocumentInfo = pickle.loads(blob)
        return info

    def sentence(self, row: int, sid: int) -> str:
        """The text of sentence ``sid`` of the document stored at ``row``."""
        if sid == NO_SENTENCE:
            return ""
        found = self.db.execute(
            "SELECT text FROM sents WHERE doc = ? AND sid = ?", (row, sid)
        ).fetchone()
        return str(found[0]) if found else ""

    def rows(self, sql: str, args: Sequence[Any] = ()) -> Iterator[Any]:
        """The rows of a query, fetched a few hundred at a time."""
        with self.os_errors():
            cur = self.db.execute(sql, args)
            while batch := cur.fetchmany(_FETCH):
                yield from batch


def _close(db: sqlite3.Connection, folder: Path) -> None:
    with contextlib.suppress(Exception):  # at exit or in a finalizer: never raise
        db.close()
        shutil.rmtree(folder, ignore_errors=True)


T = TypeVar("T")


class _StoreView(ListLike[T]):
    """A sequence read from an :class:`ExtractionStore` on access; pickled (and copied)
    as the list of its items, since the store stays with its process."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (list(self),))


class StoredDocuments(_StoreView["DocumentInfo"]):
    """The :class:`~hunyuan_kg.kg.DocumentInfo` of every document of an
    :class:`ExtractionStore`, in id order, read from it on access (never all held in
    memory). Equal to a list of the same infos; pickled (and copied) as that list."""

    def __init__(self, store: ExtractionStore) -> None:
        self._store = store

    def __len__(self) -> int:
        return len(self._store.documents())

    @overload
    def __getitem__(self, index: int) -> DocumentInfo: ...

    @overload
    def __getitem__(self, index: slice) -> list[DocumentInfo]: ...

    def __getitem__(self, index: int | slice) -> DocumentInfo | list[DocumentInfo]:
        docs = self._store.documents()
        if isinstance(index, slice):
            return [self._store.info(row) for _, row in docs[index]]
        return self._store.info(docs[index][1])

    def __iter__(self) -> Iterator[DocumentInfo]:
        return (self._store.info(row) for _, row in self._store.documents())

    def __repr__(self) -> str:
        return f"StoredDocuments({len(self)} documents)"


class LazySources(_StoreView[Source]):
    """An event's sources, read from its :class:`ExtractionStore` whenever they are
    iterated (they are never all held in memory). Equal to a list of the same sources;
    pickled (and copied) as that list."""

    def __init__(self, store: ExtractionStore, event: int, length: int) -> None:
        self._store = store
        self._event = event
        self._length = length

    def __len__(self) -> int:
        return self._length

    def _query(self, first: int, stop: int) -> Iterator[Source]:
        docs = self._store.documents()
        cur = self._store.db.execute(
            'SELECT doc, sid, start, "end", date_text, dct FROM evsrc '
            "WHERE ev = ? AND pos >= ? AND pos < ? ORDER BY pos",
            (self._event, first, stop),
        )
        while batch := cur.fetchmany(_FETCH):
            for rank, sid, start, end, date_text, dct in batch:
                doc_id, row = docs[rank]
                text = self._store.sentence(row, sid)
                yield Source(doc_id, text, start, end, date_text, dct)

    def __iter__(self) -> Iterator[Source]:
        return self._query(0, self._length)

    @overload
    def __getitem__(self, index: int) -> Source: ...

    @overload
    def __getitem__(self, index: slice) -> list[Source]: ...

    def __getitem__(self, index: int | slice) -> Source | list[Source]:
        if isinstance(index, slice):
            first, stop, step = index.indices(self._length)
            if step != 1:
                return list(self)[index]
            return list(self._query(first, stop)) if first < stop else []
        i = index + self._length if index < 0 else index
        if not 0 <= i < self._length:
            raise IndexError("source index out of range")
        return next(self._query(i, i + 1))

    def __repr__(self) -> str:
        return f"LazySources({self._length} sources)"
