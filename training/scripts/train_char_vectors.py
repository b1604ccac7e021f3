"""Train static character vectors on raw tech news, for the NER's ``include_static_vectors``.

The NER tokenizes Chinese text into characters (spaCy's ``char`` segmenter: every non-space
character is a token, Latin letters included), so its static vectors are character vectors.
This script writes the raw corpus as one line of space-separated characters per paragraph
(a temporary file, deleted afterwards), trains fastText skip-gram vectors on it with floret
(``mode="fasttext"``, no subwords: a character has none), and writes them in word2vec text
format for ``spacy init vectors``. Only vectors are written, never corpus text.

usage: python scripts/train_char_vectors.py RAW_DIR OUT.vec [--dim 100] [--epoch 5]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import floret
from raw_sample import article_texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--epoch", type=int, default=5)
    ap.add_argument("--window", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as tmp:
        for text in article_texts(args.raw):
            for line in text.splitlines():
                chars = [c for c in line if not c.isspace()]
                if len(chars) >= 2:
                    tmp.write(" ".join(chars) + "\n")
        tmp.flush()
        model = floret.train_unsupervised(
            tmp.name,
            model="skipgram",
            mode="fasttext",
            dim=args.dim,
            epoch=args.epoch,
            ws=args.window,
            minCount=args.min_count,
            minn=0,
            maxn=0,
            thread=args.threads,
            verbose=0,
        )
    words = model.get_words()
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write(f"{len(words)} {args.dim}\n")
        for w in words:
            vec = " ".join(f"{x:.5f}" for x in model.get_word_vector(w))
            fh.write(f"{w} {vec}\n")


if __name__ == "__main__":
    main()
