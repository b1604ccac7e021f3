"""Locate and load the data files (gazetteers, lexicons, date patterns, models).

Language lives in data files; this module is the one small loader for them. In a
wheel the files sit in ``hunyuan_kg/_data``; in a source checkout they are read
from the repository's ``data/`` folder.

>>> from hunyuan_kg.resources import data_path
>>> data_path("gazetteers").is_dir()
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .usercache import cached

_PACKAGED = Path(__file__).parent / "_data"
_SOURCE = Path(__file__).resolve().parents[2] / "data"


@cache
def data_root() -> Path:
    """The folder that holds the package's data files."""
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE


def data_path(*parts: str) -> Path:
    """Path of a data file or folder, e.g. ``data_path("events", "zh.yml")``."""
    return data_root().joinpath(*parts)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal ``words``, longest first (so 发布会 wins over 发布).

    >>> alternation(["发布", "发布会"])
    '发布会|发布'
    """
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


#: libyaml's safe loader when PyYAML was built with it (about 10x faster), else PyYAML's.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """Parse one YAML file (UTF-8); the package's own data files are parsed once per
    content and read back from the user cache after that (:mod:`hunyuan_kg.usercache`)."""
    resolved, root = path.resolve(), data_root().resolve()
    if not resolved.is_relative_to(root):
        return _parse_yaml(path)
    name = "yaml-" + re.sub(r"[^A-Za-z0-9]+", "_", resolved.relative_to(root).as_posix())
    return cached(name, [path], lambda: _parse_yaml(path))


def _parse_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_YAML_LOADER)  # a safe loader: no arbitrary objects


def read_tsv(path: Path) -> Iterator[list[str]]:
    """Yield the tab-separated fields of each line of a UTF-8 table, skipping blank lines
    and ``#`` comments (large mined lexicons: plain tables load far faster than YAML)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a JSON-lines file, skipping blank lines."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
