"""``graph.graphml``: the typed graph for networkx, Gephi, yEd and Cytoscape.

Attributes follow ``docs/output-format.md``; keys are named after the attributes
(``named_key_ids=True``). Gephi's GraphML importer maps node keys ``label``, ``size``,
``r``, ``g``, ``b`` and edge keys ``label``, ``weight`` onto its visual properties, so
nodes arrive coloured by type and sized by mentions.

>>> import tempfile, pathlib
>>> from hunyuan_kg.kg import KnowledgeGraph
>>> kg = KnowledgeGraph()
>>> kg.graph.add_node("ORG:腾讯", label="腾讯", type="ORG", aliases=["腾讯", "鹅厂"],
...                   mentions=2, docs=["a"], evidence="腾讯发布。", sources=[])
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.graphml"
>>> write_graphml(kg, path)
>>> read_graphml(path).nodes["ORG:腾讯"]["aliases"]
['腾讯', '鹅厂']
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from ..fileio import atomic_write
from ._flat import flat_edge, flat_node, restore_node, sorted_edges, split_list
from ._style import node_size, type_color
from ._xml import unique_ids

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

#: Attributes added for Gephi only; :func:`read_graphml` drops them again.
VISUAL_NODE_ATTRS = ("r", "g", "b", "size")
VISUAL_EDGE_ATTRS = ("label",)


def to_graphml_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """The flattened graph that :func:`write_graphml` serialises (edge keys ``e0``, ``e1``...)."""
    g = kg.graph
    ids = unique_ids(str(n) for n in g.nodes)
    out = nx.MultiDiGraph()
    for node in sorted(g.nodes, key=str):
        attrs = flat_node(g.nodes[node])
        r, gr, b = type_color(attrs["type"])
        attrs.update(r=r, g=gr, b=b, size=node_size(attrs["mentions"]))
        out.add_node(ids[str(node)], **attrs)
    for i, (u, v, data) in enumerate(sorted_edges(g)):
        attrs = flat_edge(data)
        attrs["label"] = attrs["role"] or attrs["type"]
        out.add_edge(ids[u], ids[v], key=f"e{i}", **attrs)
    return out


def write_graphml(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write ``kg`` as GraphML to ``path`` (atomically, byte-identical for the same graph)."""
    buf = io.BytesIO()
    nx.write_graphml_xml(to_graphml_graph(kg), buf, named_key_ids=True)
    atomic_write(path, buf.getvalue())


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read a file from :func:`write_graphml` back into the in-memory schema.

    Lists (``aliases``, ``docs``) are split again, edges are keyed by their relation
    type, empty ``date``/``granularity`` become None and the Gephi-only visual
    attributes are dropped; ``sources`` are not in the file.
    """
    raw = nx.read_graphml(path, force_multigraph=True)
    out = nx.MultiDiGraph()
    for node, data in raw.nodes(data=True):
        out.add_node(node, **restore_node(data, VISUAL_NODE_ATTRS))
    for u, v, data in raw.edges(data=True):
        attrs = {k: val for k, val in data.items() if k not in VISUAL_EDGE_ATTRS}
        attrs["docs"] = split_list(attrs.get("docs"))
        out.add_edge(u, v, key=attrs.get("type"), **attrs)
    return out
