"""``hkg_clause_events``: a dated clause that names an actor and says what it did is an event.

The trigger lexicon of ``hkg_events`` reads a dozen event types with their argument roles;
real articles date many more happenings than those types cover (a company starts studying
car making, a fund registers, a chip enters mass production). This component reads every
clause that ``hkg_events`` left alone and keeps it as an event when

* it has a calendar date of its own, or follows a clause that is only a date
  (``2021 年 1 月 15 日，百度开始测试无人车``) or a sentence that opens with one;
* it names at least one person, organisation or product (its participants: the first
  person or organisation is the agent, the rest are themes); a clause that names nothing
  takes the sentence's subject as agent when it has a predicate of its own;
* it has a predicate: one of the event verbs mined from raw tech news
  (``data/events/verbs.yml``, made by ``training/scripts/mine_event_verbs.py``).

Its title is the clause as written, without its date: no template can cut it into a
fragment. The type is that of a lexicon trigger in the clause when there is one
(``发布`` → launch), else ``other``; planned and denied cues work as in ``hkg_events``.
A sentence gives one entry per happening: an untyped clause about the agent of a typed event
of the same date is a circumstance of it, and the untyped clauses of one agent and date are
one entry.

>>> import hunyuan_kg
>>> nlp = hunyuan_kg.load(ner=None)
>>> doc = nlp.make_doc("2021 年 1 月 15 日，百度开始测试无人车。"); doc._.doc_id = "d"
>>> [(e.type, e.date, e.title) for e in nlp(doc)._.events]
[('other', '2021-01-15', '百度开始测试无人车')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import NAME_TYPES
from ..resources import alternation, data_path, read_yaml
from . import extensions
from .events import (
    EventCandidate,
    bounds_time,
    clause_breaks,
    cued_names,
    lexicon,
    modifier_only,
    no_trigger_mask,
    span_mask,
    triggers_in,
)
from .extensions import doc_text
from .heads import list_heads
from .refs import EntityRef, span_identity
from .relations import title_pattern
from .sentences import within
from .turns import is_publisher_turn, is_turn_label

extensions.register()

_ACTORS = ("ORG", "PERSON")


@dataclass(frozen=True, slots=True)
class _ClauseLexicon:
    verbs: re.Pattern[str]
    date_only: re.Pattern[str]
    lead: re.Pattern[str]
    not_event: re.Pattern[str] | None
    stative: frozenset[str]
    speech_end: tuple[str, ...]
    adverbial_end: tuple[str, ...]
    no_predicate: tuple[str, ...]
    span_words: re.Pattern[str]
    span_openers: tuple[str, ...]
    no_predicate_start: tuple[str, ...]
    subject_joiners: frozenset[str]
    frame_openers: tuple[str, ...]
    figure: re.Pattern[str]
    statistic: re.Pattern[str]
    predicate_start: re.Pattern[str]
    descriptor: re.Pattern[str]
    max_title: int


#: The opening of a title up to a passive 被 a few characters in (后于 2012 年被…): unless it
#: holds a name, what the event happened to is not written in the clause.
_PASSIVE_OPENING = re.compile(r"[^，。；]{0,6}?被")


@cache
def clause_lexicon() -> _ClauseLexicon:
    """The compiled clause-event data: the ``clause_events`` section of
    ``data/events/zh.yml`` and the mined verbs of ``data/events/verbs.yml``."""
    raw = read_yaml(data_path("events", "zh.yml"))["clause_events"]
    stative = frozenset(raw["stative"])
    mined = read_yaml(data_path("events", "verbs.yml"))["verbs"]
    verbs = alternation([v["verb"] for v in mined if v["verb"] not in stative])
    not_event = raw.get("not_event") or []
    return _ClauseLexicon(
        verbs=re.compile(verbs),
        date_only=re.compile(raw["date_only"]),
        lead=re.compile(raw["lead"]),
        not_event=re.compile(alternation(not_event)) if not_event else None,
        stative=stative,
        speech_end=tuple(raw["speech_end"]),
        adverbial_end=tuple(raw["adverbial_end"]),
        no_predicate=tuple(raw["no_predicate"]),
        span_words=re.compile(alternation(raw["span_words"])),
        span_openers=tuple(raw["span_openers"]),
        no_predicate_start=tuple(raw["no_predicate_start"]),
        subject_joiners=frozenset(raw["subject_joiners"]),
        frame_openers=tuple(raw["frame_openers"]),
        figure=re.compile(raw["figure"]),
        statistic=re.compile(raw["statistic"]),
        predicate_start=re.compile(
            rf"(?:(?:{alternation(raw['predicate_partners'])})[^，。；]{{1,12}}?)?"
            rf"(?:{alternation(raw['predicate_adverbs'])})*(?:{verbs})"
        ),
        descriptor=re.compile(
            rf"(?:[^，。；！？]{{0,{(n := int(raw['max_descriptor']))}}}?"
            rf"(?:{alternation(list(list_heads()))}|{title_pattern()})"
            rf"|(?:由|被)[^，。；！？]{{0,{n}}}?的)\s*"
        ),
        max_title=int(raw["max_title"]),
    )


class ClauseEvents:
    """Adds ``other`` (or trigger-typed) events for dated clauses to ``doc._.events``."""

    def __init__(self, require_verb: bool = True) -> None:
        self.lex = lexicon()
        self.clex = clause_lexicon()
        self.require_verb = require_verb

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        source = doc._.source
        ents = [
            e
            for e in doc.ents
            if e.label_ in NAME_TYPES
            and not is_publisher_turn(text, e.start_char, e.end_char, source)
            and not is_turn_label(text, e.start_char, e.end_char)
        ]
        ent_chars = span_mask(len(text), ((e.start_char, e.end_char) for e in doc.ents))
        blocked = no_trigger_mask(self.lex, doc)
        dates = sorted(
            (
                s
                for s in doc.spans.get("dates", [])
                if s._.date.value
                and (
                    s._.date.kind == "date"
                    or (s._.date.kind == "vague" and s.text in self.lex.vague_at_dct)
                )
                and not any(ent_chars[s.start_char : s.end_char])
                and not bounds_time(self.lex, text, s)
            ),
            key=lambda s: s.start_char,
        )
        taken: dict[tuple[int, int], list[int]] = {}  # by sentence: one lookup, not a scan
        covered: dict[tuple[int, int], set[int]] = {}  # investors of typed events
        for e in doc._.events:
            taken.setdefault(e.sentence, []).append(e.start)
            covered.setdefault(e.sentence, set()).update(
                p.start for p, role in e.participants if role == "investor"
            )
        ent_starts = [e.start_char for e in ents]
        date_starts = [d.start_char for d in dates]
        masks = (blocked, ent_chars)
        new: list[EventCandidate] = []
        for sent in doc.sents:
            span = (sent.start_char, sent.end_char)
            s_dates = dates[within(date_starts, *span)]
            if s_dates:
                s_ents = ents[within(ent_starts, *span)]
                busy, known = taken.get(span, []), covered.get(span, set())
                new += self._sentence(text, span, s_ents, s_dates, busy, known, masks)
        new = _fold_circumstances(doc._.events, new)
        doc._.events.extend(_one_per_actor(new, self.clex))
        return doc

    def _clauses(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        out, left = [], start
        books = [m.span() for m in self.lex.book_title_rx.finditer(text, start, end)]
        for m in clause_breaks(self.lex, text, start, end, books):
            if m.start() > left:
                out.append((left, m.start()))
            left = m.end()
        if left < end:
            out.append((left, end))
        return out

    def _with_framed_predicates(
        self, text: str, clauses: list[tuple[int, int]], ents: list[Span]
    ) -> list[tuple[int, int]]:
        """``clauses`` with a clause that is a name and a frame (某局依据相关法律法规的要求)
        joined to the next one, which says what the name did (，持续开展…专项整治)."""
        out: list[tuple[int, int]] = []
        for lo, hi in clauses:
            if out and self._name_and_frame(text, *out[-1], ents):
                out[-1] = (out[-1][0], hi)
            else:
                out.append((lo, hi))
        return out

    def _name_and_frame(self, text: str, lo: int, hi: int, ents: list[Span]) -> bool:
        first = next((e for e in ents if lo <= e.start_char < hi), None)
        return (
            first is not None
            and first.label_ in _ACTORS
            and not self.clex.lead.sub("", text[lo : first.start_char]).strip()
            and text[first.end_char : hi].lstrip().startswith(self.clex.frame_openers)
        )

    def _sentence(
        self,
        text: str,
        span: tuple[int, int],
        ents: list[Span],
        dates: list[Span],
        busy: list[int],
        known: set[int],
        masks: tuple[bytearray, bytearray],
    ) -> list[EventCandidate]:
        s_start, s_end = span
        out = []
        inherited: Span | None = None
        clauses = self._with_framed_predicates(text, self._clauses(text, s_start, s_end), ents)
        frames = [
            (lo, hi)
            for lo, hi in clauses
            if text[lo:hi].lstrip().startswith("在")
            and text[lo:hi].rstrip().endswith(self.clex.adverbial_end)
        ]
        subject = next(  # not a source or a channel (据彭博社消息，… / 通过星河云，…) nor
            # a name in a frame of place or time (在 2024 年星河大会上，…)
            (
                e
                for e in ents
                if e.label_ in _ACTORS
                and not modifier_only(self.lex, text, e.start_char, e.end_char)
                and not any(lo <= e.start_char < hi for lo, hi in frames)
            ),
            None,
        )
        # a bracketed aside (the events lexicon's) with no date of its own says nothing that
        # happened (a dated one may: （2022 年被某公司收购）)
        asides = [m.span() for m in self.lex.aside_rx.finditer(text, s_start, s_end)]
        for lo, hi in clauses:
            own = [
                d
                for d in dates
                if lo <= d.start_char < hi and not self._since_trigger(text, d, lo, masks)
            ]
            rest = self._without_dates(text, lo, hi, own)
            if own and self.clex.date_only.fullmatch(rest):
                inherited = own[-1]
                continue
            date = own[0] if own else inherited
            after_dates = self._after_opening_dates(text, lo, own)
            if (
                lo == s_start
                and after_dates > lo
                and not text[lo:hi].lstrip().startswith(self.clex.span_openers)
                and not self.clex.span_words.search(text, own[0].end_char, hi)
            ):
                # the sentence's opening date (2018 年星河科技首次参展，……时，林远被任命为…)
                inherited = own[0]
            if date is None or any(lo <= t < hi for t in busy):
                continue
            if not own and any(a < lo and hi < b for a, b in asides):
                continue  # （Nikkei Research）, （约合 1.12 亿元）: a gloss, no clause of its own
            if not own and self.lex.own_time.search(text, lo, hi):
                continue  # 此前, 目前 …: a time of its own, not the inherited date
            if self.clex.not_event is not None and self.clex.not_event.search(rest):
                continue
            if self.lex.publication_rx.search(text, lo, hi):
                continue  # 发布了一份报告 / 发布的推文: a text published, not a happening
            tail = rest.rstrip(' “"「『')
            if tail.endswith(self.clex.speech_end):
                continue  # 百度宣布：… — what was announced follows
            if tail.endswith(self.clex.adverbial_end) or tail.startswith(
                self.clex.no_predicate_start
            ):
                continue  # 在…演讲中 / 的投资者日上 / 是…的第 25 个年头: not what happened
            if (
                own
                and not text[own[-1].end_char : hi].strip()
                and text[lo : own[-1].start_char].rstrip().endswith("的")
            ):
                continue  # 交付某车的同年 9 月: a time named by an event, not a happening
            names = [e for e in ents if lo <= e.start_char and e.end_char <= hi]
            if names and all(e.start_char in known for e in names):
                continue  # 红杉中国和小红书等跟投: the investors of the sentence's funding event
            if names and text[lo:hi].rstrip().endswith(names[-1].text):
                last = names[-1].start_char
                if text[lo:last].rstrip().endswith("的") or (
                    after_dates < last and self.clex.descriptor.fullmatch(text, after_dates, last)
                ):
                    # 出生于杭州的林远 / 星河科技集团董事长兼 CEO 林远: a noun phrase, nothing said
                    continue
            said = rest
            for e in names:  # 跳动 in 字节跳动 is no predicate
                said = said.replace(e.text, " ")
            has_verb = bool(self.clex.verbs.search(said) or self.lex.trigger_rx.search(said))
            if (
                self.require_verb
                and not has_verb
                and not self._subject_first(text, after_dates, hi, own, names)
            ):
                continue
            agent = next((e for e in names if e.label_ in _ACTORS), None)
            prefix = ""
            clause = " ".join(text[after_dates:hi].split())
            if agent is None:
                body = self.clex.lead.sub("", clause)
                if subject is None or subject.end_char > lo:
                    if not names:
                        continue
                elif self.clex.predicate_start.match(body):
                    agent, prefix = subject, subject.text
                elif not names:
                    continue  # 星河科技……，分辨率达到了 2K: not a predicate of the subject
            participants = [(EntityRef.from_span(agent), "agent")] if agent is not None else []
            participants += [  # not the agent named again (华为……当时华为成立了…)
                (EntityRef.from_span(e), "theme")
                for e in names
                if agent is None or span_identity(e) != span_identity(agent)
            ]
            title = self._title(prefix, clause, names)
            status = self.lex.status(text[lo:hi])
            if not title or status == "denied":
                continue  # 并非今年才开始: a denial is no happening
            trigger = next(triggers_in(self.lex, text, lo, hi, *masks), None)
            if trigger is None and self.clex.statistic.search(rest):
                continue  # 全年收入为 12 亿元, 月活已达 6000 万: a figure, not a happening
            if trigger is None and not prefix and not self._opens_with_name(title, names):
                continue  # 人们还记得…林远发布的消息: the clause's subject is no name
            typed = self.lex.type_of(text, *trigger.span(), ents) if trigger else None
            if typed and agent is not None and agent.label_ not in self.lex.types[typed]["agent"]:
                typed = None  # 某公司在其政策中加入了一句…: a company's 加入 is no one joining
            passive = _PASSIVE_OPENING.match(title) if typed else None
            if passive and not any(e.text in passive.group() for e in names):
                continue  # （2022 年被某公司收购）: what was acquired is no name here
            etype = typed or "other"
            extra = self.lex.types.get(etype, {}).get("extra")
            if (
                agent is not None
                and extra
                and agent in cued_names(self.lex, text, span, ents, extra)
            ):
                continue  # 由软银领投的 C 轮融资: the investor did not raise the money
            at = trigger.start() if trigger else (names[0].start_char if names else lo)
            ev = EventCandidate(
                type=etype,
                trigger=trigger.group() if trigger else "",
                start=at,
                end=trigger.end() if trigger else at,
                sentence=(s_start, s_end),
                status=status,
                participants=participants,
                date=date._.date.value,
                granularity=date._.date.granularity,
                date_text=date.text,
                title=title,
            )
            out.append(ev)
        return out

    def _since_trigger(
        self, text: str, date: Span, lo: int, masks: tuple[bytearray, bytearray]
    ) -> bool:
        """A time counted from a trigger written right before it (成立两年后): it dates what
        follows, not a happening of its own."""
        if not self.lex.since_event.search(date.text):
            return False
        return any(
            date.start_char - m.end() <= 1
            for m in triggers_in(self.lex, text, lo, date.start_char, *masks)
        )

    def _subject_first(
        self, text: str, start: int, hi: int, own: list[Span], names: list[Span]
    ) -> bool:
        """The clause opens (at ``start``, after its opening dates, and lead words) with a
        person or organisation and goes on with a predicate (2024 年 11 月，林远、王伟决定一起
        创业), not with 的."""
        actors = [e for e in names if e.label_ in _ACTORS]
        if not actors:
            return False
        head = text[start : actors[0].start_char]
        if self.clex.lead.sub("", head).strip(" ，,、"):
            return False
        last = actors[0]
        for e in actors[1:]:  # 林远、王伟和李雷
            if text[last.end_char : e.start_char].strip() in self.clex.subject_joiners:
                last = e
        rest = text[last.end_char : last.end_char + 4].lstrip()
        if (
            rest.startswith(self.clex.no_predicate)
            or rest.startswith(tuple(self.clex.stative))
            or rest[:1].isdigit()
        ):
            return False  # 星河科技的营收 / 星河科技 2021 年的营收: a noun phrase
        predicate = text[last.end_char : hi]
        for d in own:
            predicate = predicate.replace(d.text, "")
        if sum(ch.isalnum() for ch in predicate) < 2:
            return False  # 腾讯今天: a name and a date, nothing said of it
        # a figure (员工数量超 15000 人, 占有率为 40.8%) is a statistic, not a happening
        return self.clex.figure.search(text, last.end_char, hi) is None

    def _opens_with_name(self, title: str, names: list[Span]) -> bool:
        """The title starts with one of the clause's names, or with a description of it
        (云计算巨头 X, 星河科技创始人 X, 由星河科技研发的 X; not any phrase in 的: 我参加的是
        X): the name is the subject, not a word inside what someone else did (人们或许还记得
        林远发布的一条消息)."""
        found = (title.find(" ".join(e.text.split())) for e in names)
        return any(
            at == 0 or (at > 0 and self.clex.descriptor.fullmatch(title, 0, at) is not None)
            for at in found
        )

    def _without_dates(self, text: str, lo: int, hi: int, own: list[Span]) -> str:
        parts, at = [], lo
        for d in own:
            parts.append(text[at : d.start_char])
            at = d.end_char
        parts.append(text[at:hi])
        return " ".join(" ".join(parts).split())

    def _after_opening_dates(self, text: str, lo: int, own: list[Span]) -> int:
        """Where the clause goes on after the dates it opens with (在 2015 年，… → …); a date
        inside the clause stays, as written (李开复在 2017 年预测…)."""
        at = lo
        for d in own:
            if self.clex.lead.sub("", text[at : d.start_char]).strip():
                break
            at = d.end_char
        return at

    def _title(self, prefix: str, clause: str, names: list[Span]) -> str:
        """The title, or "" when the clause says nothing beyond its names (林远“)."""
        body = self.clex.lead.sub("", clause).strip()
        said = body
        for e in names:
            said = said.replace(e.text, "")
        if sum(ch.isalnum() for ch in said) < 2:
            return ""
        title = f"{prefix}{body}" if prefix else body
        if len(title) > self.clex.max_title:
            title = title[: self.clex.max_title].rstrip() + "…"
        return title


@Language.factory("hkg_clause_events", default_config={"require_verb": True})
def make_clause_events(nlp: Language, name: str, require_verb: bool) -> ClauseEvents:
    return ClauseEvents(require_verb)


def _fold_circumstances(
    typed: list[EventCandidate], new: list[EventCandidate]
) -> list[EventCandidate]:
    """``new`` less its untyped events that share a sentence, a date (one a prefix of the
    other) and a participant with a typed event: a sentence that says what someone did (成立,
    发布, 上市) dates one happening, and its other clauses about them are circumstances (2021
    年，星河继续加码，成立星河基金; 发布会上，星河推出新系统，并开始推送), not more entries for
    the timeline. The other names of such a clause join the typed event as participants of
    unknown role ("").

    >>> ref = lambda name: EntityRef(name, "ORG", "", 0, len(name))
    >>> at = lambda kind, date, sent, *who: EventCandidate(
    ...     kind, "", 0, 1, sent, "happened", [(ref(w), "agent") for w in who], date)
    >>> founded = at("found", "2021-05", (0, 9), "星河")
    >>> new = [at("other", "2021", (0, 9), "星河", "北辰"), at("other", "2014", (0, 9), "星河"),
    ...        at("other", "2021", (0, 9), "远帆"), at("other", "2021", (9, 20), "星河")]
    >>> [(e.date, e.sentence) for e in _fold_circumstances([founded], new)]
    [('2014', (0, 9)), ('2021', (0, 9)), ('2021', (9, 20))]
    >>> [(p.text, role) for p, role in founded.participants]
    [('星河', 'agent'), ('北辰', '')]
    """
    dated: dict[tuple[int, int], list[tuple[str, EventCandidate]]] = {}
    for e in [*typed, *new]:
        if e.type != "other" and e.date:
            dated.setdefault(e.sentence, []).append((e.date, e))
    kept = []
    for e in new:
        names = {p.identity for p, _ in e.participants}
        host = next(
            (
                t
                for date, t in dated.get(e.sentence, [])
                if e.type == "other"
                and e.date
                and (date.startswith(e.date) or e.date.startswith(date))
                and names & {p.identity for p, _ in t.participants}
            ),
            None,
        )
        if host is None:
            kept.append(e)
            continue
        _join_names(host, e)
    return kept


def _one_per_actor(events: list[EventCandidate], clex: _ClauseLexicon) -> list[EventCandidate]:
    """``events`` less the untyped ones that repeat an earlier untyped event's sentence, date
    and agent (8 月 4 日，某部依据…，对 App 进行检查，共发现 23 款…: one happening told in
    three clauses). Such a clause, when what it says of the agent opens with a predicate, goes
    on the first one's title without the agent's name while the title stays within
    ``max_title`` characters (else the title ends in …); its other names join the first event
    as participants of unknown role ("").

    >>> ref = lambda name: EntityRef(name, "ORG", "", 0, len(name))
    >>> at = lambda title, *who: EventCandidate("other", "", 0, 1, (0, 30), "happened",
    ...     [(ref(w), role) for w, role in zip(who, ("agent", "theme"))], "2022", title=title)
    >>> said = [at("星河回顾了历程", "星河"), at("星河宣布了新计划", "星河", "北辰")]
    >>> one = _one_per_actor(said, clause_lexicon())
    >>> [(e.title, [p.text for p, _ in e.participants]) for e in one]
    [('星河回顾了历程，宣布了新计划', ['星河', '北辰'])]
    """
    hosts: dict[tuple[tuple[int, int], str | None, str], EventCandidate] = {}
    kept = []
    for e in events:
        agent = next((p for p, role in e.participants if role == "agent"), None)
        key = (e.sentence, e.date, agent.identity) if e.type == "other" and agent else None
        host = hosts.get(key) if key is not None else None
        if host is None or agent is None:
            if key is not None:
                hosts[key] = e
            kept.append(e)
            continue
        more = e.title.removeprefix(agent.text).lstrip(" ，,")
        if clex.predicate_start.match(more) and not host.title.endswith("…"):
            joined = f"{host.title}，{more}"
            host.title = joined if len(joined) <= clex.max_title else f"{host.title}…"
        _join_names(host, e)
    return kept


def _join_names(host: EventCandidate, folded: EventCandidate) -> None:
    """The names of ``folded`` that ``host`` lacks join it, with no role ("")."""
    named = {p.identity for p, _ in host.participants}
    extra = {p.identity: p for p, _ in folded.participants if p.identity not in named}
    host.participants += [(p, "") for p in extra.values()]
