"""Benchmark the offline explorer (``out/explorer/``) at scale: folder size and page load.

Two corpora:

* ``--copies N`` (default 100) copies of every ``data/sample`` article under new file names
  (``NAME-001.md`` ...), built with ``hunyuan-kg build --segmenter char --ner none
  --format explorer``: the same entities over and over, so this measures many documents,
  mentions and evidence sentences;
* ``--entities M`` (default 3000; 0 to skip): a synthetic graph of M distinct entities (and
  M/2 dated events, 2 relations per entity) written straight from a ``KnowledgeGraph``,
  which measures a graph of a few thousand nodes.

For each, headless Chromium (software WebGL) opens ``explorer/index.html`` from ``file://``
``--runs`` times in a fresh browser: *load* is from navigation start to the later of the
load event's end and the first frame painted after ``app.js`` finished (data parsed,
graph built, sigma.js drawn); when ``app.js`` finished is printed too. Then one search (typing
混元 / a synthetic name) and one move of the date slider are timed in the page. Targets:
load < 3 s and folder < 20 MB. Not a unit test; run from the repository root::

    .venv/bin/python benchmarks/bench_explorer.py [--copies 100] [--entities 3000]
"""

from __future__ import annotations

import argparse
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
sys.path.insert(0, str(ROOT / "tests"))

from helpers_cdp import CHROMIUM, Browser  # noqa: E402

LOAD_TARGET_S = 3.0
SIZE_TARGET_MB = 20.0


def copy_corpus(dest: Path, copies: int) -> int:
    """``copies`` copies of each sample article, renamed; returns the number of files."""
    dest.mkdir(parents=True)
    articles = [p for p in sorted(SAMPLE.iterdir()) if p.suffix in {".md", ".txt", ".html"}]
    for k in range(1, copies + 1):
        for p in articles:
            shutil.copyfile(p, dest / f"{p.stem}-{k:03d}{p.suffix}")
    return copies * len(articles)


def build_copies(tmp: Path, copies: int, jobs: int) -> tuple[Path, float, int]:
    n = copy_corpus(tmp / "corpus", copies)
    out = tmp / "out"
    cmd = [
        sys.executable, "-m", "hunyuan_kg", "build", str(tmp / "corpus"), "-o", str(out),
        "--segmenter", "char", "--ner", "none", "--format", "explorer", "--jobs", str(jobs),
        "--quiet",
    ]  # fmt: skip
    started = time.perf_counter()
    subprocess.run(cmd, check=True)
    return out / "explorer", time.perf_counter() - started, n


