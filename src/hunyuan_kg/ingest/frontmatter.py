"""YAML front matter: the ``---`` block at the top of a Markdown (or scraped .txt) file.

>>> fm = split_front_matter("---\\ntitle: 混元\\ndate: 2024-07-04\\n---\\n正文")
>>> fm.fields["title"], fm.fields["date"], fm.body
('混元', '2024-07-04', '正文')
>>> split_front_matter("---\\ntitle: a: b\\n---\\n正文").warning
'broken YAML front matter ignored (line 2)'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

# Opening ``---`` on the first line, closing ``---`` or ``...`` on a line of its own.
_BLOCK = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MAX_BLOCK = 64_000


class _Loader(yaml.SafeLoader):
    """Safe YAML with dates left as strings, so an impossible date cannot break parsing."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """Scalar front-matter fields as strings, the body after the block, and any warning."""

    fields: dict[str, str] = field(default_factory=dict)
    body: str = ""
    warning: str | None = None


def split_front_matter(text: str) -> FrontMatter:
    """Split ``text`` into front matter and body.

    Without a closed ``---`` block at the very top the whole text is the body. Broken
    YAML (or YAML that is not a mapping) is dropped with a warning and the body kept.
    Scalar values become strings (``None`` values are left out); lists and mappings
    are ignored.
    """
    match = _BLOCK.match(text[: _MAX_BLOCK + 8])
    if match is None:
        return FrontMatter(body=text)
    body = text[match.end() :]
    try:
        data = yaml.load(match.group(1) or "", Loader=_Loader)
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        return FrontMatter(body=body, warning=f"broken YAML front matter ignored{_where(exc)}")
    if data is None:
        return FrontMatter(body=body)
    if not isinstance(data, dict):
        return FrontMatter(body=body, warning="front matter is not a key: value mapping; ignored")
    fields = {
        str(key).strip(): str(value).strip()
        for key, value in data.items()
        if isinstance(value, str | int | float | bool) and str(value).strip()
    }
    return FrontMatter(fields=fields, body=body)


def _where(exc: Exception) -> str:
    mark = getattr(exc, "problem_mark", None)
    return f" (line {mark.line + 2})" if mark is not None else ""
