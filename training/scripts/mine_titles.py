"""List the words written between a known organisation and a known person that the title
lexicon does not read: candidates for ``data/relations/titles.yml``.

In tech news a job title sits between an organisation and the person who holds it
(某公司董事局主席某某). Over the raw corpus this finds every gazetteer organisation followed,
within 12 characters and no clause mark, by a gazetteer person (both with a Chinese name), and
counts the text between them that ``title_pattern()`` does not match. The frequent ones that
are titles go into the lexicon by hand (董事局主席, 主管合伙人, 掌门人 came from here); the rest
(老板's 的, verbs, places) are the noise of the pattern. Prints counts and the candidate words
only, no corpus text.

usage: python scripts/mine_titles.py RAW_DIR [--top 80]
"""

from __future__ import annotations

import argparse
import itertools
import re
from collections import Counter
from pathlib import Path

from raw_sample import article_texts

from hunyuan_kg.gazetteer import Gazetteer
from hunyuan_kg.pipeline.relations import title_pattern

_CJK = re.compile(r"[\u4e00-\u9fff]")
_MIDDLE = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,12}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("--top", type=int, default=80)
    args = ap.parse_args()
    gaz = Gazetteer.default()
    one_title = title_pattern()
    titles = re.compile(rf"的?{one_title}(?:\s*(?:、|兼|和|及)\s*{one_title})*")
    read, unread = Counter[str](), Counter[str]()
    for text in article_texts(args.raw):
        matches = [m for m in gaz.find(text) if _CJK.search(m.text)]
        for a, b in itertools.pairwise(matches):
            if a.entry.type != "ORG" or b.entry.type != "PERSON":
                continue
            middle = text[a.end : b.start]
            if _MIDDLE.fullmatch(middle):
                (read if titles.fullmatch(middle) else unread)[middle] += 1
    print(f"read by titles.yml: {sum(read.values())}, not read: {sum(unread.values())}")
    for middle, n in unread.most_common(args.top):
        print(n, middle)


if __name__ == "__main__":
    main()
