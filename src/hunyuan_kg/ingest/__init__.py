"""Ingest: files or folders of .txt, .md and .html articles → :class:`Document` objects.

>>> from hunyuan_kg.ingest import document_from_text
>>> document_from_text("腾讯发布混元。", doc_id="d1").text
'腾讯发布混元。'
"""

from hunyuan_kg.ingest.errors import IngestError, InputError
from hunyuan_kg.ingest.paths import SUPPORTED_SUFFIXES, collect_paths, unique_ids
from hunyuan_kg.ingest.reader import (
    DEFAULT_MAX_BYTES,
    document_from_text,
    read_document,
    read_documents,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "IngestError",
    "InputError",
    "collect_paths",
    "document_from_text",
    "read_document",
    "read_documents",
    "unique_ids",
]
