"""``hkg_tags_to_ents``: entities from per-character tags, whole Latin words kept whole."""

from __future__ import annotations

import itertools

import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from hunyuan_kg.pipeline.tagged_ents import tags_to_spans, whole_words

TAGS = st.sampled_from(["O", "B-PERSON", "I-PERSON", "B-ORG", "I-ORG", ""])


def ents_of(text: str, tags: list[str]) -> list[tuple[str, str]]:
    nlp = spacy.blank("zh")
    component = nlp.add_pipe("hkg_tags_to_ents", config={"labels": ["PERSON", "ORG"]})
    doc = nlp.make_doc(text)
    doc = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    for token, tag in zip(doc, tags, strict=True):
        token.tag_ = tag
    return [(e.text, e.label_) for e in component(doc).ents]


def test_a_latin_name_tagged_in_pieces_is_one_name():
    text = "记者Marta Kovacs说。"
    tags = ["O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "O"]
    tags += ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"]
    assert ents_of(text, tags) == [("Marta Kovacs", "PERSON")]


def test_chinese_names_side_by_side_stay_apart():
    tags = ["B-ORG", "I-ORG", "B-ORG", "I-ORG", "O"]
    assert ents_of("星河北辰和", tags) == [("星河", "ORG"), ("北辰", "ORG")]


@given(st.lists(st.tuples(st.booleans(), st.booleans(), TAGS), min_size=1, max_size=40))
def test_names_never_start_or_end_inside_a_latin_word(tokens):
    latin = [t[0] for t in tokens]
    spaced = [t[1] for t in tokens]
    spans = whole_words(tags_to_spans([t[2] for t in tokens]), latin, spaced)
    n = len(tokens)
    joined = [latin[i] and i + 1 < n and latin[i + 1] and not spaced[i] for i in range(n)]
    for start, end, _ in spans:
        assert 0 <= start < end <= n
        assert start == 0 or not joined[start - 1]
        assert not joined[end - 1]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
