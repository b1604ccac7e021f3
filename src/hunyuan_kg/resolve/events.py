"""Event resolution: reports of one happening, within and across documents, → one event.

Two reports are one event when they have the same type class (launch and release are one
class), the same main participant (the product launched, the person who joined or left …),
the same status, and compatible dates (equal, or one a prefix of the other: 2023-09 and
2023-09-07). The merged event keeps every source and the most precise date; an undated
report joins the event when its group has exactly one dated event, and so does a headline's
report dated by the publication date when its article states a date for the same event.
The agent is the one most reports name (one stray report does not add a second maker).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from ..pipeline.events import EVENT_CLASS, lexicon
from ..records import UNSTATED_DCT, Participant, Source, TimelineEvent
from ..temporal.mention import period_bounds

_MAIN_ROLE = {
    "join": "agent",
    "depart": "agent",
    "appoint": "agent",
    "funding": "agent",
    "partnership": "agent",
    "found": "theme",
}


@dataclass(slots=True)
class EventReport:
    """One event as read from one sentence, its participants already resolved."""

    type: str
    status: str
    date: str | None
    granularity: str | None
    participants: list[Participant]
    source: Source
    object_text: str = ""
    trigger: str = ""
    title: str = ""
    # each participant's name as this report's sentence writes it (HarmonyOS 2.0 for 鸿蒙2.0)
    surfaces: dict[str, str] = field(default_factory=dict)


P = TypeVar("P")  # what stands for a report's source in a merge


@dataclass(slots=True)
class _Group(Generic[P]):
    """One event being merged: what it takes of its reports, folded in one at a time."""

    first: EventReport | None = None
    dates: Counter[str] = field(default_factory=Counter)  # of the dated reports, in order
    granularity: dict[str | None, str | None] = field(default_factory=dict)  # date → first
    types: Counter[str] = field(default_factory=Counter)
    agents: Counter[str] = field(default_factory=Counter)  # in order of first report
    # the first participant of each id as agent (True) or in another role, and its place
    named: dict[tuple[str, bool], tuple[int, Participant]] = field(default_factory=dict)
    places: int = 0  # participants folded in
    # per sentence (document, sentence or offset): the first offset and its stand-in
    sources: dict[tuple[str, str | int], tuple[int, P]] = field(default_factory=dict)

    def add(self, report: EventReport, source: P, dated: bool = True) -> None:
        """Fold in a report (its date counts towards the event's when ``dated``)."""
        if self.first is None:
            self.first = report
        if dated and report.date:
            self.dates[report.date] += 1
        self.granularity.setdefault(report.date, report.granularity)
        self.types[report.type] += 1
        for p in report.participants:
            if p.role == "agent":
                self.agents[p.id] += 1
            self.named.setdefault((p.id, p.role == "agent"), (self.places, p))
            self.places += 1
        src = report.source
        key = (src.doc, src.sentence or src.start)
        if key not in self.sources or src.start < self.sources[key][0]:
            self.sources[key] = (src.start, source)

    def absorb(self, later: _Group[P]) -> None:
        """Fold in the reports of ``later`` as if added after this group's (their dates
        do not count)."""
        self.types.update(later.types)
        self.agents.update(later.agents)
        for date, granularity in later.granularity.items():
            self.granularity.setdefault(date, granularity)
        for (pid, agent), (place, p) in later.named.items():
            self.named.setdefault((pid, agent), (self.places + place, p))
        self.places += later.places
        for key, (start, source) in later.sources.items():
            if key not in self.sources or start < self.sources[key][0]:
                self.sources[key] = (start, source)

    @property
    def date(self) -> str | None:
        """The most precise date, the most reported among equals (first reported on ties)."""
        return max(self.dates, key=lambda d: (len(d), self.dates[d])) if self.dates else None

    def event(self) -> tuple[TimelineEvent, list[P]]:
        """The merged event (no sources, id not numbered) and its sources' stand-ins."""
        first = self.first
        assert first is not None, "an event of no report"
        etype = min(self.types, key=lambda t: (-self.types[t], t))
        date = self.date
        agents = self.agents
        agent = min(agents, key=lambda a: -agents[a]) if agents else None
        # each id's first participant, as the agent only when it is the event's agent
        chosen: dict[str, tuple[int, Participant]] = {}
        for (pid, as_agent), (place, p) in self.named.items():
            if (not as_agent or pid == agent) and (pid not in chosen or place < chosen[pid][0]):
                chosen[pid] = (place, p)
        participants = [p for _, p in sorted(chosen.values(), key=lambda c: c[0])]
        main = main_participant(first)
        title = first.title or _title(
            etype, participants, first.object_text, first.trigger, first.surfaces
        )
        ordered = sorted(self.sources.items(), key=lambda kv: (kv[0][0], kv[1][0]))
        event = TimelineEvent(
            id=f"EVENT:{etype}:{date or 'undated'}:{main.label}",
            type=etype,
            title=title,
            date=date,
            granularity=self.granularity.get(date),
            status=first.status,  # type: ignore[arg-type]
            participants=sorted(participants, key=lambda p: (p.role != "agent", p.id)),
            sources=[],
        )
        return event, [source for _, (_, source) in ordered]


def main_participant(report: EventReport) -> Participant:
    """The participant that identifies the event (theme for launches, agent for moves)."""
    want = _MAIN_ROLE.get(report.type, "theme")
    for p in report.participants:
        if p.role == want:
            return p
    return report.participants[0]


def _compatible(a: str | None, b: str | None) -> bool:
    """Dates of one happening: equal, one a prefix of the other (2023-09, 2023-09-07), or
    one period inside the other (2018-Q4, 2018-12-31).

    >>> _compatible("2018-Q4", "2018-12-31"), _compatible("2018-Q4", "2018-09")
    (True, False)
    """
    if a is None or b is None:
        return False
    if a.startswith(b) or b.startswith(a):
        return True
    ba, bb = period_bounds(a), period_bounds(b)
    if ba is None or bb is None:
        return False
    return (ba[0] <= bb[0] and bb[1] <= ba[1]) or (bb[0] <= ba[0] and ba[1] <= bb[1])


def _from_headline(report: EventReport) -> bool:
    """Whether the report was dated by its article's headline (the publication date)."""
    return report.source.date_text == lexicon().headline_date_text


def without_restated_headlines(reports: list[EventReport]) -> list[EventReport]:
    """One document's reports without the headline's that restate a dated one. A report
    dated by the headline (the publication date) is dropped when the article reports the
    same kind of event with one of its participants at another stated date in the month
    around publication (headline 讯飞星火 V3.5 发布 over an article of 1 月 31 日 that says
    1 月 30 日，科大讯飞…推出…), or when the publication date itself was inferred. An older
    event of a participant (百度 launched 文心一言 two years before 文心4.5; 无招 left 钉钉's
    CEO post a year before he left to found a company) restates nothing.

    >>> from ..records import Participant, Source
    >>> def report(product, date, date_text):
    ...     maker = Participant("ORG:讯飞", "讯飞", "ORG", "agent")
    ...     theme = Participant(f"PRODUCT:{product}", product, "PRODUCT", "theme")
    ...     source = Source("d", "", 0, 1, date_text)
    ...     return EventReport("launch", "happened", date, "day", [maker, theme], source)
    >>> head = report("星火 V3.5", "2024-01-31", lexicon().headline_date_text)
    >>> body = report("星火认知大模型 V3.5", "2024-01-30", "1 月 30 日")
    >>> [r.date for r in without_restated_headlines([head, body])]
    ['2024-01-30']
    >>> old = report("星火 V1.0", "2022-03", "2022 年 3 月")
    >>> [r.date for r in without_restated_headlines([head, old])]
    ['2024-01-31', '2022-03']
    """
    stated: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in reports:
        if r.date and not _from_headline(r):
            for p in r.participants:
                stated[(EVENT_CLASS.get(r.type, r.type), p.id)].add(r.date)

    def restated(r: EventReport) -> bool:
        cls = EVENT_CLASS.get(r.type, r.type)
        return any(
            date != r.date and _near(date, r.date)
            for p in r.participants
            for date in stated[(cls, p.id)]
        )

    def unsure(r: EventReport) -> bool:  # a publication date nobody stated dates nothing
        return r.source.dct_source in UNSTATED_DCT

    return [r for r in reports if not (_from_headline(r) and (unsure(r) or restated(r)))]


def _near(date: str, other: str | None, days: int = 31) -> bool:
    """Whether the period ``date`` names starts within ``days`` of the day ``other``."""
    a, b = period_bounds(date), period_bounds(other or "")
    return a is not None and b is not None and abs((a[0] - b[0]).days) <= days


def states_date(report: EventReport) -> bool:
    """Whether the report's date is one its article states (not the headline's)."""
    return bool(report.date) and not _from_headline(report)


def merge_events(reports: list[EventReport]) -> list[TimelineEvent]:
    """Merge reports into events with deterministic ids and titles."""
    buckets: dict[tuple[str, str, str], list[EventReport]] = defaultdict(list)
    for r in reports:
        cls = EVENT_CLASS.get(r.type, r.type)
        # a clause read as written is one happening: it merges only with the same words
        cls = f"{cls}:{r.title}" if r.title else cls
        buckets[(cls, main_participant(r).id, r.status)].append(r)
    events: list[TimelineEvent] = []
    for key in sorted(buckets):
        ordered = sorted(
            buckets[key], key=lambda r: (-len(r.date or ""), r.source.doc, r.source.start)
        )
        stated = {r.source.doc for r in ordered if states_date(r)}
        for ev, sources in merge_bucket(((r, r.source) for r in ordered), stated):
            ev.sources = sources
            events.append(ev)
    seen: Counter[str] = Counter()
    for e in events:
        seen[e.id] += 1
        if seen[e.id] > 1:
            e.id = f"{e.id}#{seen[e.id]}"
    return events


def merge_bucket(
    ordered: Iterable[tuple[EventReport, P]], stated: Container[str]
) -> list[tuple[TimelineEvent, list[P]]]:
    """The events of one bucket of :func:`merge_events` (reports of one type class, main
    participant and status), its reports given one at a time in merge order (longest
    date first, then by document and offset), each with what stands for its source
    (``P``); ``stated`` holds the documents that state a date for one of them
    (:func:`states_date`). Each event comes with the stand-ins of its sources, in
    document and offset order, one per sentence; its own ``sources`` are left empty
    and its id is not yet numbered. The reports are folded in as they come: none is
    kept."""
    groups: list[_Group[P]] = []
    undated: _Group[P] = _Group()
    for r, source in ordered:
        if r.date is None or (_from_headline(r) and r.source.doc in stated):
            # a headline's publication date gives way to the date its article states
            # for the same happening (字节发布豆包 2.0 over 2 月 14 日，字节发布…)
            undated.add(r, source, dated=False)
            continue
        for g in groups:
            if _compatible(g.date, r.date):
                g.add(r, source)
                break
        else:
            groups.append(_Group())
            groups[-1].add(r, source)
    if len(groups) == 1:
        groups[0].absorb(undated)
    elif undated.first is not None:
        groups.append(undated)
    return [g.event() for g in groups]


def _title(
    etype: str,
    participants: list[Participant],
    object_text: str,
    trigger: str,
    surfaces: dict[str, str] | None = None,
) -> str:
    """The event type's title template filled with the names as the first report's
    sentence writes them (a reader finds them in the evidence), else the entity labels."""
    spec = lexicon().types[etype]
    template: str = spec.get("title_by_trigger", {}).get(trigger, spec["title"])

    def name(p: Participant) -> str:
        return (surfaces or {}).get(p.id) or p.label

    agent = next((name(p) for p in participants if p.role == "agent"), "")
    theme = next((name(p) for p in participants if p.role == "theme"), object_text)
    if not theme and "{agent}" not in template:
        # a template of the theme alone ({theme}上市) when the agent and the theme resolved to
        # one entity, which keeps the agent's role above (高合汽车主体华人运通…IPO): name it
        theme = agent
    after_theme = template.partition("{theme}")[2].partition("{")[0]
    if after_theme and theme.endswith(after_theme):
        theme = theme.removesuffix(after_theme)  # 出任…总经理职务, not …总经理职务职务
    return template.format(agent=agent, theme=theme, trigger=trigger).strip().lstrip("：")
