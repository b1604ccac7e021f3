"""Mine the common Chinese words of raw tech news: what a quoted word is when it is no name.

A product head noun before a quoted string often introduces a name (开发平台「百宝箱」,
芯片「神玑」), but news also quotes ordinary words after the same nouns for emphasis
(模型“创造”新东西, 系统“崩溃”, 大模型「阅读」顺畅). Ordinary words are frequent outside
quotes; names are rare until the gazetteer knows them. This script segments the raw corpus
with the shipped pkuseg model and counts each all-Chinese word of two or more characters
that stands outside quotation marks; words seen at least ``--min-count`` times are written
to ``data/entities/common_words.tsv`` (words and counts only, no corpus text).
``hkg_entity_ruler`` drops a quoted name that is one of them unless the gazetteer knows it.

usage: python scripts/mine_common_words.py RAW_DIR OUT.tsv [--min-count 100]
"""

from __future__ import annotations

import re
from collections import Counter

import spacy_pkuseg
from raw_sample import article_texts, mining_parser, write_counts

from hunyuan_kg.resources import data_path

CHINESE_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
QUOTED = re.compile(r"[「『“\"][^」』”\"\n]{0,30}[」』”\"]")
HEADER = """\
# Common words of raw Chinese tech news (training/scripts/mine_common_words.py): all-Chinese
# words of two or more characters that pkuseg finds outside quotation marks at least
# {min_count} times in zh-tech-news-raw ({articles} articles). hkg_entity_ruler reads a
# quoted string after a product head noun (系统“崩溃”) as no name when it is one of these.
# word<TAB>count
"""


def main() -> None:
    ap = mining_parser(__doc__)
    ap.add_argument("--min-count", type=int, default=100)
    args = ap.parse_args()
    seg = spacy_pkuseg.pkuseg(str(data_path("models", "pkuseg")), user_dict=None)
    counts: Counter[str] = Counter()
    articles = 0
    for text in article_texts(args.raw):
        articles += 1
        for line in QUOTED.sub("\n", text).splitlines():
            if line.strip():
                counts.update(w for w in seg.cut(line) if CHINESE_WORD.fullmatch(w))
    head = HEADER.format(min_count=args.min_count, articles=articles)
    written = write_counts(args.out, head, counts, args.min_count)
    print(f"{written} words from {articles} articles -> {args.out}")


if __name__ == "__main__":
    main()
