"""The working-day calendar: 2026 holidays and make-up days, overrides, unknown years and
office time."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.core.calendar import WorkCalendar

CAL = WorkCalendar()
HOUR = 3600
OFFICE_DAY = 9 * HOUR  # 08:30–17:30


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_spring_festival_2026_days_off_and_working_saturdays() -> None:
    for day in range(15, 24):  # 2-15 (Sunday) .. 2-23 (Monday) off
        assert not CAL.is_working_day(date(2026, 2, day)), day
    assert CAL.is_working_day(date(2026, 2, 14))  # Saturday, make-up working day
    assert CAL.is_working_day(date(2026, 2, 28))  # Saturday, make-up working day
    assert CAL.is_working_day(date(2026, 2, 13))
    assert CAL.is_working_day(date(2026, 2, 24))  # first day back


def test_spring_festival_2026_deadlines() -> None:
    assert CAL.add_working_days(dt("2026-02-13 17:00"), 1) == dt("2026-02-14 17:30")
    assert CAL.add_working_days(dt("2026-02-14 10:00"), 1) == dt("2026-02-24 17:30")
    # received during the holiday: the first working day after it is day 1
    assert CAL.add_working_days(dt("2026-02-18 10:00"), 1) == dt("2026-02-24 17:30")
    assert CAL.add_working_days(dt("2026-02-18 10:00"), 0) == dt("2026-02-24 17:30")
    assert CAL.add_working_days(dt("2026-02-27 09:00"), 1) == dt("2026-02-28 17:30")
    # 5 working days from 2-12: 2-13, 2-14, 2-24, 2-25, 2-26
    assert CAL.add_working_days(dt("2026-02-12 09:00"), 5) == dt("2026-02-26 17:30")


def test_mid_autumn_and_national_day_2026() -> None:
    # Mid-Autumn 9-25..9-27 and National Day 10-1..10-7 off; Sunday 9-20 and Saturday 10-10 worked
    for day in [date(2026, 9, 25), date(2026, 9, 26), date(2026, 9, 27)]:
        assert not CAL.is_working_day(day)
    for day in range(1, 8):
        assert not CAL.is_working_day(date(2026, 10, day)), day
    assert CAL.is_working_day(date(2026, 9, 20))
    assert CAL.is_working_day(date(2026, 10, 10))
    assert not CAL.is_working_day(date(2026, 10, 11))  # an ordinary Sunday again
    assert CAL.add_working_days(dt("2026-09-30 15:00"), 1) == dt("2026-10-08 17:30")
    # 10-8, 10-9, 10-10 (Saturday, worked), 10-12
    assert CAL.add_working_days(dt("2026-09-30 15:00"), 4) == dt("2026-10-12 17:30")


def test_ordinary_weekend() -> None:
    assert not CAL.is_working_day(date(2026, 3, 7))
    assert not CAL.is_working_day(date(2026, 3, 8))
    assert CAL.add_working_days(dt("2026-03-06 15:00"), 1) == dt("2026-03-09 17:30")
    assert CAL.add_working_days(dt("2026-03-06 15:00"), 0) == dt("2026-03-06 17:30")
    assert CAL.add_working_days(dt("2026-03-07 11:00"), 0) == dt("2026-03-09 17:30")
    assert CAL.add_working_days(dt("2026-03-07 11:00"), 1) == dt("2026-03-09 17:30")


def test_same_day_limit_after_closing_moves_to_the_next_working_day() -> None:
    assert CAL.add_working_days(dt("2026-03-06 17:30"), 0) == dt("2026-03-06 17:30")
    assert CAL.add_working_days(dt("2026-03-06 19:00"), 0) == dt("2026-03-09 17:30")
    with pytest.raises(ValueError):
        CAL.add_working_days(dt("2026-03-06 19:00"), -1)


def test_overrides_win_over_the_library() -> None:
    cal = WorkCalendar({date(2026, 3, 10): False, date(2026, 3, 8): True})  # Tuesday off, Sunday on
    assert not cal.is_working_day(date(2026, 3, 10))
    assert cal.is_working_day(date(2026, 3, 8))
    assert cal.add_working_days(dt("2026-03-06 15:00"), 1) == dt("2026-03-08 17:30")
    assert cal.add_working_days(dt("2026-03-09 15:00"), 1) == dt("2026-03-11 17:30")
    assert CAL.is_working_day(date(2026, 3, 10))  # the default calendar is untouched


def test_unknown_year_falls_back_to_monday_to_friday() -> None:
    assert CAL.known_year(2026)
    assert CAL.known_year(2004)
    assert not CAL.known_year(2031)
    assert not CAL.known_year(2003)
    assert CAL.is_working_day(date(2031, 1, 1))  # Wednesday; New Year's Day not known yet
    assert not CAL.is_working_day(date(2031, 1, 4))  # Saturday
    assert CAL.add_working_days(dt("2031-01-03 10:00"), 1) == dt("2031-01-06 17:30")
    one_day = WorkCalendar({date(2031, 1, 1): False})
    assert not one_day.is_working_day(date(2031, 1, 1))
    assert not one_day.known_year(2031)  # one exception is not the year's arrangement


def test_an_entered_schedule_counts_and_the_office_s_exceptions_win_over_it() -> None:
    schedule = {date(2031, 1, 1): False, date(2031, 1, 4): True}
    partial = WorkCalendar(scheduled=schedule)
    assert not partial.is_working_day(date(2031, 1, 1))
    assert partial.is_working_day(date(2031, 1, 4))  # a make-up Saturday
    assert not partial.known_year(2031)  # entered, but not every festival yet
    complete = WorkCalendar(
        {date(2031, 1, 4): False}, scheduled=schedule, scheduled_years=frozenset({2031})
    )
    assert complete.known_year(2031)
    assert not complete.is_working_day(date(2031, 1, 4))  # the local exception wins
    corrected = WorkCalendar(scheduled={date(2026, 3, 10): False})
    assert not corrected.is_working_day(date(2026, 3, 10))  # and a schedule over the library


def test_working_seconds_across_night_weekend_and_holiday() -> None:
    assert CAL.working_seconds_between(dt("2026-03-03 17:00"), dt("2026-03-04 09:00")) == HOUR
    assert CAL.working_seconds_between(dt("2026-03-06 16:30"), dt("2026-03-09 09:30")) == 2 * HOUR
    # 2-13: 1 h, 2-14 (worked Saturday): 9 h, 2-15..2-23: nothing, 2-24: 1 h
    spring = CAL.working_seconds_between(dt("2026-02-13 16:30"), dt("2026-02-24 09:30"))
    assert spring == 11 * HOUR
    assert CAL.working_seconds_between(dt("2026-02-24 09:30"), dt("2026-02-13 16:30")) == -spring
    assert CAL.working_seconds_between(dt("2026-03-07 09:00"), dt("2026-03-08 18:00")) == 0
    assert CAL.working_seconds_between(dt("2026-03-09 06:00"), dt("2026-03-09 20:00")) == OFFICE_DAY


def test_add_working_seconds_lands_at_closing_not_next_morning() -> None:
    assert CAL.add_working_seconds(dt("2026-03-06 08:30"), OFFICE_DAY) == dt("2026-03-06 17:30")
    assert CAL.add_working_seconds(dt("2026-03-06 17:00"), HOUR) == dt("2026-03-09 09:00")
    assert CAL.add_working_seconds(dt("2026-02-13 17:00"), HOUR) == dt("2026-02-14 09:00")
    assert CAL.add_working_seconds(dt("2026-02-14 17:00"), HOUR) == dt("2026-02-24 09:00")
    assert CAL.add_working_seconds(dt("2026-03-07 12:00"), 0) == dt("2026-03-07 12:00")
    with pytest.raises(ValueError):
        CAL.add_working_seconds(dt("2026-03-06 17:00"), -1)


def test_office_hours_are_configurable_and_checked() -> None:
    cal = WorkCalendar(office_start=time(9, 0), office_end=time(17, 0))
    assert cal.office_seconds_per_day == 8 * HOUR
    assert cal.add_working_days(dt("2026-03-06 15:00"), 1) == dt("2026-03-09 17:00")
    with pytest.raises(ValueError):
        WorkCalendar(office_start=time(18, 0), office_end=time(9, 0))


def test_aware_datetimes_are_refused() -> None:
    aware = datetime(2026, 3, 6, 9, 0, tzinfo=timezone(timedelta(hours=8)))
    with pytest.raises(ValueError):
        CAL.add_working_days(aware, 1)


instants = st.datetimes(min_value=datetime(2025, 12, 1), max_value=datetime(2027, 2, 1))


@given(a=instants, day_offset=st.integers(0, 400), into_office=st.integers(1, OFFICE_DAY))
def test_add_working_seconds_inverts_working_seconds_between(
    a: datetime, day_offset: int, into_office: int
) -> None:
    day = a.date() + timedelta(days=day_offset)
    assume(CAL.is_working_day(day))
    b = datetime.combine(day, time(8, 30)) + timedelta(seconds=into_office)
    a = a.replace(microsecond=0)
    assume(b >= a)
    assert CAL.add_working_seconds(a, CAL.working_seconds_between(a, b)) == b


@given(a=instants, seconds=st.integers(0, 60 * OFFICE_DAY))
def test_working_seconds_between_measures_add_working_seconds(a: datetime, seconds: int) -> None:
    a = a.replace(microsecond=0)
    later = CAL.add_working_seconds(a, seconds)
    assert later >= a
    assert CAL.working_seconds_between(a, later) == seconds


@given(start=instants, days=st.integers(1, 30))
def test_add_working_days_ends_at_closing_of_a_working_day(start: datetime, days: int) -> None:
    due = CAL.add_working_days(start, days)
    assert due.time() == time(17, 30) and CAL.is_working_day(due.date())
    span = (due.date() - start.date()).days
    after_start = (start.date() + timedelta(n) for n in range(1, span + 1))
    counted = [d for d in after_start if CAL.is_working_day(d)]
    assert len(counted) == days  # the start day never counts, the due day does


def test_working_seconds_over_many_weeks_and_a_new_year() -> None:
    # 2100: a year no table knows, so Monday–Friday. Friday 1 January 17:00 to Monday
    # 11 January 09:30: half an hour, the five days of 4–8 January, an hour on the 11th.
    days = WorkCalendar()
    assert days.working_seconds_between(dt("2100-01-01 17:00"), dt("2100-01-11 09:30")) == (
        HOUR // 2 + 5 * OFFICE_DAY + HOUR
    )
    # across the new year: Wednesday 30 December 2099 12:00 → 17:30 (5.5 h), Thursday 31st
    # and Friday 1st whole, Monday 4 January 08:30 → 10:00 (1.5 h)
    assert date(2099, 12, 30).weekday() == 2  # a Wednesday
    assert days.working_seconds_between(dt("2099-12-30 12:00"), dt("2100-01-04 10:00")) == (
        5 * HOUR + HOUR // 2 + 2 * OFFICE_DAY + HOUR + HOUR // 2
    )


def _walked(calendar: WorkCalendar, a: datetime, b: datetime) -> int:
    """The definition, one day at a time: what the quick count must always agree with."""
    total, day = timedelta(), a.date()
    while day <= b.date():
        if calendar.is_working_day(day):
            lo = max(a, datetime.combine(day, calendar.office_start))
            hi = min(b, datetime.combine(day, calendar.office_end))
            total += max(hi - lo, timedelta())
        day += timedelta(days=1)
    return total // timedelta(seconds=1)


long_span = st.datetimes(min_value=datetime(2024, 6, 1), max_value=datetime(2028, 6, 1))


@given(a=long_span, b=long_span)
def test_working_seconds_between_counts_as_walking_day_by_day(a: datetime, b: datetime) -> None:
    local = WorkCalendar({date(2026, 5, 6): False, date(2027, 1, 2): True}, time(9), time(17))
    for calendar in (CAL, local):
        expected = _walked(calendar, a, b) if a <= b else -_walked(calendar, b, a)
        assert calendar.working_seconds_between(a, b) == expected


def test_deadlines_in_days_asked_again_in_any_order_are_the_same() -> None:
    """add_working_days keeps what it worked out per start day and number of days: a later
    question about the same day, at another hour or for another number, gets its own answer
    (Friday 2026-03-06; the weekend off; 2026 has no holiday that week)."""
    cal = WorkCalendar()
    friday_morning, friday_night = datetime(2026, 3, 6, 8, 0), datetime(2026, 3, 6, 20, 0)
    expected = {
        1: datetime(2026, 3, 9, 17, 30),  # Monday
        2: datetime(2026, 3, 10, 17, 30),
        5: datetime(2026, 3, 13, 17, 30),  # the next Friday
    }
    for days in (1, 2, 5, 2, 1, 5):
        assert cal.add_working_days(friday_morning, days) == expected[days]
        assert cal.add_working_days(friday_night, days) == expected[days]
    # "the same day" depends on the hour, and stays so after the others were asked
    assert cal.add_working_days(friday_morning, 0) == datetime(2026, 3, 6, 17, 30)
    assert cal.add_working_days(friday_night, 0) == datetime(2026, 3, 9, 17, 30)
