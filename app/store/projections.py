"""Projections: the current state, derived from events in the same transaction.

``apply_event`` must depend on the event alone (never on the clock or on this device),
so that ``rebuild`` replays the log into exactly the same tables.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from app.core.events import Event, EventType
from app.core.model import Route, User
from app.core.permissions import REBUILD, require
from app.store.case_fold import forget_context, refold_cases
from app.store.case_state import OFFICE_HOURS
from app.store.event_rows import office_device_id
from app.store.list_rows import apply_list_replaced

PROJECTION_TABLES = (
    # children before parents, for deleting
    "meeting_decisions",
    "meetings",
    "meeting_members",
    "dispute_rulings",
    "disputes",
    "transfers",
    "list_versions",
    "power_items",
    "duty_items",
    "boundary_items",
    "category_matters",
    "lists_search",
    "custody",
    "case_conflicts",
    "devices",
    "case_pauses",
    "calls",
    "assignments",
    "case_evidence",
    "cases",
    "categories",
    "grids",
    "users",
    "departments",
    "township",
)

Handler = Callable[[Database, Event], None]
_HANDLERS: dict[str, Handler] = {}


def handles(event_type: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        _HANDLERS[event_type] = handler
        return handler

    return register


def apply_event(db: Database, event: Event) -> None:
    handler = _HANDLERS.get(event.type)
    if handler is not None:  # types from newer versions are kept in the log, shown later
        handler(db, event)
    elif event.type.startswith("case."):
        refold_cases(db, [event.entity_id])  # the case path: triage, handling, calls, closing


def _insert(db: Database, table: str, row: dict[str, Any]) -> None:
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    db.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))


@handles(EventType.TOWNSHIP_CREATED)
def _township_created(db: Database, event: Event) -> None:
    p = event.payload
    _insert(
        db,
        "township",
        {"id": 1, "name": p["name"], "code": p["code"], "created_at": event.local_time},
    )


@handles(EventType.DEPARTMENT_ADDED)
def _department_added(db: Database, event: Event) -> None:
    forget_context(db)
    p = event.payload
    response = p.get("response") or {}
    _insert(
        db,
        "departments",
        {
            "code": p["code"],
            "name": p["name"],
            "short_name": p["short_name"],
            "tier": p["tier"],
            "duty_phone": p.get("duty_phone", ""),
            "ack_minutes": response.get("acknowledge_minutes"),
            "arrive_minutes": response.get("arrive_minutes"),
            "handle_days": response.get("handle_days"),
        },
    )


@handles(EventType.DEPARTMENT_RESPONSE_SET)
def _response_set(db: Database, event: Event) -> None:
    r = event.payload
    db.conn.execute(
        "UPDATE departments SET ack_minutes = ?, arrive_minutes = ?, handle_days = ? "
        "WHERE code = ?",
        [r["acknowledge_minutes"], r["arrive_minutes"], r["handle_days"], event.entity_id],
    )
    # A called department is held to its commitment: the open cases it leads follow a new
    # one, so a due time never depends on whether a step or the commitment came first.
    forget_context(db)
    led = db.conn.execute(
        "SELECT id FROM cases WHERE lead_unit = ? AND route = ? AND (sign_due_at IS NOT NULL "
        "OR handle_due_at IS NOT NULL OR status = 'parked')",
        [event.entity_id, Route.CALL_Y.value],
    ).fetchall()
    refold_cases(db, [case_id for (case_id,) in led])


@handles(EventType.USER_ADDED)
def _user_added(db: Database, event: Event) -> None:
    forget_context(db)
    p = event.payload
    _insert(
        db,
        "users",
        {
            "id": event.entity_id,
            "username": p["username"],
            "name": p["name"],
            "role": p["role"],
            "department_code": p["department_code"],
            "phone": p.get("phone", ""),
            "password_hash": p["password_hash"],
        },
    )


@handles(EventType.GRID_ADDED)
def _grid_added(db: Database, event: Event) -> None:
    p = event.payload
    _insert(
        db,
        "grids",
        {"code": p["code"], "name": p["name"], "area": p["area"], "worker_id": p.get("worker_id")},
    )


@handles(EventType.CATEGORY_ADDED)
def _category_added(db: Database, event: Event) -> None:
    forget_context(db)
    p = event.payload
    _insert(
        db,
        "categories",
        {
            "code": p["code"],
            "name": p["name"],
            "parent_code": p.get("parent_code"),
            "route": p.get("route"),
            "department_code": p.get("department_code"),
            "limit_days": p.get("limit_days"),
            "sign_days": p.get("sign_days"),
        },
    )


def _from_office(db: Database, event: Event) -> bool:
    return office_device_id(db) == event.device_id


@handles(EventType.DEVICE_ENROLLED)
def _device_enrolled(db: Database, event: Event) -> None:
    if not _from_office(db, event):
        return
    p = event.payload
    row = {key: p[key] for key in ("code", "name", "kind", "department", "sign_key", "box_key")}
    _insert(db, "devices", {"id": event.entity_id, **row, "enrolled_at": event.local_time})


@handles(EventType.DEVICE_REVOKED)
def _device_revoked(db: Database, event: Event) -> None:
    if _from_office(db, event):
        db.conn.execute(
            "UPDATE devices SET revoked_at = ?, revoked_why = ? WHERE id = ?",
            [event.local_time, event.payload["reason"], event.entity_id],
        )


@handles(EventType.TOWNSHIP_ESCROW_SET)
def _escrow_set(db: Database, event: Event) -> None:
    if _from_office(db, event):
        db.conn.execute("UPDATE township SET escrow_key = ?", [event.payload["escrow_key"]])


@handles(EventType.EVIDENCE_RECEIVED)
def _evidence_received(db: Database, event: Event) -> None:
    p = event.payload
    for sha256 in p["blobs"]:
        _insert(
            db,
            "custody",
            {
                "sha256": sha256,
                "at": event.local_time,
                "kind": "received",
                "device_id": event.device_id,
                "actor_id": event.actor_id,
                "from_device_id": p["from_device"],
                "file_id": p["file_id"],
                "file_created_at": p["file_created_at"],
            },
        )


@handles(EventType.LIST_REPLACED)
def _list_replaced(db: Database, event: Event) -> None:
    apply_list_replaced(db, event)


@handles(EventType.CALENDAR_DAY_SET)
def _calendar_day_set(db: Database, event: Event) -> None:
    p = event.payload
    db.conn.execute(
        "INSERT INTO calendar_overrides (day, working, note) VALUES (?, ?, ?) "
        "ON CONFLICT (day) DO UPDATE SET working = excluded.working, note = excluded.note",
        [event.entity_id, int(p["working"]), p["note"]],
    )
    recompute_open_cases(db)


@handles(EventType.OFFICE_HOURS_SET)
def _office_hours_set(db: Database, event: Event) -> None:
    db.conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [OFFICE_HOURS, json.dumps({"start": event.payload["start"], "end": event.payload["end"]})],
    )
    recompute_open_cases(db)


def recompute_open_cases(db: Database) -> None:
    """Due times follow the calendar: every case with a running clock is worked out again."""
    forget_context(db)
    open_cases = db.conn.execute(
        "SELECT id FROM cases WHERE sign_due_at IS NOT NULL "
        "OR handle_due_at IS NOT NULL OR status = 'parked'"
    ).fetchall()
    refold_cases(db, [case_id for (case_id,) in open_cases])


def rebuild(db: Database, actor: User, progress: Callable[[int, int], bool] | None = None) -> int:
    """Empty every projection and replay the whole log, in one transaction.

    ``progress(done, total)`` is called every few thousand events; returning False
    cancels (the transaction rolls back and nothing changes). Reference data is replayed in
    the merged order, then each case is folded from its events (the progress counts both).
    Returns the number of events replayed.
    """
    from app.store.database import write_transaction
    from app.store.eventlog import events_in_order

    require(actor.role, REBUILD)
    total = db.execute("SELECT count(*) FROM events").fetchone()[0]
    total += db.execute(
        "SELECT count(*) FROM events WHERE type = ?", [EventType.CASE_REGISTERED]
    ).fetchone()[0]
    with write_transaction(db):
        db.conn.execute("PRAGMA defer_foreign_keys = ON")
        for table in PROJECTION_TABLES:
            db.conn.execute(f"DELETE FROM {table}")
        db.conn.execute("INSERT INTO cases_search (cases_search) VALUES ('delete-all')")
        forget_context(db)
        done = 0
        cases: list[str] = []
        for event in events_in_order(db):
            if event.entity == "case":  # a case is a fold of its own events: done below
                if event.type == EventType.CASE_REGISTERED:
                    cases.append(event.entity_id)
            else:
                apply_event(db, event)
            done += 1
            if progress and done % 5000 == 0 and not progress(done, total):
                raise RebuildCancelled()
        for start in range(0, len(cases), 2000):
            folded = start + refold_cases(db, cases[start : start + 2000])
            if progress and not progress(done + folded, total):
                raise RebuildCancelled()
    return done


class RebuildCancelled(Exception):
    pass


# Handlers kept in their own modules register themselves when imported (they import
# ``handles`` from here, hence the import at the end).
from app.store import dispute_rows, meeting_rows  # noqa: E402, F401
