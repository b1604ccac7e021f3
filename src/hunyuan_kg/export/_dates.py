"""Partial ISO dates as used by TimelineEvent: ``2021`` (year), ``2024-H2`` (half),
``2018-Q4`` (quarter), ``2023-09`` (month), ``2024-W05`` (ISO week), ``2023-09-07`` (day).

>>> date_parts("2023-09")
(2023, 9, None)
>>> date_period("2023-02")
('2023-02-01', '2023-02-28')
>>> date_period("2024")
('2024-01-01', '2024-12-31')
>>> date_period("2018-Q4"), date_period("2024-H1"), date_period("2024-W05")
(('2018-10-01', '2018-12-31'), ('2024-01-01', '2024-06-30'), ('2024-01-29', '2024-02-04'))
"""

from __future__ import annotations

import calendar
import re

from ..temporal.mention import period_bounds

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_PERIOD = re.compile(r"(\d{4})-([HQW])(\d{1,2})")
#: Months in a half and in a quarter.
_MONTHS = {"H": 6, "Q": 3}


def period_months(date: str) -> tuple[int, int, int] | None:
    """Year, first and last month of a half (``2024-H2``) or quarter (``2018-Q4``); None for
    any other date.

    >>> period_months("2018-Q4"), period_months("2023-09")
    ((2018, 10, 12), None)
    """
    m = _PERIOD.fullmatch(date.strip())
    if not m or m.group(2) not in _MONTHS:
        return None
    year, n, size = int(m.group(1)), int(m.group(3)), _MONTHS[m.group(2)]
    if not 1 <= n <= 12 // size:
        return None
    return year, (n - 1) * size + 1, n * size


def date_parts(date: str) -> tuple[int, int | None, int | None]:
    """Year, month, day of a partial ISO date; month/day are None when not given.

    Anything after a leading ``YYYY[-MM[-DD]]`` is ignored; a string without a
    four-digit year raises ``ValueError``.
    """
    m = _PARTIAL.match(date.strip())
    if not m:
        raise ValueError(f"not a partial ISO date: {date!r}")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        month, day = None, None
    if month is not None and day is not None and not 1 <= day <= _days(year, month):
        day = None
    return year, month, day


def date_period(date: str) -> tuple[str, str]:
    """First and last day (ISO) of the period a partial date names (a malformed day or
    month falls back to the month or year)."""
    if (bounds := period_bounds(date.strip())) is not None:
        return bounds[0].isoformat(), bounds[1].isoformat()
    year, month, day = date_parts(date)
    if month is None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    if day is None:
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{_days(year, month):02d}"
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return iso, iso


def _days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]
