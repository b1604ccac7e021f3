"""Mine the Latin words that raw Chinese tech news uses as common words, not names.

A capitalized Latin word in Chinese text is often a name (Notion, Runway, Pixelmator),
but as often an English common word or term (Agent, Token, Prompt). The corpus tells them
apart: a common word is also written in lower case, a name almost never. For every Latin
word (letters only, 2+ characters) we count its capitalized and its all-lower-case
occurrences; a word whose lower-case share is at least ``--min-lower`` in at least
``--min-docs`` articles is common. Writes ``data/entities/latin_common.yml`` (words and
counts only, no corpus text).

usage: python scripts/mine_latin_words.py RAW_DIR OUT.yml
"""

from __future__ import annotations

import re
from collections import Counter

from raw_sample import article_texts, mining_parser

WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][a-z]+(?![A-Za-z0-9])")
HEADER = """\
# Latin words that raw Chinese tech news writes in lower case too: common words, not names
# (training/scripts/mine_latin_words.py). hkg_entity_ruler never reads a capitalized one
# of them alone as a name. `lower` / `upper`: lower-case / capitalized occurrences.
"""


def main() -> None:
    ap = mining_parser(__doc__)
    ap.add_argument("--min-lower", type=float, default=0.15)
    ap.add_argument("--min-docs", type=int, default=3)
    args = ap.parse_args()
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    for text in article_texts(args.raw):
        seen = set()
        for m in WORD.finditer(text):
            w = m.group()
            key = w.lower()
            if w == key:
                lower[key] += 1
            elif w[0].isupper() and w[1:] == w[1:].lower():
                upper[key] += 1
            seen.add(key)
        docs.update(seen)
    rows = []
    for key, n_low in lower.items():
        total = n_low + upper[key]
        if docs[key] >= args.min_docs and n_low / total >= args.min_lower:
            rows.append((key, n_low, upper[key]))
    rows.sort()
    lines = [HEADER, "words:"]
    lines += [f"  - {{word: {w}, lower: {lo}, upper: {up}}}" for w, lo, up in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} common Latin words -> {args.out}")


if __name__ == "__main__":
    main()
