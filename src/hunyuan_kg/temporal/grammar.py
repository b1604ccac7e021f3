"""Load the date grammar from ``data/temporal/`` and compile it once.

The YAML files (see ``data/temporal/index.yml``) hold every word and regex; this module
only expands ``<<fragment>>`` and ``<<@table>>`` placeholders, gives each pattern's named
groups a unique prefix and joins all patterns into one alternation, so a text is scanned
in a single pass of the regex engine. Lookaheads on the characters a pattern can start with
(worked out from the parsed regex), one for the whole alternation and one per pattern, let
the engine skip other positions and other patterns quickly.

>>> g = grammar()
>>> [p.name for p in g.patterns.values()][:2]
['iso_datetime', 'iso_month']
>>> g.tables["year_rel"]["去年"]
-1
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parser
from dataclasses import dataclass
from functools import cache
from typing import Any

from hunyuan_kg.resources import data_path, read_yaml
from hunyuan_kg.temporal.numerals import Numerals

_PLACEHOLDER = re.compile(r"<<(@?)(\w+)>>")
_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")
_BACKREF = re.compile(r"\(\?P=(\w+)\)")
_SPACES = "[ \\t\\u3000\\u00a0]*"
_MAX_DEPTH = 10
_MAX_RANGE = 4096
_ZERO_WIDTH = (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT)
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled grammar rule: how to resolve it and which contexts veto it."""

    name: str
    resolve: str
    kind: str
    groups: tuple[tuple[str, str], ...]  # (group name in the joined regex, name in the rule)
    before: re.Pattern[str] | None
    before_window: int
    after: re.Pattern[str] | None
    vetoed: str | None

    def groups_of(self, match: re.Match[str]) -> dict[str, str]:
        """The rule's named groups that took part in ``match``, by their names in the rule."""
        if not self.groups:
            return {}
        fulls = [full for full, _ in self.groups]
        values = match.group(*fulls) if len(fulls) > 1 else (match.group(fulls[0]),)
        return {
            short: value
            for (_, short), value in zip(self.groups, values, strict=True)
            if value is not None
        }

    def vetoed_at(self, text: str, start: int, end: int) -> bool:
        """True if the words before ``start`` or after ``end`` veto this match."""
        if self.before is not None and self.before.search(
            text, max(0, start - self.before_window), start
        ):
            return True
        return self.after is not None and self.after.match(text, end) is not None


@dataclass(frozen=True, slots=True)
class Grammar:
    """Everything the scanner needs, compiled."""

    regex: re.Pattern[str]
    patterns: dict[str, Pattern]  # keyed by the pattern's outer group name
    masks: re.Pattern[str] | None
    numerals: Numerals
    tables: dict[str, Any]
    future_cue: re.Pattern[str]
    future_window: int
    # a year written in full, and the cues that make a date a forecast (到 2030 年, 2030 年实现)
    full_year: re.Pattern[str]
    forecast_before: re.Pattern[str]
    forecast_after: re.Pattern[str]
    dct: dict[str, Any]


def _alternation(words: Any) -> str:
    keys = [str(w) for w in words]
    keys.sort(key=len, reverse=True)
    return "(?:" + "|".join(re.escape(k) for k in keys) + ")"


def _expand(regex: str, fragments: dict[str, str], words: dict[str, Any]) -> str:
    def substitute(found: re.Match[str]) -> str:
        is_table, name = found.group(1), found.group(2)
        if is_table:
            if name not in words:
                raise KeyError(f"temporal grammar: unknown table {name!r}")
            return _alternation(words[name])
        if name not in fragments:
            raise KeyError(f"temporal grammar: unknown fragment {name!r}")
        return fragments[name]

    for _ in range(_MAX_DEPTH):
        expanded = _PLACEHOLDER.sub(substitute, regex)
        if expanded == regex:
            return expanded
        regex = expanded
    raise ValueError(f"temporal grammar: placeholders nested too deep in {regex[:80]!r}")


def _first_chars(items: Any) -> tuple[set[str] | None, bool]:
    """Characters a parsed regex can start with (None: any) and whether it can match empty."""
    chars: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op == sre_constants.LITERAL:
            return chars | {chr(av)}, False
        if op == sre_constants.IN:
            for kind, value in av:
                if kind == sre_constants.LITERAL:
                    chars.add(chr(value))
                elif kind == sre_constants.RANGE and value[1] - value[0] < _MAX_RANGE:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None, False
            return chars, False
        if op == sre_constants.BRANCH:
            branches = [_first_chars(branch) for branch in av[1]]
            if any(found is None for found, _ in branches):
                return None, False
            chars = chars.union(*(found for found, _ in branches if found is not None))
            if not any(empty for _, empty in branches):
                return chars, False
            continue
        if op == sre_constants.SUBPATTERN or op == sre_constants.ATOMIC_GROUP:
            inner, empty = _first_chars(av[-1] if op == sre_constants.SUBPATTERN else av)
        elif op in _REPEATS:
            inner, empty = _first_chars(av[2])
            empty = empty or av[0] == 0
        else:
            return None, False
        if inner is None:
            return None, False
        chars |= inner
        if not empty:
            return chars, False
    return chars, True


