"""Ingest: paths, encodings, front matter, header lines, HTML, bad files, dates."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import tempfile
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hunyuan_kg.document import Document
from hunyuan_kg.ingest import (
    IngestError,
    InputError,
    collect_paths,
    document_from_text,
    read_document,
    read_documents,
    scan_inputs,
    unique_ids,
)
from hunyuan_kg.ingest.encoding import decode_bytes
from hunyuan_kg.ingest.errors import UnusableText
from hunyuan_kg.ingest.frontmatter import split_front_matter
from hunyuan_kg.ingest.header import find_header_fields
from hunyuan_kg.ingest.html_page import body_text, extract_html
from hunyuan_kg.ingest.textclean import normalize_chars, strip_markdown
from hunyuan_kg.normalize import to_simplified

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

SIMPLIFIED = (
    "星河科技今天在杭州举办开发者大会，发布了新一代语言模型“北斗”。"
    "公司首席技术官王立明表示，该模型将首先用于智能客服和代码助手两个场景。"
)
TRADITIONAL = (
    "星河科技今天在臺北舉辦開發者大會，發佈了新一代語言模型「北斗」。"
    "公司首席技術官王立明表示，該模型將首先用於智慧客服與程式助手兩個場景。"
)


def _write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode(encoding)
    path.write_bytes(content)
    return path


def _no_controls(text: str) -> bool:
    return all(
        ch in "\n\t" or (unicodedata.category(ch) != "Cc" and not 0xD800 <= ord(ch) <= 0xDFFF)
        for ch in text
    )


# --- collect_paths and unique_ids -------------------------------------------------------


def test_collect_paths_walks_nested_folders_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in [
        "b/z.txt",
        "a/deep/er/one.md",
        "a/two.HTML",
        "a/three.markdown",
        "a/four.htm",
        "a/.hidden.txt",
        ".secret/x.txt",
        "a/.git/config.txt",
        "a/table.csv",
        "a/image.png",
    ]:
        _write(tmp_path / name, "正文")
    found = [p.relative_to(tmp_path).as_posix() for p in collect_paths([tmp_path])]
    assert found == ["a/deep/er/one.md", "a/four.htm", "a/three.markdown", "a/two.HTML", "b/z.txt"]


def test_collect_paths_is_order_independent_and_deduplicates(tmp_path: Path) -> None:
    a = _write(tmp_path / "a" / "1.txt", "甲")
    b = _write(tmp_path / "b" / "2.md", "乙")
    forward = collect_paths([tmp_path / "a", tmp_path / "b", a])
    backward = collect_paths([b, tmp_path / "b", tmp_path / "a"])
    assert forward == backward == [a, b]


def test_collect_paths_accepts_a_named_hidden_file(tmp_path: Path) -> None:
    hidden = _write(tmp_path / ".draft.txt", "草稿")
    assert collect_paths([str(hidden)]) == [hidden]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda root: [root / "missing.txt"], "no such file or folder"),
        (lambda root: [root], "no .txt, .md or .html articles found"),
        (lambda root: [_write(root / "data.csv", "a,b")], "not an article file"),
        (lambda root: [_write(root / "only" / "x.json", "{}").parent], "no .txt"),
        (lambda root: [], "no input paths"),
    ],
)
def test_collect_paths_errors(tmp_path: Path, setup, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=message) as info:
        collect_paths(setup(tmp_path))
    assert isinstance(info.value, ValueError)


def test_unique_ids_add_parent_folders_only_on_collision() -> None:
    paths = [Path("x/news/a.txt"), Path("y/news/a.txt"), Path("y/blog/a.md"), Path("z/b.txt")]
    assert unique_ids(paths) == {
        Path("x/news/a.txt"): "x/news/a",
        Path("y/news/a.txt"): "y/news/a",
        Path("y/blog/a.md"): "blog/a",
        Path("z/b.txt"): "b",
    }


def test_unique_ids_fall_back_to_suffix() -> None:
    ids = unique_ids(["d/a.txt", "d/a.md", "d/a.html"])
    assert sorted(ids.values()) == ["d/a.html", "d/a.md", "d/a.txt"]


def test_scan_items_pair_each_file_with_its_unique_id(tmp_path: Path) -> None:
    names = ["news/a.txt", "blog/a.txt", "news/b.md", "新闻/时间.md"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("正文", encoding="utf-8")
    bad = tmp_path / os.fsdecode(b"\xb0\xff.txt")  # a file name that is not UTF-8
    bad.write_text("正文", encoding="utf-8")
    scan = scan_inputs([tmp_path])
    files = collect_paths([tmp_path])
    ids = unique_ids(files)
    assert list(scan.files) == files and scan.files == files and len(scan.files) == 5
    items = scan.items()
    assert list(items) == [(str(p), ids[p]) for p in files]
    assert items[-1] == (str(files[-1]), ids[files[-1]]) and items[1:3] == list(items)[1:3]


@given(st.lists(st.from_regex(r"[ab]/[ab]/[ab]\.(txt|md)", fullmatch=True), max_size=12))
def test_unique_ids_are_always_distinct(names: list[str]) -> None:
    ids = unique_ids(names)
    assert len(set(ids.values())) == len(ids) == len(set(names))


# --- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (SIMPLIFIED, "utf-8", {"utf-8"}),
        (SIMPLIFIED, "utf-8-sig", {"utf-8-sig"}),
        (SIMPLIFIED, "utf-16", {"utf-16"}),
        (SIMPLIFIED, "gbk", {"gbk", "gb18030", "gb2312"}),
        (SIMPLIFIED + "䶮𠀀", "gb18030", {"gb18030"}),
        (TRADITIONAL, "big5", {"big5", "big5hkscs", "cp950"}),
    ],
)
def test_decode_bytes_detects_encodings(text: str, codec: str, expected: set[str]) -> None:
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text.lstrip("\ufeff") == text
    assert decoded.encoding in expected
    assert decoded.warning is None


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("星河发布北斗模型", "gbk"),
        ("北斗上线", "gbk"),
        ("星河發佈北斗模型", "big5"),
        ("北斗上線", "big5"),
    ],
)
def test_decode_bytes_prefers_chinese_codecs_for_short_text(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec)).text == text


def test_decode_bytes_utf16_big_endian_with_bom() -> None:
    decoded = decode_bytes(b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"))
    assert (decoded.text, decoded.encoding) == (SIMPLIFIED, "utf-16")


def test_decode_bytes_keeps_utf8_with_a_truncated_last_character() -> None:
    data = (SIMPLIFIED * 30).encode("utf-8")[:-1]
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.endswith("\ufffd")
    assert decoded.warning is not None and "replaced" in decoded.warning


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"abc\x00def", "binary"), (bytes(range(128, 256)) * 3, "undecodable")],
)
def test_decode_bytes_refuses(data: bytes, reason: str) -> None:
    with pytest.raises(UnusableText, match=reason):
        decode_bytes(data)


@pytest.mark.parametrize(
    ("codec", "text", "prefix"),
    [
        ("gb18030", SIMPLIFIED, b""),
        ("gbk", SIMPLIFIED, b""),
        ("big5", TRADITIONAL, b""),
        ("utf-16", SIMPLIFIED, b""),
        ("utf-8", SIMPLIFIED, b"\xef\xbb\xbf"),
    ],
)
def test_read_document_in_each_encoding_keeps_the_text(
    tmp_path: Path, codec: str, text: str, prefix: bytes
) -> None:
    path = _write(tmp_path / f"{codec}.txt", prefix + f"{text}\r\n\r\n{text}".encode(codec))
    doc = read_document(path)
    read_as = to_simplified(text)  # a traditional article is read in simplified characters
    assert doc.text == f"{read_as}\n\n{read_as}"  # \r\n → \n, no BOM
    assert (doc.meta.get("script") is not None) == (text != read_as)
    assert doc.encoding
    assert doc.id == codec


# --- text clean-up -----------------------------------------------------------------------


def test_normalize_chars() -> None:
    raw = "\ufeff甲\r\n乙\r丙\x00\x07\x1b丁\u2028戊\t己\x85庚\ud83d\ude00\udc00"
    assert normalize_chars(raw) == "甲\n乙\n丙丁\n戊\t己\n庚😀\ufffd"


@given(st.text())
def test_normalize_chars_is_idempotent_and_clean(text: str) -> None:
    once = normalize_chars(text)
    assert normalize_chars(once) == once
    assert _no_controls(once)
    assert "\r" not in once and "\ufeff" not in once


def test_strip_markdown() -> None:
    markdown = (
        "# 北斗发布 #\n\n![封面](https://img.example/1.png)\n\n"
        "> 转自 [星河日报](https://news.example/a)\n\n章节一\n===\n\n"
        "**王立明：**我们先做**基础模型**。****OpenAI****也在做。\n\n---\n\n```\n代码\n```\n"
        "正文 ![图](x.png) 继续。"
    )
    assert strip_markdown(markdown) == (
        "北斗发布\n\n转自 星河日报\n\n章节一\n\n"
        "王立明：我们先做基础模型。 OpenAI 也在做。\n\n代码\n正文  继续。"
    )


def test_strip_markdown_is_linear_on_a_pathological_single_line() -> None:
    line = "[" * 500_000 + "![" * 500_000 + "*" * 500_000
    start = time.perf_counter()
    strip_markdown(line)
    find_header_fields(line)
    assert time.perf_counter() - start < 10


# --- front matter --------------------------------------------------------------------------


def test_front_matter_fields_and_extras() -> None:
    front = split_front_matter(
        "---\ntitle: 北斗发布\ndate: 2023-13-45\nviews: 12\ntags: [a, b]\nempty:\n---\n正文\n"
    )
    assert front.fields == {"title": "北斗发布", "date": "2023-13-45", "views": "12"}
    assert (front.body, front.warning) == ("正文\n", None)


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: [unclosed\n---\n正文",
        "---\n: : :\n  - x\n---\n正文",
        "---\n- a\n- b\n---\n正文",
    ],
)
def test_broken_front_matter_is_dropped_with_a_warning(text: str) -> None:
    front = split_front_matter(text)
    assert front.fields == {}
    assert front.body == "正文"
    assert front.warning


def test_unclosed_front_matter_is_body() -> None:
    assert split_front_matter("---\ntitle: x\n正文").body == "---\ntitle: x\n正文"


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "news" / "beidou.md",
        "---\nid: star-001\ntitle: 星河科技发布北斗\nurl: https://news.example/1\n"
        "source: 星河日报\nauthor: 李华\ndate: 2024-07-04\nfetch_date: 2025-01-01\n---\n\n"
        f"# 星河科技发布北斗\n\n![](https://img.example/1.png)\n\n{SIMPLIFIED}\n",
    )
    doc = read_document(path)
    assert doc.id == "star-001"
    assert doc.text == f"星河科技发布北斗\n\n{SIMPLIFIED}"
    assert (doc.title, doc.url, doc.source, doc.author) == (
        "星河科技发布北斗",
        "https://news.example/1",
        "星河日报",
        "李华",
    )
    assert (doc.dct, doc.dct_source) == (dt.date(2024, 7, 4), "metadata")
    assert doc.meta["fetch_date"] == "2025-01-01"
    assert doc.path == str(path)
    assert read_document(path, doc_id="override").id == "override"


def test_html_with_front_matter_reads_its_fields_and_keeps_them_out_of_the_text(
    tmp_path: Path,
) -> None:
    """Archives store scraped pages as a front matter block followed by the markup."""
    path = _write(
        tmp_path / "page.html",
        "---\ntitle: 星河科技完成融资\nsource: 星河日报\ndate: 2021-06-21\n---\n"
        "<html><head><title>页面标题</title></head><body>"
        f"<p>{SIMPLIFIED}</p></body></html>",
    )
    doc = read_document(path)
    assert (doc.title, doc.source) == ("星河科技完成融资", "星河日报")
    assert (doc.dct, doc.dct_source) == (dt.date(2021, 6, 21), "metadata")
    assert SIMPLIFIED in doc.text
    assert "source:" not in doc.text and "---" not in doc.text


def test_markdown_title_is_prepended_when_the_body_lacks_it(tmp_path: Path) -> None:
    path = _write(tmp_path / "t.md", f"---\ntitle: 北斗发布\n---\n{SIMPLIFIED}")
    doc = read_document(path)
    assert doc.text == f"北斗发布\n\n{SIMPLIFIED}"
    assert doc.text.index("王立明") == len("北斗发布\n\n") + SIMPLIFIED.index("王立明")


def test_repeated_headline_appears_once_on_top(tmp_path: Path) -> None:
    paragraphs = "\n\n".join([SIMPLIFIED] * 8)
    path = _write(
        tmp_path / "r.md",
        f"---\ntitle: 北斗发布\n---\n原创\n\n# 北斗发布\n\n{paragraphs}\n\n北斗发布",
    )
    text = read_document(path).text
    assert text == f"北斗发布\n\n原创\n\n{paragraphs}\n\n北斗发布"  # only copies near the top go


def test_broken_front_matter_file_still_reads_the_body(tmp_path: Path) -> None:
    path = _write(tmp_path / "broken.md", f"---\ntitle: [oops\ndate: 2024-01-01\n---\n{SIMPLIFIED}")
    doc = read_document(path)
    assert doc.text == SIMPLIFIED
    assert "front matter" in doc.meta["warning"]
    assert doc.dct_source != "metadata"


def test_impossible_front_matter_date_is_not_a_date(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "bad-date.md", f"---\ntitle: 北斗\ndate: 2023-13-45\n---\n{SIMPLIFIED}"
    )
    doc = read_document(path)
    assert doc.dct_source != "metadata"
    assert "2023-13-45" in doc.meta["warning"]


# --- header lines and date resolution --------------------------------------------------


@pytest.mark.parametrize(
    ("line", "date_text", "author", "source"),
    [
        ("2025-11-02 08:15:30 · 作者: 示例作者 · 阅读: 12", "2025-11-02", "示例作者", None),
        ("发布时间：2023年9月7日 10:00  来源：星河日报", "2023年9月7日", None, "星河日报"),
        ("2023-09-07 来源：星河日报 作者：李华", "2023-09-07", "李华", "星河日报"),
        ("来源：星河日报 | 2024/01/02", "2024/01/02", None, "星河日报"),
        ("2023 年 9 月 7 日", "2023年9月7日", None, None),
    ],
)
def test_header_fields(line: str, date_text: str, author: str | None, source: str | None) -> None:
    fields = find_header_fields(f"标题\n\n{line}\n\n正文")
    assert fields is not None
    assert (fields.date_text, fields.author, fields.source, fields.line_number) == (
        date_text,
        author,
        source,
        2,
    )


@pytest.mark.parametrize(
    "text",
    [
        "于 2022 年 3 月 8 日召开的大会上，星河科技发布北斗。",
        "2024 年 5 月 30 日，星河科技推出北斗。",
        "一\n二\n三\n四\n五\n2025-11-02 · 作者: x",  # below the first five lines
    ],
)
def test_body_sentences_are_not_header_lines(text: str) -> None:
    assert find_header_fields(text) is None


def test_header_line_date_and_author(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "h.txt",
        f"北斗发布会\n\n2025-11-02 08:15:30 · 作者: 示例作者 · 阅读: 12\n\n{SIMPLIFIED}\n",
    )
    doc = read_document(path)
    assert (doc.dct, doc.dct_source, doc.author) == (dt.date(2025, 11, 2), "header", "示例作者")
    assert doc.title == "北斗发布会"
    assert doc.meta["dct_evidence"] in doc.text


def test_impossible_header_date_is_not_a_header() -> None:
    doc = document_from_text(f"标题\n2023-13-45 · 作者: 某人\n{SIMPLIFIED}", doc_id="x")
    assert doc.dct_source != "header"


def test_metadata_beats_header(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "both.md",
        f"---\ndate: 2024-07-04\n---\n2025-11-02 · 作者: 某人\n\n{SIMPLIFIED}",
    )
    doc = read_document(path)
    assert (doc.dct, doc.dct_source, doc.author) == (dt.date(2024, 7, 4), "metadata", "某人")


def test_date_inferred_from_text_or_none() -> None:
    dated = document_from_text(f"2023 年 9 月 7 日上午，{SIMPLIFIED}", doc_id="d")
    assert dated.dct_source == "inferred"
    # the month of the latest date, as its last day: bare dates of that month keep its year
    assert dated.dct == dt.date(2023, 9, 30)
    undated = document_from_text("没有日期的一句话。", doc_id="n")
    assert (undated.dct, undated.dct_source) == (None, "none")


def test_document_from_text_given_dct_is_metadata() -> None:
    doc = document_from_text("正文。", doc_id="d", title="标题", dct=dt.date(2020, 2, 2))
    assert (doc.dct, doc.dct_source, doc.title, doc.text) == (
        dt.date(2020, 2, 2),
        "metadata",
        "标题",
        "正文。",
    )


_CLEAN_CHARS = st.characters(
    blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029\ufeff\ufffe\uffff"
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.one_of(_CLEAN_CHARS, st.sampled_from("\n\t")), max_size=300))
def test_document_from_text_keeps_clean_text_unchanged(text: str) -> None:
    doc = document_from_text(text, doc_id="d")
    # unchanged, except that an article in traditional characters is read as simplified
    assert doc.text == (to_simplified(text) if "script" in doc.meta else text)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_document_from_text_is_stable_on_any_text(text: str) -> None:
    doc = document_from_text(text, doc_id="d")
    assert _no_controls(doc.text)
    assert document_from_text(doc.text, doc_id="d").text == doc.text


# --- HTML ----------------------------------------------------------------------------------

PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="{{charset}}"><title>星河科技发布北斗 - 星河日报</title>
<meta property="og:title" content="星河科技发布北斗">
<meta property="og:site_name" content="星河日报">
<meta property="article:published_time" content="2024-03-05T09:30:00+08:00">
<link rel="canonical" href="https://news.example/2024/beidou.html">
<style>body {{{{ font-family: STYLE_LEAK; }}}}</style>
<script>var tracker = "SCRIPT_LEAK";</script></head>
<body><nav><a href="/">首页</a> | <a href="/tech">科技</a></nav>
<article><h1>星河科技发布北斗</h1><p>{SIMPLIFIED}</p>
<script>document.write("SCRIPT_LEAK_2")</script><style>.x {{{{}}}}</style>
<p>2019 年 1 月 1 日，这家公司刚刚成立，目前员工已超过两千人。</p></article>
<footer>版权所有</footer></body></html>"""


