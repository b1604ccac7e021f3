"""Partial ISO dates (``2021``, ``2023-09``, ``2023-09-07``) as used by TimelineEvent.

>>> date_parts("2023-09")
(2023, 9, None)
>>> date_period("2023-02")
('2023-02-01', '2023-02-28')
>>> date_period("2024")
('2024-01-01', '2024-12-31')
"""

from __future__ import annotations

import calendar
import re

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


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
    """First and last day (ISO) of the period a partial date names."""
    year, month, day = date_parts(date)
    if month is None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    if day is None:
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{_days(year, month):02d}"
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return iso, iso


def _days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]
