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


def split_at(doc: Doc, offsets: Iterable[int]) -> None:
    """Split every token that has one of ``offsets`` strictly inside its text."""
    cuts = sorted(set(offsets))
    if not cuts:
        return
    targets = []
    for token in doc:
        inner = [c - token.idx for c in cuts if token.idx < c < token.idx + len(token.text)]
        if inner:
            targets.append((token, inner))
    if not targets:
        return
    with doc.retokenize() as retokenizer:
        for token, inner in targets:
            bounds = [0, *inner, len(token.text)]
            pieces = [token.text[a:b] for a, b in pairwise(bounds)]
            retokenizer.split(token, pieces, heads=[(token, 0)] * len(pieces))
