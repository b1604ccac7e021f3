"""Read Arabic, full-width and Chinese numerals with the tables of the grammar.

>>> from hunyuan_kg.temporal.grammar import grammar
>>> n = grammar().numerals
>>> read_number("二〇二三", n), read_number("三十一", n), read_number("２０２４", n)
(2023, 31, 2024)
>>> read_count("两三", n) is None, read_count("半", n), read_count("十五", n)
(True, 0.5, 15.0)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Numerals:
    """Numeral tables: digit characters, unit characters (十百千), approximate words, 半."""

    digits: dict[str, int]
    units: dict[str, int]
    approximate: tuple[str, ...]
    half: str


def read_number(text: str, numerals: Numerals) -> int | None:
    """Value of a numeral written digit by digit (2024, 二〇二三) or with units (二十三).

    Returns None for anything else (empty, unknown characters, 几).
    """
    if not text:
        return None
    digits, units = numerals.digits, numerals.units
    if all(ch in digits for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + digits[ch]
        return value
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch in units:
            total += (current or 1) * units[ch]
            current = 0
        else:
            return None
    return total + current


def read_count(text: str, numerals: Numerals) -> float | None:
    """Value of a count (三, 20, 十五, 半); None when it is approximate (几, 数, 两三)."""
    if text == numerals.half:
        return 0.5
    if any(word in text for word in numerals.approximate):
        return None
    chinese_digits = [ch for ch in text if ch in numerals.digits and not ch.isdigit()]
    if len(chinese_digits) > 1 and not any(ch in numerals.units for ch in text):
        return None  # 两三 / 三四: 'two or three'
    value = read_number(text, numerals)
    return None if value is None else float(value)
