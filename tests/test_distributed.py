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


def test_cli_dask_local_writes_the_files_of_the_local_build(tmp_path: Path) -> None:
    """``hunyuan-kg build --dask-local 2`` on a few copies of the sample (each copy its own
    folder, so documents share names and text): every output file equals the local
    build's, byte for byte."""
    from typer.testing import CliRunner

    from hunyuan_kg.cli import app

    corpus = tmp_path / "corpus"
    arts = sorted(p for p in SAMPLE.iterdir() if p.suffix in {".md", ".txt", ".html"})[:4]
    for i in range(3):
        (corpus / f"c{i}").mkdir(parents=True)
        for p in arts:
            shutil.copy(p, corpus / f"c{i}" / p.name)
    light = ["--segmenter", "char", "--ner", "none", "-q"]
    runner = CliRunner()
    local = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "local"), *light])
    dask = runner.invoke(
        app, ["build", str(corpus), "-o", str(tmp_path / "dask"), "--dask-local", "2", *light]
    )
    assert local.exit_code == dask.exit_code == 0, (local.output, dask.output)

    def files(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes()
            for p in root.rglob("*")
            if p.is_file() and ".cache" not in p.relative_to(root).parts
        }

    got, want = files(tmp_path / "dask"), files(tmp_path / "local")
    assert "timeline.json" in want and len(want) > 10
    assert got == want
