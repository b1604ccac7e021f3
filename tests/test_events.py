"""Event extraction (data/events/zh.yml) on hand-marked entities."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers_pipeline import doc_with_ents, rule_nlp


@pytest.fixture(scope="module")
def nlp():
    return rule_nlp()


def events(doc):
    return [
        (e.type, e.status, e.date, [(p.text, role) for p, role in e.participants])
        for e in doc._.events
    ]


def test_launch_with_date_agent_and_theme(nlp):
    doc = doc_with_ents(
        nlp,
        "2024 年 6 月 12 日，星河科技推出基于北斗大模型的 App——云帆。",
        {"星河科技": "ORG", "北斗大模型": "PRODUCT", "云帆": "PRODUCT"},
    )
    assert events(doc) == [
        ("launch", "happened", "2024-06-12", [("星河科技", "agent"), ("云帆", "theme")])
    ]


def test_relative_date_from_dct(nlp):
    doc = doc_with_ents(
        nlp,
        "去年 9 月，星河科技正式发布了北斗助手。",
        {"星河科技": "ORG", "北斗助手": "PRODUCT"},
        dct=dt.date(2024, 7, 4),
    )
    assert events(doc)[0][2] == "2023-09"


def test_depart_vague_date_takes_the_dct_month(nlp):
    doc = doc_with_ents(
        nlp,
        "星河实验室副主任张伟近日离职。",
        {"星河实验室": "ORG", "张伟": "PERSON"},
        dct=dt.date(2026, 1, 3),
    )
    ((etype, status, date, parts),) = events(doc)
    assert (etype, status, date) == ("depart", "happened", "2026-01")
    assert ("张伟", "agent") in parts and ("星河实验室", "theme") in parts


def test_speaker_of_an_interview_line_joins(nlp):
    text = "记者：你在星河科技多少年了？\n张明：我 05 年加入的。"
    doc = doc_with_ents(nlp, text, {"星河科技": "ORG", "张明": "PERSON"}, dct=dt.date(2024, 7, 4))
    assert ("join", "happened", "2005", [("张明", "agent"), ("星河科技", "theme")]) in events(doc)


def test_an_interviewee_s_we_is_the_company_the_article_is_about(nlp):
    text = "记者走访了星河科技。\n记者：公司现在进展如何？\n张明：去年我们完成了新一轮融资。"
    doc = doc_with_ents(nlp, text, {"星河科技": "ORG", "张明": "PERSON"}, dct=dt.date(2024, 7, 4))
    assert ("funding", "happened", "2023", [("星河科技", "agent")]) in events(doc)


def test_a_quoted_headline_is_no_interview_turn(nlp):
    # a digest's headline 张明：… (no sentence end) makes what follows no answer of his
    text = (
        "星河科技发布了新品。星河科技还投资了多家企业。\n"
        "张明：硬件已经足以实现通用智能\n北斗助手于去年 9 月正式上线。"
    )
    doc = doc_with_ents(
        nlp,
        text,
        {"星河科技": "ORG", "张明": "PERSON", "北斗助手": "PRODUCT"},
        dct=dt.date(2024, 7, 4),
    )
    launch = [parts for etype, _, _, parts in events(doc) if "北斗助手" in dict(parts)]
    assert launch == [[("北斗助手", "theme")]]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("星河科技计划在未来几个月内推出北斗助手。", "planned"),
        ("星河科技预计将于明年发布北斗助手。", "planned"),
        ("星河科技并没有发布北斗助手。", "denied"),
        ("明年星河科技将正式推出北斗助手。", "planned"),  # 将 right before the trigger
        ("星河科技希望在年内推出北斗助手。", "planned"),  # a hope
        ("星河科技已将北斗助手开源。", "happened"),  # 将 + object: not the future
    ],
)
def test_planned_and_denied(nlp, text, status):
    doc = doc_with_ents(
        nlp, text, {"星河科技": "ORG", "北斗助手": "PRODUCT"}, dct=dt.date(2024, 7, 4)
    )
    assert [e[1] for e in events(doc)] == [status]


def test_no_event_without_participants(nlp):
    doc = doc_with_ents(nlp, "很多公司发布了产品。", {})
    assert events(doc) == []


def test_noun_uses_of_triggers_are_not_events(nlp):
    doc = doc_with_ents(
        nlp, "星河科技召开发布会介绍北斗助手。", {"星河科技": "ORG", "北斗助手": "PRODUCT"}
    )
    assert "launch" not in [e[0] for e in events(doc)]


@pytest.mark.parametrize(
    "text",
    [
        "3 月 10 日，星河科技在香港交易所完成上市。",
        "2021 年 6 月，星河科技在纽交所上市。",
        # passing the exchange's hearing, however the exchange is written
        "5 月 8 日，星河科技通过香港交易所聆讯。",
        "5 月 8 日，星河科技通过港交所上市聆讯。",
    ],
)
def test_a_listing_on_an_exchange_is_a_listing(nlp, text):
    doc = doc_with_ents(nlp, text, {"星河科技": "ORG"}, dct=dt.date(2024, 7, 4))
    assert [(e[0], e[1]) for e in events(doc)] == [("listing", "happened")]


def test_the_exchange_of_a_listing_is_its_venue_not_the_company_listed(nlp):
    doc = doc_with_ents(
        nlp,
        "2021 年 6 月，星河科技正式挂牌港交所。",
        {"星河科技": "ORG", "港交所": "ORG"},
        kb_ids={"港交所": "hkex"},
    )
    assert events(doc) == [
        ("listing", "happened", "2021-06", [("星河科技", "theme"), ("港交所", "venue")])
    ]


def test_a_company_listed_on_an_exchange_is_no_listing_event(nlp):
    doc = doc_with_ents(nlp, "2021 年，星河科技还是纽交所上市公司。", {"星河科技": "ORG"})
    assert events(doc) == []


def test_a_trigger_that_names_a_plan_is_planned(nlp):
    doc = doc_with_ents(nlp, "星河科技正在安排赴港上市事宜。", {"星河科技": "ORG"})
    assert [(e[0], e[1]) for e in events(doc)] == [("listing", "planned")]


@pytest.mark.parametrize(
    "text",
    [
        "星河科技发布了一篇介绍北斗助手的文章。",
        "星河科技发布的一条北斗助手短视频走红。",
        "星河科技上周发布的安全报告显示，北斗助手的用户翻了一番。",
        "星河科技发布了《北斗助手白皮书》。",
    ],
)
def test_a_trigger_whose_object_is_a_text_launches_nothing(nlp, text):
    doc = doc_with_ents(nlp, text, {"星河科技": "ORG", "北斗助手": "PRODUCT"})
    assert "launch" not in [e[0] for e in events(doc)]


def test_a_trigger_inside_a_book_title_is_no_event(nlp):
    # the title of another article: what it says did not happen in this one
    text = "2024 年 3 月，星河科技转发了《北辰资本完成 10 亿元融资，发布北斗助手》一文。"
    doc = doc_with_ents(nlp, text, {"星河科技": "ORG", "北辰资本": "ORG", "北斗助手": "PRODUCT"})
    assert not {"funding", "launch"} & {e[0] for e in events(doc)}


def test_an_earnings_report_is_still_read_after_a_launch_verb(nlp):
    doc = doc_with_ents(nlp, "2024 年 3 月，星河科技发布了业绩报告。", {"星河科技": "ORG"})
    assert [e[0] for e in events(doc)] == ["earnings"]


def test_founding_anniversary_is_not_a_founding(nlp):
    doc = doc_with_ents(nlp, "2023 年是星河科技创立的第 25 个年头。", {"星河科技": "ORG"})
    assert events(doc) == []


def test_a_listing_clause_adds_themes(nlp):
    doc = doc_with_ents(
        nlp,
        "2023 年 11 月 6 日，星河科技开源了首批模型，包括 Nova-34B 和 Nova-6B。",
        {"星河科技": "ORG", "Nova-34B": "PRODUCT", "Nova-6B": "PRODUCT"},
    )
    ((etype, _, date, parts),) = events(doc)
    assert (etype, date) == ("open_source", "2023-11-06")
    assert {p for p, role in parts if role == "theme"} == {"Nova-34B", "Nova-6B"}


def test_an_organisation_founded_without_a_founder(nlp):
    doc = doc_with_ents(nlp, "星河科技 2010 年在北京成立。", {"星河科技": "ORG"})
    assert events(doc) == [("found", "happened", "2010", [("星河科技", "theme")])]


def test_investors_join_a_funding_event(nlp):
    doc = doc_with_ents(
        nlp,
        "上个月，星河科技完成了一轮超过 10 亿美元的融资，由云海资本领投，北斗基金跟投。",
        {"星河科技": "ORG", "云海资本": "ORG", "北斗基金": "ORG"},
        dct=dt.date(2024, 3, 19),
    )
    ((etype, _, date, parts),) = events(doc)
    assert (etype, date) == ("funding", "2024-02")
    assert ("云海资本", "investor") in parts and ("北斗基金", "investor") in parts


def test_investors_listed_after_a_cue(nlp):
    doc = doc_with_ents(
        nlp,
        "今年 2 月，星河科技完成新一轮融资，投资方包括云海资本、北斗基金和青石创投。",
        {"星河科技": "ORG", "云海资本": "ORG", "北斗基金": "ORG", "青石创投": "ORG"},
        dct=dt.date(2024, 3, 19),
    )
    ((etype, _, date, parts),) = events(doc)
    assert (etype, date) == ("funding", "2024-02")
    assert ("星河科技", "agent") in parts
    assert {p for p, role in parts if role == "investor"} == {"云海资本", "北斗基金", "青石创投"}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a product goes on sale: a launch
        ("2024 年 3 月，云帆 X1 正式上市。", {"云帆 X1": "PRODUCT"}, [("launch", "2024-03")]),
        # a company lists its shares
        ("2020 年 8 月，星河科技在纳斯达克上市。", {"星河科技": "ORG"}, [("listing", "2020-08")]),
        # an anniversary or a time since it is not the day of the event
        ("2023 年 8 月，星河科技迎来上市三周年。", {"星河科技": "ORG"}, []),
        ("2023 年 8 月，云帆 X1 上市 3 个多月，销量过万。", {"云帆 X1": "PRODUCT"}, []),
        # a company's new models going on sale are no listing of the company
        ("2023 年，星河科技计划有 5 款全新车型上市。", {"星河科技": "ORG"}, []),
        # a bank named before another trigger does not list itself
        (
            "2023 年 5 月，星河科技正与北辰证券合作安排上市事宜。",
            {"星河科技": "ORG", "北辰证券": "ORG"},
            [("partnership", "2023-05")],
        ),
    ],
)
def test_shang_shi_is_typed_by_the_name_before_it(nlp, text, ents, expected):
    doc = doc_with_ents(nlp, text, ents, dct=dt.date(2024, 6, 30))
    assert [(t, d) for t, _, d, _ in events(doc)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a trigger after 这次 points back at the launch already named: no second event
        (
            "2024 年 3 月，星河科技发布云帆。这次发布的云帆支持长文本。",
            [("launch", [("星河科技", "agent"), ("云帆", "theme")])],
        ),
        # what follows 对 is acted on, never the agent
        (
            "2023 年 6 月，北辰资本完成对星河科技的收购。",
            [("acquisition", [("北辰资本", "agent"), ("星河科技", "theme")])],
        ),
    ],
)
def test_arguments_read_back_references_and_objects(nlp, text, expected):
    ents = {"星河科技": "ORG", "北辰资本": "ORG", "云帆": "PRODUCT"}
    doc = doc_with_ents(nlp, text, ents, dct=dt.date(2024, 3, 19))
    assert [(t, parts) for t, _, _, parts in events(doc)] == expected


def test_an_enumeration_of_lead_investors_all_invest(nlp):
    doc = doc_with_ents(
        nlp,
        "今年 1 月，星河科技完成了 B 轮融资，由云海资本和北斗基金联合领投。",
        {"星河科技": "ORG", "云海资本": "ORG", "北斗基金": "ORG"},
        dct=dt.date(2024, 3, 19),
    )
    ((etype, _, _, parts),) = events(doc)
    assert etype == "funding" and ("星河科技", "agent") in parts
    assert {p for p, role in parts if role == "investor"} == {"云海资本", "北斗基金"}


@pytest.mark.parametrize(
    "text",
    [
        "2021 年，这支团队拿到了由云海资本领投的 2 亿元 C 轮融资。",
        "去年 6 月，由云海资本、北斗基金共同完成了过亿元的 A 轮融资。",
    ],
)
def test_an_investor_is_never_the_company_that_raised(nlp, text):
    doc = doc_with_ents(nlp, text, {"云海资本": "ORG", "北斗基金": "ORG"}, dct=dt.date(2024, 3, 19))
    assert not any(role == "agent" for *_, parts in events(doc) for _, role in parts)


@pytest.mark.parametrize("description", ["这家公司", "该公司", "公司"])
def test_a_company_description_stands_for_the_most_mentioned_company(nlp, description):
    text = (
        f"星河科技由张明创立。星河科技的团队来自清华大学。去年 10 月，{description}推出了北斗助手。"
    )
    doc = doc_with_ents(
        nlp,
        text,
        {"星河科技": "ORG", "张明": "PERSON", "清华大学": "ORG", "北斗助手": "PRODUCT"},
        dct=dt.date(2024, 3, 19),
    )
    assert ("launch", "happened", "2023-10", [("星河科技", "agent"), ("北斗助手", "theme")]) in (
        events(doc)
    )


@pytest.mark.parametrize(
    ("text", "launched"),
    [
        ("2024 年 1 月，星河科技宣布公开发布被暂时推迟。", None),  # 发布 as a noun
        ("2024 年 9 月，星河科技公布了发布时间。", None),  # 发布时间: a time
        ("2024 年 9 月，星河科技发布中国首个安全大模型。", "2024-09"),  # 中国 starts a phrase
        ("2024 年 9 月，星河科技发布正式版。", "2024-09"),
    ],
)
def test_an_unnamed_object_must_read_as_one(nlp, text, launched):
    doc = doc_with_ents(nlp, text, {"星河科技": "ORG"}, dct=dt.date(2024, 10, 30))
    assert [e[2] for e in events(doc) if e[0] == "launch"] == ([launched] if launched else [])


def test_a_product_made_free_is_a_pricing_event(nlp):
    text = "星河科技本月宣布，云帆将于 4 月 1 日起全面免费。"
    doc = doc_with_ents(nlp, text, {"星河科技": "ORG", "云帆": "PRODUCT"}, dct=dt.date(2025, 2, 18))
    assert ("other", "planned", "2025-04-01", [("星河科技", "agent"), ("云帆", "theme")]) in (
        events(doc)
    )


def test_a_company_description_in_a_digest_item_stands_for_the_item_s_company(nlp):
    text = (
        "1. 星河科技发布新模型\n星河科技今天发布了北斗助手，星河科技称用户很多。\n\n"
        "2. 云帆科技完成融资\n云帆科技宣布完成 A 轮融资。去年 10 月，公司推出了云帆助手。"
    )
    ents = {"星河科技": "ORG", "云帆科技": "ORG", "北斗助手": "PRODUCT", "云帆助手": "PRODUCT"}
    doc = doc_with_ents(nlp, text, ents, dct=dt.date(2024, 3, 19))
    assert ("launch", "happened", "2023-10", [("云帆科技", "agent"), ("云帆助手", "theme")]) in (
        events(doc)
    )


def test_a_former_employer_does_not_count_towards_the_company_described(nlp):
    text = (
        "云帆科技成立于 2023 年。创始人张明曾任星河科技高管，合伙人王伟是原星河科技工程师，"
        "还有一位前星河科技研究员。去年 10 月，公司推出了北斗助手。"
    )
    ents = {"云帆科技": "ORG", "张明": "PERSON", "星河科技": "ORG", "王伟": "PERSON"}
    doc = doc_with_ents(nlp, text, {**ents, "北斗助手": "PRODUCT"}, dct=dt.date(2024, 3, 19))
    launches = [parts for etype, _, _, parts in events(doc) if etype == "launch"]
    assert launches == [[("云帆科技", "agent"), ("北斗助手", "theme")]]


def test_company_inside_a_noun_phrase_is_not_a_description(nlp):
    doc = doc_with_ents(
        nlp,
        "星河科技发布了北斗助手。多家科技公司推出了类似产品。",
        {"星河科技": "ORG", "北斗助手": "PRODUCT"},
    )
    assert [e.text for e in doc.ents] == ["星河科技", "北斗助手"]


def test_a_sentence_at_the_occasion_takes_its_date(nlp):
    doc = doc_with_ents(
        nlp,
        "10 月 17 日，星河科技举办星河世界大会。创始人张明在会上发布了北斗大模型 4.0。",
        {"星河科技": "ORG", "星河世界大会": "EVENT", "张明": "PERSON", "北斗大模型 4.0": "PRODUCT"},
        dct=dt.date(2023, 10, 18),
    )
    launches = [e for e in events(doc) if e[0] == "launch"]
    assert launches == [
        ("launch", "happened", "2023-10-17", [("张明", "agent"), ("北斗大模型 4.0", "theme")])
    ]


def test_clauses_joined_by_semicolons_share_the_date_before_them(nlp):
    doc = doc_with_ents(
        nlp,
        "2022 年，星河科技推出了云帆 X1；操作系统“玄鸟”发布并开源；北斗 S2 上市。"
        "云帆 X2 随后也将发布。",
        {
            "星河科技": "ORG",
            "云帆 X1": "PRODUCT",
            "玄鸟": "PRODUCT",
            "北斗 S2": "PRODUCT",
            "云帆 X2": "PRODUCT",
        },
    )
    dated = {(e[0], e[2]) for e in events(doc) if e[3][-1][0] in ("玄鸟", "北斗 S2")}
    assert dated == {("launch", "2022"), ("open_source", "2022")}
    # a full stop ends the chain: what follows it has no date of its own
    assert [e[2] for e in events(doc) if e[3][-1][0] == "云帆 X2"] == [None]


def test_an_own_time_word_keeps_the_occasion_date_away(nlp):
    doc = doc_with_ents(
        nlp,
        "10 月 17 日，星河科技举办星河世界大会。张明在会上表示，未来所有产品都将接入北斗大模型。",
        {"星河科技": "ORG", "星河世界大会": "EVENT", "张明": "PERSON", "北斗大模型": "PRODUCT"},
        dct=dt.date(2023, 10, 18),
    )
    assert [e[:3] for e in events(doc) if e[0] == "integration"] == [
        ("integration", "planned", None)
    ]


def test_a_borrowed_planned_date_makes_the_event_planned(nlp):
    doc = doc_with_ents(
        nlp,
        "6 月 20 日，星河集团宣布，首席执行官张明将于 9 月 10 日卸任，由王伟接任首席执行官。",
        {"星河集团": "ORG", "张明": "PERSON", "王伟": "PERSON"},
        dct=dt.date(2023, 6, 20),
    )
    assert events(doc) == [("appoint", "planned", "2023-09-10", [("王伟", "agent")])]


def test_the_subject_is_the_agent_but_not_an_owner(nlp):
    doc = doc_with_ents(
        nlp,
        "本月 15 日，星河集团旗下的云服务平台星河云在北京举办大会，正式发布北斗模型。",
        {"星河集团": "ORG", "星河云": "ORG", "北斗模型": "PRODUCT"},
        dct=dt.date(2024, 5, 20),
    )
    launches = [e for e in events(doc) if e[0] == "launch"]
    assert launches == [
        ("launch", "happened", "2024-05-15", [("星河云", "agent"), ("北斗模型", "theme")])
    ]


def test_a_quoted_name_after_its_kind_is_the_theme(nlp):
    doc = doc_with_ents(
        nlp,
        "去年 9 月，星河科技推出了微信小程序「北斗助手」。",
        {"星河科技": "ORG", "微信小程序": "PRODUCT", "北斗助手": "PRODUCT"},
        dct=dt.date(2024, 7, 4),
    )
    assert [p for p, role in events(doc)[0][3] if role == "theme"] == ["北斗助手"]


def test_the_theme_of_a_passive_founding_stands_before_by(nlp):
    doc = doc_with_ents(
        nlp,
        "青石智能由星河科技联合创始人张明于 2023 年 2 月创立。",
        {"青石智能": "ORG", "星河科技": "ORG", "张明": "PERSON"},
    )
    assert events(doc) == [
        ("found", "happened", "2023-02", [("张明", "agent"), ("青石智能", "theme")])
    ]


def test_an_attributive_trigger_does_not_borrow_the_sentence_date(nlp):
    doc = doc_with_ents(
        nlp,
        "11 月 6 日，张明创办的青石智能正式发布了北斗助手。",
        {"张明": "PERSON", "青石智能": "ORG", "北斗助手": "PRODUCT"},
        dct=dt.date(2023, 11, 7),
    )
    dated = {e[0]: e[2] for e in events(doc)}
    assert dated == {"found": None, "launch": "2023-11-06"}


def test_publishing_an_announcement_is_not_a_launch(nlp):
    doc = doc_with_ents(
        nlp,
        "6 月 29 日晚，星河科技在港交所发布公告，宣布收购青石智能。",
        {"星河科技": "ORG", "港交所": "ORG", "青石智能": "ORG"},
        dct=dt.date(2023, 6, 30),
    )
    assert [e[0] for e in events(doc)] == ["acquisition"]


def test_a_personal_pronoun_is_the_agent(nlp):
    doc = doc_with_ents(
        nlp,
        "张明是北斗框架的作者。2019 年 3 月，他加盟星河科技。",
        {"张明": "PERSON", "北斗框架": "PRODUCT", "星河科技": "ORG"},
    )
    assert ("join", "happened", "2019-03", [("张明", "agent"), ("星河科技", "theme")]) in events(
        doc
    )


def test_a_stative_trigger_does_not_borrow_the_sentence_date(nlp):
    doc = doc_with_ents(
        nlp,
        "青石智能在 4 月发布了北斗助手，张明担任首席科学家。",
        {"青石智能": "ORG", "北斗助手": "PRODUCT", "张明": "PERSON"},
        dct=dt.date(2024, 6, 7),
    )
    dated = {e[0]: e[2] for e in events(doc)}
    assert dated["launch"] == "2024-04" and dated.get("appoint") is None


def test_a_stock_market_listing(nlp):
    doc = doc_with_ents(
        nlp,
        "星河科技成立于 2016 年，2020 年 7 月在上海证券交易所科创板上市。",
        {"星河科技": "ORG", "上海证券交易所": "ORG"},
    )
    assert ("listing", "happened", "2020-07", [("星河科技", "theme")]) in events(doc)


def test_the_publisher_asking_a_question_is_no_argument(nlp):
    doc = doc_with_ents(
        nlp,
        "星河周刊：去年你们完成了多轮融资，北斗助手开源之后反响如何？\n张明：很好。",
        {"星河周刊": "ORG", "北斗助手": "PRODUCT", "张明": "PERSON"},
        source="星河周刊",
    )
    assert not any(p == "星河周刊" for e in events(doc) for p, _ in e[3])
    assert not any("星河周刊" in (r.head.text, r.tail.text) for r in doc._.relations)


def test_in_an_interview_answer_we_are_the_company(nlp):
    text = (
        "星河科技成立于 2019 年。\n星河周刊：去年进展如何？\n"
        "张明：去年 3 月我们开源了北斗助手。\n此外还做了很多别的事。"
    )
    doc = doc_with_ents(
        nlp,
        text,
        {"星河科技": "ORG", "星河周刊": "ORG", "张明": "PERSON", "北斗助手": "PRODUCT"},
        dct=dt.date(2024, 1, 20),
        source="星河周刊",
    )
    assert (
        "open_source",
        "happened",
        "2023-03",
        [("星河科技", "agent"), ("北斗助手", "theme")],
    ) in (events(doc))


def test_an_event_with_nothing_named_is_dropped(nlp):
    doc = doc_with_ents(
        nlp, "去年星河科技没怎么对外发布产品。", {"星河科技": "ORG"}, dct=dt.date(2024, 7, 4)
    )
    assert events(doc) == []


def test_an_object_taking_trigger_titles_verb_first():
    from hunyuan_kg.records import Participant
    from hunyuan_kg.resolve.events import _title

    agent = Participant("ORG:星河科技", "星河科技", "ORG", "agent")
    theme = Participant("PRODUCT:北斗模型", "北斗模型", "PRODUCT", "theme")
    assert _title("other", [agent, theme], "", "开始做") == "星河科技开始做北斗模型"
    assert _title("other", [agent, theme], "", "降价") == "星河科技：北斗模型降价"


def test_a_company_founding_an_unnamed_object_is_not_its_own_founding(nlp):
    doc = doc_with_ents(
        nlp, "2018 年，星河科技在南京成立远帆半导体。", {"星河科技": "ORG"}, dct=dt.date(2024, 7, 4)
    )
    assert not any(
        e.type == "found" and [p.text for p, _ in e.participants] == ["星河科技"]
        for e in doc._.events
    )


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("2019 年 8 月，星河科技在美国 IPO。", True),
        ("2019 年 8 月，星河科技完成 Pre-IPO 轮融资。", False),
        ("2019 年，星河科技所在的 IPO 市场很冷清。", False),
    ],
)
def test_an_ipo_is_a_listing_but_not_a_pre_ipo_round_or_the_ipo_market(nlp, text, listed):
    doc = doc_with_ents(nlp, text, {"星河科技": "ORG"}, dct=dt.date(2024, 7, 4))
    assert any(e.type == "listing" for e in doc._.events) is listed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day of the report, not the end of the period it covers
        ("8 月 20 日，星河科技公布截至 2024 年 6 月 30 日的半年度业绩。", "2024-08-20"),
        ("3 月 5 日晚，星河科技发布 2023 年第四季度财报。", "2024-03-05"),
        ("星河科技发布财报。", None),  # no date of its own: no dated report
    ],
)
def test_an_earnings_report_is_dated_by_its_publication_not_its_period(nlp, text, expected):
    doc = doc_with_ents(nlp, text, {"星河科技": "ORG"}, dct=dt.date(2024, 9, 1))
    reports = [e for e in doc._.events if e.type == "earnings"]
    assert [e.date for e in reports] == [expected]
    assert [(p.text, role) for p, role in reports[0].participants] == [("星河科技", "theme")]
    assert not [e for e in doc._.events if e.type == "launch"]


def test_what_a_report_shows_is_no_new_report(nlp):
    doc = doc_with_ents(nlp, "星河科技的财报显示，2023 年营收增长。", {"星河科技": "ORG"})
    assert [e for e in doc._.events if e.type == "earnings"] == []


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        # a nickname in brackets neither ends the clause nor becomes the agent
        ("2022 年 3 月 1 日，王伟宣布，前总裁林远（花名：老林）离任星河科技。", "林远"),
        # nor does a stock code with an exchange's name in it
        ("2023 年 5 月 8 日，据北辰资本消息，星河科技（北辰交易所代码：XH）推出云帆。", "星河科技"),
    ],
)
def test_a_short_bracketed_aside_is_transparent(nlp, text, agent):
    ents = {
        "王伟": "PERSON",
        "北辰资本": "ORG",
        "林远": "PERSON",
        "老林": "PERSON",
        "星河科技": "ORG",
        "北辰交易所": "ORG",
        "云帆": "PRODUCT",
    }
    doc = doc_with_ents(nlp, text, {k: v for k, v in ents.items() if k in text})
    [event] = doc._.events
    assert [p.text for p, role in event.participants if role == "agent"] == [agent]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1990 年，时任总裁的林远被星河科技解雇。", [("depart", "1990", ["林远", "星河科技"])]),
        ("2020 年，星河科技的王伟解雇了林远。", []),  # the firer did not leave
    ],
)
def test_being_fired_is_a_departure_only_in_the_passive(nlp, text, expected):
    ents = {"林远": "PERSON", "王伟": "PERSON", "星河科技": "ORG"}
    doc = doc_with_ents(nlp, text, {k: v for k, v in ents.items() if k in text})
    got = [(e.type, e.date, [p.text for p, _ in e.participants]) for e in doc._.events]
    assert got == expected


def test_products_enumerated_before_a_launch_trigger_are_all_its_themes(nlp):
    doc = doc_with_ents(
        nlp,
        "今年 4 月的车展上，云帆 X1、北斗 S2 为全球首发。",
        {"云帆 X1": "PRODUCT", "北斗 S2": "PRODUCT"},
        dct=dt.date(2022, 3, 1),
    )
    assert events(doc) == [
        ("launch", "happened", "2022-04", [("北斗 S2", "theme"), ("云帆 X1", "theme")])
    ]


def test_the_source_of_a_report_is_no_participant(nlp):
    doc = doc_with_ents(
        nlp,
        "据星河日报报道，受新订单推动，云帆的开发商计划于 2025 年进行首次公开募股。",
        {"星河日报": "ORG", "云帆": "PRODUCT"},
    )
    assert "星河日报" not in {p for _, _, _, ps in events(doc) for p, _ in ps}


@pytest.mark.parametrize(
    "text",
    [
        "远帆数据显示，星河私募成立于 2021 年 5 月。",
        "北辰日报报道，星河私募成立于 2021 年 5 月。",
        "据北辰日报报道，星河私募成立于 2021 年 5 月。",
    ],
)
def test_a_source_named_before_a_founding_is_not_what_was_founded(nlp, text):
    names = {"远帆数据": "ORG", "北辰日报": "ORG", "星河私募": "ORG"}
    doc = doc_with_ents(nlp, text, {k: v for k, v in names.items() if k in text})
    assert events(doc) == [("found", "happened", "2021-05", [("星河私募", "theme")])]


def test_a_company_that_plans_a_listing_lists_itself_not_a_partner_named_before(nlp):
    doc = doc_with_ents(
        nlp,
        "2024 年，北辰科技拿下星河科技的大额订单，并计划进行首次公开募股。",
        {"北辰科技": "ORG", "星河科技": "ORG"},
    )
    listings = [ps for t, _, _, ps in events(doc) if t == "listing"]
    assert listings
    assert all(p != "星河科技" for ps in listings for p, _ in ps)
    assert any(p == "北辰科技" for ps in listings for p, _ in ps)


def test_a_plan_word_inside_a_book_title_does_not_make_a_launch_planned(nlp):
    doc = doc_with_ents(
        nlp,
        "2024 年 3 月，星河科技按《北斗计划》正式发布了云帆。",
        {"星河科技": "ORG", "云帆": "PRODUCT"},
    )
    assert [(e[0], e[1]) for e in events(doc) if e[0] == "launch"] == [("launch", "happened")]


@pytest.mark.parametrize(
    ("text", "name", "held"),
    [
        ("2024 年 3 月，该工具首次在一个地下黑客论坛上出现。", "地下黑客论坛", False),
        ("2024 年 3 月，北辰开发者论坛在深圳举办。", "北辰开发者论坛", True),
        ("2024 年 3 月，在第三届北辰论坛上，星河科技亮相。", "第三届北辰论坛", True),
    ],
)
def test_a_named_event_without_organiser_or_edition_needs_a_clause_that_holds_it(
    nlp, text, name, held
):
    doc = doc_with_ents(nlp, text, {name: "EVENT", "星河科技": "ORG"}, dct=dt.date(2024, 6, 1))
    assert ("conference" in [e[0] for e in events(doc)]) is held


def test_an_investor_is_never_the_funded_one_wherever_the_sentence_names_it(nlp):
    text = "北辰资本最近投了不少公司，在 3 月的融资中，北辰资本领投了其 2000 万元的 A 轮融资。"
    doc = doc_with_ents(nlp, text, {"北辰资本": "ORG"}, dct=dt.date(2024, 6, 1))
    agents = [p.text for e in doc._.events for p, role in e.participants if role == "agent"]
    assert "北辰资本" not in agents


@pytest.mark.parametrize("adverb", ["又", "联合", "继续"])
def test_an_adverb_between_an_investor_and_its_cue_keeps_it_an_investor(nlp, adverb):
    text = f"今天，北辰资本{adverb}领投了星河科技 2000 万元的 A 轮融资。"
    doc = doc_with_ents(nlp, text, {"北辰资本": "ORG", "星河科技": "ORG"}, dct=dt.date(2024, 6, 1))
    assert events(doc) == [
        ("funding", "happened", "2024-06-01", [("星河科技", "agent"), ("北辰资本", "investor")])
    ]


def test_the_agent_named_again_is_not_its_own_theme(nlp):
    text = "星河科技做芯片要追溯到 2019 年——当时星河科技正式成立了芯片事业部。"
    doc = doc_with_ents(nlp, text, {"星河科技": "ORG"}, dct=dt.date(2024, 6, 1))
    for e in doc._.events:
        assert [p.text for p, role in e.participants if role == "theme"] != ["星河科技"]


def test_whom_one_tells_is_no_agent(nlp):
    text = "2024 年 5 月，王伟向北辰日报透露，自推出云帆以后，用户已过百万。"
    ents = {"王伟": "PERSON", "北辰日报": "ORG", "云帆": "PRODUCT"}
    doc = doc_with_ents(nlp, text, ents, dct=dt.date(2024, 6, 1))
    agents = [p.text for e in doc._.events for p, role in e.participants if role == "agent"]
    assert "北辰日报" not in agents
