"""Incremental builds: a per-document cache of extractions under ``OUTDIR/.cache/``.

Each successful :class:`~hunyuan_kg.extraction.DocExtraction` is stored as one JSON file
named by its key: the sha256 of the pipeline fingerprint (package version, load options,
the package's code and data files), the document id, its path and the file's bytes. A
changed file, a renamed one or a new pipeline gets a new key, so stale entries are never
read. ``manifest.json`` remembers the inputs of the build, so an update only names the new
articles; the graph is then built from every current document, exactly as a full rebuild.

>>> import tempfile, pathlib
>>> src, out = (pathlib.Path(tempfile.mkdtemp()) for _ in range(2))
>>> _ = (src / "a.txt").write_text("2024 年 5 月 30 日，腾讯推出元宝 App。", encoding="utf-8")
>>> kg = build_incremental([src], out, segmenter="char", ner=None)
>>> hits, misses = load_cached(out, [(str(src / "a.txt"), "a")],
...                            fingerprint=pipeline_fingerprint({"segmenter": "char",
...                                                              "ner": None}))
>>> sorted(hits), misses
(['a'], [])
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from spacy.language import Language

from . import __version__
from .api import Progress, extract_paths
from .extraction import DocExtraction, Failure
from .fileio import atomic_write
from .graph import build_graph
from .ingest import collect_paths, unique_ids
from .kg import KnowledgeGraph
from .resources import data_root

CACHE_DIR = ".cache"
MANIFEST = "manifest.json"
_FORMAT = 1

Item = tuple[str, str]


def pipeline_fingerprint(
    load_options: Mapping[str, Any] | None = None, *, nlp: Language | None = None
) -> str:
    """A hex digest that changes whenever extraction could: the package version, the load
    options (or ``nlp``'s config), and the bytes of the package's code and data files."""
    h = hashlib.sha256(f"hunyuan_kg {__version__} cache {_FORMAT}\n".encode())
    if nlp is not None:
        h.update(nlp.config.to_str().encode())
    else:
        h.update(json.dumps(dict(load_options or {}), sort_keys=True, default=str).encode())
    h.update(_tree_digest(Path(__file__).parent, "*.py").encode())
    h.update(_tree_digest(data_root(), "*").encode())
    return h.hexdigest()


def _tree_digest(root: Path, pattern: str) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob(pattern) if p.is_file()):
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def document_key(path: str | Path, doc_id: str, fingerprint: str) -> str:
    """The cache key of one document: sha256 of fingerprint, id, path and file bytes."""
    h = hashlib.sha256(f"{fingerprint}\0{doc_id}\0{path}\0".encode())
    h.update(Path(path).read_bytes())
    return h.hexdigest()


def _entry(outdir: Path, key: str) -> Path:
    return outdir / CACHE_DIR / "docs" / key[:2] / f"{key}.json"


def load_cached(
    outdir: str | Path, items: Iterable[Item], *, fingerprint: str
) -> tuple[dict[str, DocExtraction], list[Item]]:
    """Split ``(path, doc_id)`` items into cached extractions (by doc id) and misses.

    An unreadable file is a miss (the extraction then reports it as a failure)."""
    hits: dict[str, DocExtraction] = {}
    misses: list[Item] = []
    for path, doc_id in items:
        try:
            entry = _entry(Path(outdir), document_key(path, doc_id, fingerprint))
            data = json.loads(entry.read_text(encoding="utf-8"))
            hits[doc_id] = DocExtraction.from_dict(data)
        except (OSError, ValueError, KeyError, TypeError):
            misses.append((path, doc_id))
    return hits, misses


def store(outdir: str | Path, extractions: Iterable[DocExtraction], *, fingerprint: str) -> int:
    """Write each extraction to the cache (its path must still hold the same bytes);
    returns how many were written. Writes are atomic (temporary file, then rename)."""
    n = 0
    for x in extractions:
        if x.info.path is None:
            continue
        entry = _entry(Path(outdir), document_key(x.info.path, x.info.id, fingerprint))
        entry.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(entry, json.dumps(x.to_dict(), ensure_ascii=False))
        n += 1
    return n


def read_manifest(outdir: str | Path) -> list[str]:
    """The input paths recorded by earlier builds into ``outdir`` ([] if none)."""
    path = Path(outdir) / CACHE_DIR / MANIFEST
    if not path.is_file():
        return []
    return list(json.loads(path.read_text(encoding="utf-8"))["inputs"])


def build_incremental(
    paths: Iterable[str | Path],
    outdir: str | Path,
    *,
    nlp: Language | None = None,
    jobs: int = 1,
    batch_size: int = 32,
    progress: Progress | None = None,
    update: bool = True,
    **load_options: Any,
) -> KnowledgeGraph:
    """Build over the inputs recorded in ``outdir`` (when ``update``) plus ``paths``,
    extracting only the documents that are new or changed; the result equals
    :func:`hunyuan_kg.build` over all the inputs. Updates the cache and manifest; writing
    the exports is left to the caller (``kg.write(outdir)``). Inputs are recorded as
    absolute paths and re-read, so new files inside an old input folder are picked up too.
    ``progress`` counts extracted (not cached) documents.
    """
    earlier = read_manifest(outdir) if update else []
    inputs = list(dict.fromkeys([*earlier, *(str(Path(p).resolve()) for p in paths)]))
    files = collect_paths(inputs)
    ids = unique_ids(files)
    items = [(str(p), ids[p]) for p in files]
    fingerprint = pipeline_fingerprint(load_options, nlp=nlp)
    hits, misses = load_cached(outdir, items, fingerprint=fingerprint)
    fresh: list[DocExtraction] = []
    failures: list[Failure] = []
    if misses:
        for r in extract_paths(
            misses,
            nlp=nlp,
            jobs=jobs,
            batch_size=batch_size,
            load_options=load_options,
            progress=progress,
        ):
            if isinstance(r, DocExtraction):
                fresh.append(r)
            else:
                failures.append(r)
    store(outdir, fresh, fingerprint=fingerprint)
    manifest = Path(outdir) / CACHE_DIR / MANIFEST
    manifest.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(manifest, json.dumps({"format": _FORMAT, "inputs": inputs}, ensure_ascii=False))
    kg = build_graph([*hits.values(), *fresh])
    kg.failures = sorted(failures, key=lambda f: f.doc)
    return kg
