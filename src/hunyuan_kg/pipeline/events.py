"""``hkg_events``: dated happenings from trigger words and the entities around them.

The trigger lexicon, argument roles, planned/denied cues and clause breaks are language
data in ``data/events/zh.yml``. For each trigger the component reads, in the trigger's
clause first and then in its sentence:

* the agent: the nearest fitting entity before the trigger in its clause, else the
  sentence's subject, by label preference;
* the theme: the nearest fitting entity after it, else before it; a coordinated clause
  (``并宣布…开放``) may take it from earlier clauses, a listing clause (包括 A 和 B) adds
  themes;
* extra participants (investors);
* the date: the nearest calendar or vague date outside entity names; a sentence opening
  with 同日/当天/随后 takes the previous sentence's date.

A speaker's 我 in an interview turn (``刘煜宏：我 05 年加入的``) is the speaker;
join/depart events without an organisation take the last one named before. Named events
(2023 全球数字生态大会) with a date are conference events. A trigger with no participant
is no event.

>>> import hunyuan_kg
>>> nlp = hunyuan_kg.load()
>>> doc = nlp.make_doc("2024 年 5 月 30 日，腾讯推出元宝 App。"); doc._.doc_id = "d"
>>> [(e.type, e.date, [p.text for p, _ in e.participants]) for e in nlp(doc)._.events]
[('launch', '2024-05-30', ['腾讯', '元宝 App'])]
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import Gazetteer
from ..resources import alternation, data_path, read_yaml
from . import extensions
from .anaphora import most_mentioned
from .extensions import doc_text
from .refs import EntityRef, span_identity
from .relations import lexicon as relation_lexicon
from .sentences import within
from .turns import SPEAKER, is_publisher_turn, is_turn_label

extensions.register()

_BRACKET = re.compile(r"[（(）)]")

#: Event types reported as one class when merging and scoring (a release is a launch).
EVENT_CLASS = {"release": "launch"}


@dataclass(slots=True)
class EventCandidate:
    """One event read from one sentence."""

    type: str
    trigger: str
    start: int
    end: int
    sentence: tuple[int, int]
    status: str
    participants: list[tuple[EntityRef, str]] = field(default_factory=list)
    date: str | None = None
    granularity: str | None = None
    date_text: str = ""
    object_text: str = ""
    # the clause as written, for events read from a clause rather than a trigger template
    title: str = ""


@dataclass(frozen=True, slots=True)
class _Lexicon:
    trigger_rx: re.Pattern[str]
    trigger_type: dict[str, str]
    # triggers typed by the name before them (上市): label -> (type, at most this far)
    by_label: dict[str, dict[str, tuple[str, int]]]
    types: dict[str, dict[str, Any]]
    not_trigger_rx: re.Pattern[str]
    publication_rx: re.Pattern[str]  # a trigger whose object is a text (发布了一份报告)
    planned: re.Pattern[str]
    planned_after: re.Pattern[str]
    since_event: re.Pattern[str]
    denied: re.Pattern[str]
    cue_window: int
    clause_rx: re.Pattern[str]
    aside_rx: re.Pattern[str]
    book_title_rx: re.Pattern[str]
    carry: tuple[str, ...]
    chain_marks: tuple[str, ...]
    carry_before: re.Pattern[str]
    passive_by: re.Pattern[str]
    attributive_after: tuple[str, ...]
    stative: frozenset[str]
    skip_after: tuple[str, ...]
    source_after: re.Pattern[str]
    vague_at_dct: frozenset[str]
    headline_date_text: str
    own_time: re.Pattern[str]
    as_of: tuple[str, ...]
    since_after: tuple[str, ...]
    until_after: tuple[str, ...]
    object_events: frozenset[str]
    coordination: tuple[str, ...]
    theme_lists: tuple[str, ...]
    named_event_type: str
    named_event_edition: re.Pattern[str]  # a year or 第 N 届 in a named event's name
    series_organisers: dict[str, str]
    possessed: re.Pattern[str]
    conjunction: re.Pattern[str]
    object_phrase: re.Pattern[str]
    not_subject_before: tuple[str, ...]

    def type_of(self, text: str, start: int, end: int, ents: Iterable[Span]) -> str | None:
        """The event type of the trigger at ``text[start:end]``; for a trigger of
        ``by_label`` (上市), the type its table gives the label of the last of ``ents``
        before it in its clause, when that name is at most the table's distance and no
        other trigger away (a product 上市 is a launch, a company 上市 a listing), or None."""
        word = text[start:end].lower()
        table = self.by_label.get(word)
        if table is None:
            return self.trigger_type[word]
        before = [e for e in ents if e.end_char <= start]
        if not before or before[-1].label_ not in table:
            return None
        name = before[-1]
        etype, gap = table[name.label_]
        if (
            start - name.end_char > gap
            or self.clause_rx.search(text, name.end_char, start)
            or self.trigger_rx.search(text, name.end_char, start)
        ):
            return None  # (正在与瑞银集团合作安排上市事宜: the bank is no lister)
        return etype

    def status(self, window: str) -> str:
        """denied, planned or happened, by the cues in ``window`` (denial checked first); a
        cue inside a title in 《》 is the title's word (通过《某某计划》 happened)."""
        window = self.book_title_rx.sub("《》", window)
        if self.denied.search(window):
            return "denied"
        if self.planned.search(window):
            return "planned"
        return "happened"


