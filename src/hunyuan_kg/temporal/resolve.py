"""Mechanisms that turn a matched rule's named groups into a value.

Each rule in the grammar names one resolver:

* ``calendar`` composes year / month / day / quarter / half / week groups, absolute or
  relative to the document date (DCT); a month or day without a year takes the year of a
  date written before it in its sentence (2016 年上线…，7 月 5 日 = 2016-07-05) unless
  that date is a forecast, else the most recent year not after the DCT (or the next one
  after a future cue such as 将于); 同年 / 次年 count from the year of the date mentioned
  last;
* ``offset`` counts back or forward from the DCT (三天前, 一年半前);
* ``word`` looks a vague word's kind up in a table (近日 → vague);
* ``fixed`` gives the rule's own kind (duration, set, past, future).

A resolver returns a :class:`Resolution`, or None when the match is not a valid date
(2 月 30 日, 13 月).

>>> import datetime as dt
>>> from hunyuan_kg.temporal.grammar import grammar
>>> ctx = Context(text="", start=0, dct=dt.date(2025, 1, 5), grammar=grammar())
>>> resolve_calendar({"month": "12", "day": "30"}, "date", ctx)
Resolution(value='2024-12-30', granularity='day', kind='date')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from hunyuan_kg.temporal.grammar import Grammar
from hunyuan_kg.temporal.mention import (
    VAGUE_KINDS,
    Granularity,
    Kind,
    format_value,
    precision,
    value_bounds,
)
from hunyuan_kg.temporal.numerals import read_count, read_number

_YEARS_TO_TRY = 9  # 2 月 29 日 may need to look back eight years for a leap year


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a rule resolved to; ``value`` is None when a DCT would be needed."""

    value: str | None
    granularity: Granularity | None
    kind: Kind


@dataclass(slots=True)
class Context:
    """Where a match sits: the text, its start, the document date and the grammar."""

    text: str
    start: int
    dct: dt.date | None
    grammar: Grammar
    last_year: int | None = None  # year of the latest date mentioned before, for 同年 / 次年
    # the latest date mentioned before (value, granularity, start, end): the anchor of a
    # forward offset (2021 年 7 月 … 一个月后) and the year of a partial date after it in
    # its sentence
    last_date: tuple[str, Granularity, int, int] | None = None

    def future_cued(self) -> bool:
        """True if a future cue (将于, 预计) shortly precedes the match in its sentence."""
        return _future_cued(self.text, self.start, self.grammar)


def _future_cued(text: str, start: int, g: Grammar) -> bool:
    return g.future_cue.search(text, max(0, start - g.future_window), start) is not None


def is_forecast(text: str, start: int, end: int, g: Grammar) -> bool:
    """Whether the date at ``text[start:end]`` is announced for the future: a future cue
    (将于, 预计) shortly before it in its sentence, or a forecast cue right before it
    (，到 2030 年) or right after it (2030 年实现); ``dct`` section of the grammar.

    >>> from hunyuan_kg.temporal.grammar import grammar
    >>> t = "预计到 2030 年市场翻倍，2024 年实现盈利"
    >>> is_forecast(t, 4, 10, grammar()), is_forecast(t, 15, 21, grammar())
    (True, True)
    >>> is_forecast("2024 年公司盈利", 0, 6, grammar())
    False
    """
    return (
        _future_cued(text, start, g)
        or g.forecast_before.search(text, max(0, start - 4), start) is not None
        or g.forecast_after.match(text, end) is not None
    )


_SENTENCE_BREAK = re.compile(r"[。！？!?\n]")


def _in_sentence(ctx: Context) -> tuple[str, Granularity, int, int] | None:
    """The date written last before the match, when it is in the match's sentence."""
    last = ctx.last_date
    if last is None or _SENTENCE_BREAK.search(ctx.text, last[3], ctx.start):
        return None
    return last


