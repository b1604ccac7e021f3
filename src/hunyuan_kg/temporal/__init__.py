"""Chinese temporal normalization: find dates in text and resolve them to ISO values.

Patterns and word lists live in ``data/temporal/`` (see its ``index.yml``); this package
holds the mechanisms only.

>>> [m.value for m in find_dates("今年 5 月 30 日，腾讯发布元宝", dct="2024-07-04")]
['2024-05-30']
>>> infer_dct("在 2023 年 9 月 7 日举办的大会上……今年 6 月，腾讯云推出了新工具")
(datetime.date(2023, 9, 1), 'month')
"""

from hunyuan_kg.temporal.anchors import coerce_dct, parse_date_string
from hunyuan_kg.temporal.document_date import DctGuess, guess_dct, infer_dct
from hunyuan_kg.temporal.finder import find_dates
from hunyuan_kg.temporal.mention import (
    GRANULARITIES,
    VAGUE_KINDS,
    DateMention,
    precision,
    value_bounds,
)

__all__ = [
    "GRANULARITIES",
    "VAGUE_KINDS",
    "DateMention",
    "DctGuess",
    "coerce_dct",
    "find_dates",
    "guess_dct",
    "infer_dct",
    "parse_date_string",
    "precision",
    "value_bounds",
]
