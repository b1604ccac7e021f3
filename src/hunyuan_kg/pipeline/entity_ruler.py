"""``hkg_entity_ruler``: gazetteer and pattern entities, merged with the statistical ones.

Candidates come from three sources, strongest first: the gazetteer (``span.kb_id_`` set),
the patterns in ``data/entities/patterns.yml`` (versioned Latin names, quoted names,
named conferences) and the statistical NER already in ``doc.ents``. Gazetteer and pattern
candidates are merged by strength (the gazetteer and strong patterns first, longest first
among them), then the other patterns, then statistical spans fill the gaps. Generic terms from
the stoplist (AI, NLP, 大模型 …) never become entities, and every surviving span whose
name the gazetteer knows takes the gazetteer's type and id.

>>> import hunyuan_kg
>>> nlp = hunyuan_kg.load(ner=None)
>>> [(e.text, e.label_) for e in nlp("腾讯推出了「混元」大模型和 GPT-4o 的对比。").ents]
[('腾讯', 'ORG'), ('混元', 'PRODUCT'), ('GPT-4o', 'PRODUCT')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..gazetteer import Entry, Gazetteer, Match
from ..records import NAME_TYPES
from ..resources import alternation, data_path, read_tsv, read_yaml
from .boundaries import split_at
from .clause_events import clause_lexicon
from .declared import alias_cues, declared_name, is_alias_cue
from .extensions import doc_text
from .heads import list_heads
from .relations import title_pattern
from .turns import publisher_core

_TRIM = "「」『』《》“”‘’\"'()（）[]【】,，。、:：;；!！?？ \t\n·•-—"


# An ambiguous name listed next to a sure one is a name too (钉钉和天猫精灵).
_JOINERS = "、和与及"


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int
    end: int
    label: str
    kb_id: str
    rank: int  # 0 gazetteer or strong pattern, 1 pattern, 2 statistical, 3 repeated name


@cache
def _places() -> frozenset[str]:
    """The places that open registered company names (``admin_divisions.yml``)."""
    places = read_yaml(data_path("entities", "admin_divisions.yml"))
    return frozenset(w for ws in places.values() for w in ws)


@cache
def _placeholders() -> dict[str, str]:
    names = read_yaml(data_path("entities", "surnames.yml"))
    raw = read_yaml(data_path("entities", "patterns.yml"))
    breaks = raw["name_breaks"]
    surname = alternation([*names["compound"], *names["single"]])
    return {
        "{PLACE}": f"(?:{alternation(_places())})",
        "{LEGAL}": f"(?:{alternation(raw['legal_forms'])})",
        "{ALIAS_CUE}": alias_cues(),
        "{LINE_LABEL}": f"(?:{alternation(raw['line_labels'])})",
        "{TITLE}": title_pattern(),
        "{SURNAME}": f"(?:{surname})",
        "{FOLLOW}": f"(?:{alternation(names['follow'])}|$)",
        "{NAMECHAR}": f"(?:(?!{alternation(breaks)})[\\u4e00-\\u9fff])",
        "{EVENT_HEAD}": f"(?:{alternation(raw['event_heads'])})",
        "{NOT_COUNT}": f"(?![ \\t]*(?:{alternation(raw['count_units'])}))",
    }


def _compile(regex: str) -> re.Pattern[str]:
    for key, value in _placeholders().items():
        regex = regex.replace(key, value)
    return re.compile(regex)


@cache
def _person_lookalikes() -> dict[str, int]:
    """Name-shaped words raw news never uses as people (雷达, 马达; mined, see the file),
    with how often it writes them."""
    rows = read_tsv(data_path("entities", "person_lookalikes.tsv"))
    return {row[0]: int(row[1]) for row in rows}


@cache
def _common_words() -> frozenset[str]:
    """Chinese words raw tech news writes often outside quotes (操作, 崩溃, 阅读; mined by
    ``training/scripts/mine_common_words.py``): a quoted one is emphasis, not a name."""
    return frozenset(row[0] for row in read_tsv(data_path("entities", "common_words.tsv")))


@cache
def _covering_words() -> frozenset[str]:
    """Dictionary words of three to seven characters that raw tech news writes (胡言乱语,
    奥斯卡奖; mined by ``training/scripts/mine_covering_words.py``): a person read inside
    one of them is part of a word, not a name."""
    return frozenset(row[0] for row in read_tsv(data_path("entities", "covering_words.tsv")))


def inside_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a longer covering word as written.

    >>> inside_word("不要胡言乱语。", 2, 4), inside_word("胡言说", 0, 2)
    (True, False)
    """
    words = _covering_words()
    for a in range(max(0, start - 6), start + 1):
        for b in range(max(end, a + 3), min(len(text), a + 7) + 1):
            if (a, b) != (start, end) and text[a:b] in words:
                return True
    return False


#: How often raw news must write a look-alike for it to be a common word that no
#: three-character name starts with (成本敏, 安全宝, 许多杰; not 李世石 or 古尔曼, whose first
#: two characters are rarer: on 600 raw articles 12 statistical people dropped, all wrong).
_COMMON_WORD_USES = 100


@cache
def _common_lookalikes() -> frozenset[str]:
    """The look-alikes raw news writes at least ``_COMMON_WORD_USES`` times."""
    return frozenset(w for w, uses in _person_lookalikes().items() if uses >= _COMMON_WORD_USES)


