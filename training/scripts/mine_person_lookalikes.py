"""Mine words that look like Chinese personal names but never act as people in raw news.

A two- or three-character string that starts with a family name of ``surnames.yml``
(雷达, 马达, 陆军, 来源, 支持) is a plausible name to a character model or a title
pattern. The raw corpus tells names from words: people are followed by speech verbs (表示,
说, 透露 …) or preceded by job titles (CEO, 创始人, 教授 …) a fair share of the time;
words never are. A string seen at least ``--min-count`` times whose share of such person
contexts is below ``--max-share`` is a look-alike. Writes
``data/entities/person_lookalikes.tsv`` (strings and counts only, no corpus text);
``hkg_entity_ruler`` drops a statistical PERSON that is one of them.

usage: python scripts/mine_person_lookalikes.py RAW_DIR SURNAMES.yml OUT.tsv
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import yaml
from raw_sample import article_texts

AFTER = re.compile(r"(?:表示|说|认为|指出|介绍|透露|坦言|强调|回忆|称|告诉|提到|解释|补充)")
BEFORE = re.compile(
    r"(?:CEO|CTO|创始人|董事长|总裁|教授|先生|女士|总经理|副总裁|首席|主席|负责人|院士|博士)$"
)
CJK = re.compile(r"[\u4e00-\u9fff]")
HEADER = """\
# Strings that look like Chinese personal names (a family name and one or two characters)
# but that raw tech news never uses as people (training/scripts/mine_person_lookalikes.py).
# Columns: word, occurrences, occurrences followed by a speech verb or preceded by a title.
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("surnames", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--min-count", type=int, default=20)
    ap.add_argument("--max-share", type=float, default=0.005)
    args = ap.parse_args()
    names = yaml.safe_load(args.surnames.read_text(encoding="utf-8"))
    single = set(names["single"])  # every family name the person patterns know
    count: Counter[str] = Counter()
    person: Counter[str] = Counter()
    for text in article_texts(args.raw):
        for i, ch in enumerate(text):
            if ch not in single:
                continue
            before = BEFORE.search(text, max(0, i - 5), i) is not None
            for n in (2, 3):
                cand = text[i : i + n]
                if len(cand) < n or not all(CJK.match(c) for c in cand):
                    break
                count[cand] += 1
                if before or AFTER.match(text, i + n):
                    person[cand] += 1
    kept = sorted(
        (w, c, person[w])
        for w, c in count.items()
        if c >= args.min_count and person[w] / c <= args.max_share
    )
    rows = [f"{w}\t{c}\t{p}" for w, c, p in kept]
    args.out.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(kept)} person look-alikes -> {args.out}")


if __name__ == "__main__":
    main()
