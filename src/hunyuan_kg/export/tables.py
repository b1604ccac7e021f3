"""``entities.csv`` and ``relations.csv``: the graph as two flat tables.

They are :meth:`KnowledgeGraph.entities_df` and :meth:`KnowledgeGraph.relations_df`
written with pandas (UTF-8 with BOM and CRLF record ends, like ``timeline.csv``).

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

from pathlib import Path
from typing import TYPE_CHECKING

from ..fileio import atomic_write
from .timeline_csv import CSV_ENCODING, CSV_LINE_END

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph


def write_entities_csv(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write one row per entity node (id, label, type, aliases, mentions, docs)."""
    atomic_write(
        path,
        kg.entities_df().to_csv(index=False, lineterminator=CSV_LINE_END),
        encoding=CSV_ENCODING,
    )


def write_relations_csv(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write one row per edge (source, target, ids, type, role, weight, docs, evidence)."""
    df = kg.relations_df().sort_values(["source_id", "target_id", "type"], ignore_index=True)
    atomic_write(path, df.to_csv(index=False, lineterminator=CSV_LINE_END), encoding=CSV_ENCODING)
