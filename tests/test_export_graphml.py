"""graph.graphml: networkx reads it back with types intact; Gephi's keys are there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from lxml import etree

from hunyuan_kg.export import read_graphml, write_graphml
from hunyuan_kg.export._style import TYPE_COLORS, node_size
from hunyuan_kg.export._xml import clean_text
from hunyuan_kg.kg import KnowledgeGraph

NODE_KEYS = {"label", "type", "aliases", "mentions", "docs", "evidence"}
EVENT_KEYS = {"event_type", "date", "granularity", "status"}
EDGE_KEYS = {"relation", "role", "docs", "evidence", "weight"}


@pytest.fixture
def graphml(toy_kg: KnowledgeGraph, tmp_path: Path) -> Path:
    path = tmp_path / "graph.graphml"
    write_graphml(toy_kg, path)
    return path


def _expected_node(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "label": clean_text(data["label"]),
        "type": data["type"],
        "aliases": [clean_text(a) for a in data["aliases"]],
        "mentions": data["mentions"],
        "docs": list(data["docs"]),
        "evidence": clean_text(data["evidence"]),
    }
    if data["type"] == "EVENT":
        out.update({k: data[k] for k in EVENT_KEYS})
    return out


def test_networkx_reads_every_contract_attribute_with_its_type(graphml: Path) -> None:
    g = nx.read_graphml(graphml, force_multigraph=True)
    assert g.number_of_nodes() == 14
    for _, d in g.nodes(data=True):
        expected = NODE_KEYS | (EVENT_KEYS if d["type"] == "EVENT" else set())
        assert expected <= set(d)
        assert isinstance(d["mentions"], int)
        assert isinstance(d["x"], float) and isinstance(d["y"], float)
        assert all(isinstance(d[k], str) for k in expected - {"mentions"})
        assert "sources" not in d
        # lists are '|'-joined, never Python reprs
        assert not any(str(v).startswith(("[", "(", "{")) for v in d.values())
    for _, _, d in g.edges(data=True):
        assert set(d) >= EDGE_KEYS and "type" not in d
        assert isinstance(d["weight"], int)
        assert "sources" not in d
    labels = {d["label"] for _, d in g.nodes(data=True)}
    assert {"腾讯", "A&B <Lab>", "王五", "🚀火箭<script>alert(1)</script>"} <= labels
    assert g.nodes["ORG:腾讯"]["aliases"] == "Tencent|腾讯|腾讯公司"


def test_read_graphml_gives_back_the_in_memory_schema(
    toy_kg: KnowledgeGraph, graphml: Path
) -> None:
    g = read_graphml(graphml)
    assert isinstance(g, nx.MultiDiGraph)
    ids = {clean_text(str(n)): n for n in toy_kg.graph.nodes}
    assert set(g.nodes) == set(ids)
    for node, data in g.nodes(data=True):
        assert data == _expected_node(toy_kg.graph.nodes[ids[node]])
    assert g.nodes["EVENT:join"]["date"] is None
    want = {
        (clean_text(u), clean_text(v), k): (d["role"], d["weight"], d["docs"])
        for u, v, k, d in toy_kg.graph.edges(keys=True, data=True)
    }
    got = {
        (u, v, k): (clean_text(d["role"]), d["weight"], d["docs"])
        for u, v, k, d in g.edges(keys=True, data=True)
    }
    assert got == {k: (clean_text(r), w, docs) for k, (r, w, docs) in want.items()}


def test_gephi_visual_keys_colour_by_type_and_size_by_mentions(graphml: Path) -> None:
    root = etree.parse(str(graphml)).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {(k.get("for"), k.get("id")): k for k in root.iterfind("g:key", ns)}
    for name in ("r", "g", "b", "size", "label"):
        key = keys[("node", name)]
        assert key.get("attr.name") == name  # named_key_ids: Gephi matches on the id
    assert keys[("node", "r")].get("attr.type") in {"int", "long"}
    assert ("edge", "weight") in keys and ("edge", "label") in keys
    g = nx.read_graphml(graphml, force_multigraph=True)
    for _, d in g.nodes(data=True):
        assert (d["r"], d["g"], d["b"]) == TYPE_COLORS[d["type"]]
        assert d["size"] == node_size(d["mentions"])
    assert g.nodes["ORG:腾讯"]["size"] > g.nodes["LOC:深圳"]["size"]


def test_edge_ids_are_unique_for_gephi(toy_kg: KnowledgeGraph, graphml: Path) -> None:
    root = etree.parse(str(graphml)).getroot()
    ids = [e.get("id") for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(ids) == len(set(ids)) == toy_kg.graph.number_of_edges() == 18


def test_control_characters_never_reach_the_xml(toy_kg: KnowledgeGraph, graphml: Path) -> None:
    raw = graphml.read_bytes()
    assert b"\x07" not in raw
    etree.fromstring(raw)  # strict parser: raises on any invalid character
    assert "王五" in read_graphml(graphml).nodes["PERSON:王五"]["label"]
