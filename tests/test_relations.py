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
            "星河科技市场部负责人林远表示。",
            {"星河科技": "ORG", "林远": "PERSON"},
            ("role", "林远", "星河科技", "市场部负责人"),
        ),
        (
            "星河私募成立于去年，注册资本为 5 亿元，法定代表人是王伟。",
            {"星河私募": "ORG", "王伟": "PERSON"},
            ("role", "王伟", "星河私募", "法定代表人"),
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
            "星河 X1 搭载了北斗芯片。",
            {"星河 X1": "PRODUCT", "北斗芯片": "PRODUCT"},
            ("uses", "星河 X1", "北斗芯片", ""),
        ),
        (
            "星河资本近年押注新能源，先后投资了北辰电池、远帆能源。",
            {"星河资本": "ORG", "北辰电池": "ORG", "远帆能源": "ORG"},
            ("invests_in", "星河资本", "远帆能源", ""),
        ),
        (
            "星河 X1 延续了折叠设计，和北辰 Z 相似，搭载了云图芯片。",
            {"星河 X1": "PRODUCT", "北辰 Z": "PRODUCT", "云图芯片": "PRODUCT"},
            ("uses", "星河 X1", "云图芯片", ""),
        ),
        (
            "星河 X1 延续了折叠设计，搭载了云图芯片。",
            {"星河": "ORG", "X1": "PRODUCT", "云图芯片": "PRODUCT"},
            ("uses", "X1", "云图芯片", ""),
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
        ("星河模型。北斗会议。", {"星河模型": "PRODUCT", "北斗会议": "PRODUCT"}),
    ],
)
def test_no_relation_without_a_cue(nlp, text, ents):
    assert rels(doc_with_ents(nlp, text, ents)) == []


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # a speech verb's subject is not the subject of what is said
        ("王伟表示，将投资北辰电池。", {"王伟": "PERSON", "北辰电池": "ORG"}),
        # a name after 与 is no subject; nor is one whose clause has another subject
        (
            "远帆科技的方案与星河 X1 相似，搭载了云图芯片。",
            {"星河 X1": "PRODUCT", "云图芯片": "PRODUCT"},
        ),
        ("星河资本很活跃，北辰集团则投资了远帆能源。", {"星河资本": "ORG", "远帆能源": "ORG"}),
        # a nominal use (使用的数据量) is no clause of its own
        (
            "星河 X1 训练了三个月，使用的数据量是北辰 Z 的两倍。",
            {"星河 X1": "PRODUCT", "北辰 Z": "PRODUCT"},
        ),
    ],
)
def test_a_subject_is_carried_only_to_clauses_that_begin_with_their_verb(nlp, text, ents):
    assert rels(doc_with_ents(nlp, text, ents)) == []


def test_relations_stay_inside_sentences(nlp):
    doc = doc_with_ents(
        nlp,
        "北斗会议很好用。接入星河模型的产品很多。",
        {"北斗会议": "PRODUCT", "星河模型": "PRODUCT"},
    )
    assert rels(doc) == []


def test_a_title_chain_gives_one_role_per_organisation(nlp):
    doc = doc_with_ents(
        nlp,
        "星河集团董事会主席兼首席执行官、星河云首席执行官王伟宣布推出新模型。",
        {"星河集团": "ORG", "星河云": "ORG", "王伟": "PERSON"},
    )
    roles = {(h, t, r) for k, h, t, r in rels(doc) if k == "role"}
    assert ("王伟", "星河云", "首席执行官") in roles
    assert ("王伟", "星河集团", "董事会主席兼首席执行官") in roles


@pytest.mark.parametrize("joiner", ["兼", "及", "、"])
def test_a_title_chain_may_join_its_organisations_with_jian_or_ji(nlp, joiner):
    doc = doc_with_ents(
        nlp,
        f"星河集团董事长{joiner}北辰科技首席执行官张伟出席了会议。",
        {"星河集团": "ORG", "北辰科技": "ORG", "张伟": "PERSON"},
    )
    roles = {(h, t, r) for k, h, t, r in rels(doc) if k == "role"}
    assert roles == {("张伟", "星河集团", "董事长"), ("张伟", "北辰科技", "首席执行官")}


