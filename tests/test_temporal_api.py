"""DateMention, document dates, the grammar and the hkg_dates spaCy component."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from hunyuan_kg.temporal import (
    DateMention,
    coerce_dct,
    find_dates,
    guess_dct,
    infer_dct,
    parse_date_string,
    precision,
    value_bounds,
)
from hunyuan_kg.temporal.grammar import grammar


def test_mention_helpers() -> None:
    year = DateMention("2023 年", 0, 6, "2023", "year")
    day = DateMention("9 月 7 日", 7, 13, "2023-09-07", "day")
    vague = DateMention("近日", 0, 2, "2026-01", "month", "vague")
    duration = DateMention("三年", 0, 2, None, None, "duration")
    assert year.is_date and day.is_date
    assert not vague.is_date and not duration.is_date
    assert day.more_precise_than(year) and not year.more_precise_than(day)
    assert day.bounds() == (dt.date(2023, 9, 7), dt.date(2023, 9, 7))
    assert duration.bounds() is None
    assert pickle.loads(pickle.dumps(day)) == day
    with pytest.raises(AttributeError):
        day.value = "2024"  # type: ignore[misc]


def test_precision_order() -> None:
    ranks = [precision(g) for g in ("year", "half", "quarter", "month", "week", "day")]
    assert ranks == sorted(ranks) and len(set(ranks)) == 6
    assert precision(None) == -1


@pytest.mark.parametrize(
    ("value", "granularity", "bounds"),
    [
        ("2024", "year", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
        ("2024-H1", "half", (dt.date(2024, 1, 1), dt.date(2024, 6, 30))),
        ("2025-Q1", "quarter", (dt.date(2025, 1, 1), dt.date(2025, 3, 31))),
        ("2024-02", "month", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ("2024-W05", "week", (dt.date(2024, 1, 29), dt.date(2024, 2, 4))),
        ("2024-Q5", "quarter", None),
        ("2024-13", "month", None),
        ("2024-07-04", "month", None),
    ],
)
def test_value_bounds(value: str, granularity: str, bounds: object) -> None:
    assert value_bounds(value, granularity) == bounds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-07-04", dt.date(2024, 7, 4)),
        ("2025-11-20 08:15:30", dt.date(2025, 11, 20)),
        ("2025-08-14T21:03:51.117204", dt.date(2025, 8, 14)),
        ("2024年7月4日", dt.date(2024, 7, 4)),
        ("2024 年 7 月 4 日 10:00", dt.date(2024, 7, 4)),
        ("二〇二四年七月四日", dt.date(2024, 7, 4)),
        ("2024/07/04", dt.date(2024, 7, 4)),
        ("July 4, 2024", dt.date(2024, 7, 4)),
        ("Thu, 04 Jul 2024 10:00:00 GMT", dt.date(2024, 7, 4)),
        ("2024-07", None),
        ("昨天", None),
        ("", None),
        ("not a date at all", None),
    ],
)
def test_parse_date_string(text: str, expected: dt.date | None) -> None:
    assert parse_date_string(text) == expected


def test_coerce_dct() -> None:
    assert coerce_dct(dt.date(2024, 7, 4)) == dt.date(2024, 7, 4)
    assert coerce_dct(dt.datetime(2024, 7, 4, 9, 30)) == dt.date(2024, 7, 4)
    assert coerce_dct("2024-07-04") == dt.date(2024, 7, 4)
    assert coerce_dct(None) is None
    with pytest.raises(ValueError, match="not a document date"):
        coerce_dct("sometime")


def test_find_dates_accepts_every_dct_form() -> None:
    text = "去年 9 月发布"
    values = {
        find_dates(text, dct)[0].value
        for dct in (dt.date(2024, 7, 4), dt.datetime(2024, 7, 4, 8), "2024-07-04", "2024年7月4日")
    }
    assert values == {"2023-09"}
    assert find_dates(text)[0].value is None
    assert find_dates(text)[0].granularity == "month"


def test_infer_dct_rules() -> None:
    header = "标题\n2025-03-08 09:00 · 作者: 编辑部\n正文提到 2024 年 5 月 1 日的事。"
    assert infer_dct(header) == (dt.date(2025, 3, 8), "day")
    assert guess_dct(header).method == "header"
    skipped = "fetch_date: 2025-08-14\n正文说 2023 年 9 月 7 日举办了大会。"
    assert infer_dct(skipped) == (dt.date(2023, 9, 1), "month")
    body = "在 2023 年 9 月 7 日举办的大会上，公司发布了新模型。今年 6 月，云服务推出了新工具。"
    assert infer_dct(body) == (dt.date(2023, 9, 1), "month")
    refined = "2023 年 5 月 8 日发布的模型，今年 7 月又更新了一版。"
    assert infer_dct(refined) == (dt.date(2023, 7, 1), "month")
    assert guess_dct(refined).method == "latest-date+this-year"
    future = "2023 年 3 月 1 日立项，新规将于 2025 年 1 月 1 日起实施。"
    assert infer_dct(future) == (dt.date(2023, 3, 1), "month")
    assert infer_dct("2025 年全球市场规模继续扩大。") == (dt.date(2025, 1, 1), "year")
    assert infer_dct("没有任何日期的一段话。") == (None, "none")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a forecast year bounds nothing: the latest year the text reports is used
        ("去年营收增长。到 2030 年，市场规模有望翻倍。2022 年公司开始盈利。", 2022),
        ("2021 年成立的团队，2035 年实现全面量产。", 2021),
        ("公司会在 2029 年上市。2020 年它还只有十个人。", 2020),
        # years that are not written in full are no evidence of the publication date
        ("19 年加入公司，如今已是 2018 年的三倍规模。", 2018),
        ("2012 年创业，20 年后再看也许不同。", 2012),
        # the publication cannot be later than today
        ("2031 年的路线图与 2025 年的发布会。", 2025),
    ],
)
def test_guess_dct_ignores_forecasts_and_partial_years(text: str, expected: int) -> None:
    guess = guess_dct(text, today=dt.date(2026, 6, 30))
    assert guess.date is not None and guess.date.year == expected, guess


def test_guess_dct_gives_none_when_only_future_years_remain() -> None:
    guess = guess_dct("2027 年将推出新一代芯片。", today=dt.date(2026, 6, 30))
    assert (guess.date, guess.method) == (None, "none")


def test_grammar_compiles_with_prefilter() -> None:
    g = grammar()
    assert g.regex.pattern.startswith("(?=[")
    names = [p.name for p in g.patterns.values()]
    assert len(names) == len(set(names))
    assert {"calendar", "offset", "word", "fixed"} >= {p.resolve for p in g.patterns.values()}
    assert grammar() is g


def test_dates_component() -> None:
    spacy = pytest.importorskip("spacy")
    from hunyuan_kg.pipeline import dates  # registers hkg_dates

    nlp = spacy.blank("zh")
    nlp.add_pipe("hkg_dates")
    doc = nlp.make_doc("去年 9 月，公司干了 20 年了。近日，新版发布；每周三例会，5 月 30 日上线。")
    doc._.dct = dt.date(2024, 7, 4)
    doc = nlp(doc)
    got = [(s.text, s._.date.value, s._.date.kind) for s in doc.spans["dates"]]
    assert got == [
        ("去年 9 月", "2023-09", "date"),
        ("近日", "2024-07", "vague"),
        ("5 月 30 日", "2024-05-30", "date"),
    ]
    assert all(s.text == doc.text[s.start_char : s.end_char] for s in doc.spans["dates"])
    only_dates = spacy.blank("zh")
    only_dates.add_pipe("hkg_dates", config={"kinds": ["date"], "spans_key": "when"})
    plain = only_dates("近日发布，去年 9 月上线")
    assert [s.text for s in plain.spans["when"]] == []  # no dct: relative dates have no value
    assert isinstance(dates.DateTagger(spans_key="x", kinds=[]), dates.DateTagger)
