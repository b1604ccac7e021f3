"""Names declared in brackets after a name: 深度求索（DeepSeek）, 陈航（花名：无招）,
星河智能科技有限公司（以下简称“星河科技”）.

The declaring words are language data (``data/resolve/rules.yml``, ``alias_cues``). The
entity ruler makes a name declared with such a word an entity of the declaring name's type;
extraction records every bracketed pair of one type as two names of one entity.

>>> declared_name("陈航（花名：无招）离任", 2)
(6, 8)
>>> declared_name("腾讯（00700.HK）发布", 2) is None  # no declaring word
True
"""

from __future__ import annotations

import re
from functools import cache

from ..resources import alternation, data_path, read_yaml

_NAME = r"[^（）()“”\"「」『』，,。；;：:、\s][^（）()“”\"「」『』，,。；;：:、]{0,19}?"


@cache
def alias_cues() -> str:
    """The declaring words, as one alternation (以下简称|下称|…)."""
    return alternation(read_yaml(data_path("resolve", "rules.yml"))["alias_cues"])


@cache
def is_alias_cue(word: str) -> bool:
    """Whether ``word`` is a declaring word (花名, 简称): a word about a name, never one.

    >>> is_alias_cue("花名"), is_alias_cue("陈航")
    (True, False)
    """
    return re.fullmatch(alias_cues(), word) is not None


@cache
def alias_brackets() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What may stand between ``A`` and ``B`` in ``A（B）`` (an opening bracket, a
    declaring word, quotes) and what closes it."""
    cues = alias_cues()
    opening = re.compile(rf'\s*[（(]\s*(?:(?:{cues})\s*[：:为]?\s*)?[“"「『]?\s*')
    return opening, re.compile(r'\s*[”"」』]?\s*[）)]')


@cache
def _declared() -> re.Pattern[str]:
    cues = alias_cues()
    return re.compile(
        rf'\s*[（(]\s*(?:{cues})\s*[：:为]?\s*[“"「『]?\s*(?P<name>{_NAME})\s*[”"」』]?\s*[）)]'
    )


def declared_name(text: str, end: int) -> tuple[int, int] | None:
    """The span of a name declared with a declaring word in brackets right after
    ``text[:end]``, or None."""
    m = _declared().match(text, end)
    return m.span("name") if m else None
