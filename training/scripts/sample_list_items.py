"""Sample the names that enumeration typing adds (``list_items`` in
``data/entities/patterns.yml``) on raw news, so that a person can judge each hit.

Runs the gazetteer-and-pattern pipeline twice per article, with and without the list rule,
and prints a random sample of the entities only the rule found, with their context. Nothing
is written to the repository.

usage: python scripts/sample_list_items.py RAW_DIR [--articles N] [--sample K] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import hunyuan_kg
from hunyuan_kg.pipeline.entity_ruler import EntityRuler


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("--articles", type=int, default=800)
    ap.add_argument("--sample", type=int, default=150)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rows = []
    for path in sorted(args.raw.glob("articles-*.jsonl")):
        rows += [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    random.seed(args.seed)
    texts = random.sample(rows, min(args.articles, len(rows)))
    nlp = hunyuan_kg.load(ner=None, segmenter="char")
    rule = EntityRuler._list_cands
    hits = []
    for text in texts:
        text = text[:20000]
        with_rule = {(e.start_char, e.end_char, e.label_) for e in nlp(text).ents}
        EntityRuler._list_cands = lambda self, text, chosen: []  # type: ignore[method-assign]
        without = {(e.start_char, e.end_char) for e in nlp(text).ents}
        EntityRuler._list_cands = rule  # type: ignore[method-assign]
        for start, end, label in sorted(with_rule):
            if (start, end) not in without:
                ctx = text[max(0, start - 10) : end + 10].replace("\n", " ")
                hits.append((label, text[start:end], ctx))
    print(f"{len(hits)} names added by enumeration typing in {len(texts)} articles")
    for label, name, ctx in random.sample(hits, min(args.sample, len(hits))):
        print(f"{label}\t{name}\t{ctx}")


if __name__ == "__main__":
    main()
