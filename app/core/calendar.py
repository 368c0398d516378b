"""The working-day calendar: which days the office works, and office time between instants.

Deadlines are set in Chinese working days (工作日): weekends off, except the statutory holidays
and the make-up working days (调休) the State Council publishes each November for the next
year. Three sources, the first that speaks wins: the office's own exceptions (a local day
off), a year's schedule the administrator entered (``app.core.holidays``), then the tables of
``chinese-calendar``. For a year none of them knows in full we fall back to Monday–Friday and
say so through ``known_year`` so the window can warn instead of silently miscounting.

Office time is one span per working day, ``office_start``–``office_end`` (no lunch break: a
case can be worked on at noon, and a single span keeps the arithmetic obvious).
All datetimes are naive China local time, as stored (see ``app.core.clock``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta

import chinese_calendar

_ONE_DAY = timedelta(days=1)


def _naive(moment: datetime) -> datetime:
    # An aware datetime here means a caller skipped parse_local; comparing it with our
    # naive office hours would raise far away from the mistake, so refuse it at the door.
    if moment.tzinfo is not None:
        raise ValueError("需要本地时间（不带时区）")
    return moment


class WorkCalendar:
    """Working days and office hours. Immutable: rebuild it when the override table changes."""

    def __init__(
        self,
        overrides: Mapping[date, bool] | None = None,
        office_start: time = time(8, 30),
        office_end: time = time(17, 30),
        *,
        scheduled: Mapping[date, bool] | None = None,
        scheduled_years: frozenset[int] = frozenset(),
    ) -> None:
        """``overrides``: the office's exceptions; ``scheduled``: the days set by the
        holiday schedules entered, ``scheduled_years`` the years whose schedule is complete."""
        if office_start >= office_end:
            raise ValueError("办公时间的开始必须早于结束")
        self.office_start = office_start
        self.office_end = office_end
        self._overrides = dict(overrides or {})  # True = working day, False = day off
        self._scheduled = dict(scheduled or {})
        self._scheduled_years = scheduled_years
        self._days: dict[date, bool] = {}  # the library re-scans its tables on every call
        self._library_years: dict[int, bool] = {}
        self._year_counts: dict[int, list[int]] = {}  # a year's working days up to each day
        self._year_starts: dict[int, int] = {}  # the ordinal of each year's 31 December before
        self._closes_after: dict[tuple[date, int], datetime] = {}  # add_working_days, N >= 1

    @property
    def office_seconds_per_day(self) -> int:
        return int((self._close(date.min) - self._open(date.min)).total_seconds())

    # --- which days -------------------------------------------------------------------------

    def _library_knows(self, year: int) -> bool:
        if year not in self._library_years:
            try:
                chinese_calendar.is_workday(date(year, 1, 1))
                self._library_years[year] = True
            except NotImplementedError:  # outside the years the installed version carries
                self._library_years[year] = False
        return self._library_years[year]

    def known_year(self, year: int) -> bool:
        """True when the year's holidays are known: from the library, or from a complete
        schedule entered by the administrator (one exception or one festival is not enough).
        False means the Monday–Friday fallback is in use for the days not entered."""
        return year in self._scheduled_years or self._library_knows(year)

    def is_working_day(self, day: date) -> bool:
        if isinstance(day, datetime):  # a datetime is a date too; use its day, not a crash
            day = day.date()
        cached = self._days.get(day)
        if cached is None:
            if day in self._overrides:
                cached = self._overrides[day]
            elif day in self._scheduled:
                cached = self._scheduled[day]
            elif self._library_knows(day.year):
                cached = chinese_calendar.is_workday(day)
            else:
                cached = day.weekday() < 5
            self._days[day] = cached
        return cached

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        day += _ONE_DAY
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    # --- office time ------------------------------------------------------------------------

    def _open(self, day: date) -> datetime:
        return datetime.combine(day, self.office_start)

    def _close(self, day: date) -> datetime:
        return datetime.combine(day, self.office_end)

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """Deadline for "within N working days": office close of the N-th working day after the
        start day. The start day itself never counts (the usual rule for time limits), so a
        case received on Friday afternoon with 1 day is due Monday 17:30, and one received on a
        holiday has the first working day after it as day 1.

        N = 0 ("the same day") is office close of the start day when that is a working day and
        ``start`` is not already past closing; otherwise of the next working day, so a deadline
        is never earlier than the moment it was set.
        """
        _naive(start)
        if days < 0:
            raise ValueError("工作日天数不能为负")
        day = start.date()
        if days == 0:
            if self.is_working_day(day) and start <= self._close(day):
                return self._close(day)
            return self._close(self.next_working_day(day))
        # N >= 1 depends on the start's day only: worked out once per day and N (a fold
        # sets a deadline for every assignment of every case, days apart by the dozen)
        close = self._closes_after.get((day, days))
        if close is None:
            first = day
            for _ in range(days):
                day = self.next_working_day(day)
            close = self._closes_after[(first, days)] = self._close(day)
        return close

    def working_seconds_between(self, a: datetime, b: datetime) -> int:
        """Office seconds from ``a`` to ``b`` (only office hours of working days count).
        Signed: negative when ``b`` is before ``a``, so "time left" goes below zero when late."""
        _naive(a)
        _naive(b)
        if b < a:
            return -self.working_seconds_between(b, a)
        first, last = a.date(), b.date()
        if first == last:
            total = self._office_part(first, a, b)
        else:  # the two ends in part, the whole working days between counted, not walked:
            # the overdue watch asks this of a thousand cases months late
            middle = self._working_days(first + _ONE_DAY, last - _ONE_DAY)
            total = (
                self._office_part(first, a, self._close(first))
                + middle * (self._close(first) - self._open(first))
                + self._office_part(last, self._open(last), b)
            )
        return total // timedelta(seconds=1)

    def _office_part(self, day: date, a: datetime, b: datetime) -> timedelta:
        """Office time of ``day`` between ``a`` and ``b``."""
        if not self.is_working_day(day):
            return timedelta()
        lo, hi = max(a, self._open(day)), min(b, self._close(day))
        return hi - lo if hi > lo else timedelta()

    def _working_days(self, first: date, last: date) -> int:
        """How many working days from ``first`` to ``last``, both included."""
        if last < first:
            return 0
        if first.year == last.year:
            return self._working_through(last) - self._working_through(first - _ONE_DAY, first)
        whole_years = sum(self._year_count(year)[-1] for year in range(first.year + 1, last.year))
        before_first = self._working_through(first - _ONE_DAY, first)
        rest_of_first = self._year_count(first.year)[-1] - before_first
        return rest_of_first + whole_years + self._working_through(last)

    def _working_through(self, day: date, year_of: date | None = None) -> int:
        """Working days from 1 January of ``year_of`` (default: of ``day``) up to ``day``
        included; 0 when ``day`` falls before that year."""
        year = (year_of or day).year
        if day.year < year:
            return 0
        counts = self._year_count(year)  # (not timetuple: it imports a module on each call)
        return counts[day.toordinal() - self._year_starts[year]]

    def _year_count(self, year: int) -> list[int]:
        """[0, working days up to 1 January, up to 2 January, …, up to 31 December]."""
        counts = self._year_counts.get(year)
        if counts is None:
            counts, day, n = [0], date(year, 1, 1), 0
            self._year_starts[year] = day.toordinal() - 1
            while day.year == year:
                n += self.is_working_day(day)
                counts.append(n)
                if day == date.max:
                    break
                day += _ONE_DAY
            self._year_counts[year] = counts
        return counts

    def add_working_seconds(self, start: datetime, seconds: int) -> datetime:
        """The earliest instant at which ``seconds`` of office time have passed since ``start``
        (so a span that ends exactly at closing lands on 17:30, not next morning's 08:30)."""
        _naive(start)
        if seconds < 0:
            raise ValueError("时长不能为负")
        left = timedelta(seconds=seconds)
        if not left:
            return start
        day = start.date()
        while True:
            if self.is_working_day(day):
                lo = max(start, self._open(day))
                available = self._close(day) - lo
                if available > timedelta() and left <= available:
                    return lo + left
                if available > timedelta():
                    left -= available
            day += _ONE_DAY
