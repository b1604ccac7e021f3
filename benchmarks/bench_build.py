"""Benchmark the whole build against jieba.posseg, every variant interleaved in one run.

The corpus is synthetic: ``--copies`` copies of the ``data/sample`` articles, each copy in
its own folder so every document gets its own id. Each round times, one after the other
on the same texts: ``jieba.posseg.lcut`` (the quick alternative users reach for; jieba is
in the ``bench`` extra), the command line in a cold process (``hunyuan-kg build``,
default pipeline, ``--jobs 1`` and ``--jobs 2``; with word tokens, ``--segmenter pkuseg``;
and the fast pipeline ``--segmenter char --ner hunyuan_kg_fast``; a fresh output folder
each time, so no cache),
``hunyuan_kg.build`` + ``kg.write`` with the default and the fast pipeline already loaded,
and the same with the light pipeline (``segmenter="char", ner=None``). Rounds repeat
(``--rounds``, at least 3) and the minimum and median of each variant are printed with
their ratio to jieba's speed (above 1: faster than jieba.posseg), and the machine's load
average before every round: on a shared machine the medians move with it. Run from the
repository root::

    .venv/bin/python benchmarks/bench_build.py --copies 20 --rounds 3

``--stages`` also times each stage in one process (ingest, tokenizer, each component,
records, graph, export). Peak memory is ``benchmarks/bench_memory.py``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import hunyuan_kg
from hunyuan_kg.api import build_options
from hunyuan_kg.extraction import document_info, extraction_from_doc, make_doc
from hunyuan_kg.graph import build_graph
from hunyuan_kg.ingest import collect_paths, read_document, unique_ids

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"


def make_corpus(root: Path, copies: int) -> Path:
    """``copies`` copies of the sample articles under ``root/corpus/cNNNNN/``."""
    corpus = root / "corpus"
    articles = [p for p in sorted(SAMPLE.iterdir()) if p.suffix in {".md", ".txt", ".html"}]
    for i in range(copies):
        folder = corpus / f"c{i:05d}"
        folder.mkdir(parents=True)
        for p in articles:
            shutil.copy(p, folder / p.name)
    return corpus


def load_options(light: bool) -> dict[str, Any]:
    return {"segmenter": "char", "ner": None} if light else {}


def timed(fn: Any, *args: Any, **kw: Any) -> tuple[Any, float]:
    t = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t


def stages(corpus: Path, options: dict[str, Any], batch_size: int) -> dict[str, float]:
    """Seconds per stage, all in this process."""
    out: dict[str, float] = {}
    nlp, out["load pipeline"] = timed(hunyuan_kg.load, **options)

    def ingest() -> list[Any]:
        files = collect_paths([corpus])
        ids = unique_ids(files)
        return [read_document(p, doc_id=ids[p]) for p in files]

    documents, out["ingest"] = timed(ingest)
    docs, out["tokenizer"] = timed(lambda: [make_doc(nlp, d) for d in documents])
    for name, proc in nlp.pipeline:
        if hasattr(proc, "pipe"):
            docs, out[name] = timed(lambda p=proc, ds=docs: list(p.pipe(ds, batch_size=batch_size)))
        else:
            docs, out[name] = timed(lambda p=proc, ds=docs: [p(d) for d in ds])
    pairs = list(zip(docs, documents, strict=True))
    exts, out["extraction records"] = timed(
        lambda: [extraction_from_doc(doc, document_info(d)) for doc, d in pairs]
    )
    kg, out["graph (resolution)"] = timed(build_graph, exts)
    with tempfile.TemporaryDirectory() as tmp:
        _, out["export (all formats)"] = timed(kg.write, tmp)
    return out


def texts(corpus: Path) -> list[str]:
    files = collect_paths([corpus])
    ids = unique_ids(files)
    return [read_document(p, doc_id=ids[p]).text for p in files]


FAST: dict[str, Any] = {"segmenter": "char", "ner": "hunyuan_kg_fast"}
WORDS: dict[str, Any] = {"segmenter": "pkuseg"}  # the build's default until session 11


def cli_build(corpus: Path, jobs: int, options: dict[str, Any] | None = None) -> float:
    """Seconds of ``hunyuan-kg build`` in a new process (default pipeline unless ``options``
    are given, new folder)."""
    extra = [x for k, v in (options or {}).items() for x in (f"--{k}", v)]
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "hunyuan_kg", "build", str(corpus), "-o", tmp, "-q", *extra]
        t = time.perf_counter()
        done = subprocess.run([*cmd, "--jobs", str(jobs)], capture_output=True, text=True)
        secs = time.perf_counter() - t
    if done.returncode not in (0, 1):
        raise SystemExit(f"hunyuan-kg build failed: {done.stderr}")
    return secs


def loaded_build(corpus: Path, nlp: Any) -> float:
    """Seconds of ``hunyuan_kg.build`` with ``nlp`` and ``kg.write`` (all formats)."""
    t = time.perf_counter()
    kg = hunyuan_kg.build([corpus], nlp=nlp)
    with tempfile.TemporaryDirectory() as tmp:
        kg.write(tmp)
    return time.perf_counter() - t


def dask_build(corpus: Path, options: dict[str, Any], workers: int) -> tuple[float, float]:
    """Seconds for :func:`build_dask` on a fresh LocalCluster of ``workers`` processes:
    (cluster start included, build alone)."""
    from distributed import Client, LocalCluster

    from hunyuan_kg.distributed import build_dask

    t = time.perf_counter()
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as c,
        Client(c) as client,
    ):
        client.run(lambda: None)
        t_build = time.perf_counter()
        build_dask([corpus], client=client, partition_size=16, **options)
        done = time.perf_counter()
    return done - t, done - t_build


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=20, help="copies of data/sample")
    ap.add_argument("--rounds", type=int, default=3, help="rounds (at least 3)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--stages", action="store_true", help="also time each stage")
    ap.add_argument("--dask", default="", help="LocalCluster worker counts to time, e.g. 1,2")
    args = ap.parse_args()
    rounds = max(3, args.rounds)
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    pseg.lcut("腾讯发布混元大模型。")  # the dictionary loads outside the timing
    print(
        f"# {platform.node()} · {platform.processor() or platform.machine()} · "
        f"{os.cpu_count()} cores · Python {platform.python_version()} · "
        f"{time.strftime('%Y-%m-%d %H:%M')}"
    )
    default_nlp = hunyuan_kg.load(**build_options({}))
    light_nlp = hunyuan_kg.load(**load_options(True))
    fast_nlp = hunyuan_kg.load(**FAST)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(Path(tmp), args.copies)
        all_texts = texts(corpus)
        chars = sum(map(len, all_texts))
        print(f"corpus: {args.copies} copies, {len(all_texts)} documents, {chars:,} characters")
        variants: dict[str, Any] = {
            "jieba.posseg.lcut (1 process)": lambda: timed(
                lambda: [pseg.lcut(t) for t in all_texts]
            )[1],
            "hunyuan-kg build, default, cold process, --jobs 1": lambda: cli_build(corpus, 1),
            "hunyuan-kg build, default, cold process, --jobs 2": lambda: cli_build(corpus, 2),
            "hunyuan-kg build, words (--segmenter pkuseg), cold process, --jobs 1": lambda: (
                cli_build(corpus, 1, WORDS)
            ),
            "hunyuan-kg build, fast (char, hunyuan_kg_fast), cold process, --jobs 1": lambda: (
                cli_build(corpus, 1, FAST)
            ),
            "build() + write, default pipeline loaded": lambda: loaded_build(corpus, default_nlp),
            "build() + write, fast pipeline loaded": lambda: loaded_build(corpus, fast_nlp),
            "build() + write, light pipeline loaded": lambda: loaded_build(corpus, light_nlp),
        }
        seconds: dict[str, list[float]] = {name: [] for name in variants}
        for r in range(rounds):
            load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
            print(f"round {r + 1}: load average {load}", flush=True)
            for name, run in variants.items():
                seconds[name].append(run())
        print(f"load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
        jieba_min = min(seconds["jieba.posseg.lcut (1 process)"])
        jieba_med = statistics.median(seconds["jieba.posseg.lcut (1 process)"])
        print(
            "\n| variant | min s | median s | chars/s (median) | ratio to jieba "
            "(min / median) |\n|---|---:|---:|---:|---:|"
        )
        for name, secs in seconds.items():
            lo, med = min(secs), statistics.median(secs)
            print(
                f"| {name} | {lo:.2f} | {med:.2f} | {chars / med:,.0f} | "
                f"{jieba_min / lo:.2f} / {jieba_med / med:.2f} |"
            )
        for workers in (int(w) for w in args.dask.split(",") if w):
            total, build = dask_build(corpus, {}, workers)
            print(
                f"build_dask, {workers} worker(s): {build:.2f} s build "
                f"({chars / build:,.0f} chars/s), {total:.2f} s with cluster start"
            )
        if args.stages:
            per_stage = stages(corpus, build_options({}), args.batch_size)
            print(f"\n{'stage (default pipeline)':28} {'seconds':>8} {'chars/s':>12}")
            for stage, took in per_stage.items():
                print(f"{stage:28} {took:8.3f} {chars / took:12,.0f}")


if __name__ == "__main__":
    main()
