"""Mine words that look like Chinese personal names but never act as people in raw news.

A two- or three-character string that starts with a family name of ``surnames.yml``
(雷达, 马达, 陆军, 来源, 支持) is a plausible name to a character model or a title
pattern. The raw corpus tells names from words in two ways; a string seen at least
``--min-count`` times is a look-alike when either says it is a word:

* people are followed by speech verbs (表示, 说, 透露 …) or preceded by job titles (CEO,
  创始人, 教授 …) a fair share of the time; words are not: its share of such person
  contexts is at most ``--max-share``;
* with ``--ner-spans`` (written by ``ner_corpus_spans.py``), the shipped NER model reads
  it in context: of its occurrences that no model name covers or that the model reads as
  exactly this person, at most ``--max-model-share`` are people, and at least
  ``--min-free-share`` of all its occurrences stand outside every model name (so that 马斯
  of 马斯克 is no word). This catches the words a title pattern misreads (工程师和技术,
  分析师普遍, 投资人应该) whose contexts fool the first test (CEO强调).

Writes ``data/entities/person_lookalikes.tsv`` (strings and counts only, no corpus text);
``hkg_entity_ruler`` drops a statistical or title-pattern PERSON that is one of them.

usage: python scripts/mine_person_lookalikes.py RAW_DIR SURNAMES.yml OUT.tsv
       [--ner-spans output/ner_spans.jsonl]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import yaml
from ner_corpus_spans import read_spans
from raw_sample import article_texts

AFTER = re.compile(r"(?:表示|说|认为|指出|介绍|透露|坦言|强调|回忆|称|告诉|提到|解释|补充)")
BEFORE = re.compile(
    r"(?:CEO|CTO|创始人|董事长|总裁|教授|先生|女士|总经理|副总裁|首席|主席|负责人|院士|博士)$"
)
CJK = re.compile(r"[\u4e00-\u9fff]")
HEADER = """\
# Strings that look like Chinese personal names (a family name and one or two characters)
# but that raw tech news never uses as people (training/scripts/mine_person_lookalikes.py).
# Columns: word, occurrences, occurrences followed by a speech verb or preceded by a title,
# occurrences the shipped NER reads as this person, occurrences outside every model name.
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("surnames", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--min-count", type=int, default=20)
    ap.add_argument("--max-share", type=float, default=0.005)
    ap.add_argument("--ner-spans", type=Path, default=None)
    ap.add_argument("--max-model-share", type=float, default=0.02)
    ap.add_argument("--min-free-share", type=float, default=0.8)
    args = ap.parse_args()
    names = yaml.safe_load(args.surnames.read_text(encoding="utf-8"))
    single = set(names["single"])  # every family name the person patterns know
    spans = read_spans(args.ner_spans) if args.ner_spans else {}
    count: Counter[str] = Counter()
    person: Counter[str] = Counter()
    model: Counter[str] = Counter()  # read by the model as exactly this person
    free: Counter[str] = Counter()  # outside every name the model read
    for k, text in enumerate(article_texts(args.raw)):
        covered = bytearray(len(text) + 1)
        for start, end, label in spans.get(k, []):
            covered[start:end] = b"\x01" * (end - start)
            if label == "PERSON" and end - start in (2, 3):
                model[text[start:end]] += 1
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
                if not any(covered[i : i + n]):
                    free[cand] += 1

    def model_word(w: str) -> bool:
        read = model[w] + free[w]
        return (
            bool(spans)
            and free[w] >= args.min_free_share * count[w]
            and model[w] <= args.max_model_share * read
        )

    kept = sorted(
        (w, c, person[w], model[w], free[w])
        for w, c in count.items()
        if c >= args.min_count and (person[w] / c <= args.max_share or model_word(w))
    )
    rows = ["\t".join(map(str, row)) for row in kept]
    args.out.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(kept)} person look-alikes -> {args.out}")


if __name__ == "__main__":
    main()
