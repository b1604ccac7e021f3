"""The Gephi files and the explorer page are written a node or an edge at a time: the
bytes are those of serialising the whole document at once."""

from __future__ import annotations

import io

import networkx as nx
import pytest

from hunyuan_kg.export.explorer import explorer_data, explorer_html, write_explorer
from hunyuan_kg.export.gexf import to_gexf_tree, write_gexf
from hunyuan_kg.export.graphml import to_graphml_graph, write_graphml
from hunyuan_kg.kg import DocumentInfo, KnowledgeGraph
from hunyuan_kg.records import Participant, Source, TimelineEvent

HOSTILE = 'a "quoted" <tag> & 混元\n🚀 \u2028 end'


def _kg() -> KnowledgeGraph:
    g = nx.MultiDiGraph()
    src = Source("d1", HOSTILE, 0, 3)
    g.add_node(
        "ORG:腾讯",
        label="腾讯",
        type="ORG",
        aliases=["腾讯", "鹅厂"],
        mentions=3,
        docs=["d1", "d2"],
        evidence=HOSTILE,
        sources=[src],
    )
    g.add_node(
        "PRODUCT:混元<&>",
        label="混元<&>",
        type="PRODUCT",
        aliases=[],
        mentions=1,
        docs=["d2"],
        evidence="",
        sources=[],
    )
    g.add_node(
        "EVENT:launch:2023-09:混元",
        label="腾讯发布混元",
        type="EVENT",
        event_type="launch",
        date="2023-09",
        granularity="month",
        status="happened",
        aliases=[],
        mentions=1,
        docs=["d1"],
        evidence=HOSTILE,
        sources=[src],
    )
    edge = {"docs": ["d1"], "evidence": HOSTILE, "sources": [src], "weight": 2}
    g.add_edge("ORG:腾讯", "PRODUCT:混元<&>", key="develops", type="develops", role="", **edge)
    g.add_edge("ORG:腾讯", "PRODUCT:混元<&>", key="role:CEO", type="role", role="CEO", **edge)
    g.add_edge(
        "EVENT:launch:2023-09:混元",
        "ORG:腾讯",
        key="participant:agent",
        type="participant",
        role="agent",
        **edge,
    )
    parts = [Participant("ORG:腾讯", "腾讯", "ORG", "agent")]
    events = [TimelineEvent("EVENT:launch:2023-09:混元", "launch", "腾讯发布混元", "2023-09")]
    events[0].participants, events[0].sources = parts, [src, Source("d9", "别处。", 0, 1)]
    docs = [
        DocumentInfo("d2", "二", None, "2023-09-02", "metadata"),
        DocumentInfo("d1", HOSTILE, None, None, "none"),
    ]
    return KnowledgeGraph(g, events, docs)


@pytest.mark.parametrize("kg", [_kg(), KnowledgeGraph()], ids=["graph", "empty"])
def test_graphml_is_what_networkx_writes_for_the_whole_graph(kg, tmp_path):
    whole = io.BytesIO()
    nx.write_graphml_xml(to_graphml_graph(kg), whole, named_key_ids=True)
    write_graphml(kg, tmp_path / "g.graphml")
    assert (tmp_path / "g.graphml").read_bytes() == whole.getvalue()
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == len(kg.graph)


@pytest.mark.parametrize("kg", [_kg(), KnowledgeGraph()], ids=["graph", "empty"])
def test_gexf_is_what_elementtree_writes_for_the_whole_tree(kg, tmp_path):
    whole = io.BytesIO()
    to_gexf_tree(kg).write(whole, encoding="utf-8", xml_declaration=True)
    write_gexf(kg, tmp_path / "g.gexf")
    assert (tmp_path / "g.gexf").read_bytes() == whole.getvalue() + b"\n"
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_edges() == kg.graph.number_of_edges()


def test_explorer_page_written_in_pieces_is_the_page(tmp_path):
    kg = _kg()
    write_explorer(kg, tmp_path / "explorer")
    page = (tmp_path / "explorer" / "index.html").read_text(encoding="utf-8")
    assert page == explorer_html(kg, tmp_path / "explorer")
    data = explorer_data(kg)
    assert [d[0] for d in data["docs"]] == ["d1", "d2", "d9"]  # d9: cited only
    assert data["sentences"] == [HOSTILE, "别处。"]
    (event,) = data["events"]
    assert event["ev"] == [[0, 0], [1, 2]]
    assert HOSTILE not in page and "\\u003ctag\\u003e" in page
