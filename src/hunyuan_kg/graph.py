"""Build the :class:`~hunyuan_kg.kg.KnowledgeGraph` from per-document extractions.

Mentions resolve to entity nodes, relation candidates to typed edges (one edge per head,
tail, type and role; ``weight`` counts distinct evidence sentences), event reports to event
nodes with ``participant`` edges. Every report of a happened or planned launch whose agent
is an organisation also gives a ``develops`` edge to each product launched; a launch with no
agent takes the one developer its document names for the product.

>>> import hunyuan_kg
>>> from hunyuan_kg.ingest import document_from_text
>>> from hunyuan_kg.extraction import extract_documents
>>> nlp = hunyuan_kg.load(ner=None)
>>> d = document_from_text("2024 年 5 月 30 日，腾讯推出元宝 App。", doc_id="d1")
>>> kg = build_graph(extract_documents(nlp, [d]))
>>> [(e.date, e.title) for e in kg.timeline]
[('2024-05-30', '腾讯发布元宝 App')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from .extraction import DocExtraction, Failure
from .kg import KnowledgeGraph
from .pipeline.refs import EntityRef
from .pipeline.relations import lexicon as relation_lexicon
from .records import Participant, Source, depends_on_dct
from .resolve import EventReport, NameResolver, merge_events

MAX_SOURCES = 20
_LAUNCH = {"launch", "release", "open_source"}
#: Relations an event implies between its participants: (event types, head role, head type,
#: tail role, tail type, relation, role text). A launch's maker develops the product, a
#: funding round's investor invests in the company, an acquirer acquires its target, a
#: founder is the company's 创始人 and a person who joins is one of its 成员 (members).
_EVENT_RELATIONS = (
    (_LAUNCH, "agent", "ORG", "theme", "PRODUCT", "develops", ""),
    ({"funding"}, "investor", "ORG", "agent", "ORG", "invests_in", ""),
    ({"acquisition"}, "agent", "ORG", "theme", "ORG", "acquires", ""),
    ({"found"}, "agent", "PERSON", "theme", "ORG", "role", "创始人"),
    ({"join"}, "agent", "PERSON", "theme", "ORG", "role", "成员"),
)


def build_graph(extractions: Iterable[DocExtraction | Failure]) -> KnowledgeGraph:
    """Resolve and assemble the graph (failures are skipped; the caller reports them)."""
    exts = sorted((x for x in extractions if isinstance(x, DocExtraction)), key=lambda x: x.info.id)
    resolver = NameResolver()
    for x in exts:
        for m in x.mentions:
            resolver.add(x.info.id, m)
        for name, alias in x.aliases:
            resolver.add_alias(x.info.id, name.text, alias.text)
    resolver.finish()
    g = nx.MultiDiGraph()
    node_sources: dict[str, list[Source]] = {}

    def node(doc_id: str, ref: EntityRef) -> str:
        ent = resolver.entity(doc_id, ref)
        if ent.id not in g:
            g.add_node(
                ent.id,
                label=ent.label,
                type=ent.type,
                aliases=sorted(ent.aliases | {ent.label}),
                mentions=ent.mentions,
                docs=sorted(ent.docs | {doc_id}),
            )
            node_sources[ent.id] = []
        return ent.id

    for x in exts:
        for m in x.mentions:
            nid = node(x.info.id, m)
            _add_source(
                node_sources[nid], Source(x.info.id, x.sentence_at(m.start), m.start, m.end)
            )
    edges: dict[tuple[str, str, str, str], list[Source]] = {}
    symmetric = relation_lexicon().symmetric
    for x in exts:
        for r in x.relations:
            head, tail = node(x.info.id, r.head), node(x.info.id, r.tail)
            if r.type in symmetric and tail < head:
                head, tail = tail, head
            if head != tail:
                src = Source(x.info.id, x.sentence_at(r.start), r.start, r.end)
                edges.setdefault((head, tail, r.type, r.role), []).append(src)
                for nid in (head, tail):  # a parent named only inside a name (腾讯云 → 腾讯)
                    if not node_sources[nid]:
                        node_sources[nid].append(src)
    developers: dict[tuple[str, str], set[str]] = {}  # (document, product) → developers
    for (head, tail, rtype, _), sources in edges.items():
        if rtype == "develops":
            for src in sources:
                developers.setdefault((src.doc, tail), set()).add(head)
    roles_read = {(h, t) for h, t, rtype, _ in edges if rtype == "role"}
    reports = []
    for x in exts:
        for e in x.events:
            parts = []
            surfaces: dict[str, str] = {}
            for ref, role in e.participants:
                nid = node(x.info.id, ref)
                parts.append(Participant(nid, g.nodes[nid]["label"], g.nodes[nid]["type"], role))
                surfaces.setdefault(nid, ref.text)
            if e.type in _LAUNCH and not any(p.role == "agent" for p in parts):
                parts = _maker_as_agent(g, parts, developers, x.info.id)
            # the document's dct_source when the date as written needs the publication date
            dct = x.info.dct_source if depends_on_dct(e.date_text) else ""
            src = Source(x.info.id, x.sentence_at(e.start), e.start, e.end, e.date_text, dct)
            reports.append(
                EventReport(
                    e.type,
                    e.status,
                    e.date,
                    e.granularity,
                    parts,
                    src,
                    e.object_text,
                    e.trigger,
                    e.title,
                    surfaces,
                )
            )
            if e.status != "denied" and not e.title:  # typed events only: their roles are read
                for head, tail, rtype, role in _event_relations(e.type, parts):
                    if rtype == "role" and (head, tail) in roles_read:
                        continue  # the text names the role itself (创始人兼 CEO)
                    edges.setdefault((head, tail, rtype, role), []).append(src)
    events = merge_events(reports)
    for ev in events:
        g.add_node(
            ev.id,
            label=ev.title,
            type="EVENT",
            event_type=ev.type,
            date=ev.date or "",
            granularity=ev.granularity or "",
            status=ev.status,
            aliases=[],
            mentions=len(ev.sources),
            docs=sorted({s.doc for s in ev.sources}),
        )
        node_sources[ev.id] = list(ev.sources[:MAX_SOURCES])
        for p in ev.participants:
            edges.setdefault((ev.id, p.id, "participant", p.role or ""), []).extend(ev.sources)
    for nid, sources in node_sources.items():
        g.nodes[nid]["sources"] = sources
        g.nodes[nid]["evidence"] = sources[0].sentence if sources else ""
    for (head, tail, rtype, role), sources in sorted(edges.items()):
        uniq = sorted(set(sources), key=lambda s: (s.doc, s.start))
        g.add_edge(head, tail, key=f"{rtype}:{role}" if role else rtype, **_edge(rtype, role, uniq))
    return KnowledgeGraph(g, events, (x.info for x in exts))


def _maker_as_agent(
    g: nx.MultiDiGraph,
    parts: list[Participant],
    developers: dict[tuple[str, str], set[str]],
    doc: str,
) -> list[Participant]:
    """A launch without an agent (盘古大模型最早于 2021 年 4 月发布) takes the one developer
    its document names for the product launched (华为云 develops 盘古大模型)."""
    themes = [p.id for p in parts if p.role == "theme" and p.type == "PRODUCT"]
    found = {m for t in themes for m in developers.get((doc, t), ())}
    if len(found) != 1:
        return parts
    (maker,) = found
    return [Participant(maker, g.nodes[maker]["label"], g.nodes[maker]["type"], "agent"), *parts]


def _edge(rtype: str, role: str, sources: list[Source]) -> dict[str, Any]:
    return {
        "type": rtype,
        "role": role,
        "docs": sorted({s.doc for s in sources}),
        "evidence": sources[0].sentence,
        "sources": sources[:MAX_SOURCES],
        "weight": len({(s.doc, s.sentence) for s in sources}),
    }


def _add_source(sources: list[Source], src: Source) -> None:
    if len(sources) < MAX_SOURCES and all(
        (s.doc, s.sentence) != (src.doc, src.sentence) for s in sources
    ):
        sources.append(src)


def _event_relations(etype: str, parts: list[Participant]) -> list[tuple[str, str, str, str]]:
    """(head id, tail id, relation, role) tuples that an event of ``etype`` implies."""
    out = []
    for types, h_role, h_type, t_role, t_type, rel, role in _EVENT_RELATIONS:
        if etype not in types:
            continue
        heads = [p.id for p in parts if p.role == h_role and p.type == h_type]
        tails = [p.id for p in parts if p.role == t_role and p.type == t_type]
        out += [(h, t, rel, role) for h in heads for t in tails if h != t]
    return out
