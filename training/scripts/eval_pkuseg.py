"""Word-segmentation P/R/F of a spacy_pkuseg model on a gold file (words separated by spaces).

Usage: python eval_pkuseg.py MODEL_DIR GOLD_FILE [--user-dict default|none]

>>> sorted(word_spans(["共同", "创造"]))
[(0, 2), (2, 4)]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterable
from pathlib import Path

import spacy_pkuseg


def word_spans(words: Iterable[str]) -> set[tuple[int, int]]:
    spans, pos = set(), 0
    for w in words:
        spans.add((pos, pos + len(w)))
        pos += len(w)
    return spans


def evaluate(model: str, gold_file: Path, user_dict: str | None = "default") -> dict[str, float]:
    seg = spacy_pkuseg.pkuseg(model_name=model, user_dict=user_dict)
    gold_lines = [line.split() for line in gold_file.read_text(encoding="utf-8").splitlines()]
    gold_lines = [words for words in gold_lines if words]
    correct = n_gold = n_pred = chars = 0
    start = time.perf_counter()
    for words in gold_lines:
        text = "".join(words)
        chars += len(text)
        pred = word_spans(seg.cut(text))
        gold = word_spans(words)
        correct += len(pred & gold)
        n_gold += len(gold)
        n_pred += len(pred)
    seconds = time.perf_counter() - start
    p, r = correct / n_pred, correct / n_gold
    return {
        "P": round(p, 4),
        "R": round(r, 4),
        "F": round(2 * p * r / (p + r), 4),
        "chars_per_s": round(chars / seconds),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("gold", type=Path)
    parser.add_argument("--user-dict", default="default")
    args = parser.parse_args()
    user_dict = None if args.user_dict == "none" else args.user_dict
    print(
        json.dumps(
            {
                "model": args.model,
                "user_dict": args.user_dict,
                **evaluate(args.model, args.gold, user_dict),
            }
        )
    )


if __name__ == "__main__":
    main()
