"""Mine the head nouns that type an enumeration of names: A、B 等企业, C、D 两大厂商.

An enumeration closed by 等 (or by a count such as 两大 / 多家) and a noun names the kind of
its items (Hearst's "X, Y and other Zs"). The corpus says which nouns type names reliably:
for every head (the last two characters of the phrase after 等, ending at a clause mark or
function word) we count the majority gazetteer type of each enumeration's known items. A head is
kept when at least ``--min-lists`` enumerations end in it and at least ``--min-share`` of them
are of one type, and when the corpus uses it as a noun: it follows a numeral classifier
(家, 款, 个 …) at least ``--min-classified`` times and is followed by 了 at most
``--max-le`` of its occurrences (a verb such as 发布 or 跟投 fails one of the two). Writes
``data/entities/list_heads.yml`` (heads, types and counts only, no corpus text).

usage: python scripts/mine_list_heads.py RAW_DIR OUT.yml
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from raw_sample import article_texts, mining_parser

from hunyuan_kg.gazetteer import Gazetteer
from hunyuan_kg.resources import data_path, read_yaml

# what closes an enumeration and what ends its head's phrase: the entity ruler's own
# definitions (list_items in data/entities/patterns.yml)
_CFG = read_yaml(data_path("entities", "patterns.yml"))["list_items"]
_MARK = "，,。；;：:！？!?\\n（）()「」“”《》、"
LIST = re.compile(
    rf"((?:[^{_MARK}]{{1,14}}、)+[^{_MARK}]{{1,14}}?)"
    rf"{_CFG['closer']}([^{_CFG['head_stops']}]{{1,8}})(?=[{_CFG['head_stops']}]|$)"
)
CLASSIFIED = "(?:[一两三四五六七八九十几数多\\d]+(?:家|款|个|位|所|大|类|种))"
HEADER = """\
# Head nouns that type an enumeration of names (A、B 等企业 → ORG), mined from raw tech news
# by training/scripts/mine_list_heads.py: `lists` enumerations end in the head, `share` of
# them have known items of `type`; `classified` / `le`: occurrences after a numeral
# classifier / before 了 (the noun test). hkg_entity_ruler types the unknown items of such an
# enumeration by its head.
"""


def main() -> None:
    ap = mining_parser(__doc__)
    ap.add_argument("--min-lists", type=int, default=6)
    ap.add_argument("--min-share", type=float, default=0.85)
    ap.add_argument("--min-classified", type=int, default=20)
    ap.add_argument("--max-le", type=float, default=0.003)
    args = ap.parse_args()
    gaz = Gazetteer.default()
    heads: defaultdict[str, Counter[str]] = defaultdict(Counter)
    texts = list(article_texts(args.raw))
    for text in texts:
        for m in LIST.finditer(text):
            types = Counter(
                e.type
                for item in m.group(1).split("、")
                if (e := gaz.lookup(item.strip())) is not None
            ).most_common(2)
            if types and (len(types) == 1 or types[0][1] > types[1][1]):
                heads[m.group(2)[-2:]][types[0][0]] += 1  # the known items' majority type
    corpus = "\n".join(texts)
    rows = []
    for head, types in heads.items():
        lists = sum(types.values())
        label, n = types.most_common(1)[0]
        if lists < args.min_lists or n / lists < args.min_share:
            continue
        classified = len(re.findall(CLASSIFIED + re.escape(head), corpus))
        le = corpus.count(head + "了") / max(1, corpus.count(head))
        if classified >= args.min_classified and le <= args.max_le:
            rows.append((head, label, lists, round(n / lists, 2), classified, round(le, 4)))
    rows.sort(key=lambda r: (r[1], -r[2], r[0]))
    lines = [HEADER, "heads:"]
    lines += [
        f"  - {{head: {h}, type: {t}, lists: {n}, share: {s}, classified: {c}, le: {le}}}"
        for h, t, n, s, c, le in rows
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
