"""Sample raw tech-news sentences for hand annotation (names and their types).

Usage: python sample_annotation.py RAW.jsonl [RAW.jsonl ...] --out DIR [--sentences 2000]
    [--batches 8] [--seed 13] [--exclude DIR ...]

Run again with another ``--seed`` for more: sentences already in ``DIR/batch_*.jsonl`` are
not drawn again, and the new batches and ids follow the old ones.

Writes ``DIR/batch_NN.jsonl`` (one ``{"id", "text"}`` per line) for the annotators, who
follow ``training/ANNOTATION.md`` and write ``DIR/ann_NN.jsonl``;
``annotations_to_spacy.py`` turns their answers into training data. Articles are drawn at
random and give at most two sentences each; three in four sentences are drawn from those
that look like they name something (a Latin word, a quoted or bracketed term, a company,
product or funding word), one in four from the rest, so that sentences without names teach
the model too. A sentence sharing any 10-character run with a file under ``--exclude`` (the
evaluation articles) is never drawn. The raw corpus is training-only: the batches and
annotations stay under the ignored ``training/output/``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

SPLIT = re.compile(r"(?<=[。！？!?；])|\n")
CJK = re.compile(r"[\u4e00-\u9fff]")
NAMEY = re.compile(
    r"[A-Z][A-Za-z]|[「」“”《》]|公司|科技|集团|发布|推出|宣布|创始人|CEO|投资|融资|模型|芯片|汽车|手机|平台|系统|上线|开源"
)
JUNK = re.compile(r"https?://|!\[|\|.*\||^[#>*\-\s]*$|[{}<>=]")
SHINGLE = 10


def shingles(text: str) -> set[str]:
    text = re.sub(r"\s+", "", text)
    return {text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1)}


def excluded(folders: list[Path]) -> set[str]:
    """The 10-character runs of every file under ``folders``: a sentence sharing one is
    never drawn (the evaluation articles)."""
    banned: set[str] = set()
    for folder in folders:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                banned |= shingles(p.read_text(encoding="utf-8", errors="ignore"))
    return banned


def sampler_parser(doc: str, *, sentences: int, seed: int) -> argparse.ArgumentParser:
    """The command line both annotation samplers share: RAW.jsonl ..., ``--out``,
    ``--sentences``, ``--batches``, ``--seed``, ``--exclude``."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("raw", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--sentences", type=int, default=sentences)
    ap.add_argument("--batches", type=int, default=8)
    ap.add_argument("--seed", type=int, default=seed)
    ap.add_argument("--exclude", type=Path, action="append", default=[])
    return ap


def sampler_input(
    args: argparse.Namespace, prefix: str
) -> tuple[set[str], list[dict], tuple[int, list[dict]]]:
    """What a sampler reads: the excluded 10-character runs, the raw rows, and the batches
    an earlier run wrote under ``prefix``."""
    banned = excluded(args.exclude)
    rows = [json.loads(line) for path in args.raw for line in path.open(encoding="utf-8")]
    return banned, rows, earlier(args.out, prefix)


def earlier(out: Path, prefix: str) -> tuple[int, list[dict]]:
    """How many ``OUT/PREFIX_NN.jsonl`` batches an earlier run wrote, and their rows."""
    old = sorted(out.glob(f"{prefix}_*.jsonl"))
    return len(old), [json.loads(line) for path in old for line in path.open(encoding="utf-8")]


def write_batches(
    out: Path, prefix: str, rows: list[dict], batches: int, done: tuple[int, list[dict]]
) -> None:
    """``rows`` in ``batches`` files after the earlier ones, ids following theirs."""
    n_old, old_rows = done
    out.mkdir(parents=True, exist_ok=True)
    size = -(-len(rows) // batches)
    first_id = max((row["id"] for row in old_rows), default=-1) + 1
    for b in range(batches):
        with (out / f"{prefix}_{n_old + b:02d}.jsonl").open("w", encoding="utf-8") as f:
            for i, row in enumerate(rows[b * size : (b + 1) * size], start=first_id + b * size):
                f.write(json.dumps({"id": i, **row}, ensure_ascii=False) + "\n")


def sentences(text: str) -> list[str]:
    out = []
    for s in SPLIT.split(text):
        s = s.strip(" \t\u3000*#>-")
        if 15 <= len(s) <= 150 and not JUNK.search(s) and len(CJK.findall(s)) >= 0.4 * len(s):
            out.append(s)
    return out


def main() -> None:
    args = sampler_parser(__doc__ or "", sentences=2000, seed=13).parse_args()
    banned, rows, done = sampler_input(args, "batch")
    rng = random.Random(args.seed)
    rng.shuffle(rows)
    namey: list[str] = []
    plain: list[str] = []
    seen = {row["text"] for row in done[1]}
    for row in rows:
        picked = 0
        sents = sentences(row["text"])
        rng.shuffle(sents)
        for s in sents:
            if picked == 2 or s in seen or shingles(s) & banned:
                continue
            seen.add(s)
            (namey if NAMEY.search(s) else plain).append(s)
            picked += 1
    n_plain = args.sentences // 4
    chosen = rng.sample(namey, args.sentences - n_plain) + rng.sample(plain, n_plain)
    rng.shuffle(chosen)
    write_batches(args.out, "batch", [{"text": s} for s in chosen], args.batches, done)
    print(f"{len(chosen)} sentences ({len(namey)} name-like, {len(plain)} other available)")


if __name__ == "__main__":
    main()
