"""Run the shipped NER model over the raw corpus and write where it finds names.

Writes one JSON line per article, in corpus order: ``{"article": i, "spans": [[start, end,
label], ...]}`` with character offsets into the article's text (offsets and labels only,
no corpus text). The model reads one paragraph (line) at a time, as ``hkg_ner`` does in a
build. The mining scripts read this file to learn how the model itself types a string
across the corpus (``mine_person_lookalikes.py --ner-spans``). About 12 minutes on two
cores with ``--jobs 2``.

usage: python scripts/ner_corpus_spans.py RAW_DIR OUT.jsonl [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from raw_sample import article_texts

Span = tuple[int, int, str]


def _paragraphs(texts: list[str]) -> Iterator[tuple[str, tuple[int, int]]]:
    """Each non-blank line of each text, with (article, offset of the line)."""
    for k, text in enumerate(texts):
        offset = 0
        for line in text.split("\n"):
            if line.strip():
                yield line, (k, offset)
            offset += len(line) + 1


def _spans(args: tuple[Path, int, int]) -> dict[int, list[Span]]:
    """The spans of every ``jobs``-th article of the corpus, from article ``part`` on."""
    from hunyuan_kg.pipeline.ner import load_ner_model

    raw, part, jobs = args
    nlp = load_ner_model("hunyuan_kg")
    ids = []
    texts = []
    for i, text in enumerate(article_texts(raw)):
        if i % jobs == part:
            ids.append(i)
            texts.append(text)
    out: dict[int, list[Span]] = {i: [] for i in ids}
    for doc, (k, offset) in nlp.pipe(_paragraphs(texts), as_tuples=True, batch_size=64):
        out[ids[k]] += [(e.start_char + offset, e.end_char + offset, e.label_) for e in doc.ents]
    return out


def read_spans(path: Path) -> dict[int, list[Span]]:
    """The file this script writes, as {article index: spans}."""
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            out[row["article"]] = [(s, e, label) for s, e, label in row["spans"]]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    spans: dict[int, list[Span]] = {}
    with ProcessPoolExecutor(args.jobs) as pool:
        for part in pool.map(_spans, [(args.raw, p, args.jobs) for p in range(args.jobs)]):
            spans.update(part)
    with args.out.open("w", encoding="utf-8") as fh:
        for i in sorted(spans):
            fh.write(json.dumps({"article": i, "spans": spans[i]}) + "\n")
    print(f"{sum(map(len, spans.values()))} spans in {len(spans)} articles -> {args.out}")


if __name__ == "__main__":
    main()
