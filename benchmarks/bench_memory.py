"""Peak memory of a whole build against corpus size: flat, or growing with the corpus?

Each size runs in a fresh interpreter: ``--copies`` copies of the ``data/sample``
articles (each copy in its own folder, so every document has its own id), then
``hunyuan_kg.build`` and ``kg.write`` (every format), as ``hunyuan-kg build`` does. It
prints, per size, the peak RSS of the build's process (``ru_maxrss``) and of its largest
worker process (``--jobs`` > 1), the seconds and the machine's load average, then the
ratio of the largest to the smallest size's main-process peak and a linear extrapolation
of the peak to ``--extrapolate`` articles from the two largest sizes. Run from the
repository root::

    .venv/bin/python benchmarks/bench_memory.py --copies 20,200,2000 --light

``--light`` uses ``hunyuan_kg.load(segmenter="char", ner=None)``; without it, the
default pipeline. ``--articles 10000`` adds a run of that many articles (whole copies,
rounded up).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"


def articles() -> list[Path]:
    """The sample articles (gold.json is no article)."""
    return [p for p in sorted(SAMPLE.iterdir()) if p.suffix in {".md", ".txt", ".html"}]


def make_corpus(root: Path, copies: int) -> Path:
    """``copies`` copies of the sample articles under ``root/corpus/cNNNNN/``."""
    corpus = root / "corpus"
    for i in range(copies):
        folder = corpus / f"c{i:05d}"
        folder.mkdir(parents=True)
        for p in articles():
            shutil.copy(p, folder / p.name)
    return corpus


def child(copies: int, light: bool, jobs: int) -> dict[str, Any]:
    """Build ``copies`` copies in this process; its and its workers' peak RSS."""
    import hunyuan_kg

    options: dict[str, Any] = {"segmenter": "char", "ner": None} if light else {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(Path(tmp), copies)
        chars = sum(len(p.read_text(encoding="utf-8", errors="replace")) for p in articles())
        started = time.perf_counter()
        kg = hunyuan_kg.build([corpus], jobs=jobs, **options)
        kg.write(Path(tmp) / "out")
        seconds = time.perf_counter() - started
        sizes = sum(f.stat().st_size for f in (Path(tmp) / "out").rglob("*") if f.is_file())
    return {
        "copies": copies,
        "articles": copies * len(articles()),
        "characters": copies * chars,
        "main_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "seconds": round(seconds, 1),
        "output_mib": round(sizes / 2**20, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def measure(copies: int, light: bool, jobs: int) -> dict[str, Any]:
    """Run :func:`child` in a fresh interpreter."""
    cmd = [sys.executable, __file__, "--child", str(copies), "--jobs", str(jobs)]
    out = subprocess.run(cmd + (["--light"] if light else []), check=True, capture_output=True)
    return dict(json.loads(out.stdout.decode().strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", default="20,200,2000", help="sizes, in copies of data/sample")
    ap.add_argument("--articles", type=int, default=0, help="also a run of about N articles")
    ap.add_argument("--jobs", type=int, default=1, help="processes for the extraction")
    ap.add_argument("--light", action="store_true", help="segmenter=char, ner=None")
    ap.add_argument("--extrapolate", type=int, default=100_000, help="articles to extrapolate to")
    ap.add_argument("--child", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.light, args.jobs)))
        return
    sizes = [int(c) for c in args.copies.split(",") if c]
    if args.articles:
        sizes.append(math.ceil(args.articles / len(articles())))
    sizes = sorted(set(sizes))
    pipeline = "light (segmenter=char, ner=None)" if args.light else "default"
    print(
        f"# bench_memory · {time.strftime('%Y-%m-%d %H:%M')} · pipeline {pipeline} · "
        f"jobs {args.jobs} · {os.cpu_count()} cores · load average {os.getloadavg()}"
    )
    print(
        f"{'copies':>7} {'articles':>9} {'chars':>11} {'main MiB':>9} {'worker MiB':>10} "
        f"{'seconds':>8} {'out MiB':>8}  load average"
    )
    rows = []
    for copies in sizes:
        r = measure(copies, args.light, args.jobs)
        rows.append(r)
        print(
            f"{r['copies']:>7} {r['articles']:>9} {r['characters']:>11,} {r['main_mib']:>9} "
            f"{r['worker_mib']:>10} {r['seconds']:>8} {r['output_mib']:>8}  "
            f"{r['load_average']}",
            flush=True,
        )
    small, big = rows[0], rows[-1]
    print(
        f"ratio main-process peak, {big['copies']} / {small['copies']} copies: "
        f"{big['main_mib'] / small['main_mib']:.2f}"
    )
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        slope = (b["main_mib"] - a["main_mib"]) / max(1, b["articles"] - a["articles"])
        at = b["main_mib"] + slope * (args.extrapolate - b["articles"])
        print(
            f"growth between the two largest sizes: {slope * 1024:.2f} KiB per article; "
            f"extrapolated main-process peak at {args.extrapolate:,} articles: {at:,.0f} MiB"
        )


if __name__ == "__main__":
    main()
