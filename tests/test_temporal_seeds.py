"""find_dates and infer_dct on the seed articles in ../shared/seeds (skipped without them)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hunyuan_kg.temporal import DateMention, find_dates, infer_dct

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not available")


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def by_text(mentions: list[DateMention], text: str) -> list[DateMention]:
    return [m for m in mentions if m.text == text]


def test_no_false_dates_in_any_seed() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        dct, _ = infer_dct(text)
        for m in find_dates(text, dct):
            if not m.is_date:
                continue
            after = text[m.end : m.end + 3]
            assert "%" not in m.text and not after.lstrip().startswith(("%", "亿", "万")), m
            assert not text[max(0, m.start - 3) : m.start].rstrip().endswith("第"), m
            assert "个年头" not in text[m.start : m.end + 4], m
            assert not after.startswith("了") and not after.startswith(" 了"), m


def test_interview_article_dated_by_front_matter() -> None:
    text = seed("001")
    assert infer_dct(text) == (dt.date(2024, 7, 4), "day")
    mentions = find_dates(text, "2024-07-04")
    assert {m.value for m in by_text(mentions, "今年 5 月 30 日")} == {"2024-05-30"}
    assert {m.value for m in by_text(mentions, "5 月 30 号")} == {"2024-05-30"}
    assert {m.value for m in by_text(mentions, "去年 9 月")} == {"2023-09"}
    assert {m.value for m in by_text(mentions, "21 年")} == {"2021"}
    assert {m.value for m in by_text(mentions, "05 年")} == {"2005"}
    twenty = by_text(mentions, "20 年")
    assert twenty and all(m.kind == "duration" for m in twenty)
    assert all(m.kind != "date" for m in by_text(mentions, "过去一年") + by_text(mentions, "三年"))


def test_launch_article_dated_from_its_text() -> None:
    text = seed("002")
    dct, granularity = infer_dct(text)
    assert (dct, granularity) == (dt.date(2023, 9, 1), "month")
    mentions = find_dates(text, dct)
    assert {m.value for m in by_text(mentions, "2023 年 9 月 7 日")} == {"2023-09-07"}
    assert {m.value for m in by_text(mentions, "今年 6 月")} == {"2023-06"}
    assert {m.value for m in by_text(mentions, "2021 年")} == {"2021"}
    assert not any(m.is_date and "25" in m.text for m in mentions)


def test_departure_article_vague_dates() -> None:
    text = seed("000")
    assert infer_dct(text) == (dt.date(2026, 1, 3), "day")
    mentions = find_dates(text, dt.date(2026, 1, 3))
    (recent,) = by_text(mentions, "近日")
    assert (recent.value, recent.granularity, recent.kind) == ("2026-01", "month", "vague")
    assert {m.kind for m in mentions if m.text.startswith("未来")} == {"future"}
    assert {m.kind for m in by_text(mentions, "近年来")} == {"past"}
