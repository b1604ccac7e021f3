"""Files (and in-memory strings) → :class:`~hunyuan_kg.document.Document`.

``Document.text`` is produced here once and never altered afterwards: every character
offset in the project refers to it. For a file it is the cleaned article body (front
matter removed, light Markdown markup removed, HTML reduced to its visible main text)
with the title as its first line.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "hunyuan.md"
>>> _ = path.write_text("---\\ntitle: 混元发布\\ndate: 2023-09-07\\n---\\n腾讯发布**混元**。\\n",
...                     encoding="utf-8")
>>> doc = read_document(path)
>>> doc.id, doc.text, doc.dct, doc.dct_source
('hunyuan', '混元发布\\n\\n腾讯发布混元。', datetime.date(2023, 9, 7), 'metadata')
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from hunyuan_kg.document import DctSource, Document
from hunyuan_kg.ingest.encoding import decode_bytes
from hunyuan_kg.ingest.errors import IngestError, UnusableText
from hunyuan_kg.ingest.frontmatter import FrontMatter, split_front_matter
from hunyuan_kg.ingest.header import Header, find_header, find_header_fields
from hunyuan_kg.ingest.html_page import extract_html
from hunyuan_kg.ingest.markdown import markdown_text
from hunyuan_kg.ingest.paths import HTML_SUFFIXES, scan_inputs, unique_ids
from hunyuan_kg.ingest.safe_read import DEFAULT_MAX_BYTES, read_input
from hunyuan_kg.ingest.textclean import normalize_chars
from hunyuan_kg.normalize import to_simplified, traditional_share

_log = logging.getLogger(__name__)
_KNOWN_FIELDS = frozenset({"title", "url", "source", "date", "author", "id"})
_MAX_TITLE = 100
_SENTENCE_END = tuple("。！？!?；;，,：:")
_HEADLINE_WINDOW = 12
_INFER_WINDOW = 100_000
# Above this share of traditional-only characters an article is read as simplified; in
# simplified text such characters are rare (names, quotations), in traditional text common.
_TRADITIONAL_SHARE = 0.05
_BLANK_RUN = re.compile(r"\n{3,}")


@dataclass(slots=True)
class _Article:
    """What a file format yields before dates are resolved."""

    body: str
    title: str | None = None
    guessed_title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    doc_id: str | None = None
    date: dt.date | None = None
    date_evidence: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def read_document(
    path: str | Path,
    *,
    doc_id: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    roots: Iterable[str | Path] | None = None,
    date: dt.date | None = None,
) -> Document:
    """Read one article file (.txt, .md/.markdown, .html/.htm; others are read as text).

    The id is ``doc_id`` if given, else the front-matter ``id``, else the file stem.
    ``date`` is the publication date of an article that states none (in its front
    matter, HTML metadata or a dateline), instead of the one inferred from its text
    (``dct_source`` ``"given"``).
    Raises :class:`IngestError` (with a one-line ``reason``) for a file that cannot be
    used: not a regular file, outside ``roots`` once symlinks are resolved (when roots
    are given), unreadable, larger than ``max_bytes``, empty or whitespace-only, binary,
    undecodable, or without text once markup is removed. The file is read once
    (:func:`~hunyuan_kg.ingest.safe_read.read_input`); ``Document.digest`` is the
    sha256 of exactly the bytes the text came from.
    """
    path = Path(path)
    return _read(
        path, doc_id=doc_id, default_id=path.stem, max_bytes=max_bytes, roots=roots, date=date
    )


def read_documents(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    date: dt.date | None = None,
) -> Iterator[Document | IngestError]:
    """Read every article under ``paths``, yielding a Document or an IngestError per file.

    Paths are collected (and :class:`~hunyuan_kg.ingest.InputError` raised) at call time;
    afterwards a bad file never stops the stream. Skipped paths (symlinks out of the
    inputs, unreadable folders) come first, as errors. Ids are the front-matter ``id`` or
    the file's :func:`~hunyuan_kg.ingest.unique_ids` entry. ``date``: as for
    :func:`read_document`.
    """
    scan = scan_inputs(paths)
    files = scan.files
    ids = unique_ids(files)

    def stream() -> Iterator[Document | IngestError]:
        for path, reason in scan.skipped:
            yield IngestError(path, reason)
        for path in files:
            try:
                yield _read(
                    path,
                    doc_id=None,
                    default_id=ids[path],
                    max_bytes=max_bytes,
                    roots=scan.roots,
                    date=date,
                )
            except IngestError as exc:
                yield exc
            except Exception as exc:  # a bug on one file must not cost the others
                yield IngestError(path, f"unexpected {type(exc).__name__}: {exc}")

    return stream()


def document_from_text(
    text: str, *, doc_id: str, title: str | None = None, dct: dt.date | None = None
) -> Document:
    """A Document for in-memory text, with the same date logic as for files.

    Only characters are cleaned (newlines to ``\\n``, control characters and BOMs
    dropped, lone surrogates replaced), so offsets into clean input stay valid: for
    such input ``Document.text == text``. ``dct`` counts as metadata; without it the
    date comes from a header line near the top, else from the text itself.

    >>> doc = document_from_text("混元发布\\n2025-11-02 08:15:30 · 作者: 张三\\n正文", doc_id="d1")
    >>> doc.dct, doc.dct_source, doc.author
    (datetime.date(2025, 11, 2), 'header', '张三')
    """
    article = _Article(body=normalize_chars(text), title=title, date=dct)
    if dct is not None:
        article.date_evidence = "given"
    return _assemble(article, doc_id=doc_id, path=None, encoding=None, with_title=False)


def _read(
    path: Path,
    *,
    doc_id: str | None,
    default_id: str,
    max_bytes: int,
    roots: Iterable[str | Path] | None = None,
    date: dt.date | None = None,
) -> Document:
    data = read_input(path, max_bytes=max_bytes, roots=roots)
    try:
        decoded = decode_bytes(data)
        text = normalize_chars(decoded.text)
        if not text.strip():
            raise UnusableText("whitespace-only file")
        if path.suffix.lower() in HTML_SUFFIXES:
            article = _html_article(text)
        else:
            article = _text_article(text)
    except UnusableText as exc:
        raise IngestError(path, exc.reason) from exc
    if decoded.warning:
        article.warnings.insert(0, decoded.warning)
    document = _assemble(
        article,
        doc_id=doc_id or article.doc_id or default_id,
        path=str(path),
        encoding=decoded.encoding,
        with_title=True,
        given=date,
    )
    return replace(document, digest=hashlib.sha256(data).hexdigest())


def _text_article(text: str) -> _Article:
    """A .txt or Markdown file: front matter, then the body without Markdown markup."""
    front = split_front_matter(text)
    body = markdown_text(front.body)[0]
    if not body:
        raise UnusableText("no article text (only front matter or markup)")
    article = _with_front_matter(_Article(body=body), front)
    if article.title is None:
        article.guessed_title = _guess_title(front.body, body)
    return article


def _html_article(markup: str) -> _Article:
    """An HTML page: its visible text and metadata; a front matter block before the markup
    (as archives and scrapers write it) is read as in a text file and wins over the page's
    own metadata."""
    front = split_front_matter(markup)
    page = extract_html(front.body)
    body = normalize_chars(page.text).strip()
    if not body:
        raise UnusableText("no visible text in HTML")
    article = _Article(
        body=body,
        title=page.title,
        url=page.url,
        source=page.source,
        author=page.author,
        date=page.date,
        date_evidence="HTML metadata" if page.date else None,
    )
    return _with_front_matter(article, front)


def _with_front_matter(article: _Article, front: FrontMatter) -> _Article:
    """``article`` with the fields of its front matter (title, url, source, author, id,
    date; the rest as ``meta``) in place of what the body gave."""
    fields = front.fields
    article.title = fields.get("title", article.title)
    article.url = fields.get("url", article.url)
    article.source = fields.get("source", article.source)
    article.author = fields.get("author", article.author)
    article.doc_id = fields.get("id", article.doc_id)
    article.meta = {k: v for k, v in fields.items() if k not in _KNOWN_FIELDS}
    if front.warning:
        article.warnings.append(front.warning)
    if "date" in fields:
        from hunyuan_kg.temporal import parse_date_string

        date = parse_date_string(fields["date"])
        if date is None:
            article.warnings.append(f"front-matter date not understood: {fields['date']!r}")
        else:
            article.date, article.date_evidence = date, f"front matter date: {fields['date']}"
    return article


def _assemble(
    article: _Article,
    *,
    doc_id: str,
    path: str | None,
    encoding: str | None,
    with_title: bool,
    given: dt.date | None = None,
) -> Document:
    """Settle title, text and publication date, and build the Document."""
    title = _one_line(article.title)
    text = article.body
    meta = dict(article.meta)
    if traditional_share(text) > _TRADITIONAL_SHARE:
        # Our gazetteer, lexicons and models are simplified Chinese: read a traditional
        # article in simplified characters (same length, so offsets hold for both).
        text, title = to_simplified(text), title and to_simplified(title)
        meta["script"] = "traditional, read as simplified"
    if with_title and title:
        rest = _without_headline(text, title)
        text = f"{title}\n\n{rest}" if rest else title
    header = find_header(text)
    dct, dct_source, evidence = _resolve_dct(article, text, header, given)
    if evidence:
        meta["dct_evidence"] = evidence
    if article.warnings:
        meta["warning"] = "; ".join(article.warnings)
        # The warning also travels with the document (DocumentInfo.warning) to errors.jsonl.
        _log.warning("%s: %s", path or doc_id, meta["warning"], extra={"hkg_doc": doc_id})
    return Document(
        id=doc_id,
        text=text,
        path=path,
        title=title or _one_line(article.guessed_title),
        url=_one_line(article.url),
        source=_one_line(article.source) or (header.fields.source if header else None),
        author=_one_line(article.author) or (header.fields.author if header else None),
        dct=dct,
        dct_source=dct_source,
        encoding=encoding,
        meta=meta,
    )


def _resolve_dct(
    article: _Article, text: str, header: Header | None, given: dt.date | None = None
) -> tuple[dt.date | None, DctSource, str | None]:
    """Metadata first, then a header line near the top, then the date ``given`` for the
    run (``--date``), then inference from the text.

    Inference (:func:`hunyuan_kg.temporal.guess_dct`) reads the first
    ``_INFER_WINDOW`` characters only, which bounds its cost on giant files; when its own
    header rule fires the source is still ``header`` (a stated date: it wins over
    ``given``).
    """
    from hunyuan_kg.temporal import guess_dct

    if article.date is not None:
        return article.date, "metadata", article.date_evidence
    if header is not None:
        return header.date, "header", header.fields.line
    guess = guess_dct(text[:_INFER_WINDOW])
    if given is not None and not (guess.date is not None and guess.method == "header"):
        return given, "given", f"given for the run: {given.isoformat()}"
    if guess.date is None:
        return None, "none", None
    source: DctSource = "header" if guess.method == "header" else "inferred"
    return (
        _period_end(guess.date, guess.granularity),
        source,
        (f"{guess.method} ({guess.granularity}): {guess.evidence}"),
    )


def _period_end(date: dt.date, granularity: str) -> dt.date:
    """The last day of a guessed month or year.

    A guess from the latest date in the text is a lower bound: the article appeared in that
    month (or year) or later. Anchoring on the period's last day keeps the bare dates of the
    period in it: with a guess of May 2024, 5 月 21 日 is 2024-05-21, not 2023-05-21.

    >>> _period_end(dt.date(2024, 5, 1), "month"), _period_end(dt.date(2023, 1, 1), "year")
    (datetime.date(2024, 5, 31), datetime.date(2023, 12, 31))
    """
    if granularity == "year":
        return date.replace(month=12, day=31)
    if granularity == "month":
        following = date.replace(day=28) + dt.timedelta(days=4)
        return following - dt.timedelta(days=following.day)
    return date


def _guess_title(raw_body: str, body: str) -> str | None:
    """The first line of a title-less article when it looks like a headline.

    Not when the raw first line is a quote (``>``, as in "converted by" notes), a
    header line, longer than a headline, or ends like a sentence.
    """
    raw_first = raw_body.lstrip().split("\n", 1)[0]
    first = _first_line(body) or ""
    if (
        raw_first.startswith(">")
        or "\n" not in body
        or len(first) > _MAX_TITLE
        or first.endswith(_SENTENCE_END)
        or find_header_fields(first) is not None
    ):
        return None
    return first


def _without_headline(text: str, title: str) -> str:
    """``text`` without copies of the title among its first lines (the title goes on top).

    Scraped pages often repeat the headline (page title, then article heading).
    """
    kept = [line for line in text.split("\n", _HEADLINE_WINDOW) if _one_line(line) != title]
    return _BLANK_RUN.sub("\n\n", "\n".join(kept)).strip("\n")


def _first_line(text: str) -> str | None:
    return _one_line(text.lstrip("\n").split("\n", 1)[0])


def _one_line(value: str | None) -> str | None:
    return (" ".join(value.split()) or None) if value else None
