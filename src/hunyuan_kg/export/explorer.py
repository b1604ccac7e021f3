"""``explorer/``: an offline site to click from the graph to an entity's timeline and sources.

``index.html`` + ``app.js`` + ``app.css`` and the vendored, minified graphology and
sigma.js bundles (with their licences, ``THIRD_PARTY_LICENSES.txt``); no CDN, nothing is
fetched: it opens from ``file://``. The graph, events, documents and evidence sentences
are embedded in ``index.html`` as one ``<script type="application/json">`` element, which
``app.js`` reads with ``JSON.parse``. In that JSON ``<``, ``>``, ``&``, U+2028 and U+2029 are
``\\u`` escapes, so no text can close the element; the page's Content-Security-Policy lets
only the folder's own script files run (no inline script, no inline event handler), and
``app.js`` puts every extracted string into the page as text (``textContent``), never as
HTML. Each sentence is stored once (a 100-fold corpus of the same articles costs little).

Positions, colours and sizes are those of the Gephi files (:mod:`._layout`, :mod:`._style`);
times are the GEXF intervals (:func:`.gexf.node_intervals`). The file contract is in
``docs/output-format.md``.

>>> from hunyuan_kg.kg import KnowledgeGraph
>>> from hunyuan_kg.records import TimelineEvent
>>> kg = KnowledgeGraph(events=[TimelineEvent("EVENT:1", "launch", "</script><b>x", "2023")])
>>> page = explorer_html(kg)
>>> "</script><b>" in page, "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003ex" in page
(False, True)
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from html import escape
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..fileio import atomic_write, atomic_writer
from ..records import Source
from ._dates import date_period
from ._flat import sorted_edges
from ._layout import positions
from ._meta import GENERATOR
from ._style import OTHER_COLOR, TYPE_COLORS, hex_color, node_size
from ._text import HOW_TO_DATE
from ._xml import clean_text

if TYPE_CHECKING:
    from ..kg import DocumentInfo, KnowledgeGraph

FOLDER = "explorer"
#: Files copied as they are from ``explorer_assets/`` (the page itself is generated).
ASSETS = (
    "app.js",
    "app.css",
    "graphology.umd.min.js",
    "sigma.min.js",
    "THIRD_PARTY_LICENSES.txt",
)
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "base-uri 'none'; form-action 'none'"
)
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


@cache
def _asset(name: str) -> bytes:
    return files("hunyuan_kg.export").joinpath("explorer_assets", name).read_bytes()


def _t(text: object) -> str:
    return clean_text(str(text or ""))


def _href(path: str | None, base: Path | None) -> str:
    """A relative, percent-encoded link from ``base`` to the source file ("" if unknown)."""
    if not path or base is None:
        return ""
    try:
        rel = os.path.relpath(Path(path).resolve(), base.resolve())
    except ValueError:  # another drive (Windows)
        return ""
    # bytes: a file name that is not UTF-8 (surrogate escapes) is linked by its bytes
    return "/".join(quote(os.fsencode(part)) for part in Path(rel).as_posix().split("/"))


class _Sentences:
    """Every distinct sentence once; evidence refers to them by index."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def evidence(self, sources: Iterable[Source], docs: dict[str, int]) -> list[list[int]]:
        """``[[sentence, doc, doc...], ...]``: each sentence once, with the documents (indices
        into ``docs``) that contain it, in order of first appearance."""
        grouped: dict[int, list[int]] = {}
        for s in sources:
            text = _t(s.sentence)
            if not text:
                continue
            i = self.index.setdefault(text, len(self.index))
            row = grouped.setdefault(i, [])
            d = docs.get(s.doc, -1)
            if d not in row:
                row.append(d)
        return [[i, *sorted(ds)] for i, ds in grouped.items()]


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _json_list(items: Iterable[object]) -> Iterator[str]:
    """A JSON array, one item at a time."""
    yield "["
    for i, item in enumerate(items):
        yield ("," if i else "") + _dumps(item)
    yield "]"