def synthetic_kg(entities: int, seed: int = 7):
    """A graph of ``entities`` distinct named entities, M/2 dated events, 2M relations."""
    import networkx as nx

    from hunyuan_kg.kg import DocumentInfo, KnowledgeGraph
    from hunyuan_kg.records import Participant, Source, TimelineEvent

    rng = random.Random(seed)
    kinds = ["ORG", "PRODUCT", "PERSON", "LOC"]
    syllables = "腾讯阿里百度字节华为小米智谱月之暗面深度求索混元通义文心豆包星火盘古天工"
    g = nx.MultiDiGraph()
    docs = [
        DocumentInfo(f"d{i:04d}", f"第 {i} 篇报道", None, "2024-01-01", "metadata")
        for i in range(500)
    ]
    ids = []
    for i in range(entities):
        kind = kinds[i % 4]
        label = "".join(rng.choice(syllables) for _ in range(3)) + f"{i}"
        node = f"{kind}:{label}"
        src = Source(rng.choice(docs).id, f"{label}是第 {i} 个实体。", 0, len(label))
        g.add_node(
            node, label=label, type=kind, aliases=[label, f"E{i}"], mentions=rng.randint(1, 40),
            docs=[src.doc], evidence=src.sentence, sources=[src],
        )  # fmt: skip
        ids.append((node, label, kind))
    for i, (node, _, _) in enumerate(ids):
        for other in rng.sample(ids[: max(i, 2)], 2):
            if other[0] != node:
                src = Source(rng.choice(docs).id, f"关系句子 {i}。", 0, 1)
                g.add_edge(
                    node, other[0], key="uses", type="uses", role="", docs=[src.doc],
                    evidence=src.sentence, sources=[src], weight=1,
                )  # fmt: skip
    events = []
    for k in range(entities // 2):
        a, b = rng.sample(ids, 2)
        date = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        src = Source(rng.choice(docs).id, f"{a[1]}与{b[1]}合作（{date}）。", 0, 1)
        ev = TimelineEvent(
            f"EVENT:partnership:{date}:{k}", "partnership", f"{a[1]}与{b[1]}合作", date, "day",
            participants=[Participant(a[0], a[1], a[2], "agent"), Participant(b[0], b[1], b[2])],
            sources=[src],
        )  # fmt: skip
        events.append(ev)
        g.add_node(
            ev.id, label=ev.title, type="EVENT", event_type=ev.type, date=date,
            granularity="day", status="happened", aliases=[], mentions=1, docs=[src.doc],
            evidence=src.sentence, sources=[src],
        )  # fmt: skip
        for p in ev.participants:
            g.add_edge(
                ev.id, p.id, key="participant", type="participant", role=p.role or "",
                docs=[src.doc], evidence=src.sentence, sources=[src], weight=1,
            )  # fmt: skip
    return KnowledgeGraph(g, events, docs), ids[0][1]


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


MEASURE_SEARCH = """(async () => {
  const input = document.getElementById('search');
  const t0 = performance.now();
  input.value = %s; input.dispatchEvent(new Event('input'));
  const n = document.querySelectorAll('#suggestions li a').length;
  return [performance.now() - t0, n]; })()"""
MEASURE_SLIDER = """(async () => {
  const s = document.getElementById('date-slider');
  const t0 = performance.now();
  s.value = String(Math.floor(Number(s.max) / 2)); s.dispatchEvent(new Event('input'));
  window.hkgRenderer.refresh();
  return [performance.now() - t0, Number(document.getElementById('visible-count').textContent)];
})()"""


def measure(folder: Path, runs: int, query: str, profile: Path) -> dict[str, float]:
    page = (folder / "index.html").as_uri()
    loads, ready, search_ms, slider_ms = [], [], [], []
    nodes = 0
    for run in range(runs):
        with Browser(profile / str(run)) as b:
            b.open(page)
            b.wait_for("document.body.dataset.ready === '1'", timeout=60)
            painted = b.wait_for("window.hkgPaintedAt", timeout=60)
            load_end = b.eval("performance.getEntriesByType('navigation')[0].loadEventEnd")
            ready.append(b.eval("window.hkgReadyAt") / 1000)  # ms since navigation start
            loads.append(max(painted, load_end) / 1000)
            nodes = b.eval("window.hkgRenderer.getGraph().order")
            ms, hits = b.eval(MEASURE_SEARCH % repr(query))
            search_ms.append(ms)
            ms2, _ = b.eval(MEASURE_SLIDER)
            slider_ms.append(ms2)
            if b.errors:
                print("  console errors:", b.errors[:3])
    return {
        "load_s": statistics.median(loads),
        "load_max_s": max(loads),
        "ready_s": statistics.median(ready),
        "search_ms": statistics.median(search_ms),
        "search_hits": hits,
        "slider_ms": statistics.median(slider_ms),
        "nodes": nodes,
        "size_mb": folder_mb(folder),
        "index_mb": (folder / "index.html").stat().st_size / 1e6,
    }


def report(name: str, m: dict[str, float]) -> None:
    ok_load = "ok" if m["load_max_s"] < LOAD_TARGET_S else "OVER TARGET"
    ok_size = "ok" if m["size_mb"] < SIZE_TARGET_MB else "OVER TARGET"
    print(f"{name}")
    print(f"  nodes drawn        {m['nodes']}")
    print(
        f"  load               median {m['load_s']:.2f} s, max {m['load_max_s']:.2f} s "
        f"(target < {LOAD_TARGET_S} s: {ok_load}); app.js done at {m['ready_s']:.2f} s"
    )
    print(
        f"  folder             {m['size_mb']:.2f} MB (index.html {m['index_mb']:.2f} MB; "
        f"target < {SIZE_TARGET_MB} MB: {ok_size})"
    )
    print(f"  search keystroke   {m['search_ms']:.1f} ms ({m['search_hits']} suggestions)")
    print(f"  date slider move   {m['slider_ms']:.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=100)
    ap.add_argument("--entities", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if CHROMIUM is None:
        raise SystemExit("headless Chromium is not installed (Debian: apt-get install chromium)")
    print(f"# {platform.platform()}, Python {platform.python_version()}, {CHROMIUM}")
    with tempfile.TemporaryDirectory() as tmp_:
        tmp = Path(tmp_)
        if args.copies:
            folder, seconds, n = build_copies(tmp / "copies", args.copies, args.jobs)
            m = measure(folder, args.runs, "混元", tmp / "profile-a")
            report(f"{args.copies} × data/sample ({n} articles; build {seconds:.0f} s)", m)
        if args.entities:
            from hunyuan_kg.export import write_all

            kg, first = synthetic_kg(args.entities)
            started = time.perf_counter()
            (folder,) = write_all(kg, tmp / "synthetic", ["explorer"])
            seconds = time.perf_counter() - started
            m = measure(folder, args.runs, first[:2], tmp / "profile-b")
            report(f"synthetic, {args.entities} entities (write {seconds:.1f} s)", m)


if __name__ == "__main__":
    main()
