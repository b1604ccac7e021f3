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
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import ahocorasick
import numpy as np

from .normalize import CJK_SPACE, fold, latin_key, name_key
from .resources import data_path, read_jsonl, read_yaml
from .usercache import cached


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
        """The gazetteer shipped in ``data/gazetteers`` (its index read from the user cache
        when these files and the code are unchanged: :mod:`hunyuan_kg.usercache`)."""
        folder = data_path("gazetteers")
        return cached("gazetteer", [p for p in folder.iterdir() if p.is_file()], cls._shipped)

    @classmethod
    def _shipped(cls) -> Gazetteer:
        folder = data_path("gazetteers")
        entries = [
            _entry(row) for path in sorted(folder.glob("*.jsonl")) for row in read_jsonl(path)
        ]
        stop_file = folder / "stoplist.yml"
        stop = _flatten(read_yaml(stop_file)) if stop_file.exists() else []
        short = read_yaml(folder / "short_forms.yml")
        return cls(fold_short_forms(entries, short["learned_kinds"], short["company_words"]), stop)

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


def fold_short_forms(
    entries: list[Entry], learned_kinds: Iterable[str], company_words: Iterable[str]
) -> list[Entry]:
    """Fold a learned company name into the entry that names it with a company word after
    it (``data/gazetteers/short_forms.yml``), and a learned Latin-script name into a more
    trusted entry of its type that spells it without the same spaces and hyphens: the
    learned name becomes an alias.

    >>> long = Entry("weima", "威马汽车", "ORG")
    >>> short = Entry("v1", "威马", "ORG", kind="verified", ambiguous=frozenset({"威马"}))
    >>> folded = fold_short_forms([long, short], ["verified"], ["汽车"])
    >>> [(e.name, e.aliases, sorted(e.ambiguous)) for e in folded]
    [('威马汽车', ('威马',), ['威马'])]
    >>> spaced = Entry("v2", "Eleven Labs", "ORG", kind="verified")
    >>> listed = Entry("elevenlabs", "ElevenLabs", "ORG")
    >>> [e.aliases for e in fold_short_forms([listed, spaced], ["verified"], [])]
    [('Eleven Labs',)]
    """
    ranks = {kind: rank for rank, kind in enumerate(learned_kinds)}  # least trusted first
    kinds, words = frozenset(ranks), tuple(company_words)
    by_name = {name_key(f): e for e in entries if e.type == "ORG" for f in e.surface_forms}
    into: dict[str, Entry] = _spelling_twins(entries, ranks)  # entry id -> entry it folds into
    for e in entries:
        if e.type != "ORG" or e.kind not in kinds or e.id in into:
            continue
        for word in words:
            full = by_name.get(name_key(e.name + word))
            if full is not None and full.id != e.id and full.parent is None:
                into[e.id] = full
                break
    if not into:
        return entries
    for short_id, full in into.items():  # 大众 → 大众汽车 → 大众汽车集团
        while full.id in into:
            full = into[full.id]
        into[short_id] = full
    by_id = {e.id: e for e in entries}
    extra: dict[str, list[Entry]] = {}
    for short_id, full in into.items():
        extra.setdefault(full.id, []).append(by_id[short_id])
    out = []
    for e in entries:
        if e.id in into:
            continue
        if e.id in extra:
            folded = extra[e.id]
            kind = e.kind
            if kind in kinds:  # a learned name takes the most trusted kind of its forms
                kind = max((x.kind for x in (e, *folded)), key=lambda k: ranks.get(k or "", -1))
            e = replace(
                e,
                kind=kind,
                aliases=(*e.aliases, *(s.name for s in folded)),
                ambiguous=e.ambiguous.union(*(s.ambiguous for s in folded)),
            )
        if e.parent in into:
            e = replace(e, parent=into[e.parent].id)
        out.append(e)
    return out


def _spelling_twins(entries: list[Entry], ranks: dict[str, int]) -> dict[str, Entry]:
    """Learned entries (kinds of ``ranks``) whose Latin-script name another entry of the
    same type also spells, but for spaces and hyphens (Harmony OS / HarmonyOS, Tech Web /
    TechWeb), each mapped to the most trusted such entry (a listed one before a learned
    one, then the lowest id)."""
    groups: dict[tuple[str, str], dict[str, Entry]] = {}
    for e in entries:
        for form in e.surface_forms:
            if (key := latin_key(name_key(form))) is not None:
                groups.setdefault((e.type, key), {})[e.id] = e
    into: dict[str, Entry] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        best = min(group.values(), key=lambda e: (-ranks.get(e.kind or "", len(ranks)), e.id))
        for e in group.values():
            if e.id != best.id and e.kind in ranks and e.id not in into:
                into[e.id] = best
    return into


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
