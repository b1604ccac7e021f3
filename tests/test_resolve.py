"""Cross-document resolution of names and events."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hunyuan_kg.gazetteer import Entry, Gazetteer
from hunyuan_kg.pipeline.refs import EntityRef
from hunyuan_kg.records import Participant, Source
from hunyuan_kg.resolve import EventReport, NameResolver, merge_events

GAZ = Gazetteer(
    [
        Entry("tencent", "腾讯", "ORG", ("腾讯公司", "Tencent")),
        Entry("tencent_cloud", "腾讯云", "ORG", ("Tencent Cloud",), parent="tencent"),
        Entry(
            "hunyuan",
            "混元",
            "PRODUCT",
            ("腾讯混元大模型", "混元大模型", "Hunyuan"),
            parent="tencent",
        ),
        Entry("weread", "微信读书", "PRODUCT", ()),
        Entry("wechat", "微信", "PRODUCT", ("WeChat",)),
    ],
    stoplist=["AI"],
)


def resolve(
    mentions: list[tuple[str, str, str]], gaz: Gazetteer = GAZ
) -> dict[tuple[str, str], str]:
    r = NameResolver(gaz)
    refs = [(doc, EntityRef(text, label, "", 0, len(text))) for doc, text, label in mentions]
    for doc, ref in refs:
        r.add(doc, ref)
    r.finish()
    return {(doc, ref.text): r.entity(doc, ref).id for doc, ref in refs}


def _resolved(refs, gaz=GAZ, aliases=()):
    """The entity each (document, mention) resolves to, after every mention is added."""
    r = NameResolver(gaz)
    for doc, ref in refs:
        r.add(doc, ref)
    for doc, name, alias in aliases:
        r.add_alias(doc, name, alias)
    r.finish()
    return {(doc, ref.text): r.entity(doc, ref) for doc, ref in refs}


def test_aliases_and_quotes_meet_in_one_node():
    ids = resolve(
        [
            ("a", "混元", "PRODUCT"),
            ("b", "腾讯混元大模型", "PRODUCT"),
            ("c", "「混元」", "PRODUCT"),
            ("c", "Hunyuan", "ORG"),
        ]
    )
    assert set(ids.values()) == {"PRODUCT:混元"}


def test_containment_does_not_over_merge():
    ids = resolve(
        [
            ("a", "腾讯", "ORG"),
            ("a", "腾讯云", "ORG"),
            ("a", "微信读书", "PRODUCT"),
            ("a", "微信", "PRODUCT"),
        ]
    )
    assert len(set(ids.values())) == 4


def test_suffix_rules_for_unknown_names():
    ids = resolve(
        [
            ("a", "星河助手", "PRODUCT"),
            ("b", "星河助手 App", "PRODUCT"),
            ("c", "北斗科技有限公司", "ORG"),
            ("c", "北斗科技", "ORG"),
        ]
    )
    assert ids[("a", "星河助手")] == ids[("b", "星河助手 App")]
    assert ids[("c", "北斗科技有限公司")] == ids[("c", "北斗科技")] == "ORG:北斗科技"


def test_traditional_and_full_width_forms():
    ids = resolve([("a", "騰訊", "ORG"), ("b", "ＴＥＮＣＥＮＴ", "ORG")])
    assert set(ids.values()) == {"ORG:腾讯"}


def test_given_name_joins_full_name_in_the_same_document():
    ids = resolve([("a", "刘煜宏", "PERSON"), ("a", "煜宏", "PERSON"), ("b", "煜宏", "PERSON")])
    assert ids[("a", "煜宏")] == "PERSON:刘煜宏"
    assert ids[("b", "煜宏")] == "PERSON:煜宏"


def test_a_named_event_with_its_year_is_the_series():
    ids = resolve(
        [
            ("a", "2023 腾讯全球开发者大会", "EVENT"),
            ("b", "全球开发者大会", "EVENT"),
            ("c", "2024年腾讯全球开发者大会", "EVENT"),
        ]
    )
    assert len({ids[("a", "2023 腾讯全球开发者大会")], ids[("b", "全球开发者大会")]}) == 1
    assert ids[("c", "2024年腾讯全球开发者大会")] == ids[("b", "全球开发者大会")]


def test_bilingual_product_name_joins_its_chinese_name_but_not_a_variant():
    ids = resolve(
        [
            ("a", "日日新 SenseNova", "PRODUCT"),
            ("a", "日日新", "PRODUCT"),
            ("a", "北斗 Turbo", "PRODUCT"),
            ("a", "北斗", "PRODUCT"),
            ("b", "商量 SenseChat", "PRODUCT"),
        ]
    )
    assert ids[("a", "日日新 SenseNova")] == ids[("a", "日日新")] == "PRODUCT:日日新"
    assert ids[("a", "北斗 Turbo")] != ids[("a", "北斗")]
    assert ids[("b", "商量 SenseChat")] == "PRODUCT:商量 SenseChat"  # 商量 alone is not used in b


@given(
    st.lists(
        st.tuples(
            st.sampled_from("abc"),
            st.text(min_size=1, max_size=8),
            st.sampled_from(["PERSON", "ORG", "PRODUCT"]),
        ),
        max_size=12,
    )
)
def test_resolution_never_crashes_and_is_total(mentions):
    ids = resolve(mentions)
    assert len(ids) == len({(d, t) for d, t, _ in mentions})


def _report(etype, date, main, doc, status="happened"):
    parts = [
        Participant("ORG:腾讯", "腾讯", "ORG", "agent"),
        Participant(f"PRODUCT:{main}", main, "PRODUCT", "theme"),
    ]
    return EventReport(
        etype,
        status,
        date,
        {4: "year", 7: "month", 10: "day"}.get(len(date or "")),
        parts,
        Source(doc, f"{doc} sentence", 0, 2),
    )


def test_reports_of_one_event_merge_keeping_the_most_precise_date():
    events = merge_events(
        [
            _report("launch", "2023-09", "混元", "a"),
            _report("launch", "2023-09-07", "混元", "b"),
            _report("release", None, "混元", "c"),
        ]
    )
    assert len(events) == 1
    assert events[0].date == "2023-09-07" and events[0].granularity == "day"
    assert {s.doc for s in events[0].sources} == {"a", "b", "c"}
    assert events[0].title == "腾讯发布混元"


def test_incompatible_dates_or_status_stay_apart():
    events = merge_events(
        [
            _report("launch", "2023-09", "混元", "a"),
            _report("launch", "2024-05", "混元", "b"),
            _report("launch", None, "混元", "c", status="planned"),
        ]
    )
    assert sorted((e.date or "", e.status) for e in events) == [
        ("", "planned"),
        ("2023-09", "happened"),
        ("2024-05", "happened"),
    ]


def test_declared_alias_and_short_model_name_within_a_document():
    refs = [
        ("a", EntityRef("星河科技", "ORG", "", 0, 4)),
        ("a", EntityRef("Galaxy", "ORG", "", 5, 11)),
        ("a", EntityRef("Nova-R1", "PRODUCT", "", 20, 27)),
        ("a", EntityRef("R1", "PRODUCT", "", 30, 32)),
        ("b", EntityRef("R1", "PRODUCT", "", 0, 2)),
    ]
    found = _resolved(refs, aliases=[("a", "星河科技", "Galaxy")])
    ids = {key: entity.id for key, entity in found.items()}
    assert ids[("a", "Galaxy")] == ids[("a", "星河科技")]
    assert ids[("a", "R1")] == ids[("a", "Nova-R1")]
    assert ids[("b", "R1")] != ids[("a", "Nova-R1")]


def test_spellings_of_one_versioned_product_are_one_entity():
    refs = [
        ("a", EntityRef("Nova 2.0", "PRODUCT", "", 0, 8)),
        ("a", EntityRef("Nova 2", "PRODUCT", "", 10, 16)),
        ("b", EntityRef("Nova-2", "PRODUCT", "", 0, 6)),
        ("b", EntityRef("Nova 2.5", "PRODUCT", "", 10, 18)),
        ("c", EntityRef("PILOT 4", "PRODUCT", "", 0, 7)),
        ("c", EntityRef("PILOT 4.0", "PRODUCT", "", 10, 19)),
    ]
    ids = {key: entity.id for key, entity in _resolved(refs).items()}
    assert ids[("a", "Nova 2.0")] == ids[("a", "Nova 2")] == ids[("b", "Nova-2")]
    assert ids[("b", "Nova 2.5")] != ids[("a", "Nova 2")]  # another version
    assert ids[("c", "PILOT 4")] == ids[("c", "PILOT 4.0")]


def test_latin_spellings_apart_only_by_spaces_and_hyphens_are_one_entity():
    mentions = [
        ("a", "Zeta-4o", "PRODUCT"),
        ("b", "Zeta 4o", "PRODUCT"),
        ("b", "Orbit Labs", "ORG"),
        ("c", "OrbitLabs", "ORG"),
        ("c", "Orbit", "ORG"),
        ("d", "Lumen OS", "PRODUCT"),
    ]
    ids = resolve(mentions, Gazetteer([Entry("lumen", "流明", "PRODUCT", ("LumenOS",))]))
    assert ids[("a", "Zeta-4o")] == ids[("b", "Zeta 4o")]
    assert ids[("b", "Orbit Labs")] == ids[("c", "OrbitLabs")] != ids[("c", "Orbit")]
    assert ids[("d", "Lumen OS")] == "PRODUCT:流明"  # the gazetteer's LumenOS


def test_a_product_named_with_its_maker_in_front_is_also_known_without_it():
    refs = [
        ("a", EntityRef("腾讯混元 2.0", "PRODUCT", "", 0, 8)),
        ("a", EntityRef("腾讯云", "ORG", "", 10, 13)),
    ]
    got = _resolved(refs)
    assert "混元 2.0" in got[("a", "腾讯混元 2.0")].aliases
    assert got[("a", "腾讯云")].aliases == {"腾讯云"}  # an organisation keeps its own name


def test_a_model_named_after_its_maker_is_also_known_by_the_model_alone():
    refs = [
        ("a", EntityRef("星河 QX 7", "PRODUCT", "", 0, 7)),
        ("a", EntityRef("星河 Care", "PRODUCT", "", 10, 17)),
    ]
    gaz = Gazetteer([Entry("xinghe", "星河", "ORG", kind="company")])
    got = _resolved(refs, gaz)
    assert "QX 7" in got[("a", "星河 QX 7")].aliases
    assert got[("a", "星河 Care")].aliases == {"星河 Care"}  # a word is no model


def test_a_short_model_name_is_the_known_model_of_the_family_its_document_names():
    gaz = Gazetteer([Entry("nova", "Nova", "PRODUCT"), Entry("nova_q2", "Nova Q2", "PRODUCT")])
    refs = [
        ("a", EntityRef("Nova", "PRODUCT", "", 0, 4)),
        ("a", EntityRef("Q2", "PRODUCT", "", 9, 11)),
    ]
    refs += [("b", EntityRef("Q2", "PRODUCT", "", 0, 2))]  # no family named: stays Q2
    got = _resolved(refs, gaz)
    assert got[("a", "Q2")].label == "Nova Q2"
    assert got[("b", "Q2")].label == "Q2"


def test_a_model_code_alone_is_the_model_another_document_names_with_the_same_maker():
    refs = [
        ("a", EntityRef("星河V7", "PRODUCT", "", 0, 4)),
        ("b", EntityRef("星河科技", "ORG", "", 0, 4)),
        ("b", EntityRef("V7", "PRODUCT", "", 9, 11)),
        ("c", EntityRef("V7", "PRODUCT", "", 0, 2)),  # no maker named: stays V7
        ("d", EntityRef("北辰", "ORG", "", 0, 2)),
        ("d", EntityRef("星河", "ORG", "", 3, 5)),
        ("d", EntityRef("北辰 V7", "PRODUCT", "", 9, 14)),
        ("e", EntityRef("北辰", "ORG", "", 0, 2)),
        ("e", EntityRef("星河", "ORG", "", 3, 5)),
        ("e", EntityRef("V7", "PRODUCT", "", 9, 11)),  # two makers with a V7: left alone
    ]
    gaz = Gazetteer([Entry("xinghe", "星河", "ORG", ("星河科技",), kind="company")])
    got = _resolved(refs, gaz)
    assert got[("b", "V7")].id == got[("a", "星河V7")].id
    assert got[("c", "V7")].label == "V7"
    assert got[("e", "V7")].label == "V7"


def test_a_registered_company_name_is_its_trade_name_without_place_and_legal_form():
    mentions = [
        ("a", "湖北星河产业基金合伙企业（有限合伙）", "ORG"),
        ("b", "星河产业基金", "ORG"),
        ("c", "杭州北辰大学", "ORG"),  # no legal form: the place is part of the name
        ("d", "北辰大学", "ORG"),
    ]
    ids = resolve(mentions, Gazetteer([]))
    assert ids[("a", "湖北星河产业基金合伙企业（有限合伙）")] == ids[("b", "星河产业基金")]
    assert ids[("c", "杭州北辰大学")] != ids[("d", "北辰大学")]


def test_a_day_inside_a_reported_quarter_is_the_same_event():
    events = merge_events(
        [
            _report("launch", "2018-Q4", "云帆", "a"),
            _report("launch", "2018-12-31", "云帆", "b"),
            _report("launch", "2018-Q3", "云帆", "c"),
        ]
    )
    assert sorted(e.date or "" for e in events) == ["2018-12-31", "2018-Q3"]


def test_a_title_names_participants_as_the_sentence_writes_them():
    report = _report("launch", "2024-05-30", "云帆", "a")
    report.surfaces = {"PRODUCT:云帆": "云帆 App"}
    (event,) = merge_events([report])
    assert event.title == "腾讯发布云帆 App"


def _agent_only(etype, status, date, label, name, object_text=""):
    """A report of one event that names only its agent."""
    agent = Participant(f"{label}:{name}", name, label, "agent")
    source = Source("a", "a sentence", 0, 2)
    return EventReport(etype, status, date, "month", [agent], source, object_text)


def test_a_listing_named_only_by_its_agent_is_titled_with_it():
    report = _agent_only("listing", "planned", "2022-02", "ORG", "星河科技")
    (event,) = merge_events([report])
    assert event.title == "星河科技上市"


def test_os_and_system_suffixes_name_the_same_product():
    names = ["鸿蒙系统OS2.0", "华为鸿蒙OS 2.0", "HarmonyOS 2", "鸿蒙OS", "鸿蒙系统", "macOS"]
    refs = [("d1", EntityRef(n, "PRODUCT", "", 0, len(n))) for n in names]
    found = _resolved(refs, gaz=Gazetteer.default())
    labels = {text: entity.label for (_, text), entity in found.items()}
    assert labels["鸿蒙系统OS2.0"] == labels["华为鸿蒙OS 2.0"] == labels["HarmonyOS 2"]
    assert labels["鸿蒙OS"] == labels["鸿蒙系统"] != labels["鸿蒙系统OS2.0"]
    assert labels["macOS"] == "macOS"  # OS is stripped only after a Chinese character


def test_two_reports_from_one_sentence_are_one_source():
    from dataclasses import replace

    first = _report("launch", "2023-09-07", "混元", "a")
    second = replace(first, source=replace(first.source, start=5, end=9))  # same sentence
    other = _report("launch", "2023-09-07", "混元", "b")
    (event,) = merge_events([first, second, other])
    assert [(s.doc, s.start) for s in event.sources] == [("a", 0), ("b", 0)]


def test_a_title_does_not_repeat_the_word_its_template_adds_after_the_theme():
    report = _agent_only("appoint", "happened", "2022-06", "PERSON", "林远", "海外分公司总经理职务")
    (event,) = merge_events([report])
    assert event.title == "林远出任海外分公司总经理职务"
