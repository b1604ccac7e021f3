"""spaCy training logger that stops training cleanly after a wall-clock budget.

Registered as ``hunyuan.DeadlineLogger.v1``: it logs like ``spacy.ConsoleLogger.v1`` and, at the
first evaluation checkpoint after ``max_seconds`` (0 = no limit), raises :class:`TrainingDeadline`.
spaCy then saves ``model-last`` (``model-best`` is already saved at each improving checkpoint) and
``train_ner.py`` exits normally. Used because one command on the training machine may run at most
10 minutes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import IO, Any

import spacy
from spacy.training.loggers import console_logger


class TrainingDeadline(RuntimeError):
    """Raised by the logger when the wall-clock budget is spent."""


@spacy.registry.loggers("hunyuan.DeadlineLogger.v1")
def deadline_logger(max_seconds: float = 0) -> Callable[..., Any]:
    console = console_logger(progress_bar=False)

    def setup(
        nlp: Any, stdout: IO[str], stderr: IO[str]
    ) -> tuple[Callable[..., None], Callable[[], None]]:
        log_step, finalize = console(nlp, stdout, stderr)
        start = time.monotonic()

        def step(info: dict[str, Any] | None) -> None:
            log_step(info)
            if info is not None and max_seconds and time.monotonic() - start > max_seconds:
                raise TrainingDeadline(f"stopped after {time.monotonic() - start:.0f} s")

        return step, finalize

    return setup
