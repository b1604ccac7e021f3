"""``hkg_ner``: statistical named-entity recognition by a character-level spaCy model.

The NER model is its own small spaCy pipeline (``data/models/ner``, trained by
``training/``; see ``docs/model-card.md``). It reads the raw text with character tokens, so
its spans do not depend on word segmentation; they are mapped onto the outer ``Doc`` by
character offsets. Any installed spaCy pipeline with an ``ner`` component can replace it
(``model = "zh_core_web_trf"``); ``label_map`` maps its labels onto ours.

>>> import hunyuan_kg
>>> nlp = hunyuan_kg.load(ner="zh_core_web_sm")  # doctest: +SKIP
>>> [(e.text, e.label_) for e in nlp("马化腾在深圳宣布了新计划。").ents]  # doctest: +SKIP
[('马化腾', 'PERSON'), ('深圳', 'LOC')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans
from thinc.api import NumpyOps, get_current_ops, use_ops

from ..resources import data_path
from . import tagged_ents  # noqa: F401  (the fast model's last component)
from .boundaries import split_at
from .extensions import doc_text

SHIPPED = "hunyuan_kg"
# The shipped models by name: the transition-based NER (default) and a character tagger
# about twice as fast, as good on real tech news and weaker on general news
# (docs/model-card.md, "Fast model").
SHIPPED_MODELS = {SHIPPED: "ner", "hunyuan_kg_fast": "ner_fast"}

# People, places and organisations are taken from the statistical model by default; the
# entity ruler keeps a model organisation only when it ends in an organisation head word or
# a job title follows it (docs/model-card.md). Its products are left to the gazetteer and
# the name patterns, which find them more precisely on real articles. Pass another
# ``label_map`` to take more.
DEFAULT_LABEL_MAP = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
}
# Without a gazetteer the model is the only reader of products: ``load(gazetteer=False)``
# takes its products too.
ALL_LABEL_MAP = {**DEFAULT_LABEL_MAP, "PRODUCT": "PRODUCT"}


def load_ner_model(model: str) -> Language:
    """Load a shipped NER model (``"hunyuan_kg"``, ``"hunyuan_kg_fast"``) or an installed
    spaCy pipeline.

    On the CPU the model's matrix products go to NumPy's BLAS instead of thinc's default
    (blis): the same results, 1.7–2.3× faster NER on this project's benchmark machine
    (``benchmarks/RESULTS.md``).
    """
    name: str | Path = model
    if model in SHIPPED_MODELS:
        name = data_path("models", SHIPPED_MODELS[model])
        if not (name / "config.cfg").exists():
            raise FileNotFoundError(
                f"the shipped NER model is missing at {name}; reinstall hunyuan_kg"
            )
    if isinstance(get_current_ops(), NumpyOps):
        with use_ops("numpy", use_blis=False):
            inner = spacy.load(name)
    else:
        inner = spacy.load(name)
    if model not in SHIPPED_MODELS:
        keep = {"transformer", "tok2vec", "ner"}
        inner.select_pipes(enable=[p for p in inner.pipe_names if p in keep])
    return inner


class CharNER:
    """Runs an inner NER pipeline over ``doc.text`` and sets ``doc.ents``."""

    def __init__(
        self, inner: Language, label_map: dict[str, str], max_batch_chars: int = 100_000
    ) -> None:
        self.inner = inner
        self.label_map = label_map
        self.max_batch_chars = max_batch_chars

    def _apply(self, doc: Doc, inner_doc: Doc) -> Doc:
        found = [
            (ent.start_char, ent.end_char, label)
            for ent in inner_doc.ents
            if (label := self.label_map.get(ent.label_)) is not None
        ]
        split_at(doc, (x for start, end, _ in found for x in (start, end)))
        spans = []
        for start, end, label in found:
            span = doc.char_span(start, end, label)
            if span is not None:
                spans.append(span)
        doc.ents = filter_spans(spans)
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return self._apply(doc, self.inner(doc_text(doc)))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Batches of at most ``batch_size`` documents and about ``max_batch_chars``
        characters: the model pads a batch to its longest text, so a count alone lets a
        batch of long articles take gigabytes (``nlp.pipe`` passes ``batch_size=1000``)."""
        for batch in _batches(docs, batch_size, self.max_batch_chars):
            inner_docs = self.inner.pipe((doc_text(d) for d in batch), batch_size=len(batch))
            for doc, inner_doc in zip(batch, inner_docs, strict=True):
                yield self._apply(doc, inner_doc)


def _batches(docs: Iterable[Doc], size: int, max_chars: int) -> Iterator[list[Doc]]:
    """Consecutive batches of at most ``size`` documents whose texts, padded to the longest,
    hold at most ``max_chars`` characters (a longer document goes alone).

    >>> import spacy
    >>> nlp = spacy.blank("zh")
    >>> docs = [nlp.make_doc("字" * n) for n in (10, 10, 40, 5)]
    >>> [[len(d) for d in b] for b in _batches(docs, 8, 50)]
    [[10, 10], [40], [5]]
    """
    batch: list[Doc] = []
    longest = 0
    for doc in docs:
        n = len(doc_text(doc))
        if batch and (len(batch) == size or max(longest, n) * (len(batch) + 1) > max_chars):
            yield batch
            batch, longest = [], 0
        batch.append(doc)
        longest = max(longest, n)
    if batch:
        yield batch


@Language.factory(
    "hkg_ner",
    default_config={"model": SHIPPED, "label_map": DEFAULT_LABEL_MAP, "max_batch_chars": 100_000},
)
def make_ner(
    nlp: Language, name: str, model: str, label_map: dict[str, str], max_batch_chars: int
) -> CharNER:
    return CharNER(load_ner_model(model), label_map, max_batch_chars)
