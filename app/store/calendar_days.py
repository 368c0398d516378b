"""The calendar's local exceptions (a year chinese-calendar does not know yet, a local
arrangement). Changing one moves the due times of every open case with it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, time

from sqlite_utils import Database

from app.core.errors import DomainError
from app.core.model import User
from app.core.permissions import MANAGE_REFERENCE_DATA, require
from app.store.case_steps import OFFICE_HOURS, recompute_due, work_calendar
from app.store.database import write_transaction


@dataclass(frozen=True)
class CalendarDay:
    day: str
    working: bool
    note: str


def overrides(db: Database) -> list[CalendarDay]:
    rows = db.execute("SELECT day, working, note FROM calendar_overrides ORDER BY day")
    return [CalendarDay(day, bool(working), note) for day, working, note in rows]


def set_day(db: Database, actor: User, day: str, working: bool, note: str = "") -> int:
    """Record an exception; returns how many open cases got new due times."""
    require(actor.role, MANAGE_REFERENCE_DATA)
    try:
        when = date.fromisoformat(day.strip())
    except ValueError:
        raise DomainError("date_invalid", value=day) from None
    with write_transaction(db):
        db.conn.execute(
            "INSERT INTO calendar_overrides (day, working, note) VALUES (?, ?, ?) "
            "ON CONFLICT (day) DO UPDATE SET working = excluded.working, note = excluded.note",
            [when.isoformat(), int(working), note.strip()],
        )
        return _recompute_open_cases(db)


def set_office_hours(db: Database, actor: User, start: str, end: str) -> int:
    """Office hours bound every deadline (a working day ends at closing time)."""
    require(actor.role, MANAGE_REFERENCE_DATA)
    try:
        opens, closes = time.fromisoformat(start.strip()), time.fromisoformat(end.strip())
    except ValueError:
        raise DomainError("office_hours_invalid", value=f"{start}-{end}") from None
    if opens >= closes:
        raise DomainError("office_hours_invalid", value=f"{start}-{end}")
    value = json.dumps({"start": opens.strftime("%H:%M"), "end": closes.strftime("%H:%M")})
    with write_transaction(db):
        db.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [OFFICE_HOURS, value],
        )
        return _recompute_open_cases(db)


def _recompute_open_cases(db: Database) -> int:
    open_cases = [
        row[0]
        for row in db.conn.execute(
            "SELECT id FROM cases WHERE sign_due_at IS NOT NULL "
            "OR handle_due_at IS NOT NULL OR status = 'parked'"
        )
    ]
    for case_id in open_cases:
        recompute_due(db, case_id)
    return len(open_cases)


def known_year(db: Database, year: int) -> bool:
    return work_calendar(db).known_year(year)
