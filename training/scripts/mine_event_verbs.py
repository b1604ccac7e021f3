"""Mine event verbs from raw tech news: the verbs that prefer clauses with a calendar date.

A clause (text between Chinese clause marks) is *dated* when the project's temporal
grammar finds a calendar date in it, or when it follows a clause that is only a date
(``2021 年，小米开始调研造车``). Each clause is tagged by ``jieba.posseg``; for every verb
(flags ``v``, ``vn``) we count its dated clauses and all its clauses. A verb is kept when it
occurs in at least ``--min-dated`` dated clauses of at least ``--min-docs`` articles and its
share of dated clauses is at least ``--lift`` times the corpus-wide share: verbs of
happenings (发布, 成立, 上市, 量产) rather than of talk or states (表示, 认为, 拥有).

Only verbs and their counts are written (``data/events/verbs.yml``); no corpus text.

usage: python scripts/mine_event_verbs.py RAW_DIR OUT.yml [--max-chars N]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import jieba
import jieba.posseg as pseg

from hunyuan_kg.temporal import find_dates

CLAUSE = re.compile(r"[^，,；;：:。！？!?\n（）()]+")
DATE_ONLY = re.compile(r"\s*(?:在|于|从|自|早在|截至|截止|到|直到)?\s*")
VERB_FLAGS = {"v", "vn"}
HEADER = """\
# Event verbs mined from raw tech news (training/scripts/mine_event_verbs.py): verbs that
# prefer clauses with a calendar date. Counts: `dated` clauses of the verb, `all` its
# clauses, `docs` articles with a dated clause; `lift` = dated share / corpus dated share.
# hkg_clause_events keeps a dated clause as an event only when it has one of these verbs.
"""


def articles(raw: Path, max_chars: int) -> list[tuple[str, str | None]]:
    """(text, date) of articles in file order until ``max_chars`` characters."""
    out, total = [], 0
    for path in sorted(raw.glob("articles-*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                out.append((rec["text"], rec.get("date")))
                total += len(rec["text"])
                if total >= max_chars:
                    return out
    return out


def spread(items: list[tuple[str, str | None]], every: int) -> list[tuple[str, str | None]]:
    """Every ``every``-th article, so that all sources and years are sampled."""
    return items[::every]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path, help="zh-tech-news-raw folder")
    ap.add_argument("out", type=Path)
    ap.add_argument("--max-chars", type=int, default=30_000_000)
    ap.add_argument("--every", type=int, default=3, help="take every N-th article")
    ap.add_argument("--min-dated", type=int, default=12)
    ap.add_argument("--min-docs", type=int, default=8)
    ap.add_argument("--lift", type=float, default=1.3)
    args = ap.parse_args()
    jieba.setLogLevel(60)
    dated: Counter[str] = Counter()
    every: Counter[str] = Counter()
    docs: dict[str, set[int]] = {}
    n_clauses = n_dated = 0
    sample = spread(articles(args.raw, args.max_chars), args.every)
    for i, (text, date) in enumerate(sample):
        spans = [(m.start, m.end) for m in find_dates(text, date) if m.kind == "date" and m.value]
        si = 0
        for para in text.split("\n"):
            base = text.find(para, si)
            si = base + len(para)
            inherited = False
            for m in CLAUSE.finditer(para):
                lo, hi = base + m.start(), base + m.end()
                own = [(a, b) for a, b in spans if lo <= a < hi]
                rest = "".join(
                    text[x:y]
                    for x, y in zip(
                        [lo] + [b for _, b in own], [a for a, _ in own] + [hi], strict=True
                    )
                )
                if own and DATE_ONLY.fullmatch(rest):
                    inherited = True
                    continue
                is_dated = bool(own) or inherited
                verbs = {w for w, flag in pseg.cut(rest) if flag in VERB_FLAGS and len(w) > 1}
                n_clauses += 1
                n_dated += is_dated
                for v in verbs:
                    every[v] += 1
                    if is_dated:
                        dated[v] += 1
                        docs.setdefault(v, set()).add(i)
        if i % 200 == 0:
            print(f"{i}/{len(sample)} articles, {n_clauses} clauses, {n_dated} dated", flush=True)
    base_share = n_dated / max(n_clauses, 1)
    kept = []
    for v, d in dated.items():
        lift = (d / every[v]) / base_share
        if d >= args.min_dated and len(docs[v]) >= args.min_docs and lift >= args.lift:
            kept.append(
                {
                    "verb": v,
                    "dated": d,
                    "all": every[v],
                    "docs": len(docs[v]),
                    "lift": round(lift, 2),
                }
            )
    kept.sort(key=lambda r: (-r["dated"], r["verb"]))
    lines = [HEADER, f"# {len(sample)} articles, {n_clauses} clauses, {n_dated} dated.", "verbs:"]
    lines += [
        f"  - {{verb: {r['verb']}, dated: {r['dated']}, all: {r['all']}, docs: {r['docs']}, "
        f"lift: {r['lift']}}}"
        for r in kept
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"kept {len(kept)} verbs → {args.out}")


if __name__ == "__main__":
    main()
