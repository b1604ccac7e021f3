"""Check that ``--dask-local 2`` gives the same files as the local build, byte for byte.

Builds ``--copies`` copies of the ``data/sample`` articles (each copy in its own folder)
twice with the command line, ``hunyuan-kg build CORPUS -o local`` and ``hunyuan-kg
build CORPUS -o dask --dask-local N``, and compares every output file (the local build's
``.cache/`` aside). Prints the seconds of each build, the machine's load average and
IDENTICAL, or the files that differ (exit status 1). Run from the repository root::

    .venv/bin/python benchmarks/check_dask_identity.py --copies 2000 --light
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_memory import make_corpus


def files(root: Path) -> dict[str, bytes]:
    """Every output file under ``root`` by relative path, the cache aside."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".cache" not in p.relative_to(root).parts
    }


def build(corpus: Path, out: Path, extra: list[str], light: bool) -> float:
    """Seconds of one ``hunyuan-kg build`` (exit status 0 or 1 accepted)."""
    cmd = [sys.executable, "-m", "hunyuan_kg", "build", str(corpus), "-o", str(out), "-q"]
    cmd += ["--segmenter", "char", "--ner", "none"] if light else []
    started = time.perf_counter()
    done = subprocess.run(cmd + extra, capture_output=True, text=True)
    if done.returncode not in (0, 1) or not (out / "timeline.json").is_file():
        raise SystemExit(f"{' '.join(cmd + extra)} failed:\n{done.stderr}")
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--jobs", type=int, default=1, help="--jobs of the local build")
    ap.add_argument("--light", action="store_true", help="--segmenter char --ner none")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(Path(tmp), args.copies)
        n = sum(1 for p in corpus.rglob("*") if p.is_file())
        print(f"# {args.copies} copies, {n} articles, load average {os.getloadavg()}")
        local = build(corpus, Path(tmp) / "local", ["--jobs", str(args.jobs)], args.light)
        print(f"local build (--jobs {args.jobs}): {local:.1f} s", flush=True)
        dask = build(corpus, Path(tmp) / "dask", ["--dask-local", str(args.workers)], args.light)
        print(f"--dask-local {args.workers}: {dask:.1f} s; load average {os.getloadavg()}")
        a, b = files(Path(tmp) / "local"), files(Path(tmp) / "dask")
        differ = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
        total = sum(map(len, a.values()))
        if differ:
            print(f"DIFFERENT: {', '.join(differ)}")
            raise SystemExit(1)
        print(f"IDENTICAL: {len(a)} files, {total:,} bytes")


if __name__ == "__main__":
    main()
