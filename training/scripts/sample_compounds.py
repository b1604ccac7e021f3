"""Sample what the compound-name rules of ``data/entities/patterns.yml`` find in raw news.

Runs the gazetteer-and-pattern pipeline (``hunyuan_kg.load(ner=None)``) over raw articles and
prints a random sample of compound names (an organisation's arm or product named after it:
百度资本, 理想 L9) with their label, so that a person can judge each hit. Nothing is written
to the repository; the sample goes to standard output.

usage: python scripts/sample_compounds.py RAW_DIR [--articles N] [--sample K] [--seed S]
"""

from __future__ import annotations

from raw_sample import parse_args, print_sample, sample_texts

import hunyuan_kg


def main() -> None:
    args = parse_args(__doc__ or "", articles=1500)
    texts = sample_texts(args)
    nlp = hunyuan_kg.load(ner=None, segmenter="char")
    ruler = nlp.get_pipe("hkg_entity_ruler")
    hits = []
    for text in texts:
        for c in ruler._gazetteer_cands(text):
            if c.kb_id == "" and c.label in ("ORG", "PRODUCT"):
                ctx = text[max(0, c.start - 8) : c.end + 8].replace("\n", " ")
                hits.append((c.label, text[c.start : c.end], ctx))
    print_sample(hits, args, f"compound names in {len(texts)} articles")


if __name__ == "__main__":
    main()
