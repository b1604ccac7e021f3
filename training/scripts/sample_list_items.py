"""Sample the names that enumeration typing adds (``list_items`` in
``data/entities/patterns.yml``) on raw news, so that a person can judge each hit.

Runs the gazetteer-and-pattern pipeline twice per article, with and without the list rule,
and prints a random sample of the entities only the rule found, with their context. Nothing
is written to the repository.

usage: python scripts/sample_list_items.py RAW_DIR [--articles N] [--sample K] [--seed S]
"""

from __future__ import annotations

from raw_sample import parse_args, print_sample, sample_texts

import hunyuan_kg
from hunyuan_kg.pipeline.entity_ruler import EntityRuler


def main() -> None:
    args = parse_args(__doc__ or "", articles=800)
    texts = sample_texts(args)
    nlp = hunyuan_kg.load(ner=None, segmenter="char")
    rule = EntityRuler._list_cands
    hits = []
    for text in texts:
        with_rule = {(e.start_char, e.end_char, e.label_) for e in nlp(text).ents}
        EntityRuler._list_cands = lambda self, text, chosen: []  # type: ignore[method-assign]
        without = {(e.start_char, e.end_char) for e in nlp(text).ents}
        EntityRuler._list_cands = rule  # type: ignore[method-assign]
        for start, end, label in sorted(with_rule):
            if (start, end) not in without:
                ctx = text[max(0, start - 10) : end + 10].replace("\n", " ")
                hits.append((label, text[start:end], ctx))
    print_sample(hits, args, f"names added by enumeration typing in {len(texts)} articles")


if __name__ == "__main__":
    main()
