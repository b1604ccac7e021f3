"""Relation rules (data/relations/rules.yml) on hand-marked entities."""

from __future__ import annotations

import pytest

from helpers_pipeline import doc_with_ents, rule_nlp


@pytest.fixture(scope="module")
def nlp():
    return rule_nlp()


def rels(doc):
    return sorted((r.type, r.head.text, r.tail.text, r.role) for r in doc._.relations)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "据腾讯集团副总裁蒋杰介绍，模型已上线。",
            {"腾讯集团": "ORG", "蒋杰": "PERSON"},
            ("role", "蒋杰", "腾讯集团", "副总裁"),
        ),
        (
            "腾讯 AI Lab 副主任俞栋离职。",
            {"腾讯 AI Lab": "ORG", "俞栋": "PERSON"},
            ("role", "俞栋", "腾讯 AI Lab", "副主任"),
        ),
        (
            "上海财经大学校长刘元春认为前景广阔。",
            {"上海财经大学": "ORG", "刘元春": "PERSON"},
            ("role", "刘元春", "上海财经大学", "校长"),
        ),
        (
            "混元大模型负责人刘煜宏表示。",
            {"混元大模型": "PRODUCT", "刘煜宏": "PERSON"},
            ("role", "刘煜宏", "混元大模型", "负责人"),
        ),
        (
            "王伟担任星河科技的首席技术官。",
            {"王伟": "PERSON", "星河科技": "ORG"},
            ("role", "王伟", "星河科技", "首席技术官"),
        ),
        (
            "百度创始人、董事长兼首席执行官李彦宏发布了新品。",
            {"百度": "ORG", "李彦宏": "PERSON"},
            ("role", "李彦宏", "百度", "创始人、董事长兼首席执行官"),
        ),
        (
            "光年实验室是星河集团旗下的研究机构。",
            {"光年实验室": "ORG", "星河集团": "ORG"},
            ("part_of", "光年实验室", "星河集团", ""),
        ),
        (
            "推出基于混元大模型的 App——元宝。",
            {"混元大模型": "PRODUCT", "元宝": "PRODUCT"},
            ("based_on", "元宝", "混元大模型", ""),
        ),
        (
            "元宝基于混元打造。",
            {"元宝": "PRODUCT", "混元": "PRODUCT"},
            ("based_on", "元宝", "混元", ""),
        ),
        (
            "腾讯会议已经接入了混元。",
            {"腾讯会议": "PRODUCT", "混元": "PRODUCT"},
            ("uses", "腾讯会议", "混元", ""),
        ),
        (
            "混元是由腾讯全链路自研的大模型。",
            {"混元": "PRODUCT", "腾讯": "ORG"},
            ("develops", "腾讯", "混元", ""),
        ),
        (
            "豆包与通义千问展开竞争。",
            {"豆包": "PRODUCT", "通义千问": "PRODUCT"},
            ("competes_with", "豆包", "通义千问", ""),
        ),
    ],
)
def test_rule_finds_relation(nlp, text, ents, expected):
    assert expected in rels(doc_with_ents(nlp, text, ents))


def test_enumeration_shares_the_relation(nlp):
    doc = doc_with_ents(
        nlp,
        "腾讯会议、腾讯文档和 QQ 浏览器等业务已经接入混元。",
        {"腾讯会议": "PRODUCT", "腾讯文档": "PRODUCT", "QQ 浏览器": "PRODUCT", "混元": "PRODUCT"},
    )
    heads = {h for t, h, tail, _ in rels(doc) if t == "uses" and tail == "混元"}
    assert heads == {"腾讯会议", "腾讯文档", "QQ 浏览器"}


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("蒋杰和腾讯集团都在深圳。", {"蒋杰": "PERSON", "腾讯集团": "ORG"}),
        ("混元。腾讯会议。", {"混元": "PRODUCT", "腾讯会议": "PRODUCT"}),
    ],
)
def test_no_relation_without_a_cue(nlp, text, ents):
    assert rels(doc_with_ents(nlp, text, ents)) == []


def test_relations_stay_inside_sentences(nlp):
    doc = doc_with_ents(
        nlp, "腾讯会议很好用。接入混元的产品很多。", {"腾讯会议": "PRODUCT", "混元": "PRODUCT"}
    )
    assert rels(doc) == []
