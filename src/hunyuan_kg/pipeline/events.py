"""``hkg_events``: dated happenings from trigger words and the entities around them.

The trigger lexicon, argument roles, planned/denied cues and clause breaks are language
data in ``data/events/zh.yml``. For each trigger the component reads, in the trigger's
clause first and then in its sentence: the agent (nearest fitting entity before the
trigger), the theme (nearest fitting entity after it, else before it), and the date (the
nearest calendar or vague date mention outside entity names; a sentence opening with
同日/当天/随后 takes the previous sentence's date). A speaker's "我" in an interview turn
(``刘煜宏：我 05 年加入的``) is the speaker; join/depart events without an organisation take
the last one named in the preceding sentences. A trigger with no participant is no event.

>>> import hunyuan_kg
>>> nlp = hunyuan_kg.load(ner=None)
>>> doc = nlp.make_doc("2024 年 5 月 30 日，腾讯推出元宝 App。"); doc._.doc_id = "d"
>>> [(e.type, e.date, [p.text for p, _ in e.participants]) for e in nlp(doc)._.events]
[('launch', '2024-05-30', ['腾讯', '元宝 App'])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..resources import data_path, read_yaml
from . import extensions
from .refs import EntityRef

extensions.register()

_SPEAKER = re.compile(r"^\s*(?P<name>[^\s：:]{2,8})\s*[：:]")


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


@dataclass(frozen=True, slots=True)
class _Lexicon:
    trigger_rx: re.Pattern[str]
    trigger_type: dict[str, str]
    types: dict[str, dict[str, Any]]
    not_trigger_rx: re.Pattern[str]
    planned: re.Pattern[str]
    denied: re.Pattern[str]
    cue_window: int
    clause_rx: re.Pattern[str]
    carry: tuple[str, ...]
    skip_after: tuple[str, ...]
    vague_at_dct: frozenset[str]
    own_time: re.Pattern[str]


@cache
def lexicon() -> _Lexicon:
    """The compiled trigger lexicon."""
    raw = read_yaml(data_path("events", "zh.yml"))
    trigger_type = {t: name for name, spec in raw["types"].items() for t in spec["triggers"]}
    words = sorted(trigger_type, key=len, reverse=True)

    def alt(ws: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))

    return _Lexicon(
        trigger_rx=re.compile(rf"(?:{alt(words)})", re.IGNORECASE),
        trigger_type={k.lower(): v for k, v in trigger_type.items()},
        types=raw["types"],
        not_trigger_rx=re.compile(alt(raw["not_triggers"])),
        planned=re.compile("|".join(raw["planned"])),
        denied=re.compile("|".join(raw["denied"])),
        cue_window=int(raw["cue_window"]),
        clause_rx=re.compile(raw["clause_breaks"]),
        carry=tuple(raw["carry_date"]),
        skip_after=tuple(raw["skip_after"]),
        vague_at_dct=frozenset(raw["vague_at_dct"]),
        own_time=re.compile("|".join(map(re.escape, raw["own_time_words"]))),
    )


def _ascii_word_edge(text: str, start: int, end: int) -> bool:
    """True when an ASCII trigger touches other ASCII letters (launch inside launcher)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return (text[start].isascii() and (before.isascii() and before.isalpha())) or (
        text[end - 1].isascii() and after.isascii() and after.isalpha()
    )


