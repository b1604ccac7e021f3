"""Count the nouns that raw tech news publishes with 发布 / 发表 / 发出, for a person to sort
into texts and notices (报告, 声明, 帖子: ``message_object`` in ``data/events/zh.yml``, which
launch nothing) and products (模型, 平台, 芯片: launches).

For every 发布 / 发表 / 发出 (optionally with 了 / 的 and a counted 一条 / 一篇 …) the phrase
up to the next clause mark is read and its last two characters counted as its head. Prints
the ``--top`` heads with their counts; nothing is written and no corpus text is kept.

usage: python scripts/mine_message_nouns.py RAW_DIR [--top 150]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from raw_sample import article_texts

_STOP = "，。；！？、\\s“”《》（）()：:"
PUBLISHED = re.compile(
    rf"(?:发布|发表|发出)(?:了|的)?(?:一\s*[条篇封则份段个项])?"
    rf"([^{_STOP}]{{1,10}}?)(?=[{_STOP}]|$)"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("--top", type=int, default=150)
    args = ap.parse_args()
    heads: Counter[str] = Counter()
    for text in article_texts(args.raw):
        for m in PUBLISHED.finditer(text):
            if len(m.group(1)) >= 2:
                heads[m.group(1)[-2:]] += 1
    for head, n in heads.most_common(args.top):
        print(f"{head}\t{n}")


if __name__ == "__main__":
    main()
