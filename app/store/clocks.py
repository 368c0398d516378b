"""The clocks on cases and calls, read at ``now``: what is due, soon due, or overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from app.core.calendar import WorkCalendar
from app.core.clock import TIME_FORMAT, parse_local, stored_text
from app.core.deadlines import WALL_DUE_SOON_SECONDS, DeadlineState, deadline_state, overdue
from app.core.model import ResponseCommitment
from app.core.police_transfer import (
    UPHELD,
    review_answer_due,
    review_due,
    review_window_open,
    supervision_due,
)
from app.core.step_limits import StepKind
from app.core.time_limits import call_limits, call_step_due
from app.core.transfers import DECLINED
from app.store.work_calendar import work_calendar


@dataclass(frozen=True)
class StepClock:
    kind: str  # sign 签收, handle 处置, call_ack 响应, call_arrive 到场, step_limits.StepClock
    due: str | None
    state: DeadlineState
    overdue: bool  # core's ``deadlines.overdue``: running late, or done late


def _state(due: str | None, now: datetime, calendar: WorkCalendar | None) -> DeadlineState:
    return deadline_state(parse_local(due) if due else None, now, calendar=calendar)


def case_clocks(db: Database, case_id: str, now: datetime) -> list[StepClock]:
    """The running clocks of one case: signing for, handling, and the office's own step
    (triage, verification, closing) or a transfer's receipt or outcome (core/step_limits)."""
    row = db.execute(
        "SELECT status, sign_due_at, handle_due_at, step_clock, step_due_at FROM cases "
        "WHERE id = ?",
        [case_id],
    ).fetchone()
    status, sign_due, handle_due, step, step_due = row
    calendar = work_calendar(db)
    clocks = []
    if sign_due:
        clocks.append(_running("sign", sign_due, _state(sign_due, now, calendar)))
    if handle_due or status == "parked":
        clocks.append(_running("handle", handle_due, _state(handle_due, now, calendar)))
    if step and step_due:
        clocks.append(_running(step, step_due, _state(step_due, now, calendar)))
    windows = [*review_clocks(db, now, case_id), *supervision_clocks(db, now, case_id)]
    for window in [*windows, *review_answer_clocks(db, case_id)]:
        clocks.append(_running(window.kind, window.due, _state(window.due, now, calendar)))
    return clocks


def _running(kind: str, due: str | None, state: DeadlineState) -> StepClock:
    """A case's clock: listed only while its step is still to be done."""
    return StepClock(kind, due, state, overdue(state, None, None))


@dataclass(frozen=True)
class CallView:
    id: str
    case_number: str
    department: str
    reason: str
    urgent: bool
    duty_phone: str
    status: str
    called_at: str
    acknowledged_at: str | None
    on_scene_at: str | None
    handled_at: str | None
    confirmed_at: str | None
    ended_at: str | None
    clocks: tuple[StepClock, ...]


def calls(
    db: Database, now: datetime, open_only: bool = False, case_id: str | None = None
) -> list[CallView]:
    """Calls to Y departments (of one case, or all), urgent and oldest first, with their
    response clocks."""
    clauses, params = [], []
    if open_only:
        clauses.append("l.ended_at IS NULL")
    if case_id is not None:
        clauses.append("l.case_id = ?")
        params.append(case_id)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = db.execute(
        "SELECT l.id, c.number, l.department, l.reason, l.urgent, l.duty_phone, l.status, "
        "l.called_at, l.acknowledged_at, l.on_scene_at, l.handled_at, l.confirmed_at, "
        "l.ended_at, d.ack_minutes, d.arrive_minutes, d.handle_days "
        f"FROM calls l JOIN cases c ON c.id = l.case_id JOIN departments d ON d.code = "
        f"l.department {where} ORDER BY l.ended_at IS NOT NULL, l.urgent DESC, l.called_at",
        params,
    ).fetchall()
    calendar = work_calendar(db)
    return [_call(row, now, calendar) for row in rows]


def _call(row: tuple, now: datetime, calendar: WorkCalendar) -> CallView:
    urgent = bool(row[4])
    commitment = ResponseCommitment(*row[13:16]) if row[13] is not None else None
    ack_minutes, arrive_minutes, _ = call_limits(commitment, urgent)
    called = parse_local(row[7])
    # an ordinary call runs on office hours (time_limits.call_step_due), and its "due soon"
    # counts office seconds left, with the same 10-minute warning as an urgent one
    office = None if urgent else calendar
    clocks = []
    for kind, minutes, finished in (
        ("call_ack", ack_minutes, row[8]),
        ("call_arrive", arrive_minutes, row[9]),
    ):
        due = call_step_due(calendar, called, minutes, urgent)
        done = parse_local(finished) if finished else None
        state = deadline_state(due, now, done, office, WALL_DUE_SOON_SECONDS)
        if row[12] and not finished:  # abandoned before this step
            state = DeadlineState.DONE
        late = overdue(state, due, done)
        clocks.append(StepClock(kind, stored_text(due), state, late))
    return CallView(*row[:4], bool(row[4]), *row[5:13], clocks=tuple(clocks))


