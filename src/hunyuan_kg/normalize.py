"""Text folding for matching: width, case and traditional → simplified.

:func:`fold` maps character for character, so offsets found in the folded text are
offsets in the original; :func:`name_key` is the lossy key used to compare names.

>>> fold("騰訊ＡＩ Lab")
'腾讯ai lab'
>>> name_key("「混元」 大模型")
'混元大模型'
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources


@cache
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Traditional → simplified, character level (first candidate), from OpenCC's tables.
    ts = resources.files("opencc") / "dictionary" / "TSCharacters.txt"
    for line in ts.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and len(parts[0]) == 1:
            target = parts[1].split(" ")[0]
            if len(target) == 1:
                table[ord(parts[0])] = target
    # Full-width ASCII → half-width, ideographic space → space.
    for cp in range(0xFF01, 0xFF5F):
        table[cp] = chr(cp - 0xFEE0)
    table[0x3000] = " "
    # ASCII upper → lower (after width folding, applied in a second pass).
    return table


_LOWER = {cp: chr(cp + 32) for cp in range(ord("A"), ord("Z") + 1)}


def fold(text: str) -> str:
    """Fold width, ASCII case and traditional characters; same length as ``text``."""
    return text.translate(_fold_table()).translate(_LOWER)


_QUOTES = re.compile(r"[「」『』《》“”‘’\"'〈〉【】]")
_SPACE = re.compile(r"\s+")
CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff])\s+|\s+(?=[\u3400-\u9fff])")


def name_key(name: str) -> str:
    """Comparison key for a name: NFKC, folded, quotes removed, spaces next to CJK removed."""
    s = fold(unicodedata.normalize("NFKC", name))
    s = _QUOTES.sub("", s)
    s = CJK_SPACE.sub("", s.strip())
    return _SPACE.sub(" ", s)
