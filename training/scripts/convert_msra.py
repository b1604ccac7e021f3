"""Convert MSRA NER (SIGHAN 2006) to our NER records.

Usage: python convert_msra.py CORPUS_DIR OUT_DIR

Writes msra_val.jsonl (the 3,000-sentence sample of the MSRA training set: training data) and
msra_test.jsonl (the official test set: evaluation only, text kept as published). MSRA writes digits
and Latin letters full-width; every second training sentence is mapped to half-width so the model
sees both forms.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ner_common import read_char_columns, record, tags_to_spans, to_halfwidth, write_jsonl

LABEL_MAP: dict[str, str | None] = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
ANNOTATES = ("PERSON", "ORG", "LOC")


def main(corpus: Path, out: Path) -> None:
    sentences = (corpus / "val" / "sentences.txt").read_text(encoding="utf-8").splitlines()
    tag_lines = (corpus / "val" / "tags.txt").read_text(encoding="utf-8").splitlines()
    val = []
    for i, (sent, tags) in enumerate(zip(sentences, tag_lines, strict=True)):
        chars, tag_list = sent.split(" "), tags.split()
        if len(chars) != len(tag_list):
            continue
        text = "".join(chars)
        if i % 2:
            text = to_halfwidth(text)
        val.append(
            record(text, tags_to_spans(tag_list, LABEL_MAP), source="msra_val", annotates=ANNOTATES)
        )
    write_jsonl(out / "msra_val.jsonl", val)
    write_jsonl(
        out / "msra_test.jsonl",
        (
            record(text, tags_to_spans(tags, LABEL_MAP), source="msra_test", annotates=ANNOTATES)
            for text, tags in read_char_columns(corpus / "msra_test_bio")
        ),
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
