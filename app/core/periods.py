"""Periods the figures are counted over: a day, a week, a month, a quarter, a year or any
range of days, each with the one before it (for "against the previous month")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from app.core.errors import DomainError


class Span(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    RANGE = "range"


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # inclusive
    span: Span = Span.RANGE

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise DomainError("period_reversed", value=f"{self.first}–{self.last}")

    @property
    def start(self) -> str:
        """The first moment, as stored times are written (``YYYY-MM-DD HH:MM:SS``)."""
        return f"{self.first.isoformat()} 00:00:00"

    @property
    def end(self) -> str:
        """The first moment after the period (exclusive bound)."""
        return f"{(self.last + timedelta(days=1)).isoformat()} 00:00:00"

    @property
    def label(self) -> str:
        f, last = self.first, self.last
        if self.span == Span.DAY:
            return f"{f.year}年{f.month}月{f.day}日"
        if self.span == Span.MONTH:
            return f"{f.year}年{f.month}月"
        if self.span == Span.QUARTER:
            return f"{f.year}年第{(f.month - 1) // 3 + 1}季度"
        if self.span == Span.YEAR:
            return f"{f.year}年"
        return f"{f.year}年{f.month}月{f.day}日至{last.year}年{last.month}月{last.day}日"

    def previous(self) -> Period:
        """The period of the same span just before this one."""
        if self.span == Span.MONTH:
            return month_of(self.first - timedelta(days=1))
        if self.span == Span.QUARTER:
            return quarter_of(self.first - timedelta(days=1))
        if self.span == Span.YEAR:
            return year_of(self.first - timedelta(days=1))
        length = (self.last - self.first).days + 1
        return Period(
            self.first - timedelta(days=length), self.first - timedelta(days=1), self.span
        )


def day_of(day: date) -> Period:
    return Period(day, day, Span.DAY)


def week_of(day: date) -> Period:
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6), Span.WEEK)


def month_of(day: date) -> Period:
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return Period(first, following - timedelta(days=1), Span.MONTH)


def quarter_of(day: date) -> Period:
    first = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    last = month_of(date(first.year, first.month + 2, 1)).last
    return Period(first, last, Span.QUARTER)


def year_of(day: date) -> Period:
    return Period(date(day.year, 1, 1), date(day.year, 12, 31), Span.YEAR)


SPANS = {
    Span.DAY: day_of,
    Span.WEEK: week_of,
    Span.MONTH: month_of,
    Span.QUARTER: quarter_of,
    Span.YEAR: year_of,
}


def parse_month(text: str) -> Period:
    """``2026-11`` → November 2026."""
    try:
        year, month = (int(part) for part in text.split("-"))
        return month_of(date(year, month, 1))
    except ValueError as error:
        raise DomainError("month_invalid", value=text) from error
