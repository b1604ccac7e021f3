"""The one guarded way to read an input file.

Every article's bytes are read here, once: regular files only (after resolving
symlinks), only inside the input roots when roots are given, the size checked with
``fstat`` before reading and at most ``max_bytes + 1`` bytes read. A FIFO, a device
(a symlink to ``/dev/zero``), a symlink loop, a file deleted or made unreadable during
the build: each is an :class:`IngestError` with a one-line reason, never a hang, a
crash or a read of the whole device.

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / "a.txt").write_bytes("正文".encode())
>>> read_input(root / "a.txt", roots=[root]).decode()
'正文'
>>> read_input(root / "a.txt", max_bytes=3)
Traceback (most recent call last):
...
hunyuan_kg.ingest.errors.IngestError: ...a.txt: too large: 6 bytes (limit 3)
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from hunyuan_kg.ingest.errors import IngestError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_CHUNK = 1 << 20
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once (and is then refused), never hangs
    | getattr(os, "O_NOFOLLOW", 0)  # the resolved path must not turn into a symlink
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def real_root(path: str | Path) -> str:
    """``path`` with every symlink resolved, as the roots are compared."""
    return os.path.realpath(os.fspath(path))


def is_within(real: str, roots: Iterable[str]) -> bool:
    """Whether the resolved path ``real`` is one of ``roots`` or below one of them."""
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def os_reason(exc: OSError) -> str:
    """A one-line reason for an OSError met while reading an input."""
    if exc.errno == errno.ELOOP:
        return "cannot read: symlink loop"
    if exc.errno == errno.ENOENT:
        return "cannot read: no such file (deleted during the build, or a broken symlink)"
    return f"cannot read: {exc.strerror or exc}"


def read_input(
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    roots: Iterable[str | Path] | None = None,
) -> bytes:
    """The bytes of the article file ``path``, or :class:`IngestError` with a reason.

    ``roots`` (folders or files) confine the read: the file, with every symlink
    resolved, must lie inside one of them; ``None`` reads wherever ``path`` leads.
    """
    shown = path
    try:
        real = os.path.realpath(os.fspath(path))
        if roots is not None and not is_within(real, [real_root(r) for r in roots]):
            raise IngestError(
                shown, "symlink to a file outside the input folders: not read (--follow-symlinks)"
            )
        fd = os.open(real, _OPEN_FLAGS)
    except OSError as exc:
        raise IngestError(shown, os_reason(exc)) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise IngestError(shown, "not a regular file")
        if info.st_size > max_bytes:
            raise IngestError(shown, f"too large: {info.st_size} bytes (limit {max_bytes})")
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise IngestError(shown, os_reason(exc)) from exc
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise IngestError(shown, f"too large: over {max_bytes} bytes (limit {max_bytes})")
    return data
