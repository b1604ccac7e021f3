"""``hkg_dates``: :func:`hunyuan_kg.temporal.find_dates` as a spaCy component.

The mentions go to ``doc.spans["dates"]`` (calendar dates with a value, and the vague,
past and future expressions), each span carrying its
:class:`~hunyuan_kg.temporal.DateMention` in ``span._.date``. Relative dates are anchored
on ``doc._.dct``.

>>> import datetime as dt, spacy
>>> nlp = spacy.blank("zh")
>>> _ = nlp.add_pipe("hkg_dates")
>>> doc = nlp.make_doc("去年 9 月发布，近日更新")
>>> doc._.dct = dt.date(2024, 7, 4)
>>> [(s.text, s._.date.value, s._.date.kind) for s in nlp(doc).spans["dates"]]
[('去年 9 月', '2023-09', 'date'), ('近日', '2024-07', 'vague')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from hunyuan_kg.temporal import find_dates

from . import extensions
from .extensions import doc_text

extensions.register()


class DateTagger:
    """Put the date mentions of ``doc.text`` of the configured kinds into a span group."""

    def __init__(self, *, spans_key: str, kinds: list[str]) -> None:
        self.spans_key = spans_key
        self.kinds = frozenset(kinds)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for mention in find_dates(doc_text(doc), doc._.dct):
            if mention.kind not in self.kinds or (mention.kind == "date" and not mention.is_date):
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            span._.date = mention
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "hkg_dates",
    default_config={"spans_key": "dates", "kinds": ["date", "vague", "past", "future"]},
)
def make_date_tagger(nlp: Language, name: str, spans_key: str, kinds: list[str]) -> DateTagger:
    """Build ``hkg_dates``; ``kinds`` chooses which mention kinds become spans."""
    return DateTagger(spans_key=spans_key, kinds=kinds)
