"""Make character offsets token boundaries, so entity spans are exact with any segmenter.

Word segmenters sometimes glue a name to its neighbour (百度在, Qwen-); rather than widen
the entity to the whole word, the word is split where the entity starts or ends.

>>> import spacy
>>> nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
>>> doc = nlp.make_doc("百度在北京")
>>> with doc.retokenize() as r:
...     _ = r.merge(doc[0:3])
>>> [t.text for t in doc]
['百度在', '北', '京']
>>> split_at(doc, [2])
>>> [t.text for t in doc]
['百度', '在', '北', '京']
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from spacy.tokens import Doc

from .extensions import doc_text


def split_at(doc: Doc, offsets: Iterable[int]) -> None:
    """Split every token that has one of ``offsets`` strictly inside its text.

    Each offset is located by spaCy's binary search over token offsets (``char_span`` with
    ``alignment_mode="expand"``), so the cost grows with the number of offsets, not tokens.
    """
    n_chars = len(doc_text(doc))
    inner: dict[int, list[int]] = {}
    for cut in set(offsets):
        if not 0 < cut < n_chars:
            continue
        span = doc.char_span(cut, cut + 1, alignment_mode="expand")
        if not span:  # None, or empty: the offset is in whitespace between tokens
            continue
        token = span[0]
        if token.idx < cut < token.idx + len(token.text):
            inner.setdefault(token.i, []).append(cut - token.idx)
    if not inner:
        return
    with doc.retokenize() as retokenizer:
        for i, cuts in inner.items():
            token = doc[i]
            bounds = [0, *sorted(cuts), len(token.text)]
            pieces = [token.text[a:b] for a, b in pairwise(bounds)]
            retokenizer.split(token, pieces, heads=[(token, 0)] * len(pieces))
