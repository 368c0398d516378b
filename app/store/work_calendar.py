"""The calendar the clocks run on, as this township keeps it: the statutory tables, the
holiday schedules the administrator entered, the office's exceptions and its office hours.
Read only; the writes are in store/calendar_days.py."""

from __future__ import annotations

import json
from datetime import date, time
from functools import lru_cache

from sqlite_utils import Database

from app.core.calendar import WorkCalendar
from app.core.holidays import Festival, missing_festivals, schedule_days

OFFICE_HOURS = "office_hours"  # settings key: {"start": "08:30", "end": "17:30"}


def work_calendar(db: Database) -> WorkCalendar:
    """The statutory calendar, this township's schedules and exceptions, its office hours."""
    rows = db.conn.execute("SELECT day, working FROM calendar_overrides ORDER BY day").fetchall()
    years = db.conn.execute("SELECT year, festivals FROM holiday_schedules ORDER BY year")
    hours = db.conn.execute("SELECT value FROM settings WHERE key = ?", [OFFICE_HOURS]).fetchone()
    return _calendar(tuple(rows), tuple(years.fetchall()), hours[0] if hours else None)


def holiday_schedules(db: Database) -> dict[int, list[Festival]]:
    """The schedules entered, by year."""
    rows = db.conn.execute("SELECT year, festivals FROM holiday_schedules ORDER BY year")
    return {year: _festivals(saved) for year, saved in rows}


def _festivals(saved: str) -> list[Festival]:
    return [Festival.from_record(record) for record in json.loads(saved)]


@lru_cache(maxsize=8)
def _calendar(
    overrides: tuple[tuple[str, int], ...],
    schedules: tuple[tuple[int, str], ...],
    hours: str | None,
) -> WorkCalendar:
    """One calendar per content, so its per-day answers are reused from step to step
    (asking chinese-calendar about every day again was most of an import's time)."""
    start, end = time(8, 30), time(17, 30)
    if hours:
        saved = json.loads(hours)
        start, end = time.fromisoformat(saved["start"]), time.fromisoformat(saved["end"])
    days = {date.fromisoformat(day): bool(working) for day, working in overrides}
    scheduled: dict[date, bool] = {}
    complete: set[int] = set()
    for year, saved in schedules:
        entries = _festivals(saved)
        scheduled.update((day, working) for day, (working, _) in schedule_days(entries).items())
        if not missing_festivals(entries):
            complete.add(year)
    return WorkCalendar(days, start, end, scheduled=scheduled, scheduled_years=frozenset(complete))
