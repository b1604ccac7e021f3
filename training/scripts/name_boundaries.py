"""How often raw news writes a gazetteer name as a word of its own, for people to decide
which short names need context (``ambiguous``).

A short Chinese name can be a piece of a common word (合创 in 联合创始人, 亿欧 in 2 亿欧元,
极星 in 北极星). For every Chinese surface form of up to ``--max-len`` characters of the
entries named in ``--ids`` (default: all entries of the hand-written files), this reads up
to ``--per-name`` of its occurrences in the raw corpus, segments a window around each with
the shipped pkuseg model (without the gazetteer's user dictionary, which would force the
name to be a word) and counts the occurrences whose start and end fall on word boundaries.
Prints form, entry id, occurrences read and the share on word boundaries, lowest first;
names and counts only, never corpus text.

usage: python scripts/name_boundaries.py RAW_DIR [--ids IDS.txt] [--max-len 3]
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

import ahocorasick
from raw_sample import article_texts

CJK = re.compile(r"^[\u4e00-\u9fff]+$")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("--ids", type=Path, help="one entry id per line")
    ap.add_argument("--max-len", type=int, default=3)
    ap.add_argument("--per-name", type=int, default=40)
    ap.add_argument("--window", type=int, default=12)
    args = ap.parse_args()

    import spacy_pkuseg

    from hunyuan_kg.gazetteer import Gazetteer
    from hunyuan_kg.resources import data_path

    gaz = Gazetteer.default()
    wanted = set(args.ids.read_text().split()) if args.ids else None
    forms: dict[str, str] = {}
    for entry in gaz.entries.values():
        if wanted is not None and entry.id not in wanted:
            continue
        for form in entry.surface_forms:
            if CJK.match(form) and len(form) <= args.max_len:
                forms[form] = entry.id
    auto = ahocorasick.Automaton()
    for form in forms:
        auto.add_word(form, form)
    auto.make_automaton()
    seg = spacy_pkuseg.pkuseg(model_name=str(data_path("models", "pkuseg")))
    seen: dict[str, int] = defaultdict(int)
    aligned: dict[str, int] = defaultdict(int)
    w = args.window
    for text in article_texts(args.raw):
        for end, form in auto.iter(text):
            if seen[form] >= args.per_name:
                continue
            start = end - len(form) + 1
            lo = max(0, start - w)
            window = text[lo : end + 1 + w]
            bounds, pos = {0}, 0
            for token in seg.cut(window):
                pos += len(token)
                bounds.add(pos)
            seen[form] += 1
            aligned[form] += (start - lo) in bounds and (end + 1 - lo) in bounds
    rows = sorted(forms, key=lambda f: (aligned[f] / seen[f] if seen[f] else 1.0, f))
    for form in rows:
        if seen[form]:
            print(f"{form}\t{forms[form]}\t{seen[form]}\t{aligned[form] / seen[form]:.2f}")


if __name__ == "__main__":
    main()