@dataclass(frozen=True)
class OverdueCase:
    number: str
    kind: str  # sign, handle, call_ack, call_arrive, or a step clock (core/step_limits)
    due: str
    lead_unit: str | None
    status: str
    supervision_count: int
    wall: bool = False  # runs on the wall clock (an urgent call), not on office time


def overdue_cases(db: Database, now: datetime, limit: int = 1000) -> list[OverdueCase]:
    """Open cases past a due time, longest overdue first (two index walks)."""
    moment = now.strftime(TIME_FORMAT)
    rows = db.execute(
        "SELECT number, 'sign', sign_due_at, lead_unit, status, supervision_count FROM cases "
        "WHERE sign_due_at IS NOT NULL AND sign_due_at < ? "
        "UNION ALL SELECT number, 'handle', handle_due_at, lead_unit, status, supervision_count "
        "FROM cases "
        "WHERE handle_due_at IS NOT NULL AND handle_due_at < ? "
        f"UNION ALL {_STEP_ROWS} WHERE step_due_at IS NOT NULL AND step_due_at < ? "
        "ORDER BY 3 LIMIT ?",
        [moment, moment, moment, limit],
    ).fetchall()
    owed = [r for r in review_answer_clocks(db) if r.due < moment]  # the police's answer
    return sorted([OverdueCase(*row) for row in rows] + owed, key=lambda r: r.due)[:limit]


# The office's own steps are the office's to do (the tier-ONE unit), whoever led the case
# before; a transfer's receipt and outcome are owed by the authority it went to, and the
# police's decision to open a case by the police (order 310 art. 8). Sending a police
# transfer within 24 hours of approval (art. 5) is the office's own duty.
_STEP_ROWS = (
    "SELECT number, step_clock, step_due_at, "
    "CASE WHEN step_clock LIKE 'transfer%' OR step_clock = 'police_outcome' THEN "
    "(SELECT t.counterpart FROM transfers t WHERE t.case_id = cases.id AND t.direction = 'out' "
    "ORDER BY t.sent_at DESC LIMIT 1) ELSE "
    "(SELECT code FROM departments WHERE tier = 'ONE' ORDER BY code LIMIT 1) END, "
    "status, supervision_count FROM cases"
)


# A police refusal not yet put up for review (复议) nor taken to the procuratorate (立案监督),
# on the case's latest transfer out, while the case is open: the same refusal
# ``case_state.load_state`` lets the review answer.
_REFUSALS = (
    "SELECT c.number, t.outcome_at, c.status, c.supervision_count FROM transfers t "
    "JOIN police_requests r ON r.case_id = t.case_id AND r.letter_no = t.letter_no "
    "JOIN cases c ON c.id = t.case_id "
    "WHERE t.police = 1 AND t.direction = 'out' AND t.outcome = ? AND r.review_at IS NULL "
    "AND r.supervision_at IS NULL "
    "AND c.finished_at IS NULL AND t.id = (SELECT l.id FROM transfers l "
    "WHERE l.case_id = t.case_id AND l.direction = 'out' "
    "ORDER BY l.sent_at DESC, l.id DESC LIMIT 1)"
)


def _office_code(db: Database) -> str | None:
    """The office's unit (tier ONE), whose step a window of the office is."""
    row = db.execute("SELECT code FROM departments WHERE tier = 'ONE' ORDER BY code LIMIT 1")
    return next((code for (code,) in row), None)


def review_clocks(db: Database, now: datetime, case_id: str | None = None) -> list[OverdueCase]:
    """The review windows still open at ``now`` (order 310 art. 9: the office may ask the
    police to review a refusal within 3 days), as rows of the office, whose step it is.
    A window that has passed is not listed: the right lapsed (core ``review_window_open``)."""
    where, params = ("AND t.case_id = ?", [DECLINED, case_id]) if case_id else ("", [DECLINED])
    calendar = work_calendar(db)
    office = _office_code(db)
    rows = []
    for number, refused_at, status, supervised in db.execute(f"{_REFUSALS} {where}", params):
        refused = parse_local(refused_at)
        if review_window_open(calendar, refused, now):
            due = review_due(calendar, refused).strftime(TIME_FORMAT)
            kind = StepKind.POLICE_REVIEW.value
            rows.append(OverdueCase(number, kind, due, office, status, supervised))
    return rows


def supervision_clocks(
    db: Database, now: datetime, case_id: str | None = None
) -> list[OverdueCase]:
    """The 3 days after a refusal upheld on review in which the office asks the
    procuratorate to supervise (立案监督, order 310 art. 9), still open at ``now``, as rows of
    the office; once closed the step is refused (core ``check_supervision_window``), so the
    row goes."""
    where, params = ("AND r.case_id = ?", [UPHELD, case_id]) if case_id else ("", [UPHELD])
    calendar = work_calendar(db)
    office = _office_code(db)
    rows = db.execute(
        "SELECT c.number, r.review_answered_at, c.status, c.supervision_count "
        "FROM police_requests r JOIN cases c ON c.id = r.case_id "
        "WHERE r.review_answer = ? AND r.supervision_at IS NULL AND c.finished_at IS NULL "
        f"{where}",
        params,
    ).fetchall()
    kind = StepKind.POLICE_SUPERVISION.value
    out = []
    for number, upheld_at, status, supervised in rows:
        due = supervision_due(calendar, parse_local(upheld_at))
        if now <= due:
            out.append(OverdueCase(number, kind, stored_text(due), office, status, supervised))
    return out


