"""Shared fixtures: ``toy_kg``, a small hand-built graph that follows the schema in kg.py.

The story (sentences written for these tests): Tencent sets up a research group in
2021, launches the Hunyuan model on 2023-09-07, open-sources a text-to-image model in
2024-05 and plans a new release for 2024-12; one join event has no date. With
``nasty=True`` (the fixture) labels also carry emoji, ``<script>``, ``&`` and a
control character, as scraped articles sometimes do.
"""

from __future__ import annotations

import os
from typing import Any

os.environ.setdefault("MPLBACKEND", "Agg")

import networkx as nx
import pytest

from hunyuan_kg.kg import DocumentInfo, KnowledgeGraph
from hunyuan_kg.records import Participant, Source, TimelineEvent

#: What the page's <title> would become if an injected script ran.
PWNED = "pwned"
SCRIPT_TITLE = f"混元开源 <script>document.title='{PWNED}'</script> & 🚀"


def _src(doc: str, sentence: str, date_text: str = "") -> Source:
    return Source(doc=doc, sentence=sentence, start=0, end=len(sentence), date_text=date_text)


def _entity(
    g: nx.MultiDiGraph, type_: str, label: str, aliases: list[str], mentions: int, *srcs: Source
) -> str:
    node = f"{type_}:{label}"
    g.add_node(
        node,
        label=label,
        type=type_,
        aliases=sorted({label, *aliases}),
        mentions=mentions,
        docs=sorted({s.doc for s in srcs}),
        evidence=srcs[0].sentence if srcs else "",
        sources=list(srcs),
    )
    return node


def _edge(g: nx.MultiDiGraph, u: str, v: str, type_: str, role: str, *srcs: Source) -> None:
    g.add_edge(
        u,
        v,
        key=f"{type_}:{role}" if role else type_,  # as graph.build_graph keys them
        type=type_,
        role=role,
        docs=sorted({s.doc for s in srcs}),
        evidence=srcs[0].sentence if srcs else "",
        sources=list(srcs),
        weight=len({s.sentence for s in srcs}) or 1,
    )


def build_toy_kg(*, nasty: bool = True) -> KnowledgeGraph:
    """The toy graph; ``nasty=False`` gives clean labels (for documentation figures)."""
    g = nx.MultiDiGraph()
    s_found = _src("a1", "2021年，腾讯成立了混元研究组，由李明负责。", "2021年")
    s_launch = _src("a2", "2023年9月7日，腾讯正式发布混元大模型。", "2023年9月7日")
    s_open = _src("a3", "2024年5月，腾讯开源混元文生图模型。", "2024年5月")
    s_plan = _src("a3", "腾讯计划于2024年12月推出混元新版本。", "2024年12月")
    s_join = _src("a1", "李明此前加入腾讯。")
    s_cloud = _src("a2", "混元大模型通过腾讯云对外开放。")

    tencent = _entity(g, "ORG", "腾讯", ["腾讯公司", "Tencent"], 9, s_found, s_launch, s_open)
    cloud = _entity(g, "ORG", "腾讯云", [], 2, s_cloud)
    li = _entity(g, "PERSON", "李明", [], 3, s_found, s_join)
    hunyuan = _entity(g, "PRODUCT", "混元大模型", ["混元", "HunYuan"], 6, s_launch, s_cloud)
    t2i = _entity(g, "PRODUCT", "混元文生图", [], 2, s_open)
    _entity(g, "LOC", "深圳", [], 1, s_found)

    _edge(g, li, tencent, "role", "混元研究组负责人", s_found)
    _edge(g, cloud, tencent, "part_of", "", s_cloud)
    _edge(g, tencent, hunyuan, "develops", "", s_launch, s_cloud)
    _edge(g, t2i, hunyuan, "based_on", "", s_open)
    _edge(g, hunyuan, cloud, "uses", "", s_cloud)

    open_title = "混元文生图开源"
    if nasty:
        open_title = SCRIPT_TITLE
        s_nasty = _src("a3", "A&B <Lab> 与 🚀火箭团队合作，王\x07五参与。")
        lab = _entity(g, "ORG", "A&B <Lab>", ["A&B"], 1, s_nasty)
        rocket = _entity(g, "PRODUCT", "🚀火箭<script>alert(1)</script>", [], 1, s_nasty)
        wang = _entity(g, "PERSON", "王\x07五", ["王五"], 1, s_nasty)
        _edge(g, wang, lab, "role", "研究员 <b>&</b>", s_nasty)
        _edge(g, lab, rocket, "develops", "", s_nasty)
        _edge(g, lab, tencent, "competes_with", "", s_nasty)

    def P(node: str, role: str) -> Participant:
        d: dict[str, Any] = g.nodes[node]
        return Participant(id=node, label=d["label"], type=d["type"], role=role)

    events = [
        TimelineEvent(
            "EVENT:found-2021",
            "found",
            "腾讯成立混元研究组",
            "2021",
            "year",
            participants=[P(tencent, "agent"), P(li, "person")],
            sources=[s_found],
        ),
        TimelineEvent(
            "EVENT:launch-2023",
            "launch",
            "腾讯发布混元大模型",
            "2023-09-07",
            "day",
            participants=[P(tencent, "agent"), P(hunyuan, "theme")],
            sources=[s_launch],
        ),
        TimelineEvent(
            "EVENT:open-2024",
            "open_source",
            open_title,
            "2024-05",
            "month",
            participants=[P(tencent, "agent"), P(t2i, "theme")],
            sources=[s_open],
        ),
        TimelineEvent(
            "EVENT:plan-2024",
            "release",
            "腾讯计划推出混元新版本",
            "2024-12",
            "month",
            status="planned",
            participants=[P(tencent, "agent"), P(hunyuan, "theme")],
            sources=[s_plan],
        ),
        TimelineEvent(
            "EVENT:join",
            "join",
            "李明加入腾讯",
            None,
            None,
            participants=[P(li, "person"), P(tencent, "org")],
            sources=[s_join],
        ),
    ]
    for e in events:
        g.add_node(
            e.id,
            label=e.title,
            type="EVENT",
            event_type=e.type,
            date=e.date,
            granularity=e.granularity,
            status=e.status,
            aliases=[],
            mentions=len(e.sources),
            docs=sorted({s.doc for s in e.sources}),
            evidence=e.sources[0].sentence,
            sources=list(e.sources),
        )
        for p in e.participants:
            _edge(g, e.id, p.id, "participant", p.role or "", *e.sources)

    documents = [
        DocumentInfo("a1", "腾讯成立混元研究组", "a1.txt", "2021-06-01", "meta"),
        DocumentInfo("a2", "混元大模型发布", "a2.html", "2023-09-07", "meta"),
        DocumentInfo(
            "a3",
            "开源 <script>alert(2)</script>" if nasty else "混元开源",
            "a3.txt",
            "2024-05-20",
            "meta",
        ),
    ]
    return KnowledgeGraph(g, events, documents)


@pytest.fixture
def toy_kg() -> KnowledgeGraph:
    """A fresh toy graph with nasty labels (tests may mutate it)."""
    return build_toy_kg(nasty=True)
