"""Bytes → str: strict UTF-8 first, BOMs honoured, then charset-normalizer's detection.

>>> decode_bytes("腾讯混元".encode("gb18030") * 8).encoding
'gb18030'
>>> decode_bytes(b"\\xef\\xbb\\xbfhello").text, decode_bytes(b"\\xef\\xbb\\xbfhello").encoding
('hello', 'utf-8-sig')
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from hunyuan_kg.ingest.errors import UnusableText

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A UTF-8 file with a few broken bytes (a truncated last character, a bad copy) is still
# read as UTF-8 when at most this share of its characters had to be replaced.
_MAX_REPLACED_SHARE = 0.001
_CHINESE = frozenset({"gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "cp950"})


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the codec used, and a note when bytes had to be replaced."""

    text: str
    encoding: str
    warning: str | None = None


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes, saying which encoding was used.

    Order: a byte-order mark decides (UTF-8, UTF-16, UTF-32); NUL bytes without a BOM
    mean a binary file; strict UTF-8; charset-normalizer (GB18030/GBK, Big5, …); UTF-8
    with a handful of replaced bytes. Raises :class:`UnusableText` otherwise.
    """
    if not data:
        raise UnusableText("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _lenient(data, codec)
    if b"\x00" in data:
        raise UnusableText("binary file (contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    detected = _detect(data)
    if detected is not None:
        return detected
    fallback = _lenient(data, "utf-8")
    if fallback.text.count("\ufffd") <= _MAX_REPLACED_SHARE * len(fallback.text):
        return fallback
    raise UnusableText("undecodable: not UTF-8 and no other text encoding fits")


def _detect(data: bytes) -> Decoded | None:
    """charset-normalizer's best reading among the Chinese codecs (GB18030/GBK, Big5).

    BOM-less UTF-16/32 is not considered: short GB18030 text often reads as UTF-16-BE
    just as cleanly, and real UTF-16 files carry a BOM (handled before detection).
    """
    from charset_normalizer import from_bytes

    # Only Chinese codecs: single-byte code pages read any bytes, so a few broken UTF-8
    # bytes (lone surrogates) would pass for EBCDIC, Cyrillic or Greek text.
    matches = [m for m in from_bytes(data) if m.encoding in _CHINESE]
    if not matches:
        return None
    best = min(matches, key=lambda m: m.chaos)
    return Decoded(str(best), best.encoding)


def _lenient(data: bytes, codec: str) -> Decoded:
    """Decode, replacing bad byte sequences with U+FFFD and saying so."""
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        return Decoded(text, codec, f"undecodable bytes replaced with U+FFFD ({codec})")
