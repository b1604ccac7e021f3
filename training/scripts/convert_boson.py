"""Convert the held-out part of BosonNLP NER 6C to evaluation records. NEVER used for training.

Usage: python convert_boson.py CORPUS_DIR OUT_DIR

BosonNLP's licence forbids redistribution and commercial use, so it is evaluation data only. The
held-out part is fixed: paragraphs on 0-based lines 0, 5, 10, ... (every line number divisible by
5, i.e. 400 of 2,000 paragraphs); no other line is converted. Paragraphs are split into sentences
(also at literal ``\\n`` sequences). person_name→PERSON, org_name and company_name→ORG,
product_name→PRODUCT, location→LOC; time is not one of our labels and is dropped.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ner_common import record, split_sentences, write_jsonl

HELDOUT_EVERY = 5
LABEL_MAP = {
    "person_name": "PERSON",
    "org_name": "ORG",
    "company_name": "ORG",
    "product_name": "PRODUCT",
    "location": "LOC",
    "time": None,
}
ANNOTATES = ("PERSON", "ORG", "PRODUCT", "LOC")
_DOUBLED = re.compile(r"\{\{(\w+):\{\{\1:([^{}]*)\}\}\}\}")
_ENTITY = re.compile(r"\{\{(\w+):([^{}]*)\}\}")


def parse_paragraph(line: str) -> tuple[str, list[tuple[int, int, str]]]:
    line = _DOUBLED.sub(r"{{\1:\2}}", line)
    text_parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    length = 0
    for m in _ENTITY.finditer(line):
        before = line[pos : m.start()]
        text_parts.append(before)
        length += len(before)
        entity = m.group(2)
        label = LABEL_MAP[m.group(1)]
        if label:
            spans.append((length, length + len(entity), label))
        text_parts.append(entity)
        length += len(entity)
        pos = m.end()
    text_parts.append(line[pos:])
    return "".join(text_parts), spans


def main(corpus: Path, out: Path) -> None:
    lines = (corpus / "BosonNLP_NER_6C.txt").read_text(encoding="utf-8").splitlines()
    records = []
    for i, line in enumerate(lines):
        if i % HELDOUT_EVERY:
            continue
        for chunk in line.split("\\n"):
            text, spans = parse_paragraph(chunk)
            text = text.replace("\xa0", " ")
            for sent, sent_spans in split_sentences(text, spans):
                records.append(
                    record(sent, sent_spans, source=f"boson_line{i}", annotates=ANNOTATES)
                )
    write_jsonl(out / "boson_heldout.jsonl", records)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
