"""``graph.graphml``: the typed graph for networkx, Gephi, yEd and Cytoscape.

Attributes follow ``docs/output-format.md``; keys are named after the attributes
(``named_key_ids=True``). Gephi's GraphML importer maps node keys ``label``, ``size``,
``r``, ``g``, ``b``, ``x``, ``y`` and edge keys ``label``, ``weight`` onto its visual
properties, so nodes arrive laid out, coloured by type and sized by mentions;
graphology-graphml turns ``r``/``g``/``b`` into ``color``, which sigma.js draws. The node
type is ``type`` as in memory and the edge type ``relation`` (as in GEXF); ``start`` and
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

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from xml.etree.ElementTree import Element, SubElement

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from ..fileio import atomic_writer
from ._flat import flat_edge, flat_node, restore_edge, restore_node, sorted_edges
from ._layout import positions
from ._style import node_size, type_color
from ._xml import unique_ids
from ._xmlstream import XmlStream

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

#: Attributes added for viewers only; :func:`read_graphml` drops them again.
VISUAL_NODE_ATTRS = ("r", "g", "b", "size", "x", "y", "start", "end")
VISUAL_EDGE_ATTRS = ("label", "start", "end")


class _Context(NamedTuple):
    """What every node and edge of the file needs from the whole graph."""

    ids: dict[str, str]
    pos: dict[str, tuple[float, float]]
    intervals: dict[str, tuple[str, str]]
    periods: dict[str, tuple[str, str]]


def _context(kg: KnowledgeGraph) -> _Context:
    from .gexf import event_periods, node_intervals

    g = kg.graph
    return _Context(
        unique_ids(str(n) for n in g.nodes), positions(g), node_intervals(kg), event_periods(kg)
    )


def _items(
    kg: KnowledgeGraph, ctx: _Context
) -> Iterator[tuple[str, tuple[str, ...], dict[str, Any]]]:
    """``("node", (id,), attributes)`` of every node, then ``("edge", (source, target,
    key), attributes)`` of every edge, in file order, one at a time."""
    from .gexf import edge_interval

    g = kg.graph
    for node in sorted(g.nodes, key=str):
        attrs = flat_node(g.nodes[node])
        r, gr, b = type_color(attrs["type"])
        x, y = ctx.pos[str(node)]
        attrs.update(r=r, g=gr, b=b, size=node_size(attrs["mentions"]), x=x, y=y)
        if str(node) in ctx.intervals:
            attrs["start"], attrs["end"] = ctx.intervals[str(node)]
        yield "node", (ctx.ids[str(node)],), attrs
    for i, (u, v, data) in enumerate(sorted_edges(g)):
        attrs = flat_edge(data)
        attrs["label"] = attrs["role"] or attrs["relation"]
        span = edge_interval(u, v, data, ctx.periods)
        if span:
            attrs["start"], attrs["end"] = span
        yield "edge", (ctx.ids[u], ctx.ids[v], f"e{i}"), attrs


def to_graphml_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """The flattened graph that :func:`write_graphml` serialises (edge keys ``e0``, ``e1``...)."""
    out = nx.MultiDiGraph()
    for kind, ends, attrs in _items(kg, _context(kg)):
        if kind == "node":
            out.add_node(ends[0], **attrs)
        else:
            out.add_edge(ends[0], ends[1], key=ends[2], **attrs)
    return out


def write_graphml(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write ``kg`` as GraphML to ``path`` (atomically, byte-identical for the same graph).

    The file is what ``nx.write_graphml_xml(to_graphml_graph(kg), named_key_ids=True)``
    writes, byte for byte, but written one node or edge at a time: a first pass finds
    the attribute keys (declared in reverse order of first use, as networkx does), a
    second writes the elements."""
    ctx = _context(kg)
    types = GraphMLWriter()
    keys: dict[tuple[str, str, str], None] = {}
    for kind, _, attrs in _items(kg, ctx):
        for name, value in attrs.items():
            keys.setdefault((str(name), _xml_type(types, value), kind), None)
    with atomic_writer(path, errors="xmlcharrefreplace") as fh:
        xml = XmlStream(fh)
        xml.start(
            "graphml",
            {
                "xmlns": GraphMLWriter.NS_GRAPHML,
                "xmlns:xsi": GraphMLWriter.NS_XSI,
                "xsi:schemaLocation": GraphMLWriter.SCHEMALOCATION,
            },
        )
        for name, xml_type, kind in reversed(keys):
            xml.element(
                Element("key", {"id": name, "for": kind, "attr.name": name, "attr.type": xml_type})
            )
        xml.start("graph", {"edgedefault": "directed"})
        for kind, ends, attrs in _items(kg, ctx):
            if kind == "node":
                el = Element("node", {"id": ends[0]})
            else:
                el = Element("edge", {"source": ends[0], "target": ends[1], "id": ends[2]})
            for name, value in attrs.items():
                SubElement(el, "data", {"key": str(name)}).text = str(value)
            xml.element(el)
        xml.end()
        xml.end()
        xml.write("\n")  # networkx indents the root element's tail too


def _xml_type(types: GraphMLWriter, value: object) -> str:
    """The GraphML type networkx declares for ``value`` (an error for one it cannot write)."""
    if type(value) not in types.xml_type:
        raise nx.NetworkXError(f"GraphML writer does not support {type(value)} as data values.")
    return str(types.get_xml_type(type(value)))


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read a file from :func:`write_graphml` back into the in-memory schema.

    Edge ``relation`` is ``type`` again, lists (``aliases``, ``docs``)
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
