"""Deadlines: when a step is due, and whether it is on time, due soon, overdue, paused or done.

Computed from the case's history every time (start, limit, approved extensions, parking
periods), never stored, so an edited calendar or a late-synced event cannot leave a stale flag.
Case steps run on office time (``WorkCalendar``); the clocks of a call to a Y department run
on the wall clock, because an emergency does not wait for office hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from app.core.calendar import WorkCalendar

# A wall-clock step is "due soon" in its last 10 minutes: a third of the shortest default call
# clock (30 minutes to acknowledge), early enough for the clerk to phone the duty line again.
WALL_DUE_SOON_SECONDS = 10 * 60


@dataclass(frozen=True)
class Pause:
    """A parking period (挂账): the clock does not run from ``start`` to ``end``.
    ``end`` None means the case is still parked."""

    start: datetime
    end: datetime | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError("挂账结束时间早于开始时间")


def paused_working_seconds(calendar: WorkCalendar, start: datetime, pauses: Sequence[Pause]) -> int:
    """Office time spent parked after ``start``; every pause must be closed. Overlapping pauses
    (a re-approved parking recorded twice) count once."""
    spans = sorted(
        (max(p.start, start), p.end) for p in pauses if p.end is not None and p.end > start
    )
    total = 0
    cursor = start
    for lo, hi in spans:
        lo = max(lo, cursor)
        if hi > lo:
            total += calendar.working_seconds_between(lo, hi)
            cursor = hi
    return total


def due_time(
    calendar: WorkCalendar,
    start: datetime,
    working_days: int,
    pauses: Sequence[Pause] = (),
    extensions_days: int = 0,
) -> datetime | None:
    """When a step started at ``start`` with a limit of ``working_days`` (plus approved
    extension days) is due, pushed back by the office time it spent parked after ``start``.

    None while a pause that reaches past ``start`` is still open: the clock is stopped and the
    due time depends on when the case resumes. Pauses that ended before ``start`` belong to an
    earlier clock and are ignored. A parking begun after the deadline pushes it too, by its own
    length, so an overdue case stays overdue by the same amount once resumed.
    """
    if any(p.end is None for p in pauses):
        return None
    base = calendar.add_working_days(start, working_days + extensions_days)
    return calendar.add_working_seconds(base, paused_working_seconds(calendar, start, pauses))


def due_after_minutes(start: datetime, minutes: int) -> datetime:
    """Wall-clock deadline for the steps of a Y call (acknowledge, arrive): nights and holidays
    count, emergencies do not wait for office hours."""
    if minutes < 0:
        raise ValueError("时限不能为负")
    return start + timedelta(minutes=minutes)


class DeadlineState(StrEnum):
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    PAUSED = "paused"
    DONE = "done"


def remaining_working_seconds(calendar: WorkCalendar, now: datetime, due: datetime) -> int:
    """Office time left until ``due``; negative when overdue. It stands still outside office
    hours, so on the Saturday after a Friday 17:30 deadline it is 0 while the state already
    reads OVERDUE (the state follows the wall clock)."""
    return calendar.working_seconds_between(now, due)


def deadline_state(
    due: datetime | None,
    now: datetime,
    finished_at: datetime | None = None,
    calendar: WorkCalendar | None = None,
    due_soon_seconds: int | None = None,
) -> DeadlineState:
    """The state of one clock at ``now``, in this order:

    - DONE when the step finished (finishing late is ``finished_at > due``, for the scores);
    - PAUSED when there is no due time (the case is parked);
    - OVERDUE once ``now`` is past ``due`` on the wall clock;
    - DUE_SOON when less than ``due_soon_seconds`` remain: office seconds with a calendar
      (default half an office day: with 08:30–17:30 a step due at 17:30 turns due soon at
      13:00 that day, and one due at 09:30 at 14:00 the working day before), wall seconds
      without one (default 10 minutes, for Y calls);
    - ON_TIME otherwise.
    """
    if finished_at is not None:
        return DeadlineState.DONE
    if due is None:
        return DeadlineState.PAUSED
    if now > due:
        return DeadlineState.OVERDUE
    if calendar is None:
        left = (due - now) // timedelta(seconds=1)
        threshold = WALL_DUE_SOON_SECONDS if due_soon_seconds is None else due_soon_seconds
    else:
        left = remaining_working_seconds(calendar, now, due)
        threshold = (
            calendar.office_seconds_per_day // 2 if due_soon_seconds is None else due_soon_seconds
        )
    return DeadlineState.DUE_SOON if left < threshold else DeadlineState.ON_TIME


def finished_late(due: datetime | None, finished_at: datetime | None) -> bool:
    """A step done after its due time was late, and stays late on the record."""
    return due is not None and finished_at is not None and finished_at > due


def overdue(state: DeadlineState, due: datetime | None, finished_at: datetime | None) -> bool:
    """Overdue on the record: still running past its due time, or done after it. The one
    rule behind the window's （超时）, the command line's ``"overdue"`` and the scores'
    on-time counts (``case_path.facts``), so a late response reads late everywhere."""
    return state == DeadlineState.OVERDUE or finished_late(due, finished_at)
