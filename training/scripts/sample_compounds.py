"""Sample what the compound-name rules of ``data/entities/patterns.yml`` find in raw news.

Runs the gazetteer-and-pattern pipeline (``hunyuan_kg.load(ner=None)``) over raw articles and
prints a random sample of compound names (an organisation's arm or product named after it:
百度资本, 理想 L9) with their label, so that a person can judge each hit. Nothing is written
to the repository; the sample goes to standard output.

usage: python scripts/sample_compounds.py RAW_DIR [--articles N] [--sample K] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import hunyuan_kg


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("--articles", type=int, default=1500)
    ap.add_argument("--sample", type=int, default=150)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rows = []
    for path in sorted(args.raw.glob("articles-*.jsonl")):
        rows += [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    random.seed(args.seed)
    texts = random.sample(rows, min(args.articles, len(rows)))
    nlp = hunyuan_kg.load(ner=None, segmenter="char")
    ruler = nlp.get_pipe("hkg_entity_ruler")
    hits = []
    for text in texts:
        text = text[:20000]
        for c in ruler._gazetteer_cands(text):
            if c.kb_id == "" and c.label in ("ORG", "PRODUCT"):
                ctx = text[max(0, c.start - 8) : c.end + 8].replace("\n", " ")
                hits.append((c.label, text[c.start : c.end], ctx))
    print(f"{len(hits)} compound names in {len(texts)} articles")
    for label, name, ctx in random.sample(hits, min(args.sample, len(hits))):
        print(f"{label}\t{name}\t{ctx}")


if __name__ == "__main__":
    main()
