"""Entity-annotated DocBins → per-character BIO (or BILUO) tags for a tagger-based NER.

Usage: python ents_to_tags.py IN.spacy [IN.spacy ...] --out OUT.spacy [--scheme bio|biluo]

Each token's ``tag_`` becomes ``B-LABEL`` / ``I-LABEL`` / ``O`` (BIO, default; BILUO keeps
``L-`` and ``U-``). Tokens whose entity annotation is *missing* (IOB unset) keep an empty
tag, which spaCy's tagger treats as missing (no loss), not as ``O``. The entities themselves
are kept, so the output also serves as a dev set for ``ents_f``. Output goes under
the git-ignored ``corpus/``: it contains corpus text and must never be committed.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training.iob_utils import doc_to_biluo_tags


def biluo_with_missing(doc: Doc) -> list[str]:
    """BILUO tags of ``doc.ents``, ``-`` where the entity annotation is missing (IOB unset).

    ``doc_to_biluo_tags`` alone turns every non-entity token into its ``missing`` value.
    """
    tags = doc_to_biluo_tags(doc, missing="O")
    return ["-" if tok.ent_iob == 0 else tag for tok, tag in zip(doc, tags, strict=True)]


def to_scheme(tag: str, scheme: str) -> str:
    """One BILUO tag in the target scheme ('' for missing).

    >>> [to_scheme(t, "bio") for t in ["U-LOC", "B-ORG", "L-ORG", "O", "-"]]
    ['B-LOC', 'B-ORG', 'I-ORG', 'O', '']
    """
    if tag == "-":
        return ""
    if scheme == "bio" and tag[:2] in ("U-", "L-"):
        return ("B-" if tag[0] == "U" else "I-") + tag[2:]
    return tag


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--scheme", choices=("bio", "biluo"), default="bio")
    args = parser.parse_args()
    nlp = spacy.blank("zh")
    out = DocBin(store_user_data=False)
    counts: Counter[str] = Counter()
    n = 0
    for path in args.inputs:
        for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
            tags = [to_scheme(t, args.scheme) for t in biluo_with_missing(doc)]
            for token, tag in zip(doc, tags, strict=True):
                if tag:
                    token.tag_ = tag
            counts.update(t[:1] if t else "missing" for t in tags)
            out.add(doc)
            n += 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    out.to_disk(args.out)
    print(f"{args.out}: {n} docs, tag prefixes {dict(counts)}")


if __name__ == "__main__":
    main()