@cache
def _common_surnames() -> frozenset[str]:
    names = read_yaml(data_path("entities", "surnames.yml"))
    return frozenset(names["single"][: int(names["statistical_person_rank"])])


@cache
def _rules() -> dict[str, Any]:
    raw = read_yaml(data_path("entities", "patterns.yml"))
    return {
        "patterns": [
            (
                p["label"],
                _compile(p["regex"]),
                bool(p.get("strong")),
                bool(p.get("exact")),
                bool(p.get("not_common")),
            )
            for p in raw["patterns"]
        ],
        # mined context words first (根据, 毕业于), so a whole word goes before a character
        "bad_starts": tuple(
            sorted(
                (row[0] for row in read_tsv(data_path("entities", "name_context_before.tsv"))),
                key=len,
                reverse=True,
            )
        )
        + tuple(raw["name_bad_starts"]),
        "breaks": tuple(w for w in raw["name_breaks"] if len(w) > 1),
        "suffix": re.compile("(?:" + "|".join(raw["product_name_suffixes"]) + ")"),
        "version": re.compile(raw["product_version_suffix"]),
        "cue_after": re.compile(raw["ambiguous_cue_after"]),
        "cue_before": re.compile(raw["ambiguous_cue_before"]),
        "org_head": re.compile(f"(?:{alternation(raw['org_head_words'])}){raw['org_head_follow']}"),
        "org_arm": _compile(f"{raw['org_arm']}{raw['org_head_follow']}"),
        "org_model": re.compile(raw["org_model_suffix"]),
        "org_device": re.compile(raw["org_device_suffix"]),
        "head_kinds": frozenset(raw["org_head_kinds"]),
        "title_after": _compile(r"\s?{TITLE}"),
        # what an organisation the model read before a title never holds (抵抗者和协)
        "titled_org_breaks": frozenset(raw["list_items"]["not_in_name"] + "和与及"),
        "arm_kinds": frozenset(raw["org_arm_kinds"]),
        "lists": raw["list_items"],
        "list_heads": (heads := list_heads()),
        "list_head": re.compile(
            rf"\s*{raw['list_items']['closer']}"
            rf"[^{raw['list_items']['head_stops']}]{{0,6}}?(?P<head>{alternation(heads)})"
            rf"(?=[{raw['list_items']['head_stops']}]|$)"
        ),
        "org_heads": tuple(raw["org_head_words"]),
        "job_title_after": _compile(r"\s*{TITLE}"),
        "not_a_longer_name": tuple(raw["not_a_longer_name"]),
        "latin": {
            "camel": re.compile(raw["latin_names"]["camel"]),
            "words": _compile(raw["latin_names"]["words"]),
            "org_heads": frozenset(raw["latin_names"]["org_heads"]),
            "person_after": re.compile(raw["latin_names"]["person_after"]),
            "person_before": _compile(raw["latin_names"]["person_before"]),
            "company_after": re.compile(raw["latin_names"]["company_after"]),
            "company_before": re.compile(raw["latin_names"]["company_before"]),
            "after_name": re.compile(raw["latin_names"]["after_name"]),
            "title": re.compile(raw["latin_names"]["title"]),
            "single": re.compile(raw["latin_names"]["single"]),
            "benchmark": re.compile(raw["latin_names"]["benchmark"]),
            "single_org_after": re.compile(raw["latin_names"]["single_org_after"]),
            "single_product_before": re.compile(raw["latin_names"]["single_product_before"]),
            "common": frozenset(
                r["word"] for r in read_yaml(data_path("entities", "latin_common.yml"))["words"]
            ),
            "given": frozenset(
                r["name"]
                for r in read_yaml(data_path("entities", "latin_given_names.yml"))["names"]
            ),
        },
        "model_kinds": frozenset(raw["org_model_kinds"]),
        "bare_code": re.compile(raw["bare_model_code"]["code"]),
        "code_may_follow": frozenset(raw["bare_model_code"]["may_follow"]),
        "event_heads": tuple(sorted(raw["event_heads"], key=len, reverse=True)),
        "statistical_org_heads": tuple(raw["statistical_org"]["heads"]),
        "word_start_head": re.compile(
            f"(?:{alternation(raw['statistical_org']['word_start_heads'])}){raw['org_head_follow']}"
        ),
        "word_start_heads": tuple(raw["statistical_org"]["word_start_heads"]),
        "generic_org_prefix_ends": tuple(raw["statistical_org"]["generic_prefix_ends"]),
        "byline": _byline_rules(raw["bylines"]),
    }


def _byline_rules(raw: dict[str, Any]) -> dict[str, Any]:
    labels = alternation(raw["labels"])
    return {
        "label": re.compile(f"{raw['label_start']}(?P<label>{labels}){raw['label_end']}"),
        "name": re.compile(f"{raw['name']}(?={raw['ends']}|{labels})"),  # 张鹏整理 | …
        "joiner": re.compile(raw["joiner"]),
        "after_interview": re.compile(rf"[^\S\n]*(?:\n|$|[，,|｜]?\s*(?:{labels}))"),
        "interview": frozenset(raw["interview_labels"]),
        "max": int(raw["max_names"]),
    }