def _sentence_year(ctx: Context) -> int | None:
    """The year of the date written last before the match in its sentence, when that
    date is no forecast and either writes its year in full (2016 年，某产品上线，7 月 5 日…:
    2016-07-05) or is itself a month or day of no relative year (8 月 27 日消息，…将于
    9 月 5 日举办: the dateline's year, even when 9 月 5 日 is after the DCT). A 今年, 去年
    or 年中 date is left to the DCT rule (今年迄今…较 12 月 16 日: last December).

    Measured on dated raw tech news: of 30 partial dates read whose year a full-year
    anchor changes, 23 were right with it and 4 with the DCT's year; of 30 more that a
    month or day anchor changes, 25 right with it and 2 or 3 with the DCT's."""
    last = _in_sentence(ctx)
    g = ctx.grammar
    if last is None or is_forecast(ctx.text, last[2], last[3], g):
        return None
    value, granularity, start, end = last
    anchor = ctx.text[start:end]
    if g.full_year.search(anchor) or (
        granularity in ("month", "day") and not any(w in anchor for w in g.tables["year_rel"])
    ):
        return int(value[:4])
    return None


_WRITTEN_MONTH = re.compile(r"月|\d\s*[/.．\-]\s*\d")


def _sentence_month(ctx: Context, day: int) -> tuple[int, int] | None:
    """The year and month of the date written last before a bare day in its sentence,
    when that date writes its month (not 今天) and the bare day is not before it
    (11 月 1 日至 11 日, 将于 9 月 5 日发布，6 日上线: the same month)."""
    last = _in_sentence(ctx)
    if last is None:
        return None
    value, granularity, start, end = last
    if granularity not in ("month", "day") or not _WRITTEN_MONTH.search(ctx.text, start, end):
        return None
    if granularity == "day" and day < int(value[8:10]):
        return None
    return int(value[:4]), int(value[5:7])


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _doc_month(ctx: Context, kind: Kind) -> Resolution:
    if ctx.dct is None:
        return Resolution(None, None, kind)
    return Resolution(format_value("month", ctx.dct), "month", kind)


def _year(groups: dict[str, str], ctx: Context) -> int | None:
    g = ctx.grammar
    if "year" in groups:
        return read_number(groups["year"], g.numerals)
    if "year2" in groups:
        short = read_number(groups["year2"], g.numerals)
        if short is None:
            return None
        reference = ctx.dct.year if ctx.dct else dt.date.today().year
        window = int(g.dct.get("two_digit_future_years", 5))
        return 2000 + short if 2000 + short <= reference + window else 1900 + short
    return None


def _pick_year(month: int, day: int | None, ctx: Context, dct: dt.date) -> int | None:
    """Year of a partial date: latest not after the DCT, or earliest not before it after a
    future cue."""
    future = ctx.future_cued()
    step = 1 if future else -1
    reference = (dct.year, dct.month, dct.day if day else 0)
    for k in range(_YEARS_TO_TRY):
        year = dct.year + step * k
        if day is not None:
            try:
                dt.date(year, month, day)
            except ValueError:
                continue
        key = (year, month, day or 0)
        if (key >= reference) if future else (key <= reference):
            return year
    return None


def _week_day(groups: dict[str, str], ctx: Context, dct: dt.date) -> Resolution | None:
    t = ctx.grammar.tables
    monday = dct - dt.timedelta(days=dct.weekday())
    monday += dt.timedelta(weeks=t["week_rel"][groups["week_rel"]] if "week_rel" in groups else 0)
    if "weekday" in groups:
        day = monday + dt.timedelta(days=t["weekday"][groups["weekday"]] - 1)
        return Resolution(format_value("day", day), "day", "date")
    return Resolution(format_value("week", monday), "week", "date")


