"""Per-document extraction: run the pipeline and keep plain records of what it found.

A :class:`DocExtraction` holds no spaCy objects, so it crosses process and Dask worker
boundaries cheaply and caches as JSON; resolution works on these alone.

>>> import hunyuan_kg
>>> from hunyuan_kg.ingest import document_from_text
>>> nlp = hunyuan_kg.load(ner=None)
>>> d = document_from_text("2024 年 5 月 30 日，腾讯推出元宝 App。", doc_id="d1")
>>> x = next(extract_documents(nlp, [d]))
>>> [m.text for m in x.mentions]
['腾讯', '元宝 App']
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice, pairwise
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .document import Document
from .kg import DocumentInfo
from .pipeline.declared import alias_brackets
from .pipeline.events import EventCandidate
from .pipeline.extensions import doc_text
from .pipeline.refs import EntityRef
from .pipeline.relations import RelationCandidate
from .records import NAME_TYPES


def _plain(value: Any) -> Any:
    """``value`` with every dataclass in it turned into a dict of its fields, as
    ``dataclasses.asdict`` does (tuples stay tuples), sharing the leaves instead of copying
    them.

    >>> ref = EntityRef("腾讯", "ORG", "", 0, 2)
    >>> _plain([ref, (ref, 1)]) == [dataclasses.asdict(ref), (dataclasses.asdict(ref), 1)]
    True
    """
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    names = _FIELD_NAMES.get(type(value))
    if names is None:
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            return value
        names = _FIELD_NAMES.setdefault(
            type(value), tuple(f.name for f in dataclasses.fields(value))
        )
    return {name: _plain(getattr(value, name)) for name in names}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


@dataclass(slots=True)
class DocExtraction:
    """What one document contributes: its info, evidence sentences, mentions, relations,
    events. All offsets are into the document text."""

    info: DocumentInfo
    sentences: list[tuple[int, str]] = field(default_factory=list)
    mentions: list[EntityRef] = field(default_factory=list)
    aliases: list[tuple[EntityRef, EntityRef]] = field(default_factory=list)
    relations: list[RelationCandidate] = field(default_factory=list)
    events: list[EventCandidate] = field(default_factory=list)
    #: sha256 of the file bytes the document was read from (the cache key uses it)
    digest: str | None = None

    def sentence_at(self, offset: int) -> str:
        """The evidence sentence that contains ``offset``."""
        i = bisect.bisect_right([s for s, _ in self.sentences], offset) - 1
        return self.sentences[i][1].strip() if i >= 0 else ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (see :meth:`from_dict`): what ``dataclasses.asdict`` gives,
        built without its deep copies (about 5x faster; the build caches every document)."""
        plain = _plain(self)
        assert isinstance(plain, dict)
        return plain

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DocExtraction:
        def ref(r: dict[str, Any]) -> EntityRef:
            return EntityRef(**r)

        return cls(
            info=DocumentInfo(**d["info"]),
            sentences=[(int(s), t) for s, t in d["sentences"]],
            mentions=[ref(m) for m in d["mentions"]],
            aliases=[(ref(a), ref(b)) for a, b in d.get("aliases", [])],
            relations=[
                RelationCandidate(
                    **{
                        **r,
                        "head": ref(r["head"]),
                        "tail": ref(r["tail"]),
                        "sentence": tuple(r["sentence"]),
                    }
                )
                for r in d["relations"]
            ],
            events=[
                EventCandidate(
                    **{
                        **e,
                        "sentence": tuple(e["sentence"]),
                        "participants": [(ref(p), role) for p, role in e["participants"]],
                    }
                )
                for e in d["events"]
            ],
            digest=d.get("digest"),
        )


def document_info(document: Document) -> DocumentInfo:
    """The :class:`DocumentInfo` the graph keeps for ``document``."""
    return DocumentInfo(
        id=document.id,
        title=document.title,
        path=document.path,
        dct=document.dct.isoformat() if document.dct else None,
        dct_source=document.dct_source,
        encoding=document.encoding,
        warning=document.meta.get("warning", ""),
    )


def make_doc(nlp: Language, document: Document) -> Doc:
    """Tokenize ``document`` and attach its id, date, source and headline (the length of
    the title that opens the text, 0 for none) for the components."""
    doc = nlp.make_doc(document.text)
    doc._.doc_id = document.id
    doc._.dct = document.dct
    doc._.source = document.source or ""
    title = document.title or ""
    doc._.headline = len(title) if title and document.text.startswith(title) else 0
    return doc


def extraction_from_doc(doc: Doc, info: DocumentInfo) -> DocExtraction:
    """Turn a processed ``Doc`` into a :class:`DocExtraction`."""
    mentions = [EntityRef.from_span(e) for e in doc.ents]
    wanted = {m.start for m in mentions}
    wanted |= {r.start for r in doc._.relations} | {e.start for e in doc._.events}
    text = doc_text(doc)
    sentences = []
    for sent in doc.sents:
        if any(sent.start_char <= w < sent.end_char for w in wanted):
            sentences.append((sent.start_char, text[sent.start_char : sent.end_char]))
    return DocExtraction(
        info=info,
        sentences=sentences,
        mentions=mentions,
        aliases=parenthetical_aliases(doc_text(doc), mentions),
        relations=list(doc._.relations),
        events=list(doc._.events),
    )