def _brand_stems(gazetteer: Gazetteer, rules: dict[str, Any]) -> re.Pattern[str] | None:
    """The brand stems of known companies: a company name (or alias) that is a Chinese stem
    and an organisation head word (理想汽车 → 理想), when the stem is no name of its own and
    no place (中国电子 gives no 中国)."""
    not_stems = _places()
    stems = set()
    for entry in gazetteer.entries.values():
        if entry.type != "ORG" or entry.kind not in rules["model_kinds"] | {"mined"}:
            continue
        for form in (entry.name, *entry.aliases):
            for head in rules["org_heads"]:
                stem = form.removesuffix(head)
                if (
                    stem != form
                    and len(stem) >= 2
                    and _CJK_ONLY.fullmatch(stem)
                    and stem not in not_stems
                    and gazetteer.lookup(stem) is None
                ):
                    stems.add(stem)
    return re.compile(alternation(stems)) if stems else None


_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


class EntityRuler:
    """Proposes gazetteer and pattern entities and merges them into ``doc.ents``."""

    def __init__(self, gazetteer: Gazetteer | None) -> None:
        self.gazetteer = gazetteer
        self.stop = Gazetteer.default()
        self.rules = _rules()
        self.stems = _brand_stems(gazetteer, self.rules) if gazetteer is not None else None

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        strong = (
            self._gazetteer_cands(text)
            + self._pattern_cands(text)
            + self._publisher_cands(text, doc._.source)
            + self._byline_cands(text)
            + self._stem_model_cands(text)
        )
        weak = [
            c
            for e in doc.ents
            if (c := self._trimmed(text, e.start_char, self._headed(text, e), e.label_, 2))
            is not None
        ]
        strong = _longer_by_model(text, strong, weak)
        chosen: list[_Cand] = []
        taken = bytearray(len(text) + 1)
        self._take(strong, chosen, taken)
        chosen += self._repeats(text, chosen, taken)
        # a name declared after a sure one takes its type before the model's guess does
        # (…科技有限公司（下称：某某）: 某某 is no person)
        declared = self._take_declared(text, _declared_cands(text, chosen), chosen, taken)
        chosen += self._repeats(text, declared, taken)
        sure = len(chosen)  # names after these may declare names of their own, below
        known = {text[c.start : c.end] for c in chosen}
        weak = [c for c in weak if not _extends_known(text[c.start : c.end], known)]
        added = self._take(weak, chosen, taken)
        chosen += self._repeats(text, added, taken)
        listed = self._take(self._list_cands(text, chosen), chosen, taken)
        chosen += self._repeats(text, listed, taken)
        declared = self._take_declared(text, _declared_cands(text, chosen[sure:]), chosen, taken)
        chosen += self._repeats(text, declared, taken)
        split_at(doc, (x for c in chosen for x in (c.start, c.end)))
        spans: list[Span] = []
        for c in sorted(chosen, key=lambda c: c.start):
            span = doc.char_span(c.start, c.end, c.label, kb_id=c.kb_id)
            if span is not None:
                spans.append(span)
        doc.ents = filter_spans(spans)
        return doc

    @staticmethod
    def _take(cands: list[_Cand], chosen: list[_Cand], taken: bytearray) -> list[_Cand]:
        """Add the candidates that fit, strongest and longest first; returns those added."""
        added = []
        for c in sorted(cands, key=lambda c: (c.rank, -(c.end - c.start), c.start)):
            if not any(taken[c.start : c.end]):
                added.append(c)
                taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen += added
        return added

    @classmethod
    def _take_declared(
        cls, text: str, cands: list[_Cand], chosen: list[_Cand], taken: bytearray
    ) -> list[_Cand]:
        """Add the declared names: a declaration says where a name ends, so the one
        shorter name found inside a declared name gives way to it, there and wherever
        else the document writes the declared name (小米 in …有限公司（下称：小米私募）
        and in 成立小米私募); two inside are two names (（又名 APT29 或 Cozy Bear）)."""
        for d in cands:
            name = text[d.start : d.end]
            at = text.find(name)
            while at != -1:
                inside = [c for c in chosen if at <= c.start and c.end <= at + len(name)]
                if len(inside) == 1 and inside[0].end - inside[0].start < len(name):
                    chosen.remove(inside[0])
                    taken[inside[0].start : inside[0].end] = bytes(inside[0].end - inside[0].start)
                at = text.find(name, at + len(name))
        return cls._take(cands, chosen, taken)

    @staticmethod
    def _repeats(text: str, chosen: list[_Cand], taken: bytearray) -> list[_Cand]:
        """One sense per document: a name recognized once (副主任俞栋) is the same entity
        wherever else it stands in the document (2017 年，俞栋加入腾讯)."""
        out = []
        names = {text[c.start : c.end]: c for c in chosen if c.label != "EVENT"}
        for name, c in sorted(names.items(), key=lambda kv: -len(kv[0])):
            start = text.find(name)
            while start != -1:
                end = start + len(name)
                edge = name.isascii() and (
                    (start > 0 and text[start - 1].isascii() and text[start - 1].isalnum())
                    or (end < len(text) and text[end].isascii() and text[end].isalnum())
                )
                if not edge and not any(taken[start:end]):
                    out.append(_Cand(start, end, c.label, c.kb_id, 3))
                    taken[start:end] = b"\x01" * len(name)
                start = text.find(name, end)
        return out

    def _gazetteer_cands(self, text: str) -> list[_Cand]:
        if self.gazetteer is None:
            return []
        matches = self.gazetteer.find(text)
        sure = {m.entry.id for m in matches if not m.ambiguous}
        sure_ends = {m.end for m in matches if not m.ambiguous}
        sure_starts = {m.start for m in matches if not m.ambiguous}
        out = []
        for m in matches:
            listed = (m.start - 1 in sure_ends and text[m.start - 1] in _JOINERS) or (
                m.end + 1 in sure_starts and text[m.end] in _JOINERS
            )
            if m.entry.type == "ORG" and (compound := self._compound(text, m, m.end)):
                out.append(compound)  # a compound is a name even where the bare one is not
                continue
            if (
                m.ambiguous
                and m.entry.id not in sure
                and not listed
                and not self._has_cue(text, m.start, m.end)
                and not self._written_as_name(text, m)
            ):
                continue
            end = m.end
            if m.entry.type == "PRODUCT":
                for rx in (self.rules["version"], self.rules["suffix"], self.rules["version"]):
                    if ext := rx.match(text, end):
                        end = ext.end()
                if (variant := self._latin_compound(text, m.start, end)) is not None:
                    out.append(_Cand(m.start, variant.end, "PRODUCT", "", 0))
                    continue  # Kimi Code, Qwen Chat: a product of its own, named after Kimi
            # an ambiguous name yields to sure context of the same span (编辑：石墨 is a byline)
            out.append(_Cand(m.start, end, m.entry.type, m.entry.id, int(m.ambiguous)))
        return out

    def _compound(self, text: str, m: Match, end: int) -> _Cand | None:
        """An organisation's arm or product named after it: 百度资本 (ORG), 理想 L9,
        小米笔记本Pro 15 (PRODUCT); None when what follows the name is neither."""
        start, kind = m.start, m.entry.kind
        head = None
        if kind in self.rules["head_kinds"]:
            head = self.rules["org_head"].match(text, end)
        if head is None and kind in self.rules["arm_kinds"]:
            head = self.rules["org_arm"].match(text, end)
        if head is not None:
            name = text[start : head.end()]
            if self.gazetteer is not None and self.gazetteer.lookup(name) is not None:
                return None  # a known name (阿里巴巴集团): the gazetteer has it
            return _Cand(start, head.end(), "ORG", "", 0)
        if kind not in self.rules["model_kinds"]:
            return None
        model = self.rules["org_model"].match(text, end) or self.rules["org_device"].match(
            text, end
        )
        if model is not None and not self.stop.is_stopword(model.group("code")):
            return _Cand(start, model.end(), "PRODUCT", "", 0)
        return self._latin_compound(text, start, end)

    def _latin_compound(self, text: str, start: int, end: int) -> _Cand | None:
        """A company or product name ending in Latin script and capitalized words after it:
        one of its products (Microsoft Word, Adobe Photoshop, 三星Galaxy Fold) or units
        (Microsoft Research); never a title or a generic term (Google CEO, Meta AI)."""
        lat = self.rules["latin"]
        if not (text[start:end].isascii() or (text[end - 1].isascii() and text[end - 1].isalpha())):
            return None  # (三星Galaxy Fold: the name before the words ends in Latin script)
        m = lat["after_name"].match(text, end)
        if m is None:
            return None
        words = m.group("words").split(" ")
        if any(self.stop.is_stopword(w) or lat["title"].fullmatch(w) for w in words):
            return None
        label = "ORG" if words[-1] in lat["org_heads"] else "PRODUCT"
        return _Cand(start, m.end(), label, "", 0)

    def _list_cands(self, text: str, chosen: list[_Cand]) -> list[_Cand]:
        """Unknown items of an enumeration typed by its head noun (A、B 等企业, mined:
        ``list_heads.yml``) or, failing one, by its known items when they share one type
        (see ``list_items`` in ``data/entities/patterns.yml``)."""
        cfg = self.rules["lists"]
        sep = cfg["separator"]
        if sep not in text:
            return []
        spans = {(c.start, c.end): c for c in chosen if c.label in NAME_TYPES}
        out: list[_Cand] = []
        for lo, hi in _list_regions(text, sep):
            items = _list_items(text, lo, hi, sep, cfg)
            known = [spans.get(it) for it in items]
            labels = [c.label for c in known if c is not None]
            label = self._head_label(text, items[-1][1], hi)
            if label is None or label not in labels:
                if len(items) < 3 or not labels:
                    continue
                label = max(sorted(set(labels)), key=labels.count)
                n = labels.count(label)
                if n < cfg["min_known"] or n < cfg["min_share"] * len(items):
                    continue
            for (start, end), k in zip(items, known, strict=True):
                if (
                    k is None
                    and self._name_like(text, start, end, cfg)
                    and (c := self._trimmed(text, start, end, label, 1)) is not None
                ):
                    out.append(c)
        return out

    def _head_label(self, text: str, end: int, hi: int) -> str | None:
        """The type named by the head noun closing an enumeration that ends at ``end``
        (…、多氟多两大上市公司 → ORG), or None."""
        m = self.rules["list_head"].match(text, end, hi)
        return self.rules["list_heads"][m.group("head")] if m else None

    def _name_like(self, text: str, start: int, end: int, cfg: dict[str, Any]) -> bool:
        name = text[start:end]
        if not 2 <= len(name) <= cfg["max_len"] or any(b in name for b in self.rules["breaks"]):
            return False
        verbs = clause_lexicon().verbs
        if (
            self.stop.is_stopword(name)
            or name.startswith(self.rules["bad_starts"])
            or name.startswith(tuple(cfg["bad_item_starts"]))
            or verbs.fullmatch(name)
            or any(m.end() < len(name) for m in verbs.finditer(name))
        ):  # 北辰资本持续追投 is a clause; a head word at the end is not (北辰投资)
            return False
        if " " in name and not name.isascii():
            return False  # Ubuntu 性能比较: a phrase, not a name
        if _STRAY_DOT.search(name):
            return False
        return all(ch.isalnum() or ch in cfg["name_punct"] for ch in name) and not any(
            ch in name for ch in cfg["not_in_name"]
        )

    def _written_as_name(self, text: str, m: Match) -> bool:
        """A Latin name written exactly as listed and standing alone among Chinese text, that
        raw news never writes as a common word (``latin_common.yml``): Slack, Notion, React.
        Not a short acronym (ISO, FT) and not part of a longer Latin phrase (AI for
        Science, LoRA-FT, Avalanche VC)."""
        name = m.text
        if not (name.isascii() and name[:1].isupper() and name in m.entry.surface_forms):
            return False
        if name.lower() in self.rules["latin"]["common"] or (name.isupper() and len(name) <= 3):
            return False
        before = text[max(0, m.start - 2) : m.start].rstrip(" ")[-1:]
        after = text[m.end : m.end + 2].lstrip(" ")[:1]
        return not any(c.isascii() and (c.isalnum() or c in "-_./") for c in before + after)

    def _has_cue(self, text: str, start: int, end: int) -> bool:
        return bool(
            self.rules["cue_after"].search(text[end : end + 4])
            or self.rules["cue_before"].search(text[max(0, start - 6) : start])
        )

    def _latin_cands(self, text: str) -> list[_Cand]:
        """Latin-script names no gazetteer entry covers (``latin_names`` in patterns.yml)."""
        lat = self.rules["latin"]
        out = []
        for kind in ("camel", "words"):
            for m in lat[kind].finditer(text):
                start, end = m.span("name")
                name = m.group("name")
                words = name.split(" ")
                if kind == "words" and all(
                    w.lower() in lat["common"] or self.stop.is_stopword(w) for w in words
                ):
                    continue
                if self.stop.is_stopword(name) or (
                    kind == "camel" and name.lower() in lat["common"]
                ):
                    continue
                label = self._latin_label(text, start, end, words)
                if (c := self._trimmed(text, start, end, label, 1)) is not None:
                    out.append(c)
        out += self._single_latin_cands(text)
        outer: list[_Cand] = []  # a CamelCase word inside a longer Latin name is none
        for c in sorted(out, key=lambda c: (c.start, -c.end)):
            if not outer or c.end > outer[-1].end:
                outer.append(c)
        return _people_in_lists(text, outer)

    def _stem_model_cands(self, text: str) -> list[_Cand]:
        """A company's brand stem and a model code (理想 L9 of 理想汽车, 宝马 X7 of 宝马汽车):
        the stem is a known company's name without its head word, used only before a code."""
        if self.stems is None:
            return []
        out = []
        for m in self.stems.finditer(text):
            model = self.rules["org_model"].match(text, m.end())
            if model is not None and not self.stop.is_stopword(model.group("code")):
                out.append(_Cand(m.start(), model.end(), "PRODUCT", "", 0))
        return out

    def _byline_cands(self, text: str) -> list[_Cand]:
        """People a byline names (``bylines`` in patterns.yml)."""
        rules = self.rules["byline"]
        out = []
        for label in rules["label"].finditer(text):
            names: list[tuple[int, int]] = []
            pos = label.end()
            while len(names) < rules["max"] and (m := rules["name"].match(text, pos)):
                names.append(m.span())
                if not (joiner := rules["joiner"].match(text, m.end())):
                    break
                pos = joiner.end()
            interview = label["label"] in rules["interview"]
            if names and interview and not rules["after_interview"].match(text, names[-1][1]):
                continue  # 记者：你刚才提到… is a question, not a byline
            for start, end in names:  # a byline is sure context: it outranks name shapes
                if (c := self._trimmed(text, start, end, "PERSON", 0)) is not None:
                    out.append(c)
        return out

    def _publisher_cands(self, text: str, source: str) -> list[_Cand]:
        """The article's publisher (``doc._.source``) where the text names it (据量子位报道,
        转载请注明出处：快科技): an organisation, matched as the source's core name (without
        a channel label such as ``WeChat:``, a bracketed note or a tagline after a dash) the
        way gazetteer names are matched (folded, Latin names on word bounds)."""
        out = []
        for m in _publisher_matcher(publisher_core(source)).find(text):
            if (c := self._trimmed(text, m.start, m.end, "ORG", 1)) is not None:
                out.append(c)
        return out

    def _single_latin_cands(self, text: str) -> list[_Cand]:
        """One capitalized Latin word typed by its Chinese context (``single`` in
        ``latin_names``): a company cue or an event verb after it, a launch verb before it."""
        lat = self.rules["latin"]
        out = []
        for m in lat["single"].finditer(text):
            start, end = m.span("name")
            name = m.group("name")
            if name.lower() in lat["common"] or name in lat["given"] or self.stop.is_stopword(name):
                continue
            if self._has_company_cue(text, start, end) or lat["single_org_after"].search(
                text[end : end + 10]
            ):
                label = "ORG"
            elif lat["single_product_before"].search(text[max(0, start - 6) : start]):
                label = "PRODUCT"
            else:
                continue
            if (c := self._trimmed(text, start, end, label, 1)) is not None:
                out.append(c)
        return out

    def _latin_label(self, text: str, start: int, end: int, words: list[str]) -> str:
        lat = self.rules["latin"]
        if words[-1] in lat["org_heads"] or self._has_company_cue(text, start, end):
            return "ORG"
        if 2 <= len(words) <= 3 and all(
            w[:1].isupper() and w.replace("'", "").replace("’", "").isalpha() for w in words
        ):
            after, before = text[end : end + 6], text[max(0, start - 8) : start]
            if (
                words[0] in lat["given"]
                or lat["person_after"].search(after)
                or lat["person_before"].search(before)
            ):
                return "PERSON"
        return "PRODUCT"

    def _has_company_cue(self, text: str, start: int, end: int) -> bool:
        lat = self.rules["latin"]
        return bool(
            lat["company_after"].search(text[end : end + 6])
            or lat["company_before"].search(text[max(0, start - 6) : start])
        )

    def _pattern_cands(self, text: str) -> list[_Cand]:
        out = self._latin_cands(text)
        for label, rx, strong, exact, not_common in self.rules["patterns"]:
            for m in rx.finditer(text):
                start, end = m.span("name") if "name" in rx.groupindex else m.span()
                if not_common and self._common_word(text[start:end]):
                    continue
                if label in ("ORG", "EVENT") and not exact:
                    start = self._strip_start(text, start, end)
                    if end - start < 4:
                        continue
                if label == "EVENT" and self._generic_event(text[start:end]):
                    continue
                if label == "PRODUCT" and self._code_of_unknown_name(text, start, end):
                    continue
                if (c := self._trimmed(text, start, end, label, 0 if strong else 1)) is not None:
                    out.append(c)
        return out

    def _generic_event(self, name: str) -> bool:
        """A common word before a conference head names no event (黑客论坛, 新闻发布会)."""
        head = next((h for h in self.rules["event_heads"] if name.endswith(h)), "")
        return bool(head) and self._common_word(name[: -len(head)])

    def _common_word(self, name: str) -> bool:
        """A common word the gazetteer does not know as a name (系统“崩溃”, 模型“创造”)."""
        known = self.gazetteer is not None and self.gazetteer.lookup(name) is not None
        return name.strip() in _common_words() and not known

    def _code_of_unknown_name(self, text: str, start: int, end: int) -> bool:
        """A bare model code written onto a Chinese word (旅航者T1, 澎湃C1): the end of a name
        no rule reads whole, not a name of its own; after a function word (发布了X2) it is."""
        before = text[start - 1 : start]
        return (
            bool(self.rules["bare_code"].fullmatch(text, start, end))
            and "\u4e00" <= before <= "\u9fff"
            and before not in self.rules["code_may_follow"]
        )

    def _strip_start(self, text: str, start: int, end: int) -> int:
        """Skip function words before a pattern name (据上海财经大学 → 上海财经大学) and the
        tail of a word cut by the name's start (举办原动力大会 matched from 办 → 原动力大会)."""
        for word in self.rules["breaks"]:
            for k in range(1, len(word)):
                if text.startswith(word, start - k):
                    start = start - k + len(word)
        while True:
            head = text[start:end].lstrip("0123456789年 ")
            bad = next((b for b in self.rules["bad_starts"] if head.startswith(b)), None)
            if bad is None or len(head) <= len(bad):
                return start
            start = end - len(head) + len(bad)

    def _headed(self, text: str, ent: Span) -> int:
        """The end of a statistical organisation, taking in the head word the model left
        out (南极 of 南极科技, 启明 of 启明创投)."""
        end = ent.end_char
        if ent.label_ == "ORG":
            for head in self.rules["statistical_org_heads"]:
                if text.startswith(head, end) and self._head_ends_name(text, end, head):
                    return end + len(head)
        return end

    def _head_ends_name(self, text: str, at: int, head: str) -> bool:
        """Whether ``head`` at ``at`` can end a name: a head that also starts common words
        (电子邮件, 汽车产业) only where nothing but ``org_head_follow`` comes after it."""
        return head not in self.rules["word_start_heads"] or bool(
            self.rules["word_start_head"].match(text, at)
        )

    def _plausible_org(self, text: str, start: int, end: int) -> bool:
        """A statistical organisation must end in an organisation head word (at a word's
        end where the head also starts words) after a name of its own: 中航锂电, 国金证券,
        瑞银集团. A generic descriptor (智能汽车, 子公司, 美国AI初创公司) or a misread
        phrase (钓鱼电子 of 钓鱼电子邮件) is no organisation."""
        name = text[start:end]
        head = next((h for h in self.rules["statistical_org_heads"] if name.endswith(h)), None)
        if head is None or not self._head_ends_name(text, end - len(head), head):
            return self._titled_org(text, start, end)
        prefix = name[: -len(head)]
        return len(prefix) >= 2 and not (
            self.stop.is_stopword(prefix)
            or self.stop.is_stopword(name)
            or prefix.endswith(self.rules["generic_org_prefix_ends"])
            or prefix.startswith(self.rules["bad_starts"])
        )

    def _titled_org(self, text: str, start: int, end: int) -> bool:
        """A statistical organisation without a head word whose name a job title follows
        (某某大数据创始人, 某某 CEO): the title says it employs people. Not a phrase with a
        function word (抵抗者和协 of 协作者) nor a description ending in 公司 (据悉同公司高管)."""
        name = text[start:end]
        return (
            len(name) >= 2
            and not name.endswith("公司")
            and self.rules["titled_org_breaks"].isdisjoint(name)
            and bool(self.rules["title_after"].match(text, end))
            and not self.stop.is_stopword(name)
            and not name.startswith(self.rules["bad_starts"])
        )

    def _plausible_statistical(self, text: str, start: int, end: int, label: str) -> bool:
        """The character NER is unreliable on Latin script: its spans must hold Chinese,
        must not cut a Latin word (C-Eva of C-Eval) and must not straddle a script change
        at a space (保时捷 Taycan read as 捷 Taycan). A two-character person must start with
        a common family name (拉齐 and 来说 are words, not people), and a person must not be
        a word that raw news never uses as one (雷达, 麦克风: ``person_lookalikes.tsv``) nor
        lie inside a longer dictionary word (胡言 of 胡言乱语: ``covering_words.tsv``).
        A name in Latin script alone counts only without a gazetteer, where the model is the
        only reader of such names: with one, the model's Latin names that the gazetteer and
        the patterns leave are mostly technology terms (GPS, LCD, PoC)."""
        name = text[start:end]
        cuts = (start > 0 and text[start - 1].isascii() and text[start - 1].isalnum()) or (
            end < len(text) and text[end].isascii() and text[end].isalnum()
        )
        if name.isascii():
            return self.gazetteer is None and not cuts
        if label == "ORG" and not self._plausible_org(text, start, end):
            return False
        if label == "PERSON" and (
            (len(name) == 2 and name[0] not in _common_surnames())
            or name in _person_lookalikes()
            or (len(name) == 3 and name[:2] in _common_lookalikes())  # 成本敏(感)
            or inside_word(text, start, end)  # 胡言(乱语), (家)喻户晓
        ):
            return False
        mixed = (
            " " in name and not name.isascii() and any(c.isascii() and c.isalpha() for c in name)
        )
        return not (cuts or mixed)

    def _trimmed(self, text: str, start: int, end: int, label: str, rank: int) -> _Cand | None:
        if (cut := text.find("\n", start, end)) != -1:
            end = cut  # a name ends at a line break (…盖里\n美国)
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM and not _closes(text, start, end):
            end -= 1
        name = text[start:end]
        if (
            len(name) < 2
            or not any(ch.isalpha() for ch in name)
            or self.stop.is_stopword(name)
            or is_alias_cue(name)  # 陈航（花名：无招）: 花名 is a word about a name
        ):
            return None
        if rank == 2 and label == "PERSON" and end - start == 3 and text[end - 1] in _AFTER_NAME:
            end -= 1  # 找到杨建、彭莉时: the model read 时 into the name
            name = text[start:end]
        if rank == 2 and not self._plausible_statistical(text, start, end, label):
            return None
        if rank == 1 and label == "PERSON" and name in _person_lookalikes():
            return None  # 陆军：…, 投资人支持: a word news never uses as a person
        entry = self.gazetteer.lookup(name) if self.gazetteer is not None else None
        if entry is not None and not (label == "PERSON" and name in entry.ambiguous):
            return _Cand(start, end, entry.type, entry.id, rank)  # (编辑：石墨 stays a person)
        if label == "PRODUCT" and self.rules["latin"]["benchmark"].search(name):
            return None  # HumanEval, SimpleQA: a benchmark, not a product
        if label == "LOC" and name.endswith(self.rules["org_heads"]):
            label = "ORG"  # 海淀创新基金, 滨江国投: a place-named organisation
        return _Cand(start, end, label, "", rank)