def _relative(groups: dict[str, str], ctx: Context) -> Resolution | None:
    """Rules anchored on the DCT below the year: 昨天, 上周五, 本周, 上个月 15 日."""
    t = ctx.grammar.tables
    dct = ctx.dct
    granularity: Granularity = "day" if "day_rel" in groups or "weekday" in groups else "week"
    if "month_rel" in groups:
        granularity = "day" if "day" in groups else "month"
    if dct is None:
        return Resolution(None, granularity, "date")
    if "day_rel" in groups:
        day = dct + dt.timedelta(days=t["day_rel"][groups["day_rel"]])
        return Resolution(format_value("day", day), "day", "date")
    if "month_rel" not in groups:
        return _week_day(groups, ctx, dct)
    year, month = _shift_months(dct.year, dct.month, t["month_rel"][groups["month_rel"]])
    if "day" not in groups:
        return Resolution(f"{year:04d}-{month:02d}", "month", "date")
    return _day(year, month, read_number(groups["day"], ctx.grammar.numerals))


def _day(year: int, month: int | None, day: int | None) -> Resolution | None:
    if month is None or day is None:
        return None
    try:
        return Resolution(dt.date(year, month, day).isoformat(), "day", "date")
    except ValueError:
        return None


def _bare_day(day: int | None, dct: dt.date) -> Resolution | None:
    """7 日 in a news text: the latest such day of a month, not after the DCT."""
    if day is None:
        return None
    year, month = dct.year, dct.month
    for _ in range(3):
        if day <= 31 and (year, month, day) <= (dct.year, dct.month, dct.day):
            found = _day(year, month, day)
            if found is not None:
                return found
        year, month = _shift_months(year, month, -1)
    return None


def _period(groups: dict[str, str], ctx: Context) -> tuple[Granularity, int] | None:
    """Quarter or half named by the groups, as (granularity, number)."""
    t = ctx.grammar.tables
    code = None
    quarter = groups.get("quarter") or groups.get("quarter_q")
    if quarter is not None:
        number = read_number(quarter, ctx.grammar.numerals)
        return ("quarter", number) if number is not None and 1 <= number <= 4 else None
    for group, table in (
        ("half_year", "half_year"),
        ("half_code", "half_code"),
        ("year_edge", "year_edge"),
    ):
        if group in groups:
            code = str(t[table][groups[group]])
    if code is None or code == "year":
        return None  # 年底: the year itself
    return ("quarter" if code[0] == "Q" else "half"), int(code[1:])


def resolve_calendar(groups: dict[str, str], kind: Kind, ctx: Context) -> Resolution | None:
    """Compose a calendar date from year/month/day/period groups (see module docstring)."""
    g = ctx.grammar
    if not groups.keys().isdisjoint(("day_rel", "weekday", "week_rel", "month_rel")):
        return _relative(groups, ctx)
    month: int | None = None
    if "month" in groups:
        month = read_number(groups["month"], g.numerals)
    elif "month_name" in groups:
        month = g.tables["en_month"][groups["month_name"]]
    day = read_number(groups["day"], g.numerals) if "day" in groups else None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    period = _period(groups, ctx)
    if period is None and not groups.keys().isdisjoint(("quarter", "quarter_q")):
        return None
    granularity: Granularity
    if day is not None:
        granularity = "day"
    elif month is not None or "month_edge" in groups:
        granularity = "month"
    elif period is not None:
        granularity = period[0]
    else:
        granularity = "year"
    year = _year(groups, ctx)
    if "year_rel" in groups:
        if ctx.dct is None:
            return Resolution(None, granularity, "date")
        year = ctx.dct.year + g.tables["year_rel"][groups["year_rel"]]
    elif "year_anaphor" in groups:
        if ctx.last_year is None:
            return Resolution(None, granularity, "date")
        year = ctx.last_year + g.tables["year_anaphor"][groups["year_anaphor"]]
    if year is None and month is not None:
        year = _sentence_year(ctx)
    if year is None and month is None and day is not None:
        year, month = _sentence_month(ctx, day) or (None, None)
    dct = ctx.dct
    if year is None:
        if dct is None:
            return Resolution(None, granularity, "date")
        if month is None and day is not None:
            return _bare_day(day, dct)
        if month is None and "month_edge" in groups:
            return Resolution(format_value("month", dct), "month", "date")
        year = dct.year if month is None else _pick_year(month, day, ctx, dct)
        if year is None:
            return None
    if year is None or not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    if day is not None:
        return _day(year, month, day)
    if month is not None:
        return Resolution(f"{year:04d}-{month:02d}", "month", "date")
    if period is not None:
        letter = "Q" if period[0] == "quarter" else "H"
        return Resolution(f"{year:04d}-{letter}{period[1]}", period[0], "date")
    return Resolution(f"{year:04d}", "year", "date")


