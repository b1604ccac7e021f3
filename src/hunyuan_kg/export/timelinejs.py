"""``timelinejs.json``: the timeline in Knight Lab TimelineJS3's JSON format.

Each dated event is a slide whose ``start_date`` has ``year`` and, as far as the event's
date goes, ``month`` and ``day`` (strings, as in Knight Lab's examples). A half, quarter
or week starts at its first month or day and carries a Chinese ``display_date``
(``2018 年第四季度``), which TimelineJS shows instead. The title slide, the status and the
``group`` (the lane label) are in Chinese (``发布``, ``融资``); embed with
``language: "zh-cn"`` for Chinese month names too. Each source sentence is listed once,
under the titles of the articles that report it (the document id when an article has no
title). An event whose date rests on an inferred (or missing) publication date says so
in its text (``⚠ 发布日期为推断``). TimelineJS inserts ``text.headline`` and
``text.text`` as HTML, so every piece of extracted text in them is HTML-escaped.

>>> from hunyuan_kg.records import TimelineEvent
>>> slide(TimelineEvent("EVENT:1", "launch", "<混元>", "2023-09", "month"))["start_date"]
{'year': '2023', 'month': '9'}
>>> slide(TimelineEvent("EVENT:1", "launch", "<混元>", "2023-09", "month"))["text"]["headline"]
'&lt;混元&gt;'
>>> start_date("2018-Q4")
{'year': '2018', 'month': '10', 'display_date': '2018 年第四季度'}
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..fileio import atomic_write
from ..records import TimelineEvent
from ._dates import date_parts, date_period, period_months
from ._text import ENTITY_TYPE_ZH, EVENT_TYPE_ZH, STATUS_ZH, date_zh, dct_mark, year_of
from ._xml import clean_text

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph


def _h(text: str) -> str:
    return escape(clean_text(text), quote=True)


def start_date(date: str) -> dict[str, str]:
    """TimelineJS date object of a partial ISO date, only as precise as the date."""
    months = period_months(date)
    if months:
        return {"year": str(months[0]), "month": str(months[1]), "display_date": date_zh(date)}
    if "-W" in date:
        first = date_period(date)[0]
        y, m, d = (str(int(x)) for x in first.split("-"))
        return {"year": y, "month": m, "day": d, "display_date": date_zh(date)}
    year, month, day = date_parts(date)
    out = {"year": str(year)}
    if month is not None:
        out["month"] = str(month)
        if day is not None:
            out["day"] = str(day)
    return out


def _sources(event: TimelineEvent, titles: Mapping[str, str]) -> list[tuple[str, list[str]]]:
    """Each distinct sentence once, with the titles of the articles that have it."""
    by_sentence: dict[str, list[str]] = {}
    for s in event.sources:
        names = by_sentence.setdefault(" ".join(s.sentence.split()), [])
        name = titles.get(s.doc) or s.doc
        if name not in names:
            names.append(name)
    return list(by_sentence.items())


def slide(event: TimelineEvent, titles: Mapping[str, str] | None = None) -> dict[str, Any]:
    """One TimelineJS slide for a dated event (``titles``: article title by document id)."""
    body = []
    if event.status != "happened":
        body.append(f"<p><em>{_h(STATUS_ZH.get(event.status, event.status))}</em></p>")
    if mark := dct_mark(event):
        body.append(f"<p><strong>{_h(mark)}</strong></p>")
    if event.participants:
        people = "、".join(
            f"{_h(p.label)}（{_h(ENTITY_TYPE_ZH.get(p.type, p.type))}）" for p in event.participants
        )
        body.append(f"<p>{people}</p>")
    if event.sources:
        items = "".join(
            f"<li><strong>{'、'.join(_h(n) for n in names)}</strong>：{_h(sentence)}</li>"
            for sentence, names in _sources(event, titles or {})
        )
        body.append(f"<ul>{items}</ul>")
    return {
        "unique_id": event.id,
        "start_date": start_date(event.date or ""),
        "text": {"headline": _h(event.title), "text": "".join(body)},
        "group": EVENT_TYPE_ZH.get(event.type, event.type),
        "autolink": False,
    }


def timelinejs_document(kg: KnowledgeGraph) -> dict[str, Any]:
    """The TimelineJS JSON document (title slide plus one slide per dated event)."""
    titles = {d.id: d.title for d in kg.documents if d.title}
    events = kg.timeline
    summary = f"{len(events)} 个事件"
    if events:
        first, last = year_of(events[0].date or ""), year_of(events[-1].date or "")
        summary += f"，{first} 年" + (f"至 {last} 年" if last != first else "")
    summary += f"，来自 {len(kg.documents)} 篇文章"
    return {
        "title": {"text": {"headline": "科技新闻时间线", "text": _h(summary)}},
        "events": [slide(e, titles) for e in events],
    }


def write_timelinejs(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write ``timelinejs.json`` (UTF-8, 2-space indent)."""
    text = json.dumps(timelinejs_document(kg), ensure_ascii=False, indent=2)
    atomic_write(path, text + "\n")