def test_extract_html_text_and_metadata() -> None:
    page = extract_html(PAGE.format(charset="utf-8"))
    assert SIMPLIFIED in page.text
    assert "LEAK" not in page.text and "font-family" not in page.text
    assert (page.title, page.source, page.date) == (
        "星河科技发布北斗",
        "星河日报",
        dt.date(2024, 3, 5),
    )
    assert page.url == "https://news.example/2024/beidou.html"


def test_html_file_in_gbk(tmp_path: Path) -> None:
    path = _write(tmp_path / "page.html", PAGE.format(charset="gbk"), encoding="gbk")
    doc = read_document(path)
    assert doc.encoding in {"gbk", "gb18030", "gb2312"}
    assert doc.text.startswith("星河科技发布北斗\n")
    assert doc.text.count("星河科技发布北斗") == 1
    assert SIMPLIFIED in doc.text and "LEAK" not in doc.text
    assert (doc.dct, doc.dct_source) == (dt.date(2024, 3, 5), "metadata")


def test_html_date_in_body_only_is_not_metadata(tmp_path: Path) -> None:
    markup = f"<html><body><p>2023 年 9 月 7 日上午，{SIMPLIFIED}</p></body></html>"
    doc = read_document(_write(tmp_path / "p.htm", markup))
    assert doc.dct_source == "inferred"


