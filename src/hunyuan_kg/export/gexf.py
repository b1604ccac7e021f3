"""``graph.gexf``: GEXF 1.3 for Gephi, with colours, sizes and a playable timeline.

The graph is ``mode="dynamic"`` with ``timeformat="date"``: an event node lives
during the period its date names (``2023-09`` → 2023-09-01 … 2023-09-30), its
participant edges likewise, and an entity from the start of its first dated event
to the end of its last one. Undated nodes and the other relations carry no time,
so Gephi shows them whenever both ends are visible. The same interval is also written
as plain ``start``/``end`` attributes, which readers without GEXF spells
(graphology-gexf, so Gephi Lite and sigma.js) keep. Attributes are declared with their
types; the node type is ``type``, as in memory, and the relation type is
``relation`` (GEXF reserves the edge's ``type`` XML attribute for directed/undirected).
Nodes carry ``viz:position`` from :func:`~hunyuan_kg.export._layout.positions`.

>>> import tempfile, pathlib
>>> from hunyuan_kg.kg import KnowledgeGraph
>>> kg = KnowledgeGraph()
>>> kg.graph.add_node("EVENT:e1", label="混元发布", type="EVENT", event_type="launch",
...                   date="2023-09", granularity="month", status="happened", aliases=[],
...                   mentions=1, docs=["a"], evidence="", sources=[])
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.gexf"
>>> write_gexf(kg, path)
>>> g = read_gexf(path)
>>> g.nodes["EVENT:e1"]["start"], g.nodes["EVENT:e1"]["end"]
('2023-09-01', '2023-09-30')
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree.ElementTree import Element, ElementTree, SubElement, indent

import networkx as nx

from ..fileio import atomic_writer
from ._dates import date_period
from ._flat import flat_edge, flat_node, restore_edge, restore_node, sorted_edges
from ._layout import positions
from ._meta import GENERATOR
from ._style import node_size, type_color
from ._xml import unique_ids
from ._xmlstream import XmlStream

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

NS_GEXF = "http://gexf.net/1.3"
NS_VIZ = "http://gexf.net/1.3/viz"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"

#: (title, GEXF type) of the declared attributes, in file order.
NODE_ATTRIBUTES = (
    ("type", "string"),
    ("aliases", "string"),
    ("mentions", "integer"),
    ("docs", "string"),
    ("evidence", "string"),
    ("event_type", "string"),
    ("date", "string"),
    ("granularity", "string"),
    ("status", "string"),
    ("start", "string"),
    ("end", "string"),
)
EDGE_ATTRIBUTES = (
    ("relation", "string"),
    ("role", "string"),
    ("docs", "string"),
    ("evidence", "string"),
    ("start", "string"),
    ("end", "string"),
)

Interval = tuple[str, str]


def _v(tag: str) -> str:
    return f"viz:{tag}"


def event_periods(kg: KnowledgeGraph) -> dict[str, Interval]:
    """Period of every dated event node, by node id."""
    periods: dict[str, Interval] = {}
    for node, data in kg.graph.nodes(data=True):
        if data.get("type") == "EVENT" and data.get("date"):
            try:
                periods[str(node)] = date_period(str(data["date"]))
            except ValueError:
                continue
    for event in kg.timeline:
        if event.id in kg.graph and event.id not in periods and event.date:
            try:
                periods[event.id] = date_period(event.date)
            except ValueError:
                continue
    return periods


def node_intervals(kg: KnowledgeGraph) -> dict[str, Interval]:
    """When each node is visible: events at their date, entities first → last event."""
    periods = event_periods(kg)
    seen: dict[str, list[Interval]] = defaultdict(list)
    for u, v, data in kg.graph.edges(data=True):
        if data.get("type") != "participant":
            continue
        for ev, entity in ((str(u), str(v)), (str(v), str(u))):
            if ev in periods and entity not in periods:
                seen[entity].append(periods[ev])
    for event in kg.timeline:
        if event.id in periods:
            for p in event.participants:
                if p.id in kg.graph and p.id not in periods:
                    seen[p.id].append(periods[event.id])
    out = dict(periods)
    for entity, spans in seen.items():
        out[entity] = (min(s for s, _ in spans), max(e for _, e in spans))
    return out


def edge_interval(
    u: str, v: str, data: Mapping[str, Any], periods: Mapping[str, Interval]
) -> Interval | None:
    if data.get("type") != "participant":
        return None
    return periods.get(u) or periods.get(v)


def _attvalues(parent: Element, values: Mapping[str, Any], titles: tuple[tuple[str, str], ...]):
    attvalues = SubElement(parent, "attvalues")
    for i, (title, _) in enumerate(titles):
        if title in values:
            SubElement(attvalues, "attvalue", {"for": str(i), "value": str(values[title])})


#: One step of writing a document: open an element (tag, attributes), write one whole
#: (an Element), or close the innermost open one (None).
_Part = tuple[str, dict[str, str]] | Element | None


def _parts(kg: KnowledgeGraph) -> Iterator[_Part]:
    """The GEXF document of ``kg``, one node or edge at a time (see :data:`_Part`)."""
    g = kg.graph
    ids = unique_ids(str(n) for n in g.nodes)
    pos = positions(g)
    intervals = node_intervals(kg)
    periods = event_periods(kg)

    yield (
        "gexf",
        {
            "xmlns": NS_GEXF,
            "xmlns:viz": NS_VIZ,
            "xmlns:xsi": NS_XSI,
            "xsi:schemaLocation": SCHEMA_LOCATION,
            "version": "1.3",
        },
    )
    meta = Element("meta")
    SubElement(meta, "creator").text = GENERATOR
    SubElement(meta, "description").text = "Knowledge graph of Chinese tech news"
    yield meta
    yield (
        "graph",
        {
            "defaultedgetype": "directed",
            "mode": "dynamic",
            "timeformat": "date",
            "timerepresentation": "interval",
        },
    )
    for cls, titles in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        attributes = Element("attributes", {"class": cls})
        for i, (title, kind) in enumerate(titles):
            SubElement(attributes, "attribute", {"id": str(i), "title": title, "type": kind})
        yield attributes

    yield "nodes", {"count": str(g.number_of_nodes())}
    for node in sorted(g.nodes, key=str):
        attrs = flat_node(g.nodes[node])
        el = Element("node", {"id": ids[str(node)], "label": attrs["label"]})
        if str(node) in intervals:
            attrs["start"], attrs["end"] = intervals[str(node)]
            el.set("start", attrs["start"])
            el.set("end", attrs["end"])
        _attvalues(el, attrs, NODE_ATTRIBUTES)
        r, gr, b = type_color(attrs["type"])
        SubElement(el, _v("color"), {"r": str(r), "g": str(gr), "b": str(b), "a": "1.0"})
        SubElement(el, _v("size"), {"value": str(node_size(attrs["mentions"]))})
        x, y = pos[str(node)]
        SubElement(el, _v("position"), {"x": str(x), "y": str(y), "z": "0.0"})
        yield el
    yield None

    yield "edges", {"count": str(g.number_of_edges())}
    for i, (u, v, data) in enumerate(sorted_edges(g)):
        attrs = flat_edge(data)
        el = Element(
            "edge",
            {
                "id": f"e{i}",
                "source": ids[u],
                "target": ids[v],
                "label": attrs["role"] or attrs["relation"],
                "weight": str(attrs["weight"]),
            },
        )
        span = edge_interval(u, v, data, periods)
        if span:
            attrs["start"], attrs["end"] = span
            el.set("start", span[0])
            el.set("end", span[1])
        _attvalues(el, attrs, EDGE_ATTRIBUTES)
        SubElement(el, _v("thickness"), {"value": str(attrs["weight"])})
        yield el
    yield None
    yield None  # graph
    yield None  # gexf


def to_gexf_tree(kg: KnowledgeGraph) -> ElementTree:
    """The GEXF document of ``kg`` as an ElementTree (what :func:`write_gexf` writes)."""
    stack: list[Element] = []
    root = Element("gexf")
    for part in _parts(kg):
        if part is None:
            root = stack.pop()
        elif isinstance(part, Element):
            stack[-1].append(part)
        else:
            el = Element(*part)
            if stack:
                stack[-1].append(el)
            stack.append(el)
    indent(root, space="  ")
    return ElementTree(root)


def write_gexf(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write ``kg`` as dynamic GEXF 1.3 to ``path`` (atomically, deterministically), one
    node or edge at a time: the bytes ElementTree writes for :func:`to_gexf_tree`."""
    with atomic_writer(path, errors="xmlcharrefreplace") as fh:
        xml = XmlStream(fh)
        for part in _parts(kg):
            if part is None:
                xml.end()
            elif isinstance(part, Element):
                xml.element(part)
            else:
                xml.start(*part)
        xml.write("\n")


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    """Read a file from :func:`write_gexf` with networkx, back into the in-memory schema.

    Lists are split, ``relation`` is ``type`` again, edges are keyed as in
    memory (type, and role when there is one: every edge survives), ``weight`` is an int
    again; ``start``/``end`` (ISO dates) and ``viz`` are kept as GEXF-specific extras.
    """
    raw = nx.read_gexf(path, version="1.3")
    out = nx.MultiDiGraph()
    for node, data in raw.nodes(data=True):
        out.add_node(node, **restore_node(data))
    for u, v, data in raw.edges(data=True):
        key, attrs = restore_edge(data, ("id", "label"))
        out.add_edge(u, v, key=key, **attrs)
    return out
