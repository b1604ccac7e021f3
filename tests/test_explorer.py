"""explorer/: the offline site, its embedded data and escaping, and the sample corpus's
explorer driven in headless Chromium (search, entity page, date slider, hostile text)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from hunyuan_kg.export import FORMATS, write_all
from hunyuan_kg.export.explorer import ASSETS, CSP, embed_json, explorer_html
from hunyuan_kg.kg import KnowledgeGraph

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
DATA_RE = re.compile(r'<script type="application/json" id="hkg-data">(.*?)</script>', re.S)


def _data(page: str) -> dict[str, Any]:
    match = DATA_RE.search(page)
    assert match is not None
    return json.loads(match.group(1))


def test_format_writes_a_folder_with_the_vendored_bundles(
    toy_kg: KnowledgeGraph, tmp_path: Path
) -> None:
    assert FORMATS["explorer"][1] == "explorer"
    (folder,) = write_all(toy_kg, tmp_path, ["explorer"])
    assert sorted(p.name for p in folder.iterdir()) == sorted([*ASSETS, "index.html"])
    licences = (folder / "THIRD_PARTY_LICENSES.txt").read_text(encoding="utf-8")
    assert "== sigma 3.0.3" in licences and "== graphology 0.26.0" in licences
    assert "sourceMappingURL" not in (folder / "sigma.min.js").read_text(encoding="utf-8")
    # written again over itself: replaced, nothing staged or set aside is left behind
    first = (folder / "index.html").read_bytes()
    write_all(toy_kg, tmp_path, ["explorer", "json"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["explorer", "timeline.json"]
    assert (folder / "index.html").read_bytes() == first


def test_page_is_offline_and_runs_only_its_own_scripts(toy_kg: KnowledgeGraph) -> None:
    page = explorer_html(toy_kg)
    assert f'content="{CSP}"' in page.replace("&#x27;", "'")
    assert "script-src 'self'" in CSP and "unsafe" not in CSP and "default-src 'none'" in CSP
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert scripts == [
        '<script type="application/json" id="hkg-data">',
        '<script src="graphology.umd.min.js">',
        '<script src="sigma.min.js">',
        '<script src="app.js">',
    ]
    assert not re.search(r"\son[a-z]+\s*=", page)  # no inline event handlers
    app = (ROOT / "src/hunyuan_kg/export/explorer_assets/app.js").read_text(encoding="utf-8")
    assert "innerHTML" not in app and "insertAdjacentHTML" not in app and "eval(" not in app
    assert "fetch(" not in app and "XMLHttpRequest" not in app


def test_embedded_json_cannot_end_its_element(toy_kg: KnowledgeGraph) -> None:
    assert embed_json(["</script><!--", "a&b", "\u2028\u2029"]) == (
        '["\\u003c/script\\u003e\\u003c!--","a\\u0026b","\\u2028\\u2029"]'
    )
    page = explorer_html(toy_kg)
    body = DATA_RE.search(page)
    assert body is not None and not set(body.group(1)) & {"<", ">", "&", "\u2028", "\u2029"}
    data = _data(page)
    labels = {n["l"] for n in data["nodes"]}
    assert "🚀火箭<script>alert(1)</script>" in labels  # the text itself survives
    assert any("<script>" in e["ti"] for e in data["events"])


def test_data_links_entities_events_evidence_and_documents(
    toy_kg: KnowledgeGraph, tmp_path: Path
) -> None:
    data = _data(explorer_html(toy_kg, tmp_path / "explorer"))
    nodes = {n["id"]: n for n in data["nodes"]}
    tencent = nodes["ORG:腾讯"]
    assert set(tencent["a"]) == {"腾讯公司", "Tencent"} and tencent["k"] == "ORG"
    assert tencent["t"] == ["2021-01-01", "2024-12-31"] and tencent["s"] > 10
    index = [n["id"] for n in data["nodes"]]
    role = next(e for e in data["edges"] if e[2] == "role" and index[e[0]] == "PERSON:李明")
    assert role[3] == "混元研究组负责人"
    (sentence, *docs) = role[6][0]
    assert data["sentences"][sentence] == "2021年，腾讯成立了混元研究组，由李明负责。"
    assert [data["docs"][d][0] for d in docs] == ["a1"]
    dated = [e for e in data["events"] if e["d"]]
    assert [e["t"] for e in dated] == sorted(e["t"] for e in dated)
    # each sentence is stored once
    assert len(data["sentences"]) == len(set(data["sentences"]))


# --- the sample corpus in headless Chromium -------------------------------------------

HOSTILE = """---
title: 混元周报<script>window.pwned = 1; document.title = 'pwned'</script>
date: 2024-06-01
---

