"""Duty disputes (职责争议): a unit returned a case as not its duty. The office decides it
from the boundary list, or sends it to the next joint meeting (and may withdraw it from
there); a ruling that changes who leads such cases records a local amendment beside the
official boundary list (store/amendments.py)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from app.core.clock import Wall
from app.core.disputes import (
    Dispute,
    Ruling,
    check_may_refer,
    check_referable,
    check_ruling,
    check_undecided,
    check_who_rules,
    check_withdrawable,
    touches_lists,
)
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.meetings import check_dispute_before_meeting, parse_held_on
from app.core.model import User
from app.core.permissions import COORDINATE
from app.store.amendments import append_amendment
from app.store.devices import require_office
from app.store.eventlog import EventWriter, writing
from app.store.reference import departments
from app.store.routing import listed_lead

_SELECT = """
    SELECT d.id, d.case_id, c.number, c.category_code, coalesce(k.name, c.category_code),
           d.unit, d.reasons, d.cited, d.opened_at, r.meeting_id, r.decided_at, r.lead,
           coalesce(r.cooperating, '[]'), coalesce(r.reasoning, ''),
           coalesce(r.amended_item, ''), r.ruled_at, r.withdrawn_at,
           coalesce(r.withdrawn_reason, '')
    FROM disputes d JOIN cases c ON c.id = d.case_id
    LEFT JOIN categories k ON k.code = c.category_code
    LEFT JOIN dispute_rulings r ON r.dispute_id = d.id
"""


def _dispute(row: Sequence[Any]) -> Dispute:
    values = list(row)
    values[7], values[12] = json.loads(values[7]), json.loads(values[12])
    return Dispute(*values)


def disputes(db: Database, status: str | None = None) -> list[Dispute]:
    """Newest first; ``status`` open, referred or decided."""
    found = [_dispute(r) for r in db.execute(_SELECT + " ORDER BY d.opened_at DESC, d.id DESC")]
    return [d for d in found if status is None or d.status == status]


def dispute_by_id(db: Database, dispute_id: str) -> Dispute:
    row = db.execute(_SELECT + " WHERE d.id = ?", [dispute_id]).fetchone()
    if row is None:
        raise DomainError("dispute_unknown", value=dispute_id)
    return _dispute(row)


def disputes_of_case(db: Database, case_id: str) -> list[Dispute]:
    rows = db.execute(_SELECT + " WHERE d.case_id = ? ORDER BY d.opened_at", [case_id])
    return [_dispute(r) for r in rows]


def dispute_for_ref(db: Database, ref: str) -> str:
    """A dispute's id from its id, or from the number of its case (its latest dispute, one
    not yet decided first): clerks know case numbers, not ids."""
    text = ref.strip()
    if db.execute("SELECT 1 FROM disputes WHERE id = ?", [text]).fetchone():
        return text
    row = db.execute(
        "SELECT d.id FROM disputes d JOIN cases c ON c.id = d.case_id "
        "LEFT JOIN dispute_rulings r ON r.dispute_id = d.id "
        "WHERE c.number = ? ORDER BY r.decided_at IS NULL DESC, d.opened_at DESC, d.id DESC "
        "LIMIT 1",
        [text.upper()],
    ).fetchone()
    if row is None:
        raise DomainError("dispute_unknown", value=text)
    return str(row[0])


def undecided(db: Database, dispute_id: str) -> Dispute:
    """The dispute, if it still waits for a ruling; else DomainError."""
    return check_undecided(dispute_by_id(db, dispute_id))


def referred_to(db: Database, dispute: Dispute) -> int | None:
    """The number of the joint meeting ``dispute`` is referred to (None: none)."""
    if not dispute.meeting_id:
        return None
    row = db.execute("SELECT number FROM meetings WHERE id = ?", [dispute.meeting_id]).fetchone()
    return row[0] if row else None


def refer_dispute(
    db: Database, user: User, dispute_id: str, meeting_id: str, *, wall: Wall
) -> Dispute:
    """Put an open dispute on a joint meeting's agenda."""
    require_office(db, user, COORDINATE)
    with writing(db, wall) as writer:
        dispute = dispute_by_id(db, dispute_id)
        check_may_refer(dispute, referred_to(db, dispute), meeting_id)
        meeting = db.execute(
            "SELECT number, minutes_at, held_on FROM meetings WHERE id = ?", [meeting_id]
        ).fetchone()
        if meeting is None:
            raise DomainError("meeting_unknown", value=meeting_id)
        check_referable(meeting[0], bool(meeting[1]))
        when = parse_held_on(meeting[2])
        check_dispute_before_meeting(dispute.case_number, dispute.opened_at, meeting[0], when)
        if dispute.meeting_id != meeting_id:  # on its agenda already: nothing to record
            append_referral(writer, user, dispute_id, meeting_id)
    return dispute_by_id(db, dispute_id)


def append_referral(writer: EventWriter, user: User, dispute_id: str, meeting_id: str) -> None:
    """The referral's event inside an open transaction (scheduling a meeting writes one for
    each dispute on its agenda)."""
    payload = {"meeting_id": meeting_id}
    writer.append(user.id, "dispute", dispute_id, EventType.DISPUTE_REFERRED, payload)


def decide_dispute(
    db: Database,
    user: User,
    dispute_id: str,
    ruling: Ruling,
    *,
    wall: Wall,
) -> Dispute:
    """Record the ruling; the case waits in triage, where the suggestion now follows it."""
    require_office(db, user, COORDINATE)
    with writing(db, wall) as writer:
        append_ruling(db, writer, user, dispute_id, ruling)
    return dispute_by_id(db, dispute_id)


def append_ruling(
    db: Database, writer: EventWriter, user: User, dispute_id: str, ruling: Ruling
) -> None:
    """The ruling's events inside an open transaction (a meeting's minutes write several)."""
    dispute = undecided(db, dispute_id)
    checked = check_ruling(ruling, {d.code for d in departments(db)})
    known = "SELECT number FROM meetings WHERE id = ?"
    if ruling.meeting_id and db.execute(known, [ruling.meeting_id]).fetchone() is None:
        raise DomainError("meeting_unknown", value=ruling.meeting_id)
    touches = touches_lists(checked, ruling.amend_list, listed_lead(db, dispute.category_code))
    check_who_rules(dispute, user.role, ruling.meeting_id, touches, referred_to(db, dispute))
    amended = ""
    if ruling.amend_list:
        amended = append_amendment(
            db, writer, user, dispute, checked, ruling.meeting_id, ruling.decision_id
        )
    payload: dict[str, Any] = {
        "case_id": dispute.case_id,
        "lead": checked.lead,
        "cooperating": list(checked.cooperating),
        "reasoning": checked.reasoning,
        "amended_item": amended,
        "meeting_id": ruling.meeting_id,
        "decision_id": ruling.decision_id,
    }
    writer.append(user.id, "dispute", dispute_id, EventType.DISPUTE_DECIDED, payload)


def withdraw_dispute(
    db: Database, user: User, dispute_id: str, reason: str, *, wall: Wall
) -> Dispute:
    """Take a dispute back from the joint meeting it was referred to: it waits for a ruling
    again (the responsible leader's, or another meeting's)."""
    require_office(db, user, COORDINATE)
    with writing(db, wall) as writer:
        dispute = dispute_by_id(db, dispute_id)
        kept = check_withdrawable(dispute, reason)
        payload = {"meeting_id": dispute.meeting_id, "reason": kept}
        writer.append(user.id, "dispute", dispute_id, EventType.DISPUTE_WITHDRAWN, payload)
    return dispute_by_id(db, dispute_id)