def parenthetical_aliases(
    text: str, mentions: list[EntityRef]
) -> list[tuple[EntityRef, EntityRef]]:
    """Name pairs (name, alias) of one type written ``A（B）``, also with a declaring word:
    深度求索（DeepSeek）, 陈航（花名：无招）, 星河智能科技有限公司（以下简称“星河科技”). The
    name is the one the document uses more (the short name it declares, the nickname it
    goes on with); ``A`` when they are used alike.

    >>> text = "陈航（花名：无招）离任。无招此后创业。"
    >>> a, b, c = (EntityRef("陈航", "PERSON", "", 0, 2), EntityRef("无招", "PERSON", "", 6, 8),
    ...            EntityRef("无招", "PERSON", "", 12, 14))
    >>> [(x.text, y.text) for x, y in parenthetical_aliases(text, [a, b, c])]
    [('无招', '陈航')]
    >>> text = "星河（中国）开业。"
    >>> a, b = EntityRef("星河", "LOC", "", 0, 2), EntityRef("中国", "LOC", "", 3, 5)
    >>> parenthetical_aliases(text, [a, b])  # a place in brackets qualifies, names nothing
    []
    """
    opening, closing = alias_brackets()
    uses = Counter(m.text for m in mentions)
    pairs = []
    for a, b in pairwise(mentions):
        if (
            a.label == b.label
            and a.label in NAME_TYPES  # 三得利（中国）: a place qualifies
            and opening.fullmatch(text, a.end, b.start)
            and closing.match(text, b.end)
        ):
            pairs.append((b, a) if uses[b.text] > uses[a.text] else (a, b))
    return pairs


@dataclass(frozen=True, slots=True)
class Failure:
    """A document the pipeline could not process, with a one-line reason."""

    doc: str
    path: str | None
    reason: str


#: Seconds one document may spend in the pipeline before it is failed (``time budget
#: exceeded``) and the build goes on. Enforced with SIGALRM, so in the main thread only
#: (the command line, ``jobs`` processes); Dask worker threads run without it.
DOC_TIME_BUDGET = 600.0


class _OverBudget(BaseException):
    """Raised by the alarm; a BaseException, so no ``except Exception`` swallows it."""


class OuterAlarm(BaseException):
    """What the caller's own SIGALRM handler raised while a document ran (``original``):
    carried up as a BaseException, never taken for a failure of the document, and raised
    again as it was by :func:`extract_documents`."""

    def __init__(self, original: BaseException) -> None:
        super().__init__(repr(original))
        self.original = original


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`_OverBudget` in the block after ``seconds``, where signals allow; an
    alarm already set by the caller (a test's deadline) keeps its time and its handler."""
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    outer_handler = signal.getsignal(signal.SIGALRM)
    outer_left = signal.getitimer(signal.ITIMER_REAL)[0]
    outer_first = 0 < outer_left <= seconds

    def expired(signum: int, frame: Any) -> None:
        if outer_first and callable(outer_handler):
            try:
                outer_handler(signum, frame)
            except BaseException as exc:
                raise OuterAlarm(exc) from exc
            left = seconds - (time.monotonic() - started)
            if left > 0:  # the caller's alarm passed quietly: ours still runs
                signal.setitimer(signal.ITIMER_REAL, left)
                return
        raise _OverBudget

    started = time.monotonic()
    signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, outer_left if outer_first else seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, outer_handler)
        left = outer_left - (time.monotonic() - started)
        if outer_left > 0 and left > 0:  # the caller's alarm, for the time it had left
            signal.setitimer(signal.ITIMER_REAL, left)


def extract_documents(
    nlp: Language,
    documents: Iterable[Document],
    *,
    batch_size: int = 32,
    time_budget: float | None = None,
) -> Iterator[DocExtraction | Failure]:
    """Run ``nlp`` over ``documents`` in batches (``nlp.pipe``); a document that breaks the
    pipeline, or takes more than ``time_budget`` seconds (default
    :data:`DOC_TIME_BUDGET`; 0 for none), yields a :class:`Failure` and never costs the
    rest of its batch."""
    budget = DOC_TIME_BUDGET if time_budget is None else time_budget
    it = iter(documents)
    while batch := list(islice(it, batch_size)):
        try:
            with _time_limit(budget * len(batch)):
                done = list(nlp.pipe((make_doc(nlp, d) for d in batch), batch_size=batch_size))
        except OuterAlarm as alarm:
            raise alarm.original from None
        except (Exception, _OverBudget):
            yield from (_one(nlp, d, budget) for d in batch)
            continue
        for d, doc in zip(batch, done, strict=True):
            x = extraction_from_doc(doc, document_info(d))
            x.digest = d.digest
            yield x


def _one(nlp: Language, document: Document, budget: float) -> DocExtraction | Failure:
    if len(document.text) > nlp.max_length:
        reason = f"too long: {len(document.text)} characters (limit {nlp.max_length})"
        return Failure(document.id, document.path, reason)
    try:
        with _time_limit(budget):
            doc = nlp(make_doc(nlp, document))
    except OuterAlarm as alarm:
        raise alarm.original from None
    except _OverBudget:
        reason = f"time budget exceeded: over {budget:g} s in the pipeline"
        return Failure(document.id, document.path, reason)
    except Exception as exc:
        return Failure(document.id, document.path, f"pipeline error: {type(exc).__name__}: {exc}")
    x = extraction_from_doc(doc, document_info(document))
    x.digest = document.digest
    return x
