"""Projections of the reference data: the township, its departments, users, grids,
categories and devices, the calendar and office hours, evidence received by sync."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from app.core.clock import first_hlc_at, parse_local
from app.core.events import Event, EventType
from app.core.model import Route
from app.core.secrets import PASSWORD_HASH, PASSWORD_REF
from app.store.event_rows import office_device_id
from app.store.projections.cases import forget_context, refold_cases
from app.store.work_calendar import OFFICE_HOURS


def _insert(db: Database, table: str, row: dict[str, Any]) -> None:
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    db.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))


def township_created(db: Database, event: Event) -> None:
    p = event.payload
    _insert(
        db,
        "township",
        {"id": 1, "name": p["name"], "code": p["code"], "created_at": event.local_time},
    )


def department_added(db: Database, event: Event) -> None:
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
            "parent_code": p.get("parent_code"),
            "contact": p.get("contact", ""),
        },
    )


def _update(db: Database, table: str, key: str, entity_id: str, values: dict[str, Any]) -> None:
    sets = ", ".join(f"{column} = ?" for column in values)
    db.conn.execute(f"UPDATE {table} SET {sets} WHERE {key} = ?", [*values.values(), entity_id])


def township_profile_set(db: Database, event: Event) -> None:
    p = event.payload
    values = {k: p.get(k, "") for k in ("authority", "address", "duty_phone")}
    _update(db, "township", "id", "1", values)


def principal_leader_set(db: Database, event: Event) -> None:
    p = event.payload
    values = {"principal_leader_id": p.get("principal"), "acting_leader_id": p.get("acting")}
    _update(db, "township", "id", "1", values)


def department_set(db: Database, event: Event) -> None:
    forget_context(db)
    keys = ("name", "short_name", "parent_code", "duty_phone", "contact", "active")
    _update(db, "departments", "code", event.entity_id, {k: event.payload[k] for k in keys})


def grid_set(db: Database, event: Event) -> None:
    keys = ("name", "area", "description", "worker_id", "active")
    _update(db, "grids", "code", event.entity_id, {k: event.payload[k] for k in keys})


def category_set(db: Database, event: Event) -> None:
    """New limits move the clocks of the open cases of the category."""
    forget_context(db)
    keys = ("name", "route", "department_code", "limit_days", "limit_hours", "sign_days")
    values = {k: event.payload[k] for k in (*keys, "matter_code", "active")}
    _update(db, "categories", "code", event.entity_id, values)
    rejudge_after_limits(db, event)


def step_limits_set(db: Database, event: Event) -> None:
    """A category's own triage, verification and closing limits; its open cases follow."""
    p = event.payload
    db.conn.execute(
        "INSERT INTO category_step_limits (code, triage_days, verify_days, close_days) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET triage_days = excluded."
        "triage_days, verify_days = excluded.verify_days, close_days = excluded.close_days",
        [event.entity_id, p.get("triage_days"), p.get("verify_days"), p.get("close_days")],
    )
    rejudge_after_limits(db, event)


def rejudge_after_limits(db: Database, event: Event) -> None:
    """Open cases of the category follow its new limits; a case with a step after the
    change (known here only now: it may have come late by sync, or as an older setting)
    is judged again by the limits then in force (core/case_path/context.py)."""
    forget_context(db)
    touched = db.conn.execute(
        "SELECT c.id FROM cases c JOIN events e ON e.id = c.last_event_id "
        "WHERE c.category_code = ? AND (c.sign_due_at IS NOT NULL "
        "OR c.handle_due_at IS NOT NULL OR c.step_due_at IS NOT NULL "
        "OR c.status = 'parked' OR e.hlc >= ?)",
        [event.entity_id, event.hlc],
    ).fetchall()
    refold_cases(db, [case_id for (case_id,) in touched])


def user_set(db: Database, event: Event) -> None:
    forget_context(db)
    keys = ("name", "role", "department_code", "phone", "active")
    _update(db, "users", "id", event.entity_id, {k: event.payload[k] for k in keys})


