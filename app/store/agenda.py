"""What the next joint meeting should settle, proposed from the data: the facts the store
reads for core/meetings.py, which says what goes on the agenda and in which order."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlite_utils import Database

from app.core.case_path import rules
from app.core.case_path.queues import ESCALATE_AFTER_SUPERVISIONS
from app.core.clock import parse_local
from app.core.disputes import DECIDED
from app.core.meetings import (
    CROSS_AFTER_RETURNS,
    OVERDUE_AFTER_WORKING_DAYS,
    AgendaItem,
    CaseFacts,
    DisputeFacts,
    parse_held_on,
)
from app.core.meetings import propose_agenda as propose
from app.core.model import CaseStatus, chinese
from app.store.disputes import disputes
from app.store.reference import departments
from app.store.work_calendar import work_calendar

FINISHED = sorted(status.value for status in rules.FINISHED)


def propose_agenda(
    db: Database,
    today: date,
    meeting_id: str | None = None,
    held_on: datetime | None = None,
) -> list[AgendaItem]:
    """What the next meeting should settle, from the data (core/meetings.py says what and
    in which order). A dispute already referred to another meeting not yet held waits for it.
    ``held_on``: when the meeting is held (read from ``meeting_id`` when it is stored); a
    dispute opened after that is left for a later meeting."""
    if held_on is None and meeting_id is not None:
        row = db.execute("SELECT held_on FROM meetings WHERE id = ?", [meeting_id]).fetchone()
        held_on = parse_held_on(row[0]) if row else None
    facts = _dispute_facts(db, meeting_id)
    calendar = work_calendar(db)
    return propose(facts, _case_facts(db, today), today, calendar, meeting_id, held_on)


def _dispute_facts(db: Database, meeting_id: str | None) -> list[DisputeFacts]:
    pending = {r[0] for r in db.execute("SELECT id FROM meetings WHERE minutes_at IS NULL")}
    names = _unit_names(db)
    return [
        DisputeFacts(
            d.id,
            d.case_number,
            d.category_name,
            names.get(d.unit, d.unit),
            d.reasons,
            tuple(d.cited),
            d.opened_at,
            d.meeting_id,
        )
        for d in disputes(db)
        if d.status != DECIDED and not (d.meeting_id in pending and d.meeting_id != meeting_id)
    ]


_CASES = f"""
    SELECT c.number, coalesce(k.name, c.category_code), c.address, c.status,
           coalesce(c.lead_unit, ''), c.cooperating_units, c.supervision_count,
           c.sign_due_at, c.handle_due_at,
           (SELECT count(*) FROM assignments a
            WHERE a.case_id = c.id AND a.part = 'lead' AND a.ended_at IS NOT NULL)
    FROM cases c LEFT JOIN categories k ON k.code = c.category_code
    WHERE c.status NOT IN ({", ".join("?" for _ in FINISHED)}) AND (
        c.supervision_count >= ? OR c.cooperating_units != '[]'
        OR c.sign_due_at < ? OR c.handle_due_at < ?
        OR c.id IN (SELECT case_id FROM assignments WHERE part = 'lead'
                    AND ended_at IS NOT NULL GROUP BY case_id HAVING count(*) >= ?))
"""


def _case_facts(db: Database, today: date) -> list[CaseFacts]:
    """Open cases that may qualify (the SQL lets through a superset; core decides)."""
    # N working days late means at least N calendar days late
    cutoff = date.fromordinal(today.toordinal() - OVERDUE_AFTER_WORKING_DAYS).isoformat()
    params = [*FINISHED, ESCALATE_AFTER_SUPERVISIONS, cutoff, cutoff, CROSS_AFTER_RETURNS]
    rows = db.execute(_CASES, params).fetchall()
    names = _unit_names(db)
    facts = []
    for number, category, address, status, lead, coop, count, sign, handle, returns in rows:
        dues = [parse_local(d) for d in (sign, handle) if d]
        facts.append(
            CaseFacts(
                number,
                category,
                address,
                chinese(CaseStatus(status)),
                names.get(lead, lead),
                tuple(names.get(u, u) for u in json.loads(coop)),
                count,
                min(dues) if dues else None,
                returns,
            )
        )
    return facts


def _unit_names(db: Database) -> dict[str, str]:
    return {d.code: d.short_name for d in departments(db)}
