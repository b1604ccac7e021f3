"""Distant supervision: label raw tech-news sentences with the project's own pipeline (silver data).

Usage:
    python make_silver.py RAW.jsonl [RAW.jsonl ...] --out silver.spacy [--chars 1500000]
        [--unlabelled hybrid|outside|missing] [--ner hunyuan_kg|none] [--seed 0]
        [--exclude-ids ids.txt]

Reads articles (JSONL, field ``text``; the raw corpus in ``shared/corpora/zh-tech-news-raw``),
visits them in a seeded random order and runs ``hunyuan_kg.load(segmenter="char")`` restricted to
the sentence splitter, the statistical NER (``--ner``; PERSON and LOC only, as the shipped
pipeline takes them) and the entity ruler (gazetteer + name patterns, which also filters
statistical people and propagates a name through its article). The PERSON, ORG, PRODUCT and LOC
entities of each sentence become the silver annotation; any other label (EVENT) is marked as
missing. Characters outside entities are handled by ``--unlabelled``:

* ``outside``: O everywhere;
* ``missing``: missing everywhere (only sentences with at least one entity are kept);
* ``hybrid`` (default): O, except stretches the project's machinery often misses, which are
  missing: runs of Latin letters/digits containing a letter, quoted names (《》「」“” up to
  20 characters) and the 2-6 Chinese characters before an organisation suffix (科技, 集团 …).

Sentences without any entity are kept with probability ``--empty-ratio``.
Sentences of 12-250 characters are kept until ``--chars`` characters are collected. Documents are
character-tokenized (blank ``zh``), like the NER training corpora. The output is a spaCy DocBin
to be written under the git-ignored ``corpus/``: it contains corpus text and must never be
committed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter
from pathlib import Path

import spacy
from ner_common import split_sentences
from spacy.tokens import Doc, DocBin

import hunyuan_kg

LABELS = ("PERSON", "ORG", "PRODUCT", "LOC")
_LATIN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.\-+_ ]*[0-9A-Za-z]|[A-Za-z]")
_QUOTED = re.compile(r"[《「“]([^《》「」“”\n]{1,20})[》」”]")
_ORG_SUFFIX = re.compile(
    r"[\u4e00-\u9fff]{2,6}(?=(?:科技|集团|资本|创投|基金|汽车|股份|银行|证券|控股|公司|"
    r"研究院|实验室|大学|电子|半导体|智能|网络|传媒|事业部|动力|能源))"
)
Span = tuple[int, int, str]


def likely_missed(text: str) -> list[tuple[int, int]]:
    """Stretches that may be names the labelling machinery does not know."""
    out = [m.span() for m in _LATIN.finditer(text) if re.search(r"[A-Za-z]", m.group())]
    out += [m.span(1) for m in _QUOTED.finditer(text)]
    out += [m.span() for m in _ORG_SUFFIX.finditer(text)]
    return out


def make_doc(
    nlp: spacy.language.Language, text: str, spans: list[Span], unlabelled: str
) -> Doc | None:
    """A character-tokenized Doc with entities and missing stretches; None if nothing fits."""
    doc = nlp.make_doc(text)
    ents, missing = [], []
    for s, e, lab in spans:
        span = doc.char_span(s, e, label=lab if lab in LABELS else "")
        if span is None:
            return None
        (ents if lab in LABELS else missing).append(span)
    taken = {i for sp in ents + missing for i in range(sp.start, sp.end)}
    if unlabelled == "missing":
        missing += [doc[i : i + 1] for i in range(len(doc)) if i not in taken]
    elif unlabelled == "hybrid":
        for s, e in likely_missed(text):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and not taken.intersection(range(span.start, span.end)):
                missing.append(span)
                taken.update(range(span.start, span.end))
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", type=Path, nargs="+")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--chars", type=int, default=1_500_000)
    parser.add_argument("--unlabelled", choices=("hybrid", "outside", "missing"), default="hybrid")
    parser.add_argument("--ner", default="hunyuan_kg", help="statistical model, or 'none'")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--empty-ratio",
        type=float,
        default=0.3,
        help="share of sentences without any entity that are kept (hybrid/outside)",
    )
    parser.add_argument("--exclude-ids", type=Path, help="article ids to skip, one a line")
    args = parser.parse_args()
    start = time.perf_counter()
    exclude = set()
    if args.exclude_ids:
        exclude = set(args.exclude_ids.read_text(encoding="utf-8").split())
    articles = [
        json.loads(line)
        for path in args.raw
        for line in path.open(encoding="utf-8")
        if line.strip()
    ]
    articles = [a for a in articles if a.get("id") not in exclude]
    rng = random.Random(args.seed)
    rng.shuffle(articles)
    pipe = hunyuan_kg.load(ner=None if args.ner == "none" else args.ner, segmenter="char")
    keep = [p for p in ("hkg_sentences", "hkg_ner", "hkg_entity_ruler") if p in pipe.pipe_names]
    blank = spacy.blank("zh")
    db = DocBin(store_user_data=False)
    chars, n_docs, n_articles = 0, 0, 0
    labels: Counter[str] = Counter()
    seen: set[str] = set()
    with pipe.select_pipes(enable=keep):
        for doc in pipe.pipe((a["text"] for a in articles), batch_size=16):
            n_articles += 1
            text = doc.text
            ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            offset = 0
            for para in text.split("\n"):
                para_spans = [
                    (s - offset, e - offset, lab)
                    for s, e, lab in ents
                    if offset <= s and e <= offset + len(para)
                ]
                offset += len(para) + 1
                for sent, spans in split_sentences(para, para_spans):
                    if not 12 <= len(sent) <= 250 or sent in seen:
                        continue
                    if not any(lab in LABELS for *_, lab in spans) and (
                        args.unlabelled == "missing" or rng.random() >= args.empty_ratio
                    ):
                        continue
                    sdoc = make_doc(blank, sent, spans, args.unlabelled)
                    if sdoc is None:
                        continue
                    seen.add(sent)
                    db.add(sdoc)
                    n_docs += 1
                    chars += len(sent)
                    labels.update(e.label_ for e in sdoc.ents)
            if chars >= args.chars:
                break
    args.out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(args.out)
    seconds = time.perf_counter() - start
    print(
        f"{args.out}: {n_docs} sentences, {chars} chars from {n_articles} articles, "
        f"entities {dict(labels)}, {seconds:.0f} s"
    )


if __name__ == "__main__":
    main()
