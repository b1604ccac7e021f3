"""Sample raw tech-news sentences with two or more named entities for relation annotation.

Usage: python sample_relation_annotation.py RAW.jsonl [RAW.jsonl ...] --out DIR [--articles 1000]
    [--sentences 3200] [--batches 8] [--seed 21] [--exclude DIR ...] [--cue REGEX]

Random articles of the raw corpus are read by the default pipeline (``hunyuan_kg.load()``);
every sentence in which it finds at least two people, organisations or products is a
candidate, at most three per article, and none that shares a 10-character run with a file
under ``--exclude`` (the evaluation articles); with ``--cue``, only sentences that match it
(a round aimed at relation types the earlier batches hold few of). Writes
``DIR/rbatch_NN.jsonl``, one ``{"id", "text", "entities": [[index, text, label, offset],
...]}`` per line, for the annotators, who
follow ``training/RELATIONS.md`` and write ``DIR/rel_NN.jsonl``; ``train_relations.py``
learns the pair classifier from them. Run again with another ``--seed`` for more: sentences
already in ``DIR/rbatch_*.jsonl`` are not drawn again, and the new batches and ids follow the
old ones. The raw corpus is training-only: batches and answers stay under the ignored
``training/output/``.
"""

from __future__ import annotations

import random
import re

from sample_annotation import sampler_input, sampler_parser, shingles, write_batches

import hunyuan_kg
from hunyuan_kg.pipeline.relation_model import LABELS

PER_ARTICLE = 3


def main() -> None:
    ap = sampler_parser(__doc__ or "", sentences=3200, seed=21)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--cue", type=re.compile, default=re.compile(""))
    args = ap.parse_args()
    banned, rows, done = sampler_input(args, "rbatch")
    seen = {row["text"] for row in done[1]}
    rng = random.Random(args.seed)
    rows = rng.sample(rows, min(args.articles, len(rows)))
    nlp = hunyuan_kg.load()
    texts = ((row["title"] + "\n" + row["text"])[:60000] for row in rows)
    candidates: list[dict] = []
    for doc in nlp.pipe(texts, batch_size=16):
        found = []
        for sent in doc.sents:
            ents = [e for e in sent.ents if e.label_ in LABELS]
            text = sent.text.strip()
            if len({e.text for e in ents}) < 2 or len(text) > 200 or text in seen:
                continue
            if not args.cue.search(text):
                continue
            if shingles(text) & banned:
                continue
            shift = sent.text.index(text)
            found.append(
                {
                    "text": text,
                    "entities": [
                        [i, e.text, e.label_, e.start_char - sent.start_char - shift]
                        for i, e in enumerate(ents)
                    ],
                }
            )
        candidates += rng.sample(found, min(PER_ARTICLE, len(found)))
    chosen = rng.sample(candidates, min(args.sentences, len(candidates)))
    write_batches(args.out, "rbatch", chosen, args.batches, done)
    print(f"{len(chosen)} sentences of {len(candidates)} candidates")


if __name__ == "__main__":
    main()
