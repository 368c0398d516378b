"""Projection of the case path: every workflow event folded into ``cases`` and its side
tables (assignments, calls, pauses, evidence). The rules themselves live in core/workflow."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from app.core.calendar import WorkCalendar
from app.core.clock import TIME_FORMAT, hlc_ms, local_text, parse_local
from app.core.conflicts import fold_step
from app.core.deadlines import Pause
from app.core.events import Event, EventType
from app.core.model import CaseStatus, Role, Route, Urgency
from app.core.time_limits import handle_due, sign_limit_days
from app.core.workflow import Action, CallStatus, CaseState
from app.core.workflow_events import event_action

STATE_COLUMNS = (
    "status, route, lead_unit, cooperating_units, extension_requested, extension_days, "
    "park_requested_until, parked_until, verified, rework_count, supervision_count, "
    "call_id, call_status"
)


def load_state(db: Database, case_id: str) -> CaseState:
    row = db.conn.execute(f"SELECT {STATE_COLUMNS} FROM cases WHERE id = ?", [case_id]).fetchone()
    return CaseState(
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


def _save_state(db: Database, case_id: str, state: CaseState, at: str) -> None:
    db.conn.execute(
        "UPDATE cases SET status = ?, route = ?, lead_unit = ?, cooperating_units = ?, "
        "extension_requested = ?, extension_days = ?, park_requested_until = ?, "
        "parked_until = ?, verified = ?, rework_count = ?, supervision_count = ?, "
        "call_id = ?, call_status = ?, updated_at = ? WHERE id = ?",
        [
            state.status.value,
            state.route.value if state.route else None,
            state.lead_unit,
            json.dumps(list(state.cooperating_units)),
            state.extension_requested,
            state.extension_days,
            state.park_requested_until,
            state.parked_until,
            int(state.verified),
            state.rework_count,
            state.supervision_count,
            state.call_id,
            state.call_status.value if state.call_status else None,
            at,
            case_id,
        ],
    )


def apply_case_step(db: Database, event: Event) -> None:
    """Fold one case event in, under the conflict rule of core/conflicts.py."""
    case_id = event.entity_id
    row = db.conn.execute(
        "SELECT c.last_event_id, u.role FROM cases c LEFT JOIN users u ON u.id = ? WHERE c.id = ?",
        [event.actor_id, case_id],
    ).fetchone()
    previous, role = row
    db.conn.execute("UPDATE cases SET last_event_id = ? WHERE id = ?", [event.id, case_id])
    at = local_text(hlc_ms(event.hlc))
    if event.type == EventType.CASE_CONFLICT_RESOLVED:
        _resolve_conflicts(db, case_id, event)
        return
    action = event_action(event.type)
    if action is None:
        return
    record_photos(db, case_id, event, at)  # evidence is kept even from a rival step
    before = load_state(db, case_id)
    outcome = fold_step(before, Role(role) if role else None, event.type, event.payload, previous)
    if outcome.conflict:
        db.conn.execute(
            "INSERT INTO case_conflicts (case_id, event_id, kind) VALUES (?, ?, ?)",
            [case_id, event.id, outcome.conflict],
        )
        db.conn.execute("UPDATE cases SET conflict = 1 WHERE id = ?", [case_id])
    if outcome.applied:
        _save_state(db, case_id, outcome.state, at)
        _side_tables(db, case_id, action, event.payload, before, outcome.state, at)


def _resolve_conflicts(db: Database, case_id: str, event: Event) -> None:
    marks = ",".join("?" for _ in event.payload["events"])
    db.conn.execute(
        f"UPDATE case_conflicts SET resolved_by = ? WHERE case_id = ? AND event_id IN ({marks}) "
        "AND resolved_by IS NULL",
        [event.id, case_id, *event.payload["events"]],
    )
    db.conn.execute(
        "UPDATE cases SET conflict = EXISTS (SELECT 1 FROM case_conflicts "
        "WHERE case_id = ? AND resolved_by IS NULL) WHERE id = ?",
        [case_id, case_id],
    )


def record_photos(db: Database, case_id: str, event: Event, at: str) -> None:
    """Photos that came with an event: the case's evidence, and where custody begins."""
    for photo in event.payload.get("photos", []):
        db.conn.execute(
            "INSERT OR IGNORE INTO case_evidence (case_id, sha256, file_name, added_at) "
            "VALUES (?, ?, ?, ?)",
            [case_id, photo["sha256"], photo["file_name"], at],
        )
        db.conn.execute(
            "INSERT INTO custody (sha256, at, kind, device_id, actor_id, case_id) "
            "VALUES (?, ?, 'captured', ?, ?, ?)",
            [photo["sha256"], at, event.device_id, event.actor_id, case_id],
        )


