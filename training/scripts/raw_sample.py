"""Reading the raw corpus for the ``mine_*.py`` and ``sample_*.py`` scripts, and the
shared command line of the ``sample_*.py`` scripts (a random sample of raw articles).

The ``sample_*.py`` scripts read a random sample of ``zh-tech-news-raw`` articles and print
a random sample of what one rule finds in them, for a person to judge; this module holds
their common arguments and the reading. Nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path


def parse_args(doc: str, articles: int) -> argparse.Namespace:
    """RAW_DIR, --articles N, --sample K, --seed S."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("--articles", type=int, default=articles)
    ap.add_argument("--sample", type=int, default=150)
    ap.add_argument("--seed", type=int, default=0)
    return ap.parse_args()


def mining_parser(doc: str) -> argparse.ArgumentParser:
    """RAW_DIR and OUT, the arguments every ``mine_*.py`` script that writes one table takes;
    each adds its own thresholds."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("raw", type=Path)
    ap.add_argument("out", type=Path)
    return ap


def article_texts(raw: Path) -> Iterator[str]:
    """The text of every article of the raw corpus folder, in file order."""
    for path in sorted(raw.glob("articles-*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)["text"]


def sample_texts(args: argparse.Namespace, max_chars: int = 20000) -> list[str]:
    """``args.articles`` random article texts (seeded), each cut to ``max_chars``."""
    rows = list(article_texts(args.raw))
    random.seed(args.seed)
    return [t[:max_chars] for t in random.sample(rows, min(args.articles, len(rows)))]


def print_sample(hits: list[tuple[str, str, str]], args: argparse.Namespace, what: str) -> None:
    """The number of hits and a random sample of them, tab-separated."""
    print(f"{len(hits)} {what}")
    for row in random.sample(hits, min(args.sample, len(hits))):
        print("\t".join(row))


def write_counts(out: Path, header: str, counts: Counter[str], min_count: int) -> int:
    """Write the strings seen at least ``min_count`` times, most frequent first, as
    ``string<TAB>count`` lines under the ``#`` comment ``header`` (strings and counts
    only, no corpus text); returns how many were written."""
    rows = sorted(
        ((w, n) for w, n in counts.items() if n >= min_count), key=lambda r: (-r[1], r[0])
    )
    out.write_text(header + "".join(f"{w}\t{n}\n" for w, n in rows), encoding="utf-8")
    return len(rows)
