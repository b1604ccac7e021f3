"""``timeline.csv``: one row per dated event, for spreadsheets and pandas.

Columns: id, date, granularity, start and end (first and last day of the period the
date names, ISO: sort or parse these, ``pd.to_datetime(df.start)``; ``date`` mixes
precisions, ``2021``, ``2018-Q4``, ``2023-09-07``), type, status, title, participants
(``'|'``-joined labels), docs (``'|'``-joined ids), sources (``[doc] sentence`` lines, each
once, joined by a newline inside the quoted cell), dct_source (the least trustworthy
publication date the event's date rests on: inferred, none, header, given, metadata, or
empty when its date names its year). UTF-8 with a byte-order mark so that Excel shows
Chinese correctly; ``pandas.read_csv`` and ``csv`` with ``encoding="utf-8-sig"``
read it as is. A text cell that starts with ``= + - @``, a tab or a carriage return gets a
leading ``'`` (OWASP's rule against CSV injection), so a spreadsheet shows it as text
instead of running it as a formula: see :func:`csv_cell`.

>>> from hunyuan_kg.records import Source, TimelineEvent
>>> e = TimelineEvent("EVENT:1", "launch", "混元发布", "2023-09-07", "day",
...                   sources=[Source("a1", "腾讯发布混元。", 0, 2)])
>>> event_row(e)["sources"]
'[a1] 腾讯发布混元。'
>>> q = event_row(TimelineEvent("EVENT:2", "funding", "融资", "2018-Q4", "quarter"))
>>> q["start"], q["end"]
('2018-10-01', '2018-12-31')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..fileio import atomic_writer
from ..records import TimelineEvent
from ._dates import date_period

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

COLUMNS = (
    "id",
    "date",
    "granularity",
    "start",
    "end",
    "type",
    "status",
    "title",
    "participants",
    "docs",
    "sources",
    "dct_source",
)
CSV_ENCODING = "utf-8-sig"
#: RFC 4180 record end; with it, csv quotes any field holding a CR or LF.
CSV_LINE_END = "\r\n"
#: First characters that make Excel or LibreOffice read a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """``value`` safe to open in a spreadsheet: text starting like a formula gets a
    leading ``'`` (other values are returned as they are).

    >>> csv_cell("=cmd|' -C calc'!A0"), csv_cell("@SUM(1+1)"), csv_cell("腾讯"), csv_cell(-1)
    ("'=cmd|' -C calc'!A0", "'@SUM(1+1)", '腾讯', -1)
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def event_row(event: TimelineEvent) -> dict[str, str]:
    """The CSV row of one event."""
    fields = _fields(event)
    fields["sources"] = "\n".join(source_lines(event))
    return {column: fields[column] for column in COLUMNS}


def _fields(event: TimelineEvent) -> dict[str, str]:
    """Every cell of an event's row but ``sources``."""
    try:
        start, end = date_period(event.date) if event.date else ("", "")
    except ValueError:
        start, end = "", ""
    return {
        "id": event.id,
        "date": event.date or "",
        "granularity": event.granularity or "",
        "start": start,
        "end": end,
        "type": event.type,
        "status": event.status,
        "title": event.title,
        "participants": "|".join(p.label for p in event.participants),
        "docs": "|".join(sorted({s.doc for s in event.sources})),
        "dct_source": event.dct_source,
    }


def source_lines(event: TimelineEvent) -> Iterator[str]:
    """The lines of an event's ``sources`` cell: ``[doc] sentence``, each once."""
    seen: set[str] = set()
    for s in event.sources:
        line = f"[{s.doc}] {s.sentence}"
        if line not in seen:
            seen.add(line)
            yield line


_QUOTED = re.compile(r'[,"\r\n]')


def csv_field(text: str) -> str:
    """``text`` as :func:`csv.writer` (default dialect) writes a field: quoted, its
    quotes doubled, when it holds a comma, a quote, a CR or an LF.

    >>> csv_field("腾讯"), csv_field("a,b"), csv_field('a "b" c')
    ('腾讯', '"a,b"', '"a ""b"" c"')
    """
    return '"' + text.replace('"', '""') + '"' if _QUOTED.search(text) else text


def _sources_cell(event: TimelineEvent) -> Iterator[str]:
    """The ``sources`` cell as :func:`csv_field` writes ``event_row(event)["sources"]``,
    a line at a time (the sentences of an event are never all in memory)."""
    lines = source_lines(event)
    first = next(lines, None)
    if first is None:
        return
    first = str(csv_cell(first))
    second = next(lines, None)
    if second is None:
        yield csv_field(first)
        return
    yield '"' + first.replace('"', '""')
    yield "\n" + second.replace('"', '""')
    for line in lines:
        yield "\n" + line.replace('"', '""')
    yield '"'


def write_timeline_csv(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write ``timeline.csv`` (RFC 4180: CRLF record ends, fields with CR/LF quoted), as
    :class:`csv.DictWriter` writes :func:`event_row` of every event, each event's
    ``sources`` cell a line at a time."""
    before = COLUMNS[: COLUMNS.index("sources")]
    after = COLUMNS[COLUMNS.index("sources") + 1 :]
    with atomic_writer(path, encoding=CSV_ENCODING) as fh:
        fh.write(",".join(csv_field(c) for c in COLUMNS) + CSV_LINE_END)
        for event in kg.timeline:
            fields = _fields(event)
            fh.write(",".join(csv_field(str(csv_cell(fields[c]))) for c in before) + ",")
            for piece in _sources_cell(event):
                fh.write(piece)
            fh.write("".join("," + csv_field(str(csv_cell(fields[c]))) for c in after))
            fh.write(CSV_LINE_END)
