"""The :class:`DateMention` record and the ISO values it carries.

A value is ISO 8601 truncated to its granularity: ``2023`` (year), ``2024-H2`` (half),
``2025-Q1`` (quarter), ``2023-09`` (month), ``2024-W05`` (ISO week), ``2023-09-07`` (day).

>>> m = DateMention(text="去年 9 月", start=0, end=6, value="2023-09", granularity="month")
>>> m.is_date, m.bounds()
(True, (datetime.date(2023, 9, 1), datetime.date(2023, 9, 30)))
>>> precision("day") > precision("month")
True
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Granularity = Literal["year", "half", "quarter", "month", "week", "day"]
Kind = Literal["date", "duration", "set", "vague", "future", "past"]

#: Granularities from coarsest to finest.
GRANULARITIES: tuple[Granularity, ...] = ("year", "half", "quarter", "month", "week", "day")
#: Kinds that are not calendar dates but still point at a time near the document date.
VAGUE_KINDS: frozenset[str] = frozenset({"vague", "future", "past"})

_VALUE_RE: dict[str, re.Pattern[str]] = {
    "year": re.compile(r"(\d{4})"),
    "half": re.compile(r"(\d{4})-H([12])"),
    "quarter": re.compile(r"(\d{4})-Q([1-4])"),
    "month": re.compile(r"(\d{4})-(\d{2})"),
    "week": re.compile(r"(\d{4})-W(\d{2})"),
    "day": re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
}


def precision(granularity: str | None) -> int:
    """Rank of a granularity, higher is finer; -1 for None or an unknown name.

    >>> [precision(g) for g in ("year", "quarter", "day", None)]
    [0, 2, 5, -1]
    """
    return GRANULARITIES.index(granularity) if granularity in GRANULARITIES else -1


def format_value(granularity: Granularity, day: dt.date) -> str:
    """The ISO value of the period of ``granularity`` that contains ``day``.

    >>> format_value("quarter", dt.date(2025, 2, 3)), format_value("week", dt.date(2024, 2, 1))
    ('2025-Q1', '2024-W05')
    """
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "week":
        iso = day.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    return day.isoformat()


def value_bounds(value: str, granularity: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of the period a value names, or None if it is not valid ISO.

    >>> value_bounds("2024-H2", "half")
    (datetime.date(2024, 7, 1), datetime.date(2024, 12, 31))
    >>> value_bounds("2023-02-30", "day") is None
    True
    """
    pattern = _VALUE_RE.get(granularity)
    found = pattern.fullmatch(value) if pattern else None
    if found is None:
        return None
    nums = [int(x) for x in found.groups()]
    year = nums[0]
    try:
        if granularity == "year":
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if granularity == "day":
            day = dt.date(year, nums[1], nums[2])
            return day, day
        if granularity == "week":
            monday = dt.date.fromisocalendar(year, nums[1], 1)
            return monday, monday + dt.timedelta(days=6)
        months = {"half": 6, "quarter": 3, "month": 1}[granularity]
        first = (nums[1] - 1) * months + 1
        last = first + months - 1
        if not 1 <= first <= last <= 12:
            return None
        return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])
    except ValueError:
        return None


def period_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of the period any valid ISO value names, its granularity read
    from its shape.

    >>> period_bounds("2018-Q4")
    (datetime.date(2018, 10, 1), datetime.date(2018, 12, 31))
    >>> period_bounds("2023-02-30") is None
    True
    """
    for granularity in GRANULARITIES:
        if (found := value_bounds(value, granularity)) is not None:
            return found
    return None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression found in a text.

    ``start``/``end`` are offsets into the text (``text == source[start:end]``). ``value`` is
    ISO truncated to ``granularity``; ``kind`` says what the expression is: ``date`` (a
    point or period on the calendar), ``duration``, ``set`` (recurring), or ``vague`` /
    ``past`` / ``future`` (near the document date; the value is then the document's month).
    Dates that need a document date to resolve (今年 5 月) have ``value`` None without one.

    >>> a = DateMention("2023 年", 0, 6, "2023", "year")
    >>> b = DateMention("9 月 7 日", 7, 13, "2023-09-07", "day")
    >>> b.more_precise_than(a), a.more_precise_than(b)
    (True, False)
    """

    text: str
    start: int
    end: int
    value: str | None = None
    granularity: Granularity | None = None
    kind: Kind = "date"

    @property
    def is_date(self) -> bool:
        """True for a resolved calendar date."""
        return self.kind == "date" and self.value is not None

    @property
    def precision(self) -> int:
        """Rank of the granularity (see :func:`precision`)."""
        return precision(self.granularity)

    def more_precise_than(self, other: DateMention) -> bool:
        """True if this mention has a finer granularity than ``other``."""
        return self.precision > other.precision

    def bounds(self) -> tuple[dt.date, dt.date] | None:
        """First and last calendar day of the value's period, or None without a value."""
        if self.value is None or self.granularity is None:
            return None
        return value_bounds(self.value, self.granularity)
