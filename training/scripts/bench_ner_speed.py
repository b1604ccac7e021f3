"""Usage: python bench_ner_speed.py RAW.jsonl N_ARTICLES ROUNDS MODEL [MODEL ...]

chars/s of nlp.pipe(texts, batch_size=32), models interleaved, loaded like hkg_ner does."""

import json
import sys
import time

import spacy
from thinc.api import use_ops

import hunyuan_kg.pipeline.tagged_ents  # noqa: F401

raw, n_articles, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
models = sys.argv[4:]
texts = []
with open(raw, encoding="utf-8") as f:
    for line in f:
        if line.strip():
            texts.append(json.loads(line)["text"])
texts = texts[-n_articles:]
chars = sum(map(len, texts))
print(f"{len(texts)} articles, {chars} chars")
nlps = {}
for m in models:
    with use_ops("numpy", use_blis=False):
        nlps[m] = spacy.load(m)
    keep = ("tok2vec", "tagger", "ner")
    nlps[m].select_pipes(enable=[p for p in nlps[m].pipe_names if p in keep])
    list(nlps[m].pipe(texts[:4], batch_size=32))  # warm-up
res = {m: [] for m in models}
for r in range(rounds):
    for m in models:
        t = time.perf_counter()
        n_ents = sum(len(d.ents) for d in nlps[m].pipe(texts, batch_size=32))
        s = time.perf_counter() - t
        res[m].append(chars / s)
        print(f"round {r} {m}: {chars / s:,.0f} chars/s ({s:.1f} s, {n_ents} ents)", flush=True)
for m in models:
    v = sorted(res[m])
    print(f"{m}: median {v[len(v) // 2]:,.0f} chars/s, all {[round(x) for x in res[m]]}")
