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

import csv
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
        "sources": "\n".join(dict.fromkeys(f"[{s.doc}] {s.sentence}" for s in event.sources)),
        "dct_source": event.dct_source,
    }


def write_timeline_csv(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write ``timeline.csv`` (RFC 4180: CRLF record ends, fields with CR/LF quoted)."""
    with atomic_writer(path, encoding=CSV_ENCODING) as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator=CSV_LINE_END)
        writer.writeheader()
        for event in kg.timeline:
            writer.writerow({k: csv_cell(v) for k, v in event_row(event).items()})
