"""``entities.csv`` and ``relations.csv``: the graph as two flat tables.

They are :meth:`KnowledgeGraph.entities_df` and :meth:`KnowledgeGraph.relations_df`
written with pandas (UTF-8 with BOM and CRLF record ends, like ``timeline.csv``); text
cells that would start a spreadsheet formula get a leading ``'`` (:func:`csv_cell`).

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
from .timeline_csv import CSV_ENCODING, CSV_LINE_END, csv_cell

if TYPE_CHECKING:
    import pandas as pd

    from ..kg import KnowledgeGraph


def write_entities_csv(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write one row per entity node (id, label, type, aliases, mentions, docs)."""
    _write_df(kg.entities_df(), path)


def write_relations_csv(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write one row per edge (source, target, ids, type, role, weight, docs, evidence)."""
    df = kg.relations_df().sort_values(["source_id", "target_id", "type"], ignore_index=True)
    _write_df(df, path)


def _write_df(df: pd.DataFrame, path: str | Path) -> None:
    safe = df.map(csv_cell) if len(df) else df
    atomic_write(path, safe.to_csv(index=False, lineterminator=CSV_LINE_END), encoding=CSV_ENCODING)
