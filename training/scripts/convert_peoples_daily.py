"""Convert the People's Daily NER dev/test split (zjy-ucas) to our NER records.

Usage: python convert_peoples_daily.py CORPUS_DIR OUT_DIR

Both splits are used for training/model selection (pd_test.jsonl trains, pd_dev.jsonl selects);
sentences shared with the MSRA sample are removed later by build_ner_corpus.py. Every second
sentence is mapped to half-width digits/letters.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ner_common import read_char_columns, record, tags_to_spans, to_halfwidth, write_jsonl

LABEL_MAP: dict[str, str | None] = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
ANNOTATES = ("PERSON", "ORG", "LOC")


def main(corpus: Path, out: Path) -> None:
    for split in ("dev", "test"):
        records = []
        for i, (text, tags) in enumerate(read_char_columns(corpus / f"example.{split}")):
            spans = tags_to_spans(tags, LABEL_MAP)
            norm = to_halfwidth(text) if i % 2 else text
            records.append(record(norm, spans, source=f"pd_{split}", annotates=ANNOTATES))
        write_jsonl(out / f"pd_{split}.jsonl", records)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
