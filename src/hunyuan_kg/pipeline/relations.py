"""``hkg_relations``: typed relations between the entities of a sentence.

Pair rules live in ``data/relations/rules.yml`` (role, part_of, develops, based_on, uses,
competes_with): two entities of one sentence, the text between them and around them.
Two name rules need no verb: an organisation named after its parent plus a unit word is
part of it (腾讯云 → 腾讯), and a product named after its maker is developed by it
(腾讯会议 → 腾讯) when the gazetteer agrees or the maker is a known company.

>>> import hunyuan_kg
>>> nlp = hunyuan_kg.load(ner=None)
>>> doc = nlp("据腾讯集团副总裁蒋杰介绍，腾讯会议接入了混元。")
>>> sorted((r.type, r.head.text, r.tail.text, r.role) for r in doc._.relations)[:2]
[('role', '蒋杰', '腾讯集团', '副总裁'), ('uses', '腾讯会议', '混元', '')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import Gazetteer
from ..resources import data_path, read_yaml
from . import extensions
from .refs import EntityRef

extensions.register()


@dataclass(slots=True)
class RelationCandidate:
    """One relation read from one sentence; ``start``/``end`` cover its evidence cue."""

    type: str
    head: EntityRef
    tail: EntityRef
    role: str
    sentence: tuple[int, int]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Rule:
    type: str
    first: frozenset[str]
    second: frozenset[str]
    head_first: bool
    between: re.Pattern[str]
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None


@cache
def _rules() -> tuple[list[_Rule], re.Pattern[str], tuple[str, ...]]:
    titles = read_yaml(data_path("relations", "titles.yml"))
    words = sorted(titles["titles"], key=len, reverse=True)
    mods = "|".join(re.escape(m) for m in titles["modifiers"])
    title_rx = f"(?:(?:{mods})?(?:{'|'.join(re.escape(w) for w in words)}))"
    raw: dict[str, Any] = read_yaml(data_path("relations", "rules.yml"))

    def rx(s: str | None) -> re.Pattern[str] | None:
        return re.compile(s.replace("{TITLE}", title_rx)) if s else None

    rules = [
        _Rule(
            type=r["type"],
            first=frozenset(r["first"]),
            second=frozenset(r["second"]),
            head_first=r["head"] == "first",
            between=re.compile(r["between"].replace("{TITLE}", title_rx)),
            before=rx(r.get("before")),
            after=rx(r.get("after")),
        )
        for r in raw["rules"]
    ]
    return rules, re.compile(raw["conjunction"]), tuple(raw["unit_suffixes"])


class RelationExtractor:
    """Applies the pair rules and the name rules; results go to ``doc._.relations``."""

    def __init__(self, gazetteer: Gazetteer | None) -> None:
        self.rules, self.conj, self.units = _rules()
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        out: list[RelationCandidate] = doc._.relations
        text = doc.text
        ents = list(doc.ents)
        for sent in doc.sents:
            s_ents = [e for e in ents if sent.start_char <= e.start_char < sent.end_char]
            if not s_ents:
                continue
            groups = self._conjuncts(text, s_ents)
            for rule in self.rules:
                self._apply(rule, text, sent, s_ents, groups, out)
            self._name_rules(sent, s_ents, out)
        return doc

    def _conjuncts(self, text: str, ents: list[Span]) -> dict[int, list[Span]]:
        """Map each entity index to the enumeration it belongs to (A、B 和 C)."""
        groups: dict[int, list[Span]] = {}
        current = [0]
        for i in range(1, len(ents) + 1):
            joined = (
                i < len(ents)
                and ents[i].label_ == ents[i - 1].label_
                and self.conj.fullmatch(text, ents[i - 1].end_char, ents[i].start_char)
            )
            if joined:
                current.append(i)
                continue
            members = [ents[j] for j in current]
            for j in current:
                groups[j] = members
            current = [i]
        return groups

    def _apply(
        self,
        rule: _Rule,
        text: str,
        sent: Span,
        ents: list[Span],
        groups: dict[int, list[Span]],
        out: list[RelationCandidate],
    ) -> None:
        for j, second in enumerate(ents):
            if second.label_ not in rule.second:
                continue
            after_role = ""
            if rule.after is not None:
                m_after = rule.after.match(text, second.end_char, sent.end_char)
                if m_after is None:
                    continue
                after_role = m_after.groupdict().get("role") or ""
            for i in range(j - 1, -1, -1):
                first = ents[i]
                if first.label_ not in rule.first:
                    continue
                m = rule.between.fullmatch(text, first.end_char, second.start_char)
                if m is None:
                    continue
                if rule.before is not None and not rule.before.search(
                    text, sent.start_char, first.start_char
                ):
                    continue
                role = (m.groupdict().get("role") or after_role).strip()
                for a in groups[i]:
                    for b in groups[j]:
                        ra, rb = EntityRef.from_span(a), EntityRef.from_span(b)
                        head, tail = (ra, rb) if rule.head_first else (rb, ra)
                        out.append(
                            RelationCandidate(
                                rule.type,
                                head,
                                tail,
                                role,
                                (sent.start_char, sent.end_char),
                                first.start_char,
                                second.end_char,
                            )
                        )
                break

    def _name_rules(self, sent: Span, ents: list[Span], out: list[RelationCandidate]) -> None:
        if self.gazetteer is None:
            return
        gaz = self.gazetteer
        for ent in ents:
            if ent.label_ not in ("ORG", "PRODUCT"):
                continue
            hits = [m for m in gaz.find(ent.text) if m.entry.type == "ORG"]
            if not hits or hits[0].start != 0 or hits[0].end >= len(ent.text):
                continue
            parent = hits[0].entry
            own = gaz.lookup(ent.text)
            if own is not None and own.id == parent.id:
                continue
            rest = ent.text[hits[0].end :].strip()
            if ent.label_ == "ORG":
                ok = (own is not None and own.parent == parent.id) or rest in self.units
                rel = "part_of"
            else:
                ok = (own is not None and own.parent == parent.id) or parent.kind == "company"
                rel = "develops"
            if not ok:
                continue
            child = EntityRef.from_span(ent)
            p_end = ent.start_char + hits[0].end
            parent_ref = EntityRef(parent.name, "ORG", parent.id, ent.start_char, p_end)
            head, tail = (child, parent_ref) if rel == "part_of" else (parent_ref, child)
            out.append(
                RelationCandidate(
                    rel,
                    head,
                    tail,
                    "",
                    (sent.start_char, sent.end_char),
                    ent.start_char,
                    ent.end_char,
                )
            )


@Language.factory("hkg_relations", default_config={"gazetteer": True})
def make_relations(nlp: Language, name: str, gazetteer: bool) -> RelationExtractor:
    return RelationExtractor(Gazetteer.default() if gazetteer else None)