def _prefilter(regex: str) -> str:
    """A lookahead on the characters ``regex`` can start with, so the engine skips every
    other position at once; empty when they cannot be worked out."""
    chars, empty = _first_chars(sre_parser.parse(regex).data)
    if chars is None or empty:
        return ""
    return "(?=[" + "".join(re.escape(ch) for ch in sorted(chars)) + "])"


def _context(lists: dict[str, list[Any]], names: list[str], *, before: bool) -> re.Pattern[str]:
    words = [str(w) for name in names for w in lists[name]]
    alternation = _alternation(words)
    return re.compile(alternation + _SPACES + r"\Z" if before else _SPACES + alternation)


def _load_sections() -> dict[str, Any]:
    merged: dict[str, Any] = {
        "numerals": {"digits": {}, "units": {}, "approximate": [], "half": "半"},
        "tables": {},
        "lists": {},
        "fragments": {},
        "masks": [],
        "patterns": [],
        "dct": {},
    }
    for name in read_yaml(data_path("temporal", "index.yml"))["files"]:
        part = read_yaml(data_path("temporal", name)) or {}
        numerals = part.get("numerals", {})
        merged["numerals"]["digits"].update(
            {str(k): v for k, v in numerals.get("digits", {}).items()}
        )
        merged["numerals"]["units"].update(numerals.get("units", {}))
        merged["numerals"]["approximate"] += numerals.get("approximate", [])
        merged["numerals"]["half"] = numerals.get("half", merged["numerals"]["half"])
        for section in ("tables", "lists", "fragments", "dct"):
            merged[section].update(part.get(section, {}))
        merged["masks"] += part.get("masks", [])
        merged["patterns"] += part.get("patterns", [])
    return merged


def _compile_pattern(
    index: int, rule: dict[str, Any], sections: dict[str, Any]
) -> tuple[str, Pattern]:
    words = {**sections["lists"], **sections["tables"]}
    body = _expand(rule["regex"], sections["fragments"], words)
    prefix = f"g{index}__"
    shorts = _NAMED_GROUP.findall(body)
    body = _NAMED_GROUP.sub(lambda m: f"(?P<{prefix}{m.group(1)}>", body)
    body = _BACKREF.sub(lambda m: f"(?P={prefix}{m.group(1)})", body)
    re.compile(body)  # fail early, with the rule's own regex in the traceback
    lists = sections["lists"]
    before_names = rule.get("unless_before", [])
    after_names = rule.get("unless_after", [])
    window = max((len(str(w)) for n in before_names for w in lists[n]), default=0) + 3
    pattern = Pattern(
        name=rule["name"],
        resolve=rule["resolve"],
        kind=rule.get("kind", "date"),
        groups=tuple((prefix + s, s) for s in dict.fromkeys(shorts)),
        before=_context(lists, before_names, before=True) if before_names else None,
        before_window=window,
        after=_context(lists, after_names, before=False) if after_names else None,
        vetoed=rule.get("vetoed"),
    )
    return f"(?P<p{index}>{_prefilter(body)}{body})", pattern


@cache
def grammar() -> Grammar:
    """The compiled grammar (loaded from the data files on first use, then cached)."""
    sections = _load_sections()
    parts: list[str] = []
    patterns: dict[str, Pattern] = {}
    for index, rule in enumerate(sections["patterns"]):
        part, pattern = _compile_pattern(index, rule, sections)
        parts.append(part)
        patterns[f"p{index}"] = pattern
    joined = "|".join(parts)
    words = {**sections["lists"], **sections["tables"]}
    masks = [_expand(m, sections["fragments"], words) for m in sections["masks"]]
    num = sections["numerals"]
    cfg = sections["dct"]
    return Grammar(
        regex=re.compile(_prefilter(joined) + "(?:" + joined + ")"),
        patterns=patterns,
        masks=re.compile("|".join(f"(?:{m})" for m in masks)) if masks else None,
        numerals=Numerals(
            digits=num["digits"],
            units=num["units"],
            approximate=tuple(num["approximate"]),
            half=num["half"],
        ),
        tables=sections["tables"],
        future_cue=re.compile(_alternation(cfg.get("future_cues", [])) + r"[^。！？!?；;\n]*\Z"),
        future_window=int(cfg.get("future_cue_window", 6)),
        full_year=re.compile(cfg["full_year"]),
        forecast_before=re.compile(_alternation(cfg.get("forecast_before", [])) + r"\s*\Z"),
        forecast_after=re.compile(r"\s*" + _alternation(cfg.get("forecast_after", []))),
        dct=cfg,
    )
