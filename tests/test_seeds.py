"""Acceptance on the three real seed articles in ../shared/seeds (skipped without them)."""

from __future__ import annotations

from pathlib import Path

import pytest

import hunyuan_kg

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the project"),
]


@pytest.fixture(scope="module")
def kg():
    return hunyuan_kg.build([SEEDS])


def _find(kg, etype, date, label):
    return [
        e
        for e in kg.timeline
        if e.type == etype and e.date == date and any(p.label == label for p in e.participants)
    ]


def test_the_story_in_order(kg):
    dates = [e.date for e in kg.timeline]
    assert dates == sorted(dates)
    first_2021 = next(i for i, e in enumerate(kg.timeline) if e.date == "2021")
    launch = kg.timeline.index(_find(kg, "launch", "2023-09-07", "混元")[0])
    yuanbao = kg.timeline.index(_find(kg, "launch", "2024-05-30", "元宝")[0])
    assert first_2021 < launch < yuanbao


@pytest.mark.parametrize(
    ("etype", "date", "label"),
    [
        ("join", "2005", "刘煜宏"),
        ("launch", "2023-06", "腾讯云"),
        ("launch", "2023-09", "腾讯混元助手"),
        ("depart", "2026-01", "俞栋"),
        ("launch", "2024-05-30", "元器"),
        ("conference", "2023-09-07", "2023 全球数字生态大会"),
    ],
)
def test_dated_events(kg, etype, date, label):
    assert _find(kg, etype, date, label), [(e.date, e.type, e.title) for e in kg.timeline]


def test_no_date_from_durations_ordinals_or_percentages(kg):
    for e in kg.events:
        for s in e.sources:
            assert "年了" not in s.date_text and "个年头" not in s.date_text
            assert "%" not in s.date_text


@pytest.mark.parametrize(
    ("person", "org", "title"),
    [
        ("俞栋", "腾讯 AI Lab", "副主任"),
        ("蒋杰", "腾讯", "副总裁"),
        ("刘元春", "上海财经大学", "校长"),
        ("刘煜宏", "混元", "负责人"),
        ("张鹏", "极客公园", "作者"),
    ],
)
def test_roles(kg, person, org, title):
    roles = {
        (kg.graph.nodes[u]["label"], kg.graph.nodes[v]["label"], d["role"])
        for u, v, d in kg.graph.edges(data=True)
        if d["type"] == "role"
    }
    assert any(p == person and o == org and title in r for p, o, r in roles), roles


def test_people_products_and_no_noise(kg):
    labels = {d["label"]: d["type"] for _, d in kg.graph.nodes(data=True)}
    for person in ("俞栋", "蒋杰", "刘元春", "刘煜宏", "张鹏"):
        assert labels.get(person) == "PERSON", person
    for product in ("混元", "元宝", "元器", "腾讯会议", "GPT-4o", "Llama 2", "Angel"):
        assert labels.get(product) == "PRODUCT", product
    for noise in ("NLP", "AI", "ML", "大模型", "人工智能"):
        assert noise not in labels


def test_no_duplicate_nodes_for_seed_entities(kg):
    from hunyuan_kg.normalize import name_key

    seen: dict[str, str] = {}
    for node, d in kg.graph.nodes(data=True):
        if d["type"] == "EVENT":
            continue
        for alias in d["aliases"]:
            key = name_key(alias)
            assert seen.setdefault(key, node) == node, (alias, node, seen[key])
