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


@cache
def _t2s_table() -> dict[int, str]:
    cjk = ((0x3400, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))
    table = {
        cp: ch
        for cp, ch in _fold_table().items()
        if any(a <= cp <= b for a, b in cjk) and ch != chr(cp)
    }
    return {cp: table.get(ord(ch), ch) for cp, ch in table.items()}  # 薴 → 苧 → 苎


def traditional_share(text: str) -> float:
    """The share of the CJK characters of ``text`` that are traditional-only forms.

    >>> traditional_share("騰訊發布混元"), traditional_share("腾讯发布混元")
    (0.5, 0.0)
    """
    table = _t2s_table()
    cjk = [c for c in text if "\u3400" <= c <= "\u9fff"]
    return sum(ord(c) in table for c in cjk) / len(cjk) if cjk else 0.0


def to_simplified(text: str) -> str:
    """Traditional characters to simplified ones, character for character (same length).

    >>> to_simplified("騰訊發布混元 Turbo，ＡＩ")
    '腾讯发布混元 Turbo，ＡＩ'
    """
    return text.translate(_t2s_table())


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


_LATIN_NAME = re.compile(r"[a-z0-9][a-z0-9 .+&'\-]*")
_JOINERS = re.compile(r"[\s\-]")


def latin_key(key: str) -> str | None:
    """A :func:`name_key` of a Latin-script name without its spaces and hyphens, so that
    spellings apart only by them meet (GPT-4o = GPT 4o, Harmony OS = HarmonyOS); None for a
    name that is not all Latin letters, digits and joiners.

    >>> latin_key(name_key("GPT 4o")), latin_key(name_key("GPT-4o")), latin_key("混元 2.0")
    ('gpt4o', 'gpt4o', None)
    """
    return _JOINERS.sub("", key) if _LATIN_NAME.fullmatch(key) else None
