"""The shipped NER model with thinc's default CPU matrix product (blis) vs NumPy's BLAS.

Run from the repository root::

    .venv/bin/python benchmarks/bench_ner_ops.py [--copies 10] [--repeat 3]

Loads ``data/models/ner`` twice, once as spaCy does by default and once under
``thinc.api.use_ops("numpy", use_blis=False)`` (what :func:`hunyuan_kg.pipeline.ner.load_ner_model`
does on the CPU), runs both over ``--copies`` copies of the ``data/sample`` texts in
alternation, and prints characters per second for each, their ratio, and whether the two give
the same entities. The BLAS thread count of the process is printed too (set
``OPENBLAS_NUM_THREADS=1`` to measure one worker's case).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy
from thinc.api import use_ops
from threadpoolctl import threadpool_info

from hunyuan_kg.ingest import collect_paths, read_document
from hunyuan_kg.resources import data_path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [read_document(p).text for p in collect_paths([ROOT / "data" / "sample"])]
    texts *= args.copies
    chars = sum(map(len, texts))
    path = data_path("models", "ner")
    models = {"blis (thinc default)": spacy.load(path)}
    with use_ops("numpy", use_blis=False):
        models["numpy BLAS"] = spacy.load(path)
    blas = [(p["internal_api"], p["num_threads"]) for p in threadpool_info()]
    print(f"{len(texts)} texts, {chars:,} characters; BLAS pools: {blas}")
    best: dict[str, float] = {}
    ents: dict[str, list[list[tuple[int, int, str]]]] = {}
    for _ in range(args.repeat):
        for name, nlp in models.items():
            start = time.perf_counter()
            docs = list(nlp.pipe(texts, batch_size=64))
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - start)
            ents[name] = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs]
    for name, seconds in best.items():
        print(f"{name:22s} {chars / seconds:10,.0f} chars/s (best of {args.repeat})")
    default, fast = best.values()
    print(f"ratio numpy / blis: {default / fast:.2f}x")
    print("same entities:", len(set(map(str, ents.values()))) == 1)


if __name__ == "__main__":
    main()
