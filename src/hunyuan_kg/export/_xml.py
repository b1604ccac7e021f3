"""Text cleaning shared by every writer whose output is parsed as XML or HTML.

XML 1.0 forbids most C0 control characters, lone surrogates and U+FFFE/U+FFFF; a
single one makes the whole file unreadable. Every XML/HTML writer passes its text
through :func:`clean_text` once, here.

>>> clean_text("混元\\x00 <大模型> & 🚀\\r\\n")
'混元 <大模型> & 🚀\\n'
>>> unique_ids(["PERSON:a\\x01", "PERSON:a"])
{'PERSON:a': 'PERSON:a', 'PERSON:a\\x01': 'PERSON:a#2'}
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NEWLINES = re.compile("\r\n?")


def clean_text(text: str) -> str:
    """``text`` without XML-invalid characters and with CR / CRLF turned into LF.

    Parsers normalise CR to LF anyway, so doing it here keeps what we write and what
    a reader gets back identical.
    """
    return _NEWLINES.sub("\n", _INVALID_XML.sub("", text))


def unique_ids(ids: Iterable[str]) -> dict[str, str]:
    """Map each id to a cleaned id, adding ``#2``, ``#3``... where cleaning collides.

    ``ids`` are processed in sorted order so the mapping is deterministic.
    """
    out: dict[str, str] = {}
    taken: set[str] = set()
    for original in sorted(set(ids)):
        base = clean_text(original)
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}#{n}"
        taken.add(candidate)
        out[original] = candidate
    return out
