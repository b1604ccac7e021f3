"""Scan a text with the compiled grammar: one regex pass, vetoes, masks, resolution.

>>> import datetime as dt
>>> [m.value for m in scan("去年 9 月推出，今年 5 月 30 号更新", dt.date(2024, 7, 4))]
['2023-09', '2024-05-30']
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

from hunyuan_kg.temporal.grammar import grammar
from hunyuan_kg.temporal.mention import DateMention, Granularity
from hunyuan_kg.temporal.resolve import RESOLVERS, Context


def _masked_spans(text: str) -> tuple[list[int], list[int]]:
    masks = grammar().masks
    starts: list[int] = []
    ends: list[int] = []
    if masks is not None:
        for found in masks.finditer(text):
            starts.append(found.start())
            ends.append(found.end())
    return starts, ends


def scan(text: str, dct: dt.date | None) -> list[DateMention]:
    """All time expressions of ``text`` in order, resolved against ``dct``.

    Matches inside masked text (URLs, 《titles》) and matches vetoed by their context are
    dropped (a vetoed two-digit year such as 20 年了 comes out as a duration).
    """
    g = grammar()
    mask_starts, mask_ends = _masked_spans(text)
    found: list[DateMention] = []
    last_year: int | None = None
    last_date: tuple[str, Granularity, int, int] | None = None
    for match in g.regex.finditer(text):
        start, end = match.span()
        if mask_starts:
            i = bisect_right(mask_starts, end - 1) - 1
            if i >= 0 and mask_ends[i] > start:
                continue
        pattern = g.patterns[match.lastgroup or ""]
        if pattern.vetoed_at(text, start, end):
            if pattern.vetoed == "duration":
                found.append(DateMention(text[start:end], start, end, None, None, "duration"))
            continue
        groups = pattern.groups_of(match)
        context = Context(
            text=text, start=start, dct=dct, grammar=g, last_year=last_year, last_date=last_date
        )
        try:
            resolved = RESOLVERS[pattern.resolve](groups, pattern.kind, context)  # type: ignore[arg-type]
        except (ValueError, OverflowError):  # a date out of datetime's range: not a date
            resolved = None
        if resolved is not None:
            if resolved.kind == "date" and resolved.value is not None:
                last_year = int(resolved.value[:4])
                if resolved.granularity is not None:
                    last_date = (resolved.value, resolved.granularity, start, end)
            found.append(
                DateMention(
                    text[start:end],
                    start,
                    end,
                    resolved.value,
                    resolved.granularity,
                    resolved.kind,
                )
            )
    return found