2024 年 6 月 1 日，腾讯发布混元<img src=x onerror="window.pwned=2">新版本\
<script>window.pwned=3</script>。
"""


@pytest.fixture(scope="module")
def explorer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from helpers_cdp import CHROMIUM

    if CHROMIUM is None:
        pytest.skip("headless Chromium not installed (Debian: apt-get install chromium)")
    import hunyuan_kg

    tmp = tmp_path_factory.mktemp("explorer")
    corpus = tmp / "corpus"
    shutil.copytree(SAMPLE, corpus, ignore=shutil.ignore_patterns("*.json"))
    (corpus / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    kg = hunyuan_kg.build([corpus], nlp=hunyuan_kg.load(segmenter="char", ner=None))
    (folder,) = write_all(kg, tmp / "out", ["explorer"])
    return folder / "index.html"


def test_sample_explorer_in_chromium(explorer: Path, tmp_path: Path) -> None:
    from helpers_cdp import Browser

    data = _data(explorer.read_text(encoding="utf-8"))
    assert any("<script>" in d[1] for d in data["docs"])  # the hostile title is in the data
    with Browser(tmp_path / "profile") as b:
        b.open(explorer.as_uri())
        assert b.wait_for("document.body.dataset.ready === '1'")
        # the graph: every node shown, and the WebGL canvas has drawn pixels
        total = len(data["nodes"])
        assert b.eval("Number(document.getElementById('visible-count').textContent)") == total
        drawn = b.eval(
            """(() => { const r = window.hkgRenderer; r.refresh();
            const c = r.getCanvases().nodes;
            const gl = c.getContext("webgl2") || c.getContext("webgl");
            const w = gl.drawingBufferWidth, h = gl.drawingBufferHeight;
            const px = new Uint8Array(w * h * 4);
            gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, px);
            let n = 0; for (let i = 3; i < px.length; i += 4) if (px[i]) n++;
            return n; })()"""
        )
        assert drawn > 1000
        # the date slider: as of the first date, fewer nodes, and sigma hides the others
        b.eval(
            "(() => { const s = document.getElementById('date-slider'); s.value = '0';"
            " s.dispatchEvent(new Event('input')); })()"
        )
        early = b.eval("Number(document.getElementById('visible-count').textContent)")
        assert 0 < early < total
        assert b.wait_for(
            "window.hkgRenderer.getGraph().nodes()"
            f".filter((n) => !window.hkgRenderer.getNodeDisplayData(n).hidden).length === {early}"
        )
        # Latin aliases are found too, whatever their case
        first = b.eval(
            "(() => { const s = document.getElementById('search'); s.value = 'HUNYUAN';"
            " s.dispatchEvent(new Event('input'));"
            " const a = document.querySelector('#suggestions li a'); s.value = '';"
            " return a && a.textContent; })()"
        )
        assert first and "混元" in first
        # search 混元 by typing, Enter opens its entity page
        b.eval("document.getElementById('search').focus()")
        b.type_text("混元")
        assert b.wait_for("document.querySelectorAll('#suggestions li a').length")
        b.key("Enter", "Enter", 13)
        assert b.wait_for("location.hash.startsWith('#/entity/')")
        assert b.wait_for("!!document.querySelector('#entity h2')")
        page = b.eval(
            """(() => { const e = document.getElementById('entity');
            return { title: e.querySelector('h2').textContent,
              visible: !document.getElementById('view-entity').hidden,
              events: e.querySelectorAll('.events .event').length,
              evidence: e.querySelectorAll('.events .evidence li').length,
              links: [...e.querySelectorAll('.evidence .doc a')].map((a) => a.getAttribute('href')),
              text: e.textContent }; })()"""
        )
        assert page["visible"] and page["title"].endswith("混元")
        assert page["events"] >= 2 and page["evidence"] >= 2
        assert any(href.endswith(".md") for href in page["links"])
        assert "2023-09-07" in page["text"]
        # the hostile article: its title and sentence are shown as text and never ran
        b.eval("location.hash = '#/timeline'")
        assert b.wait_for("!document.getElementById('view-timeline').hidden")
        b.eval(
            "(() => { const t = document.getElementById('tl-entity'); t.value = '混元';"
            " t.dispatchEvent(new Event('input')); })()"
        )
        assert b.wait_for("document.querySelectorAll('#timeline .event').length")
        b.eval("document.querySelectorAll('#timeline details').forEach((d) => { d.open = true; })")
        text = b.wait_for(
            "[...document.querySelectorAll('#timeline .evidence')]"
            ".map((e) => e.textContent).join('') || ''"
        )
        assert "<script>window.pwned" in text
        assert b.eval("typeof window.pwned") == "undefined"
        assert "pwned" not in b.eval("document.title")
        assert b.eval("document.querySelectorAll('script').length") == 4
        assert b.eval("document.querySelectorAll('#timeline img, #entity img').length") == 0
        assert b.errors == []
