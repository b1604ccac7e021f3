"""Entity resolution: every surface form → one canonical entity across the corpus.

Steps, in order: the gazetteer id found at extraction; a gazetteer lookup of the
normalized name (width, case, traditional → simplified, quotes, spaces); the same after
stripping type suffixes (``data/resolve/rules.yml``: 大模型, App, 公司 …) and, for
products, a maker's name in front; a name another mention in the corpus already uses;
in one document, a declared alias (深度求索（DeepSeek）), a person's given name that ends a
full name (煜宏 → 刘煜宏), a model's short name (R1 → DeepSeek-R1) and a product's
bilingual name (日日新 SenseNova → 日日新).

>>> from hunyuan_kg.pipeline.refs import EntityRef
>>> r = NameResolver()
>>> r.add("d1", EntityRef("腾讯混元大模型", "PRODUCT", "", 0, 7))
>>> r.add("d2", EntityRef("「混元」", "PRODUCT", "", 0, 4))
>>> r.finish()
>>> r.entity("d1", EntityRef("腾讯混元大模型", "PRODUCT", "", 0, 7)).label
'混元'
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..gazetteer import Entry, Gazetteer
from ..normalize import name_key
from ..pipeline.refs import EntityRef
from ..resources import data_path, read_yaml


@cache
def _rules() -> dict[str, Any]:
    raw = read_yaml(data_path("resolve", "rules.yml"))
    raw["variant_words"] = {w.lower() for w in raw["variant_words"]}
    for key in ("suffixes", "suffixes_after_chinese"):
        raw[key] = {
            t: sorted((name_key(s) for s in ss), key=len, reverse=True)
            for t, ss in raw[key].items()
        }
    return raw


_YEAR_PREFIX = re.compile(r"(?:19|20)\d\d\s*(?:年度|年)?\s*")
# A product name that ends in a version number: its base and the version (HarmonyOS 2.0,
# 鸿蒙2.0, GPT-5.2, XPILOT 4); versions compare without trailing .0 (4.0 = 4).
_VERSIONED = re.compile(r"(?P<base>.*?[^\d.\s-])[\s-]?(?P<version>\d+(?:\.\d+)*)")
_ZERO_TAIL = re.compile(r"(?:\.0)+$")
_BILINGUAL = re.compile(r"(?P<zh>[\u4e00-\u9fff]{2,})\s*(?P<latin>[A-Za-z]{3,})")


@dataclass(slots=True)
class Entity:
    """A resolved entity: canonical label and type, every surface form, where it was seen."""

    id: str
    label: str
    type: str
    aliases: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    mentions: int = 0
    gazetteer_id: str = ""


class NameResolver:
    """Collects mentions (:meth:`add`), resolves them (:meth:`finish`), answers :meth:`entity`."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer if gazetteer is not None else Gazetteer.default()
        self.rules = _rules()
        self._seen: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self._doc_names: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._doc_alias: dict[tuple[str, str], str] = {}
        self._cluster: dict[str, str] = {}
        self.entities: dict[str, Entity] = {}
        self._key_entity: dict[str, str] = {}

    # -- keys -------------------------------------------------------------------------
    def _strip(self, key: str, label: str) -> list[str]:
        """``key`` and its variants without suffixes (and maker prefixes for products)."""
        out = [key]
        changed = True
        while changed:
            changed = False
            cur = out[-1]
            for suf in self.rules["suffixes"].get(label, ()):
                if cur.endswith(suf) and len(cur) > len(suf):
                    out.append(cur[: -len(suf)].strip())
                    changed = True
                    break
            else:
                for suf in self.rules["suffixes_after_chinese"].get(label, ()):
                    if cur.endswith(suf) and "\u4e00" <= cur[-len(suf) - 1 : -len(suf)] <= "\u9fff":
                        out.append(cur[: -len(suf)])
                        changed = True
                        break
        if label in self.rules["strip_year_prefix"]:
            for cur in list(out):
                if (year := _YEAR_PREFIX.match(cur)) and year.end() < len(cur):
                    out.append(cur[year.end() :])
        if label in self.rules["strip_org_prefix"]:
            for cur in list(out):
                hits = [m for m in self.gaz.find(cur) if m.entry.type == "ORG"]
                if hits and hits[0].start == 0 and hits[0].end < len(cur):
                    out.append(cur[hits[0].end :].strip())
        return [k for k in dict.fromkeys(out) if k]

    def _entry(self, ref: EntityRef) -> Entry | None:
        if ref.kb_id and ref.kb_id in self.gaz.entries:
            return self.gaz.entries[ref.kb_id]
        for k in self._strip(name_key(ref.text), ref.label):
            if (entry := self.gaz.lookup(k)) is not None:
                return entry
        return None

    # -- collection -------------------------------------------------------------------
    def add(self, doc_id: str, ref: EntityRef) -> None:
        """Record one mention."""
        self._seen[(doc_id, ref.text)][ref.label] += 1
        self._doc_names[(doc_id, ref.label)].add(ref.text)

    def add_alias(self, doc_id: str, name: str, alias: str) -> None:
        """Record that, in one document, ``alias`` names what ``name`` names
        (深度求索（DeepSeek）)."""
        if alias != name:
            self._doc_alias[(doc_id, alias)] = name

    def finish(self) -> None:
        """Resolve every recorded mention into :attr:`entities`."""
        corpus_keys: set[str] = set()
        for (_, text), labels in self._seen.items():
            corpus_keys.add(name_key(text) + "\t" + labels.most_common(1)[0][0])
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        surface: dict[str, Counter[str]] = defaultdict(Counter)
        for (doc_id, text), labels in sorted(self._seen.items()):
            label = labels.most_common(1)[0][0]
            key = self._cluster_key(doc_id, text, label, corpus_keys)
            self._cluster[f"{doc_id}\t{text}"] = key
            votes[key].update(labels)
            surface[key][text] += sum(labels.values())
        priority = {t: i for i, t in enumerate(self.rules["type_priority"])}
        for key in sorted(votes):
            gaz_id = key[4:] if key.startswith("gaz:") else ""
            if gaz_id:
                entry = self.gaz.entries[gaz_id]
                label, etype = entry.name, entry.type
            else:
                etype = min(votes[key], key=lambda t: (-votes[key][t], priority.get(t, 99)))
                forms = surface[key]
                if key.startswith("ver:"):  # the spellings that carry the version themselves
                    own = Counter(
                        {f: n for f, n in forms.items() if self._version_key(f, etype) == key}
                    )
                    forms = own or forms
                label = _display(forms, key[5:])
            node_id = f"{etype}:{label}"
            ent = self.entities.get(node_id) or Entity(node_id, label, etype, gazetteer_id=gaz_id)
            ent.aliases.update(surface[key])
            ent.mentions += sum(surface[key].values())
            self.entities[node_id] = ent
            self._key_entity[key] = node_id
        for ckey, key in self._cluster.items():
            self.entities[self._key_entity[key]].docs.add(ckey.split("\t", 1)[0])

    def _in_document(self, doc_id: str, text: str, label: str) -> str:
        """The fuller name ``text`` stands for in its document: a declared alias, a given
        name (煜宏 → 刘煜宏) or a model's short name (R1 → DeepSeek-R1)."""
        text = self._doc_alias.get((doc_id, text), text)
        names = self._doc_names[(doc_id, label)]
        if label == "PERSON" and len(text) >= 2:
            fuller = [p for p in names if p != text and p.endswith(text)]
        elif label == "PRODUCT":
            fuller = [
                p
                for p in names
                if p.endswith((f" {text}", f"-{text}"))
                or (  # X1 → 文心X1: a Latin model name glued to its Chinese family name
                    text[:1].isascii()
                    and text[:1].isalpha()
                    and p.endswith(text)
                    and "\u4e00" <= p[-len(text) - 1 : -len(text)] <= "\u9fff"
                )
            ]
        else:
            fuller = []
        if fuller:
            return max(sorted(fuller), key=len)  # ties: not by set (hash) order
        return self._bilingual(text, label, names) or text

    def _bilingual(self, text: str, label: str, names: set[str]) -> str | None:
        """The Chinese name of a bilingual name (日日新 SenseNova → 日日新) when the document
        uses it alone, and the Latin word is not a variant (混元 Turbo stays)."""
        m = _BILINGUAL.fullmatch(text)
        if (
            m is None
            or label not in self.rules["bilingual_labels"]
            or m["latin"].lower() in self.rules["variant_words"]
            or m["zh"] not in names
        ):
            return None
        return m["zh"]

    def _version_key(self, text: str, label: str) -> str | None:
        """One key for the spellings of a versioned product: the base's gazetteer id (or
        its name without spaces and hyphens) and the version without trailing .0, so that
        鸿蒙2.0 = HarmonyOS 2.0 = HarmonyOS 2 and GPT 5.2 = GPT-5.2."""
        m = _VERSIONED.fullmatch(name_key(text))
        if label != "PRODUCT" or m is None or len(re.sub(r"[\s-]", "", m["base"])) < 2:
            return None  # R1, X1: a short model name, resolved in its document
        base = m["base"].strip()
        entry = self._entry(EntityRef(base, label, "", 0, 0))
        if entry is not None and entry.type != "PRODUCT":
            return None  # 小米11: a maker and a number, the compound rule's product
        base_key = f"gaz:{entry.id}" if entry else re.sub(r"[\s-]", "", base)
        return f"ver:{base_key}@{_ZERO_TAIL.sub('', m['version'])}"

    def _cluster_key(self, doc_id: str, text: str, label: str, corpus_keys: set[str]) -> str:
        text = self._in_document(doc_id, text, label)
        entry = self._entry(EntityRef(text, label, "", 0, 0))
        if entry is not None:
            return f"gaz:{entry.id}"
        if (versioned := self._version_key(text, label)) is not None:
            return versioned
        variants = self._strip(name_key(text), label)
        for k in variants[1:]:
            if f"{k}\t{label}" in corpus_keys:
                return f"name:{k}"
        return f"name:{variants[0] if variants else text}"

    def entity(self, doc_id: str, ref: EntityRef) -> Entity:
        """The resolved entity of a mention (a mention not seen by :meth:`add` is resolved
        on the spot by gazetteer or name)."""
        key = self._cluster.get(f"{doc_id}\t{ref.text}")
        if key is None:
            entry = self._entry(ref)
            key = f"gaz:{entry.id}" if entry else f"name:{name_key(ref.text)}"
        node_id = self._key_entity.get(key)
        if node_id is None:
            entry = self.gaz.entries.get(key[4:]) if key.startswith("gaz:") else None
            label, etype = (entry.name, entry.type) if entry else (ref.text, ref.label)
            node_id = f"{etype}:{label}"
            self.entities.setdefault(node_id, Entity(node_id, label, etype))
            self._key_entity[key] = node_id
        return self.entities[node_id]


def _display(forms: Counter[str], key: str) -> str:
    """The display label of a name cluster: its most frequent form whose key is the
    cluster's (else its most frequent form), without quotes."""
    exact = [f for f in forms if name_key(f) == key] or list(forms)
    best = min(exact, key=lambda f: (-forms[f], len(f), f))
    return best.strip("「」『』《》“”\"' ")
