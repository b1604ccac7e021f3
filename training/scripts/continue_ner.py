"""Continue training a saved NER pipeline for a wall-clock budget (resume after a time limit).

Usage: python continue_ner.py MODEL_DIR TRAIN.spacy DEV.spacy OUT_DIR [--seconds 200]
    [--learn-rate 0.001] [--batch-chars 1000] [--eval-every 400] [--gpu-id -1] [--seed 0]
    [--extra-train SILVER.spacy ...] [--keep best|last]

Loads MODEL_DIR, resumes training on TRAIN.spacy (shuffled, batches of about ``--batch-chars``
characters, dropout 0.1) and keeps the version with the best dev entity F in OUT_DIR (checked every
``--eval-every`` steps and at the end). ``--extra-train`` adds more training files (e.g. silver
data from ``make_silver.py``), mixed into the same shuffled epochs. ``--keep last`` saves the
latest checkpoint at every evaluation instead of the best one (for training on data whose
domain the dev set does not represent). Used because one command on the training machine may run
at most 10 minutes; ``spacy train`` cannot resume a run.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training import Example


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("train", type=Path)
    parser.add_argument("dev", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seconds", type=float, default=200)
    parser.add_argument("--learn-rate", type=float, default=0.001)
    parser.add_argument("--batch-chars", type=int, default=1000)
    parser.add_argument("--eval-every", type=int, default=400)
    parser.add_argument("--gpu-id", type=int, default=-1, help="GPU to train on (-1: CPU)")
    parser.add_argument("--seed", type=int, default=0, help="shuffling seed")
    parser.add_argument("--extra-train", type=Path, action="append", default=[])
    parser.add_argument("--keep", choices=("best", "last"), default="best")
    args = parser.parse_args()
    start = time.monotonic()
    if args.gpu_id >= 0:
        spacy.require_gpu(args.gpu_id)
    nlp = spacy.load(args.model)
    train = [
        Example(nlp.make_doc(d.text), d)
        for path in (args.train, *args.extra_train)
        for d in DocBin().from_disk(path).get_docs(nlp.vocab)
    ]
    print(f"{len(train)} training docs, {sum(len(eg.reference) for eg in train)} chars")
    dev = [
        Example(nlp.make_doc(d.text), d) for d in DocBin().from_disk(args.dev).get_docs(nlp.vocab)
    ]
    optimizer = nlp.resume_training()
    optimizer.learn_rate = args.learn_rate
    rng = random.Random(args.seed)

    def dev_f() -> float:
        return float(nlp.evaluate(dev)["ents_f"])

    args.out.mkdir(parents=True, exist_ok=True)
    best = dev_f()
    print(f"start dev F {best:.4f}")
    nlp.to_disk(args.out)
    step, epoch = 0, 0
    while time.monotonic() - start < args.seconds:
        rng.shuffle(train)
        batch: list[Example] = []
        size = 0
        for eg in train:
            batch.append(eg)
            size += len(eg.reference)
            if size < args.batch_chars:
                continue
            nlp.update(batch, drop=0.1, sgd=optimizer)
            batch, size = [], 0
            step += 1
            out_of_time = time.monotonic() - start >= args.seconds
            if step % args.eval_every == 0 or out_of_time:
                score = dev_f()
                elapsed = time.monotonic() - start
                print(f"epoch {epoch} step {step} dev F {score:.4f} ({elapsed:.0f} s)")
                if score > best or args.keep == "last":
                    best = max(best, score)
                    nlp.to_disk(args.out)
            if out_of_time:
                break
        epoch += 1
    print(f"best dev F {best:.4f}")


if __name__ == "__main__":
    main()
