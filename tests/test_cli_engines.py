"""``hunyuan-kg build --update`` and ``--dask-local`` give what a full local build gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hunyuan_kg.cli import app

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"


@pytest.fixture()
def halves(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for i, f in enumerate(sorted(SAMPLE.glob("*.md"))[:4]):
        shutil.copy(f, (a if i % 2 else b) / f.name)
    return a, b


def _same(x: Path, y: Path) -> None:
    for name in ("graph.graphml", "graph.gexf", "timeline.json"):
        assert (x / name).read_bytes() == (y / name).read_bytes(), name


def test_update_equals_full_build(halves, tmp_path):
    a, b = halves
    runner = CliRunner()
    inc, full = tmp_path / "inc", tmp_path / "full"
    assert runner.invoke(app, ["build", str(a), "-o", str(inc), "-q"]).exit_code == 0
    assert runner.invoke(app, ["build", "--update", str(inc), str(b), "-q"]).exit_code == 0
    assert runner.invoke(app, ["build", str(a), str(b), "-o", str(full), "-q"]).exit_code == 0
    _same(inc, full)


def test_output_folder_is_required(halves):
    result = CliRunner().invoke(app, ["build", str(halves[0])])
    assert result.exit_code == 2


@pytest.mark.slow
def test_dask_local_equals_local_build(halves, tmp_path):
    pytest.importorskip("dask.distributed")
    a, b = halves
    runner = CliRunner()
    local, dask_out = tmp_path / "local", tmp_path / "dask"
    assert runner.invoke(app, ["build", str(a), str(b), "-o", str(local), "-q"]).exit_code == 0
    result = runner.invoke(
        app, ["build", str(a), str(b), "-o", str(dask_out), "--dask-local", "2", "-q"]
    )
    assert result.exit_code == 0, result.output
    _same(local, dask_out)


def test_the_fast_shipped_ner_is_an_option_of_the_command_line(halves, tmp_path):
    a, _ = halves
    out = tmp_path / "fast"
    args = ["build", str(a), "-o", str(out), "-q", "--segmenter", "char"]
    result = CliRunner().invoke(app, [*args, "--ner", "hunyuan_kg_fast"])
    assert result.exit_code == 0, result.output
    rows = (out / "entities.csv").read_text("utf-8-sig").splitlines()[1:]
    assert any(row.startswith("PERSON:") for row in rows)
