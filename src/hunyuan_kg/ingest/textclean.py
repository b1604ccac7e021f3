"""Clean text once, before anything takes offsets into it.

:func:`normalize_chars` is the character-level pass every document gets (newlines,
control characters, BOMs, lone surrogates); it is idempotent and leaves clean text
untouched. :func:`strip_markdown` removes the markup scraped articles carry (images,
heading marks, bold markers, link syntax) so the NLP never sees it.

>>> normalize_chars("a\\r\\nb\\x00c\\ufeff")
'a\\nbc'
>>> strip_markdown("# 标题\\n\\n![图](x.png)\\n**腾讯**发布[混元](https://x.cn)。")
'标题\\n\\n腾讯发布混元。'
"""

from __future__ import annotations

import re

_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# C0/C1 controls except \t and \n, DEL, the BOM/zero-width no-break space, and the two
# BMP noncharacters that XML cannot carry.
_JUNK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def normalize_chars(text: str) -> str:
    r"""Newlines to ``\n``; drop control characters (but ``\t``), BOMs; fix surrogates.

    Surrogate pairs are joined into the character they encode; lone surrogates become
    U+FFFD. Everything else, including traditional characters and emoji, is kept.

    >>> normalize_chars("混元\u2028\x07😀\ud800")
    '混元\n😀�'
    """
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return _JUNK.sub("", _NEWLINES.sub("\n", text))


# Bracket contents exclude their own opening bracket, so the spans a failed match scans
# never overlap and a 20 MB single-line file stays linear-time.
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\]\([^()\n]{0,2000}\)")
_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})")
# A run of 4+ asterisks between two words is a closed-then-reopened bold: a word break.
_BOLD_JOIN = re.compile(r"(?<=[^\s*])\*{4,}(?=[^\s*])")
_BOLD = re.compile(r"\*{2,}|(?<![\w])__|__(?![\w])")
_BLANK_RUN = re.compile(r"\n{3,}")


def strip_markdown(text: str) -> str:
    """Remove light Markdown markup line by line; lines that held only markup go.

    Images are dropped, ``[text](url)`` becomes ``text``, heading ``#``s, blockquote
    ``>``s, bold ``**``/``__`` markers, rules, setext underlines and code fences are
    removed, trailing spaces trimmed and runs of blank lines shortened to one.

    >>> strip_markdown("> 本文由 [简悦](http://a.b) 转码\\n\\n01\\n==\\n**作者**张鹏****整理")
    '本文由 简悦 转码\\n\\n01\\n作者张鹏 整理'
    """
    kept: list[str] = []
    for line in text.split("\n"):
        if _RULE.match(line) or _FENCE.match(line):
            continue
        had_image = _IMAGE.search(line) is not None
        line = _IMAGE.sub("", line)
        if had_image and not line.strip():
            continue
        line = _QUOTE.sub("", line)
        if _HEADING.match(line):
            line = _CLOSING_HASHES.sub("", _HEADING.sub("", line))
        line = _LINK.sub(r"\1", line)
        line = _BOLD.sub("", _BOLD_JOIN.sub(" ", line))
        kept.append(line.rstrip())
    return _BLANK_RUN.sub("\n\n", "\n".join(kept)).strip()
