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

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

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
}


def write_all(kg: KnowledgeGraph, outdir: Path, formats: Iterable[str] | None = None) -> list[Path]:
    """Write ``formats`` (all of :data:`FORMATS` if None) into ``outdir``; return the paths.

    ``outdir`` is created if needed. Formats are written in the order given, each
    once; an unknown name raises ``ValueError`` before anything is written.
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
    paths = []
    for name in names:
        writer, filename = FORMATS[name]
        path = outdir / filename
        writer(kg, path)
        paths.append(path)
    return paths


__all__ = [
    "FORMATS",
    "read_gexf",
    "read_graphml",
    "read_timeline_json",
    "write_all",
    "write_gexf",
    "write_graphml",
    "write_timeline_csv",
    "write_timeline_html",
    "write_timeline_json",
    "write_timeline_md",
    "write_timelinejs",
]
