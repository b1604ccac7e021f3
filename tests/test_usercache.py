"""The per-user cache of objects built from data files (hunyuan_kg.usercache)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hunyuan_kg.usercache import cache_dir, cached


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HUNYUAN_KG_CACHE", str(tmp_path / "cache"))
    return tmp_path


def _counting(source: Path) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> list[str]:
        calls.append(1)
        return source.read_text(encoding="utf-8").split()

    return calls, build


def test_an_object_is_built_once_per_content_of_its_sources(folder: Path) -> None:
    source = folder / "words.txt"
    source.write_text("甲 乙", encoding="utf-8")
    calls, build = _counting(source)
    assert cached("words", [source], build) == ["甲", "乙"]
    assert cached("words", [source], build) == ["甲", "乙"]
    assert len(calls) == 1
    source.write_text("甲 丙", encoding="utf-8")  # new content: built again, old file gone
    assert cached("words", [source], build) == ["甲", "丙"]
    assert len(calls) == 2
    assert len(list((folder / "cache").glob("words-*.pickle"))) == 1


def test_a_corrupt_cache_file_is_rebuilt(folder: Path) -> None:
    source = folder / "words.txt"
    source.write_text("甲 乙", encoding="utf-8")
    calls, build = _counting(source)
    cached("words", [source], build)
    (stored,) = (folder / "cache").glob("words-*.pickle")
    stored.write_bytes(stored.read_bytes()[:10])  # truncated, as by a killed writer
    assert cached("words", [source], build) == ["甲", "乙"]
    assert len(calls) == 2


def test_off_builds_every_time_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUNYUAN_KG_CACHE", "off")
    source = tmp_path / "words.txt"
    source.write_text("甲", encoding="utf-8")
    calls, build = _counting(source)
    cached("words", [source], build)
    cached("words", [source], build)
    assert len(calls) == 2 and cache_dir() is None


def test_an_unwritable_cache_folder_only_means_building(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("HUNYUAN_KG_CACHE", str(blocker / "cache"))  # cannot be created
    source = tmp_path / "words.txt"
    source.write_text("甲 乙", encoding="utf-8")
    assert cached("words", [source], lambda: ["built"]) == ["built"]


_PROBE = """
import json, sys
from hunyuan_kg.gazetteer import Gazetteer
from hunyuan_kg.pipeline.relation_model import PairModel
from hunyuan_kg.resources import data_path, read_yaml
g = Gazetteer.default()
m = PairModel.default()
texts = ["腾讯在深圳发布了混元大模型，阿里云和字节跳动也推出了新模型。",
         "OpenAI 的 ChatGPT 与 Kimi 竞争。"]
print(json.dumps({
    "entries": len(g.entries),
    "finds": [[(m.start, m.end, m.entry.id, m.ambiguous) for m in g.find(t)] for t in texts],
    "lookup": g.lookup("腾讯公司").id if g.lookup("腾讯公司") else None,
    "events": read_yaml(data_path("events", "zh.yml")),
    "pairs": [[(i, j, k, h, round(p, 6)) for i, j, k, h, p in m.pairs(t, [(0, 2, "ORG"), (
        len(t) - 4, len(t) - 2, "PRODUCT")])] for t in texts],
    "model": [len(m.index), m.classes, float(m.weights.sum()), m.threshold],
}, ensure_ascii=False))
"""


def test_cached_gazetteer_relation_model_and_data_files_equal_fresh_ones(tmp_path: Path) -> None:
    def run(cache: str) -> dict[str, object]:
        env = {**os.environ, "HUNYUAN_KG_CACHE": cache}
        out = subprocess.run(
            [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True
        )
        return json.loads(out.stdout)

    fresh = run("off")
    first = run(str(tmp_path / "cache"))  # builds and stores
    second = run(str(tmp_path / "cache"))  # reads back
    assert list((tmp_path / "cache").glob("gazetteer-*.pickle"))
    assert list((tmp_path / "cache").glob("relation-model-*.pickle"))
    assert fresh == first == second
    assert fresh["finds"][0]  # the probe matched names
