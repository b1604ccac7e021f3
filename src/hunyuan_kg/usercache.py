"""A per-user cache of objects that are slow to build from the data files.

Building the gazetteer's alias index takes about 0.7 s in every process (each ``--jobs``
worker included); unpickling it takes under 0.1 s. :func:`cached` builds an object once
for a given content of its source files *and* of the package's code, pickles it under
:func:`cache_dir` and reads it back in later processes. A change to any source file or
to any module of the package gives a new key, so a stale object is never read, and an
unreadable, corrupt or unwritable cache only means building again.

The folder is ``$HUNYUAN_KG_CACHE`` when set (``off`` turns the cache off), else
``$XDG_CACHE_HOME/hunyuan_kg`` or ``~/.cache/hunyuan_kg``. As with any pickle cache, it
must not be writable by other users.

>>> import tempfile, os
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> source = folder / "words.txt"
>>> _ = source.write_text("a b c", encoding="utf-8")
>>> os.environ["HUNYUAN_KG_CACHE"] = str(folder / "cache")
>>> cached("words", [source], lambda: source.read_text(encoding="utf-8").split())
['a', 'b', 'c']
>>> len(list((folder / "cache").glob("words-*.pickle")))
1
>>> del os.environ["HUNYUAN_KG_CACHE"]
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TypeVar

from .fileio import atomic_write

T = TypeVar("T")

_PACKAGE = Path(__file__).parent
_OFF = ("", "off", "0", "no", "false")


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off (``HUNYUAN_KG_CACHE=off``)."""
    configured = os.environ.get("HUNYUAN_KG_CACHE")
    if configured is not None:
        return None if configured.strip().lower() in _OFF else Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hunyuan_kg"


def _add_file(h: hashlib._Hash, name: str, path: Path) -> None:
    h.update(name.encode() + b"\0")
    h.update(hashlib.sha256(path.read_bytes()).digest())


def tree_digest(root: Path, pattern: str) -> str:
    """A hex digest of the names and bytes of the files under ``root`` that match
    ``pattern`` (``*.py``: the package's code)."""
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob(pattern) if p.is_file()):
        _add_file(h, path.relative_to(root).as_posix(), path)
    return h.hexdigest()


@cache
def _code_digest() -> str:
    return tree_digest(_PACKAGE, "*.py")


def _key(name: str, sources: Iterable[Path]) -> str:
    h = hashlib.sha256(f"{name}\0{_code_digest()}\0{pickle.HIGHEST_PROTOCOL}".encode())
    for path in sorted(sources):
        _add_file(h, path.name, path)
    return h.hexdigest()[:32]


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or what it returned in an earlier process for the same content of
    ``sources`` and of the package's code."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{_key(name, sources)}.pickle"
    try:
        with path.open("rb") as fh:
            obj: T = pickle.load(fh)
        return obj
    except Exception:  # missing, truncated or foreign: build it again
        pass
    obj = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(path, pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)  # built by other code or data: never read again
    except OSError:
        pass  # a read-only home: no cache, same result
    return obj
