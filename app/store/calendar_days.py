"""The calendar's exceptions (a year chinese-calendar does not know yet, a local
arrangement) and office hours. Each change is an event, so field laptops get the same
calendar; applying one moves the due times of every open case with it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlite_utils import Database

from app.core.clock import Wall
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.model import User
from app.core.permissions import MANAGE_REFERENCE_DATA, require
from app.store.case_state import OFFICE_HOURS, work_calendar
from app.store.eventlog import writing


@dataclass(frozen=True)
class CalendarDay:
    day: str
    working: bool
    note: str


def overrides(db: Database) -> list[CalendarDay]:
    rows = db.execute("SELECT day, working, note FROM calendar_overrides ORDER BY day")
    return [CalendarDay(day, bool(working), note) for day, working, note in rows]


def set_day(
    db: Database, actor: User, day: str, working: bool, note: str = "", *, wall: Wall
) -> int:
    """Record an exception; returns how many open cases got new due times."""
    require(actor.role, MANAGE_REFERENCE_DATA)
    try:
        when = date.fromisoformat(day.strip())
    except ValueError:
        raise DomainError("date_invalid", value=day) from None
    payload = {"working": bool(working), "note": note.strip()}
    with writing(db, wall) as writer:
        writer.append(actor.id, "calendar", when.isoformat(), EventType.CALENDAR_DAY_SET, payload)
        return _open_cases(db)


def set_office_hours(db: Database, actor: User, start: str, end: str, *, wall: Wall) -> int:
    """Office hours bound every deadline (a working day ends at closing time)."""
    require(actor.role, MANAGE_REFERENCE_DATA)
    try:
        opens, closes = time.fromisoformat(start.strip()), time.fromisoformat(end.strip())
    except ValueError:
        raise DomainError("office_hours_invalid", value=f"{start}-{end}") from None
    if opens >= closes:
        raise DomainError("office_hours_invalid", value=f"{start}-{end}")
    payload = {"start": opens.strftime("%H:%M"), "end": closes.strftime("%H:%M")}
    with writing(db, wall) as writer:
        writer.append(actor.id, "calendar", OFFICE_HOURS, EventType.OFFICE_HOURS_SET, payload)
        return _open_cases(db)


def _open_cases(db: Database) -> int:
    return db.conn.execute(
        "SELECT count(*) FROM cases WHERE sign_due_at IS NOT NULL "
        "OR handle_due_at IS NOT NULL OR status = 'parked'"
    ).fetchone()[0]


def known_year(db: Database, year: int) -> bool:
    return work_calendar(db).known_year(year)
