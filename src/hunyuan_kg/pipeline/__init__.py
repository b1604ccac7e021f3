"""The spaCy pipeline: :func:`load` builds hunyuan_kg's Chinese ``Language``.

Components (each a ``@Language.factory``, configured by config):

=====================  ======================================================
``hkg_sentences``      sentence boundaries for Chinese news text
``hkg_ner``            statistical NER (shipped character-level model or any spaCy pipeline)
``hkg_entity_ruler``   gazetteer + pattern entities merged with the statistical ones
``hkg_anaphora``       这家公司 / 该公司 as mentions of the organisation they refer to
``hkg_dates``          Chinese date normalization into ``doc.spans["dates"]``
``hkg_events``         typed, dated events into ``doc._.events``
``hkg_clause_events``  other dated clauses that name an actor, as events
``hkg_relations``      typed relations into ``doc._.relations``
=====================  ======================================================

>>> import hunyuan_kg
>>> nlp = hunyuan_kg.load()
>>> nlp.pipe_names[:3]
['hkg_sentences', 'hkg_ner', 'hkg_entity_ruler']
"""

from __future__ import annotations

import spacy
import spacy_pkuseg
from spacy.lang.zh import ChineseTokenizer
from spacy.language import Language

from .. import __version__
from ..gazetteer import Gazetteer
from ..resources import data_path
from . import (
    anaphora,
    clause_events,
    dates,
    entity_ruler,
    events,
    extensions,
    ner,
    relations,
    sentences,
)
from .ner import ALL_LABEL_MAP, DEFAULT_LABEL_MAP

__all__ = [
    "anaphora",
    "clause_events",
    "dates",
    "entity_ruler",
    "events",
    "extensions",
    "load",
    "ner",
    "relations",
    "sentences",
]

SEGMENTERS = ("pkuseg", "char")

#: ``nlp.meta`` of a loaded pipeline (saved with ``nlp.to_disk`` as ``meta.json``).
META = {
    "name": "hunyuan_kg",
    "version": __version__,
    "description": "Chinese tech-news entities (PERSON, ORG, PRODUCT), dates, events and "
    "relations for a knowledge graph and timeline: spacy-pkuseg segmentation, a "
    "character-level NER model, a tech-industry gazetteer and rules.",
    "license": "MIT",
    "requirements": [f"hunyuan_kg>={__version__}"],
}


def load(
    *,
    ner: str | None = "hunyuan_kg",
    gazetteer: bool = True,
    segmenter: str = "pkuseg",
) -> Language:
    """Build the pipeline. Nothing is downloaded: every model ships inside the package.

    ``ner``: ``"hunyuan_kg"`` (default) for our character-level statistical model
    (``data/models/ner``, see ``docs/model-card.md``), ``"hunyuan_kg_fast"`` for the shipped
    character tagger (``data/models/ner_fast``: about twice as fast, as good on real tech
    news, weaker on general news), the name or path of an installed
    spaCy pipeline with an ``ner`` component (e.g. ``"zh_core_web_trf"``), or None for the
    gazetteer and the name patterns only.
    ``gazetteer``: False measures the statistical model on its own (it then gives products
    and Latin-script names too, which the gazetteer reads better when it is there).
    ``segmenter``: ``"pkuseg"`` (default: spacy-pkuseg with our model in
    ``data/models/pkuseg`` and the gazetteer's names as user dictionary) or ``"char"`` (one
    token per character, faster). Every component works on character offsets and splits
    words at entity boundaries, so both give the same entities, relations and events.
    """
    if segmenter not in SEGMENTERS:
        raise ValueError(f"segmenter must be one of {SEGMENTERS}, not {segmenter!r}")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
    if segmenter == "pkuseg":
        model = data_path("models", "pkuseg")
        if not model.is_dir():
            raise FileNotFoundError(f"the shipped pkuseg model is missing at {model}")
        tokenizer: ChineseTokenizer = nlp.tokenizer  # type: ignore[assignment]
        # initialize() would build a pkuseg model with spaCy's default dictionary only for
        # it to be replaced below: set the segmenter directly (one build per process).
        # spaCy always adds spacy_pkuseg's bundled dictionary, which costs 1.3 F on the
        # SIGHAN PKU test (docs/model-card.md): segment with our model and our names only.
        seg = spacy_pkuseg.pkuseg(str(model), user_dict=None)
        # Without a user dictionary the post-processor has no word sets, which spaCy's
        # to_disk/to_bytes read: give it empty ones (do_process stays False).
        seg.postprocesser.common_words = set()
        seg.postprocesser.other_words = set()
        tokenizer.pkuseg_seg = seg
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
        labels = DEFAULT_LABEL_MAP if gazetteer else ALL_LABEL_MAP
        nlp.add_pipe("hkg_ner", config={"model": ner, "label_map": labels})
    nlp.add_pipe("hkg_entity_ruler", config={"gazetteer": gazetteer})
    nlp.add_pipe("hkg_anaphora")
    nlp.add_pipe("hkg_dates")
    nlp.add_pipe("hkg_events", config={"gazetteer": gazetteer})
    nlp.add_pipe("hkg_clause_events")
    nlp.add_pipe("hkg_relations", config={"gazetteer": gazetteer})
    nlp.meta.update(META)
    return nlp