def _password(p: dict[str, Any]) -> dict[str, Any]:
    """Either form of a password (app/core/secrets.py): the hash itself (events before
    schema 7), or its ref, resolved through the secrets table when someone signs in."""
    if PASSWORD_REF in p:
        return {"password_hash": "", "password_ref": p[PASSWORD_REF]}
    return {"password_hash": p[PASSWORD_HASH], "password_ref": None}


def user_password_set(db: Database, event: Event) -> None:
    p = event.payload
    values = {**_password(p), "must_change_password": p["must_change_password"]}
    _update(db, "users", "id", event.entity_id, values)


def response_set(db: Database, event: Event) -> None:
    r = event.payload
    db.conn.execute(
        "UPDATE departments SET ack_minutes = ?, arrive_minutes = ?, handle_days = ? "
        "WHERE code = ?",
        [r["acknowledge_minutes"], r["arrive_minutes"], r["handle_days"], event.entity_id],
    )
    rejudge_after_commitment(db, event)


def rejudge_after_commitment(db: Database, event: Event) -> None:
    """A called department is held to its commitment: the open cases it leads follow a new
    one, so a due time never depends on whether a step or the commitment came first; a
    call with a step after the change is judged again by the commitment then in force."""
    forget_context(db)
    led = db.conn.execute(
        "SELECT id FROM cases WHERE lead_unit = ? AND route = ? AND (sign_due_at IS NOT NULL "
        "OR handle_due_at IS NOT NULL OR status = 'parked') "
        "UNION SELECT l.case_id FROM calls l JOIN cases c ON c.id = l.case_id "
        "JOIN events e ON e.id = c.last_event_id WHERE l.department = ? AND e.hlc >= ?",
        [event.entity_id, Route.CALL_Y.value, event.entity_id, event.hlc],
    ).fetchall()
    refold_cases(db, [case_id for (case_id,) in led])


# Settings that judge steps taken after them: an older one that arrives late is not applied
# (the newer holds), but the steps after it are judged again (replication.py).
REJUDGED_AFTER = {
    EventType.CATEGORY_SET: rejudge_after_limits,
    EventType.DEPARTMENT_RESPONSE_SET: rejudge_after_commitment,
}


def user_added(db: Database, event: Event) -> None:
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
            **_password(p),
            "must_change_password": p.get("must_change_password", False),
        },
    )


def grid_added(db: Database, event: Event) -> None:
    p = event.payload
    _insert(
        db,
        "grids",
        {
            "code": p["code"],
            "name": p["name"],
            "area": p["area"],
            "worker_id": p.get("worker_id"),
            "description": p.get("description", ""),
        },
    )


def category_added(db: Database, event: Event) -> None:
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
            "limit_hours": p.get("limit_hours"),
            "matter_code": p.get("matter_code"),
        },
    )


def category_split(db: Database, event: Event) -> None:
    """The narrower categories added, each naming the one split; the old one closed to new
    cases (its cases keep it); its own step limits carried over."""
    forget_context(db)
    old = event.entity_id
    for record in event.payload["into"]:
        category_added(db, replace(event, payload=record))
        db.conn.execute(
            "INSERT INTO category_splits (code, split_from, split_at, event_id) "
            "VALUES (?, ?, ?, ?)",
            [record["code"], old, event.local_time, event.id],
        )
        db.conn.execute(
            "INSERT INTO category_step_limits (code, triage_days, verify_days, close_days) "
            "SELECT ?, triage_days, verify_days, close_days FROM category_step_limits "
            "WHERE code = ?",
            [record["code"], old],
        )
    _update(db, "categories", "code", old, {"active": 0})


def _from_office(db: Database, event: Event) -> bool:
    return office_device_id(db) == event.device_id


