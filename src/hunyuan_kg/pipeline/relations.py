"""``hkg_relations``: typed relations between the entities of a sentence.

Pair rules live in ``data/relations/rules.yml`` (role, part_of, develops, based_on, uses,
competes_with): two entities of one sentence, the text between them and around them.
Enumerations share a relation (腾讯会议、腾讯文档和微信读书都接入了混元), owners are left
out of them (百度的文心一言和阿里巴巴的通义千问), and 他/她/它 stand for the last person or
product named. Two name rules need no verb: an organisation named after its parent plus a
unit word is part of it (腾讯云 → 腾讯), and a product named after its maker is developed
by it (腾讯会议 → 腾讯) when the gazetteer agrees or the maker is a known company. A
funding round names its investors across sentences: the organisation that raises money
(…完成 A 轮融资) is the one the investors of the next sentences invest in (本轮由…领投，
…跟投). Pairs of names that no rule links are left to a learned pair classifier
(:mod:`hunyuan_kg.pipeline.relation_model`; setting ``learned = false`` turns it off).

>>> import hunyuan_kg
>>> nlp = hunyuan_kg.load()
>>> doc = nlp("据腾讯集团副总裁蒋杰介绍，腾讯会议接入了混元。")
>>> for r in sorted((r.type, r.head.text, r.tail.text, r.role) for r in doc._.relations):
...     print(r)
('develops', '腾讯', '腾讯会议', '')
('develops', '腾讯集团', '混元', '')
('role', '蒋杰', '腾讯集团', '副总裁')
('uses', '腾讯会议', '混元', '')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer import Gazetteer
from ..normalize import fold
from ..resources import alternation, data_path, read_yaml
from . import extensions
from .extensions import doc_text
from .refs import EntityRef
from .relation_model import LABELS as LEARNED_LABELS
from .relation_model import PairModel
from .sentences import within
from .turns import is_publisher_turn, publisher_core

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
    chain: re.Pattern[str] | None
    share: bool = True  # enumerations (A、B 和 C) share the relation
    outside: bool = False  # first never in second's enumeration (rivals of the list's subject)


@dataclass(frozen=True, slots=True)
class _Funding:
    """Funding-round cues (``funding`` in rules.yml)."""

    funded_after: re.Pattern[str]  # after the organisation that raises money
    funded_before: re.Pattern[str]  # before it (searched up to its start)
    investors_before: re.Pattern[str]  # after an enumeration of investors
    investors_after: re.Pattern[str]  # before one (searched up to its start)
    window: int  # sentences after the funded one's that may name its investors


@dataclass(frozen=True, slots=True)
class _Lexicon:
    rules: list[_Rule]
    funding: _Funding
    conjunction: re.Pattern[str]
    possessive: re.Pattern[str]
    pronouns: dict[str, re.Pattern[str]]
    plural_pronouns: dict[str, re.Pattern[str]]
    units: tuple[str, ...]
    maker_kinds: frozenset[str]
    symmetric: frozenset[str]
    byline: re.Pattern[str]
    title: re.Pattern[str]  # one job title (titles.yml)
    variant: re.Pattern[str]  # what follows a product family's name in a variant's name
    signatures: dict[str, tuple[frozenset[str], frozenset[str]]]  # learned types: head, tail labels


@cache
def title_pattern() -> str:
    """Regex of a job title from ``data/relations/titles.yml``: an optional unit
    (社区科学线), an optional modifier (副, 首席, 集团 …) and a title (总裁, 负责人, CEO …)."""
    titles = read_yaml(data_path("relations", "titles.yml"))
    modifier, title = alternation(titles["modifiers"]), alternation(titles["titles"])
    return f"(?:(?:{titles['unit']})?(?:{modifier})?(?:{title}))"


@cache
def lexicon() -> _Lexicon:
    """The compiled relation rules."""
    raw: dict[str, Any] = read_yaml(data_path("relations", "rules.yml"))
    macros = {"TITLE": title_pattern(), **raw["macros"]}

    def expand(s: str) -> str:
        for name, value in macros.items():
            s = s.replace("{" + name + "}", value)
        return s

    def rx(s: str | None) -> re.Pattern[str] | None:
        return re.compile(expand(s)) if s else None

    rules = [
        _Rule(
            type=r["type"],
            first=frozenset(r["first"]),
            second=frozenset(r["second"]),
            head_first=r["head"] == "first",
            between=re.compile(expand(r["between"])),
            before=rx(r.get("before")),
            after=rx(r.get("after")),
            chain=rx(r.get("chain")),
            share=bool(r.get("share", True)),
            outside=bool(r.get("outside", False)),
        )
        for r in raw["rules"]
    ]
    labels = read_yaml(data_path("entities", "patterns.yml"))["bylines"]["labels"]
    funding = raw["funding"]
    return _Lexicon(
        rules=rules,
        funding=_Funding(
            funded_after=re.compile(funding["funded_after"]),
            funded_before=re.compile(funding["funded_before"]),
            investors_before=re.compile(funding["investors_before"]),
            investors_after=re.compile(funding["investors_after"]),
            window=int(funding["window"]),
        ),
        conjunction=re.compile(raw["conjunction"]),
        possessive=re.compile(raw["possessive"]),
        pronouns={label: re.compile(p) for label, p in raw["pronouns"].items()},
        plural_pronouns={label: re.compile(p) for label, p in raw["plural_pronouns"].items()},
        units=tuple(raw["unit_suffixes"]),
        maker_kinds=frozenset(raw["maker_kinds"]),
        symmetric=frozenset(raw["symmetric"]),
        byline=re.compile(f"(?P<role>{alternation(labels)}){raw['byline_after_label']}"),
        title=re.compile(macros["TITLE"]),
        variant=re.compile(
            raw["variant_of_family"].replace(
                "{VARIANT}",
                alternation(read_yaml(data_path("resolve", "rules.yml"))["variant_words"]),
            )
        ),
        signatures={
            kind: (frozenset(heads), frozenset(tails))
            for kind, (heads, tails) in raw["learned_signatures"].items()
        },
    )


class RelationExtractor:
    """Applies the pair rules and the name rules; results go to ``doc._.relations``."""

    def __init__(self, gazetteer: Gazetteer | None, model: PairModel | None) -> None:
        self.lex = lexicon()
        self.gazetteer = gazetteer
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        out: list[RelationCandidate] = doc._.relations
        text = doc_text(doc)
        ents = [
            EntityRef.from_span(e)
            for e in doc.ents
            if not is_publisher_turn(text, e.start_char, e.end_char, doc._.source)
        ]
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        starts = [e.start for e in ents]
        doc_ids = {e.kb_id: e for e in ents if e.kb_id}  # a mention (the last) of each known entity
        families = {e.text: e for e in ents if e.label == "PRODUCT"}  # product names, by text
        resolved: list[EntityRef] = []  # pronouns already resolved: antecedents too (他…他)
        funded: tuple[int, EntityRef] | None = None  # (sentence index, organisation)
        for si, (s_start, s_end) in enumerate(sents):
            mark = len(out)  # this sentence's relations start here
            s_ents = ents[within(starts, s_start, s_end)]
            lo = sents[max(0, si - 2)][0]
            earlier = [r for r in resolved if lo <= r.start < s_start]  # few: pronouns only
            context = sorted([*ents[within(starts, lo, s_start)], *earlier], key=lambda e: e.start)
            refs = self._pronouns(text, s_start, s_end, s_ents, context)
            resolved += refs
            s_ents = sorted(s_ents + refs, key=lambda e: e.start)
            if not s_ents:
                continue
            groups = self._conjuncts(text, s_ents)
            funded = self._funded(text, (s_start, s_end), s_ents, si) or funded
            if funded is not None and si - funded[0] <= self.lex.funding.window:
                self._investors(text, (s_start, s_end), s_ents, groups, funded[1], out)
            for rule in self.lex.rules:
                self._apply(rule, text, (s_start, s_end), s_ents, groups, out)
            self._name_rules(text, (s_start, s_end), s_ents, doc_ids, out)
            self._variants((s_start, s_end), s_ents, families, out)
            self._bylines(text, doc._.source, (s_start, s_end), s_ents, out)
            if self.model is not None:
                self._learned(self.model, text, (s_start, s_end), s_ents, mark, out)
        return doc

    def _learned(
        self,
        model: PairModel,
        text: str,
        sent: tuple[int, int],
        ents: list[EntityRef],
        mark: int,
        out: list[RelationCandidate],
    ) -> None:
        """Relations of the pair classifier between named entities of the sentence that no
        rule linked (the rules' relations of this sentence are ``out[mark:]``), where the
        types allow them (``learned_signatures``) and the gazetteer does not give the
        product another owner; a pair written with nothing between is left to the maker
        rule when there is a gazetteer."""
        linked = {frozenset((r.head.start, r.tail.start)) for r in out[mark:]}
        names = [e for e in ents if e.label in LEARNED_LABELS and text[e.start : e.end] == e.text]
        mentions = [(e.start - sent[0], e.end - sent[0], e.label) for e in names]
        for i, j, kind, first_is_head, p in model.pairs(text[sent[0] : sent[1]], mentions):
            a, b = names[i], names[j]
            if kind == "none" or p < model.threshold:
                continue
            if frozenset((a.start, b.start)) in linked:
                continue
            if self.gazetteer is not None and not text[a.end : b.start].strip():
                continue  # a name right before another: _maker_before decides (苹果 iPhone)
            head, tail = (a, b) if first_is_head else (b, a)
            heads, tails = self.lex.signatures.get(kind, (frozenset(), frozenset()))
            if head.label not in heads or tail.label not in tails:
                continue
            if kind == "develops" and self._other_owner(head, tail):
                continue
            if kind == "role" and _nearer_employer(head, tail, out[mark:], ents):
                continue
            role = self._title_near(text, a, b) if kind == "role" else ""
            out.append(RelationCandidate(kind, head, tail, role, sent, a.start, b.end))

    def _other_owner(self, maker: EntityRef, product: EntityRef) -> bool:
        """Whether the gazetteer gives ``product`` an owner that is not ``maker`` (腾讯 and
        DeepSeek-R1: DeepSeek's)."""
        own = self._known(product)
        if own is None or own.parent is None:
            return False
        entry = self._known(maker)
        return entry is None or entry.id != own.parent

    def _known(self, ent: EntityRef) -> Any:
        """The gazetteer entry of ``ent``: by its id, else by its name; None without one."""
        if self.gazetteer is None:
            return None
        return self.gazetteer.entries.get(ent.kb_id) or self.gazetteer.lookup(ent.text)

    def _title_near(self, text: str, a: EntityRef, b: EntityRef) -> str:
        """The job title written between the two, else right after the second, else right
        before the first (腾讯副总裁张三, 张三，腾讯副总裁, 副总裁张三)."""
        for lo, hi in ((a.end, b.start), (b.end, b.end + 12), (max(0, a.start - 12), a.start)):
            m = self.lex.title.search(text, lo, hi)
            if m is not None:
                return m.group(0)
        return ""

    def _funded(
        self, text: str, sent: tuple[int, int], ents: list[EntityRef], si: int
    ) -> tuple[int, EntityRef] | None:
        """The last organisation of the sentence that raises money (星河科技完成 A 轮融资,
        红杉领投了星河科技)."""
        cues = self.lex.funding
        hits = [
            e
            for e in ents
            if e.label == "ORG"
            and (
                cues.funded_after.match(text, e.end, sent[1])
                or cues.funded_before.search(text, sent[0], e.start)
            )
        ]
        return (si, hits[-1]) if hits else None

    def _investors(
        self,
        text: str,
        sent: tuple[int, int],
        ents: list[EntityRef],
        groups: dict[int, list[EntityRef]],
        funded: EntityRef,
        out: list[RelationCandidate],
    ) -> None:
        """Every organisation or person of an enumeration that the sentence names as
        investors (由 A 领投，B、C 跟投 / 投资方包括 A、B) invests in ``funded``."""
        cues = self.lex.funding
        done: set[int] = set()
        for i in range(len(ents)):
            members = groups[i]
            if id(members) in done:
                continue
            done.add(id(members))
            first, last = members[0], members[-1]
            m = cues.investors_before.match(text, last.end, sent[1]) or cues.investors_after.search(
                text, sent[0], first.start
            )
            if m is None:
                continue
            for inv in members:
                if inv.label in ("ORG", "PERSON") and fold(inv.text) != fold(funded.text):
                    out.append(
                        RelationCandidate(
                            "invests_in", inv, funded, "", sent, min(inv.start, m.start()), m.end()
                        )
                    )

    def _bylines(
        self,
        text: str,
        source: str,
        sent: tuple[int, int],
        ents: list[EntityRef],
        out: list[RelationCandidate],
    ) -> None:
        """作者 | 张三 in an article from 极客公园: 张三 has the role 作者 at 极客公园 (the
        publisher by the name it goes by: :func:`~.turns.publisher_core`); so has every
        co-author the byline lists (作者：张三 李四)."""
        name = publisher_core(source)
        if not name:
            return
        for ent in ents:
            m = self.lex.byline.search(text, sent[0], ent.start)
            if ent.label != "PERSON" or m is None:
                continue
            entry = self.gazetteer.lookup(name) if self.gazetteer else None
            kb_id = entry.id if entry is not None else ""
            publisher = EntityRef(name, "ORG", kb_id, ent.start, ent.start)
            out.append(
                RelationCandidate("role", ent, publisher, m.group("role"), sent, m.start(), ent.end)
            )

    def _pronouns(
        self,
        text: str,
        s_start: int,
        s_end: int,
        s_ents: list[EntityRef],
        context: list[EntityRef],
    ) -> list[EntityRef]:
        """Pronouns as references: 他/她/它 to the last entity of their label before their
        clause (in 北斗模型发布后，北斗会议都在使用它 it is 北斗模型, not 北斗会议); 它们/他们
        to every entity of their label before their clause, or in the sentence before."""
        refs = []
        for label, rx in self.lex.pronouns.items():
            for m in rx.finditer(text, s_start, s_end):
                clause = max(text.rfind(c, s_start, m.start()) for c in "，,；;：:") + 1
                pool = [e for e in [*context, *s_ents] if e.label == label and e.end <= m.start()]
                before = [e for e in pool if e.end <= clause] or pool
                if before:
                    a = before[-1]
                    refs.append(EntityRef(a.text, a.label, a.kb_id, m.start(), m.end()))
        for label, rx in self.lex.plural_pronouns.items():
            for m in rx.finditer(text, s_start, s_end):
                clause = max(text.rfind(c, s_start, m.start()) for c in "，,；;：:") + 1
                named = [e for e in s_ents if e.label == label and e.end <= clause]
                prev = [e for e in context if e.label == label]
                if not named and prev:
                    sentence_start = max(text.rfind(c, 0, prev[-1].start) for c in "。！？\n")
                    named = [e for e in prev if e.start > sentence_start]
                refs += [
                    EntityRef(a.text, a.label, a.kb_id, m.start(), m.end())
                    for a in {e.text: e for e in named}.values()
                ]
        return refs

    def _conjuncts(self, text: str, ents: list[EntityRef]) -> dict[int, list[EntityRef]]:
        """Map each entity index to the enumeration it belongs to (A、B 和 C, or the
        entities a plural pronoun stands for); an owner (百度 in 百度的文心一言 or 百度文心一言)
        stays on its own."""
        owner = {
            i
            for i in range(len(ents) - 1)
            if self.lex.possessive.fullmatch(text, ents[i].end, ents[i + 1].start)
            or (ents[i + 1].label == "PRODUCT" and _written_onto(text, ents[i], ents[i + 1]))
        }
        groups: dict[int, list[EntityRef]] = {i: [ents[i]] for i in owner}
        heads = [i for i in range(len(ents)) if i not in owner]
        current: list[int] = []
        for i in heads:
            prev = current[-1] if current else None
            if prev is not None and not (
                ents[i].label == ents[prev].label
                and (
                    (ents[i].start, ents[i].end) == (ents[prev].start, ents[prev].end)
                    or self.lex.conjunction.fullmatch(text, ents[prev].end, ents[i].start)
                )
            ):
                members = [ents[j] for j in current]
                groups.update({j: members for j in current})
                current = []
            current.append(i)
        members = [ents[j] for j in current]
        groups.update({j: members for j in current})
        return groups

    def _apply(
        self,
        rule: _Rule,
        text: str,
        sent: tuple[int, int],
        ents: list[EntityRef],
        groups: dict[int, list[EntityRef]],
        out: list[RelationCandidate],
    ) -> None:
        for j, second in enumerate(ents):
            if second.label not in rule.second:
                continue
            after_role = ""
            if rule.after is not None:
                m_after = rule.after.match(text, second.end, sent[1])
                if m_after is None:
                    continue
                after_role = m_after.groupdict().get("role") or ""
            for i in range(j - 1, -1, -1):
                first = ents[i]
                if first.label not in rule.first or first.start >= second.start:
                    continue
                if rule.outside and first in groups[j]:
                    continue
                m = rule.between.fullmatch(text, first.end, second.start)
                if m is None:
                    continue
                if rule.before is not None and not rule.before.search(
                    text, sent[0], _with_maker(text, ents, i).start
                ):
                    continue
                role = (m.groupdict().get("role") or after_role).strip()
                firsts, seconds = (groups[i], groups[j]) if rule.share else ([first], [second])
                self._emit(rule, firsts, seconds, role, sent, first.start, second.end, out)
                self._follow_chain(rule, text, ents, i, groups, groups[j], sent, second.end, out)
                break

    def _follow_chain(
        self,
        rule: _Rule,
        text: str,
        ents: list[EntityRef],
        i: int,
        groups: dict[int, list[EntityRef]],
        second: list[EntityRef],
        sent: tuple[int, int],
        end: int,
        out: list[RelationCandidate],
    ) -> None:
        """Earlier ``first`` entities joined by the rule's ``chain`` pattern (org-title lists)."""
        if rule.chain is None:
            return
        k = i
        while k > 0:
            prev, cur = ents[k - 1], ents[k]
            m = rule.chain.fullmatch(text, prev.end, cur.start)
            if prev.label not in rule.first or m is None:
                return
            self._emit(
                rule, groups[k - 1], second, m.group("role").strip(), sent, prev.start, end, out
            )
            k -= 1

    @staticmethod
    def _emit(
        rule: _Rule,
        firsts: list[EntityRef],
        seconds: list[EntityRef],
        role: str,
        sent: tuple[int, int],
        start: int,
        end: int,
        out: list[RelationCandidate],
    ) -> None:
        for a in firsts:
            for b in seconds:
                head, tail = (a, b) if rule.head_first else (b, a)
                if head.text != tail.text:
                    out.append(RelationCandidate(rule.type, head, tail, role, sent, start, end))

    def _name_rules(
        self,
        text: str,
        sent: tuple[int, int],
        ents: list[EntityRef],
        doc_ids: dict[str, EntityRef],
        out: list[RelationCandidate],
    ) -> None:
        if self.gazetteer is None:
            return
        for i, ent in enumerate(ents):
            if ent.label not in ("ORG", "PRODUCT"):
                continue
            named = self._named_parent(ent)
            if named is not None and ent.label == "ORG" and named[0].id not in doc_ids:
                named = None  # 联想 only inside 联想创投 is no entity of its own
            p_ref = (
                EntityRef(named[1], "ORG", named[0].id, ent.start, ent.start)
                if named is not None
                else self._parent_in_document(ent, ents, doc_ids)
                or self._maker_before(text, ents[i - 1] if i else None, ent)
            )
            if p_ref is None:
                continue
            rel, head, tail = (
                ("part_of", ent, p_ref) if ent.label == "ORG" else ("develops", p_ref, ent)
            )
            out.append(RelationCandidate(rel, head, tail, "", sent, ent.start, ent.end))

    def _variants(
        self,
        sent: tuple[int, int],
        ents: list[EntityRef],
        families: dict[str, EntityRef],
        out: list[RelationCandidate],
    ) -> None:
        """A product named by another product of the document and a version or variant
        word (Qwen2.5-72B, 北斗 2.0 Pro, iOS 18) is ``part_of`` that family: the longest
        such name."""
        for ent in ents:
            if ent.label != "PRODUCT":
                continue
            family = max(
                (
                    f
                    for name, f in families.items()
                    if len(name) < len(ent.text)
                    and ent.text.startswith(name)
                    and self._extends(name, ent.text[len(name) :])
                ),
                key=lambda f: len(f.text),
                default=None,
            )
            if family is not None:
                out.append(RelationCandidate("part_of", ent, family, "", sent, ent.start, ent.end))

    def _extends(self, name: str, rest: str) -> bool:
        """Whether ``rest`` after ``name`` is a version or variant (not 1 after B-2)."""
        glued = rest[:1].isalnum() and rest[:1].isascii()
        if glued and (name[-1:].isdigit() or (name[-1:].isalpha() and rest[:1].isalpha())):
            return False
        return self.lex.variant.match(rest) is not None

    def _parent_in_document(
        self, ent: EntityRef, sentence: list[EntityRef], doc_ids: dict[str, EntityRef]
    ) -> EntityRef | None:
        """The gazetteer parent of ``ent`` when the document names it too (字节跳动推出了
        抖音, or 抖音 in one sentence and 字节跳动 in another: 抖音's parent is 字节跳动),
        as the sentence names it if it does."""
        assert self.gazetteer is not None
        own = self.gazetteer.entries.get(ent.kb_id)
        if own is None or own.parent is None:
            return None
        here = (e for e in reversed(sentence) if e.kb_id == own.parent)
        parent = next(here, None) or doc_ids.get(own.parent)
        return parent if parent is not None and parent.label == "ORG" else None

    def _maker_before(self, text: str, prev: EntityRef | None, ent: EntityRef) -> EntityRef | None:
        """A company written right before a product's name, as part of how the product is
        called (星河科技 Nova Pro, 苹果 iPhone 15), when the gazetteer knows no other owner
        of the product: its maker."""
        assert self.gazetteer is not None
        if prev is None or ent.label != "PRODUCT" or not _written_onto(text, prev, ent):
            return None
        maker = self.gazetteer.entries.get(prev.kb_id)
        if maker is None or self._other_owner(prev, ent):
            return None
        return prev if self._makes_products(maker) else None

    def _makes_products(self, org: Any) -> bool:
        """Whether a gazetteer organisation names products after itself: a company, or a
        learned Chinese name (a learned Latin name is too often a word)."""
        return org.kind in self.lex.maker_kinds or (
            not org.name.isascii() and org.kind == "verified"
        )

    def _named_parent(self, ent: EntityRef) -> tuple[Any, str] | None:
        """The organisation whose name begins ``ent``'s name and that owns it, with the
        name as written there (禾赛 of 禾赛 AT128): by the gazetteer, by a unit word
        (腾讯云), or as a company's product (腾讯会议)."""
        gaz = self.gazetteer
        assert gaz is not None
        own = self._known(ent)

        def written(maker: Any) -> tuple[Any, str] | None:
            """``maker`` and its name as ``ent`` begins with it, if it does."""
            folded = fold(ent.text)
            forms = [
                f
                for f in maker.surface_forms
                if folded.startswith(fold(f)) and len(f) < len(ent.text)
            ]
            ok = maker.type == "ORG" and forms
            return (maker, ent.text[: len(max(forms, key=len))]) if ok else None

        if own is not None and own.parent in gaz.entries:
            return written(gaz.entries[own.parent])
        first = next((m for m in gaz.find(ent.text[:-1]) if m.start == 0), None)
        if first is None or (own is not None and own.id == first.entry.id):
            return None
        if first.entry.type == "PRODUCT":
            # a known product written with its maker's name, and a variant (三星Galaxy +
            # Fold): the maker's
            maker = gaz.entries.get(first.entry.parent or "")
            if ent.label != "PRODUCT" or own is not None or maker is None:
                return None
            return written(maker)
        if first.entry.type != "ORG":
            return None
        parent, rest = first.entry, ent.text[first.end :].strip()
        if ent.label == "ORG":
            return (parent, first.text) if rest in self.lex.units else None
        return (parent, first.text) if self._makes_products(parent) else None


@Language.factory("hkg_relations", default_config={"gazetteer": True, "learned": True})
def make_relations(nlp: Language, name: str, gazetteer: bool, learned: bool) -> RelationExtractor:
    return RelationExtractor(
        Gazetteer.default() if gazetteer else None, PairModel.default() if learned else None
    )


def _with_maker(text: str, ents: list[EntityRef], i: int) -> EntityRef:
    """The organisation written right before ``ents[i]`` as part of how it is called (小米 of
    小米 MIX Fold), else ``ents[i]`` itself."""
    prev = ents[i - 1] if i else None
    return prev if prev is not None and _written_onto(text, prev, ents[i]) else ents[i]


def _written_onto(text: str, org: EntityRef, name: EntityRef) -> bool:
    """``org`` is an organisation written right before ``name``, nothing but spaces between
    (百度文心一言, 苹果 iPhone 15): the name's owner or maker, as it is called."""
    return org.label == "ORG" and not text[org.end : name.start].strip()


def _nearer_employer(
    person: EntityRef,
    org: EntityRef,
    found: Sequence[RelationCandidate],
    ents: Sequence[EntityRef],
) -> bool:
    """Whether ``person`` works elsewhere: a rule (``found``: the sentence's relations so
    far) gave them a role at an organisation written between ``org`` and them, and another
    person of ``ents`` stands between too (甲公司负责人王明赴京与乙公司 CEO 李华会面: 李华
    works at 乙公司, and 甲公司 is 王明's). Without that other person both may hold (甲公司
    中国区总裁李华, 星河 Galaxy 创始人李华).

    >>> ref = lambda text, label, start: EntityRef(text, label, "", start, start + len(text))
    >>> a, wang = ref("甲公司", "ORG", 0), ref("王明", "PERSON", 6)
    >>> b, li = ref("乙公司", "ORG", 14), ref("李华", "PERSON", 20)
    >>> found = [RelationCandidate("role", li, b, "CEO", (0, 30), 14, 22)]
    >>> _nearer_employer(li, a, found, [a, wang, b, li]), _nearer_employer(li, a, found, [a, b, li])
    (True, False)
    """
    lo, hi = sorted((org.start, person.start))
    return any(
        r.type == "role" and r.head.start == person.start and lo < r.tail.start < hi for r in found
    ) and any(e.label == "PERSON" and lo < e.start < hi and e.text != person.text for e in ents)
