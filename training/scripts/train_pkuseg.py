"""Clean People's Daily 1998 (PKU standard) and train a spacy_pkuseg segmentation model.

Usage: python train_pkuseg.py CORPUS_DIR WORK_DIR MODEL_DIR [--iters 20] [--max-seconds 0]
    [--threads 8]

* Clean-up as the corpus PROVENANCE says: remove the ``[``/``]`` compound-name brackets and the
  ``/%`` tag fragments, collapse whitespace. Folds cv-1..cv-4 train, cv-5 is the development set.
* Calls spacy_pkuseg's own trainer (the ADF optimiser of ``spacy_pkuseg.train``) but with our
  thread count for decoding the development set (``spacy_pkuseg.train`` hard-codes 1), saves the
  model after every iteration, and stops starting new iterations once ``--max-seconds`` would be
  exceeded (0 = run all ``--iters``).
"""

from __future__ import annotations

import argparse
import os
import re
import time
from pathlib import Path

from spacy_pkuseg.config import config
from spacy_pkuseg.data import DataSet
from spacy_pkuseg.feature_extractor import FeatureExtractor
from spacy_pkuseg.trainer import Trainer

_FRAGMENT = re.compile(r"/%")


def clean_line(line: str) -> str:
    """Remove bracket and tag residue, collapse whitespace.

    >>> clean_line("通过 [中央 人民 广播 电台] 、 腾空而起/%  。")
    '通过 中央 人民 广播 电台 、 腾空而起 。'
    """
    line = _FRAGMENT.sub("", line).replace("[", "").replace("]", "")
    return " ".join(line.split())


def write_clean(sources: list[Path], target: Path) -> int:
    n = 0
    with target.open("w", encoding="utf-8") as out:
        for src in sources:
            for raw in src.read_text(encoding="utf-8").splitlines():
                line = clean_line(raw)
                if line:
                    out.write(line + "\n")
                    n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("model", type=Path)
    parser.add_argument("--iters", type=int, default=20)
    parser.add_argument("--max-seconds", type=float, default=0)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    start = time.monotonic()
    args.work.mkdir(parents=True, exist_ok=True)
    args.model.mkdir(parents=True, exist_ok=True)
    train_file, dev_file = args.work / "train.txt", args.work / "dev.txt"
    folds = [args.corpus / f"cv-{i}-filter_test.txt" for i in range(1, 6)]
    print(
        "train lines",
        write_clean(folds[:4], train_file),
        "dev lines",
        write_clean(folds[4:], dev_file),
    )

    config.trainFile, config.testFile = str(train_file), str(dev_file)
    config.modelDir = str(args.model)
    config.nThread = args.threads
    config.init_model = None
    os.makedirs(config.outDir, exist_ok=True)
    extractor = FeatureExtractor()
    extractor.build(config.trainFile)
    extractor.save()
    extractor.convert_text_file_to_feature_file(config.trainFile, config.c_train, config.f_train)
    extractor.convert_text_file_to_feature_file(config.testFile, config.c_test, config.f_test)
    extractor.convert_feature_file_to_idx_file(
        config.f_train, config.fFeatureTrain, config.fGoldTrain
    )
    extractor.convert_feature_file_to_idx_file(config.f_test, config.fFeatureTest, config.fGoldTest)
    config.globalCheck()
    config.swLog = open(os.path.join(config.outDir, config.fLog), "w")  # noqa: SIM115
    config.swResRaw = open(os.path.join(config.outDir, config.fResRaw), "w")  # noqa: SIM115
    config.swTune = open(os.path.join(config.outDir, config.fTune), "w")  # noqa: SIM115
    trainset = DataSet.load(config.fFeatureTrain, config.fGoldTrain)
    devset = DataSet.load(config.fFeatureTest, config.fGoldTest)
    print(f"features: {len(extractor.feature_to_idx)}; setup {time.monotonic() - start:.0f} s")
    trainer = Trainer(config, trainset, extractor)
    last = 0.0
    for i in range(args.iters):
        elapsed = time.monotonic() - start
        if i and args.max_seconds and elapsed + last * 1.3 > args.max_seconds:
            print(f"time budget reached before iteration {i}")
            break
        t0 = time.monotonic()
        trainer.train_epoch()
        trainer.model.save()
        score = trainer.test(devset, i)[0]
        last = time.monotonic() - t0
        print(
            f"iter {i}: dev F {score:.2f}  ({last:.0f} s, total {time.monotonic() - start:.0f} s)"
        )


if __name__ == "__main__":
    main()
