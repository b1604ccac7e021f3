"""Entity resolution: every surface form → one canonical entity across the corpus.

Steps, in order: the gazetteer id found at extraction; a gazetteer lookup of the
normalized name (width, case, traditional → simplified, quotes, spaces); the same after
stripping type suffixes (``data/resolve/rules.yml``: 大模型, App, 公司 …), for a
registered company name also its place (深圳市某某科技股份有限公司 → 某某科技) and, for
products, a maker's name in front; a name another mention in the corpus already uses;
in one document, a declared alias (深度求索（DeepSeek）), a person's given name that ends a
full name (煜宏 → 刘煜宏), a model's short name (R1 → DeepSeek-R1; P5 → 小鹏P5 where the
document names 小鹏 and another document writes 小鹏P5) and a product's bilingual name
(日日新 SenseNova → 日日新).

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
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..gazetteer import Entry, Gazetteer
from ..normalize import latin_key, name_key
from ..pipeline.refs import EntityRef
from ..resources import alternation, data_path, read_yaml


@cache
def _rules() -> dict[str, Any]:
    raw = read_yaml(data_path("resolve", "rules.yml"))
    raw["variant_words"] = {w.lower() for w in raw["variant_words"]}
    raw["registered_forms"] = tuple(name_key(f) for f in raw["registered_forms"])
    places = read_yaml(data_path("entities", "admin_divisions.yml"))
    raw["places"] = re.compile(
        "^(?:" + alternation([*places["provinces"], *places["cities"]]) + ")[省市]?"
    )
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
# A model's name after its maker's: a few Latin letters, then a number (MX 450, NT2.0, P50,
# A5 Pro); not a bare number (11) nor a word (Care, Store).
_MODEL = re.compile(r"[A-Za-z]{1,4}[ -]?\d[A-Za-z0-9 .+\-]{0,12}")
# A model's short code (K2, U8, M9), which a document may write without its family's name.
_MODEL_CODE = re.compile(r"[A-Za-z]{1,2}\d{1,3}")
_BILINGUAL = re.compile(r"(?P<zh>[\u4e00-\u9fff]{2,})\s*(?P<latin>[A-Za-z]{3,})")


@dataclass(slots=True)
class Entity:
    """A resolved entity: canonical label and type, every surface form, where it was seen
    (:attr:`docs`)."""

    id: str
    label: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    gazetteer_id: str = ""
    #: The documents it was seen in, as indices into :attr:`doc_names`, ascending by id.
    doc_indices: array[int] = field(default_factory=lambda: array("I"), repr=False)
    #: The resolver's document ids (shared by every entity; indexed by :attr:`doc_indices`).
    doc_names: list[str] = field(default_factory=list, repr=False)

    @property
    def docs(self) -> set[str]:
        """The ids of the documents it was seen in."""
        return {self.doc_names[i] for i in self.doc_indices}


#: Bits of a mention's label in a packed (name, label) code; labels are entity types.
_LABEL_BITS = 8


class NameResolver:
    """Collects mentions (:meth:`add`), resolves them (:meth:`finish`), answers :meth:`entity`.

    Memory per document is a few bytes per distinct name it uses: names, labels,
    documents and cluster keys are numbered once each, a document's mentions are kept as
    packed integers in arrays (one per distinct name and label, with its count), and
    :meth:`finish` works one document at a time, keeping for each a sorted array of its
    names' numbers and their clusters' numbers.
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer if gazetteer is not None else Gazetteer.default()
        self.rules = _rules()
        self._docs: list[str] = []
        self._doc_index: dict[str, int] = {}
        self._names: list[str] = []
        self._name_index: dict[str, int] = {}
        self._labels: list[str] = []
        self._label_index: dict[str, int] = {}
        # mentions being added: the current document's (name, label) codes and counts, in
        # first-seen order, then flushed into segments (a document, its first entry)
        self._cur_doc = -1
        self._cur: dict[int, int] = {}
        self._seg_doc = array("I")
        self._seg_start = array("I")
        self._codes = array("Q")
        self._counts = array("I")
        self._aliases: dict[tuple[int, int], int] = {}  # (document, alias) -> name
        # after finish: each document's names (ascending numbers) and their cluster keys
        self._span_start = array("I")
        self._span_end = array("I")
        self._pair_name = array("I")
        self._pair_key = array("I")
        self._keys: list[str] = []
        self._finished = False
        self.entities: dict[str, Entity] = {}
        self._key_entity: dict[str, str] = {}
        self._memo: dict[tuple[str, str], str] = {}
        self._compact: dict[tuple[str, str], Entry | None] | None = None

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
        if label == "ORG" and key.endswith(self.rules["registered_forms"]):
            place = self.rules["places"].match(out[-1])
            if place and len(out[-1]) - place.end() >= 2:
                out.append(out[-1][place.end() :])
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

    def reductions(self, name: str, label: str) -> list[str]:
        """The keys other than its own that ``name`` is looked up as: without the suffixes
        the rules strip (公司, App, OS after Chinese …), a registered form's place, a maker's
        name in front of a product.

        >>> NameResolver().reductions("星河科技有限公司", "ORG")
        ['星河科技']
        >>> NameResolver().reductions("百度星河 App", "PRODUCT")
        ['百度星河', '星河app', '星河']
        """
        return self._strip(name_key(name), label)[1:]

    def _without_maker(self, form: str) -> str | None:
        """A product's name without its maker's name in front (高通骁龙 8155 → 骁龙 8155,
        腾讯混元 2.0 → 混元 2.0, 英伟达MX 450 → MX 450), when what follows the maker is a
        gazetteer product of that maker (or of no known maker), or a model written in Latin
        letters and digits after a company; else None."""
        hits = self.gaz.find(form)
        if not hits or hits[0].start != 0:
            return None
        first = hits[0].entry
        if first.type == "ORG":  # 腾讯 + 混元 2.0: two names; 英伟达 + MX 450: a model
            after = hits[1] if len(hits) > 1 else None
            rest = form[hits[0].end :].strip()
            if after is None:
                return rest if first.kind == "company" and _MODEL.fullmatch(rest) else None
            if form[hits[0].end : after.start].strip():
                return None
            product, maker_id = after.entry, first.id
            if product.type == "PRODUCT" and product.parent in (maker_id, None):
                return form[after.start :]
            return None
        maker = self.gaz.entries.get(first.parent or "") if first.type == "PRODUCT" else None
        if maker is None:
            return None
        matched = form[: hits[0].end]  # 高通骁龙: one name that holds its maker's
        for name in sorted(maker.surface_forms, key=len, reverse=True):
            rest = matched[len(name) :].strip()
            if matched.startswith(name) and rest and self.gaz.lookup(rest) is first:
                return form[len(name) :].strip()
        return None

    def _entry(self, ref: EntityRef) -> Entry | None:
        if ref.kb_id and ref.kb_id in self.gaz.entries:
            return self.gaz.entries[ref.kb_id]
        keys = self._strip(name_key(ref.text), ref.label)
        for k in keys:
            if (entry := self.gaz.lookup(k)) is not None:
                return entry
        compact = latin_key(keys[0]) if keys else None
        return self._compact_forms().get((ref.label, compact)) if compact else None

    def _compact_forms(self) -> dict[tuple[str, str], Entry | None]:
        """The gazetteer's Latin-script names without spaces and hyphens, by type (None
        where two entries share one), built on first use."""
        if self._compact is None:
            self._compact = {}
            for entry in self.gaz.entries.values():
                for form in entry.surface_forms:
                    if (compact := latin_key(name_key(form))) is not None:
                        typed = (entry.type, compact)
                        seen = self._compact.setdefault(typed, entry)
                        if seen is not None and seen.id != entry.id:
                            self._compact[typed] = None
        return self._compact

    # -- collection -------------------------------------------------------------------
    @staticmethod
    def _number(value: str, index: dict[str, int], values: list[str]) -> int:
        """The number of ``value`` in ``values``, appended on first sight."""
        n = index.get(value)
        if n is None:
            n = index[value] = len(values)
            values.append(value)
        return n

    def _check_open(self) -> None:
        if self._finished:
            raise RuntimeError("NameResolver: mentions are added before finish(), not after")

    def add(self, doc_id: str, ref: EntityRef) -> None:
        """Record one mention (before :meth:`finish`)."""
        self._check_open()
        doc = self._number(doc_id, self._doc_index, self._docs)
        if doc != self._cur_doc:
            self._flush()
            self._cur_doc = doc
        label = self._number(ref.label, self._label_index, self._labels)
        if label >> _LABEL_BITS:
            raise ValueError(f"NameResolver: more than {1 << _LABEL_BITS} entity labels")
        code = self._number(ref.text, self._name_index, self._names) << _LABEL_BITS | label
        self._cur[code] = self._cur.get(code, 0) + 1

    def _flush(self) -> None:
        """Move the current document's (name, label) counts into the arrays."""
        if self._cur:
            self._seg_doc.append(self._cur_doc)
            self._seg_start.append(len(self._codes))
            self._codes.extend(self._cur)
            self._counts.extend(self._cur.values())
            self._cur.clear()

    def add_alias(self, doc_id: str, name: str, alias: str) -> None:
        """Record that, in one document, ``alias`` names what ``name`` names
        (深度求索（DeepSeek）); before :meth:`finish`."""
        self._check_open()
        if alias != name:
            doc = self._number(doc_id, self._doc_index, self._docs)
            alias_n = self._number(alias, self._name_index, self._names)
            self._aliases[(doc, alias_n)] = self._number(name, self._name_index, self._names)

    def _doc_mentions(
        self, doc: int, first: array[int], nxt: array[int]
    ) -> dict[int, Counter[str]]:
        """One document's names (numbers, in first-seen order) and the labels each was
        added with (counted, in first-seen order), from its segments."""
        seen: dict[int, Counter[str]] = {}
        codes, counts, starts, labels = self._codes, self._counts, self._seg_start, self._labels
        seg = first[doc]
        while seg >= 0:
            stop = starts[seg + 1] if seg + 1 < len(starts) else len(codes)
            for i in range(starts[seg], stop):
                code = codes[i]
                found = seen.get(code >> _LABEL_BITS)
                if found is None:
                    found = seen[code >> _LABEL_BITS] = Counter()
                found[labels[code & ((1 << _LABEL_BITS) - 1)]] += counts[i]
            seg = nxt[seg]
        return seen

    def finish(self) -> None:
        """Resolve every recorded mention into :attr:`entities` (once), one document at a
        time in id order."""
        self._check_open()
        self._flush()
        self._finished = True
        n_docs, names = len(self._docs), self._names
        order = sorted(range(n_docs), key=self._docs.__getitem__)
        first = array("i", [-1]) * n_docs  # each document's segments, in the order added
        nxt = array("i", [-1]) * len(self._seg_doc)
        for seg in range(len(self._seg_doc) - 1, -1, -1):
            nxt[seg] = first[self._seg_doc[seg]]
            first[self._seg_doc[seg]] = seg
        doc_aliases: dict[int, dict[str, str]] = defaultdict(dict)
        for (doc, alias_n), name_n in self._aliases.items():
            doc_aliases[doc][names[alias_n]] = names[name_n]
        corpus_keys: set[str] = set()
        for doc in order:
            for n, labels in self._doc_mentions(doc, first, nxt).items():
                corpus_keys.add(name_key(names[n]) + "\t" + labels.most_common(1)[0][0])
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        surface: dict[str, Counter[str]] = defaultdict(Counter)
        key_number: dict[str, int] = {}
        self._span_start = array("I", [0]) * n_docs
        self._span_end = array("I", [0]) * n_docs
        for doc in order:
            seen = self._doc_mentions(doc, first, nxt)
            by_label: dict[str, set[str]] = defaultdict(set)
            for n, labels in seen.items():
                for label in labels:
                    by_label[label].add(names[n])
            pairs: list[tuple[int, int]] = []
            for n in sorted(seen, key=names.__getitem__):
                text, labels = names[n], seen[n]
                label = labels.most_common(1)[0][0]
                key = self._cluster_key(
                    text, label, by_label, doc_aliases.get(doc, {}), corpus_keys
                )
                votes[key].update(labels)
                surface[key][text] += sum(labels.values())
                pairs.append((n, self._number(key, key_number, self._keys)))
            self._span_start[doc] = len(self._pair_name)
            for n, k in sorted(pairs):
                self._pair_name.append(n)
                self._pair_key.append(k)
            self._span_end[doc] = len(self._pair_name)
        # the mentions as added are no longer needed
        self._codes, self._counts, self._seg_doc, self._seg_start = (
            array("Q"),
            array("I"),
            array("I"),
            array("I"),
        )
        self._aliases.clear()
        self._memo.clear()
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
            ent = self.entities.get(node_id) or self._new_entity(node_id, label, etype, gaz_id)
            ent.aliases.update(surface[key])
            if etype == "PRODUCT":
                ent.aliases.update(filter(None, map(self._without_maker, surface[key])))
            ent.mentions += sum(surface[key].values())
            self.entities[node_id] = ent
            self._key_entity[key] = node_id
        by_key = [self.entities[self._key_entity[key]] for key in self._keys]
        for doc in order:
            for i in range(self._span_start[doc], self._span_end[doc]):
                seen_in = by_key[self._pair_key[i]].doc_indices
                if not seen_in or seen_in[-1] != doc:
                    seen_in.append(doc)

    def _new_entity(self, node_id: str, label: str, etype: str, gaz_id: str = "") -> Entity:
        return Entity(node_id, label, etype, gazetteer_id=gaz_id, doc_names=self._docs)

    def _in_document(
        self, text: str, label: str, names: dict[str, set[str]], aliases: dict[str, str]
    ) -> str:
        """The fuller name ``text`` stands for in its document (whose names by label are
        ``names`` and declared aliases ``aliases``): a declared alias, a given name
        (煜宏 → 刘煜宏) or a model's short name (R1 → DeepSeek-R1; K2 → the gazetteer's
        Kimi K2 where the document names Kimi)."""
        text = aliases.get(text, text)
        doc_names = names.get(label, set())
        if label == "PERSON" and len(text) >= 2:
            fuller = [p for p in doc_names if p != text and p.endswith(text)]
        elif label == "PRODUCT":
            fuller = [
                p
                for p in doc_names
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
        if label == "PRODUCT" and _MODEL_CODE.fullmatch(text):
            # K2 in a document about Kimi: the gazetteer's Kimi K2
            known = [
                entry.name
                for p in sorted(doc_names)
                if (entry := self.gaz.lookup(f"{p} {text}")) is not None and entry.type == "PRODUCT"
            ]
            if known:
                return known[0]
        return self._bilingual(text, label, doc_names) or text

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

    def _cluster_key(
        self,
        text: str,
        label: str,
        names: dict[str, set[str]],
        aliases: dict[str, str],
        corpus_keys: set[str],
    ) -> str:
        """The cluster of a name of one document (its names and aliases: see
        :meth:`_in_document`); past the document's own names, a name's cluster depends on
        the name and label only, and is computed once for each."""
        text = self._in_document(text, label, names, aliases)
        if label == "PRODUCT" and _MODEL_CODE.fullmatch(text):
            text = self._with_maker(text, names.get("ORG", set()), corpus_keys) or text
        key = self._memo.get((text, label))
        if key is None:
            key = self._memo[(text, label)] = self._name_cluster(text, label, corpus_keys)
        return key

    def _with_maker(self, code: str, orgs: set[str], corpus_keys: set[str]) -> str | None:
        """A model code written alone (P5) in a document that names its maker, as another
        document writes it with the maker's name (小鹏P5, 小鹏 P5): the one such product the
        corpus has for the document's organisations, or None (none, or more than one)."""
        forms = set(orgs)
        for org in orgs:
            entry = self.gaz.lookup(org)
            if entry is not None and entry.type == "ORG":
                forms.update(entry.surface_forms)
        found = {
            name
            for form in forms
            for name in (f"{form}{code}", f"{form} {code}")
            if f"{name_key(name)}\tPRODUCT" in corpus_keys
        }
        keys = {name_key(n) for n in found}
        return min(found) if len(keys) == 1 else None

    def _name_cluster(self, text: str, label: str, corpus_keys: set[str]) -> str:
        entry = self._entry(EntityRef(text, label, "", 0, 0))
        if entry is not None:
            return f"gaz:{entry.id}"
        if (versioned := self._version_key(text, label)) is not None:
            return versioned
        variants = self._strip(name_key(text), label)
        for k in variants[1:]:
            if f"{k}\t{label}" in corpus_keys:
                return f"name:{k}"
        key = variants[0] if variants else text
        return f"name:{latin_key(key) or key}"

    def entity(self, doc_id: str, ref: EntityRef) -> Entity:
        """The resolved entity of a mention (a mention not seen by :meth:`add` is resolved
        on the spot by gazetteer or name)."""
        key = None
        doc, name = self._doc_index.get(doc_id), self._name_index.get(ref.text)
        if doc is not None and name is not None and doc < len(self._span_start):
            hi = self._span_end[doc]
            i = bisect_left(self._pair_name, name, self._span_start[doc], hi)
            if i < hi and self._pair_name[i] == name:
                key = self._keys[self._pair_key[i]]
        if key is None:
            entry = self._entry(ref)
            key = f"gaz:{entry.id}" if entry else f"name:{name_key(ref.text)}"
        node_id = self._key_entity.get(key)
        if node_id is None:
            entry = self.gaz.entries.get(key[4:]) if key.startswith("gaz:") else None
            label, etype = (entry.name, entry.type) if entry else (ref.text, ref.label)
            node_id = f"{etype}:{label}"
            self.entities.setdefault(node_id, self._new_entity(node_id, label, etype))
            self._key_entity[key] = node_id
        return self.entities[node_id]


def _display(forms: Counter[str], key: str) -> str:
    """The display label of a name cluster: its most frequent form whose key is the
    cluster's (else its most frequent form), without quotes; on a tie the shortest, but the
    most spaced Latin spelling (iPhone 14, not iPhone14)."""
    exact = [f for f in forms if name_key(f) == key or latin_key(name_key(f)) == key]
    exact = exact or list(forms)
    spaced = latin_key(key) is not None
    best = min(exact, key=lambda f: (-forms[f], -len(f) if spaced else len(f), f))
    return best.strip("「」『』《》“”\"' ")
