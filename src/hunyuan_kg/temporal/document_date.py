"""Guess a document's publication date (DCT) from its text when metadata has none.

The heuristic, in order:

1. **header** — one of the first short lines (``dct.header_lines``, ``dct.header_max_chars``),
   not a sentence (no 。！？), holds a full date alone or next to a header cue (``date:``,
   ``发布于``, ``作者``, ``·``…) and no skip cue (``fetch``, ``更新``…): that day is the DCT
   (granularity ``day``). Dates on skipped header lines are not used by the later rules.
2. **latest-date** — otherwise the latest fully specified date in the body (year, month
   and possibly day all written out) bounds the publication from below; news is
   published soon after what it reports, so the DCT is that month (granularity
   ``month``, day 1). **+this-year** refines it: when the text says 今年 N 月 with N later
   than that month, the article is from month N.
3. **latest-year** — otherwise the latest explicit year (granularity ``year``, 1 January).
4. **none** — nothing to go on.

Rules 2 and 3 read only dates whose year is written in full (2023 年, not 23 年 or
20 年后), that are no forecast (将于 2025 年, 到 2030 年, 2030 年实现: ``future_cues``,
``forecast_before``, ``forecast_after`` in the grammar's ``dct`` section) and that are not
later than ``today``.

>>> g = guess_dct("2025-11-20 08:15:30 · 作者: 编辑部\\n正文……")
>>> g.date, g.granularity, g.method, g.evidence
(datetime.date(2025, 11, 20), 'day', 'header', '2025-11-20 08:15:30')
>>> infer_dct("2023 年 5 月 8 日发布的模型，今年 7 月又更新了一版。")
(datetime.date(2023, 7, 1), 'month')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hunyuan_kg.temporal.grammar import grammar
from hunyuan_kg.temporal.mention import DateMention
from hunyuan_kg.temporal.resolve import is_forecast
from hunyuan_kg.temporal.scanner import scan


@dataclass(frozen=True, slots=True)
class DctGuess:
    """A guessed DCT: the date (day 1 of a month or 1 January for coarse guesses), its
    granularity (day, month, year or none), the rule that gave it and the text it used."""

    date: dt.date | None
    granularity: str
    method: str
    evidence: str


def _start(mention: DateMention) -> dt.date:
    bounds = mention.bounds()
    assert bounds is not None
    return bounds[0]


def _header_lines(text: str) -> list[tuple[int, str, bool]]:
    """Header-like lines among the first non-empty lines of ``text`` (short, not a
    sentence), with their offsets and whether a skip cue marks them (fetched, updated)."""
    cfg = grammar().dct
    skips = tuple(cfg.get("header_skip_cues", ()))
    ends = tuple(cfg.get("header_sentence_ends", ()))
    longest = int(cfg.get("header_max_chars", 80))
    lines: list[tuple[int, str, bool]] = []
    offset, seen = 0, 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        if line.strip():
            seen += 1
            if len(line) <= longest and not any(end in line for end in ends):
                lines.append((offset, line, any(skip in line for skip in skips)))
        offset += len(raw)
        if seen == int(cfg.get("header_lines", 8)):
            break
    return lines


def _from_header(text: str) -> DctGuess | None:
    cues = tuple(grammar().dct.get("header_cues", ()))
    for _, line, skipped in _header_lines(text):
        if skipped:
            continue
        for mention in scan(line, None):
            if not (mention.is_date and mention.granularity == "day"):
                continue
            rest = (line[: mention.start] + line[mention.end :]).strip(" \t#>*-:：")
            if not rest or any(cue in line for cue in cues):
                return DctGuess(_start(mention), "day", "header", mention.text)
    return None


def _past_evidence(text: str, mention: DateMention, today: dt.date) -> bool:
    """Whether ``mention`` can bound the publication date from below: a date with its
    year written in full, no forecast and not after ``today``."""
    if not (mention.is_date and mention.value) or _start(mention) > today:
        return False
    g = grammar()
    return g.full_year.search(mention.text) is not None and not is_forecast(
        text, mention.start, mention.end, g
    )


def _this_year_months(text: str, year: int) -> list[DateMention]:
    """今年 N 月 (N 日) mentions, read as months of ``year``."""
    this_year = tuple(w for w, offset in grammar().tables["year_rel"].items() if offset == 0)
    return [
        m
        for m in scan(text, dt.date(year, 12, 31))
        if m.is_date and m.text.startswith(this_year) and m.granularity in ("month", "day")
    ]


def guess_dct(text: str, today: dt.date | None = None) -> DctGuess:
    """Guess the DCT of ``text`` with the rules of the module docstring; ``today`` (the
    system's date by default) is the latest date it may give.

    >>> guess_dct("预计到 2030 年，规模将翻番。2024 年的销量创了新高。").date
    datetime.date(2024, 1, 1)
    >>> guess_dct("2027 年的计划已经公布。", today=dt.date(2026, 5, 1)).method
    'none'
    """
    header = _from_header(text)
    if header is not None:
        return header
    today = today or dt.date.today()
    skipped = [(o, o + len(line)) for o, line, skip in _header_lines(text) if skip]
    absolute = [
        m
        for m in scan(text, None)
        if _past_evidence(text, m, today)
        and not any(start <= m.start < end for start, end in skipped)
    ]
    dated = [m for m in absolute if m.granularity in ("day", "month")]
    if dated:
        latest = max(dated, key=_start)
        guess = _start(latest).replace(day=1)
        later = [m for m in _this_year_months(text, guess.year) if guess < _start(m) <= today]
        if later:
            best = max(later, key=_start)
            return DctGuess(
                _start(best).replace(day=1), "month", "latest-date+this-year", best.text
            )
        return DctGuess(guess, "month", "latest-date", latest.text)
    years = [m for m in absolute if m.granularity == "year"]
    if years:
        latest = max(years, key=_start)
        return DctGuess(_start(latest), "year", "latest-year", latest.text)
    return DctGuess(None, "none", "none", "")


def infer_dct(text: str) -> tuple[dt.date | None, str]:
    """The guessed DCT of ``text`` and its granularity ('day', 'month', 'year' or 'none').

    >>> infer_dct("没有日期的文本")
    (None, 'none')
    """
    guess = guess_dct(text)
    return guess.date, guess.granularity