def device_enrolled(db: Database, event: Event) -> None:
    if not _from_office(db, event):
        return
    forget_context(db)  # its code vouches for the registrations made on it (device_codes)
    p = event.payload
    row = {key: p[key] for key in ("code", "name", "kind", "department", "sign_key", "box_key")}
    _insert(db, "devices", {"id": event.entity_id, **row, "enrolled_at": event.local_time})


def device_revoked(db: Database, event: Event) -> None:
    if _from_office(db, event):
        db.conn.execute(
            "UPDATE devices SET revoked_at = ?, revoked_why = ? WHERE id = ?",
            [event.local_time, event.payload["reason"], event.entity_id],
        )


def escrow_set(db: Database, event: Event) -> None:
    if _from_office(db, event):
        db.conn.execute("UPDATE township SET escrow_key = ?", [event.payload["escrow_key"]])


def evidence_received(db: Database, event: Event) -> None:
    """Custody of each evidence file a sync file brought: one statement for all of them
    (a large file brings thousands)."""
    p = event.payload
    db.conn.executemany(
        "INSERT INTO custody (sha256, at, kind, device_id, actor_id, from_device_id, file_id, "
        "file_created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                sha256,
                event.local_time,
                "received",
                event.device_id,
                event.actor_id,
                p["from_device"],
                p["file_id"],
                p["file_created_at"],
            )
            for sha256 in p["blobs"]
        ],
    )


def calendar_day_set(db: Database, event: Event) -> None:
    p = event.payload
    db.conn.execute(
        "INSERT INTO calendar_overrides (day, working, note) VALUES (?, ?, ?) "
        "ON CONFLICT (day) DO UPDATE SET working = excluded.working, note = excluded.note",
        [event.entity_id, int(p["working"]), p["note"]],
    )
    recompute_open_cases(db, since=f"{event.entity_id} 00:00:00")


def calendar_year_set(db: Database, event: Event) -> None:
    p = event.payload
    db.conn.execute(
        "INSERT INTO holiday_schedules (year, festivals) VALUES (?, ?) "
        "ON CONFLICT (year) DO UPDATE SET festivals = excluded.festivals",
        [p["year"], json.dumps(p["festivals"], ensure_ascii=False)],
    )
    recompute_open_cases(db, since=f"{p['year']}-01-01 00:00:00")


def office_hours_set(db: Database, event: Event) -> None:
    db.conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [OFFICE_HOURS, json.dumps({"start": event.payload["start"], "end": event.payload["end"]})],
    )
    recompute_open_cases(db, since="")  # every office hour of every case counts anew


def recompute_open_cases(db: Database, since: str | None = None) -> None:
    """Due times follow the calendar: every case with a running clock is worked out again,
    and with ``since`` (a changed day, year or office hours: "" for all time) every case
    with a step or a deadline from then on, whose facts the calendar judged (a rebuild
    judges every case by the calendar as it now stands)."""
    forget_context(db)
    running = (
        "SELECT id FROM cases WHERE sign_due_at IS NOT NULL "
        "OR handle_due_at IS NOT NULL OR step_due_at IS NOT NULL OR status = 'parked'"
    )
    params: list[object] = []
    if since is not None:
        running += (
            " UNION SELECT c.id FROM cases c JOIN events e ON e.id = c.last_event_id "
            "WHERE e.hlc >= ? UNION SELECT case_id FROM handling_facts WHERE sign_due_at >= ? "
            # an ordinary call's response and arrival run on office hours (time_limits)
            "UNION SELECT case_id FROM call_facts WHERE response_due_at >= ? "
            "OR arrival_due_at >= ?"
        )
        params = [first_hlc_at(parse_local(since)) if since else 0, since, since, since]
    open_cases = db.conn.execute(running, params).fetchall()
    refold_cases(db, [case_id for (case_id,) in open_cases])


def assessment_weights_set(db: Database, event: Event) -> None:
    db.conn.execute("DELETE FROM assessment_weights")
    db.conn.executemany(
        "INSERT INTO assessment_weights (indicator, weight) VALUES (?, ?)",
        sorted(event.payload["weights"].items()),
    )
