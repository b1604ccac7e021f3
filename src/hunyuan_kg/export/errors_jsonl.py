"""``errors.jsonl``: one JSON object per failed document (or skipped path), sorted by id.

>>> from hunyuan_kg.extraction import Failure
>>> errors_jsonl([Failure("b", "in/b.txt", "empty file")])
'{"doc": "b", "path": "in/b.txt", "reason": "empty file"}\\n'
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


def errors_jsonl(failures: Iterable[Any]) -> str:
    """The file's text: ``doc``, ``path`` and ``reason`` of each failure, UTF-8 safe
    (undecodable file-name bytes shown as U+FFFD)."""
    rows = sorted(failures, key=lambda f: clean_name(str(f.doc)))
    return "".join(
        json.dumps(
            {
                "doc": clean_name(str(f.doc)),
                "path": None if f.path is None else clean_name(str(f.path)),
                "reason": clean_name(str(f.reason)),
            },
            ensure_ascii=False,
        )
        + "\n"
        for f in rows
    )


def write_errors_jsonl(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write ``kg.failures`` to ``path`` (empty when nothing failed)."""
    atomic_write(path, errors_jsonl(kg.failures))
