"""Benchmark the build: whole run, each stage, a jieba.posseg baseline and peak memory.

The corpus is synthetic: ``--copies`` copies of the ``data/sample`` articles, each copy in
its own folder so every document gets its own id. Run from the repository root::

    .venv/bin/python benchmarks/bench_build.py --copies 20 --jobs 2 --light

``--light`` uses ``hunyuan_kg.load(segmenter="char", ner=None)``; without it the default
pipeline (shipped models) is used. Stages are timed in one process: ingest (read and
clean the files), tokenizer, each pipeline component called over all docs, extraction
records, graph (resolution and assembly), export. The full build (``hunyuan_kg.build``
with ``--jobs`` processes, then ``kg.write``) is timed separately, and
``jieba.posseg.lcut`` (if installed; jieba is not a dependency) over the same texts is the
baseline. Peak RSS of a full build over N and 10N documents is measured in fresh
subprocesses (``ru_maxrss`` of the process plus its largest worker).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import hunyuan_kg
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


def jieba_seconds(all_texts: list[str]) -> float | None:
    try:
        import jieba
        import jieba.posseg as pseg
    except ImportError:
        return None
    jieba.setLogLevel(60)
    pseg.lcut("腾讯发布混元大模型。")  # load the dictionary outside the timing
    _, secs = timed(lambda: [pseg.lcut(t) for t in all_texts])
    return secs


def full_build(corpus: Path, options: dict[str, Any], jobs: int, batch_size: int) -> float:
    t = time.perf_counter()
    kg = hunyuan_kg.build([corpus], jobs=jobs, batch_size=batch_size, **options)
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


def peak_rss_mib(copies: int, light: bool, jobs: int, batch_size: int) -> dict[str, float]:
    """Run a full build in a fresh interpreter; its own and its largest child's peak RSS."""
    cmd = [sys.executable, __file__, "--rss-child", "--copies", str(copies)]
    cmd += ["--jobs", str(jobs), "--batch-size", str(batch_size)] + (["--light"] if light else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def rss_child(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(Path(tmp), args.copies)
        seconds = full_build(corpus, load_options(args.light), args.jobs, args.batch_size)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        json.dumps(
            {"main_mib": round(own, 1), "worker_mib": round(child, 1), "seconds": round(seconds, 2)}
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=10, help="copies of data/sample (N)")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the full build")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--light", action="store_true", help="segmenter=char, ner=None")
    ap.add_argument("--no-rss", action="store_true", help="skip the N vs 10N memory runs")
    ap.add_argument("--dask", default="", help="LocalCluster worker counts to time, e.g. 1,2")
    ap.add_argument("--rss-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.rss_child:
        rss_child(args)
        return
    options = load_options(args.light)
    print(
        f"# {platform.node()} · {platform.processor() or platform.machine()} · "
        f"Python {platform.python_version()} · {time.strftime('%Y-%m-%d %H:%M')}"
    )
    print(f"pipeline: {options or 'default'}; jobs={args.jobs}; batch_size={args.batch_size}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(Path(tmp), args.copies)
        all_texts = texts(corpus)
        chars = sum(map(len, all_texts))
        print(f"corpus: {len(all_texts)} documents, {chars} characters")
        per_stage = stages(corpus, options, args.batch_size)
        print(f"\n{'stage':28} {'seconds':>8} {'chars/s':>12}")
        for name, secs in per_stage.items():
            print(f"{name:28} {secs:8.3f} {chars / secs:12,.0f}")
        build_1 = full_build(corpus, options, 1, args.batch_size)
        build_j = full_build(corpus, options, args.jobs, args.batch_size)
        baseline = jieba_seconds(all_texts)
        for workers in (int(w) for w in args.dask.split(",") if w):
            total, build = dask_build(corpus, options, workers)
            print(
                f"build_dask, {workers} worker(s): {build:.2f} s build "
                f"({chars / build:,.0f} chars/s), {total:.2f} s with cluster start"
            )
    print(f"\nfull build + export, jobs=1: {build_1:.2f} s, {chars / build_1:,.0f} chars/s")
    print(f"full build + export, jobs={args.jobs}: {build_j:.2f} s, {chars / build_j:,.0f} chars/s")
    if baseline is None:
        print("jieba.posseg baseline: unavailable (jieba is not installed)")
    else:
        print(f"jieba.posseg.lcut, 1 process: {baseline:.2f} s, {chars / baseline:,.0f} chars/s")
        print(f"ratio full build (jobs={args.jobs}) / jieba.posseg: {baseline / build_j:.2f}x")
    if not args.no_rss:
        small = peak_rss_mib(args.copies, args.light, args.jobs, args.batch_size)
        big = peak_rss_mib(10 * args.copies, args.light, args.jobs, args.batch_size)
        print(f"\npeak RSS, N={args.copies} copies: {small}")
        print(f"peak RSS, 10N={10 * args.copies} copies: {big}")
        print(f"ratio main process 10N/N: {big['main_mib'] / small['main_mib']:.2f}")


if __name__ == "__main__":
    main()