def test_pronouns_stand_for_the_last_person_or_product(nlp):
    doc = doc_with_ents(
        nlp,
        "王伟毕业于清华。目前他同时担任星河科技的首席执行官。北斗模型发布后，北斗会议都在使用它。",
        {"王伟": "PERSON", "星河科技": "ORG", "北斗模型": "PRODUCT", "北斗会议": "PRODUCT"},
    )
    found = rels(doc)
    assert ("role", "王伟", "星河科技", "首席执行官") in found
    assert ("uses", "北斗会议", "北斗模型", "") in found


def test_owners_stay_out_of_enumerations(nlp):
    doc = doc_with_ents(
        nlp,
        "北斗模型的主要对手是星河科技的星河模型和云海公司的云海模型。",
        {
            "北斗模型": "PRODUCT",
            "星河科技": "ORG",
            "星河模型": "PRODUCT",
            "云海公司": "ORG",
            "云海模型": "PRODUCT",
        },
    )
    rivals = {t for k, h, t, _ in rels(doc) if k == "competes_with" and h == "北斗模型"}
    assert {"星河模型", "云海模型"} <= rivals


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "北斗助手建立在星河科技的北斗模型之上。",
            {"北斗助手": "PRODUCT", "星河科技": "ORG", "北斗模型": "PRODUCT"},
            ("based_on", "北斗助手", "北斗模型", ""),
        ),
        (
            "星河科技高级副总裁、社区科学线负责人张明表示，模型已上线。",
            {"星河科技": "ORG", "张明": "PERSON"},
            ("role", "张明", "星河科技", "高级副总裁、社区科学线负责人"),
        ),
        (
            "北斗-R1 正是在北斗-V3 的基础上训练而成。",
            {"北斗-R1": "PRODUCT", "北斗-V3": "PRODUCT"},
            ("based_on", "北斗-R1", "北斗-V3", ""),
        ),
        (
            "北斗助手就是基于北斗模型训练的。",
            {"北斗助手": "PRODUCT", "北斗模型": "PRODUCT"},
            ("based_on", "北斗助手", "北斗模型", ""),
        ),
        (
            "星河科技旗下的 AI 助手北斗助手上线了。",
            {"星河科技": "ORG", "北斗助手": "PRODUCT"},
            ("develops", "星河科技", "北斗助手", ""),
        ),
        (
            "用户可以在星河云上直接部署北斗模型。",
            {"星河云": "ORG", "北斗模型": "PRODUCT"},
            ("uses", "星河云", "北斗模型", ""),
        ),
        (
            "星河云是星河集团旗下的云计算公司。",
            {"星河云": "ORG", "星河集团": "ORG"},
            ("part_of", "星河云", "星河集团", ""),
        ),
    ],
)
def test_more_cues(nlp, text, ents, expected):
    assert expected in rels(doc_with_ents(nlp, text, ents))


@pytest.mark.parametrize(
    ("text", "rival"),
    [
        ("设计得分：北斗模型 > 星河模型 > 云海模型。", "星河模型"),  # a ranking
        ("北斗模型：挑战星河模型。", "星河模型"),
        ("北斗模型的能力已经与星河模型看齐。", "星河模型"),
    ],
)
def test_rankings_and_challenges_are_competition(nlp, text, rival):
    ents = {"北斗模型": "PRODUCT", "星河模型": "PRODUCT", "云海模型": "PRODUCT"}
    doc = doc_with_ents(nlp, text, ents)
    assert ("competes_with", "北斗模型", rival, "") in rels(doc)


def test_a_role_at_a_unit_written_after_its_company_stays_at_the_unit(nlp):
    # the head of a company's unit holds the title there, not at the company
    doc = doc_with_ents(
        nlp,
        "原星河科技北斗助手负责人王伟已经离职。",
        {"星河科技": "ORG", "北斗助手": "PRODUCT", "王伟": "PERSON"},
    )
    found = rels(doc)
    assert ("role", "王伟", "北斗助手", "负责人") in found
    assert ("role", "王伟", "星河科技", "负责人") not in found


