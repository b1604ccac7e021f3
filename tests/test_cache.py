"""The extraction cache and incremental builds: an update equals a full rebuild, and
unchanged documents are never extracted twice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import hunyuan_kg
from hunyuan_kg import api, cache
from hunyuan_kg.extraction import DocExtraction

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
LIGHT = {"segmenter": "char", "ner": None}
FILES = ["graph.graphml", "timeline.json"]


def _articles() -> list[Path]:
    return sorted(p for p in SAMPLE.iterdir() if p.suffix in {".md", ".txt", ".html"})


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    """Two folders, A and B, with three sample articles each."""
    arts = _articles()
    a, b = tmp_path / "A", tmp_path / "B"
    for folder, chosen in ((a, arts[:3]), (b, arts[3:6])):
        folder.mkdir()
        for p in chosen:
            shutil.copy(p, folder / p.name)
    return a, b


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Doc ids passed to the extraction, in call order."""
    seen: list[str] = []
    real = api.extract_paths

    def spy(items, **kw):
        seen.extend(doc_id for _, doc_id in items)
        return real(items, **kw)

    monkeypatch.setattr(cache, "extract_paths", spy)
    return seen


def _bytes(outdir: Path) -> dict[str, bytes]:
    return {name: (outdir / name).read_bytes() for name in FILES}


def test_update_equals_full_build_and_skips_old_docs(
    corpus: tuple[Path, Path], tmp_path: Path, counted: list[str]
) -> None:
    a, b = corpus
    inc, full = tmp_path / "inc", tmp_path / "full"
    cache.build_incremental([a], inc, **LIGHT).write(inc)
    first = sorted(counted)
    assert len(first) == 3
    counted.clear()
    kg = cache.build_incremental([b], inc, **LIGHT)
    kg.write(inc)
    assert sorted(counted) == sorted(p.stem for p in b.iterdir())
    assert not set(counted) & set(first)
    hunyuan_kg.build([a, b], **LIGHT).write(full)
    assert _bytes(inc) == _bytes(full)
    assert len(kg.documents) == 6


def test_changed_file_is_extracted_again(
    corpus: tuple[Path, Path], tmp_path: Path, counted: list[str]
) -> None:
    a, _ = corpus
    out = tmp_path / "out"
    cache.build_incremental([a], out, **LIGHT)
    counted.clear()
    changed = sorted(a.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n腾讯发布混元。\n", "utf-8")
    cache.build_incremental([], out, **LIGHT).write(out)
    assert counted == [changed.stem]
    full = tmp_path / "full"
    hunyuan_kg.build([a], **LIGHT).write(full)
    assert _bytes(out) == _bytes(full)


def test_other_pipeline_options_miss_the_cache(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    a, _ = corpus
    out = tmp_path / "out"
    cache.build_incremental([a], out, **LIGHT)
    items = [(str(p), p.stem) for p in sorted(a.iterdir())]
    fp = cache.pipeline_fingerprint(LIGHT)
    hits, misses = cache.load_cached(out, items, fingerprint=fp)
    assert sorted(hits) == sorted(d for _, d in items) and misses == []
    assert all(isinstance(x, DocExtraction) for x in hits.values())
    other = cache.pipeline_fingerprint({**LIGHT, "gazetteer": False})
    assert other != fp
    hits, misses = cache.load_cached(out, items, fingerprint=other)
    assert hits == {} and misses == items


def test_cached_extraction_round_trips(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    a, _ = corpus
    items = [(str(p), p.stem) for p in sorted(a.iterdir())]
    fresh = [x for x in api.extract_paths(items, load_options=LIGHT)]
    fp = cache.pipeline_fingerprint(LIGHT)
    assert cache.store(tmp_path, fresh, fingerprint=fp) == len(fresh)
    hits, _ = cache.load_cached(tmp_path, items, fingerprint=fp)
    assert [hits[x.info.id] for x in fresh] == fresh
