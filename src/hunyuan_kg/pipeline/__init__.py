"""The spaCy pipeline: :func:`load` builds hunyuan_kg's Chinese ``Language``.

Components (each a ``@Language.factory``, configured by config):

==================  =========================================================
``hkg_sentences``   sentence boundaries for Chinese news text
``hkg_ner``         statistical NER (shipped character-level model or any spaCy pipeline)
``hkg_entity_ruler`` gazetteer + pattern entities merged with the statistical ones
``hkg_dates``       Chinese date normalization into ``doc.spans["dates"]``
``hkg_events``      typed, dated events into ``doc._.events``
``hkg_relations``   typed relations into ``doc._.relations``
==================  =========================================================

>>> import hunyuan_kg
>>> nlp = hunyuan_kg.load()
>>> nlp.pipe_names[:3]
['hkg_sentences', 'hkg_entity_ruler', 'hkg_dates']
"""

from __future__ import annotations

import spacy
from spacy.lang.zh import ChineseTokenizer
from spacy.language import Language

from ..gazetteer import Gazetteer
from ..resources import data_path
from . import dates, entity_ruler, events, extensions, ner, relations, sentences

__all__ = ["dates", "entity_ruler", "events", "extensions", "load", "ner", "relations", "sentences"]

SEGMENTERS = ("pkuseg", "char")


def load(
    *,
    ner: str | None = None,
    gazetteer: bool = True,
    segmenter: str = "char",
) -> Language:
    """Build the pipeline. Nothing is downloaded: every model ships inside the package.

    ``ner``: None (default) for the gazetteer and the name patterns only; the name or path
    of an installed spaCy pipeline with an ``ner`` component (e.g. ``"zh_core_web_trf"``);
    or ``"hunyuan_kg"`` for our own statistical model once ``data/models/ner`` ships (its
    training under ``training/`` is not finished: see ``docs/model-card.md``).
    ``gazetteer``: False measures the statistical model on its own.
    ``segmenter``: ``"char"`` (default: one token per character, fastest; every component
    works on character offsets) or ``"pkuseg"`` (spacy-pkuseg with our model in
    ``data/models/pkuseg`` once it ships, the gazetteer's names as user dictionary).
    """
    if segmenter not in SEGMENTERS:
        raise ValueError(f"segmenter must be one of {SEGMENTERS}, not {segmenter!r}")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
    if segmenter == "pkuseg":
        model = data_path("models", "pkuseg")
        if not model.is_dir():
            raise FileNotFoundError(f"the shipped pkuseg model is missing at {model}")
        tokenizer: ChineseTokenizer = nlp.tokenizer  # type: ignore[assignment]
        tokenizer.initialize(pkuseg_model=str(model))
        if gazetteer:
            words = sorted(
                {
                    f
                    for e in Gazetteer.default().entries.values()
                    for f in e.surface_forms
                    if " " not in f
                }
            )
            tokenizer.pkuseg_update_user_dict(words)
    nlp.add_pipe("hkg_sentences")
    if ner:
        nlp.add_pipe("hkg_ner", config={"model": ner})
    nlp.add_pipe("hkg_entity_ruler", config={"gazetteer": gazetteer})
    nlp.add_pipe("hkg_dates")
    nlp.add_pipe("hkg_events", config={"gazetteer": gazetteer})
    nlp.add_pipe("hkg_relations", config={"gazetteer": gazetteer})
    return nlp
