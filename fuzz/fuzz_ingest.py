"""Fuzz ingest: arbitrary bytes → a file → :func:`hunyuan_kg.ingest.read_document`.

The only exception allowed out of ``read_document`` is :class:`IngestError`, whose reason
is one non-empty line; a returned Document's text holds no control characters (but tab
and newline), no lone surrogates and no BOM. Not part of CI; see ``fuzz/README.md``::

    pip install atheris && python fuzz/fuzz_ingest.py -max_total_time=300
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from hunyuan_kg.ingest import IngestError, read_document

_SUFFIXES = (".txt", ".md", ".html")
_DIR = Path(tempfile.mkdtemp(prefix="fuzz_ingest_"))
_BAD = {chr(c) for c in [*range(0, 9), *range(11, 32), *range(0x7F, 0xA0)]} | {"\ufeff"}


def test_one_input(data: bytes) -> None:
    """One fuzz case: the first byte picks the suffix, the rest is the file."""
    if not data:
        return
    path = _DIR / f"doc{_SUFFIXES[data[0] % len(_SUFFIXES)]}"
    path.write_bytes(data[1:])
    try:
        doc = read_document(path, max_bytes=1 << 20)
    except IngestError as exc:
        if not exc.reason.strip() or "\n" in exc.reason:
            raise AssertionError(f"bad reason: {exc.reason!r}") from exc
        return
    if _BAD & set(doc.text):
        raise AssertionError(f"junk characters left in text: {doc.text[:200]!r}")
    if any(0xD800 <= ord(c) <= 0xDFFF for c in doc.text):
        raise AssertionError(f"lone surrogate left in text: {doc.text[:200]!r}")


def main() -> None:
    """Run libFuzzer with the command-line arguments (e.g. ``-max_total_time=300``)."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