def _data_json(kg: KnowledgeGraph, base: Path | None = None) -> Iterator[str]:
    """:func:`explorer_data` as JSON, a node, an edge, an event or a document at a time
    (what ``json.dumps`` writes for the whole, byte for byte): memory holds the graph and
    the distinct evidence sentences, not the page."""
    from .gexf import edge_interval, event_periods, node_intervals

    g = kg.graph
    documents = kg.documents  # in id order
    doc_index = {d.id: i for i, d in enumerate(documents)}
    cited = {str(s.doc) for _, d in g.nodes(data=True) for s in d.get("sources", ())}
    cited |= {str(doc) for _, d in g.nodes(data=True) for doc in d.get("docs", ())}
    cited |= {str(s.doc) for _, _, d in g.edges(data=True) for s in d.get("sources", ())}
    cited |= {s.doc for e in kg.events for s in e.sources}
    extra_docs = sorted(cited - set(doc_index))
    del cited
    for k, doc_id in enumerate(extra_docs):  # sources of documents the graph does not list
        doc_index[doc_id] = len(documents) + k
    edges = list(sorted_edges(g))
    # sentences are numbered in order of first use by the edges, then by the events
    sentences = _Sentences()
    for _, _, data in edges:
        sentences.evidence(data.get("sources", ()), doc_index)
    for e in kg.events:
        sentences.evidence(e.sources, doc_index)
    pos = positions(g)
    intervals = node_intervals(kg)
    periods = event_periods(kg)

    colors = {k: hex_color(k) for k in TYPE_COLORS}
    colors[""] = "#{:02x}{:02x}{:02x}".format(*OTHER_COLOR)
    yield f'{{"generator":{_dumps(GENERATOR)},"colors":{_dumps(colors)}'
    yield f',"howToDate":{_dumps(HOW_TO_DATE)},"docs":'
    yield from _json_list(_doc_rows(documents, extra_docs, base))
    yield ',"sentences":'
    yield from _json_list(sentences.index)

    node_ids = sorted(g.nodes, key=str)
    index = {str(n): i for i, n in enumerate(node_ids)}
    yield ',"nodes":'
    yield from _json_list(_node_item(n, g.nodes[n], pos, intervals, doc_index) for n in node_ids)

    yield ',"edges":'
    yield from _json_list(
        [
            index[u],
            index[v],
            _t(data.get("type", "")),
            _t(data.get("role", "")),
            int(data.get("weight", 1) or 1),
            span[0] if (span := edge_interval(u, v, data, periods)) else "",
            sentences.evidence(data.get("sources", ()), doc_index),
        ]
        for u, v, data in edges
    )

    events = []
    for e in kg.events:
        try:
            start = date_period(e.date)[0] if e.date else ""
        except ValueError:
            start = ""
        item = {
            "n": index.get(e.id, -1),
            "d": _t(e.date),
            "t": start,
            "ty": _t(e.type),
            "ti": _t(e.title),
            "st": _t(e.status),
            "u": e.dct_unstated,
            "p": [
                [index.get(p.id, -1), _t(p.label), _t(p.type), _t(p.role)] for p in e.participants
            ],
        }
        events.append((item, e))
    events.sort(key=lambda ie: (ie[0]["t"] == "", ie[0]["t"], ie[0]["d"], ie[0]["ti"], ie[0]["n"]))
    yield ',"events":'
    yield from _json_list(
        {**item, "ev": sentences.evidence(e.sources, doc_index)} for item, e in events
    )
    yield "}"


def _doc_rows(
    documents: Sequence[DocumentInfo], extra_docs: list[str], base: Path | None
) -> Iterator[list[str]]:
    """The page's documents: id, title, date and link of each the graph lists, then the
    ids of documents only cited."""
    for d in documents:
        yield [_t(d.id), _t(d.title), _t(d.dct), _href(d.path, base)]
    for doc_id in extra_docs:
        yield [_t(doc_id), "", "", ""]


def _node_item(
    n: object,
    data: dict[str, Any],
    pos: dict[str, tuple[float, float]],
    intervals: dict[str, tuple[str, str]],
    doc_index: dict[str, int],
) -> dict[str, Any]:
    """One node of the page."""
    kind = str(data.get("type", ""))
    label = _t(data.get("label", n))
    x, y = pos[str(n)]
    mentions = int(data.get("mentions", 0) or 0)
    item: dict[str, Any] = {
        "id": _t(n),
        "l": label,
        "k": kind,
        "m": mentions,
        "x": x,
        "y": y,
        "s": node_size(mentions),
    }
    aliases = sorted({_t(a) for a in data.get("aliases", ())} - {label, ""})
    if aliases:
        item["a"] = aliases
    if str(n) in intervals:
        item["t"] = list(intervals[str(n)])
    per_doc = Counter(str(s.doc) for s in data.get("sources", ()))
    for doc in data.get("docs", ()):
        per_doc.setdefault(str(doc), 0)
    if per_doc:
        item["md"] = sorted(
            ([doc_index[d], c] for d, c in per_doc.items() if d in doc_index),
            key=lambda dc: (-dc[1], dc[0]),
        )
    return item


def explorer_data(kg: KnowledgeGraph, base: Path | None = None) -> dict[str, Any]:
    """What the page embeds; ``base`` is the folder the links to source files start from."""
    return dict(json.loads("".join(_data_json(kg, base))))


def embed_json(data: object) -> str:
    """``data`` as JSON that is safe inside ``<script type="application/json">``.

    >>> embed_json({"t": "</script>&\\u2028"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u0026\\\\u2028"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(str.maketrans(_JSON_ESCAPES))  # type: ignore[arg-type]


def _page(kg: KnowledgeGraph, base: Path | None = None) -> Iterator[str]:
    """``index.html`` of the explorer of ``kg``, a piece at a time."""
    n_entities = sum(1 for _, d in kg.graph.nodes(data=True) if d.get("type") != "EVENT")
    summary = (
        f"{n_entities} entities · {len(kg.timeline)} dated events · {len(kg.documents)} documents"
    )
    template = _asset("index.html").decode("utf-8")
    page = (
        template.replace("$csp", escape(CSP, quote=True))
        .replace("$generator", escape(GENERATOR, quote=True))
        .replace("$summary", escape(summary))
    )
    table = str.maketrans(_JSON_ESCAPES)
    for i, text in enumerate(page.split("$data")):
        if i:
            for piece in _data_json(kg, base):
                yield piece.translate(table)
        yield text


def explorer_html(kg: KnowledgeGraph, base: Path | None = None) -> str:
    """``index.html`` of the explorer of ``kg`` (data embedded)."""
    return "".join(_page(kg, base))


def write_explorer(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write the explorer folder ``path`` (created if needed; its files replaced); the
    page is written a piece at a time."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    # links to the articles start from the folder; write_all stages it beside its target
    with atomic_writer(path / "index.html") as fh:
        for piece in _page(kg, path):
            fh.write(piece)
    for name in ASSETS:
        atomic_write(path / name, _asset(name))


__all__ = ["ASSETS", "FOLDER", "embed_json", "explorer_data", "explorer_html", "write_explorer"]
