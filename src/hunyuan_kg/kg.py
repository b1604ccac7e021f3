"""The :class:`KnowledgeGraph`: a typed networkx graph plus the events behind its timeline.

Graph schema (in memory; exporters flatten lists, see ``docs/output-format.md``):

* entity node, id ``"{TYPE}:{label}"``: ``label``, ``type`` (PERSON | ORG | PRODUCT | LOC),
  ``aliases`` (sorted list of surface forms), ``mentions`` (int), ``docs`` (sorted list of
  doc ids), ``evidence`` (first sentence), ``sources`` (list of :class:`Source`).
* event node, id ``"EVENT:..."``: ``label`` (= title), ``type`` = ``"EVENT"``, ``event_type``,
  ``date``, ``granularity``, ``status``, ``aliases`` = [], ``mentions``, ``docs``,
  ``evidence``, ``sources``.
* edge, key = relation type: ``type`` (role | part_of | develops | based_on | uses |
  competes_with | participant), ``role`` (title text or participant role, "" if none),
  ``docs``, ``evidence``, ``sources``, ``weight`` (number of distinct evidence sentences).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from .records import TimelineEvent
from .spill import StoredDocuments

if TYPE_CHECKING:
    import pandas as pd


#: Columns of the entity table (``entities_df``, entities.csv) and the relation table.
ENTITY_COLUMNS = ("id", "label", "type", "aliases", "mentions", "docs")
RELATION_COLUMNS = (
    "source",
    "target",
    "source_id",
    "target_id",
    "type",
    "role",
    "weight",
    "docs",
    "evidence",
)


def entity_nodes(g: nx.MultiDiGraph) -> list[str]:
    """The graph's entity nodes (no events), most mentioned first, then by id."""
    nodes = (n for n, d in g.nodes(data=True) if d.get("type") != "EVENT")
    return sorted(nodes, key=lambda n: (-g.nodes[n].get("mentions", 0), n))


def entity_row(g: nx.MultiDiGraph, n: str) -> list[Any]:
    """One entity's row of :data:`ENTITY_COLUMNS`."""
    d = g.nodes[n]
    aliases, docs = "|".join(d.get("aliases", ())), "|".join(d.get("docs", ()))
    return [n, d["label"], d["type"], aliases, d.get("mentions", 0), docs]


