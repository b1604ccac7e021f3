"""write_all / FORMATS, determinism, atomic writes, the CSV tables, and random labels."""

from __future__ import annotations

import csv
import html
import json
import os
from pathlib import Path

import lxml.html
import networkx as nx
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hunyuan_kg import fileio
from hunyuan_kg.export import FORMATS, read_gexf, read_graphml, read_timeline_json, write_all
from hunyuan_kg.export._flat import edge_key
from hunyuan_kg.export._xml import clean_text
from hunyuan_kg.export.timeline_csv import csv_cell
from hunyuan_kg.kg import KnowledgeGraph
from hunyuan_kg.records import Participant, Source, TimelineEvent

ALL_FILES = [
    "graph.graphml", "graph.gexf", "timeline.json", "timeline.md", "timeline.csv",
    "timelinejs.json", "timeline.html", "entities.csv", "relations.csv", "explorer",
]  # fmt: skip


def test_kg_write_writes_every_format(toy_kg: KnowledgeGraph, tmp_path: Path) -> None:
    paths = toy_kg.write(tmp_path / "out")
    assert [p.name for p in paths] == ALL_FILES == [f for _, f in FORMATS.values()]
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths[:-1])
    assert (paths[-1] / "index.html").is_file()  # explorer/ is a folder
    # errors.jsonl too, as the command line writes it; no temp files left
    assert sorted(os.listdir(tmp_path / "out")) == sorted([*ALL_FILES, "errors.jsonl"])
    assert (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8") == ""


def test_write_all_selected_formats_in_order(toy_kg: KnowledgeGraph, tmp_path: Path) -> None:
    paths = write_all(toy_kg, tmp_path, ["html", "gexf", "html"])
    assert [p.name for p in paths] == ["timeline.html", "graph.gexf"]


def test_unknown_format_names_the_valid_ones(toy_kg: KnowledgeGraph, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"'pdf'.*valid formats: graphml, gexf, json, md, csv"):
        write_all(toy_kg, tmp_path / "out", ["json", "pdf"])
    assert not (tmp_path / "out").exists()  # nothing written


def _reordered(kg: KnowledgeGraph) -> KnowledgeGraph:
    """The same graph, with nodes, edges, events and documents inserted in reverse."""
    g = nx.MultiDiGraph()
    for node, data in reversed(list(kg.graph.nodes(data=True))):
        g.add_node(node, **data)
    for u, v, k, data in reversed(list(kg.graph.edges(keys=True, data=True))):
        g.add_edge(u, v, key=k, **data)
    return KnowledgeGraph(g, reversed(kg.events), reversed(kg.documents))


def test_same_graph_gives_byte_identical_files(toy_kg: KnowledgeGraph, tmp_path: Path) -> None:
    first = write_all(toy_kg, tmp_path / "a")
    again = write_all(toy_kg, tmp_path / "b")
    other = write_all(_reordered(toy_kg), tmp_path / "c")
    for p, q, r in zip(first, again, other, strict=True):
        if p.is_dir():  # explorer/
            p, q, r = p / "index.html", q / "index.html", r / "index.html"
        assert p.read_bytes() == q.read_bytes() == r.read_bytes(), p.name


def test_failed_write_leaves_the_old_file(
    toy_kg: KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "timeline.json"
    target.write_text("old", encoding="utf-8")

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(fileio.os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        write_all(toy_kg, tmp_path, ["json"])
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["timeline.json"]


def test_entity_and_relation_tables(toy_kg: KnowledgeGraph, tmp_path: Path) -> None:
    ents, rels = write_all(toy_kg, tmp_path, ["entities", "relations"])
    df = pd.read_csv(ents, dtype=str, keep_default_na=False)
    expected = toy_kg.entities_df().astype(str)
    pd.testing.assert_frame_equal(df, expected)
    rel = pd.read_csv(rels, dtype=str, keep_default_na=False)
    assert len(rel) == toy_kg.graph.number_of_edges()
    role = rel[(rel["source"] == "李明") & (rel["type"] == "role")]
    assert role["role"].tolist() == ["混元研究组负责人"]


def _one_label_kg(label: str) -> KnowledgeGraph:
    src = Source(doc=label, sentence=label, start=0, end=len(label))
    g = nx.MultiDiGraph()
    ent = f"ORG:{label}"
    g.add_node(
        ent,
        label=label,
        type="ORG",
        aliases=[label],
        mentions=1,
        docs=[label],
        evidence=label,
        sources=[src],
    )
    event = TimelineEvent(
        "EVENT:1",
        "launch",
        label,
        "2023-09",
        "month",
        participants=[Participant(ent, label, "ORG", "agent")],
        sources=[src],
    )
    g.add_node(
        event.id,
        label=label,
        type="EVENT",
        event_type="launch",
        date="2023-09",
        granularity="month",
        status="happened",
        aliases=[],
        mentions=1,
        docs=[label],
        evidence=label,
        sources=[src],
    )
    g.add_edge(
        event.id,
        ent,
        key="participant",
        type="participant",
        role=label,
        docs=[label],
        evidence=label,
        sources=[src],
        weight=1,
    )
    return KnowledgeGraph(g, [event])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(label=st.text(min_size=1, max_size=24))
def test_any_label_survives_every_export(label: str, tmp_path: Path) -> None:
    out = tmp_path / str(abs(hash(label)))
    write_all(_one_label_kg(label), out)
    clean = clean_text(label)
    ent = clean_text(f"ORG:{label}")

    g = read_graphml(out / "graph.graphml")
    assert g.nodes[ent]["label"] == clean and g.nodes[ent]["evidence"] == clean
    key = edge_key("participant", clean)
    assert g.edges["EVENT:1", ent, key]["role"] == clean
    x = read_gexf(out / "graph.gexf")
    assert x.nodes[ent]["label"] == clean
    assert x.edges["EVENT:1", ent, key]["role"] == clean

    (event,) = read_timeline_json(out / "timeline.json")
    assert event.title == label and event.sources[0].sentence == label
    with (out / "timeline.csv").open(encoding="utf-8-sig", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["title"] == csv_cell(label)  # a formula-like label gets a leading '
    tjs = json.loads((out / "timelinejs.json").read_text(encoding="utf-8"))
    assert tjs["events"][0]["text"]["headline"] == html.escape(clean)

    page = lxml.html.fromstring((out / "timeline.html").read_bytes())
    (headline,) = page.xpath("//h3[@class='headline']")
    assert headline.text_content() == clean
    assert len(page.xpath("//script")) == 1

    md = (out / "timeline.md").read_text(encoding="utf-8").splitlines()
    assert sum(line.startswith("- **2023-09**") for line in md) == 1
    assert [line for line in md if line.startswith("#")] == ["# Timeline", "## 2023"]
