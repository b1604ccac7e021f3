"""Build on a Dask cluster (optional extra ``hunyuan_kg[dask]``).

Per-document extraction is a ``dask.bag`` of ``(path, doc_id)`` items mapped over
partitions; each worker process loads the pipeline once (kept in a module global keyed
by the load options) and returns plain :class:`~hunyuan_kg.extraction.DocExtraction`
records. The client takes each partition as it finishes into an
:class:`~hunyuan_kg.spill.ExtractionStore` on disk and runs
:func:`~hunyuan_kg.graph.build_graph` on it, which reads documents in id order, so the
graph and timeline are byte for byte those of a local build. Files are read by the
workers: on a cluster every worker must see the same paths (a shared file system).

>>> from hunyuan_kg.distributed import build_dask
>>> kg = build_dask(["data/sample"], local_workers=2)               # doctest: +SKIP
>>> kg = build_dask(["/shared/news"], scheduler="tcp://host:8786")  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .api import (
    build_options,
    check_build_args,
    check_date,
    extract_paths,
    skipped_failures,
)
from .extraction import DocExtraction, Failure
from .graph import build_graph
from .ingest import scan_inputs
from .kg import KnowledgeGraph
from .spill import ExtractionStore

if TYPE_CHECKING:
    from distributed import Client
    from spacy.language import Language

DEFAULT_PARTITION_SIZE = 64

_PIPELINES: dict[str, tuple[Language, threading.Lock]] = {}
_LOADING = threading.Lock()


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            "hunyuan_kg.distributed needs Dask: pip install 'hunyuan_kg[dask]'"
        ) from exc


def worker_pipeline(load_options: dict[str, Any]) -> tuple[Language, threading.Lock]:
    """The pipeline for ``load_options`` in this process, loaded on first use, with the
    lock that serialises its use by the worker's threads."""
    key = json.dumps(load_options, sort_keys=True, default=str)
    with _LOADING:
        if key not in _PIPELINES:
            from .pipeline import load
            from .threads import single_blas_thread

            single_blas_thread()
            _PIPELINES[key] = (load(**load_options), threading.Lock())
        return _PIPELINES[key]


def extract_partition(
    items: Iterable[tuple[str, str]],
    load_options: dict[str, Any],
    batch_size: int,
    roots: list[str] | None = None,
    date: dt.date | None = None,
) -> list[DocExtraction | Failure]:
    """Extract one partition of ``(path, doc_id)`` items with the worker's pipeline
    (files read only inside ``roots`` unless it is None; ``date``: the publication date
    of articles that state none)."""
    nlp, lock = worker_pipeline(load_options)
    with lock:
        return list(
            extract_paths(list(items), nlp=nlp, batch_size=batch_size, roots=roots, date=date)
        )


def build_dask(
    paths: str | Path | Iterable[str | Path],
    *,
    client: Client | None = None,
    scheduler: str | None = None,
    local_workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    batch_size: int = 32,
    follow_symlinks: bool = False,
    date: dt.date | str | None = None,
    **load_options: Any,
) -> KnowledgeGraph:
    """Build the graph of the articles under ``paths`` with Dask.

    Where the work runs: ``client`` (an existing ``distributed.Client``); else
    ``scheduler``, the address of a running scheduler (``"tcp://host:8786"``); else
    ``local_workers`` > 0, a temporary ``LocalCluster`` of that many single-threaded
    worker processes; else Dask's default scheduler (a ``distributed`` client already
    set as default, or local processes). ``partition_size`` documents go to each task.
    ``load_options`` go to :func:`hunyuan_kg.load` on every worker, over
    :data:`~hunyuan_kg.api.BUILD_DEFAULTS` as in :func:`hunyuan_kg.build`; ``date`` is the
    publication date of articles that state none (as in :func:`hunyuan_kg.build`).
    """
    _require_dask()
    import dask.bag as db

    given = check_build_args(paths, batch_size=batch_size)
    day = check_date(date)
    scan = scan_inputs(given, follow_symlinks=follow_symlinks)
    items = scan.items()
    npartitions = max(1, math.ceil(len(items) / max(1, partition_size)))
    bag = db.from_sequence(items, npartitions=npartitions).map_partitions(
        extract_partition, build_options(load_options), batch_size, scan.roots, day
    )
    store = ExtractionStore()
    failures: list[Failure] = skipped_failures(scan)

    def keep(results: Iterable[DocExtraction | Failure]) -> None:
        for r in results:
            if isinstance(r, DocExtraction):
                store.add(r)
            else:
                failures.append(r)

    if client is not None:
        _gather(client, bag, keep)
    elif scheduler or local_workers:
        from distributed import Client, LocalCluster

        if scheduler:
            with Client(scheduler) as own:
                _gather(own, bag, keep)
        else:
            with (
                LocalCluster(
                    n_workers=local_workers, threads_per_worker=1, processes=True
                ) as cluster,
                Client(cluster) as own,
            ):
                _gather(own, bag, keep)
    else:
        import dask

        parts = bag.to_delayed()
        window = 2 * (os.cpu_count() or 1)  # partitions in flight: memory stays bounded
        for i in range(0, len(parts), window):
            for part in dask.compute(*parts[i : i + window]):
                keep(part)
    kg = build_graph(store)
    kg.failures = sorted(failures, key=lambda f: f.doc)
    return kg


def _gather(client: Client, bag: Any, keep: Callable[[list[Any]], None]) -> None:
    """Compute each partition of ``bag`` on ``client`` and hand its results to ``keep``
    as it finishes, releasing it at once: the client never holds them all. The order
    does not matter: the graph is built in document-id order."""
    from distributed import as_completed

    futures = client.compute(bag.to_delayed())
    for future in as_completed(futures):
        keep(future.result())
        future.release()
