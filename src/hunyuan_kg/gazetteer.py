"""The gazetteer: known companies, labs, products and people with their aliases.

Entries live in ``data/gazetteers/*.jsonl`` (schema in ``docs/gazetteer.md``). Matching is
one Aho-Corasick pass over :func:`~hunyuan_kg.normalize.fold`-ed text, keeping the
non-overlapping matches that cover the most text; ASCII aliases must not touch other
ASCII letters or digits.

>>> gaz = Gazetteer.default()
>>> [(m.text, m.entry.type) for m in gaz.find("腾讯会议接入了混元")][:1]
[('腾讯会议', 'PRODUCT')]
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import ahocorasick
import numpy as np

from .normalize import CJK_SPACE, fold, name_key
from .resources import data_path, read_jsonl, read_yaml


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entity."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    en: str | None = None
    parent: str | None = None
    kind: str | None = None
    ambiguous: frozenset[str] = field(default_factory=frozenset)

    @property
    def surface_forms(self) -> tuple[str, ...]:
        forms = [self.name, *self.aliases]
        if self.en:
            forms.append(self.en)
        return tuple(dict.fromkeys(forms))


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer hit: offsets into the original text, the text, the entry."""

    start: int
    end: int
    text: str
    entry: Entry
    ambiguous: bool


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class Gazetteer:
    """Alias index and matcher over a set of :class:`Entry` objects."""

    def __init__(self, entries: Iterable[Entry], stoplist: Iterable[str] = ()) -> None:
        self.entries: dict[str, Entry] = {e.id: e for e in entries}
        self.stoplist: frozenset[str] = frozenset(name_key(s) for s in stoplist)
        self._by_key: dict[str, Entry] = {}
        self._automaton = ahocorasick.Automaton()
        for entry in self.entries.values():
            amb = {fold(a) for a in entry.ambiguous}
            for form in entry.surface_forms:
                key = name_key(form)
                self._by_key.setdefault(key, entry)
                folded = _squeeze(fold(form))[0]
                if len(folded) < 2 and not folded.isascii():
                    continue
                self._automaton.add_word(folded, (len(folded), entry.id, folded in amb))
        if len(self._automaton):
            self._automaton.make_automaton()

    @classmethod
    @cache
    def default(cls) -> Gazetteer:
        """The gazetteer shipped in ``data/gazetteers``."""
        folder = data_path("gazetteers")
        entries = [
            _entry(row) for path in sorted(folder.glob("*.jsonl")) for row in read_jsonl(path)
        ]
        stop_file = folder / "stoplist.yml"
        stop = _flatten(read_yaml(stop_file)) if stop_file.exists() else []
        return cls(entries, stop)

    def lookup(self, name: str) -> Entry | None:
        """The entry one of whose names or aliases equals ``name`` (after normalization)."""
        return self._by_key.get(name_key(name))

    def is_stopword(self, name: str) -> bool:
        """True for generic terms (AI, NLP, 大模型 …) that are never entities."""
        return name_key(name) in self.stoplist

    def find(self, text: str) -> list[Match]:
        """Alias matches in ``text`` covering the most of it; a space next to a Chinese
        character does not matter (澎湃 OS matches 澎湃OS, 腾讯AI Lab matches 腾讯 AI Lab)."""
        if not len(self._automaton):
            return []
        folded = fold(text)
        squeezed, where = _squeeze(folded)
        candidates: list[tuple[int, int, str, bool]] = []
        for end_idx, (length, entry_id, amb) in self._automaton.iter(squeezed):
            start, end = where[end_idx - length + 1], where[end_idx] + 1
            if _is_ascii_word(folded[start]) and start > 0 and _is_ascii_word(folded[start - 1]):
                continue
            if _is_ascii_word(folded[end - 1]) and end < len(text) and _is_ascii_word(folded[end]):
                continue
            candidates.append((start, end, entry_id, amb))
        return [
            Match(s, e, text[s:e], self.entries[i], amb) for s, e, i, amb in _longest(candidates)
        ]


def _squeeze(text: str) -> tuple[str, list[int]]:
    """``text`` without spaces next to Chinese characters, and each kept character's
    offset in ``text``."""
    keep = np.ones(len(text), dtype=bool)
    for m in CJK_SPACE.finditer(text):
        keep[m.start() : m.end()] = False
    return CJK_SPACE.sub("", text), np.flatnonzero(keep).tolist()


def _longest(cands: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """The non-overlapping matches that cover the most characters (fewest spans on ties):
    百度文心一言 is 百度 + 文心一言, not 百度文心 + 一言."""
    cands = sorted(set(cands), key=lambda c: (c[1], c[0]))
    ends = [c[1] for c in cands]
    # best[i]: (covered chars, -spans) using the first i candidates, and the choice made.
    best: list[tuple[int, int]] = [(0, 0)]
    took: list[bool] = []
    for i, (start, end, _, _) in enumerate(cands):
        j = bisect.bisect_right(ends, start, 0, i)
        with_it = (best[j][0] + end - start, best[j][1] - 1)
        took.append(with_it > best[i])
        best.append(max(with_it, best[i]))
    out = []
    i = len(cands)
    while i > 0:
        if took[i - 1]:
            out.append(cands[i - 1])
            i = bisect.bisect_right(ends, cands[i - 1][0], 0, i - 1)
        else:
            i -= 1
    return sorted(out)


def _entry(row: dict[str, Any]) -> Entry:
    return Entry(
        id=row["id"],
        name=row["name"],
        type=row["type"],
        aliases=tuple(row.get("aliases", ())),
        en=row.get("en"),
        parent=row.get("parent"),
        kind=row.get("kind"),
        ambiguous=frozenset(row.get("ambiguous", ())),
    )


def _flatten(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in _flatten(v)]
    if isinstance(data, list):
        return [s for v in data for s in _flatten(v)]
    return []
