"""Convert Weibo NER (revised 2nd version) to our NER records, keeping names (.NAM) only.

Usage: python convert_weibo.py CORPUS_DIR OUT_DIR

PER.NAM→PERSON, ORG.NAM→ORG, GPE.NAM and LOC.NAM→LOC; nominal mentions (.NOM) are not names and
stay O. The trailing jieba-position digit of the character column is removed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ner_common import read_char_columns, record, tags_to_spans, write_jsonl

LABEL_MAP: dict[str, str | None] = {
    "PER.NAM": "PERSON",
    "ORG.NAM": "ORG",
    "GPE.NAM": "LOC",
    "LOC.NAM": "LOC",
}
ANNOTATES = ("PERSON", "ORG", "LOC")


def main(corpus: Path, out: Path) -> None:
    for split in ("train", "dev", "test"):
        path = corpus / f"weiboNER_2nd_conll.{split}"
        records = [
            record(
                text, tags_to_spans(tags, LABEL_MAP), source=f"weibo_{split}", annotates=ANNOTATES
            )
            for text, tags in read_char_columns(path, strip_digit=True)
        ]
        write_jsonl(out / f"weibo_{split}.jsonl", records)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
