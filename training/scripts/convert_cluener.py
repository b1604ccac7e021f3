"""Convert CLUENER2020 (JSON Lines, inclusive end offsets) to our NER records.

Usage: python convert_cluener.py CORPUS_DIR OUT_DIR

Writes cluener_train.jsonl (training), cluener_traindev.jsonl (every 13th training text, held out
for model selection) and cluener_dev.jsonl (the official dev set, evaluation only).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ner_common import record, write_jsonl

LABEL_MAP = {
    "name": "PERSON",
    "company": "ORG",
    "organization": "ORG",
    "government": "ORG",
    "game": "PRODUCT",
    "book": "PRODUCT",
    "movie": "PRODUCT",
    "address": "LOC",
    "scene": "LOC",
    "position": "TITLE",
}
ANNOTATES = ("PERSON", "ORG", "PRODUCT", "LOC", "TITLE")
TRAINDEV_EVERY = 13


def convert_line(line: str, source: str) -> dict:
    obj = json.loads(line)
    spans = [
        (start, end + 1, LABEL_MAP[label])
        for label, entities in obj.get("label", {}).items()
        for positions in entities.values()
        for start, end in positions
    ]
    return record(obj["text"], spans, source=source, annotates=ANNOTATES)


def main(corpus: Path, out: Path) -> None:
    train_lines = (corpus / "train.json").read_text(encoding="utf-8").splitlines()
    train, traindev = [], []
    for i, line in enumerate(train_lines):
        if i % TRAINDEV_EVERY == 0:
            traindev.append(convert_line(line, "cluener_traindev"))
        else:
            train.append(convert_line(line, "cluener_train"))
    write_jsonl(out / "cluener_train.jsonl", train)
    write_jsonl(out / "cluener_traindev.jsonl", traindev)
    dev_lines = (corpus / "dev.json").read_text(encoding="utf-8").splitlines()
    write_jsonl(
        out / "cluener_dev.jsonl", (convert_line(line, "cluener_dev") for line in dev_lines)
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
