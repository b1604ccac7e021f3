"""Rules on real gazetteer entries: ambiguous names need a cue, names of government bodies,
conference series and their organisers."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

import hunyuan_kg
from hunyuan_kg.gazetteer import Gazetteer
from hunyuan_kg.pipeline.entity_ruler import EntityRuler


@pytest.fixture(scope="module")
def nlp():
    return hunyuan_kg.load(ner=None, segmenter="char")


@pytest.mark.parametrize(
    "text",
    [
        "美团宣布收购光年之外。",
        "光年之外团队将并入美团。",
        "王慧文创办光年之外后，很快组建了团队。",
        "光年之外今天发布了新的写作助手。",  # the agent of a launch verb
        "光年之外正式推出企业版。",
        "2024 年 3 月，光年之外的团队扩大了一倍。",  # the subject of a dated clause
    ],
)
def test_an_ambiguous_company_name_with_a_company_cue_is_an_entity(nlp, text):
    assert ("光年之外", "ORG") in [(e.text, e.label_) for e in nlp(text).ents]


def test_an_ambiguous_company_name_without_a_cue_is_not(nlp):
    assert "光年之外" not in [e.text for e in nlp("那颗恒星远在数百光年之外。").ents]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("大家平时都在 Slack 上讨论需求。", "Slack", "PRODUCT"),
        ("这个页面是用 React 写的。", "React", "PRODUCT"),
    ],
)
def test_an_ambiguous_latin_name_written_as_listed_among_chinese_text_is_an_entity(
    nlp, text, name, label
):
    assert (name, label) in [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("百度正在推进 AI for Science 的研究。", "Science"),  # part of a Latin phrase
        ("量化之后使用 LoRA-FT 微调。", "FT"),  # joined to another Latin word
        ("这台相机的 ISO 范围很宽。", "ISO"),  # a short acronym
        ("团队的节奏很 slack。", "slack"),  # not capitalized as listed
    ],
)
def test_an_ambiguous_latin_name_inside_a_latin_phrase_or_as_an_acronym_needs_a_cue(
    nlp, text, word
):
    assert word not in [e.text for e in nlp(text).ents]


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


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # a known company and a head word: one of its arms
        ("百度资本参与了本轮融资。", "百度资本", "ORG"),
        ("联想创投和另外两家机构跟投。", "联想创投", "ORG"),
        # ... or a few words of its own and then a head word: a unit or a fund of it
        ("百度智能驾驶事业群总裁出席了活动。", "百度智能驾驶事业群", "ORG"),
        ("华润创新技术投资基金跟投。", "华润创新技术投资基金", "ORG"),
        # a known company and a model code: one of its products
        ("小米12 的屏幕更大。", "小米12", "PRODUCT"),
        ("蔚来 ET7 开始交付。", "蔚来 ET7", "PRODUCT"),
        ("华为 P60 Pro 已经开售。", "华为 P60 Pro", "PRODUCT"),
        # ... or a device noun and a model: the device's name
        ("小米发布了小米笔记本Air 13。", "小米笔记本Air 13", "PRODUCT"),
        ("华为平板 M6 降价了。", "华为平板 M6", "PRODUCT"),
        # a product name ending in Latin script and capitalized words: a model of it
        ("三星Galaxy Fold 是一款折叠屏手机。", "三星Galaxy Fold", "PRODUCT"),
    ],
)
def test_a_company_name_followed_by_a_head_word_or_model_code_is_a_compound_name(
    nlp, text, name, label
):
    assert (name, label) in [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("小米 10 亿元的投入。", "小米 10"),  # a count with its unit
        ("腾讯 2023 年的收入。", "腾讯 2023"),  # a year
        ("特斯拉 Q2 交付量创新高。", "特斯拉 Q2"),  # a quarter
        ("华为 5G 基站。", "华为 5G"),  # a generic term
        ("台积电 3nm 工艺。", "台积电 3"),  # a process size
        ("小米手机 12GB 内存版。", "小米手机 12GB"),  # a memory size
        ("小米电视 65 英寸版。", "小米电视 65"),  # a screen size
        ("百度科技园的新楼。", "百度科技"),  # a head word inside a longer word
        ("腾讯联合清华研究院发布报告。", "腾讯联合清华研究院"),  # two organisations
        ("小米百亿新基金完成募集。", "小米百亿新基金"),  # an amount describes a fund
        ("小米新基金的出资人。", "小米新基金"),  # so does 新
        ("开放原子开源基金会孵化了该项目。", "开放原子开源基金"),  # 基金会 is longer
    ],
)
def test_what_follows_a_company_name_is_no_compound_when_it_is_a_number_or_a_longer_word(
    nlp, text, name
):
    assert name not in [e.text for e in nlp(text).ents]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # two known investors make the unknown items of their list investors too
        ("本轮投资方包括红杉中国、北辰资本、远帆创投和IDG资本。", ["北辰资本", "远帆创投"]),
        ("腾讯、星垂科技、京东和百度都在布局。", ["星垂科技"]),
        # two of five known are enough (包含 opens the list like 包括)
        ("他投资的项目包含云舟出行、京东、远帆汇、百度、北辰喵喵等。", ["云舟出行", "远帆汇"]),
    ],
)
def test_unknown_items_of_a_list_of_known_organisations_are_organisations(nlp, text, names):
    ents = [(e.text, e.label_) for e in nlp(text).ents]
    for name in names:
        assert (name, "ORG") in ents


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("服务器操作系统“玄鸟”正式开源。", "玄鸟"),
        ("这款推理芯片「青枫」今年量产。", "青枫"),
        ("配送机器人“小橙”上岗。", "小橙"),
    ],
)
def test_a_quoted_name_after_a_product_noun_is_a_product(nlp, text, name):
    assert (name, "PRODUCT") in [(e.text, e.label_) for e in nlp(text).ents]


def test_a_quoted_slogan_after_a_product_noun_is_no_name(nlp):
    assert nlp("这套系统“能用、好用、敢用”。").ents == ()


def test_a_statistical_organisation_takes_in_the_head_word_the_model_left_out():
    """The model reads 北溟 as an organisation; the name is 北溟科技."""
    nlp = spacy.blank("zh")
    doc = nlp.make_doc("他创办了北溟科技，又做了电子邮件。")
    doc.ents = [Span(doc, 4, 6, "ORG"), Span(doc, 12, 14, "ORG")]
    ruler = EntityRuler(None)
    assert [(e.text, e.label_) for e in ruler(doc).ents] == [("北溟科技", "ORG")]


def test_a_declaring_word_the_model_reads_as_a_name_is_none():
    """林远（花名：青山）: 花名 says what follows is a nickname; it names no one, and a
    person read there would part 林远 from 青山."""
    nlp = spacy.blank("zh")
    text = "副总裁林远（花名：青山）离职。"
    doc = nlp.make_doc(text)
    spans = [(text.index(n), n) for n in ("林远", "花名", "青山")]
    doc.ents = [Span(doc, i, i + len(n), "PERSON") for i, n in spans]
    assert [e.text for e in EntityRuler(None)(doc).ents] == ["林远", "青山"]


@pytest.mark.parametrize(("with_gazetteer", "kept"), [(False, True), (True, False)])
def test_a_statistical_latin_name_counts_only_without_a_gazetteer(with_gazetteer, kept):
    """Without a gazetteer the model is the only reader of Latin names (Zephyra); with one,
    what the model reads in Latin script and the gazetteer does not know is mostly a
    technology term, so it is left out. A span cutting a Latin word never counts."""
    nlp = spacy.blank("zh")
    text = "据说Zephyra比Zephyrax好用。"
    doc = nlp.make_doc(text)
    first, second = text.index("Zephyra"), text.index("Zephyrax")
    doc.ents = [Span(doc, first, first + 7, "PRODUCT"), Span(doc, second, second + 7, "PRODUCT")]
    ruler = EntityRuler(Gazetteer.default() if with_gazetteer else None)
    found = [e.text for e in ruler(doc).ents if e.label_ == "PRODUCT"]
    assert found == (["Zephyra"] if kept else [])


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # one known investor and the head noun 机构 type the rest; the 和 after 等 joins
        # words of the clause, not items
        ("投资方包括红杉中国、北辰资本、远帆创投等知名机构和产业方。", ["北辰资本", "远帆创投"]),
        ("腾讯、星垂科技两大公司都在布局。", ["星垂科技"]),
    ],
)
def test_a_head_noun_after_a_list_types_its_unknown_items(nlp, text, names):
    ents = [(e.text, e.label_) for e in nlp(text).ents]
    for name in names:
        assert (name, "ORG") in ents


@pytest.mark.parametrize(
    "text",
    [
        "平台提供数据脱敏、主机巡检、日志审计等安全服务。",  # common nouns: no name known
        "新款提供数据脱敏、星垂科技、日志审计等安全服务。",  # the known item is no product
    ],
)
def test_a_head_noun_types_no_list_without_a_known_name_of_its_type(nlp, text):
    assert [e.label_ for e in nlp(text).ents if e.label_ == "PRODUCT"] == []


@pytest.mark.parametrize(
    "text",
    [
        "他喜欢苹果、香蕉、橘子和西瓜。",  # nothing known: no type to spread
        "腾讯、百度、其他几家公司和许多创业团队都来了。",  # phrases, not names
    ],
)
def test_a_list_spreads_no_type_to_phrases_or_without_known_items(nlp, text):
    assert [e.text for e in nlp(text).ents if e.text not in ("腾讯", "百度")] == []


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("新增了 AI\n3 个新功能。", "AI\n3", None),  # no name across a line break
        ("Gartner 2024 报告显示。", "Gartner 2024", None),  # a year is no version
        ("辅助驾驶升级到 NOVA 3．5 版本。", "NOVA 3", "NOVA 3．5"),  # a full-width point
        ("他从中学到高中再到大学都在北京。", "中学到高中再到大学", None),  # 到 ends a name
        ("模型的水平已达大学生水平。", "模型的水平已达大学", None),  # 大学生 is no university
    ],
)
def test_pattern_names_stop_at_line_breaks_years_and_function_words(nlp, text, absent, present):
    names = [e.text for e in nlp(text).ents]
    assert absent not in names
    if present:
        assert present in names


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("新工具 FlowDesk 上线后很受欢迎。", "FlowDesk", "PRODUCT"),  # CamelCase
        ("Harbor Capital 也参与了这轮融资。", "Harbor Capital", "ORG"),  # an organisation head
        ("Lena Morrow 表示，团队会继续开源。", "Lena Morrow", "PERSON"),  # a speech verb after
        ("这家公司的 CEO Tim Rowley 很低调。", "Tim Rowley", "PERSON"),  # a mined given name
        ("那本周刊的主编 Orla Venning 接受了采访。", "Orla Venning", "PERSON"),  # a title before
        ("星河的首席信息官 Dace Marlow 很低调。", "Dace Marlow", "PERSON"),
        ("她的导师是 Wendel Oakridge 教授。", "Wendel Oakridge", "PERSON"),  # an honorific after
        ("有了 Quillbit 之后，它的用户翻了一倍。", "Quillbit", None),  # one word, no typing cue
    ],
)
def test_latin_names_by_their_shape_and_context(nlp, text, name, label):
    got = {e.text: e.label_ for e in nlp(text).ents}
    if label is None:
        assert name not in got
    else:
        assert got.get(name) == label


@pytest.mark.parametrize(
    "text", ["Machine Learning 是一门学科。", "基于 Large Language Model 的应用。"]
)
def test_common_english_words_are_no_latin_names(nlp, text):
    assert [e.text for e in nlp(text).ents] == []


@pytest.mark.parametrize(
    ("text", "products"),
    [
        ("理想汽车 Q3 营收同比增长，H1 交付量创新高。", []),  # quarters and halves
        ("这款车和 Q5 同级，搭载 H100 的服务器也在路上。", ["Q5", "H100"]),  # model codes
    ],
)
def test_a_quarter_or_half_year_is_no_product_code(nlp, text, products):
    assert [e.text for e in nlp(text).ents if e.label_ == "PRODUCT"] == products


@pytest.mark.parametrize(
    ("text", "products"),
    [
        ("星河科技推出了开发平台「云岫」。", ["云岫"]),  # a name introduced by its kind
        ("研究人员发现，大模型“崩溃”的原因在于数据。", []),  # an everyday word in quotes
        ("这类系统“思考”得越久，答案越准。", []),
    ],
)
def test_a_quoted_common_word_after_a_product_noun_is_no_name(nlp, text, products):
    assert [e.text for e in nlp(text).ents if e.label_ == "PRODUCT"] == products


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("根据星河产业研究院的数据，市场还在增长。", "星河产业研究院"),
        ("他目前是北辰理工大学的教授。", "北辰理工大学"),
    ],
)
def test_a_word_written_before_organisation_names_is_no_part_of_one(nlp, text, name):
    assert [e.text for e in nlp(text).ents if e.label_ == "ORG"] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("飞书的 ARR 2 亿美金是一道门槛。", "ARR 2"),  # a count with its unit
        ("星河是一个落后于 Orbit 18 个月的模型。", "Orbit 18"),  # a duration
        ("Harvey 2 年做到 3000 万美元收入。", "Harvey 2"),  # a duration after a word
        ("1. 增长最快的 AI 产品 ARR 5. 下一条", "ARR 5"),  # a list number
    ],
)
def test_a_latin_word_and_a_count_or_list_number_is_no_versioned_name(nlp, text, name):
    assert name not in [e.text for e in nlp(text).ents]


def test_a_version_is_read_whole_before_what_follows_it_is_checked(nlp):
    names = [e.text for e in nlp("星河发布了 Orbit 4.5 年度版和 SSR-6.1.12-lts。").ents]
    assert "Orbit 4" not in names and "SSR-6.1.12" in names


def test_a_letter_and_number_after_a_known_product_is_its_version(nlp):
    assert ("Kimi K2", "PRODUCT") in [(e.text, e.label_) for e in nlp("Kimi K2 正式开源。").ents]


@pytest.mark.parametrize(
    ("name", "plausible"),
    [
        ("雷达", False),
        ("麦克风", False),
        ("雷军", True),
        ("成本敏", False),  # 成本 is a common word: no name starts with it
        ("李世石", True),  # 李世 is rarer: a name may start with it
    ],
)
def test_a_statistical_person_must_not_be_a_word_news_never_uses_as_a_person(nlp, name, plausible):
    ruler = nlp.get_pipe("hkg_entity_ruler")
    text = f"据报道，{name}今天出现在现场。"
    start = text.index(name)
    assert ruler._plausible_statistical(text, start, start + len(name), "PERSON") is plausible


@pytest.mark.parametrize(
    ("text", "name", "plausible"),
    [
        ("评论区满是胡言乱语。", "胡言", False),  # the start of an idiom
        ("这个品牌早已家喻户晓。", "喻户晓", False),  # the middle of one
        ("影片拿下奥斯卡奖。", "奥斯卡", False),  # a prize named after a person
        ("他在书里引用了亚里士多德。", "亚里士", False),  # a longer name cut short
        ("胡言随后补充了几句。", "胡言", True),  # the same two characters, alone
        ("记者王晓东表示同意。", "王晓东", True),
    ],
)
def test_a_statistical_person_is_no_part_of_a_longer_dictionary_word(nlp, text, name, plausible):
    ruler = nlp.get_pipe("hkg_entity_ruler")
    start = text.index(name)
    assert ruler._plausible_statistical(text, start, start + len(name), "PERSON") is plausible


@pytest.mark.parametrize(
    "text",
    [
        "多位分析师普遍认为，明年的需求会回暖。",
        "作者解释说，这个模块已经停止维护。",
        "基金经理应该是看中了它的现金流。",
        "一名官员周一表示，审查已经结束。",
    ],
)
def test_a_word_after_a_job_title_is_no_person(nlp, text):
    # the model itself never reads these words as people across the raw corpus
    assert [e.text for e in nlp(text).ents if e.label_ == "PERSON"] == []


def test_a_name_ends_at_a_line_break(nlp):
    ruler = nlp.get_pipe("hkg_entity_ruler")
    text = "主讲人林远航\n北京报道"
    start = text.index("林远航")
    cand = ruler._trimmed(text, start, len(text), "PERSON", 2)
    assert cand is not None and text[cand.start : cand.end] == "林远航"


def test_a_statistical_person_leaves_out_what_follows_a_name(nlp):
    ruler = nlp.get_pipe("hkg_entity_ruler")
    text = "那年她找到林远、王莉时，三人一拍即合。"
    start = text.index("王莉时")
    cand = ruler._trimmed(text, start, start + 3, "PERSON", 2)
    assert cand is not None and text[cand.start : cand.end] == "王莉"


@pytest.mark.parametrize(
    ("text", "name", "plausible"),
    [
        ("据悉，远帆锂电已完成交付。", "远帆锂电", True),
        ("分析师来自青禾证券。", "青禾证券", True),
        ("他是智能汽车的拥趸。", "智能汽车", False),  # a generic descriptor
        ("这是一封钓鱼电子邮件。", "钓鱼电子", False),  # 电子 starts 电子邮件 here
        ("他是一名菲律宾大学生。", "菲律宾大学", False),  # 大学 starts 大学生 here
        ("该子公司将上市。", "子公司", False),  # 公司 alone is no head
        # ... or a job title after it
        ("她曾任星河大数据创始人。", "星河大数据", True),
        ("星河大数据的用户很多。", "星河大数据", False),
        ("据悉同公司高管开会。", "悉同公司", False),  # a description ending in 公司
        ("它是抵抗者和协作者。", "抵抗者和协", False),  # a phrase, not a name
    ],
)
def test_a_statistical_organisation_needs_a_name_and_a_head_word_or_a_title(
    nlp, text, name, plausible
):
    ruler = nlp.get_pipe("hkg_entity_ruler")
    start = text.index(name)
    assert ruler._plausible_statistical(text, start, start + len(name), "ORG") is plausible


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("她用 Microsoft Word 写稿。", "Microsoft Word", "PRODUCT"),
        ("Microsoft Research 发表了论文。", "Microsoft Research", "ORG"),
        ("Google CEO 接受了采访。", "Google", "ORG"),  # a title is no product
    ],
)
def test_capitalized_words_after_a_known_latin_company_name_its_product_or_unit(
    nlp, text, name, label
):
    assert (name, label) in [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("鸿蒙OS 正式发布。", "鸿蒙OS"),
        ("鸿蒙 OS 2.0 上线。", "鸿蒙 OS 2.0"),
        ("新机搭载骁龙 8 Gen 3 芯片。", "骁龙 8 Gen 3"),  # a generation after the version
        ("新机搭载骁龙 7+ Gen 2 芯片。", "骁龙 7+ Gen 2"),
        ("混元 2.0 Lite 兼顾了速度。", "混元 2.0 Lite"),  # a variant after the version
        ("月之暗面发布了 Kimi K2.5。", "Kimi K2.5"),  # a later version than the known Kimi K2
    ],
)
def test_os_and_a_version_after_a_known_product_belong_to_its_name(nlp, text, name):
    assert name in [e.text for e in nlp(text).ents]


def test_a_person_after_a_title_and_the_copula(nlp):
    assert ("林远", "PERSON") in [(e.text, e.label_) for e in nlp("公司的法定代表人是林远。").ents]


def test_a_place_shaped_statistical_name_with_an_organisation_head_is_an_organisation():
    from hunyuan_kg.pipeline.entity_ruler import EntityRuler

    ruler = EntityRuler(None)
    text = "本轮由海淀创新基金领投。"
    start = text.index("海淀创新基金")
    cand = ruler._trimmed(text, start, start + len("海淀创新基金"), "LOC", 2)
    assert cand is not None and cand.label == "ORG"


def test_latin_names_listed_with_a_latin_person_are_people(nlp):
    text = "董事会成员包括 Mike O'Hara、Lena Morrow 和 Petra Quill。"
    got = {e.text: e.label_ for e in nlp(text).ents}
    assert got.get("Petra Quill") == "PERSON" and got.get("Mike O'Hara") == "PERSON"


@pytest.mark.parametrize(
    ("text", "name"), [("Kimi Code 正式上线。", "Kimi Code"), ("Qwen Chat 支持搜索。", "Qwen Chat")]
)
def test_capitalized_words_after_a_known_latin_product_name_a_variant_of_it(nlp, text, name):
    assert (name, "PRODUCT") in [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize(
    ("before", "name", "after"),
    [
        ("工商信息显示，", "杭州云栖远航数据服务有限公司", "新增一名股东。"),
        ("出资方为", "深圳市启明星辰创业投资合伙企业（有限合伙）", "。"),
        ("项目由", "苏州高新产业投资控股（集团）有限公司", "主导。"),
        ("新公司名为“", "三木二水（南京）智能科技有限公司", "”。"),
    ],
)
def test_a_registered_company_name_runs_from_its_place_to_its_legal_form(nlp, before, name, after):
    assert (name, "ORG") in [(e.text, e.label_) for e in nlp(before + name + after).ents]


@pytest.mark.parametrize(
    "text",
    [
        "总部位于上海的一家有限公司宣布裁员。",  # no trade name between place and form
        "他起诉了这家北京的有限公司。",  # 的 never stands inside the name
        "据悉，（北京）有限公司的字样被删去。",  # a bracketed place needs a trade name before it
    ],
)
def test_a_place_and_a_legal_form_alone_are_no_company_name(nlp, text):
    assert not [e for e in nlp(text).ents if e.text.endswith("有限公司")]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("据悉，Zentrofy 已完成新一轮融资。", "Zentrofy", "ORG"),
        ("巨头宣布收购Quillmark，交易金额未披露。", "Quillmark", "ORG"),
        ("团队上线了新工具Brevlo，面向开发者。", "Brevlo", "PRODUCT"),
    ],
)
def test_one_latin_word_is_a_name_when_its_chinese_context_types_it(nlp, text, name, label):
    assert (name, label) in [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize(
    "text",
    [
        "Zentrofy 的界面很简洁。",  # no cue
        "They said Zentrofy raised money.",  # no Chinese context
        "Grip Zentrofy 宣布完成融资。",  # the last word of a longer Latin name
        "我们使用 Water 完成分析。",  # a common English word
    ],
)
def test_one_latin_word_without_a_typing_context_is_no_name(nlp, text):
    names = [e.text for e in nlp(text).ents]
    assert "Zentrofy" not in names
    assert "Water" not in names


@pytest.mark.parametrize(
    ("source", "text", "name"),
    [
        ("WeChat: 星河观察", "据星河观察报道，该团队已完成新一轮融资。", "星河观察"),
        ("Orbit Daily (周刊)", "本文首发于 Orbit Daily，转载请注明出处。", "Orbit Daily"),
        ("潮汐科技评论-看见下一个十年", "转载请注明出处：潮汐科技评论", "潮汐科技评论"),
    ],
)
def test_the_publisher_named_in_its_own_article_is_an_organisation(nlp, source, text, name):
    doc = nlp.make_doc(text)
    doc._.source = source
    assert (name, "ORG") in [(e.text, e.label_) for e in nlp(doc).ents]


def test_a_publisher_name_inside_a_latin_word_is_not_matched(nlp):
    doc = nlp.make_doc("OrbitDailyX 是另一家媒体。")
    doc._.source = "OrbitDaily"
    assert "OrbitDaily" not in [e.text for e in nlp(doc).ents]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("本文来自微信公众号，作者：云舒，编辑：石墨，经授权发布。", ["云舒", "石墨"]),
        ("作者：刘川 杨继风，经授权发布。", ["刘川", "杨继风"]),
        ("（责编：夏禾、林深）", ["夏禾", "林深"]),
        ("作者：Jane Roe来源：潮汐科技评论", ["Jane Roe"]),
        ("记者：周远 陈默\n发布会在上午举行。", ["周远", "陈默"]),
    ],
)
def test_a_byline_names_people_pen_names_included(nlp, text, people):
    found = [e.text for e in nlp(text).ents if e.label_ == "PERSON"]
    assert found == people


def test_an_interview_question_after_the_reporter_label_is_no_byline(nlp):
    assert not [e for e in nlp("记者：你刚才提到，模型会开源。").ents if e.label_ == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("新车理想 L7 将于下月交付。", "理想 L7"),  # 理想汽车 → 理想
        ("全新的零跑 C11 开启预订。", "零跑 C11"),  # 零跑汽车 → 零跑
    ],
)
def test_a_company_brand_stem_and_a_model_code_are_a_product(nlp, text, name):
    assert (name, "PRODUCT") in [(e.text, e.label_) for e in nlp(text).ents]


def test_a_brand_stem_alone_or_a_place_stem_is_no_product(nlp):
    names = [e.text for e in nlp("他的理想是 3 年后退休，中国 5 家公司参与。").ents]
    assert not [n for n in names if n.startswith(("理想", "中国 5"))]


def test_a_joiner_inside_a_clause_after_a_list_adds_no_item(nlp):
    text = "理想 L7、蔚来 ES7、小鹏 G9 代表了国内企业最强的产品设计与整车制造能力。"
    assert "整车制造能力" not in [e.text for e in nlp(text).ents]


@pytest.mark.parametrize("name", ["CodeArena", "MathEval", "RiverBench", "PolyQA-Hard"])
def test_a_benchmark_is_no_product(nlp, name):
    text = f"新模型在 {name} 上的得分领先，团队推出了 {name}。"
    assert name not in [e.text for e in nlp(text).ents]


@pytest.mark.parametrize("text", ["来源：星河数据库\n", "陆军：我们和读书会合作。\n"])
def test_a_line_label_or_a_word_news_never_uses_as_a_person_is_no_speaker(nlp, text):
    assert not [e for e in nlp(text).ents if e.label_ == "PERSON"]


def test_an_interview_speaker_at_the_start_of_a_line_is_a_person(nlp):
    assert ("刘青禾", "PERSON") in [
        (e.text, e.label_) for e in nlp("刘青禾：我们会继续开源。").ents
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("据介绍，青禾智算成立于2019年，专注推理芯片。", "青禾智算"),
        ("Zentrofy 创立于 2021 年。", "Zentrofy"),
    ],
)
def test_a_clause_opening_name_that_was_founded_is_an_organisation(nlp, text, name):
    assert (name, "ORG") in [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize(
    "text",
    ["这家公司成立于2015年。", "实际上成立于1930年的工厂。", "Stability Labs 成立于 2019 年。"],
)
def test_pronouns_adverbs_and_words_of_latin_names_are_no_founded_organisation(nlp, text):
    names = [e.text for e in nlp(text).ents]
    assert not {"这家公司", "实际上", "Labs"} & set(names)


@pytest.mark.parametrize(
    ("text", "code", "found"),
    [
        ("该公司推出自研芯片星火C1。", "C1", False),  # the end of a name no rule reads whole
        ("《2025年Q1安全报告》发布。", "Q1", False),
        ("小鹏发布了G9。", "G9", True),  # after a function word a name may start
        ("这款跑车EP9刷新了纪录。", "EP9", True),  # after a product noun
        ("DeepSeek 发布了其R1推理模型。", "R1", True),
    ],
)
def test_a_bare_model_code_written_onto_a_chinese_word_is_no_name_of_its_own(
    nlp, text, code, found
):
    assert (code in [e.text for e in nlp(text).ents]) is found


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("腾讯前副总裁吴军（花名：老吴）加入了新公司。之后老吴很少露面。", "老吴", "PERSON"),
        (
            "上海星河智能科技有限公司（以下简称“星河智能”）今天成立。星河智能有 20 人。",
            "星河智能",
            "ORG",
        ),
    ],
)
def test_a_name_declared_in_brackets_is_an_entity_wherever_it_stands(nlp, text, name, label):
    found = [(e.text, e.label_) for e in nlp(text).ents]
    assert found.count((name, label)) == 2, found


def test_a_name_declared_after_a_registered_name_is_an_organisation_whatever_the_model_says():
    found = [
        (e.text, e.label_)
        for e in hunyuan_kg.load()(
            "该基金还投资了湖南凯瑞特新能源科技有限公司（下称：凯瑞特）。"
        ).ents
    ]
    assert ("凯瑞特", "ORG") in found and ("凯瑞特", "PERSON") not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "基金还投资了明德恒信半导体（苏州）有限公司（下称：明德恒信）。",
            "明德恒信半导体（苏州）有限公司",
        ),
        (
            "近日，远方云帆安全科技集团股份有限公司（简称“云帆安全”）发布新品。",
            "云帆安全科技集团股份有限公司",
        ),
    ],
)
def test_a_registered_name_starts_where_the_short_name_it_declares_starts(nlp, text, name):
    assert (name, "ORG") in [(e.text, e.label_) for e in nlp(text).ents]


def test_a_declared_name_outranks_a_known_name_inside_it(nlp, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "2021 年，林远成立了腾讯远航。"
        "该基金认购了腾讯远航私募基金管理有限公司（下称：腾讯远航）的份额。"
        "腾讯远航成立于 2021 年。",
        encoding="utf-8",
    )
    kg = hunyuan_kg.build([article], nlp=nlp)
    orgs = [sorted(d["aliases"]) for _, d in kg.graph.nodes(data=True) if d["type"] == "ORG"]
    assert orgs == [["腾讯远航", "腾讯远航私募基金管理有限公司"]], orgs  # 腾讯 nowhere


def test_two_names_declared_in_one_bracket_stay_two(nlp):
    found = [e.text for e in nlp("黑客组织午夜暴风雪（又名 APT29 或 Cozy Bear）再次出手。").ents]
    assert "APT29" in found and "Cozy Bear" in found, found


def test_a_bracket_without_a_declaring_word_declares_no_name(nlp):
    assert "星河" not in [e.text for e in nlp("腾讯（星河）今天发布了新品。").ents]


def test_declared_names_are_one_entity_in_the_graph(nlp, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "腾讯前副总裁吴军（花名：老吴）加入了新公司。之后老吴很少露面。", encoding="utf-8"
    )
    kg = hunyuan_kg.build([article], nlp=nlp)
    people = [d for _, d in kg.graph.nodes(data=True) if d.get("type") == "PERSON"]
    assert [sorted(p["aliases"]) for p in people] == [["吴军", "老吴"]]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("数据随后出现在一个黑客论坛上。", None),  # a kind of website
        ("公司昨天下午召开了新闻发布会。", None),  # a kind of meeting
        ("星河科技在杭州举办云帆大会。", "云帆大会"),  # a name before the head
        ("2024 北辰开发者大会在深圳开幕。", "2024 北辰开发者大会"),
        # a long name is read whole, not cut at the left
        (
            "嘉宾出席了第二届星河人工智能产业创新发展大会。",
            "第二届星河人工智能产业创新发展大会",
        ),
        ("远帆科技作为北辰数字经济大会的会员单位发言。", "北辰数字经济大会"),  # 作为 is no name
        ("星河银行第20届全球科技峰会在上海举行。", "第20届全球科技峰会"),  # an ordinal in digits
        ("各国已经举行了几次全球安全峰会。", "全球安全峰会"),  # 几次 counts, names nothing
        # the years of a season are part of the name
        ("北辰视频举办了 2022-2023 年度动画作品发布会。", "2022-2023 年度动画作品发布会"),
    ],
)
def test_conference_names_read_whole_and_not_from_common_words(nlp, text, event):
    found = [e.text for e in nlp(text).ents if e.label_ == "EVENT"]
    assert found == ([event] if event else []), found
