"""Flatten the in-memory graph into scalar, XML-safe attributes (shared by GraphML/GEXF).

Lists become ``'|'``-joined strings, ``None`` becomes ``''``, ``sources`` are dropped
and all text goes through :func:`~hunyuan_kg.export._xml.clean_text`. The node type is
written as ``type``, as in memory (what networkx and Gephi users read), and the edge type as
``relation``: GEXF reserves the edge's ``type`` for directed/undirected.

>>> node = flat_node({"label": "腾讯", "type": "ORG", "aliases": ["腾讯", "鹅厂"],
...                   "mentions": 2, "docs": ["a"], "evidence": "", "sources": []})
>>> node["aliases"], node["type"]
('腾讯|鹅厂', 'ORG')
>>> edge_key("role", "CEO"), edge_key("develops", "")
('role:CEO', 'develops')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import networkx as nx

from ._xml import clean_text

LIST_SEP = "|"
#: File attribute of the edge type (the in-memory ``type``).
EDGE_KIND = "relation"
NODE_TEXT = ("label", "type", "aliases", "docs", "evidence")
EVENT_TEXT = ("event_type", "date", "granularity", "status")
EDGE_TEXT = ("type", "role", "docs", "evidence")
LIST_ATTRS = ("aliases", "docs")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Iterable):
        return LIST_SEP.join(clean_text(str(v)) for v in value)
    return clean_text(str(value))


def flat_node(data: Mapping[str, Any]) -> dict[str, Any]:
    """Scalar attributes of one node: the contract's text fields plus ``mentions``."""
    out: dict[str, Any] = {key: _text(data.get(key)) for key in NODE_TEXT}
    out["mentions"] = int(data.get("mentions") or 0)
    if data.get("type") == "EVENT":
        out.update({key: _text(data.get(key)) for key in EVENT_TEXT})
    return out


def flat_edge(data: Mapping[str, Any]) -> dict[str, Any]:
    """Scalar attributes of one edge: relation (the type), role, docs, evidence, weight."""
    out: dict[str, Any] = {key: _text(data.get(key)) for key in EDGE_TEXT}
    out[EDGE_KIND] = out.pop("type")
    out["weight"] = int(data.get("weight") or 1)
    return out


def edge_key(relation: str, role: str) -> str:
    """The in-memory graph's edge key: the type, and the role when there is one (two
    ``role`` edges between one pair, CEO and 创始人, are two edges)."""
    return f"{relation}:{role}" if role else relation


def sorted_edges(g: nx.MultiDiGraph) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Edges ordered by (source, target, type) so that exports are deterministic."""
    edges = sorted(g.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    for u, v, _, data in edges:
        yield str(u), str(v), data


def split_list(value: Any) -> list[str]:
    """Inverse of the ``'|'`` join (``''`` gives ``[]``)."""
    return str(value).split(LIST_SEP) if value not in (None, "") else []


def restore_node(data: Mapping[str, Any], drop: Iterable[str] = ()) -> dict[str, Any]:
    """Inverse of :func:`flat_node` as far as the file keeps it: lists split again, empty
    dates back to ``None``; ``drop`` names attributes to leave out (visual ones)."""
    attrs = {k: v for k, v in data.items() if k not in set(drop)}
    for key in LIST_ATTRS:
        attrs[key] = split_list(attrs.get(key))
    for key in ("date", "granularity"):
        if key in attrs and attrs[key] == "":
            attrs[key] = None
    return attrs


def restore_edge(data: Mapping[str, Any], drop: Iterable[str] = ()) -> tuple[str, dict[str, Any]]:
    """Inverse of :func:`flat_edge`: the edge's key (:func:`edge_key`) and its attributes
    with ``type`` back, lists split and ``weight`` an int; ``drop`` as in
    :func:`restore_node`."""
    attrs = {k: v for k, v in data.items() if k not in set(drop)}
    attrs["type"] = str(attrs.pop(EDGE_KIND, attrs.get("type", "")))
    attrs["role"] = str(attrs.get("role") or "")
    attrs["docs"] = split_list(attrs.get("docs"))
    attrs["weight"] = int(attrs.get("weight", 1))
    return edge_key(attrs["type"], attrs["role"]), attrs