@pytest.mark.parametrize(
    "text",
    [
        "星河科技将语音控制集成到北斗助手中。",  # into: the assistant takes it, not the company
        "云帆的使用率约为北斗助手的两倍。",  # 使用率: a figure, not a use
    ],
)
def test_into_and_usage_figures_are_not_uses(nlp, text):
    doc = doc_with_ents(nlp, text, {"星河科技": "ORG", "云帆": "PRODUCT", "北斗助手": "PRODUCT"})
    assert not [r for r in rels(doc) if r[0] == "uses"]


def test_a_comparison_is_not_a_use(nlp):
    doc = doc_with_ents(
        nlp,
        "北斗助手采用了与星河模型相似的架构。",
        {"北斗助手": "PRODUCT", "星河模型": "PRODUCT"},
    )
    assert not [r for r in rels(doc) if r[0] == "uses"]


def test_plural_pronoun_in_the_same_sentence(nlp):
    doc = doc_with_ents(
        nlp,
        "星河模型和云海模型都已推出，北斗助手上线后将与它们正面竞争。",
        {"星河模型": "PRODUCT", "云海模型": "PRODUCT", "北斗助手": "PRODUCT"},
    )
    rivals = {h if t == "北斗助手" else t for k, h, t, _ in rels(doc) if k == "competes_with"}
    assert {"星河模型", "云海模型"} <= rivals


def test_a_pronoun_resolves_through_earlier_pronouns(nlp):
    doc = doc_with_ents(
        nlp,
        "王伟毕业于清华。后来他在星河科技工作。如今他同时担任云海智能的 CEO。",
        {"王伟": "PERSON", "星河科技": "ORG", "云海智能": "ORG"},
    )
    assert ("role", "王伟", "云海智能", "CEO") in rels(doc)


def test_a_byline_gives_a_role_at_the_publisher(nlp):
    doc = doc_with_ents(nlp, "星河科技发布新模型\n作者 | 王伟\n正文", {"王伟": "PERSON"},
                        source="云海日报")  # fmt: skip
    assert ("role", "王伟", "云海日报", "作者") in rels(doc)
    unsourced = doc_with_ents(nlp, "作者 | 王伟", {"王伟": "PERSON"})
    assert rels(unsourced) == []


@pytest.fixture(scope="module")
def gaz_nlp():
    import hunyuan_kg

    return hunyuan_kg.load(ner=None, segmenter="char")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the gazetteer knows who makes 抖音 and owns 火山引擎: named together, they are linked
        ("字节跳动今年继续加码抖音的电商业务。", ("develops", "字节跳动", "抖音")),
        ("火山引擎和字节跳动的其他部门一起参与了这次合作。", ("part_of", "火山引擎", "字节跳动")),
    ],
)
def test_a_gazetteer_parent_named_in_the_sentence_is_linked(gaz_nlp, text, expected):
    assert expected in {(r.type, r.head.text, r.tail.text) for r in gaz_nlp(text)._.relations}


@pytest.mark.parametrize(
    ("text", "maker", "product"),
    [
        # a Chinese company name learned from raw news, then a model code
        ("宝马 X9 的售价还没有公布。", "宝马", "宝马 X9"),
        # a known product written with its maker's name, then a variant word
        ("三星Galaxy Zeta 开始预售。", "三星", "三星Galaxy Zeta"),
    ],
)
def test_a_product_written_with_its_makers_name_is_developed_by_it(gaz_nlp, text, maker, product):
    got = {(r.type, r.head.text, r.tail.text) for r in gaz_nlp(text)._.relations}
    assert ("develops", maker, product) in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a company written right before a product's name makes it
        ("英伟达 RTX 7090 显卡今天开卖。", {("develops", "英伟达", "RTX 7090")}),
        # not a product the gazetteer gives to another company, nor a university's course
        ("谷歌正在追赶微软 ChatGPT 的脚步。", set()),
        ("这门课是斯坦福大学 CS231n 的入门课。", set()),
    ],
)
def test_a_company_written_before_a_product_is_its_maker(gaz_nlp, text, expected):
    got = {(r.type, r.head.text, r.tail.text) for r in gaz_nlp(text)._.relations}
    assert {r for r in got if r[0] == "develops"} == expected


