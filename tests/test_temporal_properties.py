"""Properties of find_dates that hold for every input (hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from hunyuan_kg.temporal import GRANULARITIES, find_dates, value_bounds

KINDS = {"date", "duration", "set", "vague", "future", "past"}
# characters the grammar cares about, so random strings hit its rules often
DATEISH = list(
    "0123456789０１２３年月日号周星期上下本这今去明前后近最未来几"
    "十一二三四五六七八九〇零两半初底末季度QH每个天 .-/:《》第了%亿"
)

any_char = st.characters(blacklist_categories=())  # includes surrogates and control characters
texts = st.one_of(
    st.text(any_char, max_size=60),
    st.text(st.sampled_from(DATEISH), max_size=60),
    st.lists(
        st.one_of(st.text(st.sampled_from(DATEISH), max_size=8), st.text(any_char, max_size=3))
    ).map("".join),
)
dcts = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
spaces = st.text(st.sampled_from([" ", "\u3000", "\u00a0", "\t"]), max_size=2)


def check(text: str, dct: dt.date | None) -> None:
    for m in find_dates(text, dct):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.kind in KINDS
        if m.value is not None:
            assert m.granularity in GRANULARITIES
            assert value_bounds(m.value, m.granularity) is not None, m
        if m.kind in ("duration", "set"):
            assert m.value is None and m.granularity is None


@settings(max_examples=300, deadline=None)
@given(texts, dcts)
def test_never_raises_offsets_slice_values_are_iso(text: str, dct: dt.date | None) -> None:
    check(text, dct)


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.lists(spaces, min_size=5, max_size=5),
    st.sampled_from(["日", "号"]),
)
def test_full_dates_are_stable_under_spaces(day: dt.date, gaps: list[str], suffix: str) -> None:
    y, m, d = day.year, day.month, day.day
    g = gaps
    text = f"据悉{g[0]}{y}{g[1]}年{g[2]}{m}{g[3]}月{g[4]}{d}{g[0]}{suffix}，公司发布了新品。"
    plain = f"据悉{day.year}年{day.month}月{day.day}{suffix}，公司发布了新品。"
    spaced = [(m.value, m.granularity, m.kind) for m in find_dates(text, dt.date(2024, 7, 4))]
    unspaced = [(m.value, m.granularity, m.kind) for m in find_dates(plain, dt.date(2024, 7, 4))]
    assert spaced == unspaced == [(day.isoformat(), "day", "date")]


@settings(max_examples=100, deadline=None)
@given(
    st.integers(1, 12),
    st.integers(1, 28),
    st.lists(spaces, min_size=3, max_size=3),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)),
)
def test_partial_dates_are_latest_not_after_dct(
    month: int, day: int, gaps: list[str], dct: dt.date
) -> None:
    text = f"消息称，{month}{gaps[0]}月{gaps[1]}{day}{gaps[2]}日，新版本上线。"
    (mention,) = find_dates(text, dct)
    assert mention.value is not None
    found = dt.date.fromisoformat(mention.value)
    assert (found.month, found.day) == (month, day)
    assert found <= dct and found.year >= dct.year - 1


@settings(max_examples=100, deadline=None)
@given(
    st.integers(0, 99),
    st.sampled_from(["了", "来", "多", "之久", "以上"]),
    st.sampled_from(["干了", "已经", "这", "", "长达"]),
)
def test_counted_years_are_never_dates(number: int, after: str, before: str) -> None:
    text = f"他{before} {number:02d} 年{after}，一直在做搜索。"
    assert not any(m.is_date for m in find_dates(text, dt.date(2024, 7, 4)))


def test_dates_at_the_ends_of_the_calendar() -> None:
    for dct in (dt.date.min, dt.date.max):
        check("明年 3 月、去年底、下周一、三天后、十年前、明天、下个月 2 日、上半年", dct)
