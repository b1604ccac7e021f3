"""The public entry point: :func:`find_dates`.

>>> [(m.text, m.value, m.kind) for m in find_dates("他 05 年加入，干了 20 年了", "2024-07-04")]
[('05 年', '2005', 'date'), ('20 年', None, 'duration')]
"""

from __future__ import annotations

import datetime as dt

from hunyuan_kg.temporal.anchors import coerce_dct
from hunyuan_kg.temporal.mention import DateMention
from hunyuan_kg.temporal.scanner import scan


def find_dates(text: str, dct: dt.date | str | None = None) -> list[DateMention]:
    """Find and normalize the time expressions of a Chinese (or mixed) text.

    ``dct`` is the document creation time (a date, a datetime or a date string such as
    '2024-07-04'); relative expressions (去年 9 月, 上周五, 三天前) and partial ones
    (5 月 30 日) are resolved against it and keep ``value=None`` without it, except that
    a partial date takes the year of a date written before it in its sentence.

    >>> [m.value for m in find_dates("二〇二三年九月七日发布。12月30日更新", dt.date(2025, 1, 5))]
    ['2023-09-07', '2024-12-30']
    >>> [m.value for m in find_dates("二〇二三年九月七日发布，12月30日更新")]
    ['2023-09-07', '2023-12-30']
    """
    return scan(text, coerce_dct(dct))
