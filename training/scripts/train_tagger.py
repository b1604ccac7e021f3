"""Train the tagger-based NER student (``config_tagger.cfg``) with ``train_ner.py``'s deadline.

Usage: python train_tagger.py CONFIG OUTPUT_DIR [--override.key value ...]

Imports ``hunyuan_kg.pipeline.tagged_ents`` so that the ``hkg_tags_to_ents`` factory is
registered, then runs :func:`train_ner.main`.
"""

from __future__ import annotations

import sys

from train_ner import main

import hunyuan_kg.pipeline.tagged_ents  # noqa: F401  (registers hkg_tags_to_ents)

if __name__ == "__main__":
    main(sys.argv[1:])
