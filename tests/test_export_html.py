"""timeline.html: self-contained, escaped, grouped by year; rendered in headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

from hunyuan_kg.export._xml import clean_text
from hunyuan_kg.export.timeline_html import timeline_html, write_timeline_html
from hunyuan_kg.kg import KnowledgeGraph

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not installed (Debian: apt-get install chromium)"
)


def _chromium(page: Path, profile: Path) -> tuple[str, list[str]]:
    """Dump the DOM of ``page`` after its scripts ran; also return the console lines."""
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
        "--dump-dom", page.as_uri(),
    ]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[KnowledgeGraph, str, list[str]]:
    from conftest import build_toy_kg

    kg = build_toy_kg(nasty=True)
    tmp = tmp_path_factory.mktemp("html")
    page = tmp / "timeline.html"
    write_timeline_html(kg, page)
    dom, console = _chromium(page, tmp / "profile")
    return kg, dom, console


@needs_chromium
def test_chromium_shows_every_event_without_console_errors(
    rendered: tuple[KnowledgeGraph, str, list[str]],
) -> None:
    kg, dom, console = rendered
    assert console == []
    doc = lxml.html.fromstring(dom)
    headlines = [h.text_content() for h in doc.xpath("//h3[@class='headline']")]
    assert headlines == [clean_text(e.title) for e in kg.timeline]
    # our own inline script ran (CSP hash matches): it reveals the filter box
    assert doc.get_element_by_id("filter").get("hidden") is None


@needs_chromium
def test_injected_script_did_not_run(rendered: tuple[KnowledgeGraph, str, list[str]]) -> None:
    _, dom, _ = rendered
    doc = lxml.html.fromstring(dom)
    assert doc.findtext(".//title") == "Timeline"
    assert len(doc.findall(".//script")) == 1  # only the page's own
    assert "document.title='pwned'" in doc.xpath("//h3[@class='headline']")[2].text_content()


@needs_chromium
def test_the_chromium_checks_can_fail(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text(
        "<!DOCTYPE html><title>Timeline</title>"
        "<script>document.title='pwned'; missingFunction();</script>",
        encoding="utf-8",
    )
    dom, console = _chromium(page, tmp_path / "profile")
    assert "<title>pwned</title>" in dom
    assert any("missingFunction" in line for line in console)


def test_page_is_self_contained(toy_kg: KnowledgeGraph) -> None:
    page = timeline_html(toy_kg)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert '<meta name="viewport"' in page


def test_events_grouped_by_year_with_their_sources(toy_kg: KnowledgeGraph) -> None:
    doc = lxml.html.fromstring(timeline_html(toy_kg))
    sections = doc.xpath("//section[@class='year']")
    assert [s.get("id") for s in sections] == ["y2021", "y2023", "y2024"]
    assert [len(s.xpath(".//li[starts-with(@class, 'event')]")) for s in sections] == [1, 1, 2]
    planned = doc.xpath("//li[@class='event planned']")
    assert len(planned) == 1 and "腾讯计划推出混元新版本" in planned[0].text_content()
    first = sections[0].xpath(".//ul[@class='sources']/li")[0].text_content()
    assert first == "腾讯成立混元研究组: 2021年，腾讯成立了混元研究组，由李明负责。"
    assert "李明加入腾讯" not in doc.text_content()  # undated


def test_all_text_is_escaped(toy_kg: KnowledgeGraph) -> None:
    page = timeline_html(toy_kg)
    assert page.count("<script") == 1
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt; &amp; 🚀" in page
    assert "开源 &lt;script&gt;alert(2)&lt;/script&gt;" in page  # document title, too


def test_empty_timeline_page(tmp_path: Path) -> None:
    page = tmp_path / "timeline.html"
    write_timeline_html(KnowledgeGraph(), page)
    doc = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    assert doc.xpath("//p[@class='summary']")[0].text_content() == "No dated events."
    assert doc.xpath("//li[starts-with(@class, 'event')]") == []
