"""Incremental builds: a per-document cache of extractions under ``OUTDIR/.cache/``.

Each successful :class:`~hunyuan_kg.extraction.DocExtraction` is stored as one JSON file
named by its key: the sha256 of the pipeline fingerprint (package version, load options,
the publication date given for the run (``--date``), the package's code and data files),
the document id, its path and the file's bytes. A changed file, a renamed one, a new
pipeline or another ``--date`` gets a new key, so stale entries are never read.
``manifest.json`` remembers the inputs of the build, so an update only names the new
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

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from spacy.language import Language

from . import __version__
from .api import Progress, check_build_args, check_date, extract_paths, skipped_failures
from .extraction import DocExtraction, Failure
from .fileio import atomic_write
from .graph import build_graph
from .ingest import read_input, scan_inputs
from .kg import KnowledgeGraph
from .resources import data_root
from .spill import ExtractionStore
from .usercache import tree_digest

CACHE_DIR = ".cache"
MANIFEST = "manifest.json"
ERRORS_FILE = "errors.jsonl"
_FORMAT = 1

Item = tuple[str, str]
_log = logging.getLogger(__name__)


def pipeline_fingerprint(
    load_options: Mapping[str, Any] | None = None,
    *,
    nlp: Language | None = None,
    date: dt.date | None = None,
) -> str:
    """A hex digest that changes whenever extraction could: the package version, the load
    options (or ``nlp``'s config), the publication date ``date`` given for articles that
    state none (``--date``; None leaves the digest as without it), and the bytes of the
    package's code and data files."""
    h = hashlib.sha256(f"hunyuan_kg {__version__} cache {_FORMAT}\n".encode())
    if nlp is not None:
        h.update(nlp.config.to_str().encode())
    else:
        h.update(json.dumps(dict(load_options or {}), sort_keys=True, default=str).encode())
    if date is not None:
        h.update(f"\0given date {date.isoformat()}\n".encode())
    h.update(tree_digest(Path(__file__).parent, "*.py").encode())
    h.update(tree_digest(data_root(), "*").encode())
    return h.hexdigest()


def document_key(
    path: str | Path,
    doc_id: str,
    fingerprint: str,
    digest: str | None = None,
    *,
    roots: list[str] | None = None,
) -> str:
    """The cache key of one document: sha256 of fingerprint, id, path and the sha256 of
    the file's bytes (``digest``; read here, guarded, when not given). Raises
    :class:`~hunyuan_kg.ingest.IngestError` when the file cannot be read."""
    if digest is None:
        digest = hashlib.sha256(read_input(path, roots=roots)).hexdigest()
    h = hashlib.sha256(f"{fingerprint}\0{doc_id}\0".encode())
    h.update(os.fspath(path).encode("utf-8", "surrogatepass"))  # file names may hold any bytes
    h.update(f"\0{digest}".encode())
    return h.hexdigest()


def _entry(outdir: Path, key: str) -> Path:
    return outdir / CACHE_DIR / "docs" / key[:2] / f"{key}.json"


def load_cached(
    outdir: str | Path,
    items: Iterable[Item],
    *,
    fingerprint: str,
    roots: list[str] | None = None,
) -> tuple[dict[str, DocExtraction], list[Item]]:
    """Split ``(path, doc_id)`` items into cached extractions (by doc id) and misses.

    An unreadable file is a miss (the extraction then reports it as a failure), and so is
    an entry that cannot be read or parsed, whatever is wrong with it."""
    hits: dict[str, DocExtraction] = {}
    misses: list[Item] = []
    for item, x in cached(outdir, items, fingerprint=fingerprint, roots=roots):
        if x is None:
            misses.append(item)
        else:
            hits[item[1]] = x
    return hits, misses


def cached(
    outdir: str | Path,
    items: Iterable[Item],
    *,
    fingerprint: str,
    roots: list[str] | None = None,
) -> Iterator[tuple[Item, DocExtraction | None]]:
    """Each ``(path, doc_id)`` item with its cached extraction, or None for a miss (as
    :func:`load_cached`, one at a time)."""
    for path, doc_id in items:
        try:
            entry = _entry(Path(outdir), document_key(path, doc_id, fingerprint, roots=roots))
            x = DocExtraction.from_dict(json.loads(entry.read_text(encoding="utf-8")))
            if x.info.id != doc_id:
                raise ValueError("entry of another document")
        except Exception:  # a corrupt or missing entry is rebuilt, never fatal
            yield (path, doc_id), None
        else:
            yield (path, doc_id), x


def store(outdir: str | Path, extractions: Iterable[DocExtraction], *, fingerprint: str) -> int:
    """Write each extraction to the cache under the key of the bytes it was extracted
    from (never re-reading the file); returns how many were written. Writes are atomic
    (temporary file, then rename); whatever blocks an entry's path is replaced."""
    n = 0
    for x in extractions:
        if x.info.path is None or x.digest is None:
            continue
        entry = _entry(Path(outdir), document_key(x.info.path, x.info.id, fingerprint, x.digest))
        _write_replacing(entry, json.dumps(x.to_dict()))
        n += 1
    return n


def _write_replacing(path: Path, text: str) -> None:
    """``atomic_write``, first removing a folder or file that is in the way (a corrupted
    cache); an error that remains (read-only, disk full) is raised."""
    for blocker in (path.parent.parent, path.parent):
        if blocker.exists() and not blocker.is_dir():
            blocker.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    atomic_write(path, text)


def read_manifest(outdir: str | Path) -> list[str]:
    """The input paths recorded by earlier builds into ``outdir`` ([] if none, or if the
    manifest is unreadable or malformed: it is then rebuilt from this build's inputs)."""
    path = Path(outdir) / CACHE_DIR / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        _log.warning("ignoring unreadable cache manifest %s: %s", path, exc)
        return []
    inputs = data.get("inputs") if isinstance(data, dict) else None
    if not isinstance(inputs, list) or not all(isinstance(p, str) and p for p in inputs):
        _log.warning("ignoring malformed cache manifest %s", path)
        return []
    return list(inputs)


def build_incremental(
    paths: str | Path | Iterable[str | Path],
    outdir: str | Path,
    *,
    nlp: Language | None = None,
    jobs: int = 1,
    batch_size: int = 32,
    progress: Progress | None = None,
    update: bool = True,
    follow_symlinks: bool = False,
    date: dt.date | str | None = None,
    **load_options: Any,
) -> KnowledgeGraph:
    """Build over the inputs recorded in ``outdir`` (when ``update``) plus ``paths``,
    extracting only the documents that are new or changed; the result equals
    :func:`hunyuan_kg.build` over all the inputs. Updates the cache and manifest; writing
    the exports is left to the caller (``kg.write(outdir)``). Inputs are recorded as
    absolute paths and re-read, so new files inside an old input folder are picked up too;
    ``outdir`` and its exports are never read as inputs. ``progress`` counts extracted
    (not cached) documents. ``date``: the publication date of articles that state none
    (as in :func:`hunyuan_kg.build`); it is part of every cache key, so an extraction
    made under another ``date`` (or none) is never reused. Raises OSError when the cache
    cannot be written.
    """
    given = check_build_args(paths, jobs=jobs, batch_size=batch_size)
    day = check_date(date)
    earlier = read_manifest(outdir) if update else []
    inputs = list(dict.fromkeys([*earlier, *(os.path.realpath(p) for p in given)]))
    scan = scan_inputs(inputs, follow_symlinks=follow_symlinks, exclude=output_paths(outdir))
    items = scan.items()
    fingerprint = pipeline_fingerprint(load_options, nlp=nlp, date=day)
    # every extraction, cached or fresh, goes to disk at once, beside the cache
    extracted = ExtractionStore(Path(outdir) / CACHE_DIR)
    misses: list[Item] = []
    for item, hit in cached(outdir, items, fingerprint=fingerprint, roots=scan.roots):
        if hit is None:
            misses.append(item)
        else:
            extracted.add(hit)
    failures: list[Failure] = skipped_failures(scan)
    if misses:
        for r in extract_paths(
            misses,
            nlp=nlp,
            jobs=jobs,
            batch_size=batch_size,
            load_options=load_options,
            progress=progress,
            roots=scan.roots,
            date=day,
        ):
            if isinstance(r, DocExtraction):
                store(outdir, [r], fingerprint=fingerprint)
                extracted.add(r)
            else:
                failures.append(r)
    manifest = Path(outdir) / CACHE_DIR / MANIFEST
    _write_replacing(manifest, json.dumps({"format": _FORMAT, "inputs": inputs}))
    kg = build_graph(extracted)
    kg.failures = sorted(failures, key=lambda f: f.doc)
    return kg


def output_paths(outdir: str | Path) -> list[Path]:
    """What a build writes into ``outdir`` (the folder itself and its exports): never
    inputs, even when ``outdir`` lies in (or is) an input folder."""
    from .export import FORMATS

    outdir = Path(outdir)
    return [outdir, outdir / ERRORS_FILE, *(outdir / name for _, name in FORMATS.values())]
