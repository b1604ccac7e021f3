"""``errors.jsonl``: one JSON object per failed document (or skipped path), sorted by id,
then one per warning of the build (``"level": "warning"``: the document was processed, but
reading it found something wrong, such as broken front matter).

>>> from hunyuan_kg.extraction import Failure
>>> errors_jsonl([Failure("b", "in/b.txt", "empty file")])
'{"doc": "b", "path": "in/b.txt", "reason": "empty file"}\\n'
>>> from hunyuan_kg.kg import BuildWarning
>>> errors_jsonl([BuildWarning("a", "a.md", "broken YAML front matter ignored")], "warning")
'{"doc": "a", "path": "a.md", "reason": "broken YAML front matter ignored", "level": "warning"}\\n'
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..fileio import atomic_write
from ..ingest.paths import clean_name

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

ERRORS_FILE = "errors.jsonl"


def _row(f: Any, level: str | None) -> str:
    row = {
        "doc": None if f.doc is None else clean_name(str(f.doc)),
        "path": None if f.path is None else clean_name(str(f.path)),
        "reason": clean_name(str(f.reason)),
    }
    if level:
        row["level"] = level
    return json.dumps(row, ensure_ascii=False) + "\n"


def errors_jsonl(failures: Iterable[Any], level: str | None = None) -> str:
    """The file's text: ``doc``, ``path`` and ``reason`` of each failure (and ``level``
    when given), UTF-8 safe (undecodable file-name bytes shown as U+FFFD)."""
    rows = sorted(failures, key=lambda f: (f.doc is None, clean_name(str(f.doc or ""))))
    return "".join(_row(f, level) for f in rows)


def write_errors_jsonl(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write ``kg.failures``, then ``kg.warnings``, to ``path`` (empty when there are
    none)."""
    atomic_write(path, errors_jsonl(kg.failures) + errors_jsonl(kg.warnings, "warning"))