def test_html_body_fallback_drops_scripts_and_styles() -> None:
    from lxml import html

    tree = html.document_fromstring(
        "<html><head><title>t</title><script>HEAD_LEAK()</script></head><body>"
        "<div>第一段<br>第二段</div><script>BODY_LEAK()</script><style>p{}</style>"
        "<noscript>NOSCRIPT_LEAK</noscript><ul><li>甲</li><li>乙</li></ul></body></html>"
    )
    assert body_text(tree) == "第一段\n第二段\n甲\n乙"


def test_html_with_only_scripts_is_refused(tmp_path: Path) -> None:
    markup = "<html><head><script>x()</script><style>p{}</style></head><body> </body></html>"
    with pytest.raises(IngestError, match="no visible text"):
        read_document(_write(tmp_path / "empty.html", markup))


# --- unusable files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n \xe3\x80\x80\n", "whitespace-only"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"---\ntitle: x\n---\n\n![](a.png)\n", "no article text"),
    ],
)
def test_unusable_files_raise_ingest_error(tmp_path: Path, content: bytes, reason: str) -> None:
    path = _write(tmp_path / "bad.md", content)
    with pytest.raises(IngestError, match=reason) as info:
        read_document(path)
    assert info.value.path == str(path)
    assert "\n" not in info.value.reason


