"""Distillation data: raw tech-news sentences labelled by the shipped NER model (the teacher).

Usage:
    python distill_silver.py RAW_DIR --out train.spacy --dev-out dev.spacy
        [--chars 3000000] [--dev-chars 150000] [--teacher ../data/models/ner] [--seed 0]

Reads the articles of the raw corpus folder (``shared/corpora/zh-tech-news-raw``) in a seeded
random order, cuts them into sentences of 12-250 characters and labels every
sentence with the teacher alone (``data/models/ner``: all its labels, PERSON, ORG, PRODUCT,
LOC and TITLE; every other character is outside). A student trained on these labels learns
to read as the teacher reads, at the student's speed (``project.yml``: ``distill-silver``,
``tags-distill``, ``train-ner-distilled``). The dev set comes from articles the training set
does not use, so its scores measure agreement with the teacher on unseen text.

The outputs are spaCy DocBins under the git-ignored ``corpus/``: they contain corpus text and
must never be committed.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import spacy
from ner_common import split_sentences
from raw_sample import article_texts
from spacy.tokens import DocBin

from hunyuan_kg.pipeline.ner import load_ner_model


def sentences(articles: list[str]) -> Iterator[str]:
    """The 12-250 character sentences of ``articles``, each once."""
    seen: set[str] = set()
    for article in articles:
        for para in article.split("\n"):
            for sent, _ in split_sentences(para, []):
                if 12 <= len(sent) <= 250 and sent not in seen:
                    seen.add(sent)
                    yield sent


def label(teacher: spacy.language.Language, texts: Iterator[str], chars: int) -> DocBin:
    """The teacher's entities on ``texts`` until ``chars`` characters, as a DocBin of
    character-tokenized Docs (blank ``zh``, like the NER training corpora)."""
    blank = spacy.blank("zh")
    db = DocBin(store_user_data=False)
    total, labels = 0, Counter[str]()
    for tdoc in teacher.pipe(texts, batch_size=64):
        doc = blank.make_doc(tdoc.text)
        ents = [doc.char_span(e.start_char, e.end_char, label=e.label_) for e in tdoc.ents]
        doc.set_ents([e for e in ents if e is not None], default="outside")
        db.add(doc)
        labels.update(e.label_ for e in doc.ents)
        total += len(doc.text)
        if total >= chars:
            break
    print(f"  {len(db)} sentences, {total} chars, entities {dict(labels)}")
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--dev-out", type=Path, required=True)
    parser.add_argument("--chars", type=int, default=3_000_000)
    parser.add_argument("--dev-chars", type=int, default=150_000)
    parser.add_argument("--teacher", type=Path, default=Path("../data/models/ner"))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    start = time.perf_counter()
    articles = list(article_texts(args.raw))
    random.Random(args.seed).shuffle(articles)
    held = len(articles) // 20  # the dev set's articles: never read for training
    teacher = load_ner_model(str(args.teacher))  # NumPy's BLAS, as the pipeline runs it
    for out, part, chars in (
        (args.dev_out, articles[:held], args.dev_chars),
        (args.out, articles[held:], args.chars),
    ):
        print(out)
        db = label(teacher, sentences(part), chars)
        out.parent.mkdir(parents=True, exist_ok=True)
        db.to_disk(out)
    print(f"{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
