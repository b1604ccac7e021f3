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

import pickle
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from .extraction import DocExtraction, Failure
from .kg import KnowledgeGraph
from .pipeline.refs import EntityRef
from .pipeline.relations import RelationCandidate
from .pipeline.relations import lexicon as relation_lexicon
from .records import Participant, Source, TimelineEvent, depends_on_dct
from .resolve import EventReport, NameResolver
from .resolve.events import (
    EVENT_CLASS,
    main_participant,
    merge_bucket,
    states_date,
    without_restated_headlines,
)
from .spill import NO_SENTENCE, ExtractionStore, LazySources, StoredDoc, StoredDocuments

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


def build_graph(extractions: Iterable[DocExtraction | Failure] | ExtractionStore) -> KnowledgeGraph:
    """Resolve and assemble the graph (failures are skipped; the caller reports them).

    ``extractions`` may be an :class:`~hunyuan_kg.spill.ExtractionStore` the caller filled
    as documents were extracted; anything else is first streamed into a new one. Each pass
    reads the documents back one at a time, so memory holds the graph and compact
    references to its evidence, never every extraction or evidence sentence; the files
    written are those of building from a list in memory, byte for byte."""
    if isinstance(extractions, ExtractionStore):
        store = extractions
    else:
        store = ExtractionStore()
        store.add_all(extractions)
    return _Builder(store).build()


#: A compact source: (document rank, sentence number, start, end, date text, dct source).
_Ref = tuple[int, int, int, int, str, str]
_EdgeKey = tuple[str, str, str, str]


