"""Mine the words raw tech news writes right before organisation names: context, not name.

A name pattern that reads a name up to a head word (…大学, …研究院, …实验室) can take the
words before it along (根据某某研究院, 目前是某某大学, 毕业于某某学院). Before every
unambiguous gazetteer organisation found in the raw corpus, this script counts the two- and
three-character Chinese strings written right before it; those seen at least ``--min-count``
times that begin no gazetteer organisation's name (so 中国, 美国, 北京 stay parts of names)
are written to ``data/entities/name_context_before.tsv`` (strings and counts only, no corpus
text). ``hkg_entity_ruler`` treats them like ``name_bad_starts``: a name never starts with one.

usage: python scripts/mine_name_context.py RAW_DIR OUT.tsv [--min-count 30]
"""

from __future__ import annotations

import re
from collections import Counter

from raw_sample import article_texts, mining_parser, write_counts

from hunyuan_kg.gazetteer import Gazetteer

CHINESE = re.compile(r"[\u4e00-\u9fff]+")
HEADER = """\
# Words written right before organisation names in raw tech news
# (training/scripts/mine_name_context.py): two- and three-character Chinese strings seen at
# least {min_count} times right before an unambiguous gazetteer organisation in
# zh-tech-news-raw ({found} names found), none of which begins a gazetteer organisation's
# name. hkg_entity_ruler never starts a name with one (根据某某研究院 → 某某研究院).
# word<TAB>count
"""


def main() -> None:
    ap = mining_parser(__doc__)
    ap.add_argument("--min-count", type=int, default=30)
    args = ap.parse_args()
    gaz = Gazetteer.default()
    starts = {
        form[:k]
        for e in gaz.entries.values()
        if e.type == "ORG"
        for form in e.surface_forms
        for k in (2, 3)
        if len(form) > k
    }
    before: Counter[str] = Counter()
    found = 0
    for text in article_texts(args.raw):
        for m in gaz.find(text):
            if m.entry.type != "ORG" or m.ambiguous:
                continue
            found += 1
            for k in (2, 3):
                word = text[max(0, m.start - k) : m.start]
                if len(word) == k and CHINESE.fullmatch(word):
                    before[word] += 1
    context = Counter({w: n for w, n in before.items() if w not in starts})
    head = HEADER.format(min_count=args.min_count, found=found)
    written = write_counts(args.out, head, context, args.min_count)
    print(f"{written} words from {found} names -> {args.out}")


if __name__ == "__main__":
    main()
