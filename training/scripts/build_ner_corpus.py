"""Build spaCy training/dev corpora (.spacy) from the converted JSONL records.

Usage:
    python build_ner_corpus.py JSONL_DIR OUT_DIR [--labels PERSON,ORG,PRODUCT,LOC,TITLE]
        [--missing-policy lexicon|outside] [--extra-eval tests/data/ner_eval.jsonl]

* Any training or dev sentence that also occurs in an evaluation set (CLUENER dev, MSRA test,
  held-out BosonNLP, our own tests/data/ner_eval.jsonl) is removed, compared after mapping
  full-width digits/letters to ASCII and deleting whitespace; dev sentences that occur in the
  training data (People's Daily dev vs. the MSRA sample) are removed from dev; exact duplicates are
  dropped.
* ``--missing-policy lexicon`` (default): in a corpus that does not annotate PRODUCT (or TITLE),
  stretches that could be such an entity are marked as *missing* annotation instead of O, so the
  corpus does not teach the model that they are not entities: for PRODUCT, 《》-quoted titles,
  runs of Latin letters/digits containing a letter, and names labelled PRODUCT in CLUENER train;
  for TITLE, job titles labelled in CLUENER/Resume train (seen twice or more). ``outside``
  reads everything unannotated as O.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import spacy
from ner_common import read_jsonl, to_halfwidth
from spacy.tokens import Doc, DocBin

TRAIN_SOURCES = (
    "cluener_train",
    "msra_val",
    "pd_test",
    "resume_train",
    "resume_test",
    "weibo_train",
    "weibo_test",
)
DEV_SOURCES = ("cluener_traindev", "pd_dev", "resume_dev", "weibo_dev")
EVAL_SOURCES = ("cluener_dev", "msra_test", "boson_heldout")
_QUOTED = re.compile(r"《[^《》]{1,30}》")
_LATIN = re.compile(
    r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ][0-9A-Za-z０-９Ａ-Ｚａ-ｚ.\-+_]*[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]"
)


def dedup_key(text: str) -> str:
    return "".join(to_halfwidth(text).split())


def build_lexicon(records: Iterable[dict[str, Any]], label: str, min_count: int) -> set[str]:
    counts = Counter(
        rec["text"][s:e].strip("《》")
        for rec in records
        for s, e, lab in rec["spans"]
        if lab == label
    )
    return {w for w, c in counts.items() if c >= min_count and len(w) >= 2}


def lexicon_matches(text: str, lexicon: set[str], max_len: int = 12) -> list[tuple[int, int]]:
    found = []
    i = 0
    while i < len(text):
        for length in range(min(max_len, len(text) - i), 1, -1):
            if text[i : i + length] in lexicon:
                found.append((i, i + length))
                i += length - 1
                break
        i += 1
    return found


def missing_stretches(
    rec: dict[str, Any], labels: set[str], lexicons: dict[str, set[str]]
) -> list[tuple[int, int]]:
    text = rec["text"]
    stretches = [tuple(m) for m in rec.get("missing", [])]
    lacking = labels - set(rec["annotates"])
    if "PRODUCT" in lacking:
        stretches += [m.span() for m in _QUOTED.finditer(text)]
        stretches += [m.span() for m in _LATIN.finditer(text) if re.search(r"[^\W\d_]", m.group())]
        stretches += lexicon_matches(text, lexicons["PRODUCT"])
    if "TITLE" in lacking:
        stretches += lexicon_matches(text, lexicons["TITLE"])
    return stretches


def make_doc(
    nlp: spacy.language.Language,
    rec: dict[str, Any],
    labels: set[str],
    missing: list[tuple[int, int]],
) -> Doc:
    doc = nlp.make_doc(rec["text"])
    ents = []
    for s, e, lab in rec["spans"]:
        if lab in labels:
            span = doc.char_span(s, e, label=lab, alignment_mode="contract")
            if span is not None and len(span):
                ents.append(span)
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    missing_spans = []
    for s, e in missing:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and not taken.intersection(range(span.start, span.end)):
            missing_spans.append(span)
            taken.update(range(span.start, span.end))
    doc.set_ents(ents, missing=missing_spans, default="outside")
    return doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--labels", default="PERSON,ORG,PRODUCT,LOC,TITLE")
    parser.add_argument("--missing-policy", choices=("lexicon", "outside"), default="lexicon")
    parser.add_argument("--extra-eval", type=Path, action="append", default=[])
    args = parser.parse_args()
    labels = set(args.labels.split(","))

    eval_keys = {
        dedup_key(rec["text"])
        for name in EVAL_SOURCES
        for rec in read_jsonl(args.jsonl_dir / f"{name}.jsonl")
    }
    for extra in args.extra_eval:
        if extra.exists():
            eval_keys |= {dedup_key(rec["text"]) for rec in read_jsonl(extra)}

    def load(names: Iterable[str], exclude: set[str]) -> list[dict[str, Any]]:
        out, seen, dropped = [], set(exclude), Counter[str]()
        for name in names:
            for rec in read_jsonl(args.jsonl_dir / f"{name}.jsonl"):
                key = dedup_key(rec["text"])
                if key in seen:
                    dropped[name] += 1
                    continue
                seen.add(key)
                out.append(rec)
        print(f"dropped (overlap with evaluation data or duplicates): {dict(dropped)}")
        return out

    train = load(TRAIN_SOURCES, eval_keys)
    dev = load(DEV_SOURCES, eval_keys | {dedup_key(r["text"]) for r in train})
    lexicons = {
        "PRODUCT": build_lexicon(
            (r for r in train if r["source"] == "cluener_train"), "PRODUCT", 1
        ),
        "TITLE": build_lexicon((r for r in train if "TITLE" in r["annotates"]), "TITLE", 2),
    }
    print({k: len(v) for k, v in lexicons.items()})
    nlp = spacy.blank("zh")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name, recs in (("train", train), ("dev", dev)):
        db = DocBin(store_user_data=False)
        n_missing = 0
        for rec in recs:
            missing = (
                missing_stretches(rec, labels, lexicons)
                if args.missing_policy == "lexicon"
                else [tuple(m) for m in rec.get("missing", [])]
            )
            doc = make_doc(nlp, rec, labels, missing)
            n_missing += sum(1 for t in doc if t.ent_iob == 0)
            db.add(doc)
        db.to_disk(args.out_dir / f"{name}.spacy")
        chars = sum(len(r["text"]) for r in recs)
        print(f"{name}: {len(recs)} docs, {chars} chars, {n_missing} missing-annotation tokens")


if __name__ == "__main__":
    main()