def resolve_offset(groups: dict[str, str], kind: Kind, ctx: Context) -> Resolution | None:
    """N units before or after the DCT; an approximate N (几, 数) gives past/future."""
    t = ctx.grammar.tables
    sign = t["offset_dir"][groups["dir"]]
    unit = t["offset_unit"][groups["unit"]]
    count = read_count(groups["num"], ctx.grammar.numerals)
    if count is None:
        return _doc_month(ctx, "past" if sign < 0 else "future")
    if "half" in groups:
        count += 0.5
    granularity: Granularity = unit
    if unit == "year" and count != int(count):
        granularity = "month"
    anchor = _offset_anchor(ctx) if sign > 0 else None
    if anchor is not None:
        dct, coarse = anchor
        if precision(coarse) < precision(granularity):
            granularity = coarse
    elif ctx.dct is None:
        return Resolution(None, granularity, "date")
    else:
        dct = ctx.dct
    if unit in ("day", "week"):
        day = dct + dt.timedelta(days=round(sign * count * (7 if unit == "week" else 1)))
    else:
        months = count * (12 if unit == "year" else 1)
        year, month = _shift_months(dct.year, dct.month, sign * int(months))
        day = dt.date(year, month, 1) + dt.timedelta(days=sign * round((months % 1) * 30))
    return Resolution(format_value(granularity, day), granularity, "date")


_PARAGRAPH_BREAK = re.compile(r"\n+")


def _offset_anchor(ctx: Context) -> tuple[dt.date, Granularity] | None:
    """The first day and granularity of the date a forward offset counts from: the latest
    date before it in its paragraph or the one before (2021 年 7 月，小鹏上市。¶ 一个月后，
    理想上市), at most ``offset_anchor_window`` characters back."""
    if ctx.last_date is None:
        return None
    value, granularity, _, end = ctx.last_date
    window = int(ctx.grammar.dct.get("offset_anchor_window", 200))
    between = ctx.text[end : ctx.start]
    if ctx.start - end > window or len(_PARAGRAPH_BREAK.findall(between)) > 1:
        return None  # the date of this or the previous paragraph only
    bounds = value_bounds(value, granularity)
    return (bounds[0], granularity) if bounds is not None else None


def resolve_word(groups: dict[str, str], kind: Kind, ctx: Context) -> Resolution | None:
    """A vague word whose kind the ``vague_words`` table gives; placed at the DCT month."""
    return _doc_month(ctx, ctx.grammar.tables["vague_words"][groups["word"]])


def resolve_fixed(groups: dict[str, str], kind: Kind, ctx: Context) -> Resolution | None:
    """The rule's own kind: durations and sets carry no value; past/future/vague get the DCT
    month."""
    return _doc_month(ctx, kind) if kind in VAGUE_KINDS else Resolution(None, None, kind)


Resolver = Callable[[dict[str, str], Kind, Context], Resolution | None]

RESOLVERS: dict[str, Resolver] = {
    "calendar": resolve_calendar,
    "offset": resolve_offset,
    "word": resolve_word,
    "fixed": resolve_fixed,
}
