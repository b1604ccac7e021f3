"""Properties: any text or bytes goes through ingest, the pipeline and every export.

Random text (Chinese, dates real and impossible, markup, emoji, control characters, lone
surrogates) never makes a step raise, and every export loads back. Random bytes written to
a file never make :func:`hunyuan_kg.build` raise: the file is processed or listed in
``kg.failures``.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hunyuan_kg
from hunyuan_kg.export import FORMATS
from hunyuan_kg.extraction import DocExtraction, extract_documents
from hunyuan_kg.graph import build_graph
from hunyuan_kg.ingest import document_from_text

FRAGMENTS = [
    "腾讯",
    "混元大模型",
    "腾讯云",
    "元宝 App",
    "发布",
    "推出",
    "开源",
    "。",
    "，",
    "\n\n",
    "2023 年 9 月 7 日",
    "2023 年 13 月 45 日",
    "2 月 30 日",
    "今年 5 月",
    "去年",
    "下周三",
    "2024-07-04",
    "二〇二四年",
    "---\ntitle: a: b\n---\n",
    "<script>alert(1)</script>",
    "&amp; <b>",
    "😀🚀👩‍💻",
    "\x00\x07\x1b\x7f\x85",
    "\ud800",
    "\udfff\ud83d",
    "\ufffe\uffff",
    "\r\n\u2028",
    "]]>",
    "騰訊發佈",
]

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=25).map(
    "".join
)

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def nlp():
    return hunyuan_kg.load(segmenter="char", ner=None)


def _check_exports(outdir: Path) -> None:
    graphml = nx.read_graphml(outdir / "graph.graphml", force_multigraph=True)
    gexf = nx.read_gexf(outdir / "graph.gexf")
    assert graphml.number_of_nodes() == gexf.number_of_nodes()
    data = json.loads((outdir / "timeline.json").read_text(encoding="utf-8"))
    assert isinstance(data["events"], list)
    json.loads((outdir / "timelinejs.json").read_text(encoding="utf-8"))
    html = (outdir / "timeline.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html


@SETTINGS
@given(body=texts, title=texts)
def test_random_text_through_pipeline_and_every_export(nlp, body, title):
    docs = [
        document_from_text(body, doc_id="body"),
        document_from_text(f"{title}\n\n{body}", doc_id="titled", title=title[:50] or None),
    ]
    for d in docs:
        assert "\x00" not in d.text and not any(0xD800 <= ord(c) <= 0xDFFF for c in d.text)
    extractions = list(extract_documents(nlp, docs))
    assert all(isinstance(x, DocExtraction) for x in extractions), extractions
    kg = build_graph([x for x in extractions if isinstance(x, DocExtraction)])
    with tempfile.TemporaryDirectory() as tmp:
        written = kg.write(tmp)
        assert [p.name for p in written] == [name for _, name in FORMATS.values()]
        _check_exports(Path(tmp))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.tuples(texts, st.sampled_from(["gb18030", "big5", "utf-16", "utf-8-sig"])).map(
            lambda p: p[0].encode(p[1], "ignore")
        ),
    ),
    suffix=st.sampled_from([".txt", ".md", ".html"]),
)
def test_random_bytes_never_make_build_raise(nlp, data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"doc{suffix}"
        path.write_bytes(data)
        kg = hunyuan_kg.build([path], nlp=nlp)
        outcomes = [d.id for d in kg.documents] + [f.doc for f in kg.failures]
        assert outcomes == ["doc"]
        for f in kg.failures:
            assert f.reason.strip() and "\n" not in f.reason
        kg.write(Path(tmp) / "out")
        _check_exports(Path(tmp) / "out")


@given(st.text(max_size=200))
def test_reading_traditional_as_simplified_keeps_every_offset(text: str) -> None:
    from hunyuan_kg.normalize import to_simplified, traditional_share

    simplified = to_simplified(text)
    assert len(simplified) == len(text)
    changed = [(a, b) for a, b in zip(text, simplified, strict=True) if a != b]
    # only Han characters change: the BMP blocks, compatibility ideographs and the
    # supplementary ideographic planes (𩝔 → 𩠋)
    assert all(
        "\u3400" <= a <= "\u9fff" or "\uf900" <= a <= "\ufaff" or "\U00020000" <= a <= "\U0003ffff"
        for a, _ in changed
    )
    assert 0.0 <= traditional_share(text) <= 1.0
    assert traditional_share(simplified) == 0.0
