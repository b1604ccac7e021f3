"""Train the NER pipeline (``spacy train`` with our deadline logger registered).

Usage: python train_ner.py CONFIG OUTPUT_DIR [--gpu-id N] [--override.key value ...]

Same as ``python -m spacy train CONFIG -o OUTPUT_DIR --code deadline_logger.py``, but a
:class:`TrainingDeadline` (``--training.logger.max_seconds``) ends training normally.
"""

from __future__ import annotations

import sys
from pathlib import Path

from deadline_logger import TrainingDeadline
from spacy.cli._util import parse_config_overrides
from spacy.cli.train import train


def main(argv: list[str]) -> None:
    config, output = Path(argv[0]), Path(argv[1])
    rest = argv[2:]
    gpu_id = -1
    if "--gpu-id" in rest:
        i = rest.index("--gpu-id")
        gpu_id = int(rest[i + 1])
        rest = rest[:i] + rest[i + 2 :]
    try:
        train(config, output, use_gpu=gpu_id, overrides=parse_config_overrides(rest))
    except TrainingDeadline as err:
        print(f"training deadline reached: {err}")


if __name__ == "__main__":
    main(sys.argv[1:])
