"""Joint meetings (联席会议) as stored: member units, meetings with their agenda, minutes and
decisions (决议) tracked until done. A decision that settles a duty dispute decides it in the
same transaction (and may amend the boundary list), so minutes go in whole or not at all."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.core.case_path import rules
from app.core.clock import Wall, china_time
from app.core.disputes import Dispute, Ruling
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.meetings import (
    DISPUTE,
    OTHER,
    AgendaItem,
    DecisionDraft,
    Meeting,
    MeetingDecision,
    check_agenda,
    check_agenda_editable,
    check_decisions,
    check_dispute_before_meeting,
    check_minutes_due,
    check_not_done,
    check_note,
    check_plan,
    check_summary,
    check_units,
    parse_held_on,
)
from app.core.model import User
from app.core.permissions import COORDINATE
from app.store.agenda import propose_agenda
from app.store.devices import require_office
from app.store.disputes import append_referral, append_ruling, dispute_by_id, undecided
from app.store.eventlog import EventWriter, new_id, writing
from app.store.reference import departments

__all__ = [
    "AgendaItem",
    "DecisionDraft",
    "Meeting",
    "MeetingDecision",
    "Settlement",
    "decision_by_id",
    "decision_by_ref",
    "decisions",
    "mark_done",
    "meeting_by_id",
    "meeting_by_number",
    "meetings",
    "members",
    "open_decisions",
    "record_minutes",
    "schedule_meeting",
    "set_agenda",
    "set_members",
    "settlements",
]

MEETING, DECISION, MEMBERS = "meeting", "meeting_decision", "meeting_members"
FINISHED = sorted(status.value for status in rules.FINISHED)


def _may_coordinate(db: Database, user: User) -> None:
    require_office(db, user, COORDINATE)


def _unit_codes(db: Database) -> set[str]:
    return {d.code for d in departments(db)}


# ----------------------------------------------------------------------- members


def members(db: Database) -> list[str]:
    """The member units' codes, in the order set."""
    return [r[0] for r in db.execute("SELECT unit FROM meeting_members ORDER BY position")]


def set_members(db: Database, user: User, units: Iterable[str], *, wall: Wall) -> None:
    _may_coordinate(db, user)
    chosen = check_units(units, _unit_codes(db), "members_missing")
    with writing(db, wall) as writer:
        payload = {"units": list(chosen)}
        writer.append(user.id, MEMBERS, MEMBERS, EventType.MEETING_MEMBERS_SET, payload)


# ----------------------------------------------------------------------- the agenda


def _check_refs(
    db: Database, items: Sequence[AgendaItem], number: int, held_on: str
) -> list[Dispute]:
    """The disputes on the agenda of meeting ``number`` (each must still be undecided, and
    opened before the meeting is held); cases must exist."""
    found = []
    when = parse_held_on(held_on)
    for item in items:
        if item.kind == DISPUTE:
            dispute = undecided(db, item.ref)
            check_dispute_before_meeting(dispute.case_number, dispute.opened_at, number, when)
            found.append(dispute)
        elif item.kind != OTHER:
            known = db.execute("SELECT 1 FROM cases WHERE number = ?", [item.ref]).fetchone()
            if known is None:
                raise DomainError("case_unknown", value=item.ref)
    return found


def _refer(writer: EventWriter, user: User, on_agenda: Sequence[Dispute], meeting_id: str) -> None:
    """Disputes on a meeting's agenda are sent to it, inside the meeting's transaction."""
    for dispute in on_agenda:
        if dispute.meeting_id != meeting_id:
            append_referral(writer, user, dispute.id, meeting_id)


def _agenda_payload(items: Sequence[AgendaItem]) -> list[dict[str, str]]:
    return [{"kind": i.kind, "ref": i.ref, "title": i.title, "detail": i.detail} for i in items]


# ----------------------------------------------------------------------- meetings


def schedule_meeting(
    db: Database,
    user: User,
    held_on: str,
    place: str,
    chair: str,
    attendees: Iterable[str],
    agenda: Sequence[AgendaItem] | None = None,
    *,
    wall: Wall,
) -> Meeting:
    """The next meeting (numbered 1, 2, 3 …); without ``agenda``, the proposed one. The
    disputes on its agenda are referred to it."""
    _may_coordinate(db, user)
    plan = check_plan(held_on, place, chair, attendees, _unit_codes(db))
    meeting_id = new_id()
    today = china_time(wall()).date()
    if agenda is not None:
        items = check_agenda(agenda)
    else:
        items = propose_agenda(db, today, meeting_id, parse_held_on(plan.held_on))
    with writing(db, wall) as writer:
        number = db.execute("SELECT coalesce(max(number), 0) + 1 FROM meetings").fetchone()[0]
        on_agenda = _check_refs(db, items, number, plan.held_on)
        payload: dict[str, Any] = {
            "number": number,
            "held_on": plan.held_on,
            "place": plan.place,
            "chair": plan.chair,
            "attendees": list(plan.attendees),
            "agenda": _agenda_payload(items),
        }
        writer.append(user.id, MEETING, meeting_id, EventType.MEETING_SCHEDULED, payload)
        _refer(writer, user, on_agenda, meeting_id)
    return meeting_by_id(db, meeting_id)


