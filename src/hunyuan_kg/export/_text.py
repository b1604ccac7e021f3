"""Human-readable pieces shared by the timeline writers (Markdown, CSV, HTML, TimelineJS).

>>> year_of("2023-09-07")
'2023'
>>> from hunyuan_kg.records import Participant, TimelineEvent
>>> participants_text(TimelineEvent("e", "launch", "t", participants=[
...     Participant("ORG:腾讯", "腾讯", "ORG", "agent")]))
'腾讯 (ORG)'
"""

from __future__ import annotations

from ..records import TimelineEvent
from ._dates import date_parts, period_months

#: Chinese names of the event types (TimelineJS groups), statuses and entity types.
EVENT_TYPE_ZH = {
    "launch": "发布",
    "release": "上线",
    "open_source": "开源",
    "join": "加入",
    "depart": "离职",
    "appoint": "任命",
    "found": "成立",
    "funding": "融资",
    "acquisition": "收购",
    "listing": "上市",
    "partnership": "合作",
    "integration": "接入",
    "conference": "会议",
    "other": "其他",
}
STATUS_ZH = {"happened": "已发生", "planned": "计划中", "denied": "已否认"}
ENTITY_TYPE_ZH = {
    "PERSON": "人物",
    "ORG": "机构",
    "PRODUCT": "产品",
    "EVENT": "事件",
    "LOC": "地点",
}
#: The mark of an event whose date rests on a publication date nobody stated, by the
#: event's ``dct_source`` (see :attr:`TimelineEvent.dct_unstated`).
DCT_MARK = {
    "inferred": "⚠ 发布日期为推断 / publication date inferred",
    "none": "⚠ 无发布日期 / no publication date",
}
#: What the timeline files say of marked events.
HOW_TO_DATE = (
    'that was inferred from the article text (or is missing): set it with "date:" in '
    "the article's front matter, or with --date for a run"
)
_CN_DIGITS = "零一二三四"


def dct_mark(event: TimelineEvent) -> str:
    """The warning shown with an event whose date rests on an inferred (or missing)
    publication date; "" for any other event.

    >>> from hunyuan_kg.records import Source
    >>> dct_mark(TimelineEvent("e", "launch", "t", "2023-09", "month",
    ...          sources=[Source("a", "去年 9 月发布。", 0, 2, "去年 9 月", "inferred")]))
    '⚠ 发布日期为推断 / publication date inferred'
    """
    return DCT_MARK.get(event.dct_source, "")


def date_zh(date: str) -> str:
    """A partial ISO date the way a Chinese reader writes it.

    >>> [date_zh(d) for d in ("2021", "2024-H2", "2018-Q4", "2024-W05")]
    ['2021 年', '2024 年下半年', '2018 年第四季度', '2024 年第 5 周']
    >>> date_zh("2023-09"), date_zh("2023-09-07")
    ('2023 年 9 月', '2023 年 9 月 7 日')
    """
    months = period_months(date)
    if months:
        year, first, last = months
        if last - first == 5:
            return f"{year} 年{'上' if first == 1 else '下'}半年"
        return f"{year} 年第{_CN_DIGITS[last // 3]}季度"
    if "-W" in date:
        head, week = date.split("-W", 1)
        return f"{head} 年第 {int(week)} 周"
    year, month, day = date_parts(date)
    out = f"{year} 年"
    if month is not None:
        out += f" {month} 月"
        if day is not None:
            out += f" {day} 日"
    return out


def year_of(date: str) -> str:
    """The four-digit year of a partial ISO date (the date itself if it has none)."""
    try:
        return f"{date_parts(date)[0]:04d}"
    except ValueError:
        return date


def participants_text(event: TimelineEvent) -> str:
    """``腾讯 (ORG), 混元 (PRODUCT)``."""
    return ", ".join(f"{p.label} ({p.type})" for p in event.participants)
