"""Turn command-line paths (files and folders) into a sorted list of article files.

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> for name in ["b/x.md", "a/x.txt", "a/.hidden.txt", "a/notes.csv"]:
...     (root / name).parent.mkdir(parents=True, exist_ok=True)
...     _ = (root / name).write_text("正文", encoding="utf-8")
>>> [p.relative_to(root).as_posix() for p in collect_paths([root])]
['a/x.txt', 'b/x.md']
>>> sorted(unique_ids(collect_paths([root])).values())
['a/x', 'b/x']
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from hunyuan_kg.ingest.errors import InputError

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
HTML_SUFFIXES = frozenset({".html", ".htm"})


def is_supported(path: Path) -> bool:
    """Whether ``path`` has one of the article suffixes (case-insensitive)."""
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def _walk(root: Path) -> Iterable[Path]:
    """Supported, non-hidden files under ``root``; hidden folders are not entered."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder, name)
            if not name.startswith(".") and is_supported(path):
                yield path


def collect_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Article files named by ``paths``: files as given, folders searched recursively.

    Only ``.txt``, ``.md``, ``.markdown``, ``.html`` and ``.htm`` files are kept; hidden
    files and folders (names starting with ``.``) inside folders are skipped. The result
    is sorted and free of duplicates, whatever the order of ``paths``.

    Raises :class:`InputError` for a missing or unreadable path, a named file of another
    type, or when no article file is found at all.
    """
    found: dict[Path, Path] = {}
    given = [Path(p) for p in paths]
    if not given:
        raise InputError("no input paths given")
    for path in given:
        if not path.exists():
            raise InputError(f"no such file or folder: {path}")
        if not os.access(path, os.R_OK):
            raise InputError(f"cannot read: {path} (permission denied)")
        if path.is_dir():
            candidates: Iterable[Path] = _walk(path)
        elif is_supported(path):
            candidates = [path]
        else:
            wanted = ", ".join(sorted(SUPPORTED_SUFFIXES))
            raise InputError(f"not an article file: {path} (expected one of {wanted})")
        for candidate in candidates:
            found.setdefault(candidate.resolve(), candidate)
    if not found:
        shown = ", ".join(str(p) for p in given[:3]) + (" …" if len(given) > 3 else "")
        raise InputError(f"no .txt, .md or .html articles found in {shown}")
    return sorted(found.values(), key=lambda p: (p.as_posix(), str(p.resolve())))


def unique_ids(paths: Iterable[str | Path]) -> dict[Path, str]:
    """A distinct document id per path: the file stem, with parent folders on collision.

    Colliding stems get as many parent folder names (joined with ``/``) as it takes to
    tell them apart; if that is not enough the suffix is kept, and a last resort adds
    ``#2``, ``#3`` … in sorted order.

    >>> ids = unique_ids(["news/a.txt", "blog/a.txt", "news/b.md"])
    >>> ids[Path("news/a.txt")], ids[Path("blog/a.txt")], ids[Path("news/b.md")]
    ('news/a', 'blog/a', 'b')
    >>> sorted(unique_ids(["x/a.txt", "x/a.md"]).values())
    ['x/a.md', 'x/a.txt']
    """
    unique = sorted({Path(p) for p in paths}, key=lambda p: p.as_posix())
    ids = {path: _candidate(path, 0) for path in unique}
    depth = 0
    while True:
        groups = _collisions(ids)
        if not groups:
            return ids
        depth += 1
        for group in groups:
            for path in group:
                ids[path] = _candidate(path, depth)
        if depth > max(len(p.parts) for p in unique) + 1:
            break
    for group in _collisions(ids):
        for number, path in enumerate(group[1:], start=2):
            ids[path] = f"{ids[path]}#{number}"
    return ids


def _candidate(path: Path, depth: int) -> str:
    """Stem plus ``depth`` parent names; past the last parent, the full name."""
    parents = [part for part in path.parent.parts if part not in ("/", "", ".", "..")]
    if depth <= len(parents):
        return "/".join([*parents[len(parents) - depth :], path.stem])
    return "/".join([*parents, path.name])


def _collisions(ids: dict[Path, str]) -> list[list[Path]]:
    by_id: dict[str, list[Path]] = defaultdict(list)
    for path, doc_id in ids.items():
        by_id[doc_id].append(path)
    return [group for group in by_id.values() if len(group) > 1]
