"""Build Docs with hand-set entities, so rule components are tested on their own."""

from __future__ import annotations

import datetime as dt

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import hunyuan_kg.pipeline  # noqa: F401  (registers the factories)


def rule_nlp(*, clause_events: bool = False, learned: bool = False) -> Language:
    """Character tokens; sentences, anaphora, dates, events, relation rules — no entity
    models. ``clause_events`` adds ``hkg_clause_events`` after ``hkg_events``; ``learned``
    adds the relation pair classifier to the rules."""
    nlp = spacy.blank("zh")
    names = ["hkg_sentences", "hkg_anaphora", "hkg_dates", "hkg_events"]
    if clause_events:
        names.append("hkg_clause_events")
    for name in names:
        nlp.add_pipe(name)
    nlp.add_pipe("hkg_relations", config={"learned": learned})
    return nlp


def doc_with_ents(
    nlp: Language,
    text: str,
    ents: dict[str, str],
    *,
    dct: dt.date | None = None,
    source: str = "",
    kb_ids: dict[str, str] | None = None,
) -> Doc:
    """``ents`` maps each entity's text to its label (every occurrence is marked);
    ``kb_ids`` gives some of them a gazetteer id."""
    doc = nlp.make_doc(text)
    doc._.dct = dct
    doc._.source = source
    spans = []
    for name, label in ents.items():
        start = text.find(name)
        kb_id = (kb_ids or {}).get(name, "")
        while start != -1:
            spans.append(doc.char_span(start, start + len(name), label, kb_id=kb_id))
            start = text.find(name, start + len(name))
    doc.ents = sorted((s for s in spans if s is not None), key=lambda s: s.start)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
