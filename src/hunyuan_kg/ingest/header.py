"""The by-line many scraped articles carry near the top: date, author, source.

For example ``2025-11-02 08:15:30 · 作者: 编辑部 · 阅读: 12`` or
``发布时间：2023年9月7日 10:00  来源：腾讯科技``. A line counts as a header only when its
date stands alone (the whole line, or one field between ``·``/``|`` separators, or
followed only by labelled fields), so a body sentence that opens with a date is not
taken for one.

>>> h = find_header_fields("标题\\n\\n2025-11-02 08:15:30 · 作者: 编辑部 · 阅读: 12\\n正文")
>>> h.date_text, h.author, h.line_number
('2025-11-02', '编辑部', 2)
>>> find_header_fields("2022 年 3 月 8 日，星河推出北斗。") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_HEADER_LINES = 5
_MAX_LINE = 200

_DATE = (
    r"(?P<date>\d{4}\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}"
    r"|年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]?))"
)
_TIME = r"(?:\s*[T ]?\s*\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?"
_DATE_LABEL = (
    r"(?:(?:发布|发表|更新|首发)?(?:时间|日期)|发布于|发表于|published|posted|date)\s*[:：]?\s*"
)
_LABELS = r"作者|撰文|来源|出处|责任编辑|责编|编辑|浏览|阅读|评论|点赞|by|author|source"
_SEPARATOR = r"\s*[·|｜•]\s*|\s{2,}|\t"
_DATE_FIELD = re.compile(rf"\s*(?:{_DATE_LABEL})?{_DATE}{_TIME}\s*", re.IGNORECASE)
_DATE_THEN_LABEL = re.compile(
    rf"\s*(?:{_DATE_LABEL})?{_DATE}{_TIME}\s+(?=(?:{_LABELS})\s*[:：])", re.IGNORECASE
)
_LABEL = re.compile(rf"(?P<label>{_LABELS})\s*[:：]\s*", re.IGNORECASE)
_VALUE_END = re.compile(rf"{_SEPARATOR}|(?:{_LABELS})\s*[:：]|{_DATE}", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[。！？；]")
_AUTHOR_LABELS = {"作者", "撰文", "by", "author"}
_SOURCE_LABELS = {"来源", "出处", "source"}


@dataclass(frozen=True, slots=True)
class HeaderFields:
    """What a header line says; ``line_number`` counts lines of the text from 0."""

    date_text: str
    line_number: int
    line: str
    author: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Header:
    """A header line whose date is a real calendar date."""

    date: dt.date
    fields: HeaderFields


def find_header_fields(text: str, *, max_lines: int = MAX_HEADER_LINES) -> HeaderFields | None:
    """The first header-like line among the first ``max_lines`` non-empty lines.

    Only the shape is checked here; :func:`find_header` also requires a valid date.
    """
    return next(_candidates(text, max_lines), None)


def find_header(text: str, *, max_lines: int = MAX_HEADER_LINES) -> Header | None:
    """The first header line near the top whose date parses to a real date.

    Impossible dates (``2023-13-45``) do not count. Uses
    :func:`hunyuan_kg.temporal.parse_date_string`.
    """
    from hunyuan_kg.temporal import parse_date_string

    for fields in _candidates(text, max_lines):
        date = parse_date_string(fields.date_text)
        if date is not None:
            return Header(date, fields)
    return None


def _candidates(text: str, max_lines: int) -> Iterator[HeaderFields]:
    seen = 0
    for number, line in enumerate(_lines(text)):
        if not line.strip():
            continue
        seen += 1
        if seen > max_lines:
            return
        fields = _parse_line(line, number)
        if fields is not None:
            yield fields


def _lines(text: str) -> Iterator[str]:
    """Lines one at a time, so a huge text is not split as a whole."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end]
        start = end + 1


def _parse_line(line: str, number: int) -> HeaderFields | None:
    if len(line) > _MAX_LINE or _SENTENCE_END.search(line):
        return None
    date_match = None
    for part in re.split(_SEPARATOR, line.strip()):
        date_match = _DATE_FIELD.fullmatch(part) or _DATE_THEN_LABEL.match(part)
        if date_match is not None:
            break
    if date_match is None:
        return None
    labelled = _labelled_values(line)
    return HeaderFields(
        date_text=re.sub(r"\s+", "", date_match.group("date")),
        line_number=number,
        line=line.strip(),
        author=next((v for k, v in labelled if k in _AUTHOR_LABELS), None),
        source=next((v for k, v in labelled if k in _SOURCE_LABELS), None),
    )


def _labelled_values(line: str) -> list[tuple[str, str]]:
    """``(label, value)`` pairs such as ``("作者", "编辑部")``; empty values left out."""
    pairs = []
    for match in _LABEL.finditer(line):
        rest = line[match.end() :]
        end = _VALUE_END.search(rest)
        value = (rest[: end.start()] if end else rest).strip()
        if value:
            pairs.append((match.group("label").lower(), value))
    return pairs