def set_agenda(
    db: Database,
    user: User,
    meeting_id: str,
    agenda: Sequence[AgendaItem],
    *,
    wall: Wall,
) -> Meeting:
    """Replace the agenda of a meeting not yet held. A dispute taken off it stays referred
    until another meeting takes it up (the next proposal offers it again)."""
    _may_coordinate(db, user)
    items = check_agenda(agenda)
    with writing(db, wall) as writer:
        meeting = meeting_by_id(db, meeting_id)
        check_agenda_editable(meeting)
        on_agenda = _check_refs(db, items, meeting.number, meeting.held_on)
        payload = {"agenda": _agenda_payload(items)}
        writer.append(user.id, MEETING, meeting_id, EventType.MEETING_AGENDA_SET, payload)
        _refer(writer, user, on_agenda, meeting_id)
    return meeting_by_id(db, meeting_id)


def record_minutes(
    db: Database,
    user: User,
    meeting_id: str,
    summary: str,
    decisions: Sequence[DecisionDraft],
    attendees: Iterable[str] | None = None,
    *,
    wall: Wall,
) -> Meeting:
    """The minutes, once, after the meeting: its summary, who came, and its decisions. A
    decision naming a dispute and a lead unit decides that dispute here too."""
    _may_coordinate(db, user)
    with writing(db, wall) as writer:
        meeting = meeting_by_id(db, meeting_id)
        held_on = check_minutes_due(meeting, china_time(wall()))
        text = check_summary(summary)
        known = _unit_codes(db)
        came = meeting.attendees if attendees is None else list(attendees)
        units = check_units(came, known, "meeting_attendees_missing")
        drafts = check_decisions(decisions, held_on.date(), known)
        for row, draft in enumerate(drafts, 1):  # all checked before anything is written
            if draft.dispute_id:
                dispute = undecided(db, draft.dispute_id)
                check_dispute_before_meeting(
                    dispute.case_number, dispute.opened_at, meeting.number, held_on, row
                )
        ids = [new_id() for _ in drafts]
        payload = {
            "summary": text,
            "attendees": list(units),
            "decisions": [_decision_payload(i, d) for i, d in zip(ids, drafts, strict=True)],
        }
        writer.append(user.id, MEETING, meeting_id, EventType.MEETING_MINUTES_RECORDED, payload)
        for decision_id, draft in zip(ids, drafts, strict=True):
            if draft.dispute_id and draft.lead:
                ruling = Ruling(
                    lead=draft.lead,
                    cooperating=draft.cooperating,
                    reasoning=draft.text,
                    amend_list=draft.amend_list,
                    meeting_id=meeting_id,
                    decision_id=decision_id,
                )
                append_ruling(db, writer, user, draft.dispute_id, ruling)
    return meeting_by_id(db, meeting_id)


def _decision_payload(decision_id: str, d: DecisionDraft) -> dict[str, Any]:
    return {
        "id": decision_id,
        "text": d.text,
        "owner": d.owner,
        "deadline": d.deadline,
        "dispute_id": d.dispute_id,
    }


def mark_done(
    db: Database, user: User, decision_id: str, note: str, *, wall: Wall
) -> MeetingDecision:
    """The owner unit carried the decision out: who recorded it, when, and how (once)."""
    _may_coordinate(db, user)
    text = check_note(note)
    with writing(db, wall) as writer:
        decision = decision_by_id(db, decision_id)
        check_not_done(decision)
        payload = {"meeting_id": decision.meeting_id, "note": text}
        writer.append(user.id, DECISION, decision_id, EventType.MEETING_DECISION_DONE, payload)
    return decision_by_id(db, decision_id)


# ----------------------------------------------------------------------- reading


_MEETING = (
    "SELECT id, number, held_on, place, chair, attendees, agenda, summary, minutes_at FROM meetings"
)
_DECISION = """
    SELECT d.id, d.meeting_id, d.position, d.text, d.owner, coalesce(u.name, d.owner),
           d.deadline, d.dispute_id, d.done_at, d.done_note, coalesce(p.name, d.done_by),
           m.number
    FROM meeting_decisions d JOIN meetings m ON m.id = d.meeting_id
    LEFT JOIN departments u ON u.code = d.owner
    LEFT JOIN users p ON p.id = d.done_by
"""


