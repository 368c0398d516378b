"""The calendar's settings: a year's holiday schedule, the office's exceptions (a local
arrangement) and office hours. Each change is an event, so field laptops get the same
calendar; applying one moves the due times of every open case with it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlite_utils import Database

from app.core.clock import Wall
from app.core.errors import DomainError, Words
from app.core.events import EventType
from app.core.holidays import (
    Festival,
    ScheduleNotice,
    check_schedule,
    missing_festivals,
    schedule_notice,
)
from app.core.intake import check_day
from app.core.model import User
from app.core.permissions import MANAGE_REFERENCE_DATA
from app.store.devices import require_office
from app.store.eventlog import writing
from app.store.work_calendar import OFFICE_HOURS, holiday_schedules, work_calendar


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
    """Record an exception; returns how many open cases had their clocks recounted."""
    require_office(db, actor, MANAGE_REFERENCE_DATA)
    try:
        when = date.fromisoformat(day.strip())
    except ValueError:
        raise DomainError("date_invalid", value=day) from None
    check_day(when, Words("日期", "date"))
    payload = {"working": bool(working), "note": note.strip()}
    with writing(db, wall) as writer:
        writer.append(actor.id, "calendar", when.isoformat(), EventType.CALENDAR_DAY_SET, payload)
        return _open_cases(db)


def set_year(db: Database, actor: User, year: int, festivals: list[Festival], *, wall: Wall) -> int:
    """Enter (or correct) a year's holiday schedule as the State Council published it; it
    replaces what was entered for that year. Returns how many open cases had their clocks
    recounted (whether or not their due times moved)."""
    require_office(db, actor, MANAGE_REFERENCE_DATA)
    entries = check_schedule(year, festivals)
    payload = {"year": year, "festivals": [entry.record() for entry in entries]}
    with writing(db, wall) as writer:
        writer.append(actor.id, "calendar", f"year-{year}", EventType.CALENDAR_YEAR_SET, payload)
        return _open_cases(db)


def set_office_hours(db: Database, actor: User, start: str, end: str, *, wall: Wall) -> int:
    """Office hours bound every deadline (a working day ends at closing time)."""
    require_office(db, actor, MANAGE_REFERENCE_DATA)
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
        "OR handle_due_at IS NOT NULL OR step_due_at IS NOT NULL OR status = 'parked'"
    ).fetchone()[0]


def known_year(db: Database, year: int) -> bool:
    return work_calendar(db).known_year(year)


def calendar_notice(db: Database, today: date) -> ScheduleNotice | None:
    """The year whose holidays are not known in full when they are needed (this year, and
    from 1 November the next), for the workbench's warning."""
    calendar, schedules = work_calendar(db), holiday_schedules(db)
    years = (today.year, today.year + 1)
    known = {year: calendar.known_year(year) for year in years}
    missing = {year: missing_festivals(schedules.get(year, [])) for year in years}
    return schedule_notice(today, known, missing)
