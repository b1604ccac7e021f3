"""``hkg_sentences``: sentence boundaries for Chinese news text.

A sentence ends after 。！？!?； (and closing quotes or brackets that follow) and at every
line break, so headings, bylines and list items stand alone; a list bullet (•, ●, ■ …)
starts one even inside a line. A run of text longer than
:data:`MAX_SENTENCE` characters without such an end (a list pasted on one line, a spam
page) is cut after its last clause break (，、：…) in the second half of the window, else
at the limit: news sentences stay far below it (the longest in our corpora is about 200
characters), and the per-sentence steps of the components stay bounded, so extraction
time grows linearly with the length of the text.

>>> import spacy
>>> nlp = spacy.blank("zh"); _ = nlp.add_pipe("hkg_sentences")
>>> [s.text for s in nlp("腾讯发布混元。元宝上线！\\n标题").sents]
['腾讯发布混元。', '元宝上线！', '\\n', '标题']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import numpy as np
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import doc_text

_END = re.compile(r"[。！？!?；;]+[」』”’）)》]*|\n+")
#: A list bullet starts a sentence even inside a line (items pasted on one line).
_BULLET = re.compile(r"[•●▪■◆►]")
_CLAUSE_BREAK = re.compile(r"[，,、：:\s]+")
#: The longest sentence the components see; longer runs are cut (see the module doc).
MAX_SENTENCE = 500


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences start (always includes 0 for non-empty text).

    >>> sentence_starts("腾讯发布混元，" * 200)[:3]
    [0, 497, 994]
    """
    return _cut_long(text, _natural_starts(text))


def _natural_starts(text: str) -> list[int]:
    starts = [0] if text else []
    starts += [m.end() for m in _END.finditer(text) if m.end() < len(text)]
    starts += [m.start() for m in re.finditer(r"\n+", text) if m.start() > 0]
    starts += [m.start() for m in _BULLET.finditer(text) if m.start() > 0]
    return sorted(set(starts))


def _cut_long(text: str, starts: list[int]) -> list[int]:
    """``starts`` plus cuts that keep every sentence within :data:`MAX_SENTENCE`."""
    if not starts:
        return starts  # an empty text has no sentence
    ends = [*starts[1:], len(text)]
    if all(b - a <= MAX_SENTENCE for a, b in zip(starts, ends, strict=True)):
        return starts
    out: list[int] = []
    for a, b in zip(starts, ends, strict=True):
        out.append(a)
        while b - a > MAX_SENTENCE:
            cut = a + MAX_SENTENCE
            for m in _CLAUSE_BREAK.finditer(text, a + MAX_SENTENCE // 2, a + MAX_SENTENCE):
                cut = m.end()  # the last clause break of the window
            out.append(cut)
            a = cut
    return out


def within(starts: Sequence[int], lo: int, hi: int) -> slice:
    """The slice of items, sorted by their ``starts``, that start in ``[lo, hi)``: one
    bisection per sentence instead of a scan of every entity.

    >>> within([0, 4, 9, 12], 4, 12)
    slice(1, 3, None)
    """
    return slice(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi))


class SentenceSplitter:
    """Sets ``token.is_sent_start`` from :func:`sentence_starts`."""

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        idx = doc.to_array([IDX]).astype(np.int64).ravel()
        text = doc_text(doc)
        natural = _natural_starts(text)
        starts = _cut_long(text, natural)
        flags = np.where(np.isin(idx, starts), 1, -1)
        if len(starts) > len(natural):  # a cut inside a token: at the token after it
            at = np.searchsorted(idx, sorted(set(starts) - set(natural)))
            flags[at[at < len(idx)]] = 1
        flags[0] = 1
        doc.from_array([SENT_START], flags.astype(np.uint64).reshape(-1, 1))  # type: ignore[arg-type]
        return doc


@Language.factory("hkg_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