def test_a_maker_the_text_does_not_write_is_not_linked(gaz_nlp):
    doc = gaz_nlp("Claude Pilot 是一款新的编程助手。")  # Claude's maker is not written here
    assert not any(r.type == "develops" for r in doc._.relations)


def test_a_gazetteer_parent_named_elsewhere_in_the_document_is_linked(gaz_nlp):
    doc = gaz_nlp("抖音的日活再创新高。这家公司还发布了新模型。字节跳动没有回应。")
    got = {(r.type, r.head.text, r.tail.text) for r in doc._.relations}
    assert ("develops", "字节跳动", "抖音") in got


def test_a_gazetteer_parent_the_document_never_names_is_not_linked(gaz_nlp):
    doc = gaz_nlp("抖音的日活再创新高。这家公司还发布了新模型。")
    assert not any(r.tail.text == "抖音" for r in doc._.relations)


def test_a_former_employer_after_the_copula_keeps_the_role(nlp):
    doc = doc_with_ents(nlp, "王伟为原星河科技联合创始人。", {"王伟": "PERSON", "星河科技": "ORG"})
    assert ("role", "王伟", "星河科技", "联合创始人") in rels(doc)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("星河科技的云帆很受欢迎。", {"星河科技": "ORG", "云帆": "PRODUCT"}, True),
        ("换成了星河科技的 MEMS 激光雷达 R1。", {"星河科技": "ORG", "R1": "PRODUCT"}, True),
        ("星河科技的用户都在用云帆。", {"星河科技": "ORG", "云帆": "PRODUCT"}, False),
    ],
)
def test_a_company_s_product_in_the_possessive(nlp, text, ents, expected):
    got = [r for r in rels(doc_with_ents(nlp, text, ents)) if r[0] == "develops"]
    assert bool(got) is expected


def test_each_owner_in_an_enumeration_of_possessives_develops_only_its_own_product(nlp):
    doc = doc_with_ents(
        nlp,
        "星河科技的云帆和远帆公司的北斗都已上线。",
        {"星河科技": "ORG", "云帆": "PRODUCT", "远帆公司": "ORG", "北斗": "PRODUCT"},
    )
    got = {(r[1], r[2]) for r in rels(doc) if r[0] == "develops"}
    assert got == {("星河科技", "云帆"), ("远帆公司", "北斗")}


def test_every_author_of_a_byline_has_a_role_at_the_publisher_by_its_short_name():
    import hunyuan_kg

    nlp = hunyuan_kg.load(ner=None, segmenter="char")
    doc = nlp.make_doc("作者：周远 陈默\n\n正文从这里开始。")
    doc._.source = "WeChat: 潮汐科技评论"
    roles = {(r.head.text, r.tail.text, r.role) for r in nlp(doc)._.relations if r.type == "role"}
    assert roles == {("周远", "潮汐科技评论", "作者"), ("陈默", "潮汐科技评论", "作者")}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("红杉中国宣布重金投资Zentrofy。", ("红杉中国", "Zentrofy")),
        ("目前，微软、谷歌等巨头均投资了月之暗面。", ("谷歌", "月之暗面")),
    ],
)
def test_an_investor_that_invests_in_a_company(text, pair):
    import hunyuan_kg

    doc = hunyuan_kg.load(ner=None, segmenter="char")(text)
    found = {(r.head.text, r.tail.text) for r in doc._.relations if r.type == "invests_in"}
    assert pair in found