def cued_names(
    lex: _Lexicon, text: str, sent: tuple[int, int], ents: list[Span], extra: dict[str, Any]
) -> list[Span]:
    """The entities of a sentence that an event type's ``extra`` names as participants of
    their own (a funding round's investors): those with a cue right after them or after
    the enumeration they close, adverbs allowed (由阿里巴巴领投, 红杉、高瓴又跟投了), those of
    an enumeration after 由 (由红杉中国、高瓴、中金共同完成), and those in the clause after a
    cue (投资方包括
    阿里巴巴、红杉中国和小红书). Both event components keep them from being the agent."""
    cues = tuple(extra["cues"])
    adverbs = _cue_adverbs(tuple(extra.get("cue_adverbs", ())))
    after_cue: list[tuple[int, int]] = []
    for cue in extra.get("cues_before", ()):
        at = text.find(cue, sent[0], sent[1])
        if at != -1:
            end = lex.clause_rx.search(text, at + len(cue), sent[1])
            after_cue.append((at + len(cue), end.start() if end else sent[1]))
    named = [e for e in ents if e.label_ in extra["labels"]]
    out: list[Span] = []
    group: list[Span] = []
    for i, e in enumerate(named):
        group.append(e)
        nxt = named[i + 1] if i + 1 < len(named) else None
        if nxt is not None and lex.conjunction.fullmatch(text, e.end_char, nxt.start_char):
            continue  # the enumeration goes on (红杉、高瓴和中金)
        first = group[0].start_char
        gap = adverbs.match(text, e.end_char, sent[1])  # matches, empty at least
        if text.startswith(cues, gap.end() if gap else e.end_char) or text[
            max(sent[0], first - 3) : first
        ].rstrip().endswith("由"):
            out += group
        else:
            out += [g for g in group if any(lo <= g.start_char < hi for lo, hi in after_cue)]
        group = []
    return out


@cache
def _cue_adverbs(words: tuple[str, ...]) -> re.Pattern[str]:
    """Spaces and ``words`` (又, 联合 …) between a name and its cue."""
    return re.compile(rf"\s*(?:(?:{alternation(words)})\s*)*" if words else r"\s*")