def relation_row(g: nx.MultiDiGraph, u: str, v: str, d: dict[str, Any]) -> list[Any]:
    """One edge's row of :data:`RELATION_COLUMNS`."""
    return [
        *(g.nodes[u]["label"], g.nodes[v]["label"], u, v, d["type"], d.get("role", "")),
        *(d.get("weight", 1), "|".join(d.get("docs", ())), d.get("evidence", "")),
    ]


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the graph remembers of each input document (``warning``: what reading it
    found wrong but could work around, e.g. broken front matter; "" when nothing).
    ``dct_source`` says how its publication date ``dct`` was found: metadata, header,
    given (``--date``), inferred or none (see :class:`hunyuan_kg.document.Document`)."""

    id: str
    title: str | None
    path: str | None
    dct: str | None
    dct_source: str
    encoding: str | None = None
    warning: str = ""


@dataclass(frozen=True, slots=True)
class BuildWarning:
    """A problem a build worked around: ``doc`` and ``path`` when one document is concerned
    (None otherwise), and a one-line ``reason``. Listed in ``errors.jsonl``."""

    doc: str | None
    path: str | None
    reason: str


class KnowledgeGraph:
    """A typed :class:`networkx.MultiDiGraph` with its events and documents.

    >>> kg = KnowledgeGraph()
    >>> kg.graph.add_node("ORG:腾讯", label="腾讯", type="ORG", aliases=["腾讯"], mentions=1,
    ...                   docs=["a"], evidence="", sources=[])
    >>> kg.entities_df()["label"].tolist()
    ['腾讯']
    """

    def __init__(
        self,
        graph: nx.MultiDiGraph | None = None,
        events: Iterable[TimelineEvent] = (),
        documents: Iterable[DocumentInfo] = (),
    ) -> None:
        self.graph: nx.MultiDiGraph = graph if graph is not None else nx.MultiDiGraph()
        self.events: list[TimelineEvent] = sorted(events, key=_event_order)
        #: The documents in id order: a list, or (in a built graph) a sequence read from
        #: the build's store on access (:class:`hunyuan_kg.spill.StoredDocuments`).
        self.documents: Sequence[DocumentInfo] = (
            documents
            if isinstance(documents, StoredDocuments)
            else sorted(documents, key=lambda d: d.id)
        )
        self.failures: list[Any] = []  # extraction.Failure records, set by hunyuan_kg.build
        #: Warnings not tied to one document (logged during the build), set by the CLI.
        self.build_warnings: list[BuildWarning] = []
        #: Where the build keeps what the graph refers to on disk (an event's sources are
        #: read from it: :class:`hunyuan_kg.spill.LazySources`); None when built in memory.
        self.store: Any = None

    @property
    def warnings(self) -> list[BuildWarning]:
        """Every warning of the build: the documents' (:attr:`DocumentInfo.warning`) and
        :attr:`build_warnings`."""
        docs = [BuildWarning(d.id, d.path, d.warning) for d in self.documents if d.warning]
        return docs + self.build_warnings

    @property
    def timeline(self) -> list[TimelineEvent]:
        """Dated events in chronological order (undated ones stay in the graph only)."""
        return [e for e in self.events if e.date]

    def write(self, outdir: str | Path, formats: Iterable[str] | None = None) -> list[Path]:
        """Write the exports (all formats by default) and ``errors.jsonl`` (the failures)
        into ``outdir``, as the command line does; returns the paths of the exports.

        All files are replaced or none: an OSError leaves the previous ones intact."""
        from .export import write_all

        if isinstance(formats, str):  # "json" or "json,md": names, not characters
            formats = [f.strip() for f in formats.split(",") if f.strip()]
        if outdir is None or not str(outdir).strip():
            raise ValueError(f"kg.write(outdir): outdir must name a folder, not {outdir!r}")
        return write_all(self, Path(outdir), formats, errors=True)

    def entity(self, name: str) -> str | None:
        """Node id of the entity named ``name``: its label, an alias, or a gazetteer name of
        it, compared after normalization (width, case, quotes, spaces). None if unknown."""
        from .gazetteer import Gazetteer
        from .normalize import name_key

        entry = Gazetteer.default().lookup(name)
        keys = {name_key(name)} | ({name_key(entry.name)} if entry else set())
        for node, data in self.graph.nodes(data=True):
            if data.get("type") != "EVENT" and keys & {
                name_key(a) for a in (data.get("label", ""), *data.get("aliases", ()))
            }:
                return str(node)
        return None

    def entities_df(self) -> pd.DataFrame:
        """One row per entity node (:data:`ENTITY_COLUMNS`), most mentioned first."""
        import pandas as pd

        rows = [entity_row(self.graph, n) for n in entity_nodes(self.graph)]
        return pd.DataFrame(rows, columns=list(ENTITY_COLUMNS))

    def events_df(self) -> pd.DataFrame:
        """One row per event: id, date, granularity, type, status, title, participants, docs,
        dct_source (as in timeline.csv: how the publication date its date rests on was
        found, "" when its date names its year)."""
        import pandas as pd

        rows = [
            {
                "id": e.id,
                "date": e.date,
                "granularity": e.granularity,
                "type": e.type,
                "status": e.status,
                "title": e.title,
                "participants": "|".join(p.label for p in e.participants),
                "docs": "|".join(sorted({s.doc for s in e.sources})),
                "dct_source": e.dct_source,
            }
            for e in self.events
        ]
        cols = [
            "id",
            "date",
            "granularity",
            "type",
            "status",
            "title",
            "participants",
            "docs",
            "dct_source",
        ]
        return pd.DataFrame(rows, columns=cols)

    def relations_df(self) -> pd.DataFrame:
        """One row per edge (:data:`RELATION_COLUMNS`), in the graph's edge order."""
        import pandas as pd

        g = self.graph
        rows = [relation_row(g, u, v, d) for u, v, d in g.edges(data=True)]
        return pd.DataFrame(rows, columns=list(RELATION_COLUMNS))

    def summary(self) -> dict[str, Any]:
        """Counts for a one-screen report (``dct_sources``: documents by how their
        publication date was found; ``inferred_dates``: how many were inferred)."""
        by_type: dict[str, int] = {}
        for _, d in self.graph.nodes(data=True):
            by_type[d["type"]] = by_type.get(d["type"], 0) + 1
        rel: dict[str, int] = {}
        for _, _, d in self.graph.edges(data=True):
            rel[d["type"]] = rel.get(d["type"], 0) + 1
        dct: dict[str, int] = {}
        for doc in self.documents:
            dct[doc.dct_source] = dct.get(doc.dct_source, 0) + 1
        return {
            "documents": len(self.documents),
            "nodes_by_type": dict(sorted(by_type.items())),
            "relations_by_type": dict(sorted(rel.items())),
            "events": len(self.events),
            "dated_events": len(self.timeline),
            "dct_sources": dict(sorted(dct.items())),
            "inferred_dates": dct.get("inferred", 0),
        }


def _event_order(e: TimelineEvent) -> tuple[str, str, str]:
    return (e.date or "9999", e.type, e.id)
