"""``graph.graphml``: the typed graph for networkx, Gephi, yEd and Cytoscape.

Attributes follow ``docs/output-format.md``; keys are named after the attributes
(``named_key_ids=True``). Gephi's GraphML importer maps node keys ``label``, ``size``,
``r``, ``g``, ``b``, ``x``, ``y`` and edge keys ``label``, ``weight`` onto its visual
properties, so nodes arrive laid out, coloured by type and sized by mentions;
graphology-graphml turns ``r``/``g``/``b`` into ``color``, which sigma.js draws. The node
type is ``kind`` and the edge type ``relation`` (sigma.js reserves ``type``); ``start`` and
``end`` give the same time as the GEXF file.

>>> import tempfile, pathlib
>>> from hunyuan_kg.kg import KnowledgeGraph
>>> kg = KnowledgeGraph()
>>> kg.graph.add_node("ORG:腾讯", label="腾讯", type="ORG", aliases=["腾讯", "鹅厂"],
...                   mentions=2, docs=["a"], evidence="腾讯发布。", sources=[])
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.graphml"
>>> write_graphml(kg, path)
>>> read_graphml(path).nodes["ORG:腾讯"]["aliases"]
['腾讯', '鹅厂']
>>> import networkx as nx
>>> sorted(nx.read_graphml(path).nodes["ORG:腾讯"])[:5]
['aliases', 'b', 'docs', 'evidence', 'g']
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from ..fileio import atomic_write
from ._flat import flat_edge, flat_node, restore_edge, restore_node, sorted_edges
from ._layout import positions
from ._style import node_size, type_color
from ._xml import unique_ids

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

#: Attributes added for viewers only; :func:`read_graphml` drops them again.
VISUAL_NODE_ATTRS = ("r", "g", "b", "size", "x", "y", "start", "end")
VISUAL_EDGE_ATTRS = ("label", "start", "end")


def to_graphml_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """The flattened graph that :func:`write_graphml` serialises (edge keys ``e0``, ``e1``...)."""
    from .gexf import edge_interval, event_periods, node_intervals

    g = kg.graph
    ids = unique_ids(str(n) for n in g.nodes)
    pos = positions(g)
    intervals = node_intervals(kg)
    periods = event_periods(kg)
    out = nx.MultiDiGraph()
    for node in sorted(g.nodes, key=str):
        attrs = flat_node(g.nodes[node])
        r, gr, b = type_color(attrs["kind"])
        x, y = pos[str(node)]
        attrs.update(r=r, g=gr, b=b, size=node_size(attrs["mentions"]), x=x, y=y)
        if str(node) in intervals:
            attrs["start"], attrs["end"] = intervals[str(node)]
        out.add_node(ids[str(node)], **attrs)
    for i, (u, v, data) in enumerate(sorted_edges(g)):
        attrs = flat_edge(data)
        attrs["label"] = attrs["role"] or attrs["relation"]
        span = edge_interval(u, v, data, periods)
        if span:
            attrs["start"], attrs["end"] = span
        out.add_edge(ids[u], ids[v], key=f"e{i}", **attrs)
    return out


def write_graphml(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write ``kg`` as GraphML to ``path`` (atomically, byte-identical for the same graph)."""
    buf = io.BytesIO()
    nx.write_graphml_xml(to_graphml_graph(kg), buf, named_key_ids=True)
    atomic_write(path, buf.getvalue())


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read a file from :func:`write_graphml` back into the in-memory schema.

    Node ``kind`` and edge ``relation`` are ``type`` again, lists (``aliases``, ``docs``)
    are split, edges are keyed as in memory (type, and role when there is one: every edge
    survives), empty ``date``/``granularity`` become None and the attributes for viewers
    (colour, size, position, time) are dropped; ``sources`` are not in the file.
    """
    raw = nx.read_graphml(path, force_multigraph=True)
    out = nx.MultiDiGraph()
    for node, data in raw.nodes(data=True):
        out.add_node(node, **restore_node(data, VISUAL_NODE_ATTRS))
    for u, v, data in raw.edges(data=True):
        key, attrs = restore_edge(data, VISUAL_EDGE_ATTRS)
        out.add_edge(u, v, key=key, **attrs)
    return out
