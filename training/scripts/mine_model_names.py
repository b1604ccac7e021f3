"""Mine organisation and product names from raw tech news by reading it with the shipped
NER model and keeping the names the whole corpus agrees on.

One article at a time the statistical model reads every paragraph and proposes names with a
label. One proposal is often wrong (its ORG scores F 0.42 on MSRA, its PRODUCT means games and
films), but an error is rarely repeated the same way across a corpus. A surface is kept when,
across the corpus,

* the model names it in at least ``--min-docs`` articles, ``--min-count`` times;
* one label (ORG or PRODUCT) takes at least ``--min-share`` of its proposals;
* the model names it in at least ``--min-rate`` of the places it occurs free, that is, not
  inside a longer name the model proposed (a common word the model tags now and then, or a
  fragment of a longer name, has a low rate; a name has a high one);
* it is name-shaped: 2–20 characters, not only digits, Latin, or punctuation at its edges, no
  stoplist word, and not already in the gazetteer.

Stage 1 counts the proposals of ``ner_corpus_spans.py``'s file (``--ner-spans``: the model over
22 M characters, read once for every mining script) into ``--counts``; stage 2 (seconds)
filters them, so thresholds can be tuned without rereading. Writes JSONL gazetteer
rows (``kind: mined``, with the counts), one file per type — names and counts only, never
corpus text.

usage: python scripts/mine_model_names.py RAW_DIR OUT_DIR --counts counts.json
       --ner-spans output/ner_spans.jsonl
(OUT_DIR outside data/gazetteers: the shipped gazetteer would load what it writes)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import ahocorasick
from ner_corpus_spans import read_spans
from raw_sample import article_texts

LABELS = ("ORG", "PRODUCT")
# a name never starts or ends with these (the model's boundary slips)
EDGE = re.compile(r"^[\W_的和与及、在为是将对从等]|[\W_的和与及、在为是将对从等]$")
# Latin-script names are read in context by the entity ruler; the model is weak on them
CJK = re.compile(r"[\u4e00-\u9fff]")
SHAPE = re.compile(r"^(?:[\d\W_]+|[A-Za-z]{1,2}|[\d.]+[A-Za-z]?)$")


def propose(raw: Path, spans_path: Path) -> dict[str, dict[str, object]]:
    """Stage 1: the model's proposals over the whole corpus, from the file of
    ``ner_corpus_spans.py``: {surface: {"labels": {label: n}, "docs": n}}."""
    spans = read_spans(spans_path)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    docs: Counter[str] = Counter()
    for i, text in enumerate(article_texts(raw)):
        seen: set[str] = set()
        for start, end, label in spans.get(i, []):
            labels[text[start:end]][label] += 1
            seen.add(text[start:end])
        docs.update(seen)
    return {s: {"labels": dict(c), "docs": docs[s]} for s, c in labels.items()}


def occurrences(raw: Path, surfaces: list[str]) -> Counter[str]:
    """How often each surface occurs in the corpus, anywhere."""
    auto = ahocorasick.Automaton()
    for s in surfaces:
        auto.add_word(s, s)
    auto.make_automaton()
    found: Counter[str] = Counter()
    for text in article_texts(raw):
        for _, s in auto.iter(text):
            found[s] += 1
    return found


def select(
    counts: dict[str, dict[str, object]],
    raw: Path,
    args: argparse.Namespace,
) -> list[dict[str, object]]:
    """Stage 2: the surfaces the corpus agrees on (module docstring)."""
    from hunyuan_kg.gazetteer import Gazetteer

    gaz = Gazetteer.default()  # names it knows and generic words are nothing to mine
    tagged = {s: sum(r["labels"].values()) for s, r in counts.items()}  # type: ignore[attr-defined]
    pool = [
        s
        for s, r in counts.items()
        if tagged[s] >= args.min_count
        and r["docs"] >= args.min_docs  # type: ignore[operator]
        and 2 <= len(s) <= 20
        and not SHAPE.match(s)
        and not EDGE.search(s)
        and "\n" not in s
        and CJK.search(s)
    ]
    # occurrences inside a longer proposal are not free: subtract them
    longer: dict[str, int] = Counter()
    auto = ahocorasick.Automaton()
    for s in pool:
        auto.add_word(s, s)
    auto.make_automaton()
    for s, n in tagged.items():
        if n < 2:
            continue
        for _, inner in auto.iter(s):
            if inner != s:
                longer[inner] += n
    occ = occurrences(raw, pool)
    rows = []
    for s in pool:
        labels: dict[str, int] = counts[s]["labels"]  # type: ignore[assignment]
        label, top = max(labels.items(), key=lambda kv: kv[1])
        if label not in LABELS or top / tagged[s] < args.min_share:
            continue
        free = max(occ[s] - longer[s], tagged[s])
        rate = tagged[s] / free
        if rate < args.min_rate or gaz.lookup(s) is not None or gaz.is_stopword(s):
            continue
        digest = hashlib.sha1(s.encode("utf-8")).hexdigest()[:10]
        rows.append(
            {
                "id": f"mined_{digest}",
                "name": s,
                "type": label,
                "kind": "mined",
                "count": tagged[s],
                "docs": counts[s]["docs"],
                "rate": round(rate, 2),
            }
        )
    return sorted(rows, key=lambda r: r["id"])  # type: ignore[arg-type,return-value]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("out", type=Path, help="folder for mined_model_orgs/products.jsonl")
    ap.add_argument("--counts", type=Path, required=True, help="stage-1 cache (JSON)")
    ap.add_argument("--ner-spans", type=Path, help="ner_corpus_spans.py output (stage 1)")
    ap.add_argument("--min-docs", type=int, default=3)
    ap.add_argument("--min-count", type=int, default=4)
    ap.add_argument("--min-share", type=float, default=0.8)
    ap.add_argument("--min-rate", type=float, default=0.5)
    args = ap.parse_args()
    if args.counts.exists():
        counts = json.loads(args.counts.read_text(encoding="utf-8"))
    else:
        if args.ner_spans is None:
            ap.error("stage 1 needs --ner-spans (run scripts/ner_corpus_spans.py first)")
        counts = propose(args.raw, args.ner_spans)
        args.counts.write_text(json.dumps(counts, ensure_ascii=False), encoding="utf-8")
    rows = select(counts, args.raw, args)
    for label, name in (("ORG", "orgs"), ("PRODUCT", "products")):
        mine = [r for r in rows if r["type"] == label]
        path = args.out / f"mined_model_{name}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for r in mine:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{len(mine)} {label} → {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
