"""Interview turns: a name opening a line before a colon says who speaks (刘煜宏：…).

When the name is the publisher's own (甲子光年：… in an article from 甲子光年), the line is
the interviewer's question: the publisher is not an argument of what the line says
(甲子光年：去年你们完成了多轮融资 is not a funding of 甲子光年).

>>> text = "甲子光年：你们何时完成融资？\\n张鹏：去年。"
>>> is_turn_label(text, 0, 4), is_turn_label(text, 15, 17)
(True, True)
>>> is_publisher_turn(text, 0, 4, "甲子光年"), is_publisher_turn(text, 15, 17, "甲子光年")
(True, False)
"""

from __future__ import annotations

import re

from ..normalize import name_key

SPEAKER = re.compile(r"^\s*(?P<name>[^\s：:]{2,8})\s*[：:]")


def is_turn_label(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` opens its line and a colon follows it.

    Looks back only over the whitespace before ``start`` (a scan to the line start was
    quadratic on a long line)."""
    if not text[end : end + 2].lstrip().startswith(("：", ":")):
        return False
    i = start
    while i > 0 and text[i - 1] != "\n":
        if not text[i - 1].isspace():
            return False
        i -= 1
    return True


def is_publisher_turn(text: str, start: int, end: int, publisher: str) -> bool:
    """True if ``text[start:end]`` is the publisher's name labelling an interview turn."""
    return (
        bool(publisher)
        and name_key(text[start:end]) == name_key(publisher)
        and is_turn_label(text, start, end)
    )


_CHANNEL = re.compile(r"^[A-Za-z]+\s*[:：]\s*")  # WeChat: 腾讯科技
_NOTE = re.compile(r"\s*[（(][^（()）]*[）)]\s*$")  # 科技爱好者周刊 (阮一峰)
_TAGLINE = re.compile(r"\s+[-—|｜]\s+|[-—|｜]")  # 安全客-有思想的安全新媒体


def publisher_core(source: str) -> str:
    """The name a publisher goes by in text.

    >>> sources = ("WeChat: 腾讯科技", "科技爱好者周刊 (阮一峰)", "安全客-有思想的安全新媒体")
    >>> [publisher_core(s) for s in sources]
    ['腾讯科技', '科技爱好者周刊', '安全客']
    """
    core = _NOTE.sub("", _CHANNEL.sub("", source.strip()))
    return _TAGLINE.split(core)[0].strip()
