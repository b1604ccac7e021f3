"""``hkg_anaphora``: 这家公司 / 该公司 / clause-initial 公司 as mentions of an organisation.

News refers back to the company an article is about with a definite description
(``data/entities/anaphora.yml``). Each match that does not overlap an entity becomes an
entity span labelled like its antecedent, with the antecedent's
:class:`~hunyuan_kg.pipeline.refs.EntityRef` in ``span._.antecedent``: events, relations and
mentions then read it as the antecedent (:meth:`EntityRef.from_span`). The antecedent is the
organisation mentioned most often in the description's paragraph and the one before it (up
to the description; the first named among equals), else the one mentioned most often before
it in the whole article: in a news digest the company of an earlier item is not meant when
the item names its own. A mention of someone's former employer (原某某 CEO, 曾任某某创始人)
does not count.

>>> import hunyuan_kg
>>> nlp = hunyuan_kg.load(ner=None, segmenter="char")
>>> doc = nlp("百度发布了新模型。清华大学也参与了。这家公司还计划推出更多应用。")
>>> [(e.text, e._.antecedent.text) for e in doc.ents if e._.antecedent]
[('这家公司', '百度')]
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..resources import alternation, data_path, read_yaml
from . import extensions
from .boundaries import split_at
from .extensions import doc_text
from .refs import EntityRef, span_identity

extensions.register()


@cache
def _raw() -> dict[str, Any]:
    return read_yaml(data_path("entities", "anaphora.yml"))


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    """One compiled alternation of the descriptions per label."""
    return {
        label: re.compile("|".join(f"(?:{p})" for p in ps), re.M)
        for label, ps in _raw()["descriptions"].items()
    }


@cache
def _past_before() -> re.Pattern[str]:
    """What stands before a mention of someone's former employer (原, 曾任 …)."""
    return re.compile(f"(?:{alternation(_raw()['past_before'])})\\s*$")


class Anaphora:
    """Adds the definite descriptions of ``patterns()`` to ``doc.ents``."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        ents = list(doc.ents)
        taken = bytearray(len(text) + 1)
        for e in ents:
            taken[e.start_char : e.end_char] = b"\x01" * (e.end_char - e.start_char)
        found: list[tuple[int, int, EntityRef]] = []
        past = _past_before()
        for label, rx in patterns().items():
            named = [
                e
                for e in ents
                if e.label_ == label
                and not past.search(text, max(0, e.start_char - 6), e.start_char)
            ]
            for m in rx.finditer(text):
                if any(taken[m.start() : m.end()]):
                    continue
                before = [e for e in named if e.end_char <= m.start()]
                lo = _previous_paragraph_start(text, m.start())
                first = most_mentioned([e for e in before if e.start_char >= lo]) or (
                    most_mentioned(before)
                )
                if first is not None:
                    found.append((m.start(), m.end(), EntityRef.from_span(first)))
        if not found:
            return doc
        split_at(doc, (x for start, end, _ in found for x in (start, end)))
        spans = list(doc.ents)
        for start, end, ref in found:
            span = doc.char_span(start, end, ref.label)
            if span is not None:
                span._.antecedent = ref
                spans.append(span)
        doc.ents = filter_spans(spans)
        return doc


def _previous_paragraph_start(text: str, at: int) -> int:
    """Where the paragraph before the one holding ``at`` starts (0 in the first two)."""
    start = text.rfind("\n", 0, at) + 1
    prev = text[:start].rstrip("\n")
    return text.rfind("\n", 0, len(prev)) + 1 if prev else 0


def most_mentioned(named: list[Span]) -> Span | None:
    """The first mention of the entity named most often in ``named`` (by gazetteer id, else
    by text; the first named among equals)."""
    if not named:
        return None
    counts = Counter(span_identity(e) for e in named)
    best = max(counts, key=lambda k: counts[k])
    return next(e for e in named if span_identity(e) == best)


@Language.factory("hkg_anaphora")
def make_anaphora(nlp: Language, name: str) -> Anaphora:
    return Anaphora()