def clause_breaks(
    lex: _Lexicon, text: str, lo: int, hi: int, sheltered: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """The clause breaks of ``text[lo:hi]`` outside the ``sheltered`` spans (a short aside, a
    title in 《》: 发布了《关于…（试行）》 is one clause)."""
    for m in lex.clause_rx.finditer(text, lo, hi):
        if not any(a <= m.start() < b for a, b in sheltered):
            yield m


def span_mask(length: int, spans: Iterable[tuple[int, int]]) -> bytearray:
    """A byte per character of a text of ``length``: 1 inside one of ``spans``."""
    mask = bytearray(length + 1)
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask


_BLOCKED: weakref.WeakKeyDictionary[Doc, bytearray] = weakref.WeakKeyDictionary()


def no_trigger_mask(lex: _Lexicon, doc: Doc) -> bytearray:
    """A byte per character of ``doc``'s text, 1 where no trigger may be: inside a longer
    word that is none (发布会, ``not_triggers``) or a 《title》 (a work's title says nothing
    that happened: 《…xAI 融资 60 亿美金》). Built once per Doc, for both event components."""
    mask = _BLOCKED.get(doc)
    if mask is None:
        text = doc_text(doc)
        spans = chain(lex.not_trigger_rx.finditer(text), lex.book_title_rx.finditer(text))
        mask = _BLOCKED[doc] = span_mask(len(text), (m.span() for m in spans))
    return mask


def triggers_in(
    lex: _Lexicon, text: str, lo: int, hi: int, blocked: bytearray, ent_chars: bytearray
) -> Iterator[re.Match[str]]:
    """The lexicon triggers in ``text[lo:hi]`` that stand for an event: not inside a
    longer non-trigger word (``blocked``: 发布会), an entity name (all of the trigger: 登陆纽交所
    names 纽交所 and is a trigger), or a Latin word."""
    for m in lex.trigger_rx.finditer(text, lo, hi):
        start, end = m.span()
        if any(blocked[start:end]) or all(ent_chars[start:end]):
            continue
        if not _ascii_word_edge(text, start, end):
            yield m


def bounds_time(lex: _Lexicon, text: str, date: Span) -> bool:
    """Whether ``date`` ends a reporting period (截至 2024 年 3 月 31 日) or bounds a stretch
    of time (2019 年以来; 去年之前, before the document date): the state of things then, not
    the day anything happened. A deadline after the document date (明年 3 月之前) is no bound."""
    before = text[max(0, date.start_char - 6) : date.start_char].rstrip()
    after = text[date.end_char : date.end_char + 3].lstrip()
    if before.endswith(lex.as_of) or after.startswith(lex.since_after):
        return True
    if not after.startswith(lex.until_after):
        return False
    dct, span = date.doc._.dct, date._.date.bounds()
    return dct is None or span is None or span[1] < dct


def modifier_only(lex: _Lexicon, text: str, start: int, end: int) -> bool:
    """Whether a name at ``start:end`` follows a word that makes it a modifier, a channel or
    a source rather than an argument (基于…, 通过…, 据…报道), or is a source by what follows
    it (天眼查显示，…; 某协会的数据显示，…)."""
    return text[max(0, start - 3) : start].rstrip().endswith(lex.skip_after) or bool(
        lex.source_after.match(text, end)
    )


@cache
def lexicon() -> _Lexicon:
    """The compiled trigger lexicon."""
    raw = read_yaml(data_path("events", "zh.yml"))
    trigger_type = {t: name for name, spec in raw["types"].items() for t in spec["triggers"]}
    by_label = {
        t.lower(): {label: (str(v["type"]), int(v["gap"])) for label, v in table.items()}
        for t, table in raw.get("typed_by_label", {}).items()
    }
    triggers = alternation([*trigger_type, *by_label])

    return _Lexicon(
        trigger_rx=re.compile(rf"(?:{triggers})", re.IGNORECASE),
        trigger_type={k.lower(): v for k, v in trigger_type.items()},
        by_label=by_label,
        types=raw["types"],
        not_trigger_rx=re.compile(
            rf"{alternation(raw['not_triggers'])}|(?:{triggers})(?=(?:{raw['message_object']}))"
            rf"|(?:{triggers})(?={raw['time_since_after']})"
            rf"|(?<={raw['anaphoric_before']})(?:{triggers})",
            re.IGNORECASE,
        ),
        publication_rx=re.compile(rf"(?:{triggers})(?:{raw['message_object']})", re.IGNORECASE),
        planned=re.compile("|".join(raw["planned"])),
        planned_after=re.compile(raw["planned_after"]),
        denied=re.compile("|".join(raw["denied"])),
        cue_window=int(raw["cue_window"]),
        clause_rx=re.compile(raw["clause_breaks"]),
        aside_rx=re.compile(raw["aside"]),
        book_title_rx=re.compile(raw["book_title"]),
        carry=tuple(raw["carry_date"]),
        chain_marks=tuple(raw["chain_marks"]),
        carry_before=re.compile(alternation(raw["carry_date_before_trigger"])),
        passive_by=re.compile(raw["passive_by"]),
        attributive_after=tuple(raw["attributive_after"]),
        since_event=re.compile(raw["since_event"]),
        stative=frozenset(raw["stative_triggers"]),
        skip_after=tuple(raw["skip_after"]),
        source_after=re.compile(raw["source_after"]),
        vague_at_dct=frozenset(raw["vague_at_dct"]),
        headline_date_text=str(raw["headline_date_text"]),
        own_time=re.compile(alternation(raw["own_time_words"])),
        as_of=tuple(raw["as_of"]),
        since_after=tuple(raw["since_after"]),
        until_after=tuple(raw["until_after"]),
        object_events=frozenset(raw["object_events"]),
        coordination=tuple(raw["coordination"]),
        theme_lists=tuple(raw["theme_lists"]),
        named_event_type=raw["named_event_type"],
        named_event_edition=re.compile(raw["named_event_edition"]),
        series_organisers=dict(raw["series_organisers"]),
        possessed=re.compile(raw["possessed"]),
        conjunction=re.compile(raw["conjunction"]),
        object_phrase=re.compile(raw["object_phrase"]),
        not_subject_before=tuple(raw["not_subject_before"]),
    )


def _ascii_word_edge(text: str, start: int, end: int) -> bool:
    """True when an ASCII trigger touches other ASCII letters (launch inside launcher)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return (text[start].isascii() and (before.isascii() and before.isalpha())) or (
        text[end - 1].isascii() and after.isascii() and after.isalpha()
    )


@dataclass(slots=True)
class _Sentence:
    """What a trigger needs to know of its sentence."""

    index: int
    start: int
    end: int
    ents: list[Span]
    dates: list[Span]
    prev_date: tuple[str, str, str] | None
    # in an interviewee's answer: the organisation the article is about (we = the company)
    company: Span | None = None
    # the entities that can be arguments, found once per sentence (not once per trigger)
    usable: list[Span] | None = None
    # the publication date, for a sentence of the article's headline: what a headline
    # reports happened when it was published (百度发布文心4.5 over an article of that day)
    headline_date: str | None = None
    # the short bracketed asides of the sentence, found once (see EventExtractor._clause)
    asides: list[tuple[int, int]] | None = None
    # the spans that hold no clause break: asides and titles in 《》, found once
    sheltered: list[tuple[int, int]] | None = None
    # the last date of the sentences before it that a semicolon joins to it (2021 年，A 发布
    # 了 X；Y 发布并开源), which date its undated clauses as one sentence would
    chain_date: tuple[str, str, str] | None = None


class EventExtractor:
    """Finds triggers and fills their arguments; results go to ``doc._.events``."""

    def __init__(self, gazetteer: Gazetteer | None) -> None:
        self.lex = lexicon()
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lex
        text = doc_text(doc)
        blocked = no_trigger_mask(lex, doc)
        source = doc._.source
        ents = [
            e for e in doc.ents if not is_publisher_turn(text, e.start_char, e.end_char, source)
        ]
        ent_chars = span_mask(len(text), ((e.start_char, e.end_char) for e in ents))
        dates = [
            s
            for s in doc.spans.get("dates", [])
            if s._.date.value
            and s._.date.kind in ("date", "vague")
            and not any(ent_chars[s.start_char : s.end_char])
        ]
        events: list[EventCandidate] = doc._.events
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        # a name labelling an interview turn (张鹏：…) is no argument of what follows it
        args = [e for e in ents if not is_turn_label(text, e.start_char, e.end_char)]
        answers = _answer_lines(text, ents)
        ent_starts = [e.start_char for e in args]
        dates.sort(key=lambda d: d.start_char)
        date_starts = [d.start_char for d in dates]
        prev_date: tuple[str, str, str] | None = None
        chain_date: tuple[str, str, str] | None = None
        headline, dct = doc._.headline, doc._.dct
        for si, (s_start, s_end) in enumerate(sents):
            in_answer = bool(answers) and _in_answer(answers, s_start)
            sent = _Sentence(
                si,
                s_start,
                s_end,
                args[within(ent_starts, s_start, s_end)],
                dates[within(date_starts, s_start, s_end)],
                prev_date,
                most_mentioned([e for e in ents if e.label_ == "ORG" and e.end_char <= s_start])
                if in_answer
                else None,
                chain_date=chain_date,
                headline_date=dct.isoformat() if dct and s_start < headline else None,
            )
            for m in triggers_in(lex, text, s_start, s_end, blocked, ent_chars):
                start, end = m.span()
                etype = lex.type_of(text, start, end, sent.ents)
                if etype is None:
                    continue
                if (ev := self._event(text, ents, sents, sent, etype, start, end)) is not None:
                    events.append(ev)
            events.extend(self._named_events(text, sent))
            prev_date = None
            if sent.dates:
                d = sent.dates[-1]._.date
                prev_date = (d.value, d.granularity, d.text)
            joined = text[s_start:s_end].rstrip().endswith(lex.chain_marks)
            chain_date = (prev_date or chain_date) if joined else None
        return doc

    def _clause(self, text: str, sent: _Sentence, start: int, end: int) -> tuple[int, int]:
        """The clause around ``start:end``: between the breaks before and after it, where a
        short aside in brackets breaks nothing (陈航（花名：无招）离任, 小米（01810.HK）发布)."""
        if sent.asides is None:
            sent.asides = [m.span() for m in self.lex.aside_rx.finditer(text, sent.start, sent.end)]
            books = self.lex.book_title_rx.finditer(text, sent.start, sent.end)
            sent.sheltered = sent.asides + [m.span() for m in books]
        asides, sheltered = sent.asides, sent.sheltered or []
        for a, b in asides:
            if a < start < b:
                return a + 1, b - 1  # a trigger inside an aside: the aside is its clause
        left = sent.start
        for m in clause_breaks(self.lex, text, sent.start, start, sheltered):
            left = m.end()
        right_m = next(clause_breaks(self.lex, text, end, sent.end, sheltered), None)
        return left, right_m.start() if right_m else sent.end

    def _kind(self, ent: Span) -> str | None:
        """The gazetteer kind of an entity (exchange, company …), or None."""
        entry = self.gazetteer.entries.get(ent.kb_id_) if self.gazetteer is not None else None
        return entry.kind if entry is not None else None

    def _skipped(self, text: str, ent: Span) -> bool:
        return modifier_only(self.lex, text, ent.start_char, ent.end_char)

    def _event(
        self,
        text: str,
        ents: list[Span],
        sents: list[tuple[int, int]],
        sent: _Sentence,
        etype: str,
        start: int,
        end: int,
    ) -> EventCandidate | None:
        spec = self.lex.types[etype]
        c_left, c_right = self._clause(text, sent, start, end)
        if text[start:end] in spec.get("passive_triggers", ()) and not any(
            m in text[c_left:start] for m in spec["passive_markers"]
        ):
            return None  # 星河科技解雇了林远: the firer is no one who left
        if sent.usable is None:
            sent.usable = [e for e in sent.ents if not self._skipped(text, e)]
        usable = sent.usable
        asides = [(a, b) for a, b in sent.asides or [] if not a < start < b]
        in_clause = [
            e
            for e in usable
            if c_left <= e.start_char
            and e.end_char <= c_right
            # a name inside an aside glosses the one before it: no argument of its own
            # (unless the trigger is in that aside too)
            and not any(a < e.start_char and e.end_char < b for a, b in asides)
        ]

        def before(pool: list[Span], labels: list[str]) -> Span | None:
            for label in labels:
                cands = [e for e in pool if e.end_char <= start and e.label_ == label]
                if cands:
                    return cands[-1]
            return None

        def after(pool: list[Span], labels: list[str]) -> Span | None:
            cands = [e for e in pool if e.start_char >= end and e.label_ in labels]
            return cands[0] if cands else None

        extra = spec.get("extra")
        # a funding round's investors are named in its clause, never its agent (由软银领投的
        # C 轮融资, 由红杉、高瓴共同完成的融资: the company that raised is someone else)
        cued = cued_names(self.lex, text, (sent.start, sent.end), sent.ents, extra) if extra else []
        # where it happens, by the gazetteer's kind (a listing's exchange): neither agent
        # nor theme (星河科技挂牌港交所 lists 星河科技)
        venues = [e for e in in_clause if self._kind(e) in spec.get("venue_kinds", ())]
        # names that are neither agent nor theme, wherever the sentence writes them (某资本
        # 最近领投的 X……某资本领投了其 A 轮融资: the investor raised nothing)
        named_aside = {span_identity(e) for e in cued + venues}
        aside = [e for e in usable if span_identity(e) in named_aside]
        pool = [e for e in in_clause if e not in aside]
        # what follows 对 is acted on (某资本完成对星河科技的收购): never the agent
        objects = [
            e
            for e in pool
            if text[max(c_left, e.start_char - 2) : e.start_char].rstrip().endswith("对")
        ]
        agent = before([e for e in pool if e not in objects], spec["agent"]) or self._subject(
            text, [e for e in usable if e not in aside], c_left, spec["agent"]
        )
        if (
            agent is None
            and "ORG" in spec["agent"]
            and sent.company is not None
            and sent.company not in aside
        ):
            agent = sent.company  # 张鹏：我们去年完成了融资 / 去年 9 月推出了……
        if agent is None and "PERSON" in spec["agent"]:
            agent = self._speaker(text, ents, sent) or self._pronoun(
                text, ents, sents, sent, c_left, start
            )
        # nor the agent named again (华为做车……当时华为正式成立…: 华为 founds no 华为)
        rest = [e for e in pool if agent is None or span_identity(e) != span_identity(agent)]
        theme = after(rest, spec["theme"]) or before(rest, spec["theme"])
        if spec.get("subject_theme") and (by := self.lex.passive_by.search(text, c_left, start)):
            heads = [e for e in rest if e.end_char <= by.start() and e.label_ in spec["theme"]]
            theme = heads[-1] if heads else theme
        if theme is not None:
            theme = self._head_of(text, theme, rest)
        if (
            theme is None
            and spec.get("subject_theme")
            and (agent is None or agent.label_ != "PERSON")
            and self._object(text, end, c_right)
        ):
            return None  # 星河科技……成立远帆半导体: what was founded is the unknown object
        if theme is None:
            theme = self._theme_elsewhere(text, ents, sents, sent, spec, etype, c_left, agent)
        if theme is None and agent is not None and agent.label_ in spec.get("agent_is_theme", ()):
            agent, theme = None, agent
        participants: list[tuple[EntityRef, str]] = []
        if agent is not None:
            participants.append((EntityRef.from_span(agent), "agent"))
        elif (
            theme is not None
            and theme.label_ == "EVENT"
            and (organiser := self._organiser(theme)) is not None
        ):
            participants.append((organiser, "agent"))
        if theme is not None and theme is not agent:
            participants += [
                (EntityRef.from_span(t), "theme")
                for t in self._conjoined(text, theme, rest, backward=agent is None)
            ]
        for listed in self._listed(text, sent, c_right, spec["theme"], {agent, theme}):
            participants.append((EntityRef.from_span(listed), "theme"))
            theme = theme or listed
        if extra:
            participants += [
                (EntityRef.from_span(e), str(extra["role"]))
                for e in cued
                if e is not agent and e is not theme
            ]
        participants += [(EntityRef.from_span(e), "venue") for e in venues]
        if not participants or any(
            role not in {r for _, r in participants} for role in spec.get("requires", ())
        ):
            return None
        ev = EventCandidate(
            type=etype,
            trigger=text[start:end],
            start=start,
            end=end,
            sentence=(sent.start, sent.end),
            status=self._status(text, c_left, start, end),
            participants=participants,
            object_text=self._object(text, end, c_right) if theme is None else "",
        )
        self._date(ev, text, c_left, c_right, sent)
        if theme is None and "extra" not in spec and not self._names_something(ev):
            return None
        return ev

    def _names_something(self, ev: EventCandidate) -> bool:
        """A theme-less event needs a date and an object that names something: 发布产品
        names nothing, 接任首席执行官 names a post."""
        obj = ev.object_text
        if ev.date is None or not obj or obj.startswith(self.lex.as_of):
            return False  # 发布截至 6 月 30 日的…: a reporting period, not a thing
        if any(
            self.lex.trigger_type.get(m.group().lower()) in self.lex.object_events
            for m in self.lex.trigger_rx.finditer(obj)
        ):
            return False  # 发布第四季度财报: the object is a report, an event of its own
        return not Gazetteer.default().is_stopword(obj) or bool(
            relation_lexicon().title.fullmatch(obj)
        )

    def _subject(self, text: str, pool: list[Span], c_left: int, labels: list[str]) -> Span | None:
        """The sentence's subject for a trigger whose clause names no agent: its first
        fitting entity before the clause (美团昨晚在港交所发布公告，宣布…收购光年之外: 美团)
        that does not own the next one (字节跳动旗下的…火山引擎: 火山引擎)."""
        for label in labels:
            for e in pool:
                after = text[e.end_char : e.end_char + 3].lstrip()
                owner = after.startswith(self.lex.not_subject_before)
                if e.end_char <= c_left and e.label_ == label and not owner:
                    return e
        return None

    def _theme_elsewhere(
        self,
        text: str,
        ents: list[Span],
        sents: list[tuple[int, int]],
        sent: _Sentence,
        spec: dict[str, Any],
        etype: str,
        c_left: int,
        agent: Span | None,
    ) -> Span | None:
        """A theme outside the trigger's clause: the sentence subject (``subject_theme``),
        the earlier clauses' theme in a coordinated clause, the organisation just named
        (join/depart)."""
        labels = spec["theme"]
        # never a modifier or a source (据彭博社报道, 天眼查显示)
        usable = sent.usable if sent.usable is not None else sent.ents
        earlier = [e for e in usable if e.end_char <= c_left and e is not agent]
        if spec.get("subject_theme"):
            first = next((e for e in usable if e.label_ in labels and e is not agent), None)
            if first is not None and first.end_char <= c_left:
                return first
        lister = agent is not None and agent.label_ in spec.get("agent_is_theme", ())
        if not lister and text[c_left : c_left + 100].lstrip().startswith(self.lex.coordination):
            # (not when the agent is what the event is about: 星河科技拿下北辰的订单，并计划
            # 上市 lists 星河科技)
            fitting = [e for e in earlier if e.label_ in labels]
            if fitting:
                return fitting[-1]
        if etype in ("join", "depart"):
            return self._recent(ents, sents, sent.index, "ORG")
        return None

    def _object(self, text: str, end: int, c_right: int) -> str:
        """The object phrase after a trigger, or "" when what follows is not one."""
        if not self.lex.object_phrase.match(text, end, c_right):
            return ""
        # up to a bracket: an aside (以下简称…) is no part of the object
        phrase = _BRACKET.split(text[end:c_right], maxsplit=1)[0]
        return phrase.strip().removeprefix("了").removeprefix("出").strip()[:24]

    def _head_of(self, text: str, theme: Span, pool: list[Span]) -> Span:
        """The owned entity when the theme owns the next one (开源通义千问的通用模型 Qwen-7B:
        the theme is Qwen-7B)."""
        for nxt in pool:
            if nxt.start_char >= theme.end_char and nxt.label_ == theme.label_:
                if self.lex.possessed.fullmatch(text, theme.end_char, nxt.start_char):
                    return self._head_of(text, nxt, pool)
                break
        return theme

    def _conjoined(
        self, text: str, theme: Span, pool: list[Span], backward: bool = False
    ) -> list[Span]:
        """The theme and the entities enumerated with it, after it (Qwen-7B 和对话模型
        Qwen-7B-Chat) and, with ``backward``, products before it (云帆、北斗为全球首发: an
        event without an agent; with one, a list before it names others' products), the
        theme first."""
        out = [theme]
        for nxt in pool:
            if nxt.start_char < out[-1].end_char or nxt.label_ != theme.label_:
                continue
            if not self.lex.conjunction.fullmatch(text, out[-1].end_char, nxt.start_char):
                break
            out.append(nxt)
        first = theme
        for prev in reversed(pool if backward and theme.label_ == "PRODUCT" else []):
            if prev.end_char > first.start_char or prev.label_ != theme.label_:
                continue
            if not self.lex.conjunction.fullmatch(text, prev.end_char, first.start_char):
                break
            out.append(prev)
            first = prev
        return out

    def _listed(
        self, text: str, sent: _Sentence, c_right: int, labels: list[str], taken: set[Any]
    ) -> list[Span]:
        """Entities of the clause after the trigger's when it lists them (包括 A 和 B)."""
        if not text[c_right + 1 : sent.end].lstrip().startswith(self.lex.theme_lists):
            return []
        nxt = self.lex.clause_rx.search(text, c_right + 1, sent.end)
        end = nxt.start() if nxt else sent.end
        return [
            e
            for e in sent.ents
            if c_right < e.start_char
            and e.end_char <= end
            and e.label_ in labels
            and e not in taken
        ]

    def _named_events(self, text: str, sent: _Sentence) -> list[EventCandidate]:
        """A named event (大会, 峰会) with a date in its sentence happened then; an
        organisation named inside it organised it. Without an organiser or an edition in its
        name it needs a clause that says it was held (某某论坛上发布 describes a place)."""
        out = []
        for ent in sent.ents:
            if ent.label_ != "EVENT":
                continue
            c_left, c_right = self._clause(text, sent, ent.start_char, ent.end_char)
            ev = EventCandidate(
                type=self.lex.named_event_type,
                trigger=ent.text,
                start=ent.start_char,
                end=ent.end_char,
                sentence=(sent.start, sent.end),
                status="happened",
                participants=[(EntityRef.from_span(ent), "theme")],
            )
            self._date(ev, text, c_left, c_right, sent)
            if ev.date is None:
                continue
            if (organiser := self._organiser(ent)) is not None:
                ev.participants.insert(0, (organiser, "agent"))
            elif not self.lex.named_event_edition.search(ent.text) and not any(
                self.lex.trigger_type.get(t.group().lower()) == ev.type
                for t in self.lex.trigger_rx.finditer(text, c_left, c_right)
            ):
                continue  # 在一个俄语网络犯罪论坛上: a description, nothing held
            out.append(ev)
        return out

    def _organiser(self, ent: Span) -> EntityRef | None:
        """The organisation named inside an event's name (腾讯全球数字生态大会 → 腾讯), else
        the known organiser of the conference series (2023 全球数字生态大会 → 腾讯)."""
        if self.gazetteer is None:
            return None
        for m in self.gazetteer.find(ent.text):
            if m.entry.type == "ORG":
                start = ent.start_char + m.start
                return EntityRef(m.entry.name, "ORG", m.entry.id, start, ent.start_char + m.end)
        for series, org in self.lex.series_organisers.items():
            if series in ent.text and (entry := self.gazetteer.lookup(org)) is not None:
                return EntityRef(entry.name, "ORG", entry.id, ent.start_char, ent.start_char)
        return None

    def _status(self, text: str, c_left: int, start: int, end: int) -> str:
        status = self.lex.status(text[max(c_left, start - self.lex.cue_window) : start])
        if status == "happened" and self.lex.planned_after.match(text, end):
            return "planned"  # 启动上市计划, 安排上市事宜: a plan, not the event
        return status

    def _date(
        self, ev: EventCandidate, text: str, c_left: int, c_right: int, sent: _Sentence
    ) -> None:
        dates = [d for d in sent.dates if not bounds_time(self.lex, text, d)]
        if self.lex.types[ev.type].get("reports_period"):
            # 一季度业绩, 2023 年财报: the period reported on, not the day of the report
            dates = [d for d in dates if d._.date.granularity in ("day", "week", "month")]
        in_clause = [d for d in dates if c_left <= d.start_char < c_right]
        if text.startswith(self.lex.attributive_after, ev.end):
            # 2023 年创办的零一万物今天开源了…: what follows 的 dates the main predicate
            in_clause = [d for d in in_clause if d.end_char <= ev.start]
        vague = [d for d in in_clause if d._.date.kind == "vague"]
        if any(d.text not in self.lex.vague_at_dct for d in vague):
            return  # 前段时间, 此前 …: a time of its own, not a calendar date
        borrow = not (
            self.lex.own_time.search(text, c_left, c_right)
            or text.startswith(self.lex.attributive_after, ev.end)
            or ev.trigger in self.lex.stative
        )
        pool = in_clause or [d for d in dates if d.end_char <= c_left and borrow]
        if pool:
            before = [d for d in pool if d.end_char <= ev.start]
            best = before[-1] if before else pool[0]
            mention = best._.date
            ev.date, ev.granularity, ev.date_text = mention.value, mention.granularity, best.text
            if not in_clause and ev.status == "happened":
                # a date borrowed from an earlier clause brings its plan along: 张勇将于 9 月
                # 10 日卸任，由蔡崇信接任董事会主席 — the succession is planned too
                cue_from = max(sent.start, best.start_char - self.lex.cue_window)
                if self.lex.planned.search(text, cue_from, best.start_char):
                    ev.status = "planned"
        elif sent.headline_date and ev.type != self.lex.named_event_type:
            # (a conference a headline names was held before the article, not on its day)
            ev.date, ev.granularity = sent.headline_date, "day"
            ev.date_text = self.lex.headline_date_text
        elif sent.chain_date and borrow and not sent.dates:
            ev.date, ev.granularity, ev.date_text = sent.chain_date
        elif sent.prev_date and (
            text[sent.start : sent.end].lstrip().startswith(self.lex.carry)
            or (
                borrow
                and not sent.dates
                and self.lex.carry_before.search(text, sent.start, ev.start)
            )
        ):
            ev.date, ev.granularity, ev.date_text = sent.prev_date

    @staticmethod
    def _speaker(text: str, ents: list[Span], sent: _Sentence) -> Span | None:
        """The PERSON who speaks an interview line (``刘煜宏：我…``) when the line has 我."""
        line_start = text.rfind("\n", 0, sent.start) + 1
        line_end = text.find("\n", sent.start)
        line = text[line_start : line_end if line_end != -1 else len(text)]
        m = SPEAKER.match(line)
        if not m or "我" not in text[sent.start : sent.end]:
            return None
        for ent in ents:
            if ent.label_ == "PERSON" and ent.start_char == line_start + m.start("name"):
                return ent
        return None

    def _pronoun(
        self,
        text: str,
        ents: list[Span],
        sents: list[tuple[int, int]],
        sent: _Sentence,
        c_left: int,
        start: int,
    ) -> Span | None:
        """The person a 他/她 (the PERSON pronoun of ``data/relations/rules.yml``) before the
        trigger in its clause stands for: the last one named in the sentence or the three
        before it (2019 年，他加盟阿里巴巴)."""
        m = relation_lexicon().pronouns["PERSON"].search(text, c_left, start)
        if m is None:
            return None
        lo = sents[max(0, sent.index - 3)][0]
        named = [e for e in ents if lo <= e.start_char and e.end_char <= m.start()]
        people = [e for e in named if e.label_ == "PERSON"]
        return people[-1] if people else None

    @staticmethod
    def _recent(ents: list[Span], sents: list[tuple[int, int]], si: int, label: str) -> Span | None:
        """The last ``label`` entity in the three sentences before ``si``."""
        lo, hi = sents[max(0, si - 3)][0], sents[si][0]
        cands = [e for e in ents if lo <= e.start_char < hi and e.label_ == label]
        return cands[-1] if cands else None


def _answer_lines(text: str, ents: list[Span]) -> list[tuple[int, bool]]:
    """Where each interview turn starts, and whether a named person speaks it. A label
    followed by words that do not end like a sentence is a heading, not a turn (a digest's
    quoted headline 某某：当前硬件足以……); a label alone on its line is one."""
    people = {e.start_char for e in ents if e.label_ == "PERSON"}
    turns = []
    for m in re.finditer(r"^.*$", text, re.M):
        if (label := SPEAKER.match(m.group())) is not None:
            words = m.group()[label.end() :].strip()
            said = not words or _SENTENCE_END.search(words) is not None
            turns.append((m.start(), said and m.start() + label.start("name") in people))
    return turns


_SENTENCE_END = re.compile(r"[。！？!?…”\"」）)]$")


def _in_answer(turns: list[tuple[int, bool]], offset: int) -> bool:
    """True if ``offset`` lies in a turn spoken by a named person."""
    i = bisect.bisect_right(turns, (offset, True)) - 1
    return i >= 0 and turns[i][1]


@Language.factory("hkg_events", default_config={"gazetteer": True})
def make_events(nlp: Language, name: str, gazetteer: bool) -> EventExtractor:
    return EventExtractor(Gazetteer.default() if gazetteer else None)
