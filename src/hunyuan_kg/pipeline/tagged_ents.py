"""``hkg_tags_to_ents``: entities from per-token BIO / BILUO tags (a tagger-based NER).

A cheap alternative to spaCy's transition-based ``ner``: a ``tagger`` predicts one entity tag
per (character) token — ``B-PERSON``, ``I-PERSON``, ``O`` (BIO) or also ``L-`` / ``U-``
(BILUO) — and this component turns ``token.tag_`` into ``doc.ents``. Invalid sequences are
repaired instead of dropped: an ``I-`` (or ``L-``) that does not continue an entity of the
same type starts a new one, and the type always comes from the tag itself. Tags that are not
entity tags (empty, or anything without a ``X-`` prefix other than ``O``) count as ``O``.

>>> import spacy
>>> from spacy.tokens import Doc
>>> nlp = spacy.blank("zh")
>>> ents = nlp.add_pipe("hkg_tags_to_ents", config={"labels": ["PERSON", "LOC"]})
>>> words = list("马化腾在深圳说李")
>>> tags = ["B-PERSON", "I-PERSON", "I-PERSON", "O", "I-LOC", "I-LOC", "O", "U-PERSON"]
>>> doc = ents(Doc(nlp.vocab, words=words, spaces=[False] * 8, tags=tags))
>>> [(e.text, e.label_) for e in doc.ents]
[('马化腾', 'PERSON'), ('深圳', 'LOC'), ('李', 'PERSON')]
>>> ents.labels
('LOC', 'PERSON')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.attrs import TAG
from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc, Span
from spacy.training import Example

from .extensions import doc_text

_STARTS = frozenset("BU")
_LATIN = re.compile(r"[A-Za-z0-9]")
_ENDS = frozenset("LU")


def tags_to_spans(tags: Iterable[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, label)`` of a BIO or BILUO tag sequence, repaired.

    >>> tags_to_spans(["I-ORG", "I-ORG", "B-ORG", "L-LOC", "O", "U-PER", "I-PER"])
    [(0, 2, 'ORG'), (2, 3, 'ORG'), (3, 4, 'LOC'), (5, 6, 'PER'), (6, 7, 'PER')]
    """
    spans: list[tuple[int, int, str]] = []
    start, label, n = -1, "", 0
    for i, tag in enumerate(tags):
        n = i + 1
        prefix, sep, typ = tag.partition("-")
        if not sep or not typ or prefix not in ("B", "I", "L", "U"):
            if start >= 0:
                spans.append((start, i, label))
                start = -1
            continue
        if start >= 0 and (prefix in _STARTS or typ != label):
            spans.append((start, i, label))
            start = -1
        if start < 0:
            start, label = i, typ
        if prefix in _ENDS:
            spans.append((start, i + 1, label))
            start = -1
    if start >= 0:
        spans.append((start, n, label))
    return spans


def whole_words(
    spans: list[tuple[int, int, str]], latin: list[bool], spaced: list[bool]
) -> list[tuple[int, int, str]]:
    """``spans`` widened to whole Latin words, and two Latin words of one type with a space
    between joined: a character tagger sees a few characters either side, so it may tag
    ``Alexan`` of ``Alexander Chailytko`` or the two words apart. ``latin[i]``: token ``i``
    is a Latin letter or digit; ``spaced[i]``: a space follows it.

    >>> latin, spaced = [True] * 10 + [False], [False] * 3 + [True] + [False] * 7
    >>> whole_words([(1, 3, "PERSON"), (6, 8, "PERSON")], latin, spaced)  # Anna Kildal。
    [(0, 10, 'PERSON')]
    >>> whole_words([(0, 2, "ORG"), (2, 4, "ORG")], [False] * 4, [False] * 4)  # 甲乙丙丁
    [(0, 2, 'ORG'), (2, 4, 'ORG')]
    """
    n = len(latin)
    joined = [latin[i] and i + 1 < n and latin[i + 1] and not spaced[i] for i in range(n)]
    out: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        while start > 0 and joined[start - 1]:
            start -= 1
        while end < n and joined[end - 1]:
            end += 1
        if out and out[-1][1] > start:  # two pieces of one word
            if out[-1][2] != label:
                continue
            start = out.pop()[0]
        elif (
            out
            and out[-1][2] == label
            and out[-1][1] == start
            and spaced[start - 1]
            and latin[start - 1]
            and latin[start]
        ):
            start = out.pop()[0]  # the next word of a Latin name
        out.append((start, end, label))
    return out


class TagsToEnts:
    """Sets ``doc.ents`` from the entity tags in ``token.tag_`` (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, labels: list[str], tagger: str) -> None:
        self.nlp = nlp
        self.name = name
        self._labels = tuple(sorted(labels))
        self.tagger = tagger

    @property
    def labels(self) -> tuple[str, ...]:
        """Entity labels: the configured ones, else those of the tagger's ``X-LABEL`` tags."""
        if self._labels:
            return self._labels
        if self.tagger in self.nlp.pipe_names:
            tags = self.nlp.get_pipe(self.tagger).labels  # type: ignore[attr-defined]
            return tuple(sorted({t.partition("-")[2] for t in tags if "-" in t}))
        return ()

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        tags = [strings[int(k)] if k else "" for k in doc.to_array([TAG]).ravel().tolist()]
        found = tags_to_spans(tags)
        if found and _LATIN.search(doc_text(doc)):  # the per-token lists only where they matter
            latin = [t.text.isascii() and t.text.isalnum() for t in doc]
            found = whole_words(found, latin, [bool(t.whitespace_) for t in doc])
        spans = [Span(doc, start, end, label=label) for start, end, label in found]
        doc.set_ents(spans, default="outside")
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """``ents_p`` / ``ents_r`` / ``ents_f`` / ``ents_per_type``, as spaCy's ``ner`` scorer."""
        return get_ner_prf(examples, **kwargs)


@Language.factory(
    "hkg_tags_to_ents",
    default_config={"labels": [], "tagger": "tagger"},
    default_score_weights={
        "ents_f": 1.0,
        "ents_p": 0.0,
        "ents_r": 0.0,
        "ents_per_type": None,
    },
)
def make_tags_to_ents(nlp: Language, name: str, labels: list[str], tagger: str) -> TagsToEnts:
    """``labels`` (optional) fixes the entity labels reported in ``nlp.meta``; by default
    they are read from the tags of the component named ``tagger``."""
    return TagsToEnts(nlp, name, labels, tagger)


__all__ = ["TagsToEnts", "make_tags_to_ents", "tags_to_spans"]
