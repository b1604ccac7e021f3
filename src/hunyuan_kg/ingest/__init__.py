"""Ingest: files or folders of .txt, .md and .html articles → :class:`Document` objects.

>>> from hunyuan_kg.ingest import document_from_text
>>> document_from_text("腾讯发布混元。", doc_id="d1").text
'腾讯发布混元。'
"""

from hunyuan_kg.ingest.errors import IngestError, InputError
from hunyuan_kg.ingest.paths import (
    SUPPORTED_SUFFIXES,
    InputScan,
    clean_name,
    collect_paths,
    scan_inputs,
    unique_ids,
)
from hunyuan_kg.ingest.reader import document_from_text, read_document, read_documents
from hunyuan_kg.ingest.safe_read import DEFAULT_MAX_BYTES, read_input

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "IngestError",
    "InputError",
    "InputScan",
    "clean_name",
    "collect_paths",
    "document_from_text",
    "read_document",
    "read_documents",
    "read_input",
    "scan_inputs",
    "unique_ids",
]
