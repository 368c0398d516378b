"""How long each step may take, by category and urgency (DOMAIN.md §4)."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.core.calendar import WorkCalendar
from app.core.deadlines import Pause, due_time
from app.core.model import ResponseCommitment, Urgency

SIGN_LIMIT_DAYS = 1  # a unit signs for a case by the end of the next working day ...
URGENT_SIGN_LIMIT_DAYS = 0  # ... or, when urgent, by the end of today's office hours
DEFAULT_HANDLE_DAYS = 5  # when a category names no limit


def sign_limit_days(category_days: int | None, urgency: Urgency) -> int:
    """The category's sign-for limit (default one working day); urgent: today."""
    if urgency == Urgency.URGENT:
        return URGENT_SIGN_LIMIT_DAYS
    return SIGN_LIMIT_DAYS if category_days is None else category_days


def handle_limit_days(category_days: int | None, urgency: Urgency) -> int:
    """Urgent cases get half the category's limit, at least one working day."""
    days = category_days or DEFAULT_HANDLE_DAYS
    return max(1, (days + 1) // 2) if urgency == Urgency.URGENT else days


def call_limits(commitment: ResponseCommitment | None, urgent: bool) -> tuple[int, int, int]:
    """(acknowledge minutes, arrive minutes, handle working days) for a call to Y.
    The commitment is for urgent calls; an ordinary call gets twice the minutes."""
    c = commitment or ResponseCommitment()
    factor = 1 if urgent else 2
    return c.acknowledge_minutes * factor, c.arrive_minutes * factor, c.handle_days


def call_step_due(calendar: WorkCalendar, called: datetime, minutes: int, urgent: bool) -> datetime:
    """When a call's response or arrival is due. An urgent call runs on the wall clock
    (an emergency does not wait for office hours); an ordinary one on office hours, so a
    call placed on Friday at 17:00 with 60 minutes is due Monday at 09:00, not Friday night
    when nobody answers the duty line of a district office.

    The rule follows the ``urgent`` flag every call event has always carried, so old calls
    need no new event: an ordinary call recorded before this rule is judged by office hours
    too (a change in how it is judged, not in what its events say)."""
    if minutes < 0:
        raise ValueError("时限不能为负")
    if urgent:
        return called + timedelta(minutes=minutes)
    return calendar.add_working_seconds(called, minutes * 60)


def handle_due(
    calendar: WorkCalendar,
    started: datetime,
    category_days: int | None,
    urgency: Urgency,
    extension_days: int,
    pauses: list[Pause],
) -> datetime | None:
    """When handling must be done; None while parked (the clock is stopped)."""
    return due_time(
        calendar, started, handle_limit_days(category_days, urgency), pauses, extension_days
    )


def handle_due_hours(
    calendar: WorkCalendar,
    started: datetime,
    hours: int,
    extension_days: int,
    pauses: list[Pause],
) -> datetime | None:
    """An urgent hazard's limit in hours runs night and day (a gas leak does not wait for
    office hours); time parked is added back; approved extensions are working days after.
    None while parked."""
    if any(p.end is None for p in pauses):
        return None
    parked = sum(
        (p.end - max(p.start, started)).total_seconds()
        for p in pauses
        if p.end is not None and p.end > started
    )
    due = started + timedelta(hours=hours, seconds=parked)
    return calendar.add_working_days(due, extension_days) if extension_days else due