class EventExtractor:
    """Finds triggers and fills their arguments; results go to ``doc._.events``."""

    def __init__(self) -> None:
        self.lex = lexicon()

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lex
        text = doc.text
        blocked = bytearray(len(text) + 1)
        for m in lex.not_trigger_rx.finditer(text):
            blocked[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        ents = list(doc.ents)
        ent_chars = bytearray(len(text) + 1)
        for e in ents:
            ent_chars[e.start_char : e.end_char] = b"\x01" * (e.end_char - e.start_char)
        date_spans = doc.spans.get("dates", [])
        dates = [
            s
            for s in date_spans
            if s._.date.value
            and s._.date.kind in ("date", "vague")
            and not any(ent_chars[s.start_char : s.end_char])
        ]
        events: list[EventCandidate] = doc._.events
        sents = list(doc.sents)
        prev_date: tuple[str, str, str] | None = None
        for si, sent in enumerate(sents):
            s_ents = [e for e in ents if sent.start_char <= e.start_char < sent.end_char]
            s_dates = [d for d in dates if sent.start_char <= d.start_char < sent.end_char]
            for m in lex.trigger_rx.finditer(text, sent.start_char, sent.end_char):
                start, end = m.span()
                if any(blocked[start:end]) or any(ent_chars[start:end]):
                    continue
                if _ascii_word_edge(text, start, end):
                    continue
                etype = lex.trigger_type[m.group().lower()]
                ev = self._event(
                    text, ents, sents, si, etype, start, end, s_ents, s_dates, prev_date
                )
                if ev is not None:
                    events.append(ev)
            prev_date = None
            if s_dates:
                d = s_dates[-1]._.date
                prev_date = (d.value, d.granularity, d.text)
        return doc

    def _clause(self, text: str, sent: Span, start: int, end: int) -> tuple[int, int]:
        left = sent.start_char
        for m in self.lex.clause_rx.finditer(text, sent.start_char, start):
            left = m.end()
        right_m = self.lex.clause_rx.search(text, end, sent.end_char)
        right = right_m.start() if right_m else sent.end_char
        return left, right

    def _skipped(self, text: str, ent: Span) -> bool:
        before = text[max(0, ent.start_char - 3) : ent.start_char].rstrip()
        return before.endswith(self.lex.skip_after)

    def _event(
        self,
        text: str,
        ents: list[Span],
        sents: list[Span],
        si: int,
        etype: str,
        start: int,
        end: int,
        s_ents: list[Span],
        s_dates: list[Span],
        prev_date: tuple[str, str, str] | None,
    ) -> EventCandidate | None:
        sent = sents[si]
        spec = self.lex.types[etype]
        c_left, c_right = self._clause(text, sent, start, end)
        usable = [e for e in s_ents if not self._skipped(text, e)]
        in_clause = [e for e in usable if c_left <= e.start_char and e.end_char <= c_right]

        def nearest_before(pool: list[Span], labels: list[str]) -> Span | None:
            cands = [e for e in pool if e.end_char <= start and e.label_ in labels]
            return cands[-1] if cands else None

        def nearest_after(pool: list[Span], labels: list[str]) -> Span | None:
            cands = [e for e in pool if e.start_char >= end and e.label_ in labels]
            return cands[0] if cands else None

        agent = nearest_before(in_clause, spec["agent"]) or nearest_before(usable, spec["agent"])
        if agent is None and "PERSON" in spec["agent"]:
            agent = self._speaker(text, ents, sent)
        rest = [e for e in in_clause if e is not agent]
        theme = nearest_after(rest, spec["theme"]) or nearest_before(rest, spec["theme"])
        if theme is None and etype in ("join", "depart"):
            theme = self._recent(ents, sents, si, "ORG")
        participants: list[tuple[EntityRef, str]] = []
        if agent is not None:
            participants.append((EntityRef.from_span(agent), "agent"))
        if theme is not None and theme is not agent:
            participants.append((EntityRef.from_span(theme), "theme"))
        if not participants or any(
            role not in {r for _, r in participants} for role in spec.get("requires", ())
        ):
            return None
        ev = EventCandidate(
            type=etype,
            trigger=text[start:end],
            start=start,
            end=end,
            sentence=(sent.start_char, sent.end_char),
            status=self._status(text, c_left, start),
            participants=participants,
            object_text=text[end:c_right].strip()[:24] if theme is None else "",
        )
        self._date(ev, text, c_left, c_right, s_dates, sent, prev_date)
        if theme is None and (ev.date is None or not ev.object_text):
            return None
        return ev

    def _status(self, text: str, c_left: int, start: int) -> str:
        window = text[max(c_left, start - self.lex.cue_window) : start]
        if self.lex.denied.search(window):
            return "denied"
        if self.lex.planned.search(window):
            return "planned"
        return "happened"

    def _date(
        self,
        ev: EventCandidate,
        text: str,
        c_left: int,
        c_right: int,
        s_dates: list[Span],
        sent: Span,
        prev_date: tuple[str, str, str] | None,
    ) -> None:
        in_clause = [d for d in s_dates if c_left <= d.start_char < c_right]
        vague = [d for d in in_clause if d._.date.kind == "vague"]
        if any(d.text not in self.lex.vague_at_dct for d in vague):
            return  # 前段时间, 此前 …: a time of its own, not a calendar date
        borrow = not self.lex.own_time.search(text, c_left, c_right)
        pool = in_clause or [d for d in s_dates if d.end_char <= c_left and borrow]
        if pool:
            before = [d for d in pool if d.end_char <= ev.start]
            best = before[-1] if before else pool[0]
            mention = best._.date
            ev.date, ev.granularity, ev.date_text = mention.value, mention.granularity, best.text
        elif prev_date and text[sent.start_char : sent.end_char].lstrip().startswith(
            self.lex.carry
        ):
            ev.date, ev.granularity, ev.date_text = prev_date

    @staticmethod
    def _speaker(text: str, ents: list[Span], sent: Span) -> Span | None:
        """The PERSON who speaks an interview line (``刘煜宏：我…``) when the line has 我."""
        line_start = text.rfind("\n", 0, sent.start_char) + 1
        line_end = text.find("\n", sent.start_char)
        line = text[line_start : line_end if line_end != -1 else len(text)]
        m = _SPEAKER.match(line)
        if not m or "我" not in text[sent.start_char : sent.end_char]:
            return None
        for ent in ents:
            if ent.label_ == "PERSON" and ent.start_char == line_start + m.start("name"):
                return ent
        return None

    @staticmethod
    def _recent(ents: list[Span], sents: list[Span], si: int, label: str) -> Span | None:
        """The last ``label`` entity in the three sentences before ``si``."""
        lo = sents[max(0, si - 3)].start_char
        hi = sents[si].start_char
        cands = [e for e in ents if lo <= e.start_char < hi and e.label_ == label]
        return cands[-1] if cands else None


@Language.factory("hkg_events")
def make_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor()