def test_a_sum_invested_in_building_something_names_no_investee():
    import hunyuan_kg

    doc = hunyuan_kg.load(ner=None, segmenter="char")("京东计划投资100亿元建设物流中心。")
    assert not [r for r in doc._.relations if r.type == "invests_in"]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # the round is named in one sentence, its investors in the next
        (
            "百川智能宣布完成A1轮融资。本轮由阿里巴巴、腾讯和小米联合领投。",
            {("阿里巴巴", "百川智能"), ("腾讯", "百川智能"), ("小米", "百川智能")},
        ),
        # a list of backers after 投资方包括
        (
            "智谱的投资方包括美团、蚂蚁集团和红杉中国等。",
            {("美团", "智谱"), ("蚂蚁集团", "智谱"), ("红杉中国", "智谱")},
        ),
        # the funded company named after the lead investor, co-investors after it
        ("此前阿里巴巴领投了MiniMax的融资，腾讯等参投。", {("腾讯", "MiniMax")}),
        # too far from the round: another deal
        (
            "百川智能完成了新一轮融资。它推出了三款产品。模型更新很快。另一个项目由红杉中国领投。",
            set(),
        ),
        # taking part in something that is no round
        ("腾讯、阿里巴巴等参与了这次标准制定。", set()),
        # rounds counted since the founding, the backers listed as 等…投资机构
        (
            "百川智能自成立以来已完成五轮融资。其中不乏腾讯、阿里巴巴等知名投资机构。",
            {("腾讯", "百川智能"), ("阿里巴巴", "百川智能")},
        ),
        # the backers listed between 获得 and 等…的投资
        (
            "此前百川智能已获得腾讯、阿里巴巴、小米、美团、蚂蚁集团、红杉中国、高瓴、启明创投、经纬创投等知名投资机构和产业方的投资。",
            {("腾讯", "百川智能"), ("高瓴", "百川智能")},
        ),
        # a denied round funds nobody
        ("百川智能否认完成新一轮融资。网传腾讯、阿里巴巴等投资机构参与。", set()),
    ],
)
def test_the_investors_of_a_funding_round_invest_in_the_funded_company(text, pairs):
    import hunyuan_kg

    doc = hunyuan_kg.load(ner=None, segmenter="char")(text)
    found = {(r.head.text, r.tail.text) for r in doc._.relations if r.type == "invests_in"}
    assert pairs <= found
    if not pairs:
        assert not found


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # ranked above a list of rivals
        (
            "Qwen2.5-Max 在多项评测中超越了 DeepSeek V3 和 GPT-4o。",
            {("Qwen2.5-Max", "DeepSeek V3"), ("Qwen2.5-Max", "GPT-4o")},
        ),
        # compared with one
        ("文心一言与 ChatGPT 相比，中文能力更强。", {("文心一言", "ChatGPT")}),
        # compared with the members of a bracketed list
        (
            "Kimi 与主流模型（包括 GPT-4o、Claude）进行了对比。",
            {("Kimi", "GPT-4o"), ("Kimi", "Claude")},
        ),
        # 比较 meaning "rather" compares nothing
        ("红杉中国和高瓴的打法比较注重长期。", set()),
        # working together is no competition
        ("腾讯与阿里巴巴合作推出了新服务。", set()),
    ],
)
def test_a_comparison_makes_the_compared_ones_competitors(text, pairs):
    import hunyuan_kg

    doc = hunyuan_kg.load(ner=None, segmenter="char")(text)
    found = {
        tuple(sorted((r.head.text, r.tail.text)))
        for r in doc._.relations
        if r.type == "competes_with"
    }
    assert {tuple(sorted(p)) for p in pairs} <= found
    if not pairs:
        assert not found


def doc_with_names_in_order(nlp, text, names):
    """``names`` [(text, label)] in the order they are written, each found after the one
    before: a family's name is not marked again inside its member's."""
    doc, spans, at = nlp.make_doc(text), [], 0
    for name, label in names:
        start = text.index(name, at)
        spans.append(doc.char_span(start, start + len(name), label))
        at = start + len(name)
    doc.ents = spans
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


