"""Node positions for the graph files, so that viewers which draw what they are given
(sigma.js, Gephi Lite, Cytoscape) open them laid out.

A force-directed layout (networkx ``spring_layout``, fixed seed) over the nodes that have
an edge, in sorted order: the same graph gives the same positions, whatever order it was
built in. Nodes without an edge go on an outer ring (in the layout they would squeeze
the connected part into the middle). In a graph of more than :data:`SPRING_MAX_NODES`
linked nodes only the most connected ones are laid out so (the layout is quadratic);
each other node is put beside its already placed neighbours. Run ForceAtlas2 in Gephi
for a finer picture. When every node already has numeric ``x`` and ``y`` attributes,
those are kept.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> _ = g.add_edge("ORG:腾讯", "PRODUCT:混元", type="develops")
>>> pos = positions(g)
>>> sorted(pos), all(-SCALE <= c <= SCALE for xy in pos.values() for c in xy)
(['ORG:腾讯', 'PRODUCT:混元'], True)
>>> positions(g) == pos
True
"""

from __future__ import annotations

import math

import networkx as nx

#: The spring layout fills [-SCALE, SCALE]; the ring of unlinked nodes lies at 1.1 SCALE.
SCALE = 1000.0
#: At most this many nodes go through spring_layout (its dense, numpy-only solver).
SPRING_MAX_NODES = 499
SEED = 16

_cache: dict[str, object] = {}


def _given(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]] | None:
    out = {}
    for node, data in g.nodes(data=True):
        x, y = data.get("x"), data.get("y")
        if not isinstance(x, int | float) or not isinstance(y, int | float):
            return None
        out[str(node)] = (float(x), float(y))
    return out


def _spring(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    simple = nx.Graph()
    simple.add_nodes_from(sorted(str(n) for n in g.nodes))
    simple.add_edges_from(sorted({tuple(sorted((str(u), str(v)))) for u, v in g.edges()}))
    linked = [n for n in simple if simple.degree(n)]
    core = sorted(linked, key=lambda n: (-simple.degree(n), n))[:SPRING_MAX_NODES]
    out: dict[str, tuple[float, float]] = {}
    if core:
        # three times networkx's default spacing: news graphs are hubs with many leaves,
        # which the default packs into the middle
        k = 3 / math.sqrt(len(core))
        pos = nx.spring_layout(simple.subgraph(sorted(core)), k=k, seed=SEED, scale=SCALE)
        out = {n: (float(xy[0]), float(xy[1])) for n, xy in pos.items()}
    frontier = sorted(core)
    step = SCALE / 20
    while frontier:
        new: list[str] = []
        for node in frontier:
            children = sorted(n for n in simple[node] if n not in out)
            x0, y0 = out[node]
            for k, child in enumerate(children):
                angle = 2 * math.pi * (k + 0.5) / len(children)
                radius = step * (1 + k % 3) / 2
                out[child] = (x0 + radius * math.cos(angle), y0 + radius * math.sin(angle))
                new.append(child)
        frontier = new
    rest = sorted(n for n in simple if n not in out)  # nodes without an edge
    for k, node in enumerate(rest):
        angle = 2 * math.pi * k / len(rest)
        out[node] = (1.1 * SCALE * math.cos(angle), 1.1 * SCALE * math.sin(angle))
    return out


def positions(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """``(x, y)`` of every node (by ``str(node)``), rounded to 2 decimals so that files stay
    byte-identical; computed once per graph state (GraphML and GEXF share it)."""
    edges = tuple(sorted((str(u), str(v)) for u, v in g.edges()))
    key = (id(g), tuple(sorted(str(n) for n in g.nodes)), edges)
    if _cache.get("key") == key:
        return _cache["pos"]  # type: ignore[return-value]
    pos = _given(g)
    if pos is None:
        pos = _spring(g)
    pos = {n: (round(x, 2) + 0.0, round(y, 2) + 0.0) for n, (x, y) in pos.items()}
    _cache.update(key=key, pos=pos)
    return pos
