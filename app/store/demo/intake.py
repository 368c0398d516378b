"""When the demo's cases come in: a steady daily intake, fewer on weekends and statutory
holidays (the working-day calendar knows which), more in the months when the common
problems peak (stalls and noise in summer, straw burning after the harvests), within the
hours people report, and never a pile-up on any one day (today included: it has only the
hours gone by)."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta

from app.core.calendar import WorkCalendar
from app.core.clock import china_time, epoch_ms

FIRST, LAST = time(7, 0), time(21, 30)  # the hours cases are reported in
OFFICE_FROM, OFFICE_TO = time(8, 0), time(18, 0)  # most of them: patrols and office hours
IN_OFFICE_HOURS = 0.75
WEEKEND = 0.6  # patrols are fewer; the hotline still rings
HOLIDAY = 0.45  # a statutory holiday on a weekday (国庆, 春节 …)
DAILY_NOISE = 0.15  # no two days alike


def intake_moments(
    rng: random.Random,
    start: int,
    end: int,
    count: int,
    calendar: WorkCalendar,
    month_weight: Callable[[int], float],
) -> Iterator[int]:
    """``count`` instants in time order, on the days after ``start`` up to ``end``.
    ``month_weight``: how busy a month is (1..12 -> relative weight)."""
    days: list[tuple[datetime, datetime]] = []
    weights: list[float] = []
    day = china_time(start).date() + timedelta(days=1)
    last = china_time(end)
    while day <= last.date():
        opens, closes = datetime.combine(day, FIRST), datetime.combine(day, LAST)
        until = min(closes, last)
        if until > opens:  # today counts for the hours gone by only
            share = (until - opens) / (closes - opens)
            noise = rng.uniform(1 - DAILY_NOISE, 1 + DAILY_NOISE)
            weights.append(_day_factor(calendar, day) * month_weight(day.month) * share * noise)
            days.append((opens, until))
        day += timedelta(days=1)
    for (opens, until), n in zip(days, apportion(count, weights), strict=True):
        yield from _moments(rng, opens, until, n)


def _day_factor(calendar: WorkCalendar, day: date) -> float:
    if calendar.is_working_day(day):
        return 1.0
    return WEEKEND if day.weekday() >= 5 else HOLIDAY


def apportion(count: int, weights: list[float]) -> list[int]:
    """``count`` split in proportion to ``weights``, rounded so the parts add up exactly
    (largest remainders): no day takes what rounding left over from the others."""
    total = sum(weights)
    if not weights or total <= 0:
        return [0] * len(weights)
    exact = [count * w / total for w in weights]
    parts = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in by_remainder[: count - sum(parts)]:
        parts[i] += 1
    return parts


def _moments(rng: random.Random, opens: datetime, until: datetime, n: int) -> list[int]:
    """``n`` instants between ``opens`` and ``until``, most in office hours, in order."""
    lo, hi = epoch_ms(opens), epoch_ms(until)
    office_lo = max(lo, epoch_ms(datetime.combine(opens.date(), OFFICE_FROM)))
    office_hi = min(hi, epoch_ms(datetime.combine(opens.date(), OFFICE_TO)))
    moments = []
    for _ in range(n):
        if office_hi > office_lo and rng.random() < IN_OFFICE_HOURS:
            moments.append(rng.randint(office_lo, office_hi))
        else:
            moments.append(rng.randint(lo, hi))
    moments.sort()
    return moments
