"""Mine the dictionary words of raw tech news that a name cut out of them is not a name.

A character NER sometimes reads a person's name into the middle of a longer word: 胡言 of
胡言乱语, 喻户晓 of 家喻户晓, 奥斯卡 of 奥斯卡奖, 亚里士 of 亚里士多德. A general dictionary
knows these words. This script takes every all-Chinese word of three to seven characters
of jieba's dictionary (MIT licence; ``dict.txt`` of the installed ``jieba`` unless
``--dictionary`` names another), counts how often each stands in the raw corpus, and
writes those seen at least ``--min-count`` times to ``data/entities/covering_words.tsv``
(words and counts only, no corpus text). ``hkg_entity_ruler`` drops a statistical person
that lies inside one of them, as written, with the word longer than the name.

usage: python scripts/mine_covering_words.py RAW_DIR OUT.tsv [--min-count 2]
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from raw_sample import article_texts, mining_parser, write_counts

CHINESE_WORD = re.compile(r"[\u4e00-\u9fff]{3,7}")
CHINESE_RUN = re.compile(r"[\u4e00-\u9fff]{3,}")
HEADER = """\
# Dictionary words that a person's name cut out of them is not a name
# (training/scripts/mine_covering_words.py): the all-Chinese words of three to seven
# characters of jieba's dictionary (MIT licence) that zh-tech-news-raw ({articles}
# articles) writes at least {min_count} times. hkg_entity_ruler drops a statistical person
# that lies inside one of them as written (胡言 of 胡言乱语, 奥斯卡 of 奥斯卡奖).
# word<TAB>count
"""


def jieba_dictionary() -> Path:
    """The ``dict.txt`` of the installed jieba."""
    import jieba

    return Path(jieba.__file__).with_name("dict.txt")


def main() -> None:
    ap = mining_parser(__doc__)
    ap.add_argument("--dictionary", type=Path, default=None)
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args()
    path = args.dictionary or jieba_dictionary()
    words = {
        w
        for line in path.read_text(encoding="utf-8").splitlines()
        if (w := line.split(" ", 1)[0]) and CHINESE_WORD.fullmatch(w)
    }
    counts: Counter[str] = Counter()
    articles = 0
    for text in article_texts(args.raw):
        articles += 1
        for run in CHINESE_RUN.findall(text):
            for i in range(len(run) - 2):
                for j in range(i + 3, min(len(run), i + 7) + 1):
                    if run[i:j] in words:
                        counts[run[i:j]] += 1
    header = HEADER.format(articles=articles, min_count=args.min_count)
    n = write_counts(args.out, header, counts, args.min_count)
    print(f"{n} covering words -> {args.out}")


if __name__ == "__main__":
    main()
