"""Sample the relations of one type that the default pipeline reads on raw news, so that a
person can judge each hit.

Runs ``hunyuan_kg.load()`` over random articles of the raw corpus and prints a random sample
of the relations of ``--type`` (head, tail, role, and the sentence up to 120 characters
around the cue). Nothing is written to the repository.

usage: python scripts/sample_relations.py RAW_DIR --type invests_in [--articles N]
[--sample K] [--seed S]
"""

from __future__ import annotations

import sys

from raw_sample import parse_args, print_sample, sample_texts

import hunyuan_kg


def main() -> None:
    rel_type = sys.argv.pop(sys.argv.index("--type") + 1)
    sys.argv.remove("--type")
    args = parse_args(__doc__ or "", articles=300)
    texts = sample_texts(args)
    nlp = hunyuan_kg.load()
    hits = []
    for doc in nlp.pipe(texts):
        text = doc.text
        for r in doc._.relations:
            if r.type != rel_type:
                continue
            start, end = r.sentence
            left = max(start, min(r.head.start, r.tail.start) - 30)
            right = min(end, max(r.head.end, r.tail.end) + 30)
            ctx = text[left:right].replace("\n", " ")
            hits.append((f"{r.head.text} → {r.tail.text}", r.role, ctx))
    print_sample(hits, args, f"{rel_type} relations in {len(texts)} articles")


if __name__ == "__main__":
    main()
