"""Rules on real gazetteer entries: ambiguous names need a cue, names of government bodies,
conference series and their organisers."""

from __future__ import annotations

import pytest

import hunyuan_kg


@pytest.fixture(scope="module")
def nlp():
    return hunyuan_kg.load(ner=None, segmenter="char")


@pytest.mark.parametrize(
    "text",
    [
        "美团宣布收购光年之外。",
        "光年之外团队将并入美团。",
        "王慧文创办光年之外后，很快组建了团队。",
    ],
)
def test_an_ambiguous_company_name_with_a_company_cue_is_an_entity(nlp, text):
    assert ("光年之外", "ORG") in [(e.text, e.label_) for e in nlp(text).ents]


def test_an_ambiguous_company_name_without_a_cue_is_not(nlp):
    assert "光年之外" not in [e.text for e in nlp("那颗恒星远在数百光年之外。").ents]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("星河科技与中国气象局合作推出新模型。", "中国气象局"),
        ("国家数据局正式揭牌。", "国家数据局"),
    ],
)
def test_government_bodies_by_their_head_word(nlp, text, name):
    assert (name, "ORG") in [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize(
    "text", ["对很多创作者来说，这款应用很有用。", "两年后国内的模型能力将拉齐。"]
)
def test_words_shaped_like_names_are_not_people(text):
    people = [e.text for e in hunyuan_kg.load()(text).ents if e.label_ == "PERSON"]
    assert people == []


def test_a_conference_series_names_its_organiser(nlp):
    import datetime as dt

    doc = nlp.make_doc("2023 年 10 月 31 日，2023 云栖大会在杭州开幕。")
    doc._.dct = dt.date(2023, 11, 1)
    doc = nlp(doc)
    conferences = [e for e in doc._.events if e.type == "conference"]
    assert conferences
    assert all(("阿里云", "agent") in [(p.text, r) for p, r in e.participants] for e in conferences)
