"""Precision and recall of ``hkg_relations`` on hand-annotated raw sentences: the rules
alone, and the rules with the learned pair classifier at several thresholds.

Usage: python evaluate_relations.py DIR --batches 6,7 [--model MODEL.json]

Reads ``DIR/rbatch_NN.jsonl`` and ``DIR/rel_NN.jsonl`` (``sample_relation_annotation.py``,
``training/RELATIONS.md``) and runs the relation component on each sentence with the
annotated sentence's entities. A predicted relation is right when its type, head and tail
(either way round for competes_with) are an annotated relation; ``partners_with``, which the
pipeline does not emit, is left out of the gold, and so are predicted relations to an entity
the sentence does not name (a maker the name rules take from the gazetteer: Google for
Google Translate), which the annotators could not mark. Use batches the model was not trained
on.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import spacy

from hunyuan_kg.pipeline.relation_model import PairModel
from hunyuan_kg.pipeline.relations import lexicon

SYMMETRIC = lexicon().symmetric  # as hunyuan-kg evaluate compares them


def key(kind: str, head: str, tail: str) -> tuple[str, str, str]:
    if kind in SYMMETRIC:
        head, tail = sorted((head, tail))
    return kind, head, tail


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--batches", required=True)
    ap.add_argument("--model", type=Path)
    args = ap.parse_args()
    rows, answers = [], []
    for b in (int(x) for x in args.batches.split(",")):
        rows += [
            json.loads(line) for line in (args.dir / f"rbatch_{b:02d}.jsonl").open(encoding="utf-8")
        ]
        answers += [
            json.loads(line) for line in (args.dir / f"rel_{b:02d}.jsonl").open(encoding="utf-8")
        ]
    model = PairModel.load(args.model) if args.model else PairModel.default()
    nlp = spacy.blank("zh")
    nlp.add_pipe("hkg_sentences")
    relations = nlp.add_pipe("hkg_relations", config={"learned": False})
    gold: set[tuple[int, tuple[str, str, str]]] = set()
    for n, (row, ans) in enumerate(zip(rows, answers, strict=True)):
        names = [e[1] for e in row["entities"]]
        gold |= {
            (n, key(r[1], names[r[0]], names[r[2]]))
            for r in ans["relations"]
            if r[1] != "partners_with"
        }
    variants: list[tuple[str, float | None]] = [("rules", None)]
    variants += [(f"rules + learned ≥ {t:.2f}", t) for t in (0.35, 0.5, 0.6, 0.7, 0.8, 0.9)]
    for name, threshold in variants:
        relations.model = (
            None
            if threshold is None
            else PairModel(model.classes, model.bias, model.index, model.weights, threshold)
        )
        pred: set[tuple[int, tuple[str, str, str]]] = set()
        for n, row in enumerate(rows):
            doc = nlp.make_doc(row["text"])
            spans = []
            for _, text, label, offset in row["entities"]:
                span = doc.char_span(offset, offset + len(text), label)
                if span is not None and not any(
                    s.start < span.end and span.start < s.end for s in spans
                ):
                    spans.append(span)
            doc.ents = sorted(spans, key=lambda s: s.start)
            for _, proc in nlp.pipeline:
                doc = proc(doc)
            names = {e[1] for e in row["entities"]}
            pred |= {
                (n, key(r.type, r.head.text, r.tail.text))
                for r in doc._.relations
                if r.head.text in names and r.tail.text in names
            }
        right = len(pred & gold)
        print(
            f"{name:26s} predicted {len(pred):5d} right {right:5d} "
            f"precision {right / max(len(pred), 1):.3f} recall {right / max(len(gold), 1):.3f}"
        )


if __name__ == "__main__":
    main()
