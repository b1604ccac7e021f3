"""Raw-text file for ``spacy pretrain``: the tech-news articles cut into chunks of at most N chars.

Usage: python build_pretrain_text.py ARTICLES.jsonl [...] OUT.jsonl [--max-chars 500]

Each article's ``text`` is split into paragraphs (newlines); paragraphs longer than
``--max-chars`` are cut after sentence-final punctuation (。！？；) where possible, otherwise
hard-cut. Writes one ``{"text": ...}`` line per chunk. OUT must be in ``output/`` (git-ignored):
the chunks are corpus text.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path

SENT_END = re.compile(r"(?<=[。！？；!?])")


def chunks(text: str, max_chars: int) -> Iterator[str]:
    """The paragraphs of ``text`` in pieces of at most ``max_chars``, cut after sentences."""
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        buf = ""
        for sent in SENT_END.split(para):
            while len(sent) > max_chars:
                if buf:
                    yield buf
                    buf = ""
                yield sent[:max_chars]
                sent = sent[max_chars:]
            if len(buf) + len(sent) > max_chars:
                yield buf
                buf = ""
            buf += sent
        if buf.strip():
            yield buf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", type=Path, nargs="+")
    parser.add_argument("--max-chars", type=int, default=500)
    parser.add_argument("--min-chars", type=int, default=5)
    args = parser.parse_args()
    *inputs, out = args.paths
    n_lines = n_chars = 0
    with out.open("w", encoding="utf-8") as f:
        for path in inputs:
            for line in path.open(encoding="utf-8"):
                text = json.loads(line).get("text") or ""
                for chunk in chunks(text, args.max_chars):
                    chunk = chunk.strip()
                    if len(chunk) < args.min_chars:
                        continue
                    f.write(json.dumps({"text": chunk}, ensure_ascii=False) + "\n")
                    n_lines += 1
                    n_chars += len(chunk)
    print(f"{n_lines} chunks, {n_chars} chars -> {out}")


if __name__ == "__main__":
    main()
