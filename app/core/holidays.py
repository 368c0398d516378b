"""A year's statutory holiday schedule (节假日安排), as the State Council publishes it each
November for the next year: for each festival, its days off and the make-up working days
(调休上班). chinese-calendar carries the years up to its release; for a later year the
administrator enters the schedule, and until every festival is in, TownDesk counts Monday
to Friday and says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from app.core.errors import DomainError
from app.core.model import Role

FESTIVALS = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")
FIRST_YEAR, LAST_YEAR = 2000, 2100  # years a township's calendar may hold
LONGEST_HOLIDAY = 10  # days off in a row (春节 and 国庆节 take eight or nine)
MAKE_UP_REACH = 15  # days: a make-up working day lies this close to its festival's days off
WARN_FROM = (11, 1)  # month, day: when next year's schedule is due
# who is warned of a missing schedule: the administrator enters it, and the clerk's triage
# sets the deadlines that would be wrong
WARNED_ROLES = frozenset({Role.ADMINISTRATOR, Role.CLERK})


@dataclass(frozen=True)
class Festival:
    """One entry of a schedule. ``names``: usually one festival; 中秋节 and 国庆节 are
    sometimes one holiday (2023, 2025), so one entry may name both."""

    names: tuple[str, ...]
    rest_from: date
    rest_to: date
    working: tuple[date, ...] = ()  # make-up working days

    def days_off(self) -> list[date]:
        count = (self.rest_to - self.rest_from).days + 1
        return [self.rest_from + timedelta(days=n) for n in range(count)]

    def record(self) -> dict[str, object]:
        """As the schedule's event keeps it."""
        return {
            "names": list(self.names),
            "rest": [self.rest_from.isoformat(), self.rest_to.isoformat()],
            "working": [day.isoformat() for day in self.working],
        }

    @classmethod
    def from_record(cls, record: Mapping[str, object]) -> Festival:
        rest = record["rest"]
        assert isinstance(rest, list)
        working = record.get("working") or []
        assert isinstance(working, list)
        return cls(
            tuple(str(name) for name in record["names"]),  # type: ignore[union-attr]
            date.fromisoformat(str(rest[0])),
            date.fromisoformat(str(rest[1])),
            tuple(date.fromisoformat(str(day)) for day in working),
        )


def check_year(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DomainError("year_invalid", value=year, found=FIRST_YEAR, limit=LAST_YEAR)
    return year


def parse_festival(text: str) -> Festival:
    """``春节:2027-02-05..2027-02-11:2027-02-14,2027-02-20`` (names joined by + or 、,
    the days off, then the make-up working days, if any), as the command line takes it."""
    text = text.translate(str.maketrans({"：": ":", "，": ",", "、": ",", " ": ","}))
    names, _, rest = text.strip(" ,").partition(":")
    span, _, working = rest.partition(":")
    start, dots, end = span.partition("..")
    try:
        rest_from = date.fromisoformat(start.strip())
        rest_to = date.fromisoformat(end.strip()) if dots else rest_from
        days = tuple(date.fromisoformat(d.strip()) for d in working.split(",") if d.strip())
    except ValueError:
        raise DomainError("holiday_invalid", value=text.strip()) from None
    split = [n.strip() for n in names.replace(",", "+").split("+") if n.strip()]
    return Festival(tuple(split), rest_from, rest_to, days)


def check_schedule(year: int, festivals: Iterable[Festival]) -> list[Festival]:
    """The entries of ``year``'s schedule, checked: known festivals, each once; days off in a
    row that touch the year (元旦's may begin on 31 December); make-up days on a weekend,
    in or next to the year, never on a day off."""
    check_year(year)
    checked: list[Festival] = []
    seen: set[str] = set()
    for entry in festivals:
        if not entry.names:
            raise DomainError("holiday_name_missing")
        for name in entry.names:
            if name not in FESTIVALS:
                raise DomainError("holiday_unknown", value=name, found="、".join(FESTIVALS))
            if name in seen:
                raise DomainError("holiday_twice", value=name)
            seen.add(name)
        label = "、".join(entry.names)
        length = (entry.rest_to - entry.rest_from).days + 1
        if not 1 <= length <= LONGEST_HOLIDAY:
            raise DomainError("holiday_span_invalid", value=label, limit=LONGEST_HOLIDAY)
        if entry.rest_to.year != year and entry.rest_from.year != year:
            raise DomainError("holiday_wrong_year", value=label, found=year)
        reach = timedelta(days=MAKE_UP_REACH)
        for day in entry.working:
            near = entry.rest_from - reach <= day <= entry.rest_to + reach
            if not near or day.weekday() < 5:
                raise DomainError("holiday_workday_invalid", value=day.isoformat())
            if entry.rest_from <= day <= entry.rest_to:
                raise DomainError("holiday_workday_invalid", value=day.isoformat())
        checked.append(entry)
    if not checked:
        raise DomainError("holiday_schedule_empty")
    return checked


def missing_festivals(entries: Iterable[Festival]) -> list[str]:
    """The festivals a schedule has not entered yet, in the year's order."""
    entered = {name for entry in entries for name in entry.names}
    return [name for name in FESTIVALS if name not in entered]


def schedule_days(entries: Iterable[Festival]) -> dict[date, tuple[bool, str]]:
    """Each day a schedule sets: (working?, the festival's name). A make-up day wins over a
    day off of another entry (it never falls in its own festival's, as checked)."""
    days: dict[date, tuple[bool, str]] = {}
    for entry in entries:
        label = "、".join(entry.names)
        for day in entry.days_off():
            days.setdefault(day, (False, label))
    for entry in entries:
        label = "、".join(entry.names)
        for day in entry.working:
            days[day] = (True, f"{label}调休上班")
    return days


@dataclass(frozen=True)
class ScheduleNotice:
    """A year whose schedule is not complete: counted Monday to Friday meanwhile."""

    year: int
    missing: tuple[str, ...]  # the festivals not entered yet (all of them: none entered)


def schedule_notice(
    today: date, known: Mapping[int, bool], missing: Mapping[int, list[str]]
) -> ScheduleNotice | None:
    """The year to warn about: this year when its holidays are unknown; from 1 November,
    next year until its schedule is complete. ``known``: whether a year's holidays are
    known (the library's, or a complete schedule); ``missing``: what a year still lacks."""
    years = [today.year]
    if (today.month, today.day) >= WARN_FROM:
        years.append(today.year + 1)
    for year in years:
        if not known.get(year, False):
            lacking = missing.get(year, list(FESTIVALS))
            return ScheduleNotice(year, tuple(lacking))
    return None


def year_to_enter(today: date) -> int:
    """The year a schedule is most likely entered for: next year once it is due."""
    return today.year + 1 if (today.month, today.day) >= WARN_FROM else today.year
