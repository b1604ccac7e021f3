"""A learned pair classifier for relations the rules do not cover.

For two entities of one sentence (``first`` written before ``second``) it reads the text
between them and around them (character n-grams with digits and Latin letters folded, the
distance, the entities in between, the labels) and scores every relation type in both
directions plus "none" with a multinomial logistic regression. The weights
(``data/models/relations/model.json``) were learned from raw tech-news sentences annotated
by hand (``training/RELATIONS.md``, ``training/scripts/train_relations.py``); the model card
names the corpus.

>>> model = PairModel.default()
>>> model.pairs("星河科技宣布收购北辰软件。", [(0, 4, "ORG"), (8, 12, "ORG")])[0][2]
'acquires'
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from ..resources import data_path
from ..usercache import cached

#: an entity of the sentence: start, end (offsets into the sentence text) and label
Mention = tuple[int, int, str]
#: the labels of the entities the classifier reads (and was trained on)
LABELS = frozenset({"PERSON", "ORG", "PRODUCT"})

_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"[A-Za-z]")
_SPACE = re.compile(r"\s+")
_LONG = 24  # longer stretches between the two are read at their two ends only
#: pairs with more entities between them are not read (3 % of the annotated relations)
MAX_BETWEEN = 3


def _fold(text: str) -> str:
    """Digits to 0, Latin letters to a, runs of space to one (so that names and figures
    do not become features)."""
    return _SPACE.sub(" ", _LATIN.sub("a", _DIGIT.sub("0", text)))


def _bucket(n: int) -> str:
    return next(str(b) for b in (0, 1, 2, 5, 10, 20) if n <= b) if n <= 20 else "21+"


def pair_features(
    text: str, first: Mention, second: Mention, inside: Sequence[Mention]
) -> list[str]:
    """Features of the pair ``first`` → ``second`` (``first`` ends before ``second``
    starts); ``inside`` are the entities between them.

    >>> pair_features("甲公司收购乙公司", (0, 3, "ORG"), (5, 8, "ORG"), [])[:4]
    ['t=ORG>ORG', 'd=2', 'dt=2ORG>ORG', 'n=0']
    """
    types = f"{first[2]}>{second[2]}"
    gap = text[first[1] : second[0]]
    folded = _fold(gap).strip()
    feats = [f"t={types}", f"d={_bucket(len(folded))}", f"dt={_bucket(len(folded))}{types}"]
    feats.append(f"n={min(len(inside), 3)}")
    feats += [f"i={m[2]}" for m in inside]
    if len(folded) <= 4:
        feats.append(f"bx={folded}")
        feats.append(f"bxt={folded}{types}")
    parts = [("b", folded)] if len(folded) <= _LONG else [("bl", folded[:12]), ("br", folded[-12:])]
    for tag, part in parts:
        for n in (1, 2, 3):
            feats += [f"{tag}{n}={part[k : k + n]}" for k in range(len(part) - n + 1)]
    left = _fold(text[max(0, first[0] - 4) : first[0]])
    right = _fold(text[second[1] : second[1] + 6])
    feats += [f"l{n}={left[-n:]}" for n in (1, 2, 3) if len(left) >= n]
    feats += [f"r{n}={right[:n]}" for n in (1, 2, 3, 4) if len(right) >= n]
    feats += [f"rr2={right[k : k + 2]}" for k in range(len(right) - 1)]
    a, b = text[first[0] : first[1]], text[second[0] : second[1]]
    if b.startswith(a) or a.startswith(b):
        feats.append("prefix")
    return feats


@dataclass(frozen=True)
class PairModel:
    """Weights of the pair classifier: ``classes`` are ``none`` and ``TYPE>`` (head is the
    first entity) or ``TYPE<`` (head is the second); row ``index[f]`` of ``weights`` holds
    feature ``f``'s weight for each class."""

    classes: tuple[str, ...]
    bias: np.ndarray
    index: dict[str, int]
    weights: np.ndarray
    threshold: float

    @classmethod
    def load(cls, path: Path) -> PairModel:
        """Read ``model.json`` (written by ``training/scripts/train_relations.py``):
        classes, bias, threshold, and for each feature its non-zero class weights."""
        raw = json.loads(path.read_text(encoding="utf-8"))
        features = list(raw["weights"])
        weights = np.zeros((len(features), len(raw["classes"])), dtype=np.float32)
        for row, f in enumerate(features):
            for k, w in raw["weights"][f].items():
                weights[row, int(k)] = w
        return cls(
            classes=tuple(raw["classes"]),
            bias=np.asarray(raw["bias"], dtype=np.float32),
            index={f: i for i, f in enumerate(features)},
            weights=weights,
            threshold=float(raw["threshold"]),
        )

    @classmethod
    def default(cls) -> PairModel:
        """The shipped model (read from the user cache when the file and the code are
        unchanged: parsing its JSON takes about 0.4 s in every process)."""
        return _default()

    def probabilities(self, feats: Sequence[str]) -> np.ndarray:
        """Softmax over :attr:`classes` for one pair's features."""
        return self._softmax([feats])[0]

    def _softmax(self, pairs: Sequence[Sequence[str]]) -> np.ndarray:
        """Class probabilities of many pairs (one row each), in one sum over weight rows."""
        rows: list[int] = []
        owner: list[int] = []
        for n, feats in enumerate(pairs):
            found = [i for i in map(self.index.get, feats) if i is not None]
            rows += found
            owner += [n] * len(found)
        scores = np.tile(self.bias, (len(pairs), 1))
        np.add.at(scores, owner, self.weights[rows])
        exps = np.exp(scores - scores.max(axis=1, keepdims=True))
        return exps / exps.sum(axis=1, keepdims=True)

    def pairs(
        self, text: str, mentions: Sequence[Mention]
    ) -> list[tuple[int, int, str, bool, float]]:
        """The most likely relation of every pair of ``mentions`` (in text order) that
        :func:`candidate_pairs` gives: (first index, second index, type or "none", whether
        the first is the head, probability).

        >>> model = PairModel.default()
        >>> [(i, j, kind, head) for i, j, kind, head, p in model.pairs(
        ...     "星河科技宣布收购北辰软件。", [(0, 4, "ORG"), (8, 12, "ORG")])]
        [(0, 1, 'acquires', True)]
        """
        index = candidate_pairs(text, mentions)
        if not index:
            return []
        probs = self._softmax(
            [pair_features(text, mentions[i], mentions[j], mentions[i + 1 : j]) for i, j in index]
        )
        out = []
        for (i, j), row in zip(index, probs, strict=True):
            k = int(row.argmax())
            label = self.classes[k]
            kind = "none" if label == "none" else label[:-1]
            out.append((i, j, kind, label == "none" or label.endswith(">"), float(row[k])))
        return out


def candidate_pairs(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """The pairs (i, j) of ``mentions`` (in text order) that the classifier reads, in
    training as in the pipeline: ``i`` ends before ``j`` starts, the two are not the same
    name, and at most :data:`MAX_BETWEEN` others stand between them.

    >>> candidate_pairs("甲公司和甲公司与乙", [(0, 3, "ORG"), (4, 7, "ORG"), (8, 9, "ORG")])
    [(0, 2), (1, 2)]
    """
    name = [text[m[0] : m[1]] for m in mentions]
    return [
        (i, j)
        for i in range(len(mentions))
        for j in range(i + 1, min(len(mentions), i + 2 + MAX_BETWEEN))
        if mentions[i][1] <= mentions[j][0] and name[i] != name[j]
    ]


@cache
def _default() -> PairModel:
    path = data_path("models", "relations", "model.json")
    return cached("relation-model", [path], lambda: PairModel.load(path))
