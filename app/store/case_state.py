"""The case path as stored: a case's state for the rules (``load_state``). The projection
itself is core/case_path/projection.py; the calendar its clocks run on, store/work_calendar.py."""

from __future__ import annotations

import json
from dataclasses import replace

from sqlite_utils import Database

from app.core.case_path.steps import CallStatus, CaseState
from app.core.model import CaseStatus, Route
from app.core.transfers import ACCEPTED

STATE_COLUMNS = (
    "status, route, lead_unit, cooperating_units, extension_requested, extension_days, "
    "park_requested_until, parked_until, verified, rework_count, supervision_count, "
    "call_id, call_status"
)


def load_state(db: Database, case_id: str) -> CaseState:
    row = db.conn.execute(f"SELECT {STATE_COLUMNS} FROM cases WHERE id = ?", [case_id]).fetchone()
    state = CaseState(
        status=CaseStatus(row[0]),
        route=Route(row[1]) if row[1] else None,
        lead_unit=row[2],
        cooperating_units=tuple(json.loads(row[3])),
        extension_requested=row[4],
        extension_days=row[5],
        park_requested_until=row[6],
        parked_until=row[7],
        verified=bool(row[8]),
        rework_count=row[9],
        supervision_count=row[10],
        call_id=row[11],
        call_status=CallStatus(row[12]) if row[12] else None,
    )
    if state.status == CaseStatus.TRANSFERRED:  # the open transfer, from its own record
        sent = db.conn.execute(
            "SELECT letter_no, police, receipt_at, outcome FROM transfers "
            "WHERE case_id = ? AND direction = 'out' ORDER BY sent_at DESC, id DESC LIMIT 1",
            [case_id],
        ).fetchone()
        if sent is not None:
            state = replace(
                state,
                transfer_letter=sent[0],
                transfer_police=bool(sent[1]),
                transfer_received=sent[2] is not None,
                transfer_settled=sent[3] == ACCEPTED,
            )
    return state
