"""Mine organisation names from raw tech news: a head word (资本, 科技, 汽车 …) after a
prefix that the corpus itself shows to be a name.

For every occurrence of a head word we read the two to five Chinese characters before it
(stopping at function words and classifiers) and count, per candidate name: occurrences,
articles, the characters to its left, and the words to its right. A candidate is kept when

* it occurs at least ``--min-count`` times in ``--min-docs`` articles;
* its left neighbours vary (left entropy ≥ ``--min-entropy`` bits): a name starts where its
  contexts differ, a fragment (为资本 of 顺为资本) always has the same left neighbour;
* no longer candidate ending in it takes most of its occurrences (again: a fragment);
* its right contexts do not type it as a generic term: a head word followed by 行业, 市场,
  领域, 产业 … (新能源汽车行业, 人工智能领域) names a field, not a company;
* its right contexts type it as an organisation at least ``--min-typed`` of the time
  (宣布, 发布, CEO, 旗下, 领投 …), and it is not mostly followed by 大学, 交易所 … (香港科技
  of 香港科技大学 is a fragment);
* its prefix is not itself a generic modifier of the head word across many head words
  (智能, 新能源, 金融 …: it occurs before at least ``--max-heads`` different head words).

Writes JSONL gazetteer rows (``kind: mined``, with the counts) — names only, no corpus text.

usage: python scripts/mine_org_names.py RAW_DIR OUT.jsonl [--known data/gazetteers]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

import jieba
import jieba.posseg as pseg
from raw_sample import article_texts

HEADS = [
    "资本", "创投", "投资", "基金", "集团", "科技", "汽车", "股份", "证券", "控股", "能源",
    "半导体", "微电子", "电子", "通信", "传媒", "银行", "保险", "互娱", "影业", "电器",
    "物流", "机器人",
]  # fmt: skip
# jieba dictionary tags of common words: a prefix that is one of them (新能源, 出租, 人工)
# makes a generic term, not a name; names are out of the dictionary or tagged nr/ns/nt/nz.
COMMON_TAGS = {
    "n",
    "v",
    "vn",
    "a",
    "ad",
    "an",
    "d",
    "l",
    "i",
    "m",
    "q",
    "r",
    "p",
    "c",
    "u",
    "f",
    "s",
    "t",
    "b",
    "z",
    "vd",
    "ng",
    "vg",
    "ag",
    "tg",
    "dg",
    "mq",
}
# characters that never end a name prefix on its left side (function words, classifiers)
BREAKS = set("的了在和与及等对向被把从由将已也都还就这那该各每其于个家款位是让给并或而且但所以之")
GENERIC_RIGHT = re.compile(
    r"^(?:行业|市场|领域|产业|赛道|板块|概念|企业|厂商|巨头|公司们|股|类|方面|方向|时代|浪潮|"
    r"技术|产品|平台|业务|服务|能力|应用|系统|模式|生态|政策|项目|基金会)"
)
# right contexts that type a name as an organisation (宣布, CEO, 旗下 …) or as part of a
# longer name (香港科技 + 大学)
ORG_RIGHT = re.compile(
    r"^(?:宣布|发布|推出|表示|称|透露|CEO|创始人|联合创始人|董事长|总裁|总经理|旗下|官方|"
    r"完成|获得|成立于|正式|有限公司|股份有限公司|公司|集团|投资的|领投|跟投|参投|CTO)"
)
LONGER_RIGHT = re.compile(r"^(?:大学|学院|交易所|委员会|研究院|研究所|学会|协会|实验室|管理局)")
CJK = re.compile(r"[\u4e00-\u9fff]")


def entropy(c: Counter[str]) -> float:
    n = sum(c.values())
    return -sum(v / n * math.log2(v / n) for v in c.values()) if n else 0.0


def known_names(folder: Path) -> set[str]:
    names: set[str] = set()
    for path in folder.glob("*.jsonl"):
        if path.name.startswith("mined"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            names.update([row["name"], *row.get("aliases", [])])
    return names


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--known", type=Path, default=Path("../data/gazetteers"))
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--min-docs", type=int, default=3)
    ap.add_argument("--min-entropy", type=float, default=1.5)
    ap.add_argument("--max-generic", type=float, default=0.25)
    ap.add_argument("--max-heads", type=int, default=4)
    ap.add_argument("--min-typed", type=float, default=0.1)
    args = ap.parse_args()
    head_rx = re.compile("|".join(sorted(HEADS, key=len, reverse=True)))
    freq: Counter[str] = Counter()
    docs: dict[str, set[int]] = defaultdict(set)
    left: dict[str, Counter[str]] = defaultdict(Counter)
    generic: Counter[str] = Counter()
    typed: Counter[str] = Counter()
    longer_right: Counter[str] = Counter()
    prefix_heads: dict[str, set[str]] = defaultdict(set)
    n_docs = 0
    for text in article_texts(args.raw):
        n_docs += 1
        for m in head_rx.finditer(text):
            s, head = m.start(), m.group()
            right = text[m.end() : m.end() + 4]
            for k in range(1, 6):
                if s - k < 0:
                    break
                ch = text[s - k]
                if not CJK.match(ch) or ch in BREAKS:
                    break
                if k == 1:
                    continue
                prefix = text[s - k : s]
                cand = prefix + head
                freq[cand] += 1
                docs[cand].add(n_docs)
                left[cand][text[s - k - 1] if s - k > 0 else "^"] += 1
                prefix_heads[prefix].add(head)
                if GENERIC_RIGHT.match(right):
                    generic[cand] += 1
                if ORG_RIGHT.match(right):
                    typed[cand] += 1
                if LONGER_RIGHT.match(right):
                    longer_right[cand] += 1
    known = known_names(args.known)
    jieba.setLogLevel(60)
    jieba.initialize()
    tags = pseg.dt.word_tag_tab
    kept = []
    for cand, n in freq.items():
        if n < args.min_count or len(docs[cand]) < args.min_docs or cand in known:
            continue
        if entropy(left[cand]) < args.min_entropy or generic[cand] / n > args.max_generic:
            continue
        if typed[cand] < max(2, args.min_typed * n) or longer_right[cand] >= 0.3 * n:
            continue  # never typed as an organisation by its contexts, or part of a longer name
        head = head_rx.search(cand, len(cand) - 3)
        prefix = cand[: head.start()] if head else cand
        if len(prefix_heads[prefix]) >= args.max_heads:
            continue
        longer = [c for c in left[cand] if CJK.match(c) and freq[c + cand] >= 0.5 * n]
        if longer:
            continue
        if len(prefix) > 2 and freq[cand[1:]] >= 3 * n:
            continue  # 用人工智能: the name (if any) starts later
        if tags.get(prefix) in COMMON_TAGS or any(
            len(w) > 1 and flag in COMMON_TAGS for w, flag in pseg.cut(prefix)
        ):
            continue  # 通用人工智能, 加入蚂蚁集团: a common word inside the prefix
        kept.append((cand, n, len(docs[cand]), round(entropy(left[cand]), 2)))
    kept.sort(key=lambda r: (-r[1], r[0]))
    with args.out.open("w", encoding="utf-8") as fh:
        for name, n, d, h in kept:
            row = {
                "id": "mined_" + hashlib.sha1(name.encode()).hexdigest()[:10],
                "name": name,
                "type": "ORG",
                "kind": "mined",
                "count": n,
                "docs": d,
                "left_entropy": h,
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{n_docs} articles, {len(freq)} candidates, kept {len(kept)} → {args.out}")


if __name__ == "__main__":
    main()
