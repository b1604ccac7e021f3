"""Publication dates nobody stated (issue 13): an inferred one is marked in every output
that shows dates, and a user can set one, with ``--date`` for a run or front matter for a
file.

The articles are written for these tests: one dated by its front matter, one with no date
of its own whose "去年 9 月" needs a publication date (inferred from the latest date it
names, 2025-03-12, so the article is read as of 2025-03-31).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import hunyuan_kg
from hunyuan_kg import api, cache, distributed
from hunyuan_kg.cli import app
from hunyuan_kg.export import read_timeline_json
from hunyuan_kg.ingest import read_document
from hunyuan_kg.records import Source, TimelineEvent, depends_on_dct, worst_dct_source

LIGHT = {"segmenter": "char", "ner": None}
CLI_LIGHT = ["--segmenter", "char", "--ner", "none", "-j", "1"]
MARK = "⚠ 发布日期为推断 / publication date inferred"

DATED = """---
title: 腾讯回顾大模型进展
date: 2024-06-20
---
去年 9 月，腾讯推出混元大模型，面向企业客户开放。
"""
UNDATED = """---
title: 百度文心一言的一年
---
去年 9 月，百度发布了文心一言 App，供所有用户下载。

2025 年 3 月 12 日，百度又宣布与三星达成合作。
"""


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "dated.md").write_text(DATED, encoding="utf-8")
    (folder / "undated.md").write_text(UNDATED, encoding="utf-8")
    return folder


def _build(articles: Path, out: Path, *extra: str) -> Any:
    result = CliRunner().invoke(app, ["build", str(articles), "-o", str(out), *CLI_LIGHT, *extra])
    assert result.exit_code == 0, result.output
    return result


def _last_year_event(out: Path, doc: str) -> dict[str, Any]:
    """The timeline.json event that ``doc`` dates 去年 9 月."""
    events = json.loads((out / "timeline.json").read_text(encoding="utf-8"))["events"]
    found = [
        e for e in events if any(s["doc"] == doc and "去年" in s["date_text"] for s in e["sources"])
    ]
    assert len(found) == 1, events
    return found[0]


def _csv_row(out: Path, event_id: str) -> dict[str, str]:
    with (out / "timeline.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    return rows[event_id]


def _md_line(out: Path, date: str) -> str:
    text = (out / "timeline.md").read_text(encoding="utf-8")
    (line,) = [ln for ln in text.splitlines() if ln.startswith(f"- **{date}**")]
    return line


def _html_item(out: Path, date: str) -> str:
    page = (out / "timeline.html").read_text(encoding="utf-8")
    (item,) = [li for li in page.split('<li class="event')[1:] if f'datetime="{date}"' in li]
    return item


def test_inferred_publication_date_is_marked_in_every_output(articles: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = _build(articles, out)

    inferred = _last_year_event(out, "undated")
    assert inferred["date"] == "2024-09"  # 去年 of a 2025 article
    assert [s["dct_source"] for s in inferred["sources"]] == ["inferred"]
    stated = _last_year_event(out, "dated")
    assert stated["date"] == "2023-09"  # front matter: 2024-06-20
    assert [s["dct_source"] for s in stated["sources"]] == ["metadata"]
    events = json.loads((out / "timeline.json").read_text(encoding="utf-8"))["events"]
    own_year = [e for e in events if any("2025 年" in s["date_text"] for s in e["sources"])]
    assert own_year and all(s["dct_source"] == "" for e in own_year for s in e["sources"])

    assert _csv_row(out, inferred["id"])["dct_source"] == "inferred"
    assert _csv_row(out, stated["id"])["dct_source"] == "metadata"

    assert MARK in _md_line(out, "2024-09")
    assert "⚠" not in _md_line(out, "2023-09")
    assert "badge dct" in _html_item(out, "2024-09") and MARK in _html_item(out, "2024-09")
    assert "badge dct" not in _html_item(out, "2023-09")

    slides = json.loads((out / "timelinejs.json").read_text(encoding="utf-8"))["events"]
    by_id = {s["unique_id"]: s for s in slides}
    assert "发布日期为推断" in by_id[inferred["id"]]["text"]["text"]
    assert "发布日期为推断" not in by_id[stated["id"]]["text"]["text"]

    assert "1 of 2 documents have an inferred publication date" in result.stderr
    assert "--date" in result.stderr and 'front matter "date:"' in result.stderr

    shown = CliRunner().invoke(app, ["timeline", str(out)])
    (line,) = [ln for ln in shown.output.splitlines() if ln.startswith("2024-09")]
    assert "publication date inferred" in line

    # the readers keep it
    back = {e.id: e for e in read_timeline_json(out / "timeline.json")}
    assert back[inferred["id"]].dct_source == "inferred"
    assert back[inferred["id"]].dct_unstated and not back[stated["id"]].dct_unstated


def test_date_option_sets_the_publication_date_of_undated_articles(articles: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = _build(articles, out, "--date", "2026-06-01")

    given = _last_year_event(out, "undated")
    assert given["date"] == "2025-09"  # 去年 of 2026-06-01
    assert [s["dct_source"] for s in given["sources"]] == ["given"]
    stated = _last_year_event(out, "dated")  # front matter wins over --date
    assert stated["date"] == "2023-09"
    assert [s["dct_source"] for s in stated["sources"]] == ["metadata"]

    assert _csv_row(out, given["id"])["dct_source"] == "given"
    assert "⚠" not in _md_line(out, "2025-09")
    assert "badge dct" not in _html_item(out, "2025-09")
    assert "0 of 2 documents have an inferred publication date" in result.stderr
    assert "1 the one given with --date" in result.stderr


@pytest.mark.parametrize("bad", ["2024-13-01", "yesterday", "2024/05/30", "20240530", ""])
def test_bad_date_is_a_usage_error(articles: Path, tmp_path: Path, bad: str):
    result = CliRunner().invoke(
        app, ["build", str(articles), "-o", str(tmp_path / "out"), "--date", bad]
    )
    assert result.exit_code == 2
    assert "--date" in result.stderr and "YYYY-MM-DD" in result.stderr
    assert not (tmp_path / "out" / "timeline.json").exists()


def test_cache_is_not_reused_across_dates(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    seen: list[str] = []
    real = api.extract_paths

    def spy(items, **kw):
        seen.extend(doc_id for _, doc_id in items)
        return real(items, **kw)

    monkeypatch.setattr(cache, "extract_paths", spy)
    out = tmp_path / "out"

    def build(*extra: str) -> str:
        seen.clear()
        _build(articles, out, "-q", *extra)
        return str(_last_year_event(out, "undated")["date"])

    assert build() == "2024-09" and sorted(seen) == ["dated", "undated"]
    assert build("--date", "2026-06-01") == "2025-09" and sorted(seen) == ["dated", "undated"]
    assert build("--date", "2026-06-01") == "2025-09" and seen == []  # same date: cached
    assert build("--date", "2022-02-02") == "2021-09" and sorted(seen) == ["dated", "undated"]
    # without --date again: the entries of the first build, made without one, serve
    assert build("--update", str(out)) == "2024-09" and seen == []

    plain = cache.pipeline_fingerprint(LIGHT)
    one = cache.pipeline_fingerprint(LIGHT, date=dt.date(2026, 6, 1))
    other = cache.pipeline_fingerprint(LIGHT, date=dt.date(2022, 2, 2))
    assert len({plain, one, other}) == 3
    path = str(articles / "undated.md")
    keys = {cache.document_key(path, "undated", f) for f in (plain, one, other)}
    assert len(keys) == 3


def test_python_api_takes_a_date_or_an_iso_string(articles: Path):
    for value in (dt.date(2026, 6, 1), "2026-06-01", dt.datetime(2026, 6, 1, 9, 30)):
        kg = hunyuan_kg.build([articles], date=value, **LIGHT)
        docs = {d.id: d for d in kg.documents}
        assert (docs["undated"].dct, docs["undated"].dct_source) == ("2026-06-01", "given")
        assert (docs["dated"].dct, docs["dated"].dct_source) == ("2024-06-20", "metadata")
        assert kg.summary()["dct_sources"] == {"given": 1, "metadata": 1}
    kg = hunyuan_kg.build([articles], **LIGHT)
    assert kg.summary()["inferred_dates"] == 1
    df = kg.events_df()
    assert df[df.date == "2024-09"].dct_source.tolist() == ["inferred"]
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        hunyuan_kg.build([articles], date="June 1st", **LIGHT)


def test_front_matter_date_and_dateline_win_over_the_given_date(tmp_path: Path):
    fm = tmp_path / "fm.md"
    fm.write_text("---\ndate: 2023-03-03\n---\n去年 9 月，某公司发布新品。\n", encoding="utf-8")
    doc = read_document(fm, date=dt.date(2026, 1, 1))
    assert (doc.dct, doc.dct_source) == (dt.date(2023, 3, 3), "metadata")

    header = tmp_path / "header.txt"
    header.write_text(
        "新品发布\n2025-11-02 08:15:30 · 作者: 某编辑\n正文一句。\n", encoding="utf-8"
    )
    doc = read_document(header, date=dt.date(2026, 1, 1))
    assert (doc.dct, doc.dct_source) == (dt.date(2025, 11, 2), "header")

    bare = tmp_path / "bare.txt"
    bare.write_text("去年 9 月，某公司发布新品。2025 年 3 月又发布一款。\n", encoding="utf-8")
    assert read_document(bare).dct_source == "inferred"
    doc = read_document(bare, date=dt.date(2026, 1, 1))
    assert (doc.dct, doc.dct_source) == (dt.date(2026, 1, 1), "given")
    assert doc.meta["dct_evidence"] == "given for the run: 2026-01-01"


def test_worker_paths_pass_the_date_on(articles: Path, monkeypatch: pytest.MonkeyPatch):
    """The ``--jobs`` worker and the Dask partition read with the given date too."""
    items = [(str(articles / "undated.md"), "undated")]
    monkeypatch.setattr(api, "_WORKER_NLP", hunyuan_kg.load(**LIGHT))
    (x,) = api._worker(items, 8, None, dt.date(2026, 6, 1))
    assert (x.info.dct, x.info.dct_source) == ("2026-06-01", "given")
    (x,) = distributed.extract_partition(items, dict(LIGHT), 8, None, dt.date(2026, 6, 1))
    assert (x.info.dct, x.info.dct_source) == ("2026-06-01", "given")


def test_source_dct_source_rules():
    assert depends_on_dct("去年 9 月") and depends_on_dct("5 月 30 日") and depends_on_dct("今天")
    assert depends_on_dct("三天前") and depends_on_dct("10 年前")
    assert not depends_on_dct("2023 年 9 月 7 日") and not depends_on_dct("21 年")
    assert worst_dct_source(["", "metadata", "header", "given"]) == "header"
    assert worst_dct_source(["metadata", "none"]) == "none"
    assert worst_dct_source(["none", "inferred", "metadata"]) == "inferred"
    event = TimelineEvent(
        "EVENT:x",
        "launch",
        "t",
        "2024-09",
        "month",
        sources=[Source("a", "s", 0, 1, "9 月", "header"), Source("b", "s", 0, 1, "", "")],
    )
    assert event.dct_source == "header" and not event.dct_unstated
    assert Source(**Source("a", "s", 0, 1, "9 月", "inferred").to_dict()).dct_source == "inferred"


def test_dask_build_takes_the_date(articles: Path):
    dask = pytest.importorskip("dask")
    with dask.config.set(scheduler="synchronous"):
        kg = distributed.build_dask([articles], date="2026-06-01", **LIGHT)
    docs = {d.id: d for d in kg.documents}
    assert (docs["undated"].dct, docs["undated"].dct_source) == ("2026-06-01", "given")
    assert {e.date for e in kg.timeline if e.dct_source == "given"} == {"2025-09"}