def _side_tables(
    db: Database,
    case_id: str,
    action: Action,
    p: dict[str, Any],
    before: CaseState,
    after: CaseState,
    at: str,
) -> None:
    run = db.conn.execute
    if action in (Action.SELF_HANDLE, Action.DISPATCH, Action.CALL):
        run("UPDATE cases SET assigned_at = ?, signed_at = NULL WHERE id = ?", [at, case_id])
        run(
            "INSERT INTO assignments (case_id, unit, part, assigned_at) VALUES (?, ?, 'lead', ?)",
            [case_id, p["lead_unit"], at],
        )
        for unit in p["cooperating_units"]:
            run(
                "INSERT INTO assignments (case_id, unit, part, assigned_at) "
                "VALUES (?, ?, 'cooperating', ?)",
                [case_id, unit, at],
            )
    if action == Action.CALL:
        run(
            "INSERT INTO calls (id, case_id, department, reason, urgent, duty_phone, status, "
            "called_at) VALUES (?, ?, ?, ?, ?, ?, 'called', ?)",
            [
                p["call_id"],
                case_id,
                p["lead_unit"],
                p["reason"],
                int(p["urgent"]),
                p["duty_phone"],
                at,
            ],
        )
    if after.status == CaseStatus.HANDLING and before.status == CaseStatus.ASSIGNED:
        run("UPDATE cases SET signed_at = ?, handling_since = ? WHERE id = ?", [at, at, case_id])
    if after.rework_count > before.rework_count:  # a new handling period, a new clock
        run("UPDATE cases SET handling_since = ? WHERE id = ?", [at, case_id])
    if action == Action.RETURN:
        run(
            "UPDATE assignments SET ended_at = ?, end_reason = ? "
            "WHERE case_id = ? AND ended_at IS NULL",
            [at, p["reason"], case_id],
        )
        if before.call_id:
            run(
                "UPDATE calls SET ended_at = ?, status = 'abandoned' "
                "WHERE id = ? AND ended_at IS NULL",  # a confirmed call stays confirmed
                [at, before.call_id],
            )
    if action == Action.APPROVE_PARK:
        run(
            "INSERT INTO case_pauses (case_id, started_at, until) VALUES (?, ?, ?)",
            [case_id, at, p["until"]],
        )
    if action == Action.RESUME:
        run(
            "UPDATE case_pauses SET ended_at = ? WHERE case_id = ? AND ended_at IS NULL",
            [at, case_id],
        )
    if action in (Action.CALL_ACK, Action.CALL_ARRIVE, Action.CALL_DONE, Action.CALL_CONFIRM):
        column = {
            Action.CALL_ACK: "acknowledged_at",
            Action.CALL_ARRIVE: "on_scene_at",
            Action.CALL_DONE: "handled_at",
            Action.CALL_CONFIRM: "confirmed_at",
        }[action]
        ended = ", ended_at = ?" if action == Action.CALL_CONFIRM else ""
        params = [after.call_status.value, at] + ([at] if ended else []) + [p["call_id"]]  # type: ignore[union-attr]
        run(f"UPDATE calls SET status = ?, {column} = ?{ended} WHERE id = ?", params)
    if action == Action.MERGE:
        run("UPDATE cases SET merged_into = ? WHERE id = ?", [p["into"], case_id])
    if after.status in (
        CaseStatus.CLOSED,
        CaseStatus.TRANSFERRED,
        CaseStatus.REJECTED,
        CaseStatus.MERGED,
    ):
        run("UPDATE cases SET finished_at = ? WHERE id = ?", [at, case_id])
    elif before.status == CaseStatus.CLOSED:  # reopened for rework
        run("UPDATE cases SET finished_at = NULL WHERE id = ?", [case_id])
    recompute_due(db, case_id)


OFFICE_HOURS = "office_hours"  # settings key: {"start": "08:30", "end": "17:30"}


def work_calendar(db: Database) -> WorkCalendar:
    """The statutory calendar, this township's exceptions and its office hours."""
    rows = db.conn.execute("SELECT day, working FROM calendar_overrides ORDER BY day").fetchall()
    hours = db.conn.execute("SELECT value FROM settings WHERE key = ?", [OFFICE_HOURS]).fetchone()
    return _calendar(tuple(rows), hours[0] if hours else None)


@lru_cache(maxsize=8)
def _calendar(overrides: tuple[tuple[str, int], ...], hours: str | None) -> WorkCalendar:
    """One calendar per content, so its per-day answers are reused from step to step
    (asking chinese-calendar about every day again was most of an import's time)."""
    start, end = time(8, 30), time(17, 30)
    if hours:
        saved = json.loads(hours)
        start, end = time.fromisoformat(saved["start"]), time.fromisoformat(saved["end"])
    days = {date.fromisoformat(day): bool(working) for day, working in overrides}
    return WorkCalendar(days, start, end)


def recompute_due(db: Database, case_id: str) -> None:
    """Due times follow from the case's steps and the calendar; stored so lists can sort
    and filter by them, recomputed at every step."""
    row = db.conn.execute(
        "SELECT c.status, c.urgency, c.assigned_at, c.handling_since, c.extension_days, "
        "k.limit_days, k.sign_days, c.route, d.handle_days FROM cases c "
        "JOIN categories k ON k.code = c.category_code "
        "LEFT JOIN departments d ON d.code = c.lead_unit WHERE c.id = ?",
        [case_id],
    ).fetchone()
    status, urgency, assigned_at, handling_since, extension_days, limit_days, sign_days = row[:7]
    route, call_handle_days = row[7:]
    if route == Route.CALL_Y and call_handle_days:
        # a called department is held to its own commitment, not the category's limit
        limit_days, urgency = call_handle_days, Urgency.NORMAL
    sign_due = handle_due_at = None
    calendar = work_calendar(db)
    if status == CaseStatus.ASSIGNED:
        sign_due = calendar.add_working_days(
            parse_local(assigned_at), sign_limit_days(sign_days, Urgency(urgency))
        )
    elif status in (CaseStatus.HANDLING, CaseStatus.PARKED):
        pauses = [
            Pause(parse_local(start), parse_local(end) if end else None)
            for start, end in db.conn.execute(
                "SELECT started_at, ended_at FROM case_pauses WHERE case_id = ?", [case_id]
            )
        ]
        handle_due_at = handle_due(
            calendar,
            parse_local(handling_since),
            limit_days,
            Urgency(urgency),
            extension_days,
            pauses,
        )
    db.conn.execute(
        "UPDATE cases SET sign_due_at = ?, handle_due_at = ? WHERE id = ?",
        [_text(sign_due), _text(handle_due_at), case_id],
    )


def _text(moment: datetime | None) -> str | None:
    return moment.strftime(TIME_FORMAT) if moment else None
