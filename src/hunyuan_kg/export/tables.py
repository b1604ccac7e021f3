"""``entities.csv`` and ``relations.csv``: the graph as two flat tables.

They are the rows of :meth:`KnowledgeGraph.entities_df` and
:meth:`KnowledgeGraph.relations_df`, written a row at a time as pandas writes them
(UTF-8 with BOM and CRLF record ends, like ``timeline.csv``); text cells that would
start a spreadsheet formula get a leading ``'`` (:func:`csv_cell`).

>>> import tempfile, pathlib
>>> from hunyuan_kg.kg import KnowledgeGraph
>>> kg = KnowledgeGraph()
>>> kg.graph.add_node("ORG:腾讯", label="腾讯", type="ORG", aliases=["腾讯"], mentions=1,
...                   docs=["a"], evidence="", sources=[])
>>> path = pathlib.Path(tempfile.mkdtemp()) / "entities.csv"
>>> write_entities_csv(kg, path)
>>> path.read_text(encoding="utf-8-sig").splitlines()[1]
'ORG:腾讯,腾讯,ORG,腾讯,1,a'
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..fileio import atomic_writer
from ..kg import ENTITY_COLUMNS, RELATION_COLUMNS, entity_nodes, entity_row, relation_row
from .timeline_csv import CSV_ENCODING, CSV_LINE_END, csv_cell

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph


def write_entities_csv(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write one row per entity node (id, label, type, aliases, mentions, docs): the rows
    of :meth:`KnowledgeGraph.entities_df`, written one at a time."""
    g = kg.graph
    _write_rows(path, ENTITY_COLUMNS, (entity_row(g, n) for n in entity_nodes(g)))


def write_relations_csv(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write one row per edge (source, target, ids, type, role, weight, docs, evidence):
    the rows of :meth:`KnowledgeGraph.relations_df` ordered by source id, target id and
    type (stable), written one at a time."""
    g = kg.graph
    edges = sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2]["type"]))
    _write_rows(path, RELATION_COLUMNS, (relation_row(g, u, v, d) for u, v, d in edges))


def _write_rows(path: str | Path, columns: Sequence[str], rows: Iterable[list[object]]) -> None:
    """Write a header and ``rows`` as pandas' ``to_csv(index=False)`` does (minimal
    quoting, CRLF record ends, UTF-8 with BOM), each cell through :func:`csv_cell`."""
    with atomic_writer(path, encoding=CSV_ENCODING) as fh:
        writer = csv.writer(fh, lineterminator=CSV_LINE_END)
        writer.writerow(columns)
        for r in rows:
            writer.writerow(["" if c is None else csv_cell(c) for c in r])
