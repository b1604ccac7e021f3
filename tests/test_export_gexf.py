"""graph.gexf: GEXF 1.3 structure (RELAX NG), dynamic time for Gephi's slider, networkx reads it."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from hunyuan_kg.export import read_gexf, write_gexf
from hunyuan_kg.export._style import TYPE_COLORS
from hunyuan_kg.kg import KnowledgeGraph

NS = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
SCHEMA = Path(__file__).parent / "data" / "gexf-1.3-subset.rng"


@pytest.fixture(scope="module")
def relaxng() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMA)))


@pytest.fixture
def gexf(toy_kg: KnowledgeGraph, tmp_path: Path) -> Path:
    path = tmp_path / "graph.gexf"
    write_gexf(toy_kg, path)
    return path


def test_valid_against_the_gexf_13_grammar(gexf: Path, relaxng: etree.RelaxNG) -> None:
    assert relaxng.validate(etree.parse(str(gexf))), relaxng.error_log


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('mode="dynamic"', 'mode="moving"'),
        ('xmlns="http://gexf.net/1.3"', 'xmlns="http://www.gexf.net/1.2draft"'),
        ('r="225"', 'r="300"'),
        ('type="integer"', 'type="int"'),
        ('start="2021-01-01"', 'start="early 2021"'),
    ],
)
def test_grammar_rejects_broken_files(
    gexf: Path, relaxng: etree.RelaxNG, old: str, new: str
) -> None:
    text = gexf.read_text(encoding="utf-8")
    assert old in text
    broken = etree.fromstring(text.replace(old, new, 1).encode("utf-8"))
    assert not relaxng.validate(broken)


def test_dynamic_graph_header_and_typed_attributes(gexf: Path) -> None:
    root = etree.parse(str(gexf)).getroot()
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    graph = root.find("g:graph", NS)
    assert graph is not None
    assert graph.get("mode") == "dynamic"
    assert graph.get("timeformat") == "date"
    assert graph.get("defaultedgetype") == "directed"
    declared = {
        (a.getparent().get("class"), a.get("title")): a.get("type")
        for a in graph.iterfind("g:attributes/g:attribute", NS)
    }
    assert declared[("node", "mentions")] == "integer"
    assert declared[("node", "aliases")] == "string"
    assert declared[("edge", "relation")] == "string"
    assert root.find("g:meta", NS).get("lastmodifieddate") is None  # no timestamps


def _nodes(gexf: Path) -> dict[str, etree._Element]:
    root = etree.parse(str(gexf)).getroot()
    return {n.get("id"): n for n in root.iterfind("g:graph/g:nodes/g:node", NS)}


def test_time_intervals_play_2021_to_2024(gexf: Path) -> None:
    nodes = _nodes(gexf)
    span = {i: (n.get("start"), n.get("end")) for i, n in nodes.items()}
    assert span["EVENT:found-2021"] == ("2021-01-01", "2021-12-31")
    assert span["EVENT:launch-2023"] == ("2023-09-07", "2023-09-07")
    assert span["EVENT:open-2024"] == ("2024-05-01", "2024-05-31")
    assert span["EVENT:plan-2024"] == ("2024-12-01", "2024-12-31")
    # an entity lives from its first dated event to its last one
    assert span["ORG:腾讯"] == ("2021-01-01", "2024-12-31")
    assert span["PRODUCT:混元大模型"] == ("2023-09-07", "2024-12-31")
    assert span["PERSON:李明"] == ("2021-01-01", "2021-12-31")
    # undated: no interval, so Gephi shows them throughout
    assert span["EVENT:join"] == (None, None)
    assert span["LOC:深圳"] == (None, None)
    starts = sorted(s for s, _ in span.values() if s)
    assert starts[0][:4] == "2021" and max(e for _, e in span.values() if e)[:4] == "2024"


def test_participant_edges_at_the_event_date(gexf: Path) -> None:
    root = etree.parse(str(gexf)).getroot()
    relation_id = next(
        a.get("id")
        for a in root.iterfind("g:graph/g:attributes[@class='edge']/g:attribute", NS)
        if a.get("title") == "relation"
    )
    for edge in root.iterfind("g:graph/g:edges/g:edge", NS):
        relation = edge.find(f"g:attvalues/g:attvalue[@for='{relation_id}']", NS).get("value")
        if relation == "participant" and edge.get("source") != "EVENT:join":
            assert edge.get("start") and edge.get("end")
        else:
            assert edge.get("start") is None
        assert edge.get("type") is None  # GEXF's own edge type stays directed by default
        if edge.get("source") == "EVENT:open-2024" and relation == "participant":
            assert (edge.get("start"), edge.get("end")) == ("2024-05-01", "2024-05-31")


def test_viz_colour_per_type_and_size_by_mentions(gexf: Path) -> None:
    nodes = _nodes(gexf)
    for node_id, n in nodes.items():
        color = n.find("viz:color", NS)
        rgb = (int(color.get("r")), int(color.get("g")), int(color.get("b")))
        assert rgb == TYPE_COLORS[node_id.split(":", 1)[0]]
    size = {i: float(n.find("viz:size", NS).get("value")) for i, n in nodes.items()}
    assert size["ORG:腾讯"] > size["PRODUCT:混元大模型"] > size["LOC:深圳"]


def test_networkx_reads_it_back_with_types_intact(toy_kg: KnowledgeGraph, gexf: Path) -> None:
    g = read_gexf(gexf)
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == toy_kg.graph.number_of_nodes()
    assert g.number_of_edges() == toy_kg.graph.number_of_edges()
    tencent = g.nodes["ORG:腾讯"]
    assert tencent["label"] == "腾讯" and tencent["type"] == "ORG"
    assert tencent["aliases"] == ["Tencent", "腾讯", "腾讯公司"]
    assert tencent["mentions"] == 9 and isinstance(tencent["mentions"], int)
    assert g.nodes["EVENT:plan-2024"]["status"] == "planned"
    assert g.nodes["EVENT:join"]["date"] is None
    edge = g.edges["PERSON:李明", "ORG:腾讯", "role:混元研究组负责人"]
    assert edge["role"] == "混元研究组负责人" and edge["weight"] == 1
    assert isinstance(edge["weight"], int) and edge["docs"] == ["a1"]
    labels = {d["label"] for _, d in g.nodes(data=True)}
    assert {"A&B <Lab>", "王五", "🚀火箭<script>alert(1)</script>"} <= labels


def test_nasty_labels_make_well_formed_xml(gexf: Path) -> None:
    raw = gexf.read_bytes()
    assert b"\x07" not in raw
    root = etree.fromstring(raw)  # strict parser
    labels = [n.get("label") for n in root.iterfind("g:graph/g:nodes/g:node", NS)]
    assert "混元开源 <script>document.title='pwned'</script> & 🚀" in labels