def review_answer_clocks(db: Database, case_id: str | None = None) -> list[OverdueCase]:
    """The police's answers to a review still owed (order 310 art. 9: within 3 days of the
    request), as rows of the police the letter went to: a duty, so it stays on the board
    once overdue, until the office records the answer."""
    where, params = ("AND r.case_id = ?", [case_id]) if case_id else ("", [])
    calendar = work_calendar(db)
    rows = db.execute(
        "SELECT c.number, r.review_at, c.status, c.supervision_count, (SELECT t.counterpart "
        "FROM transfers t WHERE t.case_id = r.case_id AND t.letter_no = r.letter_no "
        "AND t.police = 1 ORDER BY t.sent_at DESC LIMIT 1) FROM police_requests r "
        "JOIN cases c ON c.id = r.case_id "
        f"WHERE r.review_at IS NOT NULL AND r.review_answer IS NULL {where}",
        params,
    ).fetchall()
    kind = StepKind.POLICE_REVIEW_ANSWER.value
    return [
        OverdueCase(
            number,
            kind,
            review_answer_due(calendar, parse_local(asked)).strftime(TIME_FORMAT),
            police,
            status,
            supervised,
        )
        for number, asked, status, supervised, police in rows
    ]


def due_soon_cases(db: Database, now: datetime, limit: int = 1000) -> list[OverdueCase]:
    """Open cases whose deadline falls within the next half office day (the due-soon rule
    of core/deadlines), soonest first."""
    calendar = work_calendar(db)
    soon = calendar.add_working_seconds(now, calendar.office_seconds_per_day // 2)
    moment, until = now.strftime(TIME_FORMAT), soon.strftime(TIME_FORMAT)
    rows = db.execute(
        "SELECT number, 'sign', sign_due_at, lead_unit, status, supervision_count FROM cases "
        "WHERE sign_due_at >= ? AND sign_due_at <= ? "
        "UNION ALL SELECT number, 'handle', handle_due_at, lead_unit, status, supervision_count "
        "FROM cases WHERE handle_due_at >= ? AND handle_due_at <= ? "
        f"UNION ALL {_STEP_ROWS} WHERE step_due_at >= ? AND step_due_at <= ? "
        "ORDER BY 3 LIMIT ?",
        [moment, until, moment, until, moment, until, limit],
    ).fetchall()
    windows = [*review_clocks(db, now), *supervision_clocks(db, now)]  # 复议, 立案监督
    closing = [row for row in windows if row.due <= until]
    closing += [r for r in review_answer_clocks(db) if moment <= r.due <= until]
    return sorted([OverdueCase(*row) for row in rows] + closing, key=lambda r: r.due)[:limit]


def overdue_calls(db: Database, now: datetime) -> list[OverdueCase]:
    """Open calls whose response or arrival is late, as board rows of the called unit.
    Only a clock still running is chased: a response given late stays overdue on the
    record, but there is nothing left to urge."""
    return calls_in_state(db, now, DeadlineState.OVERDUE)


def calls_in_state(db: Database, now: datetime, state: DeadlineState) -> list[OverdueCase]:
    """Open calls with a response or arrival clock in ``state``, as rows of the called unit."""
    return calls_in_states(db, now, (state,))[state]


def calls_in_states(
    db: Database, now: datetime, states: tuple[DeadlineState, ...]
) -> dict[DeadlineState, list[OverdueCase]]:
    """``calls_in_state`` for several states from one reading of the open calls (the board
    wants the late and the due soon; two thousand open calls are read and timed once)."""
    found: dict[DeadlineState, list[tuple[CallView, StepClock]]] = {s: [] for s in states}
    for call in calls(db, now, open_only=True):
        for clock in call.clocks:
            if clock.state in found:
                found[clock.state].append((call, clock))
    numbers = sorted({call.case_number for rows in found.values() for call, _ in rows})
    cases: dict[str, tuple[str, int]] = {}
    for start in range(0, len(numbers), _CHUNK):
        chunk = numbers[start : start + _CHUNK]
        marks = ",".join("?" for _ in chunk)
        for number, status, supervised in db.execute(
            f"SELECT number, status, supervision_count FROM cases WHERE number IN ({marks})",
            chunk,
        ):
            cases[number] = (status, supervised)
    return {
        state: [
            OverdueCase(
                call.case_number,
                clock.kind,
                clock.due or "",
                call.department,
                *cases[call.case_number],
                call.urgent,
            )
            for call, clock in rows
        ]
        for state, rows in found.items()
    }


_CHUNK = 500  # case numbers per look-up, well under SQLite's limit of bound values