@lru_cache(maxsize=64)
def _publisher_matcher(name: str) -> Gazetteer:
    """A one-name gazetteer for a publisher's name (empty below two characters)."""
    return Gazetteer([Entry("publisher", name, "ORG")] if len(name) >= 2 else [])


#: Characters that follow a person's name and never end a three-character one that the
#: statistical model reads (彭莉时 → 彭莉, 张三等 → 张三).
_AFTER_NAME = frozenset("时等的说称")


def _closes(text: str, start: int, end: int) -> bool:
    """The name's last character closes a bracket the name opened: 合伙企业（有限合伙）."""
    close = text[end - 1]
    opener = {"）": "（", ")": "("}.get(close)
    return opener is not None and text.count(opener, start, end) > text.count(close, start, end - 1)


_STRAY_DOT = re.compile(r"(?<![A-Za-z0-9])\.|\.(?![A-Za-z0-9])")  # 映客......
_JOINED = re.compile(rf"\s*(?:[{_JOINERS}]|以及|,)\s*")


def _people_in_lists(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Latin names listed with a Latin person are people too (Mike O'Hara、Lena Morrow 和
    Petra Quill): a run of names joined by 、 or 和 takes PERSON from any of them."""
    out = list(cands)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and _JOINED.fullmatch(text, out[j].end, out[j + 1].start):
            j += 1
        run = out[i : j + 1]
        if len(run) > 1 and any(c.label == "PERSON" for c in run):
            for k in range(i, j + 1):
                name = text[out[k].start : out[k].end].split(" ")
                if out[k].label == "PRODUCT" and 2 <= len(name) <= 3:
                    out[k] = _Cand(out[k].start, out[k].end, "PERSON", out[k].kb_id, out[k].rank)
        i = j + 1
    return out


_LIST_BOUNDARY = re.compile(r"[，,。；;：:！？!?\n（）()「」“”《》]")


def _list_regions(text: str, sep: str) -> list[tuple[int, int]]:
    """The clause-mark-delimited stretches of ``text`` that contain ``sep``."""
    out, lo = [], 0
    for m in _LIST_BOUNDARY.finditer(text):
        if sep in text[lo : m.start()]:
            out.append((lo, m.start()))
        lo = m.end()
    if sep in text[lo:]:
        out.append((lo, len(text)))
    return out


@cache
def _closer(closer: str) -> re.Pattern[str]:
    return re.compile(closer)


@cache
def _last_joiner(joiner: str) -> re.Pattern[str]:
    """The last joiner of an enumeration's tail (A、B 和 C: 和), not followed by another."""
    return re.compile(rf"{joiner}(?!.*{joiner})")


def _list_items(
    text: str, lo: int, hi: int, sep: str, cfg: dict[str, Any]
) -> list[tuple[int, int]]:
    """(start, end) of each item of the enumeration in ``text[lo:hi]``, stripped of the
    cue before the first item and of what follows 等 (or a count: 两大) after the last."""
    bounds, at = [], lo
    for i in range(lo, hi):
        if text[i] == sep:
            bounds.append((at, i))
            at = i + 1
    # the enumeration ends at 等 (or 两大, 领投 …) after its last separator
    tails = [k for tail in cfg["trailing"] if (k := text.find(tail, at, hi)) != -1]
    if closer := _closer(cfg["closer"]).search(text, at, hi):
        tails.append(closer.start())
    hi = min([hi, *tails])
    last = (at, hi)
    joiner = _last_joiner(cfg["last_joiner"]).search(text, at, hi)
    # (a joiner after a clause-long stretch joins words of that clause, not list items)
    if joiner is not None and at < joiner.start() <= at + cfg["max_len"]:
        bounds.append((at, joiner.start()))
        last = (joiner.end(), hi)
    bounds.append(last)
    first_start, first_end = bounds[0]
    cue_ends = [
        k + len(cue)
        for cue in cfg["lead_cues"]
        if (k := text.rfind(cue, first_start, first_end)) != -1
    ]
    if cue_ends:
        bounds[0] = (max(cue_ends), first_end)
    out = []
    for start, end in bounds:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append((start, end))
    return out


def _declared_cands(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """A name declared in brackets after a person, organisation or product (陈航（花名：
    无招）, …有限公司（以下简称“星河科技”）) is a name of the same type."""
    out = []
    for c in chosen:
        if c.label in NAME_TYPES and (span := declared_name(text, c.end)):
            out.append(_Cand(span[0], span[1], c.label, "", 3))
    return out


def _longer_by_model(text: str, strong: list[_Cand], weak: list[_Cand]) -> list[_Cand]:
    """``strong`` with each known organisation's name that the model reads as the start of a
    longer Chinese organisation name, 2 to 4 characters longer (赣锋 of 赣锋锂电, 现代 of 现代
    快报: a subsidiary, or a name the gazetteer does not list), replaced by that name,
    unlinked; not a description (小米新基金) nor a unit before a job title (某集团信息安全负责人).
    In 500 random raw articles 12 names changed this way, 8 of them right, and the title
    condition would have kept 2 of the 4 wrong ones.

    >>> cand = lambda s, e, kb="": _Cand(s, e, "ORG", kb, 0)
    >>> text = "赣锋锂电和星河集团信息安全负责人"
    >>> [(c.start, c.end, c.kb_id) for c in _longer_by_model(
    ...     text, [cand(0, 2, "ganfeng"), cand(5, 9, "xinghe")], [cand(0, 4), cand(5, 13)])]
    [(0, 4, ''), (5, 9, 'xinghe')]
    """
    rules = _rules()
    longer = {
        c.start: c
        for c in weak
        if c.label == "ORG"
        and _CJK_ONLY.fullmatch(text, c.start, c.end)
        and rules["job_title_after"].match(text, c.end) is None
    }
    out = []
    for c in strong:
        w = longer.get(c.start)
        if (
            w is not None
            and c.label == "ORG"
            and c.kb_id
            and 2 <= w.end - c.end <= 4
            and not text.startswith(rules["not_a_longer_name"], c.end)
        ):
            c = _Cand(w.start, w.end, "ORG", "", c.rank)
        out.append(c)
    return out


def _extends_known(name: str, known: set[str]) -> bool:
    """A statistical span that is a known name plus stray characters (俞栋加 for 俞栋)."""
    return any(k != name and k in name for k in known)


@Language.factory("hkg_entity_ruler", default_config={"gazetteer": True})
def make_entity_ruler(nlp: Language, name: str, gazetteer: bool) -> EntityRuler:
    return EntityRuler(Gazetteer.default() if gazetteer else None)
