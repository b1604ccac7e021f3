"""The Dask build on a real two-worker LocalCluster equals the local build, byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import hunyuan_kg

distributed = pytest.importorskip("distributed")

from hunyuan_kg.distributed import build_dask  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
LIGHT = {"segmenter": "char", "ner": None}
FILES = ["graph.graphml", "timeline.json"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six sample articles plus one broken file (undecodable bytes, no text)."""
    root = tmp_path_factory.mktemp("corpus")
    arts = sorted(p for p in SAMPLE.iterdir() if p.suffix in {".md", ".txt", ".html"})[:6]
    for p in arts:
        shutil.copy(p, root / p.name)
    (root / "empty.txt").write_bytes(b"")
    return root


@pytest.fixture(scope="module")
def cluster():
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as c,
        distributed.Client(c) as client,
    ):
        yield client


def _bytes(kg: hunyuan_kg.KnowledgeGraph, outdir: Path) -> dict[str, bytes]:
    kg.write(outdir, ["graphml", "json"])
    return {name: (outdir / name).read_bytes() for name in FILES}


def test_dask_build_equals_local_build(corpus: Path, cluster, tmp_path: Path) -> None:
    local = hunyuan_kg.build([corpus], **LIGHT)
    dist = build_dask([corpus], client=cluster, partition_size=2, **LIGHT)
    assert len(dist.documents) == len(local.documents) == 6
    assert [f.doc for f in dist.failures] == [f.doc for f in local.failures] == ["empty"]
    assert _bytes(dist, tmp_path / "dask") == _bytes(local, tmp_path / "local")
    assert dist.graph.number_of_nodes() > 10


def _pipelines_loaded() -> int:
    from hunyuan_kg import distributed as hd

    return len(hd._PIPELINES)


def test_every_worker_took_part(corpus: Path, cluster) -> None:
    build_dask([corpus], client=cluster, partition_size=1, **LIGHT)
    loaded = cluster.run(_pipelines_loaded)
    assert len(loaded) == 2 and all(n == 1 for n in loaded.values())
