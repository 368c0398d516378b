"""Deadlines: due times with extensions and parking, states, and the wall clocks of Y calls."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.calendar import WorkCalendar
from app.core.deadlines import (
    DeadlineState,
    Pause,
    deadline_state,
    due_after_minutes,
    due_time,
    finished_late,
    overdue,
    paused_working_seconds,
    remaining_working_seconds,
)

CAL = WorkCalendar()
HOUR = 3600


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_due_time_without_pauses_is_the_working_day_deadline() -> None:
    start = dt("2026-03-02 09:00")  # Monday
    assert due_time(CAL, start, 5) == dt("2026-03-09 17:30")
    assert due_time(CAL, start, 5, extensions_days=3) == dt("2026-03-12 17:30")


def test_a_pause_of_two_working_days_pushes_the_deadline_by_two_working_days() -> None:
    start = dt("2026-03-02 09:00")
    parked = Pause(dt("2026-03-03 08:30"), dt("2026-03-05 08:30"))  # Tuesday and Wednesday
    assert due_time(CAL, start, 5, [parked]) == dt("2026-03-11 17:30")


def test_a_pause_over_a_weekend_costs_no_office_time() -> None:
    start = dt("2026-03-02 09:00")
    weekend = Pause(dt("2026-03-06 17:30"), dt("2026-03-09 08:30"))
    assert due_time(CAL, start, 5, [weekend]) == dt("2026-03-09 17:30")


def test_a_pause_across_the_spring_festival_counts_only_working_days() -> None:
    start = dt("2026-02-10 09:00")  # Tuesday; 3 days: 2-11, 2-12, 2-13
    parked = Pause(dt("2026-02-13 08:30"), dt("2026-02-25 08:30"))  # 2-13, 2-14, 2-24 lost
    # work resumes on 2-25, the third working day actually worked
    assert due_time(CAL, start, 3, [parked]) == dt("2026-02-25 17:30")


def test_an_open_pause_stops_the_clock() -> None:
    start = dt("2026-03-02 09:00")
    assert due_time(CAL, start, 5, [Pause(dt("2026-03-03 10:00"))]) is None
    closed = Pause(dt("2026-03-03 10:00"), dt("2026-03-03 11:00"))
    assert due_time(CAL, start, 5, [closed, Pause(dt("2026-03-04 10:00"), None)]) is None


def test_pauses_before_start_are_ignored_and_overlaps_count_once() -> None:
    start = dt("2026-03-02 09:00")
    earlier = Pause(dt("2026-02-26 09:00"), dt("2026-02-27 09:00"))
    straddling = Pause(dt("2026-03-02 08:00"), dt("2026-03-02 11:00"))  # 2 h after start
    assert paused_working_seconds(CAL, start, [earlier]) == 0
    assert paused_working_seconds(CAL, start, [straddling]) == 2 * HOUR
    a = Pause(dt("2026-03-03 09:00"), dt("2026-03-03 12:00"))
    b = Pause(dt("2026-03-03 11:00"), dt("2026-03-03 14:00"))
    inner = Pause(dt("2026-03-03 10:00"), dt("2026-03-03 10:30"))
    assert paused_working_seconds(CAL, start, [b, inner, a]) == 5 * HOUR
    assert due_time(CAL, start, 5, [earlier]) == dt("2026-03-09 17:30")


def test_a_pause_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        Pause(dt("2026-03-03 10:00"), dt("2026-03-03 09:00"))


def test_parking_an_overdue_case_keeps_it_overdue_by_the_same_amount() -> None:
    start = dt("2026-03-02 09:00")
    due = due_time(CAL, start, 1)  # Tuesday 17:30
    assert due is not None
    parked = Pause(dt("2026-03-04 09:30"), dt("2026-03-10 09:30"))  # parked an hour late
    resumed_due = due_time(CAL, start, 1, [parked])
    assert resumed_due is not None
    assert remaining_working_seconds(CAL, dt("2026-03-10 09:30"), resumed_due) == -HOUR


def test_deadline_states_through_a_step() -> None:
    due = dt("2026-03-09 17:30")  # Monday
    assert deadline_state(due, dt("2026-03-06 15:00"), calendar=CAL) is DeadlineState.ON_TIME
    # half an office day (4.5 h) before: Monday 13:00
    assert deadline_state(due, dt("2026-03-09 12:59"), calendar=CAL) is DeadlineState.ON_TIME
    assert deadline_state(due, dt("2026-03-09 13:01"), calendar=CAL) is DeadlineState.DUE_SOON
    assert deadline_state(due, dt("2026-03-09 17:30"), calendar=CAL) is DeadlineState.DUE_SOON
    assert deadline_state(due, dt("2026-03-09 17:31"), calendar=CAL) is DeadlineState.OVERDUE
    done = dt("2026-03-09 18:00")
    assert deadline_state(due, dt("2026-03-10 09:00"), done, calendar=CAL) is DeadlineState.DONE
    assert deadline_state(None, dt("2026-03-10 09:00"), calendar=CAL) is DeadlineState.PAUSED
    # due soon counts office time: Friday 17:00 is 64.5 wall hours but 1.5 office hours
    # before Monday 09:30
    early = dt("2026-03-09 09:30")
    assert deadline_state(early, dt("2026-03-06 17:00"), calendar=CAL) is DeadlineState.DUE_SOON
    assert deadline_state(early, dt("2026-03-06 13:00"), calendar=CAL) is DeadlineState.ON_TIME
    # ...but a tighter custom rule (a whole office day) already calls it due soon
    tight = deadline_state(due, dt("2026-03-09 08:00"), calendar=CAL, due_soon_seconds=9 * HOUR + 1)
    assert tight is DeadlineState.DUE_SOON


def test_remaining_working_seconds_is_negative_when_overdue() -> None:
    due = dt("2026-03-06 17:30")  # Friday
    assert remaining_working_seconds(CAL, dt("2026-03-06 15:30"), due) == 2 * HOUR
    assert remaining_working_seconds(CAL, dt("2026-03-07 10:00"), due) == 0  # the weekend
    assert remaining_working_seconds(CAL, dt("2026-03-09 09:30"), due) == -HOUR


def test_y_call_clocks_run_on_the_wall_clock() -> None:
    called = dt("2026-02-16 23:50")  # a night in the Spring Festival holiday
    ack_due = due_after_minutes(called, 30)
    assert ack_due == dt("2026-02-17 00:20")
    assert due_after_minutes(called, 120) == dt("2026-02-17 01:50")
    assert deadline_state(ack_due, dt("2026-02-17 00:05")) is DeadlineState.ON_TIME
    assert deadline_state(ack_due, dt("2026-02-17 00:11")) is DeadlineState.DUE_SOON
    assert deadline_state(ack_due, dt("2026-02-17 00:21")) is DeadlineState.OVERDUE
    acknowledged = dt("2026-02-17 00:15")
    assert deadline_state(ack_due, dt("2026-02-17 00:21"), acknowledged) is DeadlineState.DONE
    with pytest.raises(ValueError):
        due_after_minutes(called, -1)


@given(
    start=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 1)),
    days=st.integers(0, 20),
    pause_at=st.integers(0, 30 * 24 * 60),
    pause_minutes=st.integers(0, 20 * 24 * 60),
)
def test_a_closed_pause_moves_the_deadline_by_its_office_time(
    start: datetime, days: int, pause_at: int, pause_minutes: int
) -> None:
    start = start.replace(second=0, microsecond=0)
    begin = start + timedelta(minutes=pause_at)
    pause = Pause(begin, begin + timedelta(minutes=pause_minutes))
    plain = due_time(CAL, start, days)
    pushed = due_time(CAL, start, days, [pause])
    assert plain is not None and pushed is not None
    assert CAL.working_seconds_between(plain, pushed) == CAL.working_seconds_between(
        pause.start, pause.end or pause.start
    )


# --- limits in hours: urgent hazards run night and day -------------------------------------


def test_an_hours_limit_runs_through_the_night_and_the_weekend() -> None:
    from app.core.time_limits import handle_due_hours

    friday_evening = dt("2026-03-06 17:00")
    assert handle_due_hours(CAL, friday_evening, 4, 0, []) == dt("2026-03-06 21:00")
    assert handle_due_hours(CAL, friday_evening, 24, 0, []) == dt("2026-03-07 17:00")


def test_an_hours_limit_stops_while_parked_and_takes_extensions_in_working_days() -> None:
    from app.core.time_limits import handle_due_hours

    start = dt("2026-03-04 09:00")  # a Wednesday
    parked = [Pause(dt("2026-03-04 10:00"), dt("2026-03-04 12:30"))]
    assert handle_due_hours(CAL, start, 2, 0, parked) == dt("2026-03-04 13:30")
    assert handle_due_hours(CAL, start, 2, 0, [Pause(dt("2026-03-04 10:00"))]) is None
    extended = handle_due_hours(CAL, start, 2, 1, [])
    assert extended is not None and extended.date() == dt("2026-03-05 00:00").date()


def test_a_step_done_late_stays_overdue_on_the_record() -> None:
    """One rule for the window's （超时）, the command line's "overdue" and the scores."""
    due = dt("2026-12-01 09:30:00")
    late, in_time = due + timedelta(seconds=1), due
    assert finished_late(due, late) and not finished_late(due, in_time)
    assert not finished_late(due, None) and not finished_late(None, late)
    done_late = deadline_state(due, late + timedelta(hours=2), finished_at=late)
    assert done_late == DeadlineState.DONE
    assert overdue(done_late, due, late)
    assert not overdue(DeadlineState.DONE, due, in_time)
    running = deadline_state(due, late, calendar=None)
    assert running == DeadlineState.OVERDUE and overdue(running, due, None)
    assert not overdue(DeadlineState.ON_TIME, due, None)
