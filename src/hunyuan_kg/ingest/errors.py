"""The two ways ingest says no: a bad command line, or one unusable file.

>>> err = IngestError("a.txt", "binary file (contains NUL bytes)")
>>> str(err)
'a.txt: binary file (contains NUL bytes)'
>>> isinstance(InputError("no such file or folder: x"), ValueError)
True
"""

from __future__ import annotations

from pathlib import Path

_MAX_REASON = 300


class InputError(ValueError):
    """The inputs as a whole are unusable: a missing path, or nothing readable found."""


class IngestError(Exception):
    """One file cannot be used; ``reason`` is one short line saying why.

    Picklable (it travels between worker processes), so ``args`` is ``(path, reason)``.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        reason = " ".join(str(reason).split())[:_MAX_REASON] or "unknown reason"
        super().__init__(str(path), reason)
        self.path = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class UnusableText(ValueError):
    """Raised inside ingest's steps; the reader turns it into an :class:`IngestError`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
