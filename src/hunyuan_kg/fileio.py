"""Atomic file writes: readers never see a half-written export, cache entry or log.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
>>> atomic_write(p, "混元\\n")
>>> p.read_text(encoding="utf-8")
'混元\\n'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


def atomic_write(path: str | Path, data: str | bytes, *, encoding: str = "utf-8") -> None:
    """Write ``data`` to a temporary file next to ``path``, then ``os.replace`` it.

    Text is encoded with ``encoding`` and written with ``\\n`` line ends on every OS.
    """
    path = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_writer(
    path: str | Path, *, encoding: str = "utf-8", errors: str = "strict"
) -> Iterator[TextIO]:
    """A text file to write ``path`` piece by piece, as :func:`atomic_write` writes it
    whole: a temporary file next to ``path`` (``\\n`` written as is), renamed over it once
    the block ends without an error, removed otherwise. ``errors`` is the encoding's error
    handler (``xmlcharrefreplace`` for XML, as ElementTree writes it)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, errors=errors, newline="") as fh:
            yield fh
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
