"""Markdown bodies through markdown-it-py: what goes, what stays, and offsets that map back
to the Markdown source."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hunyuan_kg.ingest import read_document
from hunyuan_kg.ingest.markdown import MAX_PARSE, markdown_text, text_to_source

ISSUE = (
    "# 腾讯发布混元\n\n"
    "*强调*之后，`hunyuan-large` 的[技术报告][report]见 <https://example.com/r>。\n\n"
    "| 公司 | 模型 |\n| --- | --- |\n| 腾讯 | 混元 |\n| 百度 | 文心一言 |\n\n"
    "```python\nprint('代码')\n```\n\n"
    "[report]: https://example.com/report\n"
)


def _mapped(source: str) -> str:
    text, segments = markdown_text(source)
    for s in segments:
        assert text[s.start : s.start + s.length] == source[s.source : s.source + s.length]
    return text


def test_markup_the_regex_kept_is_gone() -> None:
    text = _mapped(ISSUE)
    assert text == (
        "腾讯发布混元\n\n强调之后，hunyuan-large 的技术报告见 。\n\n"
        "公司 模型\n腾讯 混元\n百度 文心一言"
    )
    for junk in ("*", "`", "[", "]", "<", "https", "|", "print", "代码", "report"):
        assert junk not in text, junk


def test_what_a_scraped_txt_needs_stays() -> None:
    source = "    缩进的一段正文。\n\n2023. 腾讯发布混元\n\n- 第一\n- 第二\n\n**“混元”**发布"
    assert _mapped(source) == "缩进的一段正文。\n\n2023. 腾讯发布混元\n\n第一\n第二\n\n“混元”发布"


def test_offsets_map_back_to_the_markdown_file(tmp_path: Path) -> None:
    body = "# 标题\n\n**腾讯**在 [2023 年 9 月 7 日](https://x.cn) 发布了`混元`大模型。\n"
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: 标题\n---\n{body}", encoding="utf-8")
    doc = read_document(path)
    text, segments = markdown_text(body)
    assert doc.text == text
    for word in ("腾讯", "2023 年 9 月 7 日", "混元"):
        start = doc.text.index(word)
        src = text_to_source(start, segments)
        assert src is not None and body[src : src + len(word)] == word


MARKDOWN_BITS = st.sampled_from(
    ["**", "*", "_", "`", "[", "](http://a.b)", "![", "#", "> ", "- ", "1. ", "|", "\n", "\n\n",
     "<b>", "</b>", "&amp;", "\\*", "    ", "```\n", "---\n", "<https://a.b>"]
)  # fmt: skip
WORDS = st.sampled_from(["腾讯", "发布", "混元", "。", "，", "“", "”", " ", "AI", "2024 年"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(MARKDOWN_BITS, WORDS), max_size=40))
def test_every_segment_is_a_copy_of_the_source(parts: list[str]) -> None:
    source = "".join(parts)
    text, segments = markdown_text(source)
    ends = 0
    for s in segments:
        assert s.start >= ends  # in order, never overlapping
        ends = s.start + s.length
        assert text[s.start : ends] == source[s.source : s.source + s.length]
    assert ends <= len(text)


def test_plain_text_is_kept_whole_and_mapped_whole() -> None:
    source = "腾讯于 2023 年 9 月 7 日发布混元大模型。\n百度随后跟进。"
    text, segments = markdown_text(source)
    assert text == source
    assert sum(s.length for s in segments) == len(source) - source.count("\n")


def test_huge_or_hostile_bodies_take_the_linear_cleaner() -> None:
    line = "[" * 500_000 + "![" * 500_000 + "*" * 500_000
    started = time.perf_counter()
    _, segments = markdown_text(line)
    assert time.perf_counter() - started < 10 and segments == []
    hostile = "[" * 30_000 + "正文"
    started = time.perf_counter()
    markdown_text(hostile)
    assert time.perf_counter() - started < 5
    assert len(line) > MAX_PARSE
