"""Candidate organisation and product names from raw tech news, for people to verify.

Three sources, each counted by the number of articles a surface occurs in:

* ``model``: what the shipped NER model proposes as ORG or PRODUCT across the corpus
  (stage 1 of ``mine_model_names.py``, read from its ``--counts`` cache): at least
  ``--min-docs`` articles, one label taking ≥ 60 % of the proposals;
* ``latin``: Latin-script names (a capital letter or an inner capital: GitHub, iPhone,
  Vue.js, The Information) that are not common English words
  (``data/entities/latin_common.yml``);
* ``cue``: the pkuseg word right before an organisation cue (创始人, 董事长, 旗下, 股价 …);
* ``list``: an inner item of an enumeration (A、B、C) at least two other items of which
  the gazetteer knows as organisations or products (in ``--min-list-docs`` articles).

Names the shipped gazetteer knows, stoplist words and surfaces that are not name-shaped are
left out. The output (TSV: name, sources, articles, model label) holds names and counts only,
never corpus text; ``verified_names.py`` turns people's verdicts on it into
``data/gazetteers/mined_names.jsonl``.

usage: python scripts/name_candidates.py RAW_DIR --counts counts.json -o candidates.tsv
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from raw_sample import article_texts

LATIN = re.compile(
    r"(?<![A-Za-z0-9.\-_/@])"
    r"((?:[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*)(?:[.\-+][A-Za-z0-9]+)*"
    r"(?: (?:[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*)(?:[.\-+][A-Za-z0-9]+)*){0,2})"
    r"(?![A-Za-z0-9\-_/@])"
)
CUES = tuple(
    [
        "创始人",
        "联合创始人",
        "董事长",
        "总裁",
        "CEO",
        "旗下",
        "股价",
        "市值",
        "财报",
        "高管",
        "官方",
    ]
)
CUE = re.compile(r"[^。！？\n]{0,40}(?:" + "|".join(CUES) + ")")
EDGE = re.compile(r"^[\W_的和与及、在为是将对从等]|[\W_的和与及、在为是将对从等]$")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _common_latin() -> set[str]:
    from hunyuan_kg.resources import data_path, read_yaml

    rows = read_yaml(data_path("entities", "latin_common.yml"))["words"]
    return {r["word"] for r in rows}


def _model(counts_path: Path, min_docs: int) -> dict[str, tuple[int, str]]:
    counts = json.loads(counts_path.read_text(encoding="utf-8"))
    out = {}
    for surface, row in counts.items():
        labels = row["labels"]
        label, top = max(labels.items(), key=lambda kv: kv[1])
        share = top / sum(labels.values())
        if label in ("ORG", "PRODUCT") and row["docs"] >= min_docs and share >= 0.6:
            out[surface] = (row["docs"], label)
    return out


def _latin_and_cues(raw: Path) -> tuple[Counter[str], Counter[str]]:
    import spacy_pkuseg

    from hunyuan_kg.resources import data_path

    seg = spacy_pkuseg.pkuseg(model_name=str(data_path("models", "pkuseg")))
    latin: Counter[str] = Counter()
    cue: Counter[str] = Counter()
    for text in article_texts(raw):
        latin.update({m.group(1) for m in LATIN.finditer(text)})
        words: set[str] = set()
        for m in CUE.finditer(text):
            toks = seg.cut(m.group(0))
            for prev, nxt in itertools.pairwise(toks):
                if nxt in CUES and CJK.search(prev) and len(prev) >= 2:
                    words.add(prev)
        cue.update(words)
    return latin, cue


LIST = re.compile(r"[^、，。；：！？\n]{1,16}(?:、[^、，。；：！？\n]{1,16}){3,}")
ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z0-9][\u4e00-\u9fffA-Za-z0-9 .+\-]{0,14}")


def _list_items(raw: Path, gaz: Any) -> Counter[str]:
    """Articles in which each unknown inner item of a list of known names occurs."""
    found: Counter[str] = Counter()
    for text in article_texts(raw):
        items: set[str] = set()
        for m in LIST.finditer(text):
            parts = [p.strip() for p in m.group(0).split("、")]
            known = [gaz.lookup(p) for p in parts]
            if sum(e is not None and e.type in ("ORG", "PRODUCT") for e in known) < 2:
                continue
            for part, entry in zip(parts[1:-1], known[1:-1], strict=True):
                if entry is None and ITEM.fullmatch(part):
                    items.add(part)
        found.update(items)
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("--counts", type=Path, required=True, help="mine_model_names.py stage 1")
    ap.add_argument("-o", "--out", type=Path, required=True)
    ap.add_argument("--min-docs", type=int, default=3)
    ap.add_argument("--min-list-docs", type=int, default=2)
    args = ap.parse_args()

    from hunyuan_kg.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    common = _common_latin()
    model = _model(args.counts, args.min_docs)
    latin, cue = _latin_and_cues(args.raw)
    sources: dict[str, set[str]] = defaultdict(set)
    docs: Counter[str] = Counter()
    for s, (n, _) in model.items():
        sources[s].add("model")
        docs[s] = max(docs[s], n)
    listed = _list_items(args.raw, gaz)
    for name, counter, least in (
        ("latin", latin, args.min_docs),
        ("cue", cue, args.min_docs),
        ("list", listed, args.min_list_docs),
    ):
        for s, n in counter.items():
            if n >= least:
                sources[s].add(name)
                docs[s] = max(docs[s], n)
    rows = []
    for s, src in sources.items():
        if not 2 <= len(s) <= 24 or "\n" in s or EDGE.search(s):
            continue
        if s.lower() in common or gaz.lookup(s) is not None or gaz.is_stopword(s):
            continue
        if re.fullmatch(r"[\d\W_]+", s):
            continue
        label = model[s][1] if s in model else ""
        rows.append((s, ",".join(sorted(src)), docs[s], label))
    rows.sort(key=lambda r: (-r[2], r[0]))
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write("name\tsources\tarticles\tmodel_label\n")
        for r in rows:
            fh.write("\t".join(map(str, r)) + "\n")
    print(f"{len(rows)} candidates → {args.out}")


if __name__ == "__main__":
    main()
