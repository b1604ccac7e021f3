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

import errno
import os
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import overload

from hunyuan_kg.ingest.errors import InputError
from hunyuan_kg.ingest.safe_read import is_within, os_reason
from hunyuan_kg.listlike import ListLike

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def is_supported(path: Path) -> bool:
    """Whether ``path`` has one of the article suffixes (case-insensitive)."""
    return path.suffix.lower() in SUPPORTED_SUFFIXES


class PackedStrings(Sequence[str]):
    """Strings packed in one buffer (UTF-8, any surrogate kept) with where each ends: a
    byte or three per character and eight per string, where a str object costs some 50
    bytes more and a Path several hundred. A str is made on access.

    >>> names = PackedStrings(["a/x.md", "b/时间.txt", ""])
    >>> len(names), names[1], list(names[1:])
    (3, 'b/时间.txt', ['b/时间.txt', ''])
    """

    def __init__(self, strings: Iterable[str]) -> None:
        data = bytearray()
        self._ends = array("Q")
        for text in strings:
            data += text.encode("utf-8", "surrogatepass")
            self._ends.append(len(data))
        self._data = bytes(data)

    def __len__(self) -> int:
        return len(self._ends)

    def _at(self, i: int) -> str:
        start = self._ends[i - 1] if i else 0
        return self._data[start : self._ends[i]].decode("utf-8", "surrogatepass")

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self._at(i) for i in range(*index.indices(len(self)))]
        i = index + len(self) if index < 0 else index
        if not 0 <= i < len(self):
            raise IndexError("PackedStrings index out of range")
        return self._at(i)

    def __iter__(self) -> Iterator[str]:
        return (self._at(i) for i in range(len(self)))


