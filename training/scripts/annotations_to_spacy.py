"""Turn hand annotations of raw sentences (``training/ANNOTATION.md``) into NER training data.

Usage: python annotations_to_spacy.py DIR OUT_DIR [--model ../data/models/ner] [--dev 22,23]
    [--batches N]

Reads ``DIR/batch_NN.jsonl`` (sentences from ``sample_annotation.py``) and ``DIR/ann_NN.jsonl``
(the annotators' answers: ``{"id", "entities": [[surface, TYPE], ...]}``), finds every
occurrence of every surface in its sentence (a longer name wins over one inside it), and
writes ``OUT_DIR/train.spacy`` and ``OUT_DIR/dev.spacy`` (the batches numbered in
``--dev``; by default the last answered one; ``--batches N`` reads only batches below N) as
character-tokenised docs, tokenised like MODEL, and the dev sentences as
``OUT_DIR/dev.jsonl`` for ``evaluate_ner.py``. Annotators marked every name, so every
other character is outside a name (O), unlike the silver data's missing values.
Answers whose surface is not in the sentence or whose type is unknown are dropped and counted.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin

LABELS = {"PERSON", "ORG", "PRODUCT", "LOC", "TITLE"}


def spans_of(
    text: str, entities: list[list[str]], problems: Counter[str]
) -> list[tuple[int, int, str]]:
    """Character spans of every occurrence of the answered names, longest first, no overlaps."""
    found = []
    for surface, label in entities:
        if label not in LABELS:
            problems["unknown type"] += 1
            continue
        if not surface.strip() or surface not in text:
            problems["not in sentence"] += 1
            continue
        at = text.find(surface)
        while at >= 0:
            found.append((at, at + len(surface), label))
            at = text.find(surface, at + 1)
    kept: list[tuple[int, int, str]] = []
    for s, e, label in sorted(found, key=lambda x: (x[0] - x[1], x[0])):
        if all(e <= a or s >= b for a, b, _ in kept):
            kept.append((s, e, label))
    return sorted(kept)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--model", default=str(Path(__file__).resolve().parents[2] / "data/models/ner"))
    ap.add_argument("--dev", default="", help="batch numbers held out for dev, e.g. 22,23")
    ap.add_argument("--batches", type=int, default=None, help="read only batches below this")
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    answered = []
    numbers = []
    for ann in sorted(args.dir.glob("ann_*.jsonl")):
        number = int(ann.stem.split("_")[1])
        if args.batches is not None and number >= args.batches:
            continue
        numbers.append(number)
        texts = {}
        for line in (args.dir / ann.name.replace("ann_", "batch_")).open(encoding="utf-8"):
            row = json.loads(line)
            texts[row["id"]] = row["text"]
        rows = [json.loads(line) for line in ann.open(encoding="utf-8") if line.strip()]
        answered.append([(texts[r["id"]], r["entities"]) for r in rows if r["id"] in texts])
    problems: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    args.out.mkdir(parents=True, exist_ok=True)
    held = {int(n) for n in args.dev.split(",") if n} or {numbers[-1]}
    train = [b for n, b in zip(numbers, answered, strict=True) if n not in held]
    dev = [b for n, b in zip(numbers, answered, strict=True) if n in held]
    for name, batches in (("train", train), ("dev", dev)):
        db = DocBin(store_user_data=False)
        chars = 0
        for text, entities in (item for batch in batches for item in batch):
            doc = nlp.make_doc(text)
            ents = []
            for s, e, label in spans_of(text, entities, problems):
                span = doc.char_span(s, e, label=label, alignment_mode="expand")
                if span is None or any(span.start < x.end and x.start < span.end for x in ents):
                    problems["unaligned"] += 1
                    continue
                ents.append(span)
                labels[label] += 1
            doc.set_ents(ents, default="outside")
            db.add(doc)
            chars += len(text)
        db.to_disk(args.out / f"{name}.spacy")
        if name == "dev":
            with (args.out / "dev.jsonl").open("w", encoding="utf-8") as f:
                for doc in db.get_docs(nlp.vocab):
                    spans = [[e.start_char, e.end_char, e.label_] for e in doc.ents]
                    record = {
                        "text": doc.text,
                        "spans": spans,
                        "missing": [],
                        "source": "annotated",
                        "annotates": sorted(LABELS),
                    }
                    f.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{name}: {len(db)} sentences, {chars} chars")
    print("entities:", dict(labels), "dropped:", dict(problems))


if __name__ == "__main__":
    main()
