"""Mine the given names of people written in Latin script in Chinese tech news.

Two capitalized words followed by a speech verb (表示, 说, 指出 …) or preceded by a job
title (CEO, 创始人 …) are a person's name in such text. Their first words, counted over the
corpus, are given names (Sam, Jensen, Mira …). A first word is kept when it occurs in at
least ``--min-count`` such names and the corpus does not use it as a common word
(``latin_common.yml``). Writes ``data/entities/latin_given_names.yml`` (names and counts
only, no corpus text); ``hkg_entity_ruler`` reads a Latin name that starts with one of them
as a person.
Known misses of the method: company names that precede a speech verb (Cisco Talos 表示) give
a few false given names (Cisco, Trend).

usage: python scripts/mine_first_names.py RAW_DIR COMMON.yml OUT.yml
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import yaml
from raw_sample import article_texts

from hunyuan_kg.gazetteer import Gazetteer
from hunyuan_kg.resources import data_path, read_yaml

NAME = re.compile(
    r"(?<![A-Za-z0-9])([A-Z][a-z]{1,11}) (?:[A-Z]\. )?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?![A-Za-z0-9])"
)
AFTER = re.compile(r"^\s*(?:表示|说|指出|认为|称|透露|写道|回忆|强调|坦言|解释|提到|曾在|本人)")
BEFORE = re.compile(
    r"(?:CEO|CTO|首席执行官|创始人|联合创始人|总裁|研究员|科学家|教授|合伙人|董事长)\s*$"
)
HEADER = """\
# Given names of people written in Latin script (training/scripts/mine_first_names.py):
# first words of two-word names that raw tech news puts before a speech verb or after a job
# title, and that it never uses as common words. `count`: such names seen.
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("common", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args()
    common = {r["word"] for r in yaml.safe_load(args.common.read_text(encoding="utf-8"))["words"]}
    firsts: Counter[str] = Counter()
    for text in article_texts(args.raw):
        for m in NAME.finditer(text):
            after = text[m.end() : m.end() + 6]
            before = text[max(0, m.start() - 8) : m.start()]
            if AFTER.search(after) or BEFORE.search(before):
                firsts[m.group(1)] += 1
    # first words of organisation and product names (Hugging Face, Check Point) and
    # version words (Max) are no given names
    gaz = Gazetteer.default()
    taken = {
        f.split(" ")[0]
        for e in gaz.entries.values()
        if e.type != "PERSON"
        for f in e.surface_forms
        if " " in f
    }
    variants = {w.lower() for w in read_yaml(data_path("resolve", "rules.yml"))["variant_words"]}
    kept = sorted(
        (w, n)
        for w, n in firsts.items()
        if n >= args.min_count
        and w.lower() not in common
        and w not in taken
        and w.lower() not in variants
    )
    lines = [HEADER, "names:"] + [f"  - {{name: {w}, count: {n}}}" for w, n in kept]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} given names -> {args.out}")


if __name__ == "__main__":
    main()