class InputFiles(ListLike[Path]):
    """Article files, in order, kept as :class:`PackedStrings` (:attr:`texts`, each
    ``str`` of its Path); a Path is made on access."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self.texts = PackedStrings(str(p) for p in paths)

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> Path: ...

    @overload
    def __getitem__(self, index: slice) -> list[Path]: ...

    def __getitem__(self, index: int | slice) -> Path | list[Path]:
        if isinstance(index, slice):
            return [Path(t) for t in self.texts[index]]
        return Path(self.texts[index])

    def __iter__(self) -> Iterator[Path]:
        return (Path(t) for t in self.texts)

    def __repr__(self) -> str:
        return f"InputFiles({len(self)} files)"


class InputItems(Sequence[tuple[str, str]]):
    """The ``(path, document id)`` of each of a scan's files, in its order (ids of
    :func:`unique_ids`), packed as the files are: what a build extracts, a pair made on
    access."""

    def __init__(self, files: InputFiles) -> None:
        ids = unique_ids(files)
        self.paths = files.texts
        self.ids = PackedStrings(ids[p] for p in files)

    def __len__(self) -> int:
        return len(self.paths)

    @overload
    def __getitem__(self, index: int) -> tuple[str, str]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[str, str]]: ...

    def __getitem__(self, index: int | slice) -> tuple[str, str] | list[tuple[str, str]]:
        if isinstance(index, slice):
            return list(zip(self.paths[index], self.ids[index], strict=True))
        return (self.paths[index], self.ids[index])

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return zip(self.paths, self.ids, strict=True)


@dataclass(slots=True)
class InputScan:
    """What :func:`scan_inputs` found: the article files (packed: :class:`InputFiles`),
    the paths it skipped with a one-line reason (symlinks out of the roots, broken or
    looping symlinks, unreadable folders), and the resolved roots that reading is confined
    to (None: not confined)."""

    files: InputFiles = field(default_factory=lambda: InputFiles(()))
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    roots: list[str] | None = None

    def items(self) -> InputItems:
        """The ``(path, document id)`` of every file, in order, to be extracted."""
        return InputItems(self.files)


def clean_name(text: str) -> str:
    """``text`` with undecodable file-name bytes (surrogates) and control characters (a
    tab or newline in a file name) replaced by U+FFFD.

    >>> import os
    >>> clean_name(os.fsdecode(b"a\\xb0\\xff.txt")) == "a\\ufffd\\ufffd.txt"
    True
    """
    try:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return _CONTROL.sub("\ufffd", text)


class _Walker:
    def __init__(self, roots: list[str], follow: bool, exclude: set[str]) -> None:
        self.roots = roots
        self.follow = follow
        self.exclude = exclude
        self.skipped: list[tuple[Path, str]] = []

    def walk(self, root: Path) -> Iterator[Path]:
        """Supported, non-hidden files under ``root``; hidden folders are not entered,
        nor symlinked folders (unless following symlinks, each real folder once)."""
        stack = [root]
        seen = {os.path.realpath(root)}
        while stack:
            folder = stack.pop()
            try:
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                self.skipped.append((folder, f"cannot read folder: {exc.strerror or exc}"))
                continue
            subfolders = []
            for entry in entries:
                path = Path(folder, entry.name)
                if entry.name.startswith(".") or os.path.realpath(path) in self.exclude:
                    continue
                try:
                    link, is_dir = entry.is_symlink(), entry.is_dir()
                except OSError:
                    link, is_dir = True, False
                if is_dir:
                    real = os.path.realpath(path)
                    if link and not self.follow:
                        if not is_within(real, self.roots):
                            self.skipped.append(
                                (
                                    path,
                                    "symlink to a folder outside the inputs: not followed "
                                    "(--follow-symlinks)",
                                )
                            )
                        continue  # inside the roots it is read where it points
                    if real not in seen:
                        seen.add(real)
                        subfolders.append(path)
                elif is_supported(path):
                    if link and (reason := self._link_problem(path)):
                        self.skipped.append((path, reason))
                    else:
                        yield path
            stack.extend(reversed(subfolders))

    def _link_problem(self, path: Path) -> str | None:
        """Why the file symlink ``path`` is not read, or None if it is."""
        try:
            os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "symlink loop"
            if exc.errno == errno.ENOENT:
                return "broken symlink (its target does not exist)"
            return os_reason(exc)
        if not self.follow and not is_within(os.path.realpath(path), self.roots):
            return "symlink to a file outside the input folders: not read (--follow-symlinks)"
        return None


def scan_inputs(
    paths: Iterable[str | Path],
    *,
    follow_symlinks: bool = False,
    exclude: Iterable[str | Path] = (),
) -> InputScan:
    """Article files named by ``paths``: files as given, folders searched recursively.

    Only ``.txt``, ``.md``, ``.markdown``, ``.html`` and ``.htm`` files are kept; hidden
    files and folders (names starting with ``.``) inside folders are skipped, and so are
    the ``exclude`` paths found inside them (a build's output folder and files). The files
    are sorted and free of duplicates, whatever the order of ``paths``.

    The given paths are the roots (symlinks among them resolved). A symlink found inside
    a folder is followed only when its target lies inside a root, unless
    ``follow_symlinks``; skipped symlinks, broken or looping ones and unreadable folders
    are listed in ``skipped`` with a reason.

    Raises :class:`InputError` for a missing or unreadable path, a named file of another
    type, or when no article file (and nothing skipped) is found at all.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    given = [Path(p) for p in paths]
    if not given:
        raise InputError("no input paths given")
    for path in given:
        if not str(path).strip():
            raise InputError("an empty path was given (use '.' for the current folder)")
    roots = [os.path.realpath(p) for p in given]
    walker = _Walker(roots, follow_symlinks, {os.path.realpath(p) for p in exclude})
    found: dict[str, Path] = {}
    for path in given:
        if not path.exists():
            raise InputError(f"no such file or folder: {path}")
        if not os.access(path, os.R_OK):
            raise InputError(f"cannot read: {path} (permission denied)")
        if path.is_dir():
            candidates: Iterable[Path] = walker.walk(path)
        elif is_supported(path):
            candidates = [path]
        else:
            wanted = ", ".join(sorted(SUPPORTED_SUFFIXES))
            raise InputError(f"not an article file: {path} (expected one of {wanted})")
        for candidate in candidates:
            found.setdefault(os.path.realpath(candidate), candidate)
    skipped = sorted(dict.fromkeys(walker.skipped), key=lambda s: s[0].as_posix())
    if not found and not skipped:
        shown = ", ".join(str(p) for p in given[:3]) + (" …" if len(given) > 3 else "")
        raise InputError(f"no .txt, .md or .html articles found in {shown}")
    files = sorted(found.values(), key=lambda p: (p.as_posix(), os.path.realpath(p)))
    return InputScan(InputFiles(files), skipped, None if follow_symlinks else roots)


def collect_paths(
    paths: Iterable[str | Path],
    *,
    follow_symlinks: bool = False,
    exclude: Iterable[str | Path] = (),
) -> list[Path]:
    """The article files of :func:`scan_inputs` (skipped paths are left out)."""
    return list(scan_inputs(paths, follow_symlinks=follow_symlinks, exclude=exclude).files)


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
    """Stem plus ``depth`` parent names; past the last parent, the full name (undecodable
    bytes of a file name shown as U+FFFD)."""
    parents = [part for part in path.parent.parts if part not in ("/", "", ".", "..")]
    if depth <= len(parents):
        return clean_name("/".join([*parents[len(parents) - depth :], path.stem]))
    return clean_name("/".join([*parents, path.name]))


def _collisions(ids: dict[Path, str]) -> list[list[Path]]:
    by_id: dict[str, list[Path]] = defaultdict(list)
    for path, doc_id in ids.items():
        by_id[doc_id].append(path)
    return [group for group in by_id.values() if len(group) > 1]