class _Builder:
    """The passes of :func:`build_graph` over an :class:`ExtractionStore`."""

    def __init__(self, store: ExtractionStore) -> None:
        self.store = store
        self.docs = store.documents()
        self.resolver = NameResolver()
        self.g = nx.MultiDiGraph()
        self.node_sources: dict[str, list[_Ref]] = {}
        self.edge_ids: dict[_EdgeKey, int] = {}

    def node(self, doc_id: str, ref: EntityRef) -> str:
        """The entity node of ``ref``, added on first use."""
        ent = self.resolver.entity(doc_id, ref)
        if ent.id not in self.g:
            self.g.add_node(
                ent.id,
                label=ent.label,
                type=ent.type,
                aliases=sorted(ent.aliases | {ent.label}),
                mentions=ent.mentions,
                docs=sorted(ent.docs | {doc_id}),
            )
            self.node_sources[ent.id] = []
        return ent.id

    def _edge_source(self, key: _EdgeKey, ref: _Ref, batch: list[tuple[Any, ...]]) -> None:
        edge = self.edge_ids.setdefault(key, len(self.edge_ids))
        batch.append((edge, *ref))

    def _flush(self, batch: list[tuple[Any, ...]]) -> None:
        if batch:
            self.store.executemany("INSERT INTO esrc VALUES (?, ?, ?, ?, ?, ?, ?)", batch)
            batch.clear()

    def _relation_ends(self, d: StoredDoc, r: RelationCandidate) -> tuple[str, str]:
        head, tail = self.node(d.id, r.head), self.node(d.id, r.tail)
        if r.type in self.symmetric and tail < head:
            head, tail = tail, head
        return head, tail

    def build(self) -> KnowledgeGraph:
        """Run the passes and return the graph."""
        store, g = self.store, self.g
        for d in store.iter_docs():
            for m in d.mentions:
                self.resolver.add(d.id, m)
            for r in d.relations:  # a parent named only inside a name (禾赛 of 禾赛 AT128)
                for ref in (r.head, r.tail):
                    if ref.start == ref.end:
                        self.resolver.add(d.id, ref)
            for name, alias in d.aliases:
                self.resolver.add_alias(d.id, name.text, alias.text)
        self.resolver.finish()
        for d in store.iter_docs():
            for m in d.mentions:
                nid = self.node(d.id, m)
                _add_source(
                    self.node_sources[nid], (d.rank, d.sid_at(m.start), m.start, m.end, "", "")
                )
        self.symmetric = relation_lexicon().symmetric
        batch: list[tuple[Any, ...]] = []
        for d in store.iter_docs():
            for r in d.relations:
                head, tail = self._relation_ends(d, r)
                if head != tail:
                    at: _Ref = (d.rank, d.sid_at(r.start), r.start, r.end, "", "")
                    self._edge_source((head, tail, r.type, r.role), at, batch)
                    for nid in (head, tail):  # a parent named only inside a name (腾讯云 → 腾讯)
                        if not self.node_sources[nid]:
                            self.node_sources[nid].append(at)
            self._flush(batch)
        roles_read = {(h, t) for h, t, rtype, _ in self.edge_ids if rtype == "role"}
        buckets: dict[tuple[str, str, str], int] = {}
        for d in store.iter_docs():
            developers: dict[tuple[str, str], set[str]] = {}  # (document, product) → makers
            for r in d.relations:
                if r.type == "develops":
                    head, tail = self._relation_ends(d, r)
                    if head != tail:
                        developers.setdefault((d.id, tail), set()).add(head)
            doc_reports: list[tuple[EventReport, int]] = []
            for e in d.events:
                parts = []
                surfaces: dict[str, str] = {}
                for ref, role in e.participants:
                    nid = self.node(d.id, ref)
                    parts.append(
                        Participant(nid, g.nodes[nid]["label"], g.nodes[nid]["type"], role)
                    )
                    surfaces.setdefault(nid, ref.text)
                if e.type in _LAUNCH and not any(p.role == "agent" for p in parts):
                    parts = _maker_as_agent(g, parts, developers, d.id)
                # the document's dct_source when the date as written needs the publication date
                dct = d.info.dct_source if depends_on_dct(e.date_text) else ""
                sid = d.sid_at(e.start)
                src = Source(d.id, "", e.start, e.end, e.date_text, dct)  # sentence: read later
                report = EventReport(
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
                doc_reports.append((report, sid))
                if e.status != "denied" and not e.title:  # typed events: their roles are read
                    at = (d.rank, sid, e.start, e.end, e.date_text, dct)
                    for head, tail, rtype, role in _event_relations(e.type, parts):
                        if rtype == "role" and (head, tail) in roles_read:
                            continue  # the text names the role itself (创始人兼 CEO)
                        self._edge_source((head, tail, rtype, role), at, batch)
            kept = {id(r) for r in without_restated_headlines([r for r, _ in doc_reports])}
            reports = []
            for report, sid in doc_reports:
                if id(report) in kept:
                    bucket = buckets.setdefault(_bucket(report), len(buckets))
                    blob = pickle.dumps((report, d.rank, sid), protocol=pickle.HIGHEST_PROTOCOL)
                    width, stated = len(report.date or ""), states_date(report)
                    reports.append((bucket, width, d.rank, e.start, stated, blob))
            store.executemany("INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?)", reports)
            self._flush(batch)
        events, participant_edges = self._events(buckets)
        for nid, refs in self.node_sources.items():
            sources = [self._source(r) for r in refs]
            g.nodes[nid]["sources"] = sources
            g.nodes[nid]["evidence"] = sources[0].sentence if sources else ""
        store.execute("CREATE INDEX esrc_edge ON esrc (edge)")
        for key in sorted({*self.edge_ids, *participant_edges}):
            head, tail, rtype, role = key
            attrs = participant_edges.get(key) if key not in self.edge_ids else None
            if attrs is None:
                attrs = self._edge_attrs(rtype, role, self.edge_ids[key])
            g.add_edge(head, tail, key=f"{rtype}:{role}" if role else rtype, **attrs)
        kg = KnowledgeGraph(g, events, StoredDocuments(store))
        kg.store = store  # the events' sources are read from it
        return kg

    def _source(self, ref: _Ref) -> Source:
        rank, sid, start, end, date_text, dct = ref
        doc_id, row = self.docs[rank]
        return Source(doc_id, self.store.sentence(row, sid), start, end, date_text, dct)

    def _events(
        self, buckets: dict[tuple[str, str, str], int]
    ) -> tuple[list[TimelineEvent], dict[_EdgeKey, dict[str, Any]]]:
        """Merge the reports bucket by bucket (as :func:`merge_events` does, in its bucket
        order and with its ids), store each event's sources and add its node."""
        store, g = self.store, self.g
        store.execute("CREATE INDEX reports_order ON reports (bucket, width DESC, doc, start)")
        seen: Counter[str] = Counter()
        events: list[TimelineEvent] = []
        participant_edges: dict[_EdgeKey, dict[str, Any]] = {}
        for key in sorted(buckets):
            for ev, refs in self._merged(buckets[key]):
                seen[ev.id] += 1
                if seen[ev.id] > 1:
                    ev.id = f"{ev.id}#{seen[ev.id]}"
                n = len(events)
                store.executemany(
                    "INSERT INTO evsrc VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    ((n, pos, *ref) for pos, ref in enumerate(refs)),
                )
                docs = sorted({self.docs[r[0]][0] for r in refs})  # the store's strings
                g.add_node(
                    ev.id,
                    label=ev.title,
                    type="EVENT",
                    event_type=ev.type,
                    date=ev.date or "",
                    granularity=ev.granularity or "",
                    status=ev.status,
                    aliases=[],
                    mentions=len(refs),
                    docs=docs,
                )
                self.node_sources[ev.id] = refs[:MAX_SOURCES]
                attrs = self._participant_attrs(refs)
                for p in ev.participants:
                    pkey = (ev.id, p.id, "participant", p.role or "")
                    if pkey in self.edge_ids:  # a relation of that name too: one edge
                        batch = [(self.edge_ids[pkey], *ref) for ref in refs]
                        self._flush(batch)
                    else:
                        participant_edges[pkey] = {**attrs, "role": p.role or ""}
                ev.sources = LazySources(store, n, len(refs))
                events.append(ev)
        return events, participant_edges

    def _merged(self, bucket: int) -> list[tuple[TimelineEvent, list[_Ref]]]:
        """The events :func:`merge_events` makes of one bucket's reports (ids not yet
        numbered), each with its sources as compact references. The reports are read
        from the store in merge order and folded in one at a time."""
        stated = {
            self.docs[rank][0]
            for (rank,) in self.store.rows(
                "SELECT DISTINCT doc FROM reports WHERE bucket = ? AND stated", (bucket,)
            )
        }
        pool: dict[Any, Any] = {}

        def ordered() -> Iterator[tuple[EventReport, _Ref]]:
            for (blob,) in self.store.rows(
                "SELECT blob FROM reports WHERE bucket = ? ORDER BY width DESC, doc, start, rowid",
                (bucket,),
            ):
                report, rank, sid = pickle.loads(blob)
                _share(report, self.docs[rank][0], sid, pool)
                src = report.source
                yield report, (rank, sid, src.start, src.end, src.date_text, src.dct_source)

        return merge_bucket(ordered(), stated)

    def _participant_attrs(self, refs: list[_Ref]) -> dict[str, Any]:
        """The attributes of a participant edge, whose sources are the event's."""
        ordered = sorted(dict.fromkeys(refs), key=lambda r: (r[0], r[2]))
        first = [self._source(r) for r in ordered[:MAX_SOURCES]]
        return {
            "type": "participant",
            "role": "",
            "docs": [self.docs[rank][0] for rank in sorted({r[0] for r in ordered})],
            "evidence": first[0].sentence,
            "sources": first,
            "weight": len({(r[0], r[1]) for r in ordered}),
        }

    def _edge_attrs(self, rtype: str, role: str, edge: int) -> dict[str, Any]:
        """The attributes of an edge from its stored sources (distinct, in document and
        offset order, as :func:`_edge` takes them)."""
        docs: list[str] = []
        first: list[Source] = []
        weight = 0
        sentences: set[int] = set()
        rows = self.store.rows(
            'SELECT doc, sid, start, "end", date_text, dct, MIN(rowid) AS seq FROM esrc '
            'WHERE edge = ? GROUP BY doc, sid, start, "end", date_text, dct '
            "ORDER BY doc, start, seq",
            (edge,),
        )
        for rank, sid, start, end, date_text, dct, _ in rows:
            if not docs or docs[-1] != self.docs[rank][0]:
                docs.append(self.docs[rank][0])
                weight += len(sentences)
                sentences = set()
            sentences.add(sid)
            if len(first) < MAX_SOURCES:
                first.append(self._source((rank, sid, start, end, date_text, dct)))
        weight += len(sentences)
        return {
            "type": rtype,
            "role": role,
            "docs": docs,
            "evidence": first[0].sentence,
            "sources": first,
            "weight": weight,
        }


def _share(report: EventReport, doc: str, sid: int, pool: dict[Any, Any]) -> None:
    """Make a report read back for merging small: its document id is the store's string,
    its sentence a stand-in (:func:`_sentence_token`), and its participants, names and
    labels equal to those of other reports of its bucket (``pool``) the same objects."""

    def one(value: Any) -> Any:
        return pool.setdefault(value, value)

    src = report.source
    report.source = Source(
        doc, _sentence_token(sid), src.start, src.end, one(src.date_text), one(src.dct_source)
    )
    report.participants = [one(p) for p in report.participants]
    surfaces = tuple(report.surfaces.items())
    report.surfaces = pool.setdefault(surfaces, dict(surfaces))
    report.type, report.status = one(report.type), one(report.status)
    report.date, report.granularity = one(report.date), one(report.granularity)
    report.title, report.object_text = one(report.title), one(report.object_text)
    report.trigger = one(report.trigger)


def _sentence_token(sid: int) -> str:
    """What stands for the sentence numbered ``sid`` in a report being merged: the
    merge only compares sentences of one document, and two numbers of a document are
    equal exactly when the sentences are (:meth:`StoredDoc.sid_at`); "" stays "". An
    event's sources are read from the store with their text (:class:`LazySources`)."""
    return "" if sid == NO_SENTENCE else sys.intern(f"#{sid}")


def _bucket(report: EventReport) -> tuple[str, str, str]:
    """The bucket :func:`merge_events` puts a report in (reports merge only within one)."""
    cls = EVENT_CLASS.get(report.type, report.type)
    cls = f"{cls}:{report.title}" if report.title else cls
    return (cls, main_participant(report).id, report.status)


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


def _add_source(sources: list[_Ref], src: _Ref) -> None:
    """Keep ``src`` among a node's first :data:`MAX_SOURCES` sources unless one of its
    document and sentence is there already."""
    if len(sources) < MAX_SOURCES and all(s[:2] != src[:2] for s in sources):
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