def _meetings(db: Database, where: str = "", params: Sequence[Any] = ()) -> list[Meeting]:
    rows = db.execute(f"{_MEETING} {where} ORDER BY number DESC", list(params)).fetchall()
    if not rows:
        return []
    marks = ", ".join("?" for _ in rows)
    taken: dict[str, list[MeetingDecision]] = {row[0]: [] for row in rows}
    for decision in _decisions(
        db, f"WHERE d.meeting_id IN ({marks}) ORDER BY d.position", [r[0] for r in rows]
    ):
        taken[decision.meeting_id].append(decision)
    return [_meeting(row, taken[row[0]]) for row in rows]


def _meeting(row: Sequence[Any], taken: list[MeetingDecision]) -> Meeting:
    agenda = [AgendaItem(**item) for item in json.loads(row[6])]
    return Meeting(*row[:5], json.loads(row[5]), agenda, row[7], row[8], taken)


def _decisions(db: Database, tail: str, params: Sequence[Any] = ()) -> list[MeetingDecision]:
    return [MeetingDecision(*row) for row in db.execute(f"{_DECISION} {tail}", list(params))]


def meetings(db: Database) -> list[Meeting]:
    """Newest first."""
    return _meetings(db)


def meeting_by_id(db: Database, meeting_id: str) -> Meeting:
    found = _meetings(db, "WHERE id = ?", [meeting_id])
    if not found:
        raise DomainError("meeting_unknown", value=meeting_id)
    return found[0]


def meeting_by_number(db: Database, number: int) -> Meeting:
    found = _meetings(db, "WHERE number = ?", [number])
    if not found:
        raise DomainError("meeting_number_unknown", value=number)
    return found[0]


def decisions(db: Database) -> list[MeetingDecision]:
    """Every decision, newest meeting first, in the order of its minutes."""
    return _decisions(db, "ORDER BY m.number DESC, d.position")


def open_decisions(db: Database) -> list[MeetingDecision]:
    """Decisions not yet carried out, the earliest deadline first."""
    return _decisions(db, "WHERE d.done_at IS NULL ORDER BY d.deadline, m.number, d.position")


def decision_by_id(db: Database, decision_id: str) -> MeetingDecision:
    found = _decisions(db, "WHERE d.id = ?", [decision_id])
    if not found:
        raise DomainError("decision_unknown", value=decision_id)
    return found[0]


def decision_by_ref(db: Database, ref: str) -> MeetingDecision:
    """A decision by its id, or as ``N-K``: the K-th decision of meeting N (for typing)."""
    number, dash, position = ref.strip().partition("-")
    if dash and number.isdigit() and position.isdigit():
        found = _decisions(db, "WHERE m.number = ? AND d.position = ?", [number, position])
        if found:
            return found[0]
        raise DomainError("decision_unknown", value=ref.strip())
    return decision_by_id(db, ref.strip())


@dataclass(frozen=True)
class Settlement:
    """What a decision did to a duty dispute, for the minutes: the case, who said it was
    not theirs, who leads now, and the boundary-list item it changed (with the version)."""

    position: int  # the decision's number in the minutes
    dispute_id: str
    case_number: str
    category: str
    disputed_by: str  # unit name
    reasons: str
    lead: str  # unit name
    cooperating: tuple[str, ...]  # unit names
    amended_item: str  # boundary item code, "" if the list was not changed
    amended_name: str
    list_version: int | None  # a version it made (before schema 12); None: a local amendment


def settlements(db: Database, meeting: Meeting) -> list[Settlement]:
    """The disputes this meeting's decisions settled, in the order of the minutes."""
    names = {d.code: d.name for d in departments(db)}
    found = []
    for decision in meeting.decisions:
        if not decision.dispute_id:
            continue
        dispute = dispute_by_id(db, decision.dispute_id)
        # since schema 12 a local amendment; before, a list version naming the dispute
        item = db.execute(
            "SELECT item_name, NULL FROM list_amendments WHERE dispute_id = ? "
            "UNION ALL SELECT b.name, v.version FROM list_versions v "
            "LEFT JOIN boundary_items b ON b.code = ? "
            "WHERE v.kind = 'boundary' AND v.decision_id = ? LIMIT 1",
            [dispute.id, dispute.amended_item, dispute.id],
        ).fetchone()
        found.append(
            Settlement(
                decision.position,
                dispute.id,
                dispute.case_number,
                dispute.category_name,
                names.get(dispute.unit, dispute.unit),
                dispute.reasons,
                names.get(dispute.lead or "", dispute.lead or ""),
                tuple(names.get(u, u) for u in dispute.cooperating),
                dispute.amended_item,
                (item[0] or "") if item else "",
                item[1] if item else None,
            )
        )
    return found