def test_too_large_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", "大" * 200)
    with pytest.raises(IngestError, match="too large"):
        read_document(path, max_bytes=100)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="cannot read"):
        read_document(tmp_path / "gone.txt")
    with pytest.raises(IngestError, match="not a regular file"):
        read_document(tmp_path)


def test_ingest_error_is_one_line_and_picklable() -> None:
    error = IngestError(Path("a/b.txt"), "first line\nsecond line")
    assert error.reason == "first line second line"
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.reason, str(copy)) == ("a/b.txt", error.reason, str(error))


def test_read_documents_streams_good_and_bad(tmp_path: Path) -> None:
    _write(tmp_path / "x" / "a.txt", SIMPLIFIED)
    _write(tmp_path / "y" / "a.txt", TRADITIONAL)
    _write(tmp_path / "y" / "b.txt", b"\x00\x01\x02")
    _write(tmp_path / "y" / "c.md", "")
    _write(tmp_path / "y" / "d.md", f"---\nid: custom\n---\n{SIMPLIFIED}")
    results = list(read_documents([tmp_path]))
    assert [type(r).__name__ for r in results] == [
        "Document",
        "Document",
        "IngestError",
        "IngestError",
        "Document",
    ]
    docs = [r for r in results if isinstance(r, Document)]
    assert [d.id for d in docs] == ["x/a", "y/a", "custom"]
    assert [Path(r.path).name for r in results if isinstance(r, IngestError)] == ["b.txt", "c.md"]


