"""Document dates from metadata strings: :func:`parse_date_string` and :func:`coerce_dct`.

ISO strings take the fast path, Chinese dates go through our own grammar, and anything
else (RFC 2822 headers, English prose dates) goes to dateparser, which is right for them.

>>> parse_date_string("2025-11-20 08:15:30"), parse_date_string("2024年7月4日")
(datetime.date(2025, 11, 20), datetime.date(2024, 7, 4))
>>> parse_date_string("July 4, 2024"), parse_date_string("not a date")
(datetime.date(2024, 7, 4), None)
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from hunyuan_kg.temporal.scanner import scan

_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["timestamp", "absolute-time"],  # 昨天 cannot date a document
}


def _from_iso(value: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        return None


def _from_grammar(value: str) -> dt.date | None:
    for mention in scan(value, None):
        if mention.is_date and mention.granularity == "day" and mention.value:
            return dt.date.fromisoformat(mention.value)
    return None


@lru_cache(maxsize=4096)
def _from_dateparser(value: str) -> dt.date | None:
    import dateparser  # slow to import; only metadata strings our grammar cannot read need it

    parsed = dateparser.parse(value, languages=["en", "zh"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed is not None else None


def parse_date_string(s: str) -> dt.date | None:
    """The calendar day a metadata or header value names, or None.

    Reads ISO dates and timestamps, '2024/07/04', '2024年7月4日', '二〇二四年七月四日',
    'July 4, 2024', 'Thu, 04 Jul 2024 10:00:00 GMT'. Values without a day ('2024-07') and
    relative ones ('昨天') give None: they cannot date a document on their own.
    """
    value = s.strip()
    if not value or len(value) > 200:
        return None
    return _from_iso(value) or _from_grammar(value) or _from_dateparser(value)


def coerce_dct(dct: dt.date | str | None) -> dt.date | None:
    """A document date given as a date, a datetime, a date string or None, as a date.

    >>> coerce_dct("2024-07-04"), coerce_dct(None)
    (datetime.date(2024, 7, 4), None)
    """
    if dct is None or (isinstance(dct, dt.date) and not isinstance(dct, dt.datetime)):
        return dct
    if isinstance(dct, dt.datetime):
        return dct.date()
    parsed = parse_date_string(dct)
    if parsed is None:
        raise ValueError(f"not a document date: {dct!r}")
    return parsed
