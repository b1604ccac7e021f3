"""HTML → visible article text plus title, date, author and site from the markup.

Main text comes from trafilatura (precision first, no comments); when it finds nothing
the text of ``<body>`` without scripts and styles is used. Pages nested deeper than the
parser follows (lxml keeps about 2,000 levels with ``huge_tree``, 255 without) would lose
everything past that depth: when the parsed body holds less than half of the page's text,
the text is read from the markup itself (:func:`plain_text`). The date is taken only from
metadata (``<meta>`` tags, JSON-LD, ``<time datetime>``, a dated canonical URL) through
htmldate; dates written in the body are left to the text inference. Nothing is fetched.

>>> page = extract_html(
...     "<html><head><title>混元发布</title>"
...     "<meta property='article:published_time' content='2023-09-07T10:00:00+08:00'>"
...     "<script>var x = 1;</script></head>"
...     "<body><p>腾讯在大会上发布混元大模型。</p></body></html>"
... )
>>> page.title, page.date, page.text
('混元发布', datetime.date(2023, 9, 7), '腾讯在大会上发布混元大模型。')
"""

from __future__ import annotations

import copy
import datetime as dt
import html
import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from hunyuan_kg.ingest.errors import UnusableText

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]{0,200}\?>")
_INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table"),
        *("td", "th", "tr", "ul"),
    }
)
# Elements that say when a page was published without being part of its prose.
_METADATA_XPATH = (
    "//head/*[not(self::style)] | //body//meta | //body//link[@rel='canonical']"
    " | //script[@type='application/ld+json'] | //time[@datetime]"
)


@dataclass(frozen=True, slots=True)
class HtmlContent:
    """What a page yields: its visible text and metadata (``None`` where absent)."""

    text: str
    title: str | None = None
    date: dt.date | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None


def extract_html(markup: str) -> HtmlContent:
    """Visible main text and metadata of an HTML page given as a string.

    Raises :class:`UnusableText` when the markup cannot be parsed.
    """
    import trafilatura

    markup = _XML_DECLARATION.sub("", markup)
    try:
        tree = lxml_html.document_fromstring(markup, parser=lxml_html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError) as exc:
        raise UnusableText(f"unparseable HTML ({exc})") from exc
    metadata = trafilatura.extract_metadata(
        _metadata_tree(tree), date_config={"extensive_search": False, "original_date": True}
    )
    parsed = body_text(tree)
    plain = plain_text(markup)
    if len(parsed) < len(plain) / 2:  # nested too deep: the parser dropped the rest
        text: str | None = plain
    else:
        text = trafilatura.extract(
            copy.deepcopy(tree), include_comments=False, favor_precision=True, include_tables=True
        )
    return HtmlContent(
        text=text if text and text.strip() else parsed,
        title=metadata.title or _first_heading(tree),
        date=_iso_date(metadata.date),
        author=metadata.author,
        source=metadata.sitename,
        url=metadata.url,
    )


def body_text(tree: lxml_html.HtmlElement) -> str:
    """Text of ``<body>`` without scripts, styles and other invisible elements.

    Block elements (``p``, ``div``, ``li``, ``br`` …) end a line.

    >>> page = "<body><p>一</p><script>x()</script><style>p {}</style><p>二</p></body>"
    >>> body_text(lxml_html.document_fromstring(page))
    '一\\n二'
    """
    found = tree.find(".//body")
    body = copy.deepcopy(tree if found is None else found)
    for element in list(body.iter(*_INVISIBLE)):
        element.drop_tree()
    for element in body.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in body.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


_INVISIBLE_OPEN = re.compile(rf"<({'|'.join(_INVISIBLE)})\b", re.IGNORECASE)
_BLOCK_TAG = re.compile(rf"</?(?:{'|'.join(sorted(_BLOCKS))})\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)


def plain_text(markup: str) -> str:
    """The visible text of ``markup`` read without a parse tree (any nesting depth):
    invisible elements dropped, block tags ending lines, other tags removed, entities
    decoded. Linear in the length of the markup, however broken it is.

    >>> plain_text("<div><div><p>一 &amp; 二</p><script>x()</script></div><p>三</p></div>")
    '一 & 二\\n三'
    """
    kept: list[str] = []
    pos = 0
    lowered = markup.lower()
    while (m := _INVISIBLE_OPEN.search(markup, pos)) is not None:
        kept.append(markup[pos : m.start()])
        close = lowered.find(f"</{m.group(1).lower()}", m.end())
        if close == -1:
            pos = len(markup)
            break
        end = markup.find(">", close)
        pos = len(markup) if end == -1 else end + 1
    kept.append(markup[pos:])
    text = _TAG.sub("", _BLOCK_TAG.sub("\n", "".join(kept)))
    lines = (" ".join(line.split()) for line in html.unescape(text).split("\n"))
    return "\n".join(line for line in lines if line)


def _metadata_tree(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """A page holding only the metadata elements of ``tree``, so body prose cannot date it."""
    page = lxml_html.Element("html")
    head = etree.SubElement(page, "head")
    for element in tree.xpath(_METADATA_XPATH):
        head.append(copy.deepcopy(element))
    etree.SubElement(page, "body")
    return page


def _first_heading(tree: lxml_html.HtmlElement) -> str | None:
    for heading in tree.iter("h1"):
        text = " ".join(heading.text_content().split())
        if text:
            return text
    return None


def _iso_date(value: str | None) -> dt.date | None:
    """htmldate's fixed ``YYYY-MM-DD`` output as a date."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
