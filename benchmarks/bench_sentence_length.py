"""Extraction time against the length of one unbroken sentence (issue 15).

A hostile article is one line with no sentence end: ``腾讯发布混元大模型，`` repeated. Before
sentences were capped (``hkg_sentences``, ``MAX_SENTENCE``), events and relations were
quadratic in the sentence length (10k characters 7.6 s, 120k 448 s). This prints the time
per character of the whole pipeline (each component timed) at each length, and the ratio
of the time per character at the longest length to that at 10k characters, which must
stay at or below 2 for linear time. Run from the repository root::

    .venv/bin/python benchmarks/bench_sentence_length.py                 # light pipeline
    .venv/bin/python benchmarks/bench_sentence_length.py --default --lengths 10000 100000
"""

from __future__ import annotations

import argparse
import time

import hunyuan_kg
from hunyuan_kg.extraction import make_doc
from hunyuan_kg.ingest import document_from_text

UNIT = "腾讯发布混元大模型，"


def run(nlp, n_chars: int) -> tuple[float, dict[str, float]]:
    """Seconds for the whole pipeline over one sentence of ``n_chars``, and per component."""
    text = UNIT * (n_chars // len(UNIT))
    t = time.perf_counter()
    doc = make_doc(nlp, document_from_text(text, doc_id="long"))
    stages: dict[str, float] = {"tokenizer": time.perf_counter() - t}
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        doc = proc(doc)
        stages[name] = time.perf_counter() - t
    return sum(stages.values()), stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--default", action="store_true", help="the default (shipped) pipeline")
    args = parser.parse_args()
    nlp = hunyuan_kg.load() if args.default else hunyuan_kg.load(segmenter="char", ner=None)
    nlp.max_length = max(nlp.max_length, max(args.lengths) + 1)
    run(nlp, 1_000)  # warm up (lexicons, caches)
    per_char: dict[int, float] = {}
    print(f"{'chars':>9} {'seconds':>8} {'us/char':>8}  slowest components")
    for n in args.lengths:
        total, stages = run(nlp, n)
        per_char[n] = total / n
        top = sorted(stages.items(), key=lambda kv: -kv[1])[:3]
        shown = ", ".join(f"{k} {v:.2f}s" for k, v in top)
        print(f"{n:>9} {total:>8.2f} {per_char[n] * 1e6:>8.1f}  {shown}", flush=True)
    first, last = min(per_char), max(per_char)
    ratio = per_char[last] / per_char[first]
    print(f"time per character at {last} / at {first}: {ratio:.2f} (linear: <= 2)")


if __name__ == "__main__":
    main()
