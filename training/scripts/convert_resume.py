"""Convert Resume NER (Zhang & Yang 2018, BMES) to our NER records.

Usage: python convert_resume.py CORPUS_DIR OUT_DIR

NAME→PERSON, ORG→ORG, TITLE→TITLE, LOC→LOC. CONT (nationality such as 中国国籍) is marked as
missing annotation (it contains a place name that other corpora label LOC); EDU, PRO and RACE are
not names and stay O.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ner_common import read_char_columns, record, tags_to_spans, write_jsonl

LABEL_MAP: dict[str, str | None] = {"NAME": "PERSON", "ORG": "ORG", "TITLE": "TITLE", "LOC": "LOC"}
ANNOTATES = ("PERSON", "ORG", "LOC", "TITLE")


def main(corpus: Path, out: Path) -> None:
    for split in ("train", "dev", "test"):
        records = []
        for text, tags in read_char_columns(corpus / f"{split}.char.bmes"):
            spans = tags_to_spans(tags, LABEL_MAP)
            missing = [(s, e) for s, e, _ in tags_to_spans(tags, {"CONT": "CONT"})]
            records.append(
                record(text, spans, source=f"resume_{split}", annotates=ANNOTATES, missing=missing)
            )
        write_jsonl(out / f"resume_{split}.jsonl", records)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
