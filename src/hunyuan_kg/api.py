"""The Python API: :func:`build` a :class:`~hunyuan_kg.kg.KnowledgeGraph` from files.

>>> import hunyuan_kg
>>> kg = hunyuan_kg.build(["data/sample"])          # doctest: +SKIP
>>> kg.write("out/")                                # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from spacy.language import Language

from .extraction import DocExtraction, Failure, extract_documents
from .graph import build_graph
from .ingest import (
    IngestError,
    InputError,
    InputScan,
    clean_name,
    read_document,
    scan_inputs,
)
from .kg import KnowledgeGraph
from .pipeline import load
from .spill import ExtractionStore
from .threads import single_blas_thread

Progress = Callable[[int], None]
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

#: What a corpus build passes to :func:`hunyuan_kg.load` unless told otherwise. Word tokens
#: are for people who read a ``Doc``; a build writes only entities, relations and events,
#: which every component finds on character offsets: with one token per character the
#: dev set scores the same and 600 raw news articles give the same entities (1,515
#: timeline entries, one title different), 1.3-1.5x faster (docs/model-card.md).
BUILD_DEFAULTS: dict[str, Any] = {"segmenter": "char"}


def build_options(load_options: dict[str, Any]) -> dict[str, Any]:
    """``load_options`` over :data:`BUILD_DEFAULTS`.

    >>> build_options({}), build_options({"segmenter": "pkuseg", "ner": None})
    ({'segmenter': 'char'}, {'segmenter': 'pkuseg', 'ner': None})
    """
    return {**BUILD_DEFAULTS, **load_options}


def build(
    paths: str | Path | Iterable[str | Path],
    *,
    nlp: Language | None = None,
    jobs: int = 1,
    batch_size: int = 32,
    progress: Progress | None = None,
    follow_symlinks: bool = False,
    date: dt.date | str | None = None,
    **load_options: Any,
) -> KnowledgeGraph:
    """Read every article under ``paths`` and build the graph and timeline.

    ``paths`` is one file or folder, or a list of them. ``jobs`` > 1 runs the extraction
    in that many processes (each loads the pipeline once; ``jobs=0`` means one per core).
    ``nlp`` reuses an already loaded pipeline (one process). ``load_options`` go to
    :func:`hunyuan_kg.load`, over :data:`BUILD_DEFAULTS` (one token per character:
    ``segmenter="pkuseg"`` gives the same graph, slower). Broken documents never stop the
    build: they are listed in ``kg.failures``, and so are symlinks that lead out of the
    given paths (read only with ``follow_symlinks``) and unreadable folders. ``progress`` is
    called with the number of documents finished after each one. ``date`` (a
    ``datetime.date`` or ``"YYYY-MM-DD"``) is the publication date of every article that
    states none (front matter, HTML metadata, dateline), instead of the one inferred from
    its text; its ``dct_source`` is then ``"given"``.
    """
    given = check_build_args(paths, jobs=jobs, batch_size=batch_size)
    day = check_date(date)
    scan = scan_inputs(given, follow_symlinks=follow_symlinks)
    results = extract_paths(
        scan.items(),
        nlp=nlp,
        jobs=jobs,
        batch_size=batch_size,
        load_options=build_options(load_options),
        progress=progress,
        roots=scan.roots,
        date=day,
    )
    store = ExtractionStore()  # each extraction goes to disk as it comes
    failures: list[Failure] = skipped_failures(scan)
    for r in results:
        if isinstance(r, DocExtraction):
            store.add(r)
        else:
            failures.append(r)
    kg = build_graph(store)
    kg.failures = sorted(failures, key=lambda f: f.doc)
    return kg


def check_build_args(paths: object, *, jobs: int = 1, batch_size: int = 32) -> list[str | Path]:
    """The input paths as a list (one str or Path is one path), or a clear error for
    misuse of :func:`build`, before any work."""
    if paths is None:
        raise TypeError("paths is None: give a file or folder, or a list of them")
    if isinstance(paths, bytes):
        raise TypeError("paths must be a str or Path, or a list of them, not bytes")
    if isinstance(paths, str | Path):
        paths = [paths]
    if not isinstance(paths, Iterable):
        raise TypeError(f"paths must be a str or Path, or a list of them, not {paths!r}")
    given = list(paths)
    for p in given:
        if not isinstance(p, str | Path):
            raise TypeError(f"each path must be a str or Path, not {p!r}")
        if not str(p).strip():
            raise InputError("an empty path was given (use '.' for the current folder)")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise ValueError(f"jobs must be 0 (one per core) or a positive number, not {jobs!r}")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive number, not {batch_size!r}")
    return given


def check_date(value: object) -> dt.date | None:
    """The publication date given for a build as a ``datetime.date`` (None for None):
    a date (a datetime gives its day) or an ISO ``YYYY-MM-DD`` string; ValueError with
    a one-line message otherwise.

    >>> check_date("2024-05-30"), check_date(None)
    (datetime.date(2024, 5, 30), None)
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if _ISO_DAY.fullmatch(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass
        raise ValueError(f"date must be a day as YYYY-MM-DD (e.g. 2024-05-30), not {value!r}")
    raise TypeError(f"date must be a datetime.date or a YYYY-MM-DD string, not {value!r}")


def skipped_failures(scan: InputScan) -> list[Failure]:
    """A failure record for each path the scan skipped (id: the path itself)."""
    return [Failure(clean_name(p.as_posix()), str(p), reason) for p, reason in scan.skipped]


def extract_paths(
    items: Sequence[tuple[str, str]],
    *,
    nlp: Language | None = None,
    jobs: int = 1,
    batch_size: int = 32,
    load_options: dict[str, Any] | None = None,
    progress: Progress | None = None,
    roots: list[str] | None = None,
    date: dt.date | None = None,
) -> Iterator[DocExtraction | Failure]:
    """Read and extract ``(path, doc_id)`` items, in order, locally or in processes;
    files are read only inside ``roots`` (resolved paths) unless it is None; ``date``:
    the publication date of articles that state none (see :func:`build`)."""
    options = load_options or {}
    jobs = jobs or os.cpu_count() or 1
    if nlp is not None or jobs == 1 or len(items) < 2 * batch_size:
        pipeline = nlp if nlp is not None else load(**options)
        for n, r in enumerate(_extract_items(pipeline, items, batch_size, roots, date), 1):
            if progress:
                progress(n)
            yield r
        return
    chunks = [items[i : i + batch_size] for i in range(0, len(items), batch_size)]
    done = 0
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(options,)) as pool:
        for chunk_result in pool.map(
            _worker,
            chunks,
            [batch_size] * len(chunks),
            [roots] * len(chunks),
            [date] * len(chunks),
        ):
            for r in chunk_result:
                done += 1
                if progress:
                    progress(done)
                yield r


