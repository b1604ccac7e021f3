"""``hkg_clause_events``: dated clauses that name an actor and have an event verb (sentences
written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers_pipeline import doc_with_ents, rule_nlp
from hunyuan_kg.pipeline.clause_events import clause_lexicon


@pytest.fixture(scope="module")
def nlp():
    return rule_nlp(clause_events=True)


def clause_events(doc):
    return [(e.type, e.status, e.date, e.title) for e in doc._.events if e.title]


DCT = dt.date(2024, 6, 30)
ENTS = {"星河科技": "ORG", "云帆": "PRODUCT", "林远": "PERSON", "北辰资本": "ORG", "王伟": "PERSON"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date-only clause dates the next one; the title is the clause without it
        (
            "2021 年 3 月，星河科技开始调研芯片业务。",
            [("other", "happened", "2021-03", "星河科技开始调研芯片业务")],
        ),
        # a date inside the clause stays in the title as written
        (
            "星河科技早在 2019 年就完成了云帆的量产。",
            [("other", "happened", "2019", "星河科技早在 2019 年就完成了云帆的量产")],
        ),
        # a plan cue makes it planned
        (
            "星河科技计划于 2025 年交付云帆。",
            [("other", "planned", "2025", "星河科技计划于 2025 年交付云帆")],
        ),
        # a description may stand before the name that is the subject
        (
            "2022 年 5 月，云计算巨头星河科技开始调研芯片业务。",
            [("other", "happened", "2022-05", "云计算巨头星河科技开始调研芯片业务")],
        ),
        # ... or a relative clause 由…的
        (
            "2023 年 7 月，由北辰资本投资的星河科技开始调研芯片业务。",
            [("other", "happened", "2023-07", "由北辰资本投资的星河科技开始调研芯片业务")],
        ),
        # a title in 《》 is one piece of the clause, commas and brackets in it included
        (
            "2023 年 5 月，星河科技通过了《北斗计划（试行），第二版》。",
            [("other", "happened", "2023-05", "星河科技通过了《北斗计划（试行），第二版》")],
        ),
        # a relative date resolves against the document date
        (
            "去年 8 月，林远开始调研自动驾驶。",
            [("other", "happened", "2023-08", "林远开始调研自动驾驶")],
        ),
        # 从…开始 only dates what follows (no 星河科技开始)
        (
            "星河科技表示，从 2021 年开始，云帆陆续进入海外市场。",
            [("other", "happened", "2021", "云帆陆续进入海外市场")],
        ),
    ],
)
def test_a_dated_clause_with_an_actor_and_an_event_verb_is_an_event(nlp, text, expected):
    doc = doc_with_ents(nlp, text, ENTS, dct=DCT)
    assert clause_events(doc) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2020 年，星河科技的员工都很年轻。",  # no event verb
        "2022 年，星河科技负责云帆的运营。",  # a stative verb
        "2023 年 5 月，星河科技宣布：",  # what was announced follows the colon
        "星河科技并非 2023 年才开始研发云帆。",  # a denial is no happening
        "林远在 2023 年接受采访时谈到云帆。",  # talk about something, not a happening
        "2023 年，市场开始回暖。",  # names nobody
        "星河科技开始调研芯片业务。",  # no date
        "在 2023 年星河科技的发布会上，",  # when and where, not what happened
        "2019 年加入星河科技的林远，",  # a noun phrase, not a predicate
        "2023 年是星河科技成立的第十年。",  # a copula: a state, not a happening
        "2021 年，星河科技的员工很多。",  # a possessive, no predicate of the actor
        "2021 年，星河科技员工 15000 人。",  # a statistic
        "2023 年，星河科技全年营收增长超 35%。",  # a figure reached, with an event verb
        "去年 6 月，云帆的月活跃用户已达 800 万。",  # a figure reached
        "2024 年，星河科技的市场占比上升至 38%。",  # a figure reached
        "星河科技 2022 年的收入不到 500 万美元。",  # a figure
        "截至 2023 年 6 月，星河科技完成了云帆的量产。",  # 截至: a state as of that day
        "自 2019 年以来，星河科技一直在开发芯片。",  # a stretch of time since then
        "星河科技在 2023 年 3 月之前一直在开发芯片。",  # a stretch of time before then
        "2021 年，星河科技是否还有当年的勇气？",  # a question
        "星河科技今天，",  # a name and a date, nothing said of it
        "2023 年，星河科技好似不争不抢。",  # an appearance, not a happening
        "2023 年，星河科技内部对模型是如何评估的？",  # a question
        "星河科技成立两年后遭遇了一场危机。",  # a time counted from the founding
        "5 月 16 日，记者从星河科技客服处获悉，",  # where a reporter learned something
        "根据去年星河科技公布的数据，",  # a source of figures
        "人们还记得 2021 年林远开始调研芯片的往事。",  # the subject is 人们, not 林远
        "谈及 2020 年投资星河科技的经过，",  # no subject: a topic
        "2024 年 3 月，星河科技发布了一份北斗市场研究报告。",  # a text published
        "我第一次去星河科技是在 2021 年 4 月。",  # the subject is 我
        "其购买的云帆在 2024 年 3 月出现了故障。",  # a phrase in 的 does not make 云帆 the subject
        "2021 年 5 月，林远在北辰资本开启创业之旅的时候，",  # a time, not what happened
        "去年 1 月，在星河科技的支持下，",  # a circumstance
        "2023 年 8 月，星河科技集团董事长兼 CEO 林远，",  # a name and its title, nothing said
        "她此前负责一家创业公司的产品（2022 年被北辰资本收购）。",  # what was acquired is unnamed
        "3 月 18 日，北辰资本（林远创办）的报告出炉了。",  # an undated aside glosses a name
    ],
)
def test_clauses_that_are_not_happenings_give_no_event(nlp, text):
    doc = doc_with_ents(nlp, text, ENTS, dct=DCT)
    assert clause_events(doc) == []


def test_a_deadline_after_the_article_date_dates_the_event(nlp):
    # 之前 after a date the article has not reached yet: a deadline, not a stretch of time
    doc = doc_with_ents(nlp, "星河科技须在 2025 年 3 月之前完成云帆的整改。", ENTS, dct=DCT)
    assert [d for _, _, d, _ in clause_events(doc)] == ["2025-03"]


def test_a_partnership_without_a_named_partner_keeps_the_clause_as_its_title(nlp):
    doc = doc_with_ents(nlp, "2011 年秋天，星河科技开始与一位教授合作研究芯片。", ENTS, dct=DCT)
    assert [(e.type, e.title) for e in doc._.events] == [
        ("partnership", "星河科技开始与一位教授合作研究芯片")
    ]


def test_free_as_an_adjective_is_no_trigger(nlp):
    doc = doc_with_ents(nlp, "2022 年，星河科技的云帆登上了美国免费总榜第一名。", ENTS, dct=DCT)
    assert [e.trigger for e in doc._.events] == []


def test_a_time_named_by_an_event_is_no_happening(nlp):
    text = "2018 年 3 月，云帆开始交付。林远的坚持有了回报，交付云帆的同年 9 月，星河科技也上市了。"
    doc = doc_with_ents(nlp, text, ENTS, dct=DCT)
    assert not [title for *_, title in clause_events(doc) if "同年" in title]


def test_a_clause_that_a_trigger_event_already_read_is_left_alone(nlp):
    doc = doc_with_ents(nlp, "2024 年 5 月 30 日，星河科技推出云帆。", ENTS, dct=DCT)
    assert [(e.type, e.title) for e in doc._.events] == [("launch", "")]


def test_a_clause_without_a_name_takes_the_sentence_subject_as_agent(nlp):
    doc = doc_with_ents(nlp, "星河科技成立于 2015 年，2018 年完成了云帆的交付。", ENTS, dct=DCT)
    titled = [
        (e.date, e.title, [(p.text, role) for p, role in e.participants])
        for e in doc._.events
        if e.title
    ]
    assert titled == [
        ("2018", "星河科技完成了云帆的交付", [("星河科技", "agent"), ("云帆", "theme")])
    ]


def test_the_mined_verbs_are_event_verbs_and_leave_out_states():
    lex = clause_lexicon()
    for verb in ("发布", "成立", "收购", "交付"):
        assert lex.verbs.search(verb), verb
    for verb in lex.stative:
        assert not lex.verbs.fullmatch(verb), verb


def test_a_clause_without_a_predicate_of_the_subject_does_not_borrow_it(nlp):
    doc = doc_with_ents(nlp, "2023 年，星河科技发布了新手机，屏幕分辨率达到了 2K。", ENTS, dct=DCT)
    assert not any("分辨率" in e.title for e in doc._.events)


def test_a_sentence_s_opening_date_dates_its_later_clauses(nlp):
    doc = doc_with_ents(
        nlp, "2018 年星河科技首次参展，决定进军海外时，林远被任命为海外负责人。", ENTS, dct=DCT
    )
    assert ("2018", "林远被任命为海外负责人") in [(e.date, e.title) for e in doc._.events]


def test_the_source_of_a_report_is_not_the_subject_a_clause_continues(nlp):
    doc = doc_with_ents(nlp, "据北辰资本消息，2023 年 5 月开始调研芯片业务。", ENTS, dct=DCT)
    assert all(p.text != "北辰资本" for e in doc._.events for p, _ in e.participants)


def test_a_name_in_a_frame_of_place_is_not_the_subject_a_clause_continues(nlp):
    doc = doc_with_ents(
        nlp,
        "在 2024 年北辰资本年会上，星河科技 CEO 林远回顾了历程，并宣布了新的芯片计划。",
        ENTS,
        dct=DCT,
    )
    # one entry for the two clauses of the executive's company (the second says what it did)
    agents = {
        e.title: [p.text for p, role in e.participants if role == "agent"] for e in doc._.events
    }
    assert agents == {"星河科技 CEO 林远回顾了历程，宣布了新的芯片计划": ["星河科技"]}, agents


def test_a_clause_about_the_actor_of_a_typed_event_of_that_date_is_a_circumstance(nlp):
    text = "2021 年，星河科技联合北辰资本扩大投入，成立了云帆。2019 年，星河科技开始调研芯片业务。"
    doc = doc_with_ents(nlp, text, {**ENTS, "云帆": "ORG"}, dct=DCT)
    # the first sentence is one happening: its founding, with the partner named on the way
    assert [(e.type, e.date, e.title) for e in doc._.events] == [
        ("found", "2021", ""),
        ("other", "2019", "星河科技开始调研芯片业务"),
    ]
    assert [(p.text, role) for p, role in doc._.events[0].participants] == [
        ("星河科技", "agent"),
        ("云帆", "theme"),
        ("北辰资本", ""),
    ]


def test_one_untyped_entry_per_actor_and_date_in_a_sentence(nlp):
    text = (
        "2022 年 8 月，星河科技开始调研芯片业务，星河科技还完成了云帆的交付。"
        "2023 年，星河科技开始量产。"
    )
    doc = doc_with_ents(nlp, text, ENTS, dct=DCT)
    # the first sentence tells one happening in two clauses: one entry, titled with both
    assert [(e.date, e.title) for e in doc._.events] == [
        ("2022-08", "星河科技开始调研芯片业务，还完成了云帆的交付"),
        ("2023", "星河科技开始量产"),
    ]
    assert [(p.text, role) for p, role in doc._.events[0].participants] == [
        ("星河科技", "agent"),
        ("云帆", ""),
    ]


def test_a_trigger_whose_type_takes_no_such_agent_leaves_the_clause_untyped(nlp):
    # 加入 is a joining only for a person: a company adding something is untyped
    doc = doc_with_ents(nlp, "2024 年 3 月，星河科技在云帆中加入了新的安全模块。", ENTS, dct=DCT)
    assert [(e.type, e.title) for e in doc._.events] == [
        ("other", "星河科技在云帆中加入了新的安全模块")
    ]


def test_a_name_and_a_frame_is_read_with_the_clause_that_says_what_it_did(nlp):
    text = "2024 年 3 月，北辰资本依据相关规定的要求，开始调研星河科技。"
    doc = doc_with_ents(nlp, text, ENTS, dct=DCT)
    assert [(e.date, e.title) for e in doc._.events] == [
        ("2024-03", "北辰资本依据相关规定的要求，开始调研星河科技")
    ]
