"""Checks on the gazetteers in data/gazetteers: schema, uniqueness, links, size.

The gazetteers feed the entity ruler, the pkuseg user dictionary and cross-document
entity resolution, so every surface form (the name, an alias or the English name) must
point at exactly one entity, every parent link must resolve, and no surface form may be
a stop word.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import cache
from typing import Any

import pytest

from hunyuan_kg.gazetteer import Entry, Gazetteer, fold_short_forms
from hunyuan_kg.normalize import name_key
from hunyuan_kg.resources import data_path, read_jsonl, read_yaml

FILES = {"orgs.jsonl": "ORG", "products.jsonl": "PRODUCT", "people.jsonl": "PERSON"}
MIN_COUNTS = {"ORG": 300, "PRODUCT": 300, "PERSON": 100}
KEY_ORDER = ("id", "name", "type", "aliases", "en", "parent", "kind", "ambiguous")
REQUIRED = {"id", "name", "type", "aliases", "kind"}
KINDS = {
    "ORG": {
        "company",
        "business_unit",
        "lab",
        "academy",
        "university",
        "government",
        "association",
        "exchange",
        "media",
        "analyst",
        "investor",
    },
    "PRODUCT": {
        "model",
        "app",
        "platform",
        "service",
        "framework",
        "os",
        "chip",
        "device",
        "brand",
        "game",
        "protocol",
    },
    "PERSON": {"person"},
}
ID_RE = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")


def surface_key(text: str) -> str:
    """Key two surface forms are compared by: the matcher's ``name_key``, minus all spaces.

    Stricter than ``name_key`` alone, so "元宝 App" and "元宝App" count as one form.
    """
    return re.sub(r"\s+", "", name_key(text))


def surfaces(record: dict[str, Any]) -> list[str]:
    """Every form the matcher indexes for a record: name, aliases and English name."""
    return [record["name"], *record["aliases"], *([record["en"]] if "en" in record else [])]


@cache
def lines(filename: str) -> tuple[str, ...]:
    text = data_path("gazetteers", filename).read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line.strip())


@cache
def records() -> tuple[dict[str, Any], ...]:
    return tuple(rec for name in FILES for rec in read_jsonl(data_path("gazetteers", name)))


@cache
def by_id() -> dict[str, dict[str, Any]]:
    return {rec["id"]: rec for rec in records()}


@cache
def stoplist() -> dict[str, list[str]]:
    data = read_yaml(data_path("gazetteers", "stoplist.yml"))
    assert isinstance(data, dict)
    return data


def stop_keys() -> set[str]:
    return {surface_key(term) for terms in stoplist().values() for term in terms}


@pytest.mark.parametrize(("filename", "etype"), FILES.items())
def test_every_line_is_a_canonical_record(filename: str, etype: str) -> None:
    for line in lines(filename):
        rec = json.loads(line)
        assert isinstance(rec, dict), line
        assert rec.keys() >= REQUIRED, line
        assert set(rec) <= set(KEY_ORDER), line
        # one compact, unescaped JSON object per line, keys in schema order
        canonical = {key: rec[key] for key in KEY_ORDER if key in rec}
        assert json.dumps(canonical, ensure_ascii=False) == line, line
        assert rec["type"] == etype, line
        assert rec["kind"] in KINDS[etype], line


@pytest.mark.parametrize("filename", FILES)
def test_files_are_sorted_by_id(filename: str) -> None:
    ids = [json.loads(line)["id"] for line in lines(filename)]
    assert ids == sorted(ids)


def test_ids_are_snake_case_and_unique_across_files() -> None:
    seen: set[str] = set()
    for rec in records():
        assert ID_RE.fullmatch(rec["id"]), rec["id"]
        assert rec["id"] not in seen, rec["id"]
        seen.add(rec["id"])


def test_fields_have_the_right_types_and_clean_text() -> None:
    for rec in records():
        assert isinstance(rec["aliases"], list), rec["id"]
        for key in ("en", "parent"):
            if key in rec:
                assert isinstance(rec[key], str), (rec["id"], key)
                assert rec[key], (rec["id"], key)
        for text in surfaces(rec):
            assert isinstance(text, str), rec["id"]
            assert text == text.strip(), (rec["id"], text)
            assert "  " not in text, (rec["id"], text)
            # book-title marks belong to the text around a name, not to the name
            assert not any(ch in text for ch in "\n\r\t|《》"), (rec["id"], text)
            assert len(surface_key(text)) >= 2, (rec["id"], text)


def test_the_shipped_matcher_resolves_every_surface_form_to_its_entry() -> None:
    gazetteer = Gazetteer.default()
    wrong = []
    for rec in records():
        for text in surfaces(rec):
            entry = gazetteer.lookup(text)
            if entry is None or entry.id != rec["id"]:
                wrong.append((text, rec["id"], entry and entry.id))
    assert wrong == []


def test_aliases_are_not_repeated_within_an_entry() -> None:
    for rec in records():
        assert rec["name"] not in rec["aliases"], rec["id"]
        assert len(set(rec["aliases"])) == len(rec["aliases"]), rec["id"]


def test_every_surface_form_names_exactly_one_entity() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for rec in records():
        for text in surfaces(rec):
            owners[surface_key(text)].add(rec["id"])
    shared = {key: sorted(ids) for key, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_no_surface_form_is_a_stop_word() -> None:
    stops = stop_keys()
    hits = [(rec["id"], text) for rec in records() for text in surfaces(rec)]
    assert [hit for hit in hits if surface_key(hit[1]) in stops] == []


def test_ambiguous_forms_are_surface_forms_of_their_entry() -> None:
    for rec in records():
        if "ambiguous" in rec:
            amb = rec["ambiguous"]
            assert isinstance(amb, list), rec["id"]
            assert amb, rec["id"]
            assert len(set(amb)) == len(amb), rec["id"]
            assert set(amb) <= set(surfaces(rec)), rec["id"]


def test_parents_exist_are_orgs_and_have_no_cycles() -> None:
    index = by_id()
    for rec in records():
        parent = rec.get("parent")
        if parent is None:
            continue
        assert parent != rec["id"], rec["id"]
        assert parent in index, (rec["id"], parent)
        assert index[parent]["type"] == "ORG", (rec["id"], parent)
    for rec in records():
        chain = [rec["id"]]
        while "parent" in index[chain[-1]]:
            chain.append(index[chain[-1]]["parent"])
            assert len(chain) == len(set(chain)), chain


def test_counts_meet_the_targets() -> None:
    counts = {etype: 0 for etype in MIN_COUNTS}
    for rec in records():
        counts[rec["type"]] += 1
    for etype, minimum in MIN_COUNTS.items():
        assert counts[etype] >= minimum, (etype, counts[etype])


def test_stoplist_is_lists_of_unique_clean_terms() -> None:
    seen: set[str] = set()
    for category, terms in stoplist().items():
        assert isinstance(terms, list) and terms, category
        for term in terms:
            assert isinstance(term, str) and term == term.strip() and term, (category, term)
            assert surface_key(term) not in seen, (category, term)
            seen.add(surface_key(term))
    assert {"AI", "大模型", "人工智能", "公司", "小程序"} <= {
        term for terms in stoplist().values() for term in terms
    }


@pytest.mark.parametrize(
    ("surface", "entity_id", "parent"),
    [
        ("腾讯控股", "tencent", None),
        ("Tencent Cloud", "tencent_cloud", "tencent"),
        ("腾讯AI Lab", "tencent_ai_lab", "tencent"),
        ("腾讯混元大模型", "hunyuan", "tencent"),
        ("腾讯元宝", "yuanbao", "tencent"),
        ("VooV Meeting", "tencent_meeting", "tencent"),
        ("Qwen", "tongyi_qianwen", "alibaba_cloud"),
        ("ERNIE Bot", "ernie_bot", "baidu"),
        ("深度求索", "deepseek", None),
        ("Moonshot AI", "moonshot_ai", None),
        ("飞桨", "paddlepaddle", "baidu"),
        ("gpt-4o", "gpt_4o", "openai"),
        ("Llama2", "llama_2", "meta"),
        ("昇腾", "ascend", "huawei"),
        ("网信办", "cac", None),
        ("中国信通院", "caict", "miit"),
        ("Jensen Huang", "jensen_huang", "nvidia"),
        ("梁文锋", "liang_wenfeng", "deepseek"),
    ],
)
def test_well_known_surfaces_resolve(surface: str, entity_id: str, parent: str | None) -> None:
    owners = {surface_key(text): rec["id"] for rec in records() for text in surfaces(rec)}
    assert owners[surface_key(surface)] == entity_id
    assert by_id()[entity_id].get("parent") == parent


VERIFIED = {
    "verified_orgs.jsonl": "ORG",
    "verified_products.jsonl": "PRODUCT",
    "verified_people.jsonl": "PERSON",
}


@pytest.mark.parametrize(("filename", "etype"), VERIFIED.items())
def test_verified_names_are_typed_records_that_the_matcher_resolves_to_themselves(
    filename: str, etype: str
) -> None:
    """The names people accepted from the raw-news candidates (training/name_verdicts.tsv,
    docs/gazetteer.md): one type per file, no form shared with another entry, no stop word."""
    gazetteer = Gazetteer.default()
    stops = stop_keys()
    rows = list(read_jsonl(data_path("gazetteers", filename)))
    assert len(rows) >= 100
    for rec in rows:
        assert rec["type"] == etype and rec["kind"] == "verified", rec
        assert rec["id"] == f"verified_{rec['id'][9:]}" and ID_RE.fullmatch(rec["id"]), rec
        assert set(rec.get("ambiguous", [])) <= set(surfaces(rec)), rec
        for text in surfaces(rec):
            assert surface_key(text) not in stops, rec
            entry = gazetteer.lookup(text)
            assert entry is not None, text
            # itself, the company it is the short form of (data/gazetteers/short_forms.yml)
            # or the entry that spells it without its spaces and hyphens (Harmony OS)
            folded = rec["type"] == "ORG" and entry.name.startswith(rec["name"])
            twin = rec["name"] in entry.aliases and entry.type == rec["type"]
            assert entry.id == rec["id"] or folded or twin, (text, entry.id)


def test_a_learned_short_form_folds_into_its_company_but_never_into_a_subsidiary() -> None:
    short_forms = read_yaml(data_path("gazetteers", "short_forms.yml"))
    kinds, words = short_forms["learned_kinds"], short_forms["company_words"]
    long = Entry("polaris_motors", "北辰汽车", "ORG", kind="company")
    unit = Entry("polaris_ai", "北辰科技", "ORG", kind="company", parent="polaris_group")
    short = Entry("verified_1", "北辰", "ORG", kind="verified")
    listed = Entry("polaris", "北辰", "ORG", kind="company")
    [folded] = fold_short_forms([long, short], kinds, words)
    assert (folded.id, folded.aliases) == ("polaris_motors", ("北辰",))
    assert fold_short_forms([unit, short], kinds, words) == [unit, short]
    assert fold_short_forms([long, listed], kinds, words) == [long, listed]
    # in the shipped gazetteer no learned short form is left beside its company
    gazetteer = Gazetteer.default()
    for entry in gazetteer.entries.values():
        if entry.type == "ORG" and entry.kind in kinds:
            for word in words:
                full = gazetteer.lookup(entry.name + word)
                assert full is None or full.id == entry.id or full.parent is not None, entry
