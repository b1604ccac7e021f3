"""Flatten the in-memory graph into scalar, XML-safe attributes (shared by GraphML/GEXF).

Lists become ``'|'``-joined strings, ``None`` becomes ``''``, ``sources`` are dropped
and all text goes through :func:`~hunyuan_kg.export._xml.clean_text`.

>>> flat_node({"label": "腾讯", "type": "ORG", "aliases": ["腾讯", "鹅厂"], "mentions": 2,
...            "docs": ["a"], "evidence": "", "sources": []})["aliases"]
'腾讯|鹅厂'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import networkx as nx

from ._xml import clean_text

LIST_SEP = "|"
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
    """Scalar attributes of one edge: type, role, docs, evidence and ``weight``."""
    out: dict[str, Any] = {key: _text(data.get(key)) for key in EDGE_TEXT}
    out["weight"] = int(data.get("weight") or 1)
    return out


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
