"""The case path as stored: a case's state for the rules (``load_state``). The projection
itself is core/case_path/projection.py; the calendar its clocks run on, store/work_calendar.py."""

from __future__ import annotations

import json
from dataclasses import replace

from sqlite_utils import Database

from app.core.case_path.steps import CallStatus, CaseState
from app.core.model import CaseStatus, Route
from app.core.police_transfer import OPENED, UPHELD
from app.core.transfers import ACCEPTED, DECLINED

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
    pending = db.conn.execute(
        "SELECT 1 FROM police_requests WHERE case_id = ? AND decision IS NULL", [case_id]
    ).fetchone()
    state = replace(state, police_requested=pending is not None)
    latest = db.conn.execute(  # a refusal by the police not yet put up for review (复议)
        "SELECT t.letter_no, r.id IS NOT NULL, t.outcome, r.review_at, r.review_answer, "
        "r.supervision_at FROM transfers t "
        "LEFT JOIN police_requests r ON r.case_id = t.case_id AND r.letter_no = t.letter_no "
        "AND t.police = 1 "
        "WHERE t.case_id = ? AND t.direction = 'out' ORDER BY t.sent_at DESC, t.id DESC LIMIT 1",
        [case_id],
    ).fetchone()
    if latest and latest[1] and latest[2] == DECLINED and latest[3] is None:
        state = replace(state, police_refused_letter=latest[0])
    if latest and latest[1] and latest[2] == DECLINED and latest[3] is not None:
        # schema 13: the review's answer awaited, or an upheld refusal the procuratorate
        # may still be asked about (core/case_path/police_followups.py)
        if latest[4] is None:
            state = replace(state, police_review_letter=latest[0])
        elif latest[4] == UPHELD and latest[5] is None:
            state = replace(state, police_upheld_letter=latest[0])
    if state.status == CaseStatus.TRANSFERRED:  # the open transfer, from its own record
        sent = db.conn.execute(
            "SELECT t.letter_no, t.police, t.receipt_at, t.outcome, r.id IS NOT NULL, "
            "r.review_answer, t.passed_at, t.handed_over_on "
            "FROM transfers t LEFT JOIN police_requests r "
            "ON r.case_id = t.case_id AND r.letter_no = t.letter_no AND t.police = 1 "
            "WHERE t.case_id = ? AND t.direction = 'out' "
            "ORDER BY t.sent_at DESC, t.id DESC LIMIT 1",
            [case_id],
        ).fetchone()
        if sent is not None:
            state = replace(
                state,
                transfer_letter=sent[0],
                transfer_police=bool(sent[1]),
                transfer_received=sent[2] is not None,
                transfer_settled=sent[3] == ACCEPTED or sent[5] == OPENED,
                transfer_approved=bool(sent[4]),
                transfer_passed_on=sent[6] is not None,
                items_handed_over=sent[7] is not None,
            )
    return state
