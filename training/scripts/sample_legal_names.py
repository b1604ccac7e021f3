"""Sample what the registered-company-name patterns of ``data/entities/patterns.yml`` find
in raw news (北京某某科技有限公司, 某某（杭州）科技有限公司).

Runs the pattern matcher of ``hkg_entity_ruler`` over raw articles and prints a random sample
of the names that end in a legal form (``legal_forms``) with their context, so that a person
can judge each hit. Nothing is written to the repository; the sample goes to standard output.

usage: python scripts/sample_legal_names.py RAW_DIR [--articles N] [--sample K] [--seed S]
"""

from __future__ import annotations

from raw_sample import parse_args, print_sample, sample_texts

import hunyuan_kg
from hunyuan_kg.resources import data_path, read_yaml


def main() -> None:
    args = parse_args(__doc__ or "", articles=6500)
    texts = sample_texts(args)
    forms = tuple(read_yaml(data_path("entities", "patterns.yml"))["legal_forms"])
    nlp = hunyuan_kg.load(ner=None, segmenter="char")
    ruler = nlp.get_pipe("hkg_entity_ruler")
    hits = []
    for text in texts:
        for c in ruler._pattern_cands(text):
            name = text[c.start : c.end]
            if c.label == "ORG" and name.endswith(forms):
                ctx = text[max(0, c.start - 8) : c.end + 8].replace("\n", " ")
                hits.append((c.label, name, ctx))
    print_sample(hits, args, f"registered company names in {len(texts)} articles")


if __name__ == "__main__":
    main()
