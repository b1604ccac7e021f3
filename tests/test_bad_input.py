"""Bad input next to good articles: nothing raises, nothing good is lost, outputs are stable.

A folder holds three good articles (written for these tests) and every kind of broken file
a scraped corpus contains. The light pipeline (character tokens, no statistical NER) keeps
the module fast; see ``docs/robustness.md`` for the behaviour checked here.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

import hunyuan_kg
from hunyuan_kg.cli import app
from hunyuan_kg.ingest import read_document
from hunyuan_kg.kg import DocumentInfo, KnowledgeGraph

LIGHT = ("--segmenter", "char", "--ner", "none", "--jobs", "1", "--quiet")
XSS = "<script>alert(1)</script>"

GOOD: dict[str, str] = {
    "good_hunyuan.md": (
        "---\ntitle: 腾讯发布混元大模型\ndate: 2023-09-07\n---\n"
        "2023 年 9 月 7 日，腾讯在深圳正式发布混元大模型。\n\n"
        "腾讯表示，混元大模型将通过腾讯云对外开放。\n"
    ),
    "good_yuanbao.txt": (
        "腾讯推出元宝\n\n2024 年 5 月 30 日，腾讯推出元宝 App，元宝基于混元大模型。\n"
    ),
    "good_xss.txt": (f"混元开源 {XSS}\n\n2024 年 5 月 14 日，腾讯开源混元文生图模型 {XSS}。\n"),
}

_IMPOSSIBLE = "日期测试\n\n2023 年 13 月 45 日，某地举行了一场活动。2 月 30 日，活动再次举行。\n"
_TRADITIONAL = "騰訊發佈新產品\n\n騰訊在深圳舉行發佈會，介紹了公司在人工智慧領域的最新進展。\n"
_HTML = (
    "<html><head><title>网页标题</title><style>body { color: red }</style>"
    "<script>var secret = 'leak';</script></head><body>"
    + "<script>document.write('leak')</script><style>p { margin: 0 }</style>" * 50
    + "<p>这是一篇关于天气的网页文章，今天的天气很好。</p></body></html>"
)

#: name → bytes; each must be processed or listed in kg.failures with a one-line reason.
BAD: dict[str, bytes] = {
    "empty.txt": b"",
    "blank.txt": b" \n\t\r\n  \n",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    # Over a million characters on one line: more than spaCy's default max_length.
    "huge_line.txt": ("天气晴朗，" * 240_000).encode("utf-8"),
    "scripts.html": _HTML.encode("utf-8"),
    "broken_yaml.md": "---\ntitle: a: b: [\ndate: 2023-13-45\n---\n这是正文，天气很好。\n".encode(),
    "impossible_dates.txt": _IMPOSSIBLE.encode("utf-8"),
    "emoji.txt": "表情测试 😀🚀\n\n今天发布了新表情 👩‍💻🇨🇳，大家都很开心 🎉。\n".encode(),
    "controls.txt": "控制字符\x07测试\n\n正文\x01里\x1b有\x7f控制\x85字符\u2028和换行。\n".encode(),
    "surrogate_short.txt": b"\xed\xa0\x80",
    "surrogate_in_text.txt": "孤立代理项：".encode() + b"\xed\xa0\x80" + "后面还有正文。".encode(),
    "gbk.txt": _TRADITIONAL.replace("騰訊", "腾讯").encode("gbk"),
    "big5.txt": _TRADITIONAL.encode("big5"),
    "utf16.txt": _TRADITIONAL.encode("utf-16"),
    "utf8_bom.md": "\ufeff".encode() + _TRADITIONAL.encode("utf-8"),
}

#: Files that must fail, and a word their reason must contain.
MUST_FAIL = {"empty.txt": "empty", "blank.txt": "whitespace", "binary.txt": "binary"}
#: Files that must be processed (a document in the graph), with the encoding reported.
MUST_PASS = {
    "scripts.html": "utf-8",
    "broken_yaml.md": "utf-8",
    "impossible_dates.txt": "utf-8",
    "emoji.txt": "utf-8",
    "controls.txt": "utf-8",
    "gbk.txt": "gb18030",
    "big5.txt": "big5",
    "utf16.txt": "utf-16",
    "utf8_bom.md": "utf-8-sig",
}


def _write(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def nlp():
    return hunyuan_kg.load(segmenter="char", ner=None)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    good = {name: text.encode("utf-8") for name, text in GOOD.items()}
    return _write(tmp_path_factory.mktemp("corpus"), {**good, **BAD})


@pytest.fixture(scope="module")
def good_only(tmp_path_factory) -> Path:
    return _write(tmp_path_factory.mktemp("good"), {n: t.encode("utf-8") for n, t in GOOD.items()})


@pytest.fixture(scope="module")
def kg_all(nlp, corpus) -> KnowledgeGraph:
    return hunyuan_kg.build([corpus], nlp=nlp)


@pytest.fixture(scope="module")
def kg_good(nlp, good_only) -> KnowledgeGraph:
    return hunyuan_kg.build([good_only], nlp=nlp)


def _stem(name: str) -> str:
    return Path(name).stem


def _projection(kg: KnowledgeGraph, docs: set[str]) -> dict[str, object]:
    """What the documents ``docs`` contributed: entities, relations and events."""
    g = kg.graph
    nodes = sorted((n, d["type"]) for n, d in g.nodes(data=True) if docs & set(d.get("docs", ())))
    edges = sorted(
        (u, v, d["type"], d.get("role", ""))
        for u, v, d in g.edges(data=True)
        if docs & set(d.get("docs", ()))
    )
    events = sorted(
        (e.date or "", e.granularity or "", e.type, e.title, e.status)
        for e in kg.events
        if docs & {s.doc for s in e.sources}
    )
    return {"nodes": nodes, "edges": edges, "events": events}


def test_every_file_is_processed_or_failed_with_a_one_line_reason(kg_all):
    processed = {d.id for d in kg_all.documents}
    failed = {f.doc: f for f in kg_all.failures}
    assert not processed & set(failed)
    assert processed | set(failed) == {_stem(n) for n in [*GOOD, *BAD]}
    for f in kg_all.failures:
        assert f.reason.strip() and "\n" not in f.reason, f
        assert f.path and Path(f.path).name in BAD, f
    for name, word in MUST_FAIL.items():
        assert word in failed[_stem(name)].reason, failed[_stem(name)]
    encodings = {d.id: d.encoding for d in kg_all.documents}
    for name, encoding in MUST_PASS.items():
        assert encodings.get(_stem(name)) == encoding, name


def test_good_articles_are_unchanged_by_bad_neighbours(kg_all, kg_good):
    good = {_stem(n) for n in GOOD}
    assert {d.id for d in kg_good.documents} == good
    assert not kg_good.failures
    expected = _projection(kg_good, good)
    assert expected["nodes"] and expected["events"]  # the comparison means something
    assert _projection(kg_all, good) == expected

    def info(kg: KnowledgeGraph) -> list[DocumentInfo]:
        return [replace(d, path=Path(d.path or "").name) for d in kg.documents if d.id in good]

    assert info(kg_all) == info(kg_good)


def test_impossible_dates_never_reach_the_timeline(kg_all):
    for e in kg_all.timeline:
        parts = [int(p) for p in (e.date or "").split("-") if p.isdigit()]
        if len(parts) == 3:
            dt.date(*parts)
        elif len(parts) == 2:
            assert 1 <= parts[1] <= 12, e


def test_oversized_text_fails_with_a_short_reason(kg_all):
    failed = {f.doc: f.reason for f in kg_all.failures}
    assert "huge_line" in failed
    assert len(failed["huge_line"]) <= 200, failed["huge_line"]


def test_ingest_cleans_what_the_pipeline_sees(corpus):
    html = read_document(corpus / "scripts.html").text
    assert "天气很好" in html
    assert "leak" not in html and "color" not in html and "margin" not in html
    controls = read_document(corpus / "controls.txt").text
    assert not any((ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F for c in controls)
    assert "控制" in controls
    yaml_doc = read_document(corpus / "broken_yaml.md")
    assert "这是正文" in yaml_doc.text and "front matter" in yaml_doc.meta["warning"]
    assert "😀" in read_document(corpus / "emoji.txt").text
    for name in ("gbk.txt", "big5.txt", "utf16.txt", "utf8_bom.md"):
        text = read_document(corpus / name).text
        assert "深圳" in text and "\ufeff" not in text and "\ufffd" not in text, name
    big5 = read_document(corpus / "big5.txt")  # traditional, read in simplified characters
    assert "腾讯" in big5.text and "騰訊" not in big5.text and "script" in big5.meta


def _cli(*args: str | Path):
    return CliRunner().invoke(app, ["build", *map(str, args), *LIGHT])


def test_cli_exit_1_and_errors_jsonl_when_some_fail(kg_all, corpus, tmp_path):
    result = _cli(corpus, "-o", tmp_path)
    assert result.exit_code == 1, result.output
    lines = (tmp_path / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    failed = [r for r in rows if "level" not in r]  # then the warnings of the build
    assert [r["doc"] for r in failed] == [f.doc for f in kg_all.failures]
    for r in failed:
        assert set(r) == {"doc", "path", "reason"} and r["reason"]
    warned = [r for r in rows if r.get("level") == "warning"]
    assert rows == failed + warned
    assert "broken_yaml" in {r["doc"] for r in warned}
    for name in ("graph.graphml", "graph.gexf", "timeline.json", "timeline.html"):
        assert (tmp_path / name).stat().st_size > 0


def test_cli_exit_0_when_all_succeed(good_only, tmp_path):
    result = _cli(good_only, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "errors.jsonl").read_text(encoding="utf-8") == ""


def test_cli_exit_2_for_missing_path_and_empty_folder(tmp_path):
    result = _cli(tmp_path / "missing", "-o", tmp_path / "out1")
    assert result.exit_code == 2
    assert "no such file" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (empty / ".hidden.txt").write_text("腾讯", encoding="utf-8")
    result = _cli(empty, "-o", tmp_path / "out2")
    assert result.exit_code == 2
    assert "no .txt" in result.output
    assert not (tmp_path / "out1").exists() and not (tmp_path / "out2").exists()


OUTPUTS = ("graph.graphml", "graph.gexf", "timeline.json")


def _outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUTS}


def test_outputs_are_byte_identical_across_runs_and_file_order(nlp, corpus, tmp_path):
    files = sorted(p for p in corpus.iterdir())
    runs = []
    for i, order in enumerate([files, files, files[::-1]]):
        out = tmp_path / f"run{i}"
        hunyuan_kg.build(order, nlp=nlp).write(out, ["graphml", "gexf", "json"])
        runs.append(_outputs(out))
    assert runs[0] == runs[1] == runs[2]


def test_outputs_do_not_depend_on_jobs(nlp, good_only, tmp_path):
    files = sorted(good_only.iterdir())
    one, two = tmp_path / "one", tmp_path / "two"
    hunyuan_kg.build(files, nlp=nlp).write(one, ["graphml", "gexf", "json"])
    hunyuan_kg.build(files, jobs=2, batch_size=1, segmenter="char", ner=None).write(
        two, ["graphml", "gexf", "json"]
    )
    assert _outputs(one) == _outputs(two)


def test_second_build_replaces_outdir_cleanly(corpus, good_only, tmp_path):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert _cli(corpus, "-o", out).exit_code == 1
    assert (out / "errors.jsonl").read_text(encoding="utf-8")
    assert _cli(good_only, "-o", out).exit_code == 0
    assert _cli(good_only, "-o", fresh).exit_code == 0
    files = sorted(p for p in fresh.iterdir() if p.is_file())  # .cache/ is not an export
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == [p.name for p in files]
    for p in files:
        assert (out / p.name).read_bytes() == p.read_bytes(), p.name
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    g = nx.read_graphml(out / "graph.graphml")
    assert not {n for n, d in g.nodes(data=True) if "huge_line" in d.get("docs", "")}


def test_script_in_an_article_stays_text_in_timeline_html(nlp, good_only, tmp_path):
    hunyuan_kg.build([good_only], nlp=nlp).write(tmp_path, ["html"])
    page = (tmp_path / "timeline.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page
