"""``hkg_sentences``: sentence boundaries for Chinese news text.

A sentence ends after 。！？!?； (and closing quotes or brackets that follow) and at every
line break, so headings, bylines and list items stand alone.

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

_END = re.compile(r"[。！？!?；;]+[」』”’）)》]*|\n+")


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences start (always includes 0 for non-empty text)."""
    starts = [0] if text else []
    starts += [m.end() for m in _END.finditer(text) if m.end() < len(text)]
    starts += [m.start() for m in re.finditer(r"\n+", text) if m.start() > 0]
    return sorted(set(starts))


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
        flags = np.where(np.isin(idx, sentence_starts(doc.text)), 1, -1)
        flags[0] = 1
        doc.from_array([SENT_START], flags.astype(np.uint64).reshape(-1, 1))  # type: ignore[arg-type]
        return doc


@Language.factory("hkg_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