P = "PRODUCT"


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a variant word, a size and a version each make a member of the family
        (
            "北斗 2.0 推出后，北斗 2.0 Pro 紧随其后。",
            ["北斗 2.0", "北斗 2.0 Pro"],
            [("北斗 2.0 Pro", "北斗 2.0")],
        ),
        ("云帆系列里，云帆-13B 最受欢迎。", ["云帆", "云帆-13B"], [("云帆-13B", "云帆")]),
        # the longest family wins
        (
            "北斗、北斗 3 和北斗 3 Max 都已上线。",
            ["北斗", "北斗 3", "北斗 3 Max"],
            [("北斗 3", "北斗"), ("北斗 3 Max", "北斗 3")],
        ),
        # one more digit is another name, not a version
        ("X-2 和 X-21 是两款机型。", ["X-2", "X-21"], []),
        # letters glued onto a name make another word
        ("Sky 和 Skyline 是两款产品。", ["Sky", "Skyline"], []),
    ],
)
def test_a_product_named_by_its_family_and_a_version_is_part_of_it(nlp, text, names, expected):
    doc = doc_with_names_in_order(nlp, text, [(n, P) for n in names])
    assert [(h, t) for kind, h, t, _ in rels(doc) if kind == "part_of"] == expected


def test_versions_of_one_gazetteer_product_are_part_of_the_family(nlp):
    # the ruler gives a known product's versions the product's gazetteer id; a version is
    # still a member of its family (北斗 2.0 Pro of 北斗 2.0), not the same name
    text = "北斗 2.0 推出后，北斗 2.0 Pro 紧随其后。"
    doc = nlp.make_doc(text)
    first, second = text.index("北斗 2.0"), text.index("北斗 2.0 Pro")
    doc.ents = [
        doc.char_span(first, first + 6, P, kb_id="beidou"),
        doc.char_span(second, second + 10, P, kb_id="beidou"),
    ]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert ("part_of", "北斗 2.0 Pro", "北斗 2.0", "") in rels(doc)


@pytest.mark.parametrize("title", ["董事局主席", "主管合伙人", "掌门人"])
def test_titles_mined_from_news_give_roles(nlp, title):
    doc = doc_with_ents(
        nlp, f"星河科技{title}林远表示，明年会更好。", {"星河科技": "ORG", "林远": "PERSON"}
    )
    assert ("role", "林远", "星河科技", title) in rels(doc)


def _marked(nlp, text, spans):
    """A doc with entities at the given (start, text, label, kb_id) positions."""
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(s, s + len(t), label, kb_id=k) for s, t, label, k in spans]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_a_parent_written_only_inside_its_arm_is_no_entity_of_its_own(nlp):
    # gold convention: 百度 inside 百度资本 is not a mention of 百度
    alone = _marked(nlp, "百度资本参与了本轮融资。", [(0, "百度资本", "ORG", "")])
    assert not [r for r in rels(alone) if r[0] == "part_of"]
    text = "百度也是股东。百度资本参与了本轮融资。"
    both = _marked(nlp, text, [(0, "百度", "ORG", "baidu"), (7, "百度资本", "ORG", "")])
    assert ("part_of", "百度资本", "百度", "") in rels(both)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a list named as rivals: of the name before it, never of each other
        (
            "星河科技展开了人才争夺战，从北辰科技、远帆科技和天枢科技等竞争对手处挖来工程师。",
            {"星河科技": "ORG", "北辰科技": "ORG", "远帆科技": "ORG", "天枢科技": "ORG"},
            {("星河科技", "北辰科技"), ("星河科技", "远帆科技"), ("星河科技", "天枢科技")},
        ),
        # two names that are rivals of each other stay so
        (
            "在这个市场，北辰科技和远帆科技是主要竞争者。",
            {"北辰科技": "ORG", "远帆科技": "ORG"},
            {("北辰科技", "远帆科技"), ("远帆科技", "北辰科技")},
        ),
    ],
)
def test_a_list_of_rivals_competes_with_the_name_before_it(nlp, text, ents, expected):
    found = {(h, t) for k, h, t, _ in rels(doc_with_ents(nlp, text, ents)) if k == "competes_with"}
    assert found == expected


def test_the_owner_of_a_listed_rival_is_not_its_rival(nlp):
    text = "云帆助手的用户增长，落后于北辰科技的北斗助手等竞品。"
    ents = {"云帆助手": "PRODUCT", "北辰科技": "ORG", "北斗助手": "PRODUCT"}
    assert ("competes_with", "北辰科技", "北斗助手", "") not in rels(doc_with_ents(nlp, text, ents))
