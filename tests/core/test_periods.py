"""Periods: the month, quarter, year, week or range a figure is counted over, its bounds as
stored times are written, its label, the one before it, and months typed by hand."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import DomainError
from app.core.periods import (
    Period,
    Span,
    day_of,
    month_of,
    parse_month,
    quarter_of,
    week_of,
    year_of,
)


def test_a_month_and_its_bounds() -> None:
    november = month_of(date(2026, 11, 18))
    assert (november.first, november.last, november.span) == (
        date(2026, 11, 1),
        date(2026, 11, 30),
        Span.MONTH,
    )
    assert (november.start, november.end) == ("2026-11-01 00:00:00", "2026-12-01 00:00:00")
    assert november.label == "2026年11月"
    assert month_of(date(2026, 12, 31)).end == "2027-01-01 00:00:00"
    assert month_of(date(2028, 2, 10)).last == date(2028, 2, 29)  # a leap year
    assert month_of(date(2026, 2, 10)).last == date(2026, 2, 28)


@pytest.mark.parametrize(
    "day, previous",
    [
        (date(2026, 11, 18), (date(2026, 10, 1), date(2026, 10, 31))),
        (date(2026, 3, 31), (date(2026, 2, 1), date(2026, 2, 28))),
        (date(2026, 1, 5), (date(2025, 12, 1), date(2025, 12, 31))),
    ],
)
def test_the_month_before(day: date, previous: tuple[date, date]) -> None:
    before = month_of(day).previous()
    assert (before.first, before.last, before.span) == (*previous, Span.MONTH)


def test_quarters() -> None:
    q4 = quarter_of(date(2026, 11, 18))
    assert (q4.first, q4.last, q4.label) == (date(2026, 10, 1), date(2026, 12, 31), "2026年第4季度")
    q1 = quarter_of(date(2026, 2, 14))
    assert (q1.first, q1.last, q1.label) == (date(2026, 1, 1), date(2026, 3, 31), "2026年第1季度")
    before = q1.previous()
    assert (before.first, before.last, before.label) == (
        date(2025, 10, 1),
        date(2025, 12, 31),
        "2025年第4季度",
    )
    assert quarter_of(date(2026, 5, 1)).last == date(2026, 6, 30)
    assert quarter_of(date(2026, 9, 30)).first == date(2026, 7, 1)


def test_years_days_weeks_and_ranges() -> None:
    year = year_of(date(2026, 7, 1))
    assert (year.first, year.last, year.label) == (date(2026, 1, 1), date(2026, 12, 31), "2026年")
    assert year.previous() == year_of(date(2025, 1, 1))
    day = day_of(date(2026, 3, 1))
    assert (day.label, day.end) == ("2026年3月1日", "2026-03-02 00:00:00")
    assert day.previous() == day_of(date(2026, 2, 28))
    week = week_of(date(2026, 12, 3))  # a Thursday: the week from Monday 30 November
    assert (week.first, week.last) == (date(2026, 11, 30), date(2026, 12, 6))
    assert week.label == "2026年11月30日至2026年12月6日"
    assert week.previous() == week_of(date(2026, 11, 26))
    span = Period(date(2026, 11, 10), date(2026, 11, 19))  # ten days
    assert span.label == "2026年11月10日至2026年11月19日"
    assert span.previous() == Period(date(2026, 10, 31), date(2026, 11, 9))


def test_a_period_that_ends_before_it_begins_is_refused() -> None:
    with pytest.raises(DomainError) as caught:
        Period(date(2026, 11, 30), date(2026, 11, 1))
    assert caught.value.code == "period_reversed"
    assert Period(date(2026, 11, 1), date(2026, 11, 1)).end == "2026-11-02 00:00:00"


def test_a_month_typed_by_hand() -> None:
    assert parse_month("2026-11") == month_of(date(2026, 11, 1))
    assert parse_month("2027-1") == month_of(date(2027, 1, 1))


@pytest.mark.parametrize("text", ["2026-13", "2026-0", "2026", "2026-11-01", "十一月", "", "2026-"])
def test_a_month_that_is_not_one_is_refused(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_month(text)
    assert caught.value.code == "month_invalid"
    assert caught.value.params["value"] == text
    assert "月" in caught.value.text()