def test_read_documents_raises_input_error_at_call_time(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_documents([tmp_path / "nothing-here"])


# --- random input never escapes as anything but IngestError -----------------------------

_SUFFIXES = st.sampled_from([".txt", ".md", ".html"])


def _check_random_file(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "random" + suffix)
        path.write_bytes(data)
        try:
            doc = read_document(path)
        except IngestError as error:
            assert error.reason and "\n" not in error.reason
        else:
            assert doc.text.strip()
            assert _no_controls(doc.text)
            assert "\x00" not in doc.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), _SUFFIXES)
def test_random_bytes_give_a_document_or_an_ingest_error(data: bytes, suffix: str) -> None:
    _check_random_file(data, suffix)


_ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5", "latin-1"])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        st.one_of(st.characters(), st.sampled_from("\n\r\t#*![]()>-:·年月日0123456789")),
        max_size=300,
    ),
    _ENCODINGS,
    _SUFFIXES,
    st.sampled_from(["", "---\ndate: 2023-02-30\n---\n", "---\ntitle: [\n---\n"]),
)
def test_random_text_in_any_encoding_gives_a_document_or_an_ingest_error(
    text: str, codec: str, suffix: str, front_matter: str
) -> None:
    _check_random_file((front_matter + text).encode(codec, errors="replace"), suffix)


# --- the seed articles -----------------------------------------------------------------


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_seed_articles() -> None:
    docs = {d.id[:3]: d for d in read_documents([SEEDS]) if isinstance(d, Document)}
    assert set(docs) == {"000", "001", "002"}
    assert (docs["000"].dct, docs["000"].dct_source) == (dt.date(2026, 1, 3), "header")
    assert (docs["001"].dct, docs["001"].dct_source) == (dt.date(2024, 7, 4), "metadata")
    assert docs["002"].dct_source == "inferred"
    assert docs["002"].dct is not None
    assert (docs["002"].dct.year, docs["002"].dct.month) == (2023, 9)
    for doc in docs.values():
        assert "![" not in doc.text and "**" not in doc.text and "](" not in doc.text
        assert doc.encoding == "utf-8"
