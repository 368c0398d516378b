"""Joint meetings (联席会议): what goes on the agenda, and what a meeting's minutes must say.

Pure rules on plain inputs; app/store/meetings.py reads the facts and writes the events.
The agenda proposal lists, in this order: duty disputes not yet decided, open cases
supervised (督办) again and again, open cases long overdue, and open cross-department
cases. A case shows once, under the first of these that fits it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from app.core.calendar import WorkCalendar
from app.core.case_path.queues import ESCALATE_AFTER_SUPERVISIONS
from app.core.clock import parse_local
from app.core.errors import DomainError, ValidationErrors

DISPUTE, SUPERVISED, OVERDUE, CROSS, OTHER = "dispute", "supervised", "overdue", "cross", "other"
KIND_NAMES = {
    DISPUTE: "职责争议",
    SUPERVISED: "多次督办",
    OVERDUE: "长期超期",
    CROSS: "跨部门",
    OTHER: "其他",
}
# Overdue by more than this many working days: the units alone have not managed it.
OVERDUE_AFTER_WORKING_DAYS = 5
# Cross-department, cheaply: the case names cooperating units (配合单位), or its lead has been
# returned (回退) this many times (each return ends a lead assignment, so it is one count over
# the case's assignments, no walk through the event log). Both say the units have not settled
# between themselves who does what.
CROSS_AFTER_RETURNS = 2
# A meeting settles a handful of things: the worst cases of each kind, disputes all.
CASES_PER_KIND = 8
HELD_ON_FORMAT = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class AgendaItem:
    kind: str  # dispute, supervised, overdue, cross, other
    ref: str  # the dispute id or the case number, "" for other
    title: str
    detail: str

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind)


@dataclass(frozen=True)
class MeetingDecision:
    """决议: carried out by the owner unit by the deadline, tracked until marked done."""

    id: str
    meeting_id: str
    position: int
    text: str
    owner: str
    owner_name: str
    deadline: str  # YYYY-MM-DD
    dispute_id: str | None
    done_at: str | None
    done_note: str
    done_by: str | None = None
    meeting_number: int = 0

    def overdue(self, today: date) -> bool:
        return self.done_at is None and date.fromisoformat(self.deadline) < today


@dataclass(frozen=True)
class Meeting:
    id: str
    number: int  # 第 N 次联席会议
    held_on: str  # YYYY-MM-DD HH:MM
    place: str
    chair: str
    attendees: list[str]  # unit codes
    agenda: list[AgendaItem]
    summary: str
    minutes_at: str | None
    decisions: list[MeetingDecision]

    @property
    def held(self) -> bool:
        """The minutes are in."""
        return self.minutes_at is not None


@dataclass(frozen=True)
class DecisionDraft:
    """A decision as typed into the minutes. With ``dispute_id`` and ``lead`` it also decides
    that duty dispute (and, with ``amend_list``, changes the boundary list)."""

    text: str
    owner: str
    deadline: str  # YYYY-MM-DD
    dispute_id: str | None = None
    lead: str | None = None
    cooperating: tuple[str, ...] = ()
    amend_list: bool = False


# ----------------------------------------------------------------------- facts for the agenda


@dataclass(frozen=True)
class DisputeFacts:
    id: str
    case_number: str
    category: str  # the category's name
    unit: str  # the unit's name: it says the case is not its duty
    reasons: str
    cited: tuple[str, ...]
    opened_at: str
    meeting_id: str | None  # referred to this meeting


@dataclass(frozen=True)
class CaseFacts:
    number: str
    category: str
    address: str
    status: str  # in words
    lead: str  # the lead unit's name, "" before triage
    cooperating: tuple[str, ...]  # names
    supervision_count: int
    due: datetime | None  # the running deadline (sign-for or handling)
    returns: int  # times the lead unit returned it


def working_days_late(due: datetime, today: date, calendar: WorkCalendar) -> int:
    """Working days after the due day, up to and including today (0 if not yet late)."""
    late, day = 0, due.date()
    while day < today:
        day = calendar.next_working_day(day)
        if day <= today:
            late += 1
    return late


def propose_agenda(
    disputes: Iterable[DisputeFacts],
    cases: Iterable[CaseFacts],
    today: date,
    calendar: WorkCalendar,
    meeting_id: str | None = None,
    held_on: datetime | None = None,
) -> list[AgendaItem]:
    """Disputes (those referred to ``meeting_id`` first, then other referred ones, then open
    ones, oldest first), then the worst cases of each kind. A meeting held at ``held_on``
    is offered only the disputes opened before it (``opened_before``)."""

    def rank(d: DisputeFacts) -> tuple[int, str]:
        here = meeting_id is not None and d.meeting_id == meeting_id
        return (0 if here else 1 if d.meeting_id else 2, d.opened_at)

    before = [d for d in disputes if held_on is None or opened_before(d.opened_at, held_on)]
    ordered = sorted(before, key=rank)
    items = [_dispute_item(d) for d in ordered]
    disputed = {d.case_number for d in ordered}
    kinds: dict[str, list[tuple[float, AgendaItem]]] = {SUPERVISED: [], OVERDUE: [], CROSS: []}
    for case in cases:
        if case.number in disputed:
            continue
        late = working_days_late(case.due, today, calendar) if case.due else 0
        kind, weight = _case_kind(case, late)
        if kind:
            kinds[kind].append((weight, _case_item(kind, case, late)))
    for found in kinds.values():
        found.sort(key=lambda pair: (-pair[0], pair[1].ref))
        items.extend(item for _, item in found[:CASES_PER_KIND])
    return items


def _case_kind(case: CaseFacts, late: int) -> tuple[str | None, float]:
    if case.supervision_count >= ESCALATE_AFTER_SUPERVISIONS:
        return SUPERVISED, case.supervision_count * 1000 + late
    if late > OVERDUE_AFTER_WORKING_DAYS:
        return OVERDUE, late
    if case.cooperating or case.returns >= CROSS_AFTER_RETURNS:
        return CROSS, case.returns * 1000 + late
    return None, 0


def _dispute_item(d: DisputeFacts) -> AgendaItem:
    title = f"职责争议：{d.case_number} {d.category}（{d.unit}认为不属本单位职责）"
    detail = f"{d.opened_at[:10]} 回退，理由：{d.reasons}"
    if d.cited:
        detail += f"；引用清单：{'、'.join(d.cited)}"
    return AgendaItem(DISPUTE, d.id, title, detail)


_CASE_TITLES = {
    SUPERVISED: "督办 {count} 次仍未办结：{number} {category}",
    OVERDUE: "超期 {late} 个工作日：{number} {category}",
    CROSS: "跨部门协调：{number} {category}",
}


def _case_item(kind: str, case: CaseFacts, late: int) -> AgendaItem:
    title = _CASE_TITLES[kind].format(
        count=case.supervision_count, late=late, number=case.number, category=case.category
    )
    facts = [f"状态：{case.status}", f"牵头：{case.lead or '未分拨'}"]
    if case.cooperating:
        facts.append(f"配合：{'、'.join(case.cooperating)}")
    if case.returns:
        facts.append(f"已回退 {case.returns} 次")
    if case.supervision_count and kind != SUPERVISED:
        facts.append(f"已督办 {case.supervision_count} 次")
    if case.due:
        late_words = f"（超期 {late} 个工作日）" if late and kind != OVERDUE else ""
        facts.append(f"期限 {case.due:%Y-%m-%d %H:%M}{late_words}")
    if case.address:
        facts.append(f"地址：{case.address}")
    return AgendaItem(kind, case.number, title, "；".join(facts))


# ----------------------------------------------------------------------- checks


def parse_held_on(text: str) -> datetime:
    """``2026-12-03 09:30`` (a single-digit hour is accepted)."""
    try:
        return datetime.strptime(text.strip(), HELD_ON_FORMAT)
    except ValueError:
        raise DomainError("meeting_time_invalid", value=text) from None


@dataclass(frozen=True)
class MeetingPlan:
    held_on: str
    place: str
    chair: str
    attendees: tuple[str, ...]


def check_units(units: Iterable[str], known: Collection[str], empty_code: str) -> tuple[str, ...]:
    """Unit codes, upper-cased, each once in the order given; all must be departments."""
    found: list[str] = []
    for raw in units:
        code = raw.strip().upper()
        if code and code not in found:
            if code not in known:
                raise DomainError("department_unknown", value=code)
            found.append(code)
    if not found:
        raise DomainError(empty_code)
    return tuple(found)


def check_plan(
    held_on: str, place: str, chair: str, attendees: Iterable[str], known: Collection[str]
) -> MeetingPlan:
    when = parse_held_on(held_on)
    if not place.strip():
        raise DomainError("meeting_place_missing")
    if not chair.strip():
        raise DomainError("meeting_chair_missing")
    units = check_units(attendees, known, "meeting_attendees_missing")
    return MeetingPlan(when.strftime(HELD_ON_FORMAT), place.strip(), chair.strip(), units)


def check_agenda(items: Sequence[AgendaItem]) -> list[AgendaItem]:
    """Items tidied; a case or dispute item must say which one."""
    tidy = []
    for row, item in enumerate(items, 1):
        if item.kind not in KIND_NAMES:
            raise DomainError("agenda_kind_unknown", value=item.kind)
        ref, title = item.ref.strip(), item.title.strip()
        if not title:
            raise DomainError("agenda_title_missing", row=row)
        if item.kind != OTHER and not ref:
            raise DomainError("agenda_ref_missing", row=row, value=KIND_NAMES[item.kind])
        ref = ref.upper() if item.kind not in (DISPUTE, OTHER) else ref
        tidy.append(AgendaItem(item.kind, ref, title, item.detail.strip()))
    return tidy


def check_decisions(
    drafts: Sequence[DecisionDraft], meeting_day: date, known: Collection[str]
) -> list[DecisionDraft]:
    """Every problem of every decision at once (so the clerk fixes them in one go); returns
    the decisions tidied (codes upper-cased, blanks stripped)."""
    problems: list[DomainError] = []
    tidy: list[DecisionDraft] = []
    settles: dict[str, int] = {}
    for row, draft in enumerate(drafts, 1):
        clean = _tidy(draft)
        problems += _problems(row, clean, meeting_day, known)
        if clean.dispute_id:
            if clean.dispute_id in settles:
                first = settles[clean.dispute_id]
                problems.append(DomainError("decision_dispute_twice", row=row, found=first))
            settles.setdefault(clean.dispute_id, row)
        tidy.append(clean)
    if problems:
        raise problems[0] if len(problems) == 1 else ValidationErrors(problems)
    return tidy


def _tidy(d: DecisionDraft) -> DecisionDraft:
    return replace(
        d,
        text=d.text.strip(),
        owner=d.owner.strip().upper(),
        deadline=d.deadline.strip(),
        dispute_id=(d.dispute_id or "").strip() or None,
        lead=(d.lead or "").strip().upper() or None,
        cooperating=tuple(c.strip().upper() for c in d.cooperating if c.strip()),
    )


def _problems(
    row: int, d: DecisionDraft, meeting_day: date, known: Collection[str]
) -> list[DomainError]:
    found = []
    if not d.text:
        found.append(DomainError("decision_text_missing", row=row))
    if not d.owner:
        found.append(DomainError("decision_owner_missing", row=row))
    elif d.owner not in known:
        found.append(DomainError("decision_unit_unknown", row=row, value=d.owner))
    try:
        if date.fromisoformat(d.deadline) < meeting_day:
            found.append(DomainError("decision_deadline_early", row=row, value=d.deadline))
    except ValueError:
        found.append(DomainError("decision_deadline_invalid", row=row, value=d.deadline))
    if d.dispute_id and not d.lead:
        found.append(DomainError("decision_lead_missing", row=row))
    if not d.dispute_id and (d.lead or d.cooperating or d.amend_list):
        found.append(DomainError("decision_dispute_missing", row=row))
    for unit in (d.lead, *d.cooperating) if d.dispute_id else ():
        if unit and unit not in known:
            found.append(DomainError("decision_unit_unknown", row=row, value=unit))
    return found


def opened_before(opened_at: str, held_on: datetime) -> bool:
    """A meeting rules only on what was before it: a dispute opened at or after the time
    the meeting is held is for a later meeting."""
    return parse_local(opened_at) < held_on


def check_dispute_before_meeting(
    case_number: str, opened_at: str, number: int, held_on: datetime, row: int | None = None
) -> None:
    """A dispute on meeting ``number``'s agenda (``row`` None), or settled by decision
    ``row`` of its minutes, must have been opened before the meeting was held."""
    if opened_before(opened_at, held_on):
        return
    words = {
        "case": case_number,
        "opened": opened_at[:16],
        "number": number,
        "held": held_on.strftime(HELD_ON_FORMAT),
    }
    if row is None:
        raise DomainError("dispute_after_meeting", **words)
    raise DomainError("decision_dispute_after_meeting", row=row, **words)


def check_agenda_editable(meeting: Meeting) -> None:
    """A meeting's agenda changes until its minutes are in."""
    if meeting.held:
        raise DomainError("meeting_already_held", value=meeting.number)


def check_minutes_due(meeting: Meeting, now: datetime) -> datetime:
    """Minutes are recorded once, and not before the meeting; returns when it was held."""
    if meeting.held:
        raise DomainError("minutes_already_recorded", value=meeting.number)
    held_on = parse_held_on(meeting.held_on)
    if now < held_on:
        raise DomainError("minutes_too_early", value=meeting.number)
    return held_on


def check_not_done(decision: MeetingDecision) -> None:
    """A decision is marked done once."""
    if decision.done_at:
        raise DomainError("decision_already_done", value=decision.done_at[:16])


def check_summary(summary: str) -> str:
    if not summary.strip():
        raise DomainError("minutes_summary_missing")
    return summary.strip()


def check_note(note: str) -> str:
    if not note.strip():
        raise DomainError("decision_note_missing")
    return note.strip()
