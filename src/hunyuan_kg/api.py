"""The Python API: :func:`build` a :class:`~hunyuan_kg.kg.KnowledgeGraph` from files.

>>> import hunyuan_kg
>>> kg = hunyuan_kg.build(["data/sample"])          # doctest: +SKIP
>>> kg.write("out/")                                # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from spacy.language import Language

from .extraction import DocExtraction, Failure, extract_documents
from .graph import build_graph
from .ingest import IngestError, collect_paths, read_document, unique_ids
from .kg import KnowledgeGraph
from .pipeline import load
from .threads import single_blas_thread

Progress = Callable[[int], None]


def build(
    paths: Iterable[str | Path],
    *,
    nlp: Language | None = None,
    jobs: int = 1,
    batch_size: int = 32,
    progress: Progress | None = None,
    **load_options: Any,
) -> KnowledgeGraph:
    """Read every article under ``paths`` and build the graph and timeline.

    ``jobs`` > 1 runs the extraction in that many processes (each loads the pipeline once;
    ``jobs=0`` means one per core). ``nlp`` reuses an already loaded pipeline (one
    process). ``load_options`` go to :func:`hunyuan_kg.load`. Broken documents never stop
    the build: they are listed in ``kg.failures``. ``progress`` is called with the number
    of documents finished after each one.
    """
    files = collect_paths(paths)
    ids = unique_ids(files)
    results = extract_paths(
        [(str(p), ids[p]) for p in files],
        nlp=nlp,
        jobs=jobs,
        batch_size=batch_size,
        load_options=load_options,
        progress=progress,
    )
    extractions: list[DocExtraction] = []
    failures: list[Failure] = []
    for r in results:
        if isinstance(r, DocExtraction):
            extractions.append(r)
        else:
            failures.append(r)
    kg = build_graph(extractions)
    kg.failures = sorted(failures, key=lambda f: f.doc)
    return kg


def extract_paths(
    items: list[tuple[str, str]],
    *,
    nlp: Language | None = None,
    jobs: int = 1,
    batch_size: int = 32,
    load_options: dict[str, Any] | None = None,
    progress: Progress | None = None,
) -> Iterator[DocExtraction | Failure]:
    """Read and extract ``(path, doc_id)`` items, in order, locally or in processes."""
    options = load_options or {}
    jobs = jobs or os.cpu_count() or 1
    if nlp is not None or jobs == 1 or len(items) < 2 * batch_size:
        pipeline = nlp if nlp is not None else load(**options)
        for n, r in enumerate(_extract_items(pipeline, items, batch_size), 1):
            if progress:
                progress(n)
            yield r
        return
    chunks = [items[i : i + batch_size] for i in range(0, len(items), batch_size)]
    done = 0
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(options,)) as pool:
        for chunk_result in pool.map(_worker, chunks, [batch_size] * len(chunks)):
            for r in chunk_result:
                done += 1
                if progress:
                    progress(done)
                yield r


def _extract_items(
    nlp: Language, items: list[tuple[str, str]], batch_size: int
) -> Iterator[DocExtraction | Failure]:
    for i in range(0, len(items), batch_size):
        batch = items[i : i + batch_size]
        results: dict[str, DocExtraction | Failure] = {}
        documents = []
        for path, doc_id in batch:
            try:
                documents.append(read_document(path, doc_id=doc_id))
            except IngestError as exc:
                results[doc_id] = Failure(doc_id, path, exc.reason)
        for x in extract_documents(nlp, documents, batch_size=batch_size):
            results[x.info.id if isinstance(x, DocExtraction) else x.doc] = x
        for _, doc_id in batch:
            yield results[doc_id]


_WORKER_NLP: Language | None = None


def _init_worker(options: dict[str, Any]) -> None:
    global _WORKER_NLP
    single_blas_thread()
    _WORKER_NLP = load(**options)


def _worker(items: list[tuple[str, str]], batch_size: int) -> list[DocExtraction | Failure]:
    assert _WORKER_NLP is not None
    return list(_extract_items(_WORKER_NLP, items, batch_size))
