"""Exporters: the graph for Gephi/networkx, the timeline for people and other tools.

One module per format, each with ``write_*(kg, path)``; :data:`FORMATS` maps the
format names used by ``hunyuan-kg build --format`` to (writer, file name), and
:func:`write_all` writes several at once. Every file is written atomically and
deterministically (the same graph gives byte-identical files). The file contract
is ``docs/output-format.md``.

>>> import tempfile, pathlib
>>> from hunyuan_kg.kg import KnowledgeGraph
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> [p.name for p in write_all(KnowledgeGraph(), out, ["json", "html"])]
['timeline.json', 'timeline.html']
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .errors_jsonl import ERRORS_FILE, write_errors_jsonl
from .explorer import write_explorer
from .gexf import read_gexf, write_gexf
from .graphml import read_graphml, write_graphml
from .tables import write_entities_csv, write_relations_csv
from .timeline_csv import write_timeline_csv
from .timeline_html import write_timeline_html
from .timeline_json import read_timeline_json, write_timeline_json
from .timeline_md import write_timeline_md
from .timelinejs import write_timelinejs

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

Writer = Callable[["KnowledgeGraph", Path], None]

#: Format name → (writer, file name), in the order :func:`write_all` writes them.
FORMATS: dict[str, tuple[Writer, str]] = {
    "graphml": (write_graphml, "graph.graphml"),
    "gexf": (write_gexf, "graph.gexf"),
    "json": (write_timeline_json, "timeline.json"),
    "md": (write_timeline_md, "timeline.md"),
    "csv": (write_timeline_csv, "timeline.csv"),
    "timelinejs": (write_timelinejs, "timelinejs.json"),
    "html": (write_timeline_html, "timeline.html"),
    "entities": (write_entities_csv, "entities.csv"),
    "relations": (write_relations_csv, "relations.csv"),
    "explorer": (write_explorer, "explorer"),  # a folder
}


def write_all(
    kg: KnowledgeGraph,
    outdir: Path,
    formats: Iterable[str] | None = None,
    *,
    errors: bool = False,
) -> list[Path]:
    """Write ``formats`` (all of :data:`FORMATS` if None) into ``outdir``; return the paths.

    ``outdir`` is created if needed. Formats are written in the order given, each
    once; an unknown name raises ``ValueError`` before anything is written. ``errors``
    also writes ``errors.jsonl`` (``kg.failures``). All or nothing: every file is first
    written beside its target and only then renamed over it, so an ``OSError`` (disk
    full, read-only folder) leaves every previous file as it was.
    """
    names = list(FORMATS) if formats is None else list(dict.fromkeys(formats))
    unknown = [n for n in names if n not in FORMATS]
    if unknown:
        raise ValueError(
            f"unknown export format(s) {', '.join(map(repr, unknown))}; "
            f"valid formats: {', '.join(FORMATS)}"
        )
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    jobs: list[tuple[Writer, Path]] = [
        (FORMATS[name][0], outdir / FORMATS[name][1]) for name in names
    ]
    if errors:
        jobs.append((write_errors_jsonl, outdir / ERRORS_FILE))
    staged: list[tuple[Path, Path]] = []
    aside: list[tuple[Path, Path]] = []  # (previous folder moved aside, its place)
    try:
        for writer, path in jobs:
            stage = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.staged")
            staged.append((stage, path))
            writer(kg, stage)
        for stage, path in staged:
            if stage.is_dir() and path.is_dir():  # a folder (explorer/) cannot replace one
                aside.append((path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.old"), path))
                os.replace(path, aside[-1][0])
            os.replace(stage, path)
        for previous, _ in aside:
            shutil.rmtree(previous, ignore_errors=True)
    except BaseException:
        for stage, _ in staged:
            if stage.is_dir():
                shutil.rmtree(stage, ignore_errors=True)
            with contextlib.suppress(OSError):
                stage.unlink(missing_ok=True)
        for previous, path in aside:
            with contextlib.suppress(OSError):
                if path.exists():
                    shutil.rmtree(previous, ignore_errors=True)
                else:
                    os.replace(previous, path)
        raise
    return [path for _, path in jobs][: len(names)]


__all__ = [
    "ERRORS_FILE",
    "FORMATS",
    "read_gexf",
    "read_graphml",
    "read_timeline_json",
    "write_all",
    "write_errors_jsonl",
    "write_explorer",
    "write_gexf",
    "write_graphml",
    "write_timeline_csv",
    "write_timeline_html",
    "write_timeline_json",
    "write_timeline_md",
    "write_timelinejs",
]
