"""Shared helpers for the NER corpus converters and the corpus builder.

Every converter writes JSON Lines records of the form::

    {"text": "...", "spans": [[start, end, "LABEL"], ...], "missing": [[start, end], ...],
     "source": "msra_val", "annotates": ["PERSON", "ORG", "LOC"]}

with 0-based, end-exclusive character offsets. ``missing`` marks stretches whose annotation is
unknown (spaCy's missing-value annotation); ``annotates`` lists the labels the corpus annotates.

>>> tags_to_spans(["B-PER", "I-PER", "O", "S-ORG"], {"PER": "PERSON", "ORG": "ORG"})
[(0, 2, 'PERSON'), (3, 4, 'ORG')]
>>> to_halfwidth("１９９８年ＡＢ，")
'1998年AB，'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

LABELS = ("PERSON", "ORG", "PRODUCT", "LOC", "TITLE")

# Full-width digits and Latin letters only (1:1, offsets unchanged); full-width punctuation such as
# ，（）： is normal in Chinese text and is kept.
_HALFWIDTH = {
    cp: cp - 0xFEE0
    for cp in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
}
_SENT_END = re.compile(r"[。！？!?；;]+[”」』）)]*")

Span = tuple[int, int, str]


def to_halfwidth(text: str) -> str:
    """Map full-width digits and Latin letters to ASCII (same length)."""
    return text.translate(_HALFWIDTH)


def tags_to_spans(tags: list[str], label_map: dict[str, str | None]) -> list[Span]:
    """Decode BIO / BIOES / BMES / BIEOS tags into (start, end, label) spans.

    Tags whose type maps to ``None`` or is absent from ``label_map`` are dropped (read as O).
    Malformed sequences are repaired leniently: an I/M/E without a matching open span starts one.
    """
    spans: list[Span] = []
    start, cur = -1, ""

    def close(end: int) -> None:
        nonlocal start, cur
        if start >= 0 and label_map.get(cur):
            spans.append((start, end, str(label_map[cur])))
        start, cur = -1, ""

    for i, tag in enumerate(tags):
        prefix, _, typ = tag.partition("-")
        if tag == "O" or not typ:
            close(i)
        elif prefix in ("B", "S", "U"):
            close(i)
            start, cur = i, typ
            if prefix in ("S", "U"):
                close(i + 1)
        elif prefix in ("I", "M", "E", "L"):
            if typ != cur:
                close(i)
                start, cur = i, typ
            if prefix in ("E", "L"):
                close(i + 1)
        else:
            close(i)
    close(len(tags))
    return spans


def read_char_columns(path: Path, *, strip_digit: bool = False) -> Iterator[tuple[str, list[str]]]:
    """Read one-character-per-line files (char, whitespace, tag; blank line between sentences)."""
    chars: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if chars:
                    yield "".join(chars), tags
                chars, tags = [], []
                continue
            if line[0] in " \t" and len(line.split()) == 1:  # the character itself is a space
                char, tag = " ", line.split()[0]
            else:
                char, tag = line.split()[0], line.split()[-1]
            if strip_digit and len(char) > 1 and char[-1].isdigit():
                char = char[:-1]
            chars.append(char[:1] or " ")
            tags.append(tag)
    if chars:
        yield "".join(chars), tags


def clean_spans(text: str, spans: Iterable[Span]) -> list[Span]:
    """Trim whitespace from span edges, drop empty and overlapping spans (first wins)."""
    out: list[Span] = []
    last_end = -1
    for start, end, label in sorted(spans):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end or start < last_end:
            continue
        out.append((start, end, label))
        last_end = end
    return out


def split_sentences(
    text: str, spans: list[Span], *, min_len: int = 8
) -> list[tuple[str, list[Span]]]:
    """Split a paragraph after sentence-final punctuation, never inside a span."""
    cuts = [m.end() for m in _SENT_END.finditer(text)]
    cuts = [c for c in cuts if not any(s < c < e for s, e, _ in spans)]
    pieces: list[tuple[str, list[Span]]] = []
    prev = 0
    for cut in [*cuts, len(text)]:
        if cut - prev < min_len and cut != len(text):
            continue
        piece = text[prev:cut]
        lead = len(piece) - len(piece.lstrip())
        piece_text = piece.strip()
        if piece_text:
            offset = prev + lead
            pieces.append(
                (
                    piece_text,
                    [
                        (s - offset, e - offset, lab)
                        for s, e, lab in spans
                        if prev <= s and e <= cut
                    ],
                )
            )
        prev = cut
    return pieces


def record(
    text: str,
    spans: Iterable[Span],
    *,
    source: str,
    annotates: Iterable[str],
    missing: Iterable[tuple[int, int]] = (),
) -> dict[str, Any]:
    """Build one JSONL record (spans cleaned and sorted)."""
    return {
        "text": text,
        "spans": [list(s) for s in clean_spans(text, spans)],
        "missing": [list(m) for m in missing],
        "source": source,
        "annotates": sorted(annotates),
    }


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    """Write records, return how many were written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    print(f"{path}: {n} records")
    return n


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read JSON Lines records."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
