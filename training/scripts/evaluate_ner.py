"""Per-label P/R/F of an NER pipeline on our JSONL evaluation records, plus speed.

Usage: python evaluate_ner.py MODEL_DIR EVAL.jsonl [EVAL.jsonl ...] [--out scores.json]

Exact-match scoring on character offsets. Only the labels an evaluation set annotates (its
``annotates`` field) are scored on it; predictions of other labels are ignored there. "overall"
is micro-averaged over the scored labels, "overall_no_title" the same without TITLE.

>>> prf(8, 10, 10)
{'p': 0.8, 'r': 0.8, 'f': 0.8, 'n_gold': 10}
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

import spacy
from ner_common import read_jsonl


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "n_gold": n_gold}


def score(nlp: spacy.language.Language, records: list[dict[str, Any]]) -> dict[str, Any]:
    scored = set(records[0]["annotates"]) & set(nlp.meta["labels"]["ner"])
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    start = time.perf_counter()
    docs = list(nlp.pipe((r["text"] for r in records), batch_size=256))
    seconds = time.perf_counter() - start
    for rec, doc in zip(records, docs, strict=True):
        gold = {(s, e, lab) for s, e, lab in rec["spans"] if lab in scored}
        pred = {
            (ent.start_char, ent.end_char, ent.label_) for ent in doc.ents if ent.label_ in scored
        }
        for *_, lab in gold:
            n_gold[lab] += 1
        for s, e, lab in pred:
            n_pred[lab] += 1
            if (s, e, lab) in gold:
                tp[lab] += 1
    out: dict[str, Any] = {lab: prf(tp[lab], n_pred[lab], n_gold[lab]) for lab in sorted(scored)}
    out["overall"] = prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    no_title = [lab for lab in scored if lab != "TITLE"]
    out["overall_no_title"] = prf(
        sum(tp[x] for x in no_title),
        sum(n_pred[x] for x in no_title),
        sum(n_gold[x] for x in no_title),
    )
    chars = sum(len(r["text"]) for r in records)
    out["chars_per_s"] = round(chars / seconds)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("evals", nargs="+", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    t0 = time.perf_counter()
    nlp = spacy.load(args.model)
    results: dict[str, Any] = {"model": args.model, "load_s": round(time.perf_counter() - t0, 2)}
    for path in args.evals:
        results[path.stem] = score(nlp, read_jsonl(path))
        res = results[path.stem]
        per = "  ".join(f"{k} {v['f']:.3f}" for k, v in res.items() if isinstance(v, dict))
        print(f"{args.model} {path.stem}: {per}  ({res['chars_per_s']} chars/s)")
    if args.out:
        args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
