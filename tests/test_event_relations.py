"""Relations that typed events imply in the graph: a funding round's investors invest in
the company, an acquirer acquires its target, a maker develops what it launches."""

from __future__ import annotations

import pytest

import hunyuan_kg


@pytest.fixture(scope="module")
def nlp():
    return hunyuan_kg.load(ner=None, segmenter="char")


def edges(nlp, tmp_path, text):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    kg = hunyuan_kg.build([tmp_path], nlp=nlp)
    g = kg.graph
    return {
        (g.nodes[u]["label"], d["type"], g.nodes[v]["label"])
        for u, v, d in g.edges(data=True)
        if d["type"] != "participant"
    }


def test_investors_of_a_funding_round_invest_in_the_company(nlp, tmp_path):
    got = edges(nlp, tmp_path, "2024 年 3 月，月之暗面完成新一轮融资，由红杉中国领投，腾讯跟投。")
    assert ("红杉中国", "invests_in", "月之暗面") in got
    assert ("腾讯", "invests_in", "月之暗面") in got


def test_an_acquirer_acquires_its_target(nlp, tmp_path):
    got = edges(nlp, tmp_path, "2023 年 6 月 29 日，美团宣布收购光年之外。")
    assert ("美团", "acquires", "光年之外") in got


def test_a_denied_funding_round_implies_nothing(nlp, tmp_path):
    got = edges(nlp, tmp_path, "2024 年 3 月，月之暗面否认完成新一轮融资，红杉中国领投的传闻不实。")
    assert not any(rel == "invests_in" for _, rel, _ in got)


def test_a_founder_and_a_person_who_joins_have_a_role_at_the_company(nlp, tmp_path):
    got = edges(nlp, tmp_path, "2015 年，雷军创立了小米集团。2018 年，李彦宏加入腾讯。")
    assert ("雷军", "role", "小米") in got or any(
        h == "雷军" and rel == "role" for h, rel, _ in got
    )
    assert any(h == "李彦宏" and rel == "role" and t == "腾讯" for h, rel, t in got)