def _extract_items(
    nlp: Language,
    items: Sequence[tuple[str, str]],
    batch_size: int,
    roots: list[str] | None,
    date: dt.date | None = None,
) -> Iterator[DocExtraction | Failure]:
    for i in range(0, len(items), batch_size):
        batch = items[i : i + batch_size]
        results: dict[str, DocExtraction | Failure] = {}
        documents = []
        for path, doc_id in batch:
            try:
                documents.append(read_document(path, doc_id=doc_id, roots=roots, date=date))
            except IngestError as exc:
                results[doc_id] = Failure(doc_id, path, exc.reason)
            except Exception as exc:  # a bug on one file must not cost the others
                results[doc_id] = Failure(doc_id, path, f"unexpected {type(exc).__name__}: {exc}")
        for x in extract_documents(nlp, documents, batch_size=batch_size):
            results[x.info.id if isinstance(x, DocExtraction) else x.doc] = x
        for _, doc_id in batch:
            yield results[doc_id]


_WORKER_NLP: Language | None = None


def _init_worker(options: dict[str, Any]) -> None:
    global _WORKER_NLP
    single_blas_thread()
    _WORKER_NLP = load(**options)


def _worker(
    items: list[tuple[str, str]],
    batch_size: int,
    roots: list[str] | None = None,
    date: dt.date | None = None,
) -> list[DocExtraction | Failure]:
    assert _WORKER_NLP is not None
    return list(_extract_items(_WORKER_NLP, items, batch_size, roots, date))
